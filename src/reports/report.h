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

#include "base/error.h"
#include "base/strbuf.h"
#include "doc/doc.h"
#include "org/org.h"
#include "control/control_doc.h"
#include "economy/economy_doc.h"
#include "goals/goals_doc.h"
#include "meetings/meetings_doc.h"
#include "ops/ops_doc.h"
#include "reports/report_texts.h"

struct store;
struct findings;
struct occasion;
struct findings;

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

/* Build a report of type t and resolve the figures its narrative refers
** to (doc_resolve_figures); a reference to no figure stays as written and
** `styr check` names it. */
enum styr_rc report_build(const struct report_type *t, struct store *s,
                          const struct report_args *a, struct doc **out,
                          struct styr_error *err);

/* `styr check` for the reports: every follow-up and plan report of every
** occasion is built, and its narrative checked against its figures
** (doc_check_prose) and for references to figures it does not have. */
enum styr_rc reports_check(struct store *s, struct findings *f, struct styr_error *err);
const struct report_type *report_type_find(const char *name);

/* The occasion a report of kind `kind` is about: --occasion and --year as
** org_occasion_resolve reads them (the one policy). Release *out with
** occasion_release. */
enum styr_rc report_occasion(struct store *s, const struct report_args *a,
                             enum occasion_kind kind, struct occasion *out,
                             struct styr_error *err);

/* Append the stored text of `part` for occasion_id; *found tells whether
** there was one (may be NULL). */
enum styr_rc report_add_stored_text(struct doc *d, struct store *s, int64_t occasion_id,
                                    enum report_part part, int heading_level, bool *found,
                                    struct styr_error *err);

/* Render d with render (doc_renderer_find) and append it to out. A PDF
** of a document with attachments (doc_attach) has them after its own
** pages, each a stored file or a report made here (its `styr report`
** arguments, "TYPE --year Y | --occasion DATE | --meeting DATE
** [--paragraph N]"), with a bookmark each (pdf_append); an attachment's
** own attachments are not appended. Fails naming the attachment when a
** file cannot be read or a report cannot be made; out then holds an
** unspecified part of a document. */
enum styr_rc report_render(struct store *s, const struct doc *d, doc_renderer render,
                           struct strbuf *out, struct styr_error *err);

/* Give d the committee's identity (doc_set_identity): its letterhead,
** logo and colour from the organisation data. */
enum styr_rc report_identity(struct doc *d, struct store *s, struct styr_error *err);

/* A new doc with the committee's name, identity and the occasion's title;
** dated by the occasion's document date, else today (clock.h), so every
** cover has a date. */
enum styr_rc report_doc_for_occasion(struct store *s, const struct occasion *o,
                                     struct doc **out, struct styr_error *err);

/* Prognosrapport and delårsrapport share their structure (rt_prognos.c):
** inledning, MER-styrning (politiskt fattade beslut, mål), the
** verksamhetsrapport/-berättelse and the ekonomisk rapport. */
enum styr_rc report_build_period(struct store *s, const struct report_args *a,
                                 enum occasion_kind kind, struct doc **out,
                                 struct styr_error *err);

/* The report types. */
extern const struct report_type rt_mer_plan, rt_prognos, rt_delar, rt_arsredovisning,
	rt_internkontroll, rt_protokoll, rt_utdrag, rt_tjansteskrivelse;

#endif
