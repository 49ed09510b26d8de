/*
** report.h — report types and output formats.
**
** A report type (rt_<name>.c) reads the store through the modules' domain
** calls and builds a `struct doc` (doc.h); it is written once and every
** renderer draws it. A section whose data module is not in this build is
** left out, never faked. The registry lists the types in the order `styr
** report --help` shows them.
*/
#ifndef STYR_REPORT_H
#define STYR_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/strbuf.h"
#include "report/doc.h"

struct store;
struct occasion;

/* What the report is about, from the command line. */
struct report_args {
	int year;               /* --year; 0 when not given */
	const char *occasion;   /* --occasion (key or cut-off date); NULL when not given */
	const char *meeting;    /* --meeting YYYY-MM-DD; NULL when not given */
	int paragraph;          /* --paragraph N for utdrag; 0 when not given */
};

#define REPORT_BY_YEAR     1u
#define REPORT_BY_OCCASION 2u
#define REPORT_BY_MEETING  4u

struct report_type {
	const char *name;       /* "prognos" */
	const char *summary;    /* one line, Swedish */
	unsigned selectors;     /* REPORT_BY_* it accepts */
	/* Build the document; *out owned by the caller (doc_free). On failure
	** *out is NULL and err says what is missing. */
	enum styr_rc (*build)(struct store *s, const struct report_args *a,
	                      struct doc **out, struct styr_error *err);
};

const struct report_type *const *report_types(size_t *count);
const struct report_type *report_type_find(const char *name);

/* Output formats: "html", "text", "xlsx", "pdf". NULL when unknown. */
doc_renderer report_renderer(const char *format);

/* The occasion a report of kind `kind` ("prognos", "delar",
** "arsredovisning", "mer-plan") is about: --occasion (which must be of
** that kind) or the last occasion of that kind in --year. */
enum styr_rc report_occasion(struct store *s, const struct report_args *a,
                             const char *kind, struct occasion *out,
                             struct styr_error *err);

/* Append narrative text in the light form of report_texts.h as blocks:
** paragraphs, "- " bullet lists, "1. " numbered lists, "### " plain
** sub-headings at heading_level. */
void report_add_text(struct doc *d, const char *text, int heading_level);

/* Append the stored text of `part` for occasion_id; *found tells whether
** there was one (may be NULL). */
enum styr_rc report_add_stored_text(struct doc *d, struct store *s, int64_t occasion_id,
                                    const char *part, int heading_level, bool *found,
                                    struct styr_error *err);

/* A new doc with the committee's name and the occasion's title/date. */
enum styr_rc report_doc_for_occasion(struct store *s, const struct occasion *o,
                                     struct doc **out, struct styr_error *err);

struct agenda_entry;
/* Append one § of a protocol: its heading, ärendebeskrivning, förslag,
** beslut and the lists that go with it (rt_protokoll.c; also used by
** rt_utdrag.c). */
void report_protocol_item(struct doc *d, const struct agenda_entry *e);

/* Prognosrapport and delårsrapport share their structure (rt_prognos.c):
** inledning, MER-styrning (politiskt fattade beslut, mål), the
** verksamhetsrapport/-berättelse and the ekonomisk rapport. */
enum styr_rc report_build_period(struct store *s, const struct report_args *a,
                                 const char *kind, struct doc **out,
                                 struct styr_error *err);

/* Economy sections (sec_economy.c). Each appends its table and sets
** *found, or appends nothing and sets *found false when the store holds
** no such data for the occasion/year. */
enum styr_rc report_econ_drift(struct doc *d, struct store *s, const struct occasion *o,
                               const char *caption, const char *first_col,
                               bool *found, struct styr_error *err);
enum styr_rc report_econ_invest(struct doc *d, struct store *s, const struct occasion *o,
                                const char *caption, bool *found, struct styr_error *err);
enum styr_rc report_econ_capital(struct doc *d, struct store *s, int year,
                                 bool *found, struct styr_error *err);
enum styr_rc report_econ_split(struct doc *d, struct store *s, int year, bool *found,
                               struct styr_error *err);

/* Goals sections (sec_goals.c): the follow-up table at an occasion
** (annual: utfall/målvärde per nämndmål; else nuvärde, prognos, målvärde)
** with the nämndmål verdicts and summary line, and the plan table of a
** year (utgångsvärde, målvärde for the year and two plan years).
** host_row: the follow-up rows are grouped under the name of the host
** municipality, whose kommunfullmäktige set the goals (as Prognosrapport
** 1-2020 shows them); left out when the committee names no host. */
enum styr_rc report_goals_followup(struct doc *d, struct store *s, const struct occasion *o,
                                   bool annual, bool host_row, bool *found,
                                   struct styr_error *err);
enum styr_rc report_goals_plan(struct doc *d, struct store *s, int year, bool *found,
                               struct styr_error *err);

/* Control sections (sec_control.c): the assignments table at an
** occasion, and the internal-control plan of a year from the risk matrix
** (heading level 2 under the caller's level-1 inledning) through
** Uppföljning, Slutsatser and Åtgärder; the stored texts are used where
** the plan has none. */
enum styr_rc report_assignments(struct doc *d, struct store *s, const struct occasion *o,
                                bool *found, struct styr_error *err);
enum styr_rc report_control_plan(struct doc *d, struct store *s, int year,
                                 const char *stored_conclusions, const char *stored_actions,
                                 bool *found, struct styr_error *err);

/* The report types. */
extern const struct report_type rt_mer_plan, rt_prognos, rt_delar, rt_arsredovisning,
	rt_internkontroll, rt_protokoll, rt_utdrag;

#endif
