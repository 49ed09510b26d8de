/*
** economy_check.c — `styr check` for the economy: every total, deviation,
** change, percent, contribution, capital cost and split part the data
** states is compared with what styr computes from the rows. Each finding
** names the table, the occasion or year, the row and both figures.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "economy/economy_rules.h"
#include "base/strbuf.h"
#include "economy/economy.h"
#include "db/store.h"

/* An amount for a message: whole tkr as "53 tkr", otherwise kronor. */
static const char *amt(struct strbuf *sb, money_t v)
{
	strbuf_reset(sb);
	if(v % ORE_PER_TKR == 0) {
		fmt_int_sv(sb, v / ORE_PER_TKR);
		strbuf_addstr(sb, " tkr");
	} else {
		money_format_kronor(sb, v);
		strbuf_addstr(sb, " kr");
	}
	return sb->buf;
}

static void differ(struct findings *f, const char *where, const char *what,
                   money_t stated, money_t computed)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	if(stated != computed)
		findings_add(f, "%s: %s %s in the data, %s computed", where, what,
		             amt(&a, stated), amt(&b, computed));
	strbuf_release(&a);
	strbuf_release(&b);
}

static void check_row(struct findings *f, const char *where,
                      const struct econ_figures *r)
{
	money_t dev;
	if((r->have & ECON_DEVIATION) && econ_row_deviation(r, &dev))
		differ(f, where, (r->have & ECON_FORECAST) ? "deviation (budget − forecast)"
		                                           : "deviation (budget − outcome)",
		       r->stated_deviation, dev);
	if((r->have & ECON_CHANGE) && (r->have & ECON_BUDGET) && (r->have & ECON_BUDGET_PREV))
		differ(f, where, "change (budget − budget the year before)", r->stated_change,
		       r->budget - r->budget_prev);
}

static void check_sum(struct findings *f, const char *where,
                      const struct econ_figures *stated, const struct econ_figures *sum)
{
	static const unsigned bits[] = { ECON_BUDGET, ECON_BUDGET_PREV, ECON_OUTCOME,
	                                 ECON_FORECAST };
	static const char *const names[] = { "budget total", "budget-before total",
	                                     "outcome total", "forecast total" };
	const money_t st[] = { stated->budget, stated->budget_prev, stated->outcome,
	                       stated->forecast };
	const money_t cp[] = { sum->budget, sum->budget_prev, sum->outcome, sum->forecast };
	for(size_t i = 0; i < 4; i++)
		if(stated->have & bits[i])
			differ(f, where, names[i], st[i], cp[i]);
}

static enum styr_rc check_drift(struct store *s, const struct occasion *occ,
                                struct findings *f, struct styr_error *err)
{
	struct econ_drift d;
	char where[256];
	enum styr_rc rc = econ_drift_get(s, occ, &d, err);
	if(rc == STYR_ENOTFOUND)
		return STYR_OK;
	if(rc)
		return rc;
	for(size_t i = 0; i < d.nlines; i++) {
		snprintf(where, sizeof(where), "drift_lines %s row %d %s", occ->key,
		         d.lines[i].position, d.lines[i].name);
		check_row(f, where, &d.lines[i].f);
	}
	for(size_t i = 0; i < d.ntotals; i++) {
		struct econ_figures sum;
		snprintf(where, sizeof(where), "drift_totals %s row %d %s", occ->key,
		         d.totals[i].position, d.totals[i].name);
		econ_drift_sum(&d, d.totals[i].kind, &sum);
		check_sum(f, where, &d.totals[i].f, &sum);
		check_row(f, where, &d.totals[i].f);
	}
	econ_drift_release(&d);
	return STYR_OK;
}

static void check_percent(struct findings *f, const char *where,
                          const char *stated, money_t outcome, money_t budget)
{
	struct sv_number n;
	struct styr_error e;
	int64_t pc;
	if(!*stated)
		return;
	styr_error_init(&e);
	if(sv_number_parse(stated, &n, &e)) {
		findings_add(f, "%s: percent used \"%s\" is not a number", where, stated);
		return;
	}
	if(!econ_percent_used(outcome, budget, n.decimals, &pc))
		return;
	if(pc != n.value) {
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
		int64_t one;
		fmt_decimal_sv(&a, n.value, n.decimals);
		econ_percent_used(outcome, budget, 1, &one);
		fmt_decimal_sv(&b, one, 1);
		findings_add(f, "%s: percent used %s in the data, %s computed (outcome / budget)",
		             where, a.buf, b.buf);
		strbuf_release(&a);
		strbuf_release(&b);
	}
}

static void check_invest_row(struct findings *f, const char *where,
                             const struct econ_invest_row *r, const struct econ_figures *v)
{
	if((v->have & ECON_DEVIATION) && (v->have & ECON_BUDGET) && (v->have & ECON_OUTCOME))
		differ(f, where, "deviation (budget − outcome)", v->stated_deviation,
		       v->budget - v->outcome);
	if((v->have & ECON_FORECAST_DEVIATION) && (v->have & ECON_BUDGET) &&
	   (v->have & ECON_FORECAST))
		differ(f, where, "forecast deviation (budget − forecast)",
		       v->stated_forecast_deviation, v->budget - v->forecast);
	if((v->have & ECON_BUDGET) && (v->have & ECON_OUTCOME))
		check_percent(f, where, r->stated_percent, v->outcome, v->budget);
}

static enum styr_rc check_invest(struct store *s, const struct occasion *occ,
                                 struct findings *f, struct styr_error *err)
{
	struct econ_invest v;
	char where[256];
	enum styr_rc rc = econ_invest_get(s, occ, &v, err);
	if(rc == STYR_ENOTFOUND)
		return STYR_OK;
	if(rc)
		return rc;
	for(size_t i = 0; i < v.nrows; i++) {
		snprintf(where, sizeof(where), "investment_rows %s %s", occ->key, v.rows[i].name);
		check_invest_row(f, where, &v.rows[i], &v.rows[i].f);
	}
	for(size_t i = 0; i < v.ntotals; i++) {
		const struct econ_invest_row *t = &v.totals[i];
		struct econ_figures sum;
		snprintf(where, sizeof(where), "investment_totals %s %s", occ->key, t->name);
		econ_invest_sum(&v, t->programme, &sum);
		check_sum(f, where, &t->f, &sum);
		/* The total's deviation and percent come from the computed totals. */
		sum.have |= t->f.have & (ECON_DEVIATION | ECON_FORECAST_DEVIATION);
		sum.stated_deviation = t->f.stated_deviation;
		sum.stated_forecast_deviation = t->f.stated_forecast_deviation;
		check_invest_row(f, where, t, &sum);
	}
	econ_invest_release(&v);
	return STYR_OK;
}

/* Contribution lines of the plan views against the contributions data. */
static enum styr_rc check_contributions(struct store *s, struct findings *f,
                                        struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT o.key, l.position, l.name, m.code, o.year, l.budget, l.budget_prev,"
	    " (SELECT amount FROM econ_contribution c WHERE c.municipality_id = m.id"
	    "  AND c.year = o.year),"
	    " (SELECT amount FROM econ_contribution c WHERE c.municipality_id = m.id"
	    "  AND c.year = o.year - 1)"
	    " FROM econ_drift_line l JOIN occasion o ON o.id = l.occasion_id"
	    " JOIN municipality m ON m.id = l.municipality_id"
	    " WHERE l.kind = ? ORDER BY o.year, o.key, l.position", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, econ_kind_names[ECON_KIND_CONTRIBUTION]);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		char where[256];
		snprintf(where, sizeof(where), "drift_lines %s row %d %s",
		         stmt_text(st, 0), (int)stmt_int(st, 1), stmt_text(st, 2));
		for(int k = 0; k < 2; k++) {
			int year = (int)stmt_int(st, 4) - k;
			char what[96];
			if(stmt_is_null(st, 5 + k))
				continue;
			snprintf(what, sizeof(what), "budget %d against contributions %s %d", year,
			         stmt_text(st, 3), year);
			if(stmt_is_null(st, 7 + k))
				findings_add(f, "%s: no contributions row for %s %d", where,
				             stmt_text(st, 3), year);
			else
				differ(f, where, what, stmt_int(st, 5 + k), stmt_int(st, 7 + k));
		}
	}
	stmt_finalize(st);
	return rc;
}

/* The members' contributions of a year against the budget of every
** contribution line (without a member) of that year's tables. */
static enum styr_rc check_contribution_sums(struct store *s, struct findings *f,
                                            struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT o.key, l.position, l.name, o.year, l.budget,"
	    " (SELECT sum(amount) FROM econ_contribution c WHERE c.year = o.year)"
	    " FROM econ_drift_line l JOIN occasion o ON o.id = l.occasion_id"
	    " WHERE l.kind = ? AND l.municipality_id IS NULL"
	    " AND l.budget IS NOT NULL"
	    " AND EXISTS(SELECT 1 FROM econ_contribution c WHERE c.year = o.year)"
	    " ORDER BY o.year, o.key, l.position", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, econ_kind_names[ECON_KIND_CONTRIBUTION]);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		char where[256], what[64];
		snprintf(where, sizeof(where), "drift_lines %s row %d %s", stmt_text(st, 0),
		         (int)stmt_int(st, 1), stmt_text(st, 2));
		snprintf(what, sizeof(what), "budget against the sum of contributions %d",
		         (int)stmt_int(st, 3));
		differ(f, where, what, stmt_int(st, 4), stmt_int(st, 5));
	}
	stmt_finalize(st);
	return rc;
}

/* Overlapping ranges of a mapping, and accounts no range of it covers. */
static enum styr_rc check_mappings(struct store *s, struct findings *f,
                                   struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT a.mapping, a.line, a.account_from, a.account_to, b.line,"
	    " b.account_from, b.account_to FROM econ_line_map a JOIN econ_line_map b"
	    " ON a.mapping = b.mapping AND a.id < b.id"
	    " AND a.account_from <= b.account_to AND b.account_from <= a.account_to"
	    " ORDER BY a.mapping, a.account_from", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row)
		findings_add(f, "line_mappings %s: %s %lld-%lld overlaps %s %lld-%lld",
		             stmt_text(st, 0), stmt_text(st, 1), (long long)stmt_int(st, 2),
		             (long long)stmt_int(st, 3), stmt_text(st, 4),
		             (long long)stmt_int(st, 5), (long long)stmt_int(st, 6));
	stmt_finalize(st);
	if(rc)
		return rc;
	rc = store_prepare(s,
	    "SELECT m.mapping, a.number, a.name FROM (SELECT DISTINCT mapping"
	    " FROM econ_line_map) m CROSS JOIN econ_account a WHERE NOT EXISTS(SELECT 1"
	    " FROM econ_line_map r WHERE r.mapping = m.mapping"
	    " AND a.number BETWEEN r.account_from AND r.account_to)"
	    " ORDER BY m.mapping, a.number", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row)
		findings_add(f, "line_mappings %s: account %lld %s is in no report line",
		             stmt_text(st, 0), (long long)stmt_int(st, 1), stmt_text(st, 2));
	stmt_finalize(st);
	return rc;
}

static enum styr_rc check_capital(struct store *s, int year, struct findings *f,
                                  struct styr_error *err)
{
	struct econ_capital c;
	money_t amount = 0, cost = 0;
	char where[256];
	enum styr_rc rc = econ_capital_get(s, year, &c, err);
	if(rc == STYR_EINVAL) {
		findings_add(f, "capital_parameters %d: %s", year, err->msg);
		return STYR_OK;
	}
	if(rc)
		return rc;
	for(size_t i = 0; i < c.nrows; i++) {
		const struct econ_capital_row *r = &c.rows[i];
		amount += r->amount;
		cost += r->has_stated ? r->stated_cost : r->cost;
		snprintf(where, sizeof(where), "capital_projects %d %s", year, r->name);
		if(!r->has_stated)
			continue;
		if(r->cost_min == r->cost_max) {
			differ(f, where, "capital cost", money_from_tkr(money_to_tkr(r->stated_cost)),
			       money_from_tkr(money_to_tkr(r->cost)));
		} else if(money_to_tkr(r->stated_cost) < money_to_tkr(r->cost_min) ||
		          money_to_tkr(r->stated_cost) > money_to_tkr(r->cost_max)) {
			struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, x = STRBUF_INIT;
			findings_add(f, "%s: capital cost %s in the data is outside %s–%s, "
			             "the costs of every split between the lives", where,
			             amt(&a, r->stated_cost), amt(&b, r->cost_min),
			             amt(&x, r->cost_max));
			strbuf_release(&a);
			strbuf_release(&b);
			strbuf_release(&x);
		}
	}
	snprintf(where, sizeof(where), "capital_parameters %d", year);
	if(c.have & ECON_BUDGET)
		differ(f, where, "total investment", c.stated_total_amount, amount);
	if(c.have & ECON_OUTCOME)
		differ(f, where, "total capital cost (sum of the rows as printed)",
		       c.stated_total_cost, cost);
	econ_capital_release(&c);
	return STYR_OK;
}

/* The split's parts and its amount against the year's net result. */
static enum styr_rc check_split(struct store *s, int year, struct findings *f,
                                struct styr_error *err)
{
	struct econ_split sp;
	struct occasion occ;
	money_t stated_sum = 0;
	bool any = false;
	char where[128];
	enum styr_rc rc = econ_split_get(s, year, &sp, err);
	if(rc == STYR_EINVAL || rc == STYR_ENOTFOUND) {   /* a key missing; one member */
		findings_add(f, "result_splits %d: %s", year, err->msg);
		return STYR_OK;
	}
	if(rc)
		return rc;
	for(size_t i = 0; i < sp.nparts; i++) {
		if(!sp.parts[i].has_stated)
			continue;
		any = true;
		stated_sum += sp.parts[i].stated;
		snprintf(where, sizeof(where), "result_split_parts %d %s", year, sp.parts[i].name);
		differ(f, where, "part", sp.parts[i].stated, money_from_tkr(sp.parts[i].tkr));
	}
	snprintf(where, sizeof(where), "result_splits %d", year);
	if(any)
		differ(f, where, "sum of the stated parts", stated_sum,
		       money_from_tkr(money_to_tkr(sp.amount)));
	struct occasion_query q = { NULL, year, OCC_FOLLOW_UP };
	if(!org_occasion_resolve(s, &q, &occ, err)) {
		struct econ_drift d;
		if(!econ_drift_get(s, &occ, &d, err)) {
			struct econ_figures net;
			econ_drift_sum(&d, ECON_KIND_NET, &net);
			if((net.have & ECON_OUTCOME) && llabs(net.outcome) != llabs(sp.amount))
				differ(f, where, "amount (either sign) against the net result "
				       "of the year's last operating account", sp.amount, net.outcome);
			econ_drift_release(&d);
		}
		occasion_release(&occ);
	}
	econ_split_release(&sp);
	return STYR_OK;
}

static enum styr_rc each_year(struct store *s, const char *sql, struct findings *f,
                              enum styr_rc (*fn)(struct store *, int, struct findings *,
                                                 struct styr_error *),
                              struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	int years[64];
	size_t n = 0;
	enum styr_rc rc = store_prepare(s, sql, &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row && n < 64)
		years[n++] = (int)stmt_int(st, 0);
	stmt_finalize(st);
	for(size_t i = 0; i < n && !rc; i++)
		rc = fn(s, years[i], f, err);
	return rc;
}

enum styr_rc economy_check(struct store *s, struct findings *f, struct styr_error *err)
{
	struct occasion *occ = NULL;
	size_t nocc = 0;
	enum styr_rc rc = org_occasions(s, 0, &occ, &nocc, err);
	for(size_t i = 0; i < nocc && !rc; i++) {
		rc = check_drift(s, &occ[i], f, err);
		if(!rc)
			rc = check_invest(s, &occ[i], f, err);
	}
	occasions_free(occ, nocc);
	if(!rc)
		rc = check_contributions(s, f, err);
	if(!rc)
		rc = check_contribution_sums(s, f, err);
	if(!rc)
		rc = check_mappings(s, f, err);
	if(!rc)
		rc = each_year(s, "SELECT year FROM econ_capital_param ORDER BY year", f,
		               check_capital, err);
	if(!rc)
		rc = each_year(s, "SELECT year FROM econ_split ORDER BY year", f,
		               check_split, err);
	return rc;
}
