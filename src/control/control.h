/*
** control.h — domain calls over schema_control.c: the case register,
** political assignments followed up per report occasion, and the
** internal-control plan of a year with its risks, control moments,
** follow-ups, conclusions and actions. A report or a command asks here
** and gets plain structs; SQL stays in this module.
*/
#ifndef STYR_STORE_CONTROL_H
#define STYR_STORE_CONTROL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/date.h"
#include "base/error.h"
#include "base/findings.h"
#include "control/control_scales.h"
#include "org/org.h"

struct store;
struct section_desc;
struct migration;

extern const struct migration migration_control, migration_control_case_closed,
	migration_control_scales;
extern const struct section_desc section_cases;
extern const struct section_desc section_assignments;
extern const struct section_desc section_assignment_status;
extern const struct section_desc section_assignment_reports;
extern const struct section_desc section_control_plans;
extern const struct section_desc section_risk_grades;
extern const struct section_desc section_control_areas;
extern const struct section_desc section_risk_levels;
extern const struct section_desc section_risks;
extern const struct section_desc section_control_moments;
extern const struct section_desc section_control_followups;
extern const struct section_desc section_control_actions;

/* Result structs own their strings (malloc'ed, freed by their release or
** free call); nothing is cut to a fixed size. Values from a fixed list
** are enums of control_scales.h. */

/* ---- cases ---- */

/* How this committee writes its case numbers: its prefix and form
** (org's committee case_prefix and case_format). Without a committee any
** prefix and any form are accepted. */
struct case_style {
	char *prefix;         /* owned; NULL: any prefix */
	int form;             /* enum casenum_form, or CASENUM_ANY */
};
struct casenum;
struct strbuf;

/* The committee's style into *out (release with case_style_release). */
enum styr_rc control_case_style(struct store *s, struct case_style *out,
                                struct styr_error *err);
void case_style_release(struct case_style *st);
/* casenum_parse in the style; release *out with casenum_release. */
bool case_style_parse(const struct case_style *st, const char *text, struct casenum *out);
/* The expected form for messages (casenum_expected). */
void case_style_expected(const struct case_style *st, struct strbuf *out);

struct case_row {
	int64_t id;
	char *number;         /* as written */
	char *norm;           /* normal form, "SYD-IT 20-6-11" */
	int year;             /* the year as the number writes it (21, or 2025) */
	long seq, doc;        /* doc 0 for the case itself */
	char *title;
	struct date registered; /* year 0 when not recorded */
	enum case_status status; /* öppet when not recorded */
	struct date closed;   /* year 0 while open */
};

/* Free the strings of c (and zero it). */
void case_row_release(struct case_row *c);
/* Release each of v[0..n) and free v. */
void case_rows_free(struct case_row *v, size_t n);

/* Cases (and documents) by year, sequence and document. search, when not
** NULL, is a case number in any spelling (matching that case and its
** documents) or else a piece of the title. Free with case_rows_free. */
enum styr_rc case_list(struct store *s, const char *search, struct case_row **out,
                       size_t *count, struct styr_error *err);

/* Register a new case in year (four digits) with the next number of that
** year's sequence, or, when parent is a case number, a new document in
** that case with its next document number, in the committee's prefix and
** form. registered year 0 is today (clock.h). Writes the audit log; one
** transaction. *out is the new row; release it with case_row_release. */
enum styr_rc case_new(struct store *s, int year, const char *parent, const char *title,
                      struct date registered, struct case_row *out,
                      struct styr_error *err);

/* Close the case (or document) number, in any spelling, on `closed`
** (year 0: today): status avslutat. STYR_ENOTFOUND when it is not in the
** register, STYR_ECONFLICT when it is closed already (naming the day).
** One transaction (the store logs the change). */
enum styr_rc case_close(struct store *s, const char *number, struct date closed,
                        struct case_row *out, struct styr_error *err);

/* The assignments whose case number has the normal form norm, by key:
** keys[i] and texts[i], both owned by the caller (free each, then the
** arrays). */
enum styr_rc case_assignments(struct store *s, const char *norm, char ***keys,
                              char ***texts, size_t *count, struct styr_error *err);

/* ---- assignments ---- */

struct assignment_row {
	char *key;
	char *text;
	char *case_number;    /* as written; NULL when none */
	struct date meeting;  /* year 0 when not recorded */
	int paragraph;        /* 0 when not recorded */
	char *responsible;    /* NULL when not recorded */
	enum assignment_status status; /* ASSIGNMENT_NO_STATUS when none */
	char *comment;        /* NULL when none */
	bool is_new;          /* no status at the previous occasion */
};

struct assignment_table {
	struct occasion occasion;
	struct occasion previous;   /* valid when has_previous */
	bool has_previous;
	bool new_known;             /* the previous occasion has statuses */
	struct assignment_row *rows; /* open ones oldest first, then finished */
	size_t count;
	int ongoing, finished, without_status, new_count;
	int stated_ongoing, stated_finished, stated_new; /* -1 when not stated */
	char *stated_text;          /* NULL when none */
};

/* The follow-up table of assignments at an occasion (resolved by
** org_occasion_resolve):
** every assignment with a row for that occasion, open ones oldest first
** (meeting date, else case number), then finished ones, with the counts
** computed and as stated. Release with assignment_table_release. */
enum styr_rc control_assignment_table(struct store *s, const struct occasion *occasion,
                                      struct assignment_table *out,
                                      struct styr_error *err);
void assignment_table_release(struct assignment_table *t);

/* ---- internal control ---- */

struct control_followup_row {
	char *label;
	struct date date;
	enum followup_status status; /* FOLLOWUP_NO_STATUS when none recorded */
	char *comment;        /* NULL when none */
	char *responsible;    /* name, or the text as printed; NULL when none */
};

struct control_moment_row {
	char *key;
	char *text, *method, *frequency, *report_to; /* NULL when none */
	char *responsible;    /* name; NULL when none */
	struct control_followup_row *followups;
	size_t nfollowups;
};

struct risk_row {
	char *key;
	char *area;           /* one of the plan's areas */
	int number;           /* 0 when not numbered */
	char *text;
	int probability, consequence; /* 0 when not stated */
	int stated_value;     /* 0 when not stated */
	int value;            /* computed; 0 when a grade is missing */
	char *goal;           /* NULL when none */
	struct control_moment_row *moments;
	size_t nmoments;
};

struct risk_level_row {
	char *name;
	int min, max;
	char *colour;         /* "#rrggbb" */
};

struct control_action_row {
	int number;
	char *text;
	char *responsible;    /* name; NULL when none */
	struct date due;
};

/* A scale of the risk matrix: grades 1..n with their labels. */
struct risk_scale {
	int n;                           /* grades; RISK_GRADES_MIN..RISK_GRADES_MAX */
	char *label[RISK_GRADES_MAX];    /* label[g - 1] of grade g */
	char *text[RISK_GRADES_MAX];     /* what it means; NULL when not given */
	bool own;                        /* from the plan's risk_grades, not the default */
};
void risk_scale_release(struct risk_scale *sc);

struct control_plan {
	int year;
	char *title, *conclusions, *case_number; /* NULL when none */
	struct date adopted;
	struct risk_scale prob, cons;    /* probability (rows), consequence (columns) */
	char **areas;                    /* the areas in report order */
	size_t nareas;
	bool own_areas;                  /* from control_areas, not the default */
	struct risk_row *risks;          /* by area, then number */
	size_t nrisks;
	struct risk_level_row *levels;   /* by min value */
	size_t nlevels;
	struct control_action_row *actions;
	size_t nactions;
};

/* The scales of the plan with this id: its risk_grades, or for an axis
** without any the default 4 grades (control_scales.h). STYR_EINVAL when
** the plan's grades of an axis do not run from 1 to 2-5 without gaps. On
** failure both are zeroed; release each with risk_scale_release. */
enum styr_rc control_plan_scales(struct store *s, int64_t plan_id, struct risk_scale *prob,
                                 struct risk_scale *cons, struct styr_error *err);

/* The areas of the plan with this id in report order: its control_areas,
** or the four default areas when it has none (*own false; own may be
** NULL). Free each string and the array. */
enum styr_rc control_plan_areas(struct store *s, int64_t plan_id, char ***out, size_t *n,
                                bool *own, struct styr_error *err);

/* The internal-control plan of a year with everything under it, its
** scales and areas, risks by area (in the plan's order), then number.
** STYR_ENOTFOUND names the years that have a plan. Release with
** control_plan_release. */
enum styr_rc control_plan_get(struct store *s, int year, struct control_plan *out,
                              struct styr_error *err);
void control_plan_release(struct control_plan *p);

/* The level of a risk value in the plan's matrix, or NULL. */
const struct risk_level_row *control_plan_level(const struct control_plan *p, int value);

/* Checks of `styr check`: stated counts and risk values against the rows,
** missing statuses, follow-ups past their date without a status, persons
** who are not in the organisation. */
enum styr_rc control_check(struct store *s, struct findings *f, struct styr_error *err);

#endif
