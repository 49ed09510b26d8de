/*
** assess.c — indicator and goal verdicts (see assess.h).
*/
#include "goals/assess.h"

#include <string.h>

const char *const verdict_names[VERDICT_COUNT + 1] = {
	[VERDICT_ACHIEVED] = "uppnådd", [VERDICT_PARTLY] = "delvis uppnådd",
	[VERDICT_NOT] = "ej uppnådd", [VERDICT_NO_VALUE] = "saknar värde",
	[VERDICT_UNASSESSABLE] = "kan ej bedömas", NULL
};

const char *const delvis_rule_names[DELVIS_RULES + 1] = {
	[DELVIS_NONE] = "none", [DELVIS_TOLERANCE] = "tolerance", [DELVIS_IMPROVED] = "improved",
	NULL
};

const char *const goal_rule_names[GOAL_RULES + 1] = {
	[GOAL_MORE_THAN_HALF] = "more-than-half", [GOAL_AT_LEAST_HALF] = "at-least-half", NULL
};

const char *verdict_name(enum verdict v)
{
	return verdict_names[v];
}

const char *goal_verdict_name(enum goal_verdict g)
{
	static const char *const names[] = {
		[GOAL_ACHIEVED] = "uppnås", [GOAL_PARTLY] = "uppnås delvis",
		[GOAL_NOT] = "uppnås ej", [GOAL_UNASSESSABLE] = "kan ej bedömas"
	};
	return names[g];
}

GOALS_NAME_PARSER(verdict_from_name, enum verdict, verdict_names)
GOALS_NAME_PARSER(delvis_rule_from_name, enum delvis_rule, delvis_rule_names)
GOALS_NAME_PARSER(goal_rule_from_name, enum goal_rule, goal_rule_names)

/* Is higher better for this target? */
static bool higher_better(const struct target *t, enum ind_direction dir)
{
	switch(t->kind) {
	case TARGET_AT_MOST:
	case TARGET_BELOW:
		return false;
	case TARGET_AT_LEAST:
	case TARGET_ABOVE:
		return true;
	default:
		return dir != DIR_LOWER;
	}
}

/* Within tol percent of the target on the wrong side? Exact in 128-bit
** fixed point for any values (it overflowed for huge ones): v and t at
** their common decimals, the tolerance in hundredths of a percent. */
static __int128 at_decimals(const struct sv_number *n, int d)
{
	__int128 v = n->value;
	for(int i = n->decimals; i < d; i++)
		v *= 10;
	return v;
}

static bool within_tolerance(const struct sv_number *v, const struct sv_number *t,
                             const struct sv_number *tol, bool higher)
{
	int d = v->decimals > t->decimals ? v->decimals : t->decimals;
	__int128 V = at_decimals(v, d) * 10000, T = at_decimals(t, d) * 10000;
	__int128 tol2 = tol->decimals <= 2 ? at_decimals(tol, 2) : sv_number_scaled(tol, 2);
	__int128 at = at_decimals(t, d), D;
	if(__builtin_mul_overflow(at < 0 ? -at : at, tol2, &D))
		return tol2 > 0; /* |D| beyond any |V - T|: its sign decides */
	return higher ? V >= T - D : V <= T + D;
}

/* How far v lies outside lo..hi (0 inside), at d decimals. */
static int64_t range_distance(const struct sv_number *v, const struct sv_number *lo,
                              const struct sv_number *hi, int d)
{
	int64_t x = sv_number_scaled(v, d), a = sv_number_scaled(lo, d), b = sv_number_scaled(hi, d);
	return x < a ? a - x : x > b ? x - b : 0;
}

/* A range "80–90 %": reached inside it, both ends included; delvis by the
** tolerance of the end it misses, or nearer the range than the baseline. */
static enum verdict assess_range(const struct target *t, const struct measure *baseline,
                                 const struct measure *value, const struct assess_rules *rules)
{
	const struct sv_number *v = &value->n.num, *lo = &t->n.num, *hi = &t->n2.num;
	bool below = measure_num_cmp(v, lo) < 0;
	if(!below && measure_num_cmp(v, hi) <= 0)
		return VERDICT_ACHIEVED;
	switch(rules->delvis) {
	case DELVIS_NONE:
		break;
	case DELVIS_TOLERANCE:
		if(within_tolerance(v, below ? lo : hi, &rules->tolerance, below))
			return VERDICT_PARTLY;
		break;
	case DELVIS_IMPROVED:
		if(baseline && baseline->kind == MEASURE_NUMBER) {
			int d = v->decimals;
			const struct sv_number *x[] = { lo, hi, &baseline->n.num };
			for(int i = 0; i < 3; i++)
				d = x[i]->decimals > d ? x[i]->decimals : d;
			if(range_distance(v, lo, hi, d) < range_distance(&baseline->n.num, lo, hi, d))
				return VERDICT_PARTLY;
		}
		break;
	}
	return VERDICT_NOT;
}

enum verdict assess_indicator(const struct target *target, enum ind_direction dir,
                              const struct measure *baseline,
                              const struct measure *value,
                              const struct assess_rules *rules)
{
	bool higher;
	int c;

	if(!target || target->kind == TARGET_TEXT)
		return VERDICT_UNASSESSABLE;
	if(value->kind == MEASURE_NONE || value->kind == MEASURE_TEXT)
		return VERDICT_NO_VALUE;
	if(target->kind == TARGET_YES || target->kind == TARGET_NO) {
		if(value->kind == MEASURE_NUMBER)
			return VERDICT_UNASSESSABLE;
		return (value->kind == MEASURE_YES) == (target->kind == TARGET_YES)
		       ? VERDICT_ACHIEVED : VERDICT_NOT;
	}
	if(value->kind != MEASURE_NUMBER || dir == DIR_YES)
		return VERDICT_UNASSESSABLE;
	if(target->kind == TARGET_RANGE)
		return assess_range(target, baseline, value, rules);
	higher = higher_better(target, dir);
	c = measure_num_cmp(&value->n.num, &target->n.num);
	switch(target->kind) {
	case TARGET_ABOVE:
		if(c > 0)
			return VERDICT_ACHIEVED;
		break;
	case TARGET_BELOW:
		if(c < 0)
			return VERDICT_ACHIEVED;
		break;
	default:
		if(higher ? c >= 0 : c <= 0)
			return VERDICT_ACHIEVED;
		break;
	}
	switch(rules->delvis) {
	case DELVIS_NONE:
		break;
	case DELVIS_TOLERANCE:
		if(within_tolerance(&value->n.num, &target->n.num, &rules->tolerance, higher))
			return VERDICT_PARTLY;
		break;
	case DELVIS_IMPROVED:
		if(baseline && baseline->kind == MEASURE_NUMBER) {
			c = measure_num_cmp(&value->n.num, &baseline->n.num);
			if(higher ? c > 0 : c < 0)
				return VERDICT_PARTLY;
		}
		break;
	}
	return VERDICT_NOT;
}

static enum goal_verdict by_counts(size_t achieved, size_t partly, size_t n,
                                   enum goal_rule rule)
{
	if(!n)
		return GOAL_UNASSESSABLE;
	if(achieved == n)
		return GOAL_ACHIEVED;
	size_t reached = achieved + partly;
	if(rule == GOAL_AT_LEAST_HALF ? 2 * reached >= n : 2 * reached > n)
		return GOAL_PARTLY;
	return GOAL_NOT;
}

enum goal_verdict assess_goal(const enum verdict *v, size_t n, enum goal_rule rule)
{
	size_t a = 0, p = 0, judged = 0;
	for(size_t i = 0; i < n; i++) {
		a += v[i] == VERDICT_ACHIEVED;
		p += v[i] == VERDICT_PARTLY;
		judged += v[i] != VERDICT_NO_VALUE && v[i] != VERDICT_UNASSESSABLE;
	}
	if(!judged)
		return GOAL_UNASSESSABLE;   /* nothing measured yet: not "uppnås ej" */
	return by_counts(a, p, n, rule);
}

enum goal_verdict assess_overall(const enum goal_verdict *g, size_t n, enum goal_rule rule)
{
	size_t a = 0, p = 0, m = 0;
	for(size_t i = 0; i < n; i++) {
		if(g[i] == GOAL_UNASSESSABLE)
			continue;
		m++;
		a += g[i] == GOAL_ACHIEVED;
		p += g[i] == GOAL_PARTLY;
	}
	return by_counts(a, p, m, rule);
}

void assess_summary_goals(struct strbuf *sb, const enum goal_verdict *g, size_t n,
                          enum goal_verdict overall)
{
	size_t counts[4] = { 0 };
	bool first = true;
	for(size_t i = 0; i < n; i++)
		counts[g[i]]++;
	for(int k = 0; k < 4; k++) {
		if(!counts[k])
			continue;
		strbuf_addf(sb, "%s%zu st av %zu bedöms %s", first ? "" : ", ", counts[k], n,
		            k == GOAL_UNASSESSABLE ? "inte kunna bedömas"
		                                   : goal_verdict_name((enum goal_verdict)k));
		first = false;
	}
	if(first)
		strbuf_addstr(sb, "inga nämndmål");
	strbuf_addf(sb, ", vilket gör att nämndmålen %s", goal_verdict_name(overall));
}

void assess_summary_indicators(struct strbuf *sb, const size_t counts[VERDICT_COUNT],
                               enum goal_verdict overall)
{
	static const char *const words[VERDICT_COUNT] = {
		"bedöms uppnådda", "bedöms delvis uppnådda", "bedöms ej uppnådda",
		"saknar värde", "kan ej bedömas"
	};
	size_t parts = 0, total = 0;
	for(int k = 0; k < VERDICT_COUNT; k++)
		parts += counts[k] != 0;
	for(int k = 0, done = 0; k < VERDICT_COUNT; k++) {
		if(!counts[k])
			continue;
		if(done)
			strbuf_addstr(sb, ++done == (int)parts ? " och " : ", ");
		else
			done = 1;
		strbuf_addf(sb, "%zu st %s", counts[k], words[k]);
		total += counts[k];
	}
	if(!total)
		strbuf_addstr(sb, "inga indikatorer");
	strbuf_addf(sb, ", vilket gör att nämndmålen %s", goal_verdict_name(overall));
}
