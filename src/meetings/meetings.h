/*
** meetings.h — meetings and protocols (domain calls over
** schema_meetings.c): the whole protocol of a meeting as structs, the
** changes `styr meeting …` makes (each one transaction with its audit
** entries), the legal dates of a meeting, and the check for `styr check`.
**
** A meeting is named by its date ("2021-02-10"). Errors name the meeting
** and, where one is concerned, the paragraph: "meeting 2021-02-10: no §9
** (the meeting has §§1-7)".
*/
#ifndef STYR_MEETINGS_H
#define STYR_MEETINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/date.h"
#include "base/error.h"
#include "base/findings.h"
#include "base/legaldates.h"

struct store;
struct section_desc;

extern const struct section_desc section_paragraph_starts;
extern const struct section_desc section_standard_items;
extern const struct section_desc section_meetings;
extern const struct section_desc section_attendance;
extern const struct section_desc section_justerare;
extern const struct section_desc section_agenda_items;
extern const struct section_desc section_basis_documents;
extern const struct section_desc section_delegation_decisions;
extern const struct section_desc section_messages;
extern const struct section_desc section_anslag;

/* The role of a person at a meeting. The names are the stored and
** written forms: members (ordinarie) and substitutes serving for one
** (tjänstgörande ersättare) decide; substitutes present who do not serve
** (ersättare) and officials (tjänsteperson, the protocol's Övriga) do
** not. */
enum attendee_role {
	ROLE_MEMBER,              /* ordinarie */
	ROLE_SERVING_SUBSTITUTE,  /* tjänstgörande ersättare */
	ROLE_SUBSTITUTE,          /* ersättare */
	ROLE_OFFICIAL,            /* tjänsteperson */
	ROLE_NKINDS
};
extern const char *const attendee_role_names[ROLE_NKINDS + 1]; /* NULL-terminated */
#define ROLE_BIT(role) (1u << (role))

/* The role named s; false when s names none. */
bool attendee_role_parse(const char *s, enum attendee_role *out);

/* Every string below is owned by the protocol (NULL when not recorded)
** and freed by protocol_release(). */
struct attendee {
	char *key, *name;
	enum attendee_role role;
	char *title;         /* "ordförande", "Förvaltningschef", … */
	char *party;
	char *municipality;  /* name, e.g. "Hallsberg" */
	char *serving_for;   /* name of the member served for */
	bool remote;
};

struct delegation_item {
	char *case_number, *title;
	struct date date;    /* year 0 when not recorded */
};

struct agenda_entry {
	int number;          /* § */
	char *title, *heading, *case_number, *description, *proposal, *decision;
	struct date period_from, period_to;   /* year 0 when not recorded */
	char *officer;       /* name of the handläggare; NULL when not recorded */
	char *consequences;  /* Ekonomiska konsekvenser; NULL when not recorded */
	char **basis;        size_t nbasis;
	char **basis_file;   /* nbasis: a stored PDF of the document, or NULL */
	char **basis_report; /* nbasis: `styr report` arguments making it, or NULL */
	struct delegation_item *delegations; size_t ndelegations;
	char **messages;     size_t nmessages;
};

struct anslag_entry {
	char *code, *municipality;   /* "1814", "Lekeberg" */
	struct date date;
	struct date stated_until;    /* the "till och med" of the appeal period as a
	                                stored document printed it; year 0 when none */
	char *storage_place, *posted_by;
};

struct protocol {
	char *committee;             /* committee name */
	struct date date;
	char *start, *end, *place;
	bool remote;
	char *chair, *secretary;     /* names */
	struct date justering;       /* year 0 when not recorded */
	struct attendee *people;     size_t npeople;   /* protocol order */
	char **justerare;            size_t njusterare; /* names */
	struct agenda_entry *items;  size_t nitems;    /* by § */
	struct anslag_entry *anslag; size_t nanslag;   /* by municipality code */
	size_t nmembers;             /* member municipalities: 1 for a single committee */
};

/* Read the whole protocol of the meeting on `date` (YYYY-MM-DD).
** STYR_ENOTFOUND names the known meetings. On failure *out is empty. */
enum styr_rc meeting_protocol(struct store *s, const char *date, struct protocol *out,
                              struct styr_error *err);
void protocol_release(struct protocol *p);

/* The id of the meeting on `date`; STYR_ENOTFOUND names the known ones. */
enum styr_rc meeting_find(struct store *s, const char *date, int64_t *id,
                          struct styr_error *err);

/* The meetings' dates, in order. Caller frees. */
enum styr_rc meeting_dates_list(struct store *s, struct date **out, size_t *count,
                                struct styr_error *err);

/* The legal dates of a protocol and the recorded dates that break them. */
struct meeting_deadlines {
	struct date justering_deadline;   /* meeting + 14 */
	struct date anslag_deadline;      /* justering (or its deadline) + 2 */
	bool has_appeal;                  /* some anslag is recorded */
	struct appeal_dates appeal;       /* from the latest anslag */
	size_t missing_members;           /* members with no anslag recorded */
};

/* Compute p's deadlines and append a line per broken one to warn
** ("meeting 2021-02-10: justering 2021-03-01 is after the deadline …"),
** and one per anslag whose stored "till och med" states another last day
** of appeal than the law gives; warn may be NULL when only the dates are
** wanted. */
void meeting_deadlines(const struct protocol *p, size_t nmembers,
                       struct meeting_deadlines *out, struct findings *warn);


/* The anslag of p in the municipality with this code, or NULL. */
const struct anslag_entry *protocol_anslag(const struct protocol *p, const char *code);

/* ---- changes (each one transaction, audited) ---- */

struct meeting_new {
	const char *date, *start, *end, *place;
	bool remote;
	const char *chair, *secretary;   /* person keys or NULL */
};

/* Create a meeting. STYR_ECONFLICT when one exists on that date. */
enum styr_rc meeting_create(struct store *s, const struct meeting_new *m,
                            struct styr_error *err);

/* Add a person to the attendance of a meeting. role is one of
** attendee_role_names; a tjänstgörande ersättare, and only one, names the
** member served for. */
struct meeting_attend {
	const char *person, *role, *serving_for, *title;
	bool remote;
};
enum styr_rc meeting_attend(struct store *s, const char *date,
                            const struct meeting_attend *a, struct styr_error *err);

/* The standing items of an agenda: those of the section standard_items,
** or, when it has none, "Val av justerare" and "Förvaltningschefen
** informerar" before the matters and "Redovisning av delegeringsbeslut",
** "Meddelanden för kännedom" and "Övriga frågor" after them. The arrays
** are NULL-terminated too; free each title and the arrays. */
enum styr_rc meeting_standard_items(struct store *s, char ***before, size_t *nbefore,
                                    char ***after, size_t *nafter, struct styr_error *err);

/* The first § of year: its paragraph_starts row, or 1. */
enum styr_rc meeting_year_first(struct store *s, int year, int *first, struct styr_error *err);

/* Append agenda items (titles[i] with case numbers cases[i] or NULL) to
** the meeting, numbering them on from the year's last § before the
** meeting (from the year's first § at its first meeting). A meeting
** between two others takes the numbers free between them; when the items
** do not fit, the refusal names the meeting, the neighbours and the
** numbers that are free. first_out receives the first §. */
enum styr_rc meeting_add_items(struct store *s, const char *date,
                               const char *const *titles, const char *const *cases,
                               size_t n, int *first_out, struct styr_error *err);

/* Record what was decided on § number (any NULL field is left as it is;
** basis documents are appended). STYR_ENOTFOUND names meeting and §. */
struct meeting_decision {
	const char *description, *proposal, *decision;
	const char *const *basis; size_t nbasis;
};
enum styr_rc meeting_decide(struct store *s, const char *date, int number,
                            const struct meeting_decision *d, struct styr_error *err);

/* Record the justering date and the justerare (person keys), who must be
** members or substitutes present. A late justering is a warning. */
enum styr_rc meeting_justera(struct store *s, const char *date, const char *justering,
                             const char *const *persons, size_t n,
                             struct findings *warn, struct styr_error *err);

/* Record (or replace) the anslag in a municipality (code or name).
** Refused before the justering; late is a warning. */
struct meeting_anslag {
	const char *municipality, *date, *until, *storage_place, *posted_by;
};
enum styr_rc meeting_set_anslag(struct store *s, const char *date,
                                const struct meeting_anslag *a,
                                struct findings *warn, struct styr_error *err);

/* Consistency checks for `styr check`: deadlines, § numbering, the chair
** and justerare present, stated "till och med" dates. */
enum styr_rc meetings_check(struct store *s, struct findings *f, struct styr_error *err);

#endif
