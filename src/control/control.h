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
#include "org/org.h"

struct store;
struct section_desc;
struct migration;

extern const struct migration migration_control;
extern const struct section_desc section_cases;
extern const struct section_desc section_assignments;
extern const struct section_desc section_assignment_status;
extern const struct section_desc section_assignment_reports;
extern const struct section_desc section_control_plans;
extern const struct section_desc section_risk_levels;
extern const struct section_desc section_risks;
extern const struct section_desc section_control_moments;
extern const struct section_desc section_control_followups;
extern const struct section_desc section_control_actions;

/* ---- cases ---- */

struct case_row {
	int64_t id;
	char number[48];      /* as written */
	char norm[48];        /* normal form, "SYD-IT 20-6-11" */
	int year;             /* two-digit year */
	long seq, doc;        /* doc 0 for the case itself */
	char title[256];
	struct date registered; /* year 0 when not recorded */
	char status[16];
};

/* Cases (and documents) by year, sequence and document. search, when not
** NULL, is a case number in any spelling (matching that case and its
** documents) or else a piece of the title. Caller frees *out. */
enum styr_rc case_list(struct store *s, const char *search, struct case_row **out,
                       size_t *count, struct styr_error *err);

/* Register a new case in year (four digits) with the next number of that
** year's sequence, or, when parent is a case number, a new document in
** that case with its next document number. Writes the audit log; one
** transaction. *out is the new row. */
enum styr_rc case_new(struct store *s, int year, const char *parent, const char *title,
                      struct date registered, struct case_row *out,
                      struct styr_error *err);

/* The assignments whose case number has the normal form norm, by key:
** keys[i] and texts[i], both owned by the caller (free each, then the
** arrays). */
enum styr_rc case_assignments(struct store *s, const char *norm, char ***keys,
                              char ***texts, size_t *count, struct styr_error *err);

/* ---- assignments ---- */

struct assignment_row {
	char key[64];
	char *text;           /* owned */
	char case_number[48]; /* as written; "" when none */
	struct date meeting;  /* year 0 when not recorded */
	int paragraph;        /* 0 when not recorded */
	char *responsible;    /* owned; NULL when not recorded */
	char status[32];      /* "" when the occasion has no status */
	char *comment;        /* owned; NULL when none */
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
	char *stated_text;          /* owned; NULL when none */
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
	char label[96];
	struct date date;
	char status[32];      /* "" when none recorded */
	char *comment;        /* owned */
	char responsible[128]; /* name, or the text as printed; "" when none */
};

struct control_moment_row {
	char key[64];
	char *text, *method, *frequency, *report_to; /* owned; NULL when none */
	char responsible[128];
	struct control_followup_row *followups;
	size_t nfollowups;
};

struct risk_row {
	char key[64];
	char area[32];
	int number;           /* 0 when not numbered */
	char *text;           /* owned */
	int probability, consequence; /* 0 when not stated */
	int stated_value;     /* 0 when not stated */
	int value;            /* computed; 0 when a grade is missing */
	char *goal;           /* owned; NULL when none */
	struct control_moment_row *moments;
	size_t nmoments;
};

struct risk_level_row {
	char name[32];
	int min, max;
	char colour[16];
};

struct control_action_row {
	int number;
	char *text;           /* owned */
	char responsible[128];
	struct date due;
};

struct control_plan {
	int year;
	char *title, *conclusions, *case_number; /* owned; NULL when none */
	struct date adopted;
	struct risk_row *risks;          /* by area, then number */
	size_t nrisks;
	struct risk_level_row *levels;   /* by min value */
	size_t nlevels;
	struct control_action_row *actions;
	size_t nactions;
};

/* The internal-control plan of a year with everything under it.
** STYR_ENOTFOUND names the years that have a plan. */
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
