/*
** goals.h — goals and indicators (MER-styrning): domain calls over
** schema_goals.c.
**
** goals_year() is the call a command or a report uses: the indicators of
** a year, each with its target for the year, its value at a report
** occasion, the verdict computed by goals/assess.c and a verdict set by
** hand; then every nämndmål's verdict, the verdict of the nämndmål
** together and the summary line in the documents' words.
*/
#ifndef STYR_GOALS_H
#define STYR_GOALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "goals/assess.h"
#include "base/error.h"
#include "base/findings.h"
#include "org/org.h"

struct store;
struct section_desc;

extern const struct migration migration_goals;
extern const struct migration migration_goals_occasion_target;
extern const struct section_desc section_goal_settings;
extern const struct section_desc section_council_goals;
extern const struct section_desc section_committee_goals;
extern const struct section_desc section_indicators;
extern const struct section_desc section_indicator_targets;
extern const struct section_desc section_indicator_values;

/* One indicator of a year with its value at an occasion. Strings are owned
** by the struct (goal_year_release frees them); NULL where not recorded. */
struct goal_indicator {
	int64_t id;
	char *key, *name;
	int year;                  /* year of the structure it belongs to */
	enum ind_unit unit;
	enum ind_direction direction;
	char *baseline;            /* as written */
	char *target;              /* the year's målvärde as written; NULL: none */
	char *council_key, *council_name, *perspective;
	char *goal_key, *goal_name; /* nämndmål; NULL when directly under the council goal */
	char *outcome, *forecast, *comment; /* at the occasion */
	char *motivation;          /* of a manual verdict */
	const char *used;          /* outcome or forecast, the value judged (points into this struct) */
	bool manual;               /* a verdict was set by hand */
	enum verdict manual_verdict;
	enum verdict computed;     /* always computed */
	enum verdict verdict;      /* the one shown: manual when set, else computed */
};

/* A nämndmål of the year with its verdict. */
struct goal_committee {
	char *key, *name, *council_name;
	size_t nindicators;
	enum goal_verdict verdict;
};

/* What the summary line counts; names in the data files "indicators",
** "goals" (summary_kind_names). */
enum summary_kind { SUMMARY_INDICATORS, SUMMARY_GOALS };
#define SUMMARY_KINDS 2
extern const char *const summary_kind_names[SUMMARY_KINDS + 1];
bool summary_kind_from_name(const char *s, enum summary_kind *out);

struct goal_year {
	int year;                 /* the year assessed */
	int structure_year;       /* the year whose goals and indicators were used */
	struct occasion occasion; /* values are taken from it; id 0 when none */
	bool has_settings;        /* goal_settings row present (else defaults) */
	struct assess_rules rules;
	enum summary_kind summary_kind;
	char *stated_summary;     /* as written in the document, or NULL */
	struct goal_indicator *ind;
	size_t nind;
	struct goal_committee *goals;
	size_t ngoals;
	size_t counts[VERDICT_COUNT]; /* verdicts of the indicators under a nämndmål */
	enum goal_verdict overall;
	char *summary;            /* computed summary line */
};

/* Everything of a year at an occasion (resolved by org_occasion_resolve,
** and of that year), or with occasion NULL at the year's default occasion
** by the same policy; no values when the year has none. Without
** goal_settings for the year the rules are: no delvis, more than half.
** STYR_ENOTFOUND when the year has no indicators. Release with
** goal_year_release. */
enum styr_rc goals_year(struct store *s, int year, const struct occasion *occasion,
                        struct goal_year *out, struct styr_error *err);
void goal_year_release(struct goal_year *y);

/* The structure years that have indicators, ascending. Caller frees. */
enum styr_rc goals_years(struct store *s, int **years, size_t *n, struct styr_error *err);

/* One indicator with all its targets and values, for `styr goals show`.
** Strings owned; release with indicator_detail_release. */
struct indicator_target_row { int year; char *target; };
struct indicator_value_row {
	char *occasion, *title, *outcome, *forecast, *comment, *motivation, *note;
	bool manual;               /* a verdict was set by hand: */
	enum verdict verdict;
};
struct indicator_detail {
	char *key, *name, *baseline, *council_name, *goal_name, *note;
	enum ind_unit unit;
	enum ind_direction direction;
	int year;
	struct indicator_target_row *targets;
	size_t ntargets;
	struct indicator_value_row *values;
	size_t nvalues;
};
enum styr_rc goals_indicator(struct store *s, const char *key, struct indicator_detail *out,
                             struct styr_error *err);
void indicator_detail_release(struct indicator_detail *d);

/* Set the value of indicator `key` at an occasion, in one transaction with
** its audit entry; NULL leaves a field as it is, "" clears it. The values
** must fit the indicator's unit; a verdict needs a motivation. On failure
** nothing is stored and err names the indicator and the expected form. */
struct value_change {
	const char *outcome, *forecast, *comment, *verdict, *motivation;
};
enum styr_rc goals_value_set(struct store *s, const char *key, const struct occasion *occasion,
                             const struct value_change *c, struct styr_error *err);

/* Copy the goal structure of year `from` to year `to` with every setting
** of the year: council goals, nämndmål, indicators (unit, direction,
** position), the targets `from` set for `to` and later, and the
** year's goal_settings (delvis rule, tolerance, goal rule, summary;
** unless `to` has its own). An indicator's baseline becomes the last
** outcome recorded for it (at the latest occasion with one) when there
** is one, else stays. Keys are renamed "2023-hme" -> "2024-hme"; one
** transaction with audit entries; the old year is left as it was.
** STYR_ECONFLICT when `to` already has a structure; nothing is stored on
** failure. *n tells what was carried and lists the indicators without a
** target for `to` ("2024-hme (Nöjd medarbetarindex)"); release it with
** plan_copy_stats_release. */
struct plan_copy_stats {
	size_t council_goals, committee_goals, indicators, targets;
	size_t baselines;      /* baselines taken from a last outcome */
	bool settings;         /* goal_settings carried */
	char **missing;        /* indicators without a target for `to` */
	size_t nmissing;
};
enum styr_rc goals_plan_copy(struct store *s, int from, int to, struct plan_copy_stats *n,
                             struct styr_error *err);
void plan_copy_stats_release(struct plan_copy_stats *n);

/* Checks for `styr check`: targets not understood, targets contradicting
** the indicator's direction or unit, values not fitting the unit, manual
** verdicts differing from the computed ones, stated summaries differing
** from the computed ones. */
enum styr_rc goals_check(struct store *s, struct findings *f, struct styr_error *err);

#endif
