/*
** ops_apply.c — `styr ops apply`: the figures of an occasion written as
** indicator values (through goals_value_set) and the controls that run
** themselves written as control follow-ups (through the control
** module's section), each with its provenance, in one transaction (see
** ops.h). Also the provenance read back (ops_sources) and the checks.
*/
#include "ops/ops.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/jsonw.h"
#include "base/money.h"
#include "control/control.h"
#include "db/section.h"
#include "db/store.h"
#include "goals/goals.h"
#include "ops/ops_time.h"

struct imap {
	char *indicator, *measure, *argument;
	int decimals;         /* -1: by unit */
};

struct imaps {
	struct imap *v;
	size_t n, cap;
};

static enum styr_rc imap_row(void *ctx, const struct section_desc *d,
                             const struct field_value vals[])
{
	struct imaps *m = ctx;
	(void)d;
	ALLOC_GROW(m->v, m->n, m->cap);
	struct imap *x = &m->v[m->n++];
	x->indicator = xstrdup(vals[0].s);
	x->measure = xstrdup(vals[1].s);
	x->argument = vals[2].null ? NULL : xstrdup(vals[2].s);
	x->decimals = vals[3].null ? -1 : (int)vals[3].i;
	return STYR_OK;
}

static void imaps_release(struct imaps *m)
{
	for(size_t i = 0; i < m->n; i++) {
		free(m->v[i].indicator);
		free(m->v[i].measure);
		free(m->v[i].argument);
	}
	free(m->v);
}

/* The value as the indicator's unit writes it: "72,25 %", "18 st", "6,3". */
static enum styr_rc value_text(const struct goal_indicator *in, const struct imap *m,
                               const struct ops_figure *g, struct strbuf *sb,
                               struct styr_error *err)
{
	bool percent = !strcmp(g->unit, "%");
	int d = m->decimals >= 0 ? m->decimals : percent ? 2 : 0;
	int64_t v = decimal_round(g->value, g->decimals, d);
	switch(in->unit) {
	case UNIT_PERCENT:
		if(!percent)
			break;
		fmt_percent_sv(sb, v, d);
		return STYR_OK;
	case UNIT_COUNT:
		if(percent)
			break;
		fmt_decimal_sv(sb, v, d);
		strbuf_addstr(sb, " st");
		return STYR_OK;
	case UNIT_NUMBER:
		fmt_decimal_sv(sb, v, d);
		return STYR_OK;
	case UNIT_TKR:
	case UNIT_YESNO:
		break;
	}
	return styr_error_set(err, STYR_EINVAL, "ops_indicator_map %s: the figure %s is in %s, which"
	                      " does not fit the indicator's unit", m->indicator, m->measure,
	                      percent ? "percent" : g->unit);
}

static enum styr_rc exec2(struct store *s, const char *sql, int64_t a, const char *b,
                          struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, sql, &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, a);
	stmt_bind_text(st, 2, b);
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	return rc;
}

static enum styr_rc record_value(struct store *s, const struct occasion *o, const struct imap *m,
                                 const struct ops_figure *g, const char *value,
                                 struct date from, struct date to, struct styr_error *err)
{
	struct store_stmt *st;
	struct strbuf json = STRBUF_INIT, key = STRBUF_INIT;
	struct jsonw w;
	char now[CLOCK_TIMESTAMP_SIZE], a[11], b[11];
	bool row;
	clock_timestamp(now);
	date_format_iso(from, a);
	date_format_iso(to, b);
	enum styr_rc rc = exec2(s, "DELETE FROM ops_applied WHERE occasion_id = ? AND indicator = ?",
	                        o->id, m->indicator, err);
	if(!rc)
		rc = store_prepare(s, "INSERT INTO ops_applied(occasion_id, indicator, measure, value,"
		                   " definition, version, period_from, period_to, files, rows, detail,"
		                   " applied_at, applied_by) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, o->id);
	stmt_bind_text(st, 2, m->indicator);
	stmt_bind_text(st, 3, g->measure);
	stmt_bind_text(st, 4, value);
	stmt_bind_text(st, 5, g->definition);
	stmt_bind_int(st, 6, g->version);
	stmt_bind_text(st, 7, a);
	stmt_bind_text(st, 8, b);
	stmt_bind_text(st, 9, g->files ? g->files : "");
	stmt_bind_int(st, 10, g->rows);
	stmt_bind_text(st, 11, g->detail);
	stmt_bind_text(st, 12, now);
	stmt_bind_text(st, 13, store_user(s));
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	jsonw_init(&w, jsonw_strbuf_sink, &json, false);
	jsonw_object_begin(&w);
	jsonw_kv_string(&w, "value", value);
	jsonw_kv_string(&w, "measure", g->measure);
	jsonw_kv_string(&w, "definition", g->definition);
	jsonw_kv_int(&w, "version", g->version);
	jsonw_kv_string(&w, "files", g->files);
	jsonw_kv_int(&w, "rows", g->rows);
	jsonw_object_end(&w);
	strbuf_addf(&key, "%s/%s", m->indicator, o->key);
	if(!rc)
		rc = store_audit(s, "ops_applied", key.buf, NULL, json.buf, err);
	strbuf_release(&json);
	strbuf_release(&key);
	return rc;
}

/* The follow-up of moment with label in the plan, or NULL. */
static const struct control_followup_row *find_followup(const struct control_plan *p,
                                                        const char *moment, const char *label)
{
	for(size_t i = 0; i < p->nrisks; i++)
		for(size_t j = 0; j < p->risks[i].nmoments; j++) {
			const struct control_moment_row *m = &p->risks[i].moments[j];
			if(strcmp(m->key, moment))
				continue;
			for(size_t k = 0; k < m->nfollowups; k++)
				if(!strcmp(m->followups[k].label, label))
					return &m->followups[k];
		}
	return NULL;
}

/* Write run as a follow-up of its moment: a new one, or (update) the one
** an earlier apply wrote with the same label. */
static enum styr_rc write_followup(struct store *s, const struct ops_control_run *run,
                                   bool update, struct styr_error *err)
{
	const struct section_desc *d = &section_control_followups;
	struct field_value vals[16];
	struct strbuf note = STRBUF_INIT;
	char iso[11];
	int64_t moment = 0;
	struct field_value key = { false, 0, run->moment };
	enum styr_rc rc = store_section_resolve(s, &section_control_moments, &key, &moment, err);
	if(rc == STYR_ENOTFOUND)
		return styr_error_set(err, STYR_ENOTFOUND, "no control moment '%s'", run->moment);
	if(rc)
		return rc;
	if(d->nfields > sizeof(vals) / sizeof(vals[0]))
		return styr_error_set(err, STYR_EINVAL, "control_followups has more fields than expected");
	date_format_iso(run->date, iso);
	strbuf_addf(&note, "Skriven av styr ops apply (%s); källor: %s", run->controls,
	            *run->files ? run->files : "inga importer");
	if(run->has_seed)
		strbuf_addf(&note, "; frö %" PRIu64, run->seed);
	for(size_t i = 0; i < d->nfields; i++) {
		const char *k = d->fields[i].key;
		vals[i] = (struct field_value){ true, 0, NULL };
		if(!strcmp(k, "moment"))
			vals[i] = (struct field_value){ false, moment, run->moment };
		else if(!strcmp(k, "label"))
			vals[i] = (struct field_value){ false, 0, run->label };
		else if(!strcmp(k, "date"))
			vals[i] = (struct field_value){ false, 0, iso };
		else if(!strcmp(k, "status") && *run->status)
			vals[i] = (struct field_value){ false, 0, run->status };
		else if(!strcmp(k, "comment"))
			vals[i] = (struct field_value){ false, 0, run->comment };
		else if(!strcmp(k, "note"))
			vals[i] = (struct field_value){ false, 0, note.buf };
	}
	if(update) {
		int64_t id = 0;
		bool changed;
		rc = store_row_lookup(s, d, vals, &id, err);
		if(!rc)
			rc = store_row_update(s, d, id, vals, &changed, err);
	} else {
		rc = store_section_insert(s, d, vals, err);
	}
	strbuf_release(&note);
	return rc;
}

static enum styr_rc record_run(struct store *s, const struct occasion *o,
                               const struct ops_control_run *run, struct styr_error *err)
{
	struct store_stmt *st;
	struct strbuf findings = STRBUF_INIT, key = STRBUF_INIT, json = STRBUF_INIT;
	struct jsonw w;
	char now[CLOCK_TIMESTAMP_SIZE], iso[11], seed[24];
	bool row;
	clock_timestamp(now);
	date_format_iso(run->date, iso);
	snprintf(seed, sizeof(seed), "%" PRIu64, run->seed);
	for(size_t i = 0; i < run->nfindings; i++)
		strbuf_addf(&findings, "%s\n", run->findings[i]);
	enum styr_rc rc = exec2(s, "DELETE FROM ops_control_result WHERE occasion_id = ? AND moment = ?",
	                        o->id, run->moment, err);
	if(!rc)
		rc = store_prepare(s, "INSERT INTO ops_control_result(occasion_id, moment, label, date,"
		                   " status, comment, findings, seed, files, applied_at, applied_by)"
		                   " VALUES(?,?,?,?,?,?,?,?,?,?,?)", &st, err);
	if(rc) {
		strbuf_release(&findings);
		return rc;
	}
	stmt_bind_int(st, 1, o->id);
	stmt_bind_text(st, 2, run->moment);
	stmt_bind_text(st, 3, run->label);
	stmt_bind_text(st, 4, iso);
	stmt_bind_text(st, 5, run->status);
	stmt_bind_text(st, 6, run->comment);
	stmt_bind_text(st, 7, findings.len ? findings.buf : NULL);
	stmt_bind_text(st, 8, run->has_seed ? seed : NULL);
	stmt_bind_text(st, 9, run->files);
	stmt_bind_text(st, 10, now);
	stmt_bind_text(st, 11, store_user(s));
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	jsonw_init(&w, jsonw_strbuf_sink, &json, false);
	jsonw_object_begin(&w);
	jsonw_kv_string(&w, "label", run->label);
	jsonw_kv_string(&w, "status", run->status);
	jsonw_kv_int(&w, "findings", (int64_t)run->nfindings);
	if(run->has_seed)
		jsonw_kv_string(&w, "seed", seed);
	jsonw_kv_string(&w, "files", run->files);
	jsonw_object_end(&w);
	strbuf_addf(&key, "%s/%s", run->moment, o->key);
	if(!rc)
		rc = store_audit(s, "ops_control_result", key.buf, NULL, json.buf, err);
	strbuf_release(&findings);
	strbuf_release(&key);
	strbuf_release(&json);
	return rc;
}

enum styr_rc ops_apply(struct store *s, const struct occasion *o, const uint64_t *seed,
                       struct ops_apply_result *r, struct styr_error *err)
{
	struct imaps maps = { 0 };
	struct goal_year y;
	struct ops_kpi k;
	struct control_plan plan;
	bool have_year = false, have_kpi = false, have_plan = false, began = false;
	size_t cap = 0;
	int64_t nctl = 0;
	enum styr_rc rc;

	memset(r, 0, sizeof(*r));
	if(!o->date.year)
		return styr_error_set(err, STYR_EINVAL, "occasion %s has no cut-off date: figures are"
		                      " applied to a follow-up occasion", o->key);
	r->from = (struct date){ o->date.year, 1, 1 };
	r->to = o->date;
	rc = store_section_each(s, &section_ops_indicator_map, imap_row, &maps, err);
	if(!rc)
		rc = store_section_count(s, &section_ops_control_map, &nctl, err);
	if(!rc && maps.n) {
		rc = goals_year(s, o->year, o, &y, err);
		have_year = !rc;
		if(rc == STYR_ENOTFOUND)
			rc = STYR_OK;
	}
	if(!rc && have_year) {
		rc = ops_kpi(s, r->from, r->to, &k, err);
		have_kpi = !rc;
	}
	/* the values, checked before anything is written */
	struct strbuf sb = STRBUF_INIT;
	const struct ops_figure **figs = xcalloc(maps.n + 1, sizeof(*figs));
	const struct imap **which = xcalloc(maps.n + 1, sizeof(*which));
	for(size_t i = 0; !rc && have_year && i < maps.n; i++) {
		const struct goal_indicator *in = NULL;
		for(size_t j = 0; j < y.nind; j++)
			if(!strcmp(y.ind[j].key, maps.v[i].indicator))
				in = &y.ind[j];
		if(!in)
			continue;           /* an indicator of another year */
		const struct ops_figure *g = ops_kpi_find(&k, maps.v[i].measure, maps.v[i].argument);
		ALLOC_GROW(r->values, r->nvalues, cap);
		struct ops_applied *a = &r->values[r->nvalues++];
		memset(a, 0, sizeof(*a));
		a->indicator = xstrdup(in->key);
		a->measure = xstrdup(maps.v[i].measure);
		if(!g || !g->has_value)
			continue;           /* nothing to count: left as it is */
		strbuf_reset(&sb);
		rc = value_text(in, &maps.v[i], g, &sb, err);
		if(rc)
			break;
		a->value = xstrdup(sb.buf);
		a->changed = !in->outcome || strcmp(in->outcome, sb.buf);
		figs[r->nvalues - 1] = g;
		which[r->nvalues - 1] = &maps.v[i];
	}
	/* the controls, and the follow-ups already there */
	if(!rc && nctl) {
		rc = ops_controls_run(s, o->date, o->id, seed, &r->runs, &r->nruns, err);
		if(rc == STYR_ENOTFOUND)
			rc = STYR_OK;
	}
	/* 0 the same as stored, 1 new, 2 changed */
	int *todo = xcalloc(r->nruns + 1, sizeof(*todo));
	if(!rc && r->nruns) {
		rc = control_plan_get(s, o->date.year, &plan, err);
		have_plan = !rc;
	}
	for(size_t i = 0; !rc && i < r->nruns; i++) {
		const struct ops_control_run *run = &r->runs[i];
		const struct control_followup_row *f = find_followup(&plan, run->moment, run->label);
		if(!f) {
			todo[i] = 1;
			r->followups_new++;
			continue;
		}
		const char *was = f->status == FOLLOWUP_NO_STATUS ? "" : followup_status_names[f->status];
		if(!strcmp(was, run->status) && f->comment && !strcmp(f->comment, run->comment) &&
		   !date_cmp(f->date, run->date)) {
			r->followups_same++;
			continue;
		}
		todo[i] = 2;
		r->followups_changed++;
	}
	if(!rc && !r->nvalues && !r->nruns)
		rc = styr_error_set(err, STYR_ENOTFOUND, "nothing to apply at %s: no indicator of %d is"
		                    " mapped (ops_indicator_map) and no control moment of its plan"
		                    " (ops_control_map)", o->key, o->year);
	/* write */
	if(!rc) {
		rc = store_begin(s, err);
		began = !rc;
	}
	for(size_t i = 0; !rc && i < r->nvalues; i++) {
		if(!r->values[i].value)
			continue;
		struct value_change c = { .outcome = r->values[i].value };
		rc = goals_value_set(s, r->values[i].indicator, o, &c, err);
		if(!rc)
			rc = record_value(s, o, which[i], figs[i], r->values[i].value, r->from, r->to, err);
	}
	for(size_t i = 0; !rc && i < r->nruns; i++) {
		if(todo[i])
			rc = write_followup(s, &r->runs[i], todo[i] == 2, err);
		if(!rc)
			rc = record_run(s, o, &r->runs[i], err);
	}
	if(!rc && began)
		rc = store_commit(s, err);
	if(rc && began)
		store_rollback(s);
	free(todo);
	free(figs);
	free(which);
	strbuf_release(&sb);
	if(have_plan)
		control_plan_release(&plan);
	if(have_kpi)
		ops_kpi_release(&k);
	if(have_year)
		goal_year_release(&y);
	imaps_release(&maps);
	if(rc)
		ops_apply_result_release(r);
	return rc;
}

void ops_apply_result_release(struct ops_apply_result *r)
{
	for(size_t i = 0; i < r->nvalues; i++) {
		free(r->values[i].indicator);
		free(r->values[i].measure);
		free(r->values[i].value);
	}
	free(r->values);
	ops_control_runs_free(r->runs, r->nruns);
	memset(r, 0, sizeof(*r));
}

/* ---- provenance ---- */

static char *dup_col(struct store_stmt *st, int c)
{
	const char *t = stmt_text(st, c);
	return t ? xstrdup(t) : NULL;
}

enum styr_rc ops_sources(struct store *s, const struct occasion *o, struct ops_source_row **out,
                         size_t *n, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	enum styr_rc rc = store_prepare(s, "SELECT indicator, measure, value, definition, version,"
	                                " period_from, period_to, files, rows, detail, applied_at,"
	                                " applied_by FROM ops_applied WHERE occasion_id = ?"
	                                " ORDER BY indicator", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, o->id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(*out, *n, cap);
		struct ops_source_row *x = &(*out)[(*n)++];
		x->indicator = dup_col(st, 0);
		x->measure = dup_col(st, 1);
		x->value = dup_col(st, 2);
		x->definition = dup_col(st, 3);
		x->version = (int)stmt_int(st, 4);
		x->from = dup_col(st, 5);
		x->to = dup_col(st, 6);
		x->files = dup_col(st, 7);
		x->rows = (long)stmt_int(st, 8);
		x->detail = dup_col(st, 9);
		x->applied_at = dup_col(st, 10);
		x->applied_by = dup_col(st, 11);
	}
	stmt_finalize(st);
	if(rc) {
		ops_sources_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void ops_sources_free(struct ops_source_row *v, size_t n)
{
	for(size_t i = 0; i < n; i++) {
		free(v[i].indicator);
		free(v[i].measure);
		free(v[i].value);
		free(v[i].definition);
		free(v[i].from);
		free(v[i].to);
		free(v[i].files);
		free(v[i].detail);
		free(v[i].applied_at);
		free(v[i].applied_by);
	}
	free(v);
}
