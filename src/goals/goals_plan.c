/*
** goals_plan.c — `styr plan copy`: carry a year's goal structure and its
** settings to the next year (see goals.h). The old year's rows stay as
** they were, so the history is kept; the copies get keys of the new year,
** a baseline from the last outcome where there is one, and the targets
** the old year set for the new one; those it did not set are listed.
*/
#include "goals/goals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "goals/target.h"
#include "db/section.h"
#include "db/store.h"

/* Rows read before any insert, so no statement is open while writing. */
struct plan_row {
	int64_t id, ref1, ref2;   /* old id; refs (0 = none) */
	int year;
	char *f[8];               /* text fields by section */
};

struct plan_rows {
	struct plan_row *v;
	size_t n, cap;
};

static void rows_release(struct plan_rows *r)
{
	for(size_t i = 0; i < r->n; i++)
		for(int k = 0; k < 8; k++)
			free(r->v[i].f[k]);
	free(r->v);
}

/* Run sql (binding ?1 = from, ?2 = to) and keep: col 0 id, 1 ref1, 2 ref2,
** 3 year, then up to 8 text columns. */
static enum styr_rc read_rows(struct store *s, const char *sql, int from, int to, int ntext,
                              struct plan_rows *out, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, sql, &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, from);
	stmt_bind_int(st, 2, to);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(out->v, out->n, out->cap);
		struct plan_row *p = &out->v[out->n++];
		memset(p, 0, sizeof(*p));
		p->id = stmt_int(st, 0);
		p->ref1 = stmt_is_null(st, 1) ? 0 : stmt_int(st, 1);
		p->ref2 = stmt_is_null(st, 2) ? 0 : stmt_int(st, 2);
		p->year = (int)stmt_int(st, 3);
		for(int k = 0; k < ntext; k++) {
			const char *t = stmt_text(st, 4 + k);
			p->f[k] = t ? xstrdup(t) : NULL;
		}
	}
	stmt_finalize(st);
	return rc;
}

/* "2023-hme" -> "2024-hme"; a key without the year prefix gets one. */
static char *new_key(const char *key, int from, int to)
{
	struct strbuf sb = STRBUF_INIT;
	char prefix[16];
	snprintf(prefix, sizeof(prefix), "%d-", from);
	if(!strncmp(key, prefix, strlen(prefix)))
		key += strlen(prefix);
	strbuf_addf(&sb, "%d-%s", to, key);
	return strbuf_detach(&sb);
}

/* Map an old id to the new one; 0 stays 0. */
static int64_t mapped(const struct plan_rows *r, const int64_t *ids, int64_t old)
{
	for(size_t i = 0; old && i < r->n; i++)
		if(r->v[i].id == old)
			return ids[i];
	return 0;
}

static struct field_value text(const char *s)
{
	struct field_value v = { s == NULL, 0, s };
	return v;
}

static struct field_value num(int64_t i, bool null)
{
	struct field_value v = { null, i, NULL };
	return v;
}

static enum styr_rc insert(struct store *s, const struct section_desc *d,
                           const struct field_value *vals, int64_t *id,
                           struct styr_error *err)
{
	/* The new row's id by its key: the audit row written by the insert
	** is the last one inserted. Targets (composite key) need no id. */
	enum styr_rc rc = store_section_insert(s, d, vals, err);
	*id = 0;
	if(!rc && section_key_field(d))
		rc = store_section_resolve(s, d, &vals[0], id, err);
	if(rc)
		styr_error_prefix(err, "%s %s", d->name, vals[0].s ? vals[0].s : "");
	return rc;
}

/* A baseline for the new year: the value of the old year's last outcome
** when it is a value (a number, Ja or Nej), else NULL. */
static bool usable_outcome(const char *t)
{
	struct measure m;
	measure_parse(t, &m);
	bool ok = m.kind == MEASURE_NUMBER || m.kind == MEASURE_YES || m.kind == MEASURE_NO;
	measure_release(&m);
	return ok;
}

/* The year's settings (goal_settings), unless the new year has its own;
** the stated summary belongs to the old year's document and stays. */
static enum styr_rc copy_settings(struct store *s, int from, int to, bool *copied,
                                  struct styr_error *err)
{
	struct plan_rows st = { 0 };
	int64_t id;
	enum styr_rc rc = read_rows(s, "SELECT id, NULL, NULL, year, delvis, tolerance, goal_rule,"
	                               " summary, note FROM goal_settings a WHERE year = ?1"
	                               " AND NOT EXISTS (SELECT 1 FROM goal_settings b"
	                               " WHERE b.year = ?2)", from, to, 5, &st, err);
	*copied = !rc && st.n;
	if(*copied) {
		struct plan_row *p = &st.v[0];
		/* the stated summary and the note speak of the old year's document */
		struct field_value v[] = { num(to, false), text(p->f[0]), text(p->f[1]), text(p->f[2]),
		                           text(p->f[3]), text(NULL), text(NULL) };
		rc = insert(s, &section_goal_settings, v, &id, err);
	}
	rows_release(&st);
	return rc;
}

static enum styr_rc copy_all(struct store *s, int from, int to, struct plan_copy_stats *n,
                             struct styr_error *err)
{
	struct plan_rows cg = { 0 }, g = { 0 }, ind = { 0 }, tg = { 0 };
	int64_t *cg_ids = NULL, *g_ids = NULL, *ind_ids = NULL, id;
	enum styr_rc rc;

	rc = read_rows(s, "SELECT id, NULL, NULL, year, key, perspective, name, position, note"
	                  " FROM council_goal WHERE year = ?1 AND ?2 > 0 ORDER BY id", from, to, 5,
	               &cg, err);
	if(!rc)
		rc = read_rows(s, "SELECT id, council_goal_id, NULL, year, key, name, position, note"
		                  " FROM committee_goal WHERE year = ?1 AND ?2 > 0 ORDER BY id",
		               from, to, 4, &g, err);
	/* The last outcome: at the old year's latest occasion that has one. */
	if(!rc)
		rc = read_rows(s, "SELECT id, council_goal_id, committee_goal_id, year, key, name,"
		                  " unit, direction, baseline, position, NULL,"
		                  " (SELECT v.outcome FROM indicator_value v JOIN occasion o"
		                  "   ON o.id = v.occasion_id WHERE v.indicator_id = indicator.id"
		                  "   AND trim(coalesce(v.outcome, '')) <> ''"
		                  "   ORDER BY o.date IS NULL, o.date DESC, o.id DESC LIMIT 1)"
		                  " FROM indicator WHERE year = ?1 AND ?2 > 0 ORDER BY id",
		               from, to, 8, &ind, err);
	if(!rc)
		rc = read_rows(s, "SELECT t.indicator_id, NULL, NULL, t.year, t.target, t.note"
		                  " FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id"
		                  " WHERE i.year = ?1 AND t.year >= ?2 ORDER BY t.id", from, to, 2,
		               &tg, err);
	cg_ids = xcalloc(cg.n + 1, sizeof(*cg_ids));
	g_ids = xcalloc(g.n + 1, sizeof(*g_ids));
	ind_ids = xcalloc(ind.n + 1, sizeof(*ind_ids));
	for(size_t i = 0; !rc && i < cg.n; i++) {
		struct plan_row *p = &cg.v[i];
		char *key = new_key(p->f[0], from, to);
		struct field_value v[] = { text(key), num(to, false), text(p->f[1]), text(p->f[2]),
		                           num(atoll(p->f[3]), false), text(p->f[4]) };
		rc = insert(s, &section_council_goals, v, &cg_ids[i], err);
		free(key);
	}
	for(size_t i = 0; !rc && i < g.n; i++) {
		struct plan_row *p = &g.v[i];
		char *key = new_key(p->f[0], from, to);
		int64_t c = mapped(&cg, cg_ids, p->ref1);
		struct field_value v[] = { text(key), num(to, false), num(c, !c), text(p->f[1]),
		                           num(atoll(p->f[2]), false), text(p->f[3]) };
		rc = insert(s, &section_committee_goals, v, &g_ids[i], err);
		free(key);
	}
	for(size_t i = 0; !rc && i < ind.n; i++) {
		struct plan_row *p = &ind.v[i];
		char *key = new_key(p->f[0], from, to);
		int64_t c = mapped(&cg, cg_ids, p->ref1), gg = mapped(&g, g_ids, p->ref2);
		const char *baseline = p->f[4];
		if(p->f[7] && usable_outcome(p->f[7])) {
			baseline = p->f[7];
			n->baselines += !p->f[4] || strcmp(p->f[4], p->f[7]);
		}
		struct field_value v[] = { text(key), num(to, false), num(c, !c), num(gg, !gg),
		                           text(p->f[1]), text(p->f[2]), text(p->f[3]), text(baseline),
		                           num(atoll(p->f[5]), false), text(NULL) };
		rc = insert(s, &section_indicators, v, &ind_ids[i], err);
		free(key);
	}
	for(size_t i = 0; !rc && i < tg.n; i++) {
		struct plan_row *p = &tg.v[i];
		int64_t c = mapped(&ind, ind_ids, p->id);
		struct field_value v[] = { num(c, false), num(p->year, false), text(p->f[0]),
		                           text(p->f[1]) };
		rc = insert(s, &section_indicator_targets, v, &id, err);
	}
	/* The indicators the old year set no target for in the new one. */
	for(size_t i = 0; !rc && i < ind.n; i++) {
		bool has = false;
		for(size_t k = 0; k < tg.n && !has; k++)
			has = tg.v[k].id == ind.v[i].id && tg.v[k].year == to;
		if(has)
			continue;
		n->missing = xrealloc(n->missing, (n->nmissing + 1) * sizeof(*n->missing));
		struct strbuf sb = STRBUF_INIT;
		char *key = new_key(ind.v[i].f[0], from, to);
		strbuf_addf(&sb, "%s (%s)", key, ind.v[i].f[1]);
		free(key);
		n->missing[n->nmissing++] = strbuf_detach(&sb);
	}
	if(!rc)
		rc = copy_settings(s, from, to, &n->settings, err);
	if(!rc) {
		n->council_goals = cg.n;
		n->committee_goals = g.n;
		n->indicators = ind.n;
		n->targets = tg.n;
	}
	free(cg_ids);
	free(g_ids);
	free(ind_ids);
	rows_release(&cg);
	rows_release(&g);
	rows_release(&ind);
	rows_release(&tg);
	return rc;
}

void plan_copy_stats_release(struct plan_copy_stats *n)
{
	for(size_t i = 0; i < n->nmissing; i++)
		free(n->missing[i]);
	free(n->missing);
	memset(n, 0, sizeof(*n));
}

enum styr_rc goals_plan_copy(struct store *s, int from, int to, struct plan_copy_stats *n,
                             struct styr_error *err)
{
	int *years = NULL;
	size_t ny = 0;
	bool have_from = false, have_to = false;
	enum styr_rc rc;

	memset(n, 0, sizeof(*n));
	if(to <= from)
		return styr_error_set(err, STYR_EINVAL, "--to %d must come after --from %d", to, from);
	rc = goals_years(s, &years, &ny, err);
	for(size_t i = 0; !rc && i < ny; i++) {
		have_from |= years[i] == from;
		have_to |= years[i] == to;
	}
	free(years);
	if(rc)
		return rc;
	if(!have_from)
		return styr_error_set(err, STYR_ENOTFOUND, "%d has no goals or indicators to copy", from);
	if(have_to)
		return styr_error_set(err, STYR_ECONFLICT,
		                      "%d already has goals and indicators; nothing copied", to);
	rc = store_begin(s, err);
	if(!rc)
		rc = copy_all(s, from, to, n, err);
	if(!rc)
		rc = store_commit(s, err);
	if(rc) {
		store_rollback(s);
		plan_copy_stats_release(n);
	}
	return rc;
}
