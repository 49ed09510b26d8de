/*
** org.h — the organisation: committee, member municipalities with their
** population, persons, roles and report occasions (domain calls over
** schema_org.c).
*/
#ifndef STYR_ORG_H
#define STYR_ORG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/date.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/findings.h"

struct store;
struct section_desc;

extern const struct section_desc section_municipalities;
extern const struct section_desc section_committee;
extern const struct section_desc section_population;
extern const struct section_desc section_persons;
extern const struct section_desc section_role_kinds;
extern const struct section_desc section_roles;

extern const struct section_desc section_words;

/* Words the reports print that one committee says otherwise (section
** words); without a row the default, the example committee's word. */
enum org_word {
	WORD_GOVERNANCE_MODEL,   /* "governance_model": "MER-styrning" */
	WORD_ACCOUNT_LINE,       /* "account_line": "Kontotext" */
	WORD_NWORDS
};
extern const char *const org_word_names[WORD_NWORDS + 1];     /* NULL-terminated */
extern const char *const org_word_defaults[WORD_NWORDS];

/* The committee's word w, or its default, into *out (malloc'ed, the
** caller frees). */
enum styr_rc org_word(struct store *s, enum org_word w, char **out, struct styr_error *err);

/* The number of member municipalities (member true): one for a
** committee of a single municipality, more for a joint committee
** (gemensam nämnd), whose wording follows. */
enum styr_rc org_member_count(struct store *s, size_t *count, struct styr_error *err);

/* The roles every committee has (NULL-terminated); a committee names
** others in the section role_kinds. */
extern const char *const org_default_roles[];
extern const struct section_desc section_occasions;

/* Result structs own their strings (malloc'ed, freed by the _release
** call); nothing is cut to a fixed size. */

struct committee {
	int64_t id;
	char *short_name;
	char *name;
	char *case_prefix;
	char *case_format;    /* one of committee_case_formats; NULL: "YY-N" */
	char *host_code;      /* SCB code of the host municipality */
	char *host_name;      /* its name, "Lekeberg" */
	char *letterhead;     /* the publisher on documents: as stored, else the
	                      ** host municipality's ("Lekebergs kommun") */
	char *logo;           /* path of a PNG or SVG logo; NULL for none */
	uint32_t colour;      /* 0xRRGGBB of headings and rules; 0 for the house colour */
};

/* The name of the person holding role ("förvaltningschef") on date (any
** date when date.year is 0), the latest appointed first; *name NULL (and
** STYR_OK) when nobody does. Free *name. */
enum styr_rc org_role_holder(struct store *s, const char *role, struct date date,
                             char **name, struct styr_error *err);

/* A municipality's name as an organisation: "Lekebergs kommun",
** "Laxå kommun" (a name ending in a vowel or s, x, z takes no s). */
void org_municipality_name(struct strbuf *sb, const char *name);

/* The forms of case number a committee may use (control/casenum.h names
** the same), NULL-terminated. */
extern const char *const committee_case_formats[];

/* The committee of this database; STYR_ENOTFOUND when none is loaded.
** On success release it with committee_release. */
enum styr_rc org_committee(struct store *s, struct committee *out,
                           struct styr_error *err);
void committee_release(struct committee *c);

struct member {
	int64_t id;
	char *code;
	char *name;
	int64_t population;   /* on the date asked for; -1 when not recorded */
};

/* Member municipalities ordered by code, each with its population on
** `date` (-1 where none is recorded). Free with members_free. */
enum styr_rc org_members(struct store *s, struct date date, struct member **out,
                         size_t *count, struct styr_error *err);
void members_free(struct member *v, size_t n);

/* The kinds of report occasion, in the order of the yearly cycle. The
** names are the stored and written forms ("mer-plan", "prognos", ...). */
enum occasion_kind {
	OCC_MER_PLAN, OCC_PROGNOS, OCC_DELAR, OCC_ARSREDOVISNING, OCC_NKINDS
};
extern const char *const occasion_kind_names[OCC_NKINDS + 1]; /* NULL-terminated */
#define OCC_BIT(kind) (1u << (kind))
#define OCC_FOLLOW_UP (OCC_BIT(OCC_PROGNOS) | OCC_BIT(OCC_DELAR) | OCC_BIT(OCC_ARSREDOVISNING))

/* The kind named s; false when s names none. */
bool occasion_kind_parse(const char *s, enum occasion_kind *out);

struct occasion {
	int64_t id;
	char *key;            /* "2020-04-30", "mer-plan-2023" */
	enum occasion_kind kind;
	int year;
	struct date date;     /* cut-off; year 0 when the occasion has none (a plan) */
	char *title;
	struct date document_date; /* year 0 when not recorded */
};

/* Free the strings of o (and zero it); a zeroed occasion is fine. */
void occasion_release(struct occasion *o);
/* A deep copy of src into dst (which is overwritten, not released). */
void occasion_copy(struct occasion *dst, const struct occasion *src);

/* How a person names an occasion: by name, by year, or both. */
struct occasion_query {
	const char *name;     /* --occasion: its key or cut-off date; NULL when not given */
	int year;             /* --year; 0 when not given */
	unsigned kinds;       /* OCC_BIT()s of the kinds accepted; 0 for any */
};

/*
** The occasion a query names — the one resolver every command, report
** and domain call goes through, with one default policy:
**   - a name picks the occasion with that key, else the follow-up
**     occasion with that cut-off date; it is refused when it is not of an
**     accepted kind, or not of the year when a year is given too;
**   - a year alone picks the year's last occasion of an accepted kind by
**     cut-off date, an occasion without one (the MER-plan) counting as the
**     year's first;
**   - neither is refused ("give --occasion or --year").
** STYR_ENOTFOUND names the known occasions. On success release *out with
** occasion_release; on failure *out is zeroed.
*/
enum styr_rc org_occasion_resolve(struct store *s, const struct occasion_query *q,
                                  struct occasion *out, struct styr_error *err);

/* All occasions of a year (every year when year is 0) in the order of the
** policy above: plans first, then by cut-off date. Free with
** occasions_free. */
enum styr_rc org_occasions(struct store *s, int year, struct occasion **out,
                           size_t *count, struct styr_error *err);
void occasions_free(struct occasion *v, size_t n);

/* Consistency checks of the organisation data, for `styr check`. */
enum styr_rc org_check(struct store *s, struct findings *f, struct styr_error *err);

#endif
