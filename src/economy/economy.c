/*
** economy.c — domain calls of the economy (see economy/economy.h).
*/
#include "economy/economy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "economy/economy_rules.h"
#include "base/strbuf.h"
#include "db/store.h"

/* A copy of a text column; "" for null. */
static char *dup_text(struct store_stmt *st, int col)
{
	const char *t = stmt_text(st, col);
	return xstrdup(t ? t : "");
}

/* Read an optional money column into f, setting bit. */
static void opt(struct store_stmt *st, int col, unsigned bit, unsigned *have,
                money_t *v)
{
	if(stmt_is_null(st, col))
		return;
	*have |= bit;
	*v = stmt_int(st, col);
}

/* Read the figure columns budget … stated_change starting at col. */
static void read_figures(struct store_stmt *st, int col, struct econ_figures *f)
{
	memset(f, 0, sizeof(*f));
	opt(st, col, ECON_BUDGET, &f->have, &f->budget);
	opt(st, col + 1, ECON_BUDGET_PREV, &f->have, &f->budget_prev);
	opt(st, col + 2, ECON_OUTCOME, &f->have, &f->outcome);
	opt(st, col + 3, ECON_FORECAST, &f->have, &f->forecast);
	opt(st, col + 4, ECON_DEVIATION, &f->have, &f->stated_deviation);
	opt(st, col + 5, ECON_CHANGE, &f->have, &f->stated_change);
}

static void drift_rows_free(struct econ_drift_row *v, size_t n)
{
	for(size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].municipality);
	}
	free(v);
}

static enum styr_rc read_drift_rows(struct store *s, const char *table, int64_t occ_id,
                                    struct econ_drift_row **out, size_t *count,
                                    struct styr_error *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	bool row, lines = !strcmp(table, "econ_drift_line");
	size_t n = 0, cap = 0;
	struct econ_drift_row *v = NULL;
	enum styr_rc rc;
	strbuf_addf(&sql, "SELECT position, name, kind, %s, budget, budget_prev, outcome,"
	            " forecast, stated_deviation, stated_change FROM %s"
	            " WHERE occasion_id = ? ORDER BY position",
	            lines ? "(SELECT code FROM municipality WHERE id = municipality_id)"
	                  : "NULL", table);
	rc = store_prepare(s, sql.buf, &st, err);
	strbuf_release(&sql);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, occ_id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		const char *kind = stmt_text(st, 2);
		ALLOC_GROW(v, n, cap);
		if(!econ_kind_parse(kind, &v[n].kind)) {
			rc = styr_error_set(err, STYR_EINVAL, "%s row %d: unknown kind \"%s\"",
			                    lines ? "drift_lines" : "drift_totals",
			                    (int)stmt_int(st, 0), kind ? kind : "");
			break;
		}
		v[n].position = (int)stmt_int(st, 0);
		v[n].name = dup_text(st, 1);
		v[n].municipality = dup_text(st, 3);
		read_figures(st, 4, &v[n].f);
		n++;
	}
	stmt_finalize(st);
	if(rc) {
		drift_rows_free(v, n);
		return rc;
	}
	*out = v;
	*count = n;
	return STYR_OK;
}

enum styr_rc econ_drift_get(struct store *s, const struct occasion *occ,
                            struct econ_drift *out, struct styr_error *err)
{
	enum styr_rc rc;
	memset(out, 0, sizeof(*out));
	occasion_copy(&out->occ, occ);
	rc = read_drift_rows(s, "econ_drift_line", occ->id, &out->lines, &out->nlines, err);
	if(!rc)
		rc = read_drift_rows(s, "econ_drift_total", occ->id, &out->totals,
		                     &out->ntotals, err);
	if(!rc && !out->nlines)
		rc = styr_error_set(err, STYR_ENOTFOUND,
		                    "occasion %s has no operating account (drift_lines)",
		                    occ->key);
	if(rc)
		econ_drift_release(out);
	return rc;
}

void econ_drift_release(struct econ_drift *d)
{
	drift_rows_free(d->lines, d->nlines);
	drift_rows_free(d->totals, d->ntotals);
	occasion_release(&d->occ);
	d->lines = d->totals = NULL;
	d->nlines = d->ntotals = 0;
}

static void add_figures(struct econ_figures *sum, const struct econ_figures *f)
{
	static const unsigned bits[] = { ECON_BUDGET, ECON_BUDGET_PREV, ECON_OUTCOME,
	                                 ECON_FORECAST };
	const money_t *src[] = { &f->budget, &f->budget_prev, &f->outcome, &f->forecast };
	money_t *dst[] = { &sum->budget, &sum->budget_prev, &sum->outcome, &sum->forecast };
	for(size_t i = 0; i < 4; i++)
		if(f->have & bits[i]) {
			sum->have |= bits[i];
			*dst[i] += *src[i];
		}
}

void econ_drift_sum(const struct econ_drift *d, enum econ_kind kind,
                    struct econ_figures *out)
{
	memset(out, 0, sizeof(*out));
	for(size_t i = 0; i < d->nlines; i++)
		if(econ_kind_sums(kind, d->lines[i].kind))
			add_figures(out, &d->lines[i].f);
}

bool econ_row_deviation(const struct econ_figures *f, money_t *out)
{
	if(!(f->have & ECON_BUDGET))
		return false;
	if(f->have & ECON_FORECAST)
		*out = econ_deviation(f->budget, f->forecast);
	else if(f->have & ECON_OUTCOME)
		*out = econ_deviation(f->budget, f->outcome);
	else
		return false;
	return true;
}

static void invest_rows_free(struct econ_invest_row *v, size_t n)
{
	for(size_t i = 0; i < n; i++) {
		free(v[i].project);
		free(v[i].name);
		free(v[i].programme);
		free(v[i].municipality);
		free(v[i].stated_percent);
	}
	free(v);
}

/* Investment rows (totals when `totals`) of an occasion. */
static enum styr_rc read_invest(struct store *s, int64_t occ_id, bool totals,
                                struct econ_invest_row **out, size_t *count,
                                struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t n = 0, cap = 0;
	struct econ_invest_row *v = NULL;
	enum styr_rc rc = store_prepare(s, totals
	    ? "SELECT 0, '', name, programme, NULL, budget, outcome, forecast,"
	      " stated_deviation, stated_forecast_deviation, NULL, stated_percent"
	      " FROM econ_invest_total WHERE occasion_id = ? ORDER BY programme IS NOT NULL, id"
	    : "SELECT r.position, p.key, r.name, p.programme,"
	      " (SELECT code FROM municipality WHERE id = p.municipality_id),"
	      " r.budget, r.outcome, r.forecast, r.stated_deviation,"
	      " r.stated_forecast_deviation, r.remaining, r.stated_percent"
	      " FROM econ_invest_row r JOIN econ_project p ON p.id = r.project_id"
	      " WHERE r.occasion_id = ? ORDER BY p.programme IS NOT NULL, r.position",
	    &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, occ_id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct econ_invest_row *r;
		ALLOC_GROW(v, n, cap);
		r = &v[n++];
		memset(r, 0, sizeof(*r));
		r->position = (int)stmt_int(st, 0);
		r->project = dup_text(st, 1);
		r->name = dup_text(st, 2);
		r->programme = dup_text(st, 3);
		r->municipality = dup_text(st, 4);
		opt(st, 5, ECON_BUDGET, &r->f.have, &r->f.budget);
		opt(st, 6, ECON_OUTCOME, &r->f.have, &r->f.outcome);
		opt(st, 7, ECON_FORECAST, &r->f.have, &r->f.forecast);
		opt(st, 8, ECON_DEVIATION, &r->f.have, &r->f.stated_deviation);
		opt(st, 9, ECON_FORECAST_DEVIATION, &r->f.have, &r->f.stated_forecast_deviation);
		opt(st, 10, ECON_REMAINING, &r->f.have, &r->f.remaining);
		r->stated_percent = dup_text(st, 11);
	}
	stmt_finalize(st);
	if(rc) {
		invest_rows_free(v, n);
		return rc;
	}
	*out = v;
	*count = n;
	return STYR_OK;
}

enum styr_rc econ_invest_get(struct store *s, const struct occasion *occ,
                             struct econ_invest *out, struct styr_error *err)
{
	enum styr_rc rc;
	memset(out, 0, sizeof(*out));
	occasion_copy(&out->occ, occ);
	rc = read_invest(s, occ->id, false, &out->rows, &out->nrows, err);
	if(!rc)
		rc = read_invest(s, occ->id, true, &out->totals, &out->ntotals, err);
	if(!rc && !out->nrows)
		rc = styr_error_set(err, STYR_ENOTFOUND,
		                    "occasion %s has no investment table (investment_rows)",
		                    occ->key);
	if(rc)
		econ_invest_release(out);
	return rc;
}

void econ_invest_release(struct econ_invest *v)
{
	invest_rows_free(v->rows, v->nrows);
	invest_rows_free(v->totals, v->ntotals);
	occasion_release(&v->occ);
	v->rows = v->totals = NULL;
	v->nrows = v->ntotals = 0;
}

void econ_invest_sum(const struct econ_invest *v, const char *programme,
                     struct econ_figures *out)
{
	memset(out, 0, sizeof(*out));
	for(size_t i = 0; i < v->nrows; i++)
		if(!strcmp(v->rows[i].programme, programme))
			add_figures(out, &v->rows[i].f);
}

/* Parse an interest rate in percent ("1.25") to hundredths. */
static enum styr_rc parse_rate(const char *text, int *out, struct styr_error *err)
{
	struct sv_number n;
	enum styr_rc rc = sv_number_parse(text, &n, err);
	if(rc)
		return rc;
	if(n.decimals > 2 || n.value < 0)
		return styr_error_set(err, STYR_EINVAL,
		                      "interest rate \"%s\": expected a percent with at most "
		                      "two decimals such as 1.25", text);
	*out = (int)sv_number_scaled(&n, 2);
	return STYR_OK;
}

static enum styr_rc capital_compute(struct econ_capital *c, struct styr_error *err)
{
	for(size_t i = 0; i < c->nrows; i++) {
		struct econ_capital_row *r = &c->rows[i];
		struct capital_part p[2] = { { r->amount, r->life_years },
		                             { 0, r->other_life_years } };
		enum styr_rc rc;
		if(!r->other_life_years) {
			rc = econ_capital_cost(p, 1, c->rate_e2, c->activation_month, &r->cost, err);
			r->cost_min = r->cost_max = r->cost;
		} else if(r->split_known) {
			p[0].amount = r->amount - r->other_life_amount;
			p[1].amount = r->other_life_amount;
			rc = econ_capital_cost(p, 2, c->rate_e2, c->activation_month, &r->cost, err);
			r->cost_min = r->cost_max = r->cost;
		} else {
			money_t a, b;
			struct capital_part q = { r->amount, r->other_life_years };
			rc = econ_capital_cost(p, 1, c->rate_e2, c->activation_month, &a, err);
			if(!rc)
				rc = econ_capital_cost(&q, 1, c->rate_e2, c->activation_month, &b, err);
			r->cost_min = a < b ? a : b;
			r->cost_max = a < b ? b : a;
		}
		if(rc) {
			styr_error_prefix(err, "capital_projects %d %s", c->year, r->project);
			return rc;
		}
	}
	return STYR_OK;
}

enum styr_rc econ_capital_get(struct store *s, int year, struct econ_capital *out,
                              struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	enum styr_rc rc;
	memset(out, 0, sizeof(*out));
	out->year = year;
	rc = store_prepare(s, "SELECT interest_rate, activation_month, stated_total_amount,"
	                   " stated_total_cost FROM econ_capital_param WHERE year = ?",
	                   &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, year);
	rc = stmt_step(st, &row, err);
	if(!rc && !row)
		rc = styr_error_set(err, STYR_ENOTFOUND,
		                    "no capital_parameters for %d", year);
	if(!rc) {
		out->rate = dup_text(st, 0);
		out->activation_month = (int)stmt_int(st, 1);
		opt(st, 2, ECON_BUDGET, &out->have, &out->stated_total_amount);
		opt(st, 3, ECON_OUTCOME, &out->have, &out->stated_total_cost);
	}
	stmt_finalize(st);
	if(!rc)
		rc = parse_rate(out->rate, &out->rate_e2, err);
	if(rc) {
		econ_capital_release(out);
		return rc;
	}
	rc = store_prepare(s, "SELECT c.position, p.key, c.name, c.amount, c.life_years,"
	                   " c.other_life_years, c.other_life_amount, c.stated_cost"
	                   " FROM econ_capital_project c JOIN econ_project p"
	                   " ON p.id = c.project_id WHERE c.year = ? ORDER BY c.position",
	                   &st, err);
	if(rc) {
		econ_capital_release(out);
		return rc;
	}
	stmt_bind_int(st, 1, year);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct econ_capital_row *r;
		ALLOC_GROW(out->rows, out->nrows, cap);
		r = &out->rows[out->nrows++];
		memset(r, 0, sizeof(*r));
		r->position = (int)stmt_int(st, 0);
		r->project = dup_text(st, 1);
		r->name = dup_text(st, 2);
		r->amount = stmt_int(st, 3);
		r->life_years = (int)stmt_int(st, 4);
		r->other_life_years = stmt_is_null(st, 5) ? 0 : (int)stmt_int(st, 5);
		r->split_known = !stmt_is_null(st, 6);
		r->other_life_amount = r->split_known ? stmt_int(st, 6) : 0;
		r->has_stated = !stmt_is_null(st, 7);
		r->stated_cost = r->has_stated ? stmt_int(st, 7) : 0;
	}
	stmt_finalize(st);
	if(!rc)
		rc = capital_compute(out, err);
	if(rc)
		econ_capital_release(out);
	return rc;
}

void econ_capital_release(struct econ_capital *c)
{
	for(size_t i = 0; i < c->nrows; i++) {
		free(c->rows[i].project);
		free(c->rows[i].name);
	}
	free(c->rows);
	free(c->rate);
	c->rows = NULL;
	c->rate = NULL;
	c->nrows = 0;
}

/* The members' key values of a year (SPLIT_SHARES, SPLIT_KEY) onto the
** parts, by municipality code. */
static enum styr_rc read_split_keys(struct store *s, struct econ_split *out,
                                    struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, "SELECT (SELECT code FROM municipality WHERE id ="
	                                " municipality_id), value FROM econ_split_key WHERE year = ?",
	                                &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, out->year);
	while(!(rc = stmt_step(st, &row, err)) && row)
		for(size_t i = 0; i < out->nparts; i++)
			if(!strcmp(out->parts[i].code, stmt_text(st, 0))) {
				free(out->parts[i].key);
				out->parts[i].key = xstrdup(stmt_text(st, 1));
			}
	stmt_finalize(st);
	return rc;
}

/* The weights of the parts by the split's key; EINVAL names what is
** missing or wrong. */
static enum styr_rc split_weights(struct econ_split *out, int64_t *w, struct styr_error *err)
{
	char iso[11];
	const char **values = xcalloc(out->nparts ? out->nparts : 1, sizeof(*values));
	int64_t sum = 0;
	int decimals = 0;
	enum styr_rc rc = STYR_OK;
	date_format_iso(out->key_date, iso);
	for(size_t i = 0; !rc && i < out->nparts; i++) {
		struct econ_split_part *p = &out->parts[i];
		if(out->key == SPLIT_POPULATION && p->population < 0)
			rc = styr_error_set(err, STYR_EINVAL, "split %d: no population of %s (%s) on %s",
			                    out->year, p->name, p->code, iso);
		else if(out->key != SPLIT_POPULATION && !p->key)
			rc = styr_error_set(err, STYR_EINVAL, "split %d: no %s of %s (%s) in "
			                    "result_split_keys", out->year,
			                    out->key == SPLIT_SHARES ? "share" : "key value", p->name,
			                    p->code);
		values[i] = p->key;
	}
	if(!rc && out->key == SPLIT_POPULATION) {
		for(size_t i = 0; i < out->nparts; i++)
			w[i] = out->parts[i].population;
	} else if(!rc) {
		rc = econ_split_weights(values, out->nparts, w, &sum, &decimals, err);
		if(rc)
			styr_error_prefix(err, "split %d", out->year);
		int64_t hundred = 100;
		for(int k = 0; k < decimals; k++)
			hundred *= 10;
		if(!rc && out->key == SPLIT_SHARES && sum != hundred) {
			struct strbuf sb = STRBUF_INIT;
			fmt_decimal_sv(&sb, sum, decimals);
			rc = styr_error_set(err, STYR_EINVAL, "split %d: the shares add up to %s %%, "
			                    "expected 100 %%", out->year, sb.buf);
			strbuf_release(&sb);
		}
	}
	free(values);
	return rc;
}

enum styr_rc econ_split_get(struct store *s, int year, struct econ_split *out,
                            struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	struct member *m = NULL;
	size_t nm = 0;
	int64_t *w, *parts;
	enum styr_rc rc;
	memset(out, 0, sizeof(*out));
	out->year = year;
	out->key_date = (struct date){ year - 2, 12, 31 };
	out->key_date_default = true;
	rc = store_prepare(s, "SELECT amount, key_date, key_kind, key_name FROM econ_split"
	                   " WHERE year = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, year);
	rc = stmt_step(st, &row, err);
	if(!rc && !row)
		rc = styr_error_set(err, STYR_ENOTFOUND, "no result_splits row for %d", year);
	if(!rc) {
		out->amount = stmt_int(st, 0);
		if(!stmt_is_null(st, 1)) {
			date_parse_iso(stmt_text(st, 1), &out->key_date);
			out->key_date_default = false;
		}
		if(!split_key_parse(stmt_text(st, 2), &out->key))
			rc = styr_error_set(err, STYR_EDB, "result_splits %d: unknown key '%s'", year,
			                    stmt_text(st, 2));
		if(stmt_text(st, 3))
			out->key_name = xstrdup(stmt_text(st, 3));
	}
	stmt_finalize(st);
	if(!rc)
		rc = org_members(s, out->key_date, &m, &nm, err);
	if(!rc && nm < 2)
		rc = styr_error_set(err, STYR_ENOTFOUND, "split %d: the committee has %s member; "
		                    "a result is split among two or more", year, nm ? "one" : "no");
	if(rc) {
		members_free(m, nm);
		econ_split_release(out);
		return rc;
	}
	out->parts = xcalloc(nm, sizeof(*out->parts));
	out->nparts = nm;
	w = xcalloc(nm, sizeof(*w));
	parts = xcalloc(nm, sizeof(*parts));
	for(size_t i = 0; i < nm; i++) {
		out->parts[i].code = xstrdup(m[i].code ? m[i].code : "");
		out->parts[i].name = xstrdup(m[i].name ? m[i].name : "");
		out->parts[i].population = m[i].population;
	}
	members_free(m, nm);
	if(out->key != SPLIT_POPULATION)
		rc = read_split_keys(s, out, err);
	if(!rc)
		rc = split_weights(out, w, err);
	if(!rc)
		rc = econ_split(money_to_tkr(out->amount), w, nm, parts, err);
	for(size_t i = 0; i < nm && !rc; i++)
		out->parts[i].tkr = parts[i];
	free(w);
	free(parts);
	if(!rc)
		rc = store_prepare(s, "SELECT (SELECT code FROM municipality WHERE id ="
		                   " municipality_id), stated FROM econ_split_part WHERE year = ?",
		                   &st, err);
	if(!rc) {
		stmt_bind_int(st, 1, year);
		while(!(rc = stmt_step(st, &row, err)) && row)
			for(size_t i = 0; i < nm; i++)
				if(!strcmp(out->parts[i].code, stmt_text(st, 0))) {
					out->parts[i].has_stated = true;
					out->parts[i].stated = stmt_int(st, 1);
				}
		stmt_finalize(st);
	}
	if(rc)
		econ_split_release(out);
	return rc;
}

void econ_split_release(struct econ_split *sp)
{
	for(size_t i = 0; sp->parts && i < sp->nparts; i++) {
		free(sp->parts[i].code);
		free(sp->parts[i].name);
		free(sp->parts[i].key);
	}
	free(sp->parts);
	free(sp->key_name);
	sp->parts = NULL;
	sp->key_name = NULL;
	sp->nparts = 0;
}
