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

void risk_scale_release(struct risk_scale *sc)
{
	for(int g = 0; g < RISK_GRADES_MAX; g++) {
		free(sc->label[g]);
		free(sc->text[g]);
	}
	memset(sc, 0, sizeof(*sc));
}

static void default_scale(struct risk_scale *sc, enum risk_axis axis)
{
	memset(sc, 0, sizeof(*sc));
	sc->n = RISK_GRADES;
	for(int g = 1; g <= RISK_GRADES; g++) {
		bool p = axis == AXIS_PROBABILITY;
		sc->label[g - 1] = xstrdup(p ? risk_probability_label(g) : risk_consequence_label(g));
		sc->text[g - 1] = xstrdup(p ? risk_probability_text(g) : risk_consequence_text(g));
	}
}

enum styr_rc control_plan_scales(struct store *s, int64_t plan_id, struct risk_scale *prob,
                                 struct risk_scale *cons, struct styr_error *err)
{
	struct risk_scale *sc[AXIS_NAXES] = { prob, cons };
	struct store_stmt *st;
	bool row;
	memset(prob, 0, sizeof(*prob));
	memset(cons, 0, sizeof(*cons));
	enum styr_rc rc = store_prepare(s, "SELECT axis, grade, label, text FROM risk_grade"
	                                " WHERE plan_id = ? ORDER BY axis, grade", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, plan_id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		int axis = control_name_index(risk_axis_names, stmt_text(st, 0));
		int g = (int)stmt_int(st, 1);
		if(axis < 0 || g < 1 || g > RISK_GRADES_MAX) {
			rc = styr_error_set(err, STYR_EDB, "risk_grade: unknown axis '%s' or grade %d",
			                    stmt_text(st, 0), g);
			break;
		}
		struct risk_scale *x = sc[axis];
		x->own = true;
		x->label[g - 1] = xstrdup(stmt_text(st, 2));
		x->text[g - 1] = xstrdup(stmt_text(st, 3));
		if(g > x->n)
			x->n = g;
	}
	stmt_finalize(st);
	for(int a = 0; !rc && a < AXIS_NAXES; a++) {
		struct risk_scale *x = sc[a];
		if(!x->own) {
			default_scale(x, (enum risk_axis)a);
			continue;
		}
		int missing = 0;
		for(int g = x->n; g >= 1; g--)
			if(!x->label[g - 1])
				missing = g;
		if(missing || x->n < RISK_GRADES_MIN) {
			int64_t year = 0;
			struct store_stmt *y;
			struct styr_error ignored;
			if(!store_prepare(s, "SELECT year FROM control_plan WHERE id = ?", &y, &ignored)) {
				stmt_bind_int(y, 1, plan_id);
				if(!stmt_step(y, &row, &ignored) && row)
					year = stmt_int(y, 0);
				stmt_finalize(y);
			}
			if(missing)
				rc = styr_error_set(err, STYR_EINVAL, "control plan %lld: %s grade %d has no "
				                    "label in risk_grades: expected grades 1 to %d without gaps",
				                    (long long)year, risk_axis_names[a], missing, x->n);
			else
				rc = styr_error_set(err, STYR_EINVAL, "control plan %lld: the %s scale has "
				                    "%d grade: expected %d to %d", (long long)year,
				                    risk_axis_names[a], x->n, RISK_GRADES_MIN, RISK_GRADES_MAX);
		}
	}
	if(rc) {
		risk_scale_release(prob);
		risk_scale_release(cons);
	}
	return rc;
}

enum styr_rc control_plan_areas(struct store *s, int64_t plan_id, char ***out, size_t *n,
                                bool *own, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	char **v = NULL;
	size_t k = 0;
	enum styr_rc rc = store_prepare(s, "SELECT name FROM control_area WHERE plan_id = ?"
	                                " ORDER BY position IS NULL, position, id", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, plan_id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		v = xrealloc(v, (k + 1) * sizeof(*v));
		v[k++] = xstrdup(stmt_text(st, 0));
	}
	stmt_finalize(st);
	if(own)
		*own = k > 0;
	if(!rc && !k) {
		v = xcalloc(AREA_NAREAS, sizeof(*v));
		for(k = 0; k < AREA_NAREAS; k++)
			v[k] = xstrdup(control_area_names[k]);
	}
	*out = v;
	*n = k;
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

/* The place of area in the plan's list (nareas when not found). */
static size_t area_index(const struct control_plan *p, const char *area)
{
	size_t i = 0;
	while(i < p->nareas && strcmp(p->areas[i], area))
		i++;
	return i;
}

static enum styr_rc read_risks(struct store *s, int64_t plan_id, struct control_plan *p,
                               struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	int64_t *ids = NULL;
	enum styr_rc rc = store_prepare(s,
	    "SELECT id, key, area, number, text, probability, consequence, stated_value, goal"
	    " FROM risk WHERE plan_id = ?1 ORDER BY number IS NULL, number, id", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, plan_id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct risk_row *r = push(&p->risks, &p->nrisks, sizeof(*r));
		ids = xrealloc(ids, p->nrisks * sizeof(*ids));
		ids[p->nrisks - 1] = stmt_int(st, 0);
		r->key = xstrdup(stmt_text(st, 1));
		r->area = xstrdup(stmt_text(st, 2));
		if(area_index(p, r->area) == p->nareas) {
			rc = styr_error_set(err, STYR_EDB, "risk %s: area '%s' is not one of the plan's",
			                    r->key, r->area);
			break;
		}
		r->number = int_or0(st, 3);
		r->text = xstrdup(stmt_text(st, 4));
		r->probability = int_or0(st, 5);
		r->consequence = int_or0(st, 6);
		r->stated_value = int_or0(st, 7);
		r->value = risk_value(r->probability, r->consequence, p->prob.n, p->cons.n);
		r->goal = xstrdup(stmt_text(st, 8));
	}
	stmt_finalize(st);
	/* By the plan's order of areas, keeping number order within an area
	** (a stable insertion sort; a plan has tens of risks). */
	for(size_t i = 1; !rc && i < p->nrisks; i++) {
		struct risk_row r = p->risks[i];
		int64_t id = ids[i];
		size_t a = area_index(p, r.area), j = i;
		while(j > 0 && area_index(p, p->risks[j - 1].area) > a) {
			p->risks[j] = p->risks[j - 1];
			ids[j] = ids[j - 1];
			j--;
		}
		p->risks[j] = r;
		ids[j] = id;
	}
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
		rc = control_plan_scales(s, plan_id, &p->prob, &p->cons, err);
	if(!rc)
		rc = control_plan_areas(s, plan_id, &p->areas, &p->nareas, &p->own_areas, err);
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
		free(r->area);
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
	for(size_t i = 0; i < p->nareas; i++)
		free(p->areas[i]);
	free(p->areas);
	risk_scale_release(&p->prob);
	risk_scale_release(&p->cons);
	free(p->risks);
	free(p->levels);
	free(p->actions);
	free(p->title);
	free(p->conclusions);
	free(p->case_number);
	memset(p, 0, sizeof(*p));
}
