/*
** goals_check.c — the goals module's part of `styr check` (see goals.h).
*/
#include "goals/goals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "db/store.h"

/* Targets not understood, or contradicting direction or unit. */
static enum styr_rc check_targets(struct store *s, struct findings *f,
                                  struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT i.key, t.year, t.target, i.unit, i.direction FROM indicator_target t"
	    " JOIN indicator i ON i.id = t.indicator_id ORDER BY i.key, t.year", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct target t;
		enum ind_unit unit = UNIT_NUMBER;
		enum ind_direction dir = DIR_HIGHER;
		struct strbuf why = STRBUF_INIT;
		const char *key = stmt_text(st, 0), *text = stmt_text(st, 2);
		int year = (int)stmt_int(st, 1);
		unit_from_name(stmt_text(st, 3), &unit);
		direction_from_name(stmt_text(st, 4), &dir);
		target_parse(text, &t);
		if(t.kind == TARGET_TEXT)
			findings_add(f, "indicator %s target %d: \"%s\" is not a target styr "
			             "understands (kan ej bedömas)", key, year, text);
		else if(target_contradicts(&t, dir, unit, &why))
			findings_add(f, "indicator %s target %d: \"%s\": %s", key, year, text, why.buf);
		target_release(&t);
		strbuf_release(&why);
	}
	stmt_finalize(st);
	return rc;
}

/* Values that do not fit the indicator's unit. */
static enum styr_rc check_values(struct store *s, struct findings *f,
                                 struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT i.key, o.key, v.outcome, v.forecast, i.unit FROM indicator_value v"
	    " JOIN indicator i ON i.id = v.indicator_id JOIN occasion o ON o.id = v.occasion_id"
	    " ORDER BY i.key, o.year, o.date", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		enum ind_unit unit = UNIT_NUMBER;
		struct styr_error e2;
		unit_from_name(stmt_text(st, 4), &unit);
		for(int c = 2; c <= 3; c++) {
			const char *v = stmt_text(st, c);
			struct measure m;
			measure_parse(v, &m);
			enum measure_kind kind = m.kind;
			measure_release(&m);
			/* Text such as "—" or "●" is kept as written and judged as
			** "saknar värde"; only values of the wrong unit are findings. */
			if(kind == MEASURE_TEXT || kind == MEASURE_NONE)
				continue;
			if(measure_check_unit(v, unit, stmt_text(st, 0), &e2))
				findings_add(f, "indicator %s at %s: %s \"%s\" does not fit the unit, expected %s",
				             stmt_text(st, 0), stmt_text(st, 1),
				             c == 2 ? "outcome" : "forecast", v, unit_expected(unit));
		}
	}
	stmt_finalize(st);
	return rc;
}

/* Strip white space and a final period for comparing summary lines. */
static void squeeze(struct strbuf *sb, const char *s)
{
	for(; *s; s++)
		if(*s != ' ' && *s != '\t' && *s != '\n')
			strbuf_addch(sb, *s);
	if(sb->len && sb->buf[sb->len - 1] == '.')
		sb->buf[--sb->len] = '\0';
}

/* Manual verdicts differing from the computed ones, and stated summaries. */
static enum styr_rc check_verdicts(struct store *s, struct findings *f,
                                   struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t n = 0, cap = 0;
	struct { int year; char *key; } *occ = NULL;
	enum styr_rc rc = store_prepare(s,
	    "SELECT DISTINCT o.year, o.key, o.date FROM indicator_value v"
	    " JOIN occasion o ON o.id = v.occasion_id ORDER BY o.year, o.date", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(occ, n, cap);
		occ[n].year = (int)stmt_int(st, 0);
		occ[n].key = xstrdup(stmt_text(st, 1));
		n++;
	}
	stmt_finalize(st);
	for(size_t k = 0; !rc && k < n; k++) {
		struct goal_year y;
		struct occasion o;
		struct occasion_query q = { occ[k].key, occ[k].year, 0 };
		rc = org_occasion_resolve(s, &q, &o, err);
		if(!rc) {
			rc = goals_year(s, occ[k].year, &o, &y, err);
			occasion_release(&o);
		}
		if(rc == STYR_ENOTFOUND) {
			rc = STYR_OK;
			continue;
		}
		for(size_t i = 0; !rc && i < y.nind; i++)
			if(y.ind[i].manual && y.ind[i].manual_verdict != y.ind[i].computed)
				findings_add(f, "indicator %s at %s: verdict set by hand \"%s\", computed \"%s\"",
				             y.ind[i].key, occ[k].key, verdict_name(y.ind[i].manual_verdict),
				             verdict_name(y.ind[i].computed));
		if(!rc)
			goal_year_release(&y);
	}
	for(size_t k = 0; k < n; k++)
		free(occ[k].key);
	free(occ);
	if(rc)
		return rc;

	rc = store_prepare(s, "SELECT year FROM goal_settings WHERE stated_summary IS NOT NULL"
	                      " ORDER BY year", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct goal_year y;
		struct styr_error e2;
		int year = (int)stmt_int(st, 0);
		if(goals_year(s, year, NULL, &y, &e2))
			continue;
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
		squeeze(&a, y.stated_summary);
		squeeze(&b, y.summary);
		if(strcmp(a.buf, b.buf))
			findings_add(f, "goal_settings %d: the document states \"%s\", computed \"%s\"",
			             year, y.stated_summary, y.summary);
		strbuf_release(&a);
		strbuf_release(&b);
		goal_year_release(&y);
	}
	stmt_finalize(st);
	return rc;
}

/* A report that printed another target than the year's: the verdict at
** that occasion follows the report, but the two documents disagree. */
static enum styr_rc check_occasion_targets(struct store *s, struct findings *f,
                                           struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT i.key, o.key, v.target, t.target FROM indicator_value v"
	    " JOIN indicator i ON i.id = v.indicator_id"
	    " JOIN occasion o ON o.id = v.occasion_id"
	    " LEFT JOIN indicator_target t ON t.indicator_id = i.id AND t.year = o.year"
	    " WHERE v.target IS NOT NULL AND (t.target IS NULL OR t.target <> v.target)"
	    " ORDER BY i.key, o.key", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row)
		findings_add(f, "indicator %s at %s: the report's target \"%s\" differs from "
		             "the year's target \"%s\"", stmt_text(st, 0), stmt_text(st, 1),
		             stmt_text(st, 2), stmt_text(st, 3) ? stmt_text(st, 3) : "(none)");
	stmt_finalize(st);
	return rc;
}

enum styr_rc goals_check(struct store *s, struct findings *f, struct styr_error *err)
{
	enum styr_rc rc = check_targets(s, f, err);
	if(!rc)
		rc = check_occasion_targets(s, f, err);
	if(!rc)
		rc = check_values(s, f, err);
	if(!rc)
		rc = check_verdicts(s, f, err);
	return rc;
}
