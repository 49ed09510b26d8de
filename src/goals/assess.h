/*
** assess.h — goal fulfilment: the verdict of an indicator against its
** target, of a nämndmål by counting its indicators, and the summary line
** of an annual report ("2 st av 2 bedöms uppnås delvis, vilket gör att
** nämndmålen uppnås delvis").
**
** What counts as "delvis uppnådd" and how a nämndmål is judged are set per
** year (struct assess_rules): the seeds use two wordings of the goal rule,
** 2020 "mer än hälften av indikatorerna uppnådda eller delvis uppnådda =
** uppnås delvis" and 2024 "hälften av indikatorerna ...". Pure: no I/O.
*/
#ifndef STYR_ASSESS_H
#define STYR_ASSESS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/money.h"
#include "base/strbuf.h"
#include "goals/target.h"

enum verdict {
	VERDICT_ACHIEVED,      /* uppnådd */
	VERDICT_PARTLY,        /* delvis uppnådd */
	VERDICT_NOT,           /* ej uppnådd */
	VERDICT_NO_VALUE,      /* saknar värde */
	VERDICT_UNASSESSABLE   /* kan ej bedömas: no target, or one not understood */
};
#define VERDICT_COUNT 5
/* "uppnådd", "delvis uppnådd", "ej uppnådd", "saknar värde", "kan ej bedömas" */
extern const char *const verdict_names[VERDICT_COUNT + 1];

enum delvis_rule {
	DELVIS_NONE,       /* not reached is "ej uppnådd" */
	DELVIS_TOLERANCE,  /* within tolerance percent of the target */
	DELVIS_IMPROVED    /* better than the baseline (utgångsvärde) */
};
#define DELVIS_RULES 3
/* Names in the data files: "none", "tolerance", "improved". */
extern const char *const delvis_rule_names[DELVIS_RULES + 1];

enum goal_rule {
	GOAL_MORE_THAN_HALF,  /* 2020: more than half reached or partly = delvis */
	GOAL_AT_LEAST_HALF    /* 2024: half reached or partly = delvis */
};
#define GOAL_RULES 2
/* Names in the data files: "more-than-half", "at-least-half". */
extern const char *const goal_rule_names[GOAL_RULES + 1];

enum goal_verdict {
	GOAL_ACHIEVED,       /* uppnås */
	GOAL_PARTLY,         /* uppnås delvis */
	GOAL_NOT,            /* uppnås ej */
	GOAL_UNASSESSABLE    /* no indicators */
};

struct assess_rules {
	enum delvis_rule delvis;
	struct sv_number tolerance;  /* DELVIS_TOLERANCE: percent of the target */
	enum goal_rule goal;
};

/* verdict_names[v]; the verdict named s (false, *out unchanged, when none). */
const char *verdict_name(enum verdict v);
bool verdict_from_name(const char *s, enum verdict *out);
/* "uppnås", "uppnås delvis", "uppnås ej", "kan ej bedömas". */
const char *goal_verdict_name(enum goal_verdict g);
/* The rule named s (delvis_rule_names, goal_rule_names); false, *out
** unchanged, when none. */
bool delvis_rule_from_name(const char *s, enum delvis_rule *out);
bool goal_rule_from_name(const char *s, enum goal_rule *out);

/* The verdict of one indicator: value (the outcome, or the forecast for a
** forecast report) against target, the indicator's direction and, for
** DELVIS_IMPROVED, its baseline (may be NULL). target NULL means the year
** has no target: kan ej bedömas. */
enum verdict assess_indicator(const struct target *target, enum ind_direction dir,
                              const struct measure *baseline,
                              const struct measure *value,
                              const struct assess_rules *rules);

/* The verdict of a nämndmål from its indicators' verdicts: all achieved
** = uppnås; reached or partly by more than half (GOAL_MORE_THAN_HALF) or
** by at least half (GOAL_AT_LEAST_HALF) = uppnås delvis; otherwise uppnås
** ej. "Kan ej bedömas" counts as "saknar värde". n == 0, or no indicator
** with a value that could be judged (a year with no values yet), gives
** GOAL_UNASSESSABLE: kan ej bedömas, not uppnås ej. */
enum goal_verdict assess_goal(const enum verdict *v, size_t n, enum goal_rule rule);

/* The verdict of the nämndmål together: the same rule over the goals'
** verdicts (uppnås as reached, uppnås delvis as partly). Goals that
** cannot be assessed are left out. */
enum goal_verdict assess_overall(const enum goal_verdict *g, size_t n, enum goal_rule rule);

/* Summary counting the nämndmål, the 2024 wording:
** "2 st av 2 bedöms uppnås delvis, vilket gör att nämndmålen uppnås delvis". */
void assess_summary_goals(struct strbuf *sb, const enum goal_verdict *g, size_t n,
                          enum goal_verdict overall);

/* Summary counting the indicators, the 2020 wording: "9 st bedöms uppnådda
** och 4 st bedöms delvis uppnådda, vilket gör att nämndmålen uppnås delvis".
** counts[] is indexed by enum verdict. */
void assess_summary_indicators(struct strbuf *sb, const size_t counts[VERDICT_COUNT],
                               enum goal_verdict overall);

#endif
