/*
** goals.c — domain calls for goals and indicators (see goals.h).
*/
#include "goals/goals.h"

#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "db/store.h"

const char *const summary_kind_names[SUMMARY_KINDS + 1] = {
	[SUMMARY_INDICATORS] = "indicators", [SUMMARY_GOALS] = "goals", NULL
};

GOALS_NAME_PARSER(summary_kind_from_name, enum summary_kind, summary_kind_names)

static char *dup_col(struct store_stmt *st, int col)
{
	const char *t = stmt_text(st, col);
	return t ? xstrdup(t) : NULL;
}

static bool blank(const char *s)
{
	return !s || !*s;
}

/* The year whose structure serves `year`: its own, else the latest earlier
** one with a target for the year (a plan's plan years). 0 when none. */
static enum styr_rc structure_year(struct store *s, int year, int *out,
                                   struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT CASE WHEN EXISTS(SELECT 1 FROM indicator WHERE year = ?1) THEN ?1"
	    " ELSE (SELECT max(i.year) FROM indicator i JOIN indicator_target t"
	    "  ON t.indicator_id = i.id WHERE t.year = ?1 AND i.year < ?1) END", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, year);
	rc = stmt_step(st, &row, err);
	*out = !rc && row && !stmt_is_null(st, 0) ? (int)stmt_int(st, 0) : 0;
	stmt_finalize(st);
	return rc;
}

static enum styr_rc read_settings(struct store *s, struct goal_year *y,
                                  struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT delvis, tolerance, goal_rule, summary, stated_summary"
	    " FROM goal_settings WHERE year = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, y->year);
	y->rules.delvis = DELVIS_NONE;
	y->rules.goal = GOAL_MORE_THAN_HALF;
	y->summary_kind = SUMMARY_GOALS;
	rc = stmt_step(st, &row, err);
	if(!rc && row) {
		struct styr_error e2;
		y->has_settings = true;
		delvis_rule_from_name(stmt_text(st, 0), &y->rules.delvis);
		if(y->rules.delvis == DELVIS_TOLERANCE
		   && (stmt_is_null(st, 1) || sv_number_parse(stmt_text(st, 1), &y->rules.tolerance, &e2)))
			rc = styr_error_set(err, STYR_EINVAL,
			                    "goal_settings %d: delvis \"tolerance\" needs a tolerance "
			                    "in percent such as 5", y->year);
		goal_rule_from_name(stmt_text(st, 2), &y->rules.goal);
		summary_kind_from_name(stmt_text(st, 3), &y->summary_kind);
		y->stated_summary = dup_col(st, 4);
	}
	stmt_finalize(st);
	return rc;
}

/* The occasion whose values are used: the one given, else the year's
** default by the one policy (org_occasion_resolve); none (id 0) when the
** year has no occasion. */
static enum styr_rc pick_occasion(struct store *s, int year, const struct occasion *given,
                                  struct occasion *o, struct styr_error *err)
{
	if(given) {
		if(given->year != year)
			return styr_error_set(err, STYR_EINVAL, "occasion %s belongs to %d, not to %d",
			                      given->key, given->year, year);
		occasion_copy(o, given);
		return STYR_OK;
	}
	struct occasion_query q = { NULL, year, 0 };
	enum styr_rc rc = org_occasion_resolve(s, &q, o, err);
	return rc == STYR_ENOTFOUND ? STYR_OK : rc;
}

static void assess_all(struct goal_year *y)
{
	enum goal_verdict *gv = xcalloc(y->ngoals + 1, sizeof(*gv));
	enum verdict *iv = xcalloc(y->nind + 1, sizeof(*iv));
	struct strbuf sb = STRBUF_INIT;

	for(size_t i = 0; i < y->nind; i++) {
		struct goal_indicator *ind = &y->ind[i];
		struct target t = { 0 };
		struct measure base, val;
		if(ind->target)
			target_parse(ind->target, &t);
		measure_parse(ind->baseline, &base);
		measure_parse(ind->used, &val);
		ind->computed = assess_indicator(ind->target ? &t : NULL, ind->direction, &base,
		                                 &val, &y->rules);
		target_release(&t);
		measure_release(&base);
		measure_release(&val);
		ind->verdict = ind->manual ? ind->manual_verdict : ind->computed;
		if(ind->goal_key)
			y->counts[ind->verdict]++;
	}
	for(size_t g = 0; g < y->ngoals; g++) {
		size_t n = 0;
		for(size_t i = 0; i < y->nind; i++)
			if(y->ind[i].goal_key && !strcmp(y->ind[i].goal_key, y->goals[g].key))
				iv[n++] = y->ind[i].verdict;
		y->goals[g].nindicators = n;
		y->goals[g].verdict = assess_goal(iv, n, y->rules.goal);
		gv[g] = y->goals[g].verdict;
	}
	y->overall = assess_overall(gv, y->ngoals, y->rules.goal);
	if(y->summary_kind == SUMMARY_GOALS)
		assess_summary_goals(&sb, gv, y->ngoals, y->overall);
	else
		assess_summary_indicators(&sb, y->counts, y->overall);
	y->summary = strbuf_detach(&sb);
	free(gv);
	free(iv);
}

static enum styr_rc read_indicators(struct store *s, struct goal_year *y,
                                    struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	enum styr_rc rc = store_prepare(s,
	    "SELECT i.id, i.key, i.name, i.unit, i.direction, i.baseline,"
	    " coalesce(v.target,"
	    "  (SELECT target FROM indicator_target WHERE indicator_id = i.id AND year = ?1)),"
	    " cg.key, cg.name, cg.perspective, g.key, g.name,"
	    " v.outcome, v.forecast, v.comment, v.verdict, v.motivation"
	    " FROM indicator i"
	    " LEFT JOIN committee_goal g ON g.id = i.committee_goal_id"
	    " LEFT JOIN council_goal cg ON cg.id = coalesce(i.council_goal_id, g.council_goal_id)"
	    " LEFT JOIN indicator_value v ON v.indicator_id = i.id AND v.occasion_id = ?2"
	    " WHERE i.year = ?3 ORDER BY i.position, i.key", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, y->year);
	stmt_bind_int(st, 2, y->occasion.id);
	stmt_bind_int(st, 3, y->structure_year);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct goal_indicator *ind;
		ALLOC_GROW(y->ind, y->nind, cap);
		ind = &y->ind[y->nind++];
		memset(ind, 0, sizeof(*ind));
		ind->id = stmt_int(st, 0);
		ind->year = y->structure_year;
		ind->key = dup_col(st, 1);
		ind->name = dup_col(st, 2);
		unit_from_name(stmt_text(st, 3), &ind->unit);
		direction_from_name(stmt_text(st, 4), &ind->direction);
		ind->baseline = dup_col(st, 5);
		ind->target = dup_col(st, 6);
		ind->council_key = dup_col(st, 7);
		ind->council_name = dup_col(st, 8);
		ind->perspective = dup_col(st, 9);
		ind->goal_key = dup_col(st, 10);
		ind->goal_name = dup_col(st, 11);
		ind->outcome = dup_col(st, 12);
		ind->forecast = dup_col(st, 13);
		ind->comment = dup_col(st, 14);
		ind->manual = !stmt_is_null(st, 15)
		              && verdict_from_name(stmt_text(st, 15), &ind->manual_verdict);
		ind->motivation = dup_col(st, 16);
		if(y->occasion.id && y->occasion.kind == OCC_ARSREDOVISNING)
			ind->used = ind->outcome;
		else if(y->occasion.id && y->occasion.kind != OCC_MER_PLAN)
			ind->used = !blank(ind->forecast) ? ind->forecast : ind->outcome;
	}
	stmt_finalize(st);
	return rc;
}

static enum styr_rc read_goals(struct store *s, struct goal_year *y,
                               struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	enum styr_rc rc = store_prepare(s,
	    "SELECT g.key, g.name, cg.name FROM committee_goal g"
	    " LEFT JOIN council_goal cg ON cg.id = g.council_goal_id"
	    " WHERE g.year = ? ORDER BY g.position, g.key", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, y->structure_year);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(y->goals, y->ngoals, cap);
		struct goal_committee *g = &y->goals[y->ngoals++];
		memset(g, 0, sizeof(*g));
		g->key = dup_col(st, 0);
		g->name = dup_col(st, 1);
		g->council_name = dup_col(st, 2);
	}
	stmt_finalize(st);
	return rc;
}

enum styr_rc goals_year(struct store *s, int year, const struct occasion *occasion,
                        struct goal_year *out, struct styr_error *err)
{
	enum styr_rc rc;

	memset(out, 0, sizeof(*out));
	out->year = year;
	rc = structure_year(s, year, &out->structure_year, err);
	if(!rc && !out->structure_year)
		rc = styr_error_set(err, STYR_ENOTFOUND, "no goals or indicators for %d", year);
	if(!rc)
		rc = pick_occasion(s, year, occasion, &out->occasion, err);
	if(!rc)
		rc = read_settings(s, out, err);
	if(!rc)
		rc = read_indicators(s, out, err);
	if(!rc)
		rc = read_goals(s, out, err);
	if(!rc)
		assess_all(out);
	if(rc)
		goal_year_release(out);
	return rc;
}

void goal_year_release(struct goal_year *y)
{
	for(size_t i = 0; i < y->nind; i++) {
		struct goal_indicator *d = &y->ind[i];
		free(d->key); free(d->name); free(d->baseline); free(d->target);
		free(d->council_key); free(d->council_name); free(d->perspective);
		free(d->goal_key); free(d->goal_name);
		free(d->outcome); free(d->forecast); free(d->comment); free(d->motivation);
	}
	for(size_t g = 0; g < y->ngoals; g++) {
		free(y->goals[g].key);
		free(y->goals[g].name);
		free(y->goals[g].council_name);
	}
	free(y->ind);
	free(y->goals);
	free(y->stated_summary);
	free(y->summary);
	occasion_release(&y->occasion);
	memset(y, 0, sizeof(*y));
}

enum styr_rc goals_years(struct store *s, int **years, size_t *n, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	enum styr_rc rc = store_prepare(s, "SELECT DISTINCT year FROM indicator ORDER BY year",
	                                &st, err);
	*years = NULL;
	*n = 0;
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(*years, *n, cap);
		(*years)[(*n)++] = (int)stmt_int(st, 0);
	}
	stmt_finalize(st);
	return rc;
}

enum styr_rc goals_indicator(struct store *s, const char *key, struct indicator_detail *out,
                             struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	int64_t id = 0;
	size_t cap = 0;
	enum styr_rc rc = store_prepare(s,
	    "SELECT i.id, i.key, i.name, i.unit, i.direction, i.baseline, cg.name, g.name,"
	    " i.note, i.year FROM indicator i"
	    " LEFT JOIN committee_goal g ON g.id = i.committee_goal_id"
	    " LEFT JOIN council_goal cg ON cg.id = coalesce(i.council_goal_id, g.council_goal_id)"
	    " WHERE i.key = ?", &st, err);
	memset(out, 0, sizeof(*out));
	if(rc)
		return rc;
	stmt_bind_text(st, 1, key);
	rc = stmt_step(st, &row, err);
	if(!rc && !row)
		rc = styr_error_set(err, STYR_ENOTFOUND,
		                    "no indicator '%s' (see 'styr goals list DB')", key);
	if(!rc) {
		id = stmt_int(st, 0);
		out->key = dup_col(st, 1);
		out->name = dup_col(st, 2);
		unit_from_name(stmt_text(st, 3), &out->unit);
		direction_from_name(stmt_text(st, 4), &out->direction);
		out->baseline = dup_col(st, 5);
		out->council_name = dup_col(st, 6);
		out->goal_name = dup_col(st, 7);
		out->note = dup_col(st, 8);
		out->year = (int)stmt_int(st, 9);
	}
	stmt_finalize(st);
	if(!rc)
		rc = store_prepare(s, "SELECT year, target FROM indicator_target"
		                      " WHERE indicator_id = ? ORDER BY year", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(out->targets, out->ntargets, cap);
		out->targets[out->ntargets].year = (int)stmt_int(st, 0);
		out->targets[out->ntargets++].target = dup_col(st, 1);
	}
	stmt_finalize(st);
	cap = 0;
	if(!rc)
		rc = store_prepare(s,
		    "SELECT o.key, o.title, v.outcome, v.forecast, v.comment, v.verdict, v.motivation,"
		    " v.note FROM indicator_value v JOIN occasion o ON o.id = v.occasion_id"
		    " WHERE v.indicator_id = ? ORDER BY o.year, o.date", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(out->values, out->nvalues, cap);
		struct indicator_value_row *v = &out->values[out->nvalues++];
		v->occasion = dup_col(st, 0);
		v->title = dup_col(st, 1);
		v->outcome = dup_col(st, 2);
		v->forecast = dup_col(st, 3);
		v->comment = dup_col(st, 4);
		v->manual = verdict_from_name(stmt_text(st, 5), &v->verdict);
		v->motivation = dup_col(st, 6);
		v->note = dup_col(st, 7);
	}
	stmt_finalize(st);
	return rc;
}

void indicator_detail_release(struct indicator_detail *d)
{
	free(d->key); free(d->name); free(d->baseline);
	free(d->council_name); free(d->goal_name); free(d->note);
	for(size_t i = 0; i < d->ntargets; i++)
		free(d->targets[i].target);
	for(size_t i = 0; i < d->nvalues; i++) {
		struct indicator_value_row *v = &d->values[i];
		free(v->occasion); free(v->title); free(v->outcome); free(v->forecast);
		free(v->comment); free(v->motivation); free(v->note);
	}
	free(d->targets);
	free(d->values);
	memset(d, 0, sizeof(*d));
}
