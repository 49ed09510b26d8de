/*
** control_plan.c — the internal-control plan of a year with its risks,
** control moments, follow-ups, matrix levels and actions (see control.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control/control_scales.h"
#include "base/strbuf.h"
#include "control/control.h"
#include "db/store.h"

static void text_date(const char *s, struct date *d)
{
	memset(d, 0, sizeof(*d));
	if(s)
		date_parse_iso(s, d);
}

static int int_or0(struct store_stmt *st, int col)
{
	return stmt_is_null(st, col) ? 0 : (int)stmt_int(st, col);
}

/* Grow *v (of *n items, element size sz) by one zeroed item; return it. */
static void *push(void *vp, size_t *n, size_t sz)
{
	void **v = vp;
	*v = xrealloc(*v, (*n + 1) * sz);
	void *item = (char *)*v + *n * sz;
	memset(item, 0, sz);
	(*n)++;
	return item;
}

static enum styr_rc plan_years(struct store *s, struct styr_error *err, struct strbuf *sb)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, "SELECT year FROM control_plan ORDER BY year", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row)
		strbuf_addf(sb, "%s%lld", sb->len ? ", " : "", (long long)stmt_int(st, 0));
	stmt_finalize(st);
	return rc;
}

static enum styr_rc read_head(struct store *s, int year, struct control_plan *p,
                              int64_t *plan_id, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT id, title, conclusions, case_number, adopted FROM control_plan WHERE year = ?",
	    &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, year);
	rc = stmt_step(st, &row, err);
	if(!rc && row) {
		*plan_id = stmt_int(st, 0);
		p->title = xstrdup(stmt_text(st, 1));
		p->conclusions = xstrdup(stmt_text(st, 2));
		p->case_number = xstrdup(stmt_text(st, 3));
		text_date(stmt_text(st, 4), &p->adopted);
	}
	stmt_finalize(st);
	if(!rc && !row) {
		struct strbuf sb = STRBUF_INIT;
		rc = plan_years(s, err, &sb);
		if(!rc)
			rc = styr_error_set(err, STYR_ENOTFOUND, "no internal-control plan for %d"
			                    " (plans: %s)", year, sb.len ? sb.buf : "none");
		strbuf_release(&sb);
	}
	return rc;
}

static enum styr_rc read_levels(struct store *s, int64_t plan_id, struct control_plan *p,
                                struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, "SELECT name, min_value, max_value, colour"
	    " FROM risk_level WHERE plan_id = ? ORDER BY min_value", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, plan_id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct risk_level_row *l = push(&p->levels, &p->nlevels, sizeof(*l));
		l->name = xstrdup(stmt_text(st, 0));
		l->min = (int)stmt_int(st, 1);
		l->max = (int)stmt_int(st, 2);
		l->colour = xstrdup(stmt_text(st, 3));
	}
	stmt_finalize(st);
	return rc;
}

static enum styr_rc read_followups(struct store *s, int64_t moment_id,
                                   struct control_moment_row *m, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT f.label, f.date, f.status, f.comment, coalesce(f.responsible_text, p.name)"
	    " FROM control_followup f LEFT JOIN person p ON p.id = f.responsible_id"
	    " WHERE f.moment_id = ? ORDER BY f.date, f.label", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, moment_id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct control_followup_row *f = push(&m->followups, &m->nfollowups, sizeof(*f));
		f->label = xstrdup(stmt_text(st, 0));
		text_date(stmt_text(st, 1), &f->date);
		f->status = control_name_index(followup_status_names, stmt_text(st, 2));
		f->comment = xstrdup(stmt_text(st, 3));
		f->responsible = xstrdup(stmt_text(st, 4));
		if(stmt_text(st, 2) && f->status == FOLLOWUP_NO_STATUS) {
			rc = styr_error_set(err, STYR_EDB, "control moment %s: %s: unknown status '%s'",
			                    m->key, f->label, stmt_text(st, 2));
			break;
		}
	}
	stmt_finalize(st);
	return rc;
}

static enum styr_rc read_moments(struct store *s, int64_t risk_id, struct risk_row *r,
                                 struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	int64_t *ids = NULL;
	enum styr_rc rc = store_prepare(s,
	    "SELECT m.id, m.key, m.text, m.method, m.frequency, m.report_to, p.name"
	    " FROM control_moment m LEFT JOIN person p ON p.id = m.responsible_id"
	    " WHERE m.risk_id = ? ORDER BY m.id", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, risk_id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct control_moment_row *m = push(&r->moments, &r->nmoments, sizeof(*m));
		ids = xrealloc(ids, r->nmoments * sizeof(*ids));
		ids[r->nmoments - 1] = stmt_int(st, 0);
		m->key = xstrdup(stmt_text(st, 1));
		m->text = xstrdup(stmt_text(st, 2));
		m->method = xstrdup(stmt_text(st, 3));
		m->frequency = xstrdup(stmt_text(st, 4));
		m->report_to = xstrdup(stmt_text(st, 5));
		m->responsible = xstrdup(stmt_text(st, 6));
	}
	stmt_finalize(st);
	for(size_t i = 0; !rc && i < r->nmoments; i++)
		rc = read_followups(s, ids[i], &r->moments[i], err);
	free(ids);
	return rc;
}

static enum styr_rc read_risks(struct store *s, int64_t plan_id, struct control_plan *p,
                               struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	int64_t *ids = NULL;
	/* by area in the order of the enum (the name table binds ?2..?5) */
	_Static_assert(AREA_NAREAS == 4, "one WHEN per area");
	enum styr_rc rc = store_prepare(s,
	    "SELECT id, key, area, number, text, probability, consequence, stated_value, goal"
	    " FROM risk WHERE plan_id = ?1"
	    " ORDER BY CASE area WHEN ?2 THEN 0 WHEN ?3 THEN 1 WHEN ?4 THEN 2 WHEN ?5 THEN 3"
	    "  ELSE 4 END, number IS NULL, number, id", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, plan_id);
	for(int a = 0; a < AREA_NAREAS; a++)
		stmt_bind_text(st, 2 + a, control_area_names[a]);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct risk_row *r = push(&p->risks, &p->nrisks, sizeof(*r));
		ids = xrealloc(ids, p->nrisks * sizeof(*ids));
		ids[p->nrisks - 1] = stmt_int(st, 0);
		r->key = xstrdup(stmt_text(st, 1));
		int area = control_name_index(control_area_names, stmt_text(st, 2));
		if(area < 0) {
			rc = styr_error_set(err, STYR_EDB, "risk %s: unknown area '%s'", r->key,
			                    stmt_text(st, 2));
			break;
		}
		r->area = (enum control_area)area;
		r->number = int_or0(st, 3);
		r->text = xstrdup(stmt_text(st, 4));
		r->probability = int_or0(st, 5);
		r->consequence = int_or0(st, 6);
		r->stated_value = int_or0(st, 7);
		r->value = risk_value(r->probability, r->consequence);
		r->goal = xstrdup(stmt_text(st, 8));
	}
	stmt_finalize(st);
	for(size_t i = 0; !rc && i < p->nrisks; i++)
		rc = read_moments(s, ids[i], &p->risks[i], err);
	free(ids);
	return rc;
}

static enum styr_rc read_actions(struct store *s, int64_t plan_id, struct control_plan *p,
                                 struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT a.number, a.text, p.name, a.due_date FROM control_action a"
	    " LEFT JOIN person p ON p.id = a.responsible_id WHERE a.plan_id = ? ORDER BY a.number",
	    &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, plan_id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct control_action_row *a = push(&p->actions, &p->nactions, sizeof(*a));
		a->number = (int)stmt_int(st, 0);
		a->text = xstrdup(stmt_text(st, 1));
		a->responsible = xstrdup(stmt_text(st, 2));
		text_date(stmt_text(st, 3), &a->due);
	}
	stmt_finalize(st);
	return rc;
}

enum styr_rc control_plan_get(struct store *s, int year, struct control_plan *p,
                              struct styr_error *err)
{
	int64_t plan_id = 0;
	enum styr_rc rc;
	memset(p, 0, sizeof(*p));
	p->year = year;
	rc = read_head(s, year, p, &plan_id, err);
	if(!rc)
		rc = read_levels(s, plan_id, p, err);
	if(!rc)
		rc = read_risks(s, plan_id, p, err);
	if(!rc)
		rc = read_actions(s, plan_id, p, err);
	if(rc)
		control_plan_release(p);
	return rc;
}

const struct risk_level_row *control_plan_level(const struct control_plan *p, int value)
{
	for(size_t i = 0; i < p->nlevels; i++)
		if(value >= p->levels[i].min && value <= p->levels[i].max)
			return &p->levels[i];
	return NULL;
}

void control_plan_release(struct control_plan *p)
{
	for(size_t i = 0; i < p->nrisks; i++) {
		struct risk_row *r = &p->risks[i];
		for(size_t j = 0; j < r->nmoments; j++) {
			struct control_moment_row *m = &r->moments[j];
			for(size_t k = 0; k < m->nfollowups; k++) {
				free(m->followups[k].label);
				free(m->followups[k].comment);
				free(m->followups[k].responsible);
			}
			free(m->followups);
			free(m->key);
			free(m->responsible);
			free(m->text);
			free(m->method);
			free(m->frequency);
			free(m->report_to);
		}
		free(r->moments);
		free(r->key);
		free(r->text);
		free(r->goal);
	}
	for(size_t i = 0; i < p->nlevels; i++) {
		free(p->levels[i].name);
		free(p->levels[i].colour);
	}
	for(size_t i = 0; i < p->nactions; i++) {
		free(p->actions[i].text);
		free(p->actions[i].responsible);
	}
	free(p->risks);
	free(p->levels);
	free(p->actions);
	free(p->title);
	free(p->conclusions);
	free(p->case_number);
	memset(p, 0, sizeof(*p));
}
