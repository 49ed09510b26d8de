/*
** cmd_economy.c — `styr economy drift|invest DB (--year Y | --occasion
** KEY) [--json]`, `styr economy capital|split DB --year Y [--json]`, one
** subcommand descriptor each (`ledger` is in cmd_economy_ledger.c): the
** economic tables of a report occasion or year as the documents print
** them, in tkr with Swedish formatting, with the figures styr computes;
** where the data states another figure it is shown beside the computed one.
*/
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "economy/economy_rules.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "economy/economy.h"
#include "org/org.h"
#include "db/store.h"

extern const struct cli_command cmd_economy;
extern const struct cli_command cmd_economy_drift, cmd_economy_invest,
	cmd_economy_capital, cmd_economy_split;
extern const struct cli_command cmd_economy_ledger; /* cmd_economy_ledger.c */

#define NAME_W 34
#define COL_W 12

static void col_tkr(FILE *out, bool have, money_t v)
{
	struct strbuf sb = STRBUF_INIT;
	if(have)
		fmt_tkr(&sb, v);
	cli_put_right(out, have ? sb.buf : "", COL_W);
	strbuf_release(&sb);
}

/* "(uppgift 53)" after a row whose stated figure differs from styr's. */
static void stated_note(struct strbuf *notes, const char *what, money_t stated,
                        money_t computed)
{
	if(money_to_tkr(stated) == money_to_tkr(computed))
		return;
	strbuf_addf(notes, "%s%s i underlaget ", notes->len ? ", " : "  (", what);
	fmt_tkr(notes, stated);
}

static void end_row(FILE *out, struct strbuf *notes)
{
	if(notes->len)
		fprintf(out, "%s)", notes->buf);
	fputc('\n', out);
	strbuf_reset(notes);
}

static void jmoney(struct jsonw *w, const char *key, bool have, money_t v)
{
	struct strbuf sb = STRBUF_INIT;
	if(!have)
		return;
	money_format_kronor(&sb, v);
	jsonw_key(w, key);
	jsonw_number_text(w, sb.buf);
	strbuf_release(&sb);
}

static void jfigures(struct jsonw *w, const struct econ_figures *f)
{
	money_t dev;
	jmoney(w, "budget", f->have & ECON_BUDGET, f->budget);
	jmoney(w, "budget_prev", f->have & ECON_BUDGET_PREV, f->budget_prev);
	jmoney(w, "outcome", f->have & ECON_OUTCOME, f->outcome);
	jmoney(w, "forecast", f->have & ECON_FORECAST, f->forecast);
	if(econ_row_deviation(f, &dev))
		jmoney(w, "deviation", true, dev);
	if((f->have & ECON_BUDGET) && (f->have & ECON_BUDGET_PREV))
		jmoney(w, "change", true, f->budget - f->budget_prev);
	jmoney(w, "stated_deviation", f->have & ECON_DEVIATION, f->stated_deviation);
	jmoney(w, "stated_change", f->have & ECON_CHANGE, f->stated_change);
}

/* ---- drift ---- */

static void drift_text_row(FILE *out, const struct econ_drift_row *r,
                           const struct econ_figures *v, unsigned cols, bool total)
{
	struct strbuf notes = STRBUF_INIT;
	money_t dev = 0;
	bool has_dev = econ_row_deviation(v, &dev);
	cli_put_left(out, r->name, NAME_W);
	if(cols & ECON_BUDGET)
		col_tkr(out, v->have & ECON_BUDGET, v->budget);
	if(cols & ECON_BUDGET_PREV)
		col_tkr(out, v->have & ECON_BUDGET_PREV, v->budget_prev);
	if(cols & ECON_CHANGE)
		col_tkr(out, (v->have & ECON_BUDGET) && (v->have & ECON_BUDGET_PREV),
		        v->budget - v->budget_prev);
	if(cols & ECON_OUTCOME)
		col_tkr(out, v->have & ECON_OUTCOME, v->outcome);
	if(cols & ECON_FORECAST)
		col_tkr(out, v->have & ECON_FORECAST, v->forecast);
	if(cols & ECON_DEVIATION)
		col_tkr(out, has_dev, dev);
	if(total) {
		const struct econ_figures *st = &r->f;
		if(st->have & ECON_BUDGET)
			stated_note(&notes, "budget", st->budget, v->budget);
		if(st->have & ECON_BUDGET_PREV)
			stated_note(&notes, "föregående budget", st->budget_prev, v->budget_prev);
		if(st->have & ECON_OUTCOME)
			stated_note(&notes, "utfall", st->outcome, v->outcome);
		if(st->have & ECON_FORECAST)
			stated_note(&notes, "prognos", st->forecast, v->forecast);
	}
	if((r->f.have & ECON_DEVIATION) && has_dev)
		stated_note(&notes, "avvikelse", r->f.stated_deviation, dev);
	if((r->f.have & ECON_CHANGE) && (v->have & ECON_BUDGET) && (v->have & ECON_BUDGET_PREV))
		stated_note(&notes, "förändring", r->f.stated_change, v->budget - v->budget_prev);
	end_row(out, &notes);
	strbuf_release(&notes);
}

static void print_drift(struct cli_ctx *ctx, const struct econ_drift *d, bool json)
{
	unsigned cols = 0;
	size_t i = 0, j = 0;
	for(size_t k = 0; k < d->nlines; k++)
		cols |= d->lines[k].f.have;
	if((cols & ECON_BUDGET) && (cols & ECON_BUDGET_PREV))
		cols |= ECON_CHANGE;
	if((cols & ECON_BUDGET) && (cols & (ECON_OUTCOME | ECON_FORECAST)))
		cols |= ECON_DEVIATION;
	if(json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "occasion", d->occ.key);
		jsonw_kv_int(&w, "year", d->occ.year);
		jsonw_key(&w, "rows");
		jsonw_array_begin(&w);
		while(i < d->nlines || j < d->ntotals) {
			bool line = j == d->ntotals ||
			            (i < d->nlines && d->lines[i].position < d->totals[j].position);
			const struct econ_drift_row *r = line ? &d->lines[i++] : &d->totals[j++];
			struct econ_figures sum;
			jsonw_object_begin(&w);
			jsonw_kv_int(&w, "position", r->position);
			jsonw_kv_string(&w, "name", r->name);
			jsonw_kv_string(&w, "kind", line ? econ_kind_names[r->kind] : "total");
			if(*r->municipality)
				jsonw_kv_string(&w, "municipality", r->municipality);
			if(line) {
				jfigures(&w, &r->f);
			} else {
				econ_drift_sum(d, r->kind, &sum);
				sum.have |= r->f.have & (ECON_DEVIATION | ECON_CHANGE);
				sum.stated_deviation = r->f.stated_deviation;
				sum.stated_change = r->f.stated_change;
				jsonw_kv_string(&w, "sums", econ_kind_names[r->kind]);
				jfigures(&w, &sum);
				jsonw_key(&w, "stated");
				jsonw_object_begin(&w);
				jmoney(&w, "budget", r->f.have & ECON_BUDGET, r->f.budget);
				jmoney(&w, "budget_prev", r->f.have & ECON_BUDGET_PREV, r->f.budget_prev);
				jmoney(&w, "outcome", r->f.have & ECON_OUTCOME, r->f.outcome);
				jmoney(&w, "forecast", r->f.have & ECON_FORECAST, r->f.forecast);
				jsonw_object_end(&w);
			}
			jsonw_object_end(&w);
		}
		jsonw_array_end(&w);
		jsonw_object_end(&w);
		jsonw_finish(&w);
		return;
	}
	fprintf(ctx->out, "Driftredovisning, %s (%s), tkr\n\n", d->occ.title, d->occ.key);
	cli_put_left(ctx->out, "", NAME_W);
	if(cols & ECON_BUDGET_PREV) {
		char a[32], b[32];
		snprintf(a, sizeof(a), "Budget %d", d->occ.year);
		snprintf(b, sizeof(b), "Budget %d", d->occ.year - 1);
		cli_put_right(ctx->out, a, COL_W);
		cli_put_right(ctx->out, b, COL_W);
		cli_put_right(ctx->out, "Förändring", COL_W);
	} else if(cols & ECON_BUDGET) {
		cli_put_right(ctx->out, "Budget", COL_W);
	}
	if(cols & ECON_OUTCOME)
		cli_put_right(ctx->out, "Utfall", COL_W);
	if(cols & ECON_FORECAST)
		cli_put_right(ctx->out, "Årsprognos", COL_W);
	if(cols & ECON_DEVIATION)
		cli_put_right(ctx->out, "Avvikelse", COL_W);
	fputc('\n', ctx->out);
	while(i < d->nlines || j < d->ntotals) {
		bool line = j == d->ntotals ||
		            (i < d->nlines && d->lines[i].position < d->totals[j].position);
		if(line) {
			drift_text_row(ctx->out, &d->lines[i], &d->lines[i].f, cols, false);
			i++;
		} else {
			struct econ_figures sum;
			econ_drift_sum(d, d->totals[j].kind, &sum);
			drift_text_row(ctx->out, &d->totals[j], &sum, cols, true);
			j++;
		}
	}
}

/* ---- invest ---- */

static void invest_text_row(FILE *out, const char *name, const struct econ_figures *v,
                            const struct econ_figures *stated, const char *stated_pct,
                            bool forecast)
{
	struct strbuf notes = STRBUF_INIT, sb = STRBUF_INIT;
	int64_t pc;
	bool bo = (v->have & ECON_BUDGET) && (v->have & ECON_OUTCOME);
	cli_put_left(out, name, NAME_W);
	col_tkr(out, v->have & ECON_BUDGET, v->budget);
	col_tkr(out, v->have & ECON_OUTCOME, v->outcome);
	col_tkr(out, bo, v->budget - v->outcome);
	if(bo && econ_percent_used(v->outcome, v->budget, 1, &pc))
		fmt_decimal_sv(&sb, pc, 1);
	cli_put_right(out, sb.buf, COL_W);
	if(forecast) {
		col_tkr(out, v->have & ECON_FORECAST, v->forecast);
		col_tkr(out, (v->have & ECON_BUDGET) && (v->have & ECON_FORECAST),
		        v->budget - v->forecast);
	}
	if(stated != v) {
		if(stated->have & ECON_BUDGET)
			stated_note(&notes, "budget", stated->budget, v->budget);
		if(stated->have & ECON_OUTCOME)
			stated_note(&notes, "utfall", stated->outcome, v->outcome);
		if(stated->have & ECON_FORECAST)
			stated_note(&notes, "prognos", stated->forecast, v->forecast);
	}
	if((stated->have & ECON_DEVIATION) && bo)
		stated_note(&notes, "avvikelse", stated->stated_deviation, v->budget - v->outcome);
	if((stated->have & ECON_FORECAST_DEVIATION) && (v->have & ECON_FORECAST))
		stated_note(&notes, "prognosavvikelse", stated->stated_forecast_deviation,
		            v->budget - v->forecast);
	if(*stated_pct && bo) {
		struct sv_number n;
		struct styr_error e;
		int64_t p2;
		styr_error_init(&e);
		if(!sv_number_parse(stated_pct, &n, &e) &&
		   econ_percent_used(v->outcome, v->budget, n.decimals, &p2) && p2 != n.value) {
			strbuf_addf(&notes, "%sprocent i underlaget ", notes.len ? ", " : "  (");
			fmt_decimal_sv(&notes, n.value, n.decimals);
		}
	}
	end_row(out, &notes);
	strbuf_release(&notes);
	strbuf_release(&sb);
}

static void jinvest(struct jsonw *w, const struct econ_invest_row *r,
                    const struct econ_figures *v)
{
	int64_t pc;
	struct strbuf sb = STRBUF_INIT;
	jsonw_object_begin(w);
	jsonw_kv_string(w, "name", r->name);
	if(*r->project)
		jsonw_kv_string(w, "project", r->project);
	if(*r->municipality)
		jsonw_kv_string(w, "municipality", r->municipality);
	if(*r->programme)
		jsonw_kv_string(w, "programme", r->programme);
	jmoney(w, "budget", v->have & ECON_BUDGET, v->budget);
	jmoney(w, "outcome", v->have & ECON_OUTCOME, v->outcome);
	jmoney(w, "forecast", v->have & ECON_FORECAST, v->forecast);
	if((v->have & ECON_BUDGET) && (v->have & ECON_OUTCOME)) {
		jmoney(w, "deviation", true, v->budget - v->outcome);
		if(econ_percent_used(v->outcome, v->budget, 1, &pc)) {
			strbuf_addf(&sb, "%s%lld.%lld", pc < 0 ? "-" : "", llabs(pc) / 10,
			            llabs(pc) % 10);
			jsonw_key(w, "percent_used");
			jsonw_number_text(w, sb.buf);
		}
	}
	if((v->have & ECON_BUDGET) && (v->have & ECON_FORECAST))
		jmoney(w, "forecast_deviation", true, v->budget - v->forecast);
	jmoney(w, "remaining", r->f.have & ECON_REMAINING, r->f.remaining);
	if(*r->stated_percent) {
		jsonw_key(w, "stated_percent");
		jsonw_number_text(w, r->stated_percent);
	}
	jsonw_object_end(w);
	strbuf_release(&sb);
}

static void print_invest(struct cli_ctx *ctx, const struct econ_invest *v, bool json)
{
	bool forecast = false;
	struct jsonw w;
	for(size_t i = 0; i < v->nrows; i++)
		forecast |= (v->rows[i].f.have & ECON_FORECAST) != 0;
	if(json) {
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "occasion", v->occ.key);
		jsonw_kv_int(&w, "year", v->occ.year);
		jsonw_key(&w, "rows");
		jsonw_array_begin(&w);
		for(size_t i = 0; i < v->nrows; i++)
			jinvest(&w, &v->rows[i], &v->rows[i].f);
		jsonw_array_end(&w);
		jsonw_key(&w, "totals");
		jsonw_array_begin(&w);
		for(size_t i = 0; i < v->ntotals; i++) {
			struct econ_figures sum;
			econ_invest_sum(v, v->totals[i].programme, &sum);
			jinvest(&w, &v->totals[i], &sum);
		}
		jsonw_array_end(&w);
		jsonw_object_end(&w);
		jsonw_finish(&w);
		return;
	}
	fprintf(ctx->out, "Investeringsredovisning, %s (%s), tkr\n\n", v->occ.title,
	        v->occ.key);
	for(int main_table = 1; main_table >= 0; main_table--) {
		bool any = false;
		const char *prog = "";
		for(size_t i = 0; i < v->nrows; i++) {
			const struct econ_invest_row *r = &v->rows[i];
			if((*r->programme == 0) != main_table)
				continue;
			if(!any) {
				prog = r->programme;
				if(!main_table)
					fprintf(ctx->out, "\nVarav %s\n", prog);
				cli_put_left(ctx->out, "Projekt", NAME_W);
				cli_put_right(ctx->out, "Budget", COL_W);
				cli_put_right(ctx->out, "Utfall", COL_W);
				cli_put_right(ctx->out, "Avvikelse", COL_W);
				cli_put_right(ctx->out, "Förbrukat %", COL_W);
				if(forecast && main_table) {
					cli_put_right(ctx->out, "Prognos", COL_W);
					cli_put_right(ctx->out, "Avvikelse", COL_W);
				}
				if(!main_table)
					cli_put_right(ctx->out, "Återstår", COL_W);
				fputc('\n', ctx->out);
				any = true;
			}
			if(main_table) {
				invest_text_row(ctx->out, r->name, &r->f, &r->f, r->stated_percent,
				                forecast);
			} else {
				cli_put_left(ctx->out, r->name, NAME_W);
				col_tkr(ctx->out, r->f.have & ECON_BUDGET, r->f.budget);
				col_tkr(ctx->out, r->f.have & ECON_OUTCOME, r->f.outcome);
				cli_put_right(ctx->out, "", COL_W);
				cli_put_right(ctx->out, "", COL_W);
				col_tkr(ctx->out, r->f.have & ECON_REMAINING, r->f.remaining);
				fputc('\n', ctx->out);
			}
		}
		for(size_t i = 0; any && i < v->ntotals; i++) {
			const struct econ_invest_row *t = &v->totals[i];
			struct econ_figures sum;
			if(strcmp(t->programme, prog))
				continue;
			econ_invest_sum(v, prog, &sum);
			invest_text_row(ctx->out, t->name, &sum, &t->f, t->stated_percent,
			                forecast && main_table);
		}
	}
}

/* ---- capital ---- */

/* A capital cost, or the range of costs when the split is unknown. */
static void col_range(FILE *out, money_t lo, money_t hi)
{
	struct strbuf sb = STRBUF_INIT;
	fmt_tkr(&sb, lo);
	if(money_to_tkr(lo) != money_to_tkr(hi)) {
		strbuf_addstr(&sb, "–");
		fmt_tkr(&sb, hi);
	}
	cli_put_right(out, sb.buf, COL_W);
	strbuf_release(&sb);
}

static void print_capital(struct cli_ctx *ctx, const struct econ_capital *c, bool json)
{
	struct strbuf sb = STRBUF_INIT;
	money_t amount = 0, cost_min = 0, cost_max = 0;
	if(json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_kv_int(&w, "year", c->year);
		jsonw_key(&w, "interest_rate");
		jsonw_number_text(&w, c->rate);
		jsonw_kv_int(&w, "activation_month", c->activation_month);
		jmoney(&w, "stated_total_amount", c->have & ECON_BUDGET, c->stated_total_amount);
		jmoney(&w, "stated_total_cost", c->have & ECON_OUTCOME, c->stated_total_cost);
		jsonw_key(&w, "rows");
		jsonw_array_begin(&w);
		for(size_t i = 0; i < c->nrows; i++) {
			const struct econ_capital_row *r = &c->rows[i];
			jsonw_object_begin(&w);
			jsonw_kv_string(&w, "project", r->project);
			jsonw_kv_string(&w, "name", r->name);
			jmoney(&w, "amount", true, r->amount);
			jsonw_kv_int(&w, "life_years", r->life_years);
			if(r->other_life_years)
				jsonw_kv_int(&w, "other_life_years", r->other_life_years);
			jmoney(&w, "other_life_amount", r->other_life_years && r->split_known,
			       r->other_life_amount);
			jmoney(&w, "capital_cost", r->cost_min == r->cost_max, r->cost);
			if(r->cost_min != r->cost_max) {
				jmoney(&w, "capital_cost_min", true, r->cost_min);
				jmoney(&w, "capital_cost_max", true, r->cost_max);
			}
			jmoney(&w, "stated_capital_cost", r->has_stated, r->stated_cost);
			jsonw_object_end(&w);
		}
		jsonw_array_end(&w);
		jsonw_object_end(&w);
		jsonw_finish(&w);
		return;
	}
	fprintf(ctx->out, "Investeringsbudget %d med kapitalkostnader, tkr\n", c->year);
	{
		struct sv_number n;
		struct styr_error e;
		styr_error_init(&e);
		if(!sv_number_parse(c->rate, &n, &e))
			fmt_percent_sv(&sb, n.value, n.decimals);
	}
	fprintf(ctx->out, "Aktivering i månad %d (%d månaders kostnad), internränta %s\n\n",
	        c->activation_month, 13 - c->activation_month, sb.buf);
	cli_put_left(ctx->out, "Projekt", NAME_W);
	cli_put_right(ctx->out, "Utgift", COL_W);
	cli_put_right(ctx->out, "Kapitalkost", COL_W);
	cli_put_right(ctx->out, "Avskrivning", COL_W);
	cli_put_right(ctx->out, "Uppgift", COL_W);
	fputc('\n', ctx->out);
	for(size_t i = 0; i < c->nrows; i++) {
		const struct econ_capital_row *r = &c->rows[i];
		char life[32];
		amount += r->amount;
		cli_put_left(ctx->out, r->name, NAME_W);
		col_tkr(ctx->out, true, r->amount);
		cost_min += r->cost_min;
		cost_max += r->cost_max;
		col_range(ctx->out, r->cost_min, r->cost_max);
		if(r->other_life_years)
			snprintf(life, sizeof(life), "%d och %d år",
			         r->other_life_years < r->life_years ? r->other_life_years : r->life_years,
			         r->other_life_years < r->life_years ? r->life_years : r->other_life_years);
		else
			snprintf(life, sizeof(life), "%d år", r->life_years);
		cli_put_right(ctx->out, life, COL_W);
		col_tkr(ctx->out, r->has_stated, r->stated_cost);
		if(r->cost_min != r->cost_max)
			fputs("  (fördelningen mellan livslängderna saknas i underlaget)", ctx->out);
		fputc('\n', ctx->out);
	}
	cli_put_left(ctx->out, "TOTALT", NAME_W);
	col_tkr(ctx->out, true, amount);
	col_range(ctx->out, cost_min, cost_max);
	cli_put_right(ctx->out, "", COL_W);
	col_tkr(ctx->out, c->have & ECON_OUTCOME, c->stated_total_cost);
	fputc('\n', ctx->out);
	strbuf_release(&sb);
}

/* ---- split ---- */

static void print_split(struct cli_ctx *ctx, const struct econ_split *sp, bool json)
{
	char iso[11];
	int64_t pop = 0, sum = 0;
	date_format_iso(sp->key_date, iso);
	if(json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_kv_int(&w, "year", sp->year);
		jmoney(&w, "amount", true, sp->amount);
		jsonw_kv_string(&w, "key_date", iso);
		jsonw_key(&w, "parts");
		jsonw_array_begin(&w);
		for(size_t i = 0; i < sp->nparts; i++) {
			jsonw_object_begin(&w);
			jsonw_kv_string(&w, "municipality", sp->parts[i].code);
			jsonw_kv_string(&w, "name", sp->parts[i].name);
			jsonw_kv_int(&w, "population", sp->parts[i].population);
			jmoney(&w, "part", true, money_from_tkr(sp->parts[i].tkr));
			jmoney(&w, "stated", sp->parts[i].has_stated, sp->parts[i].stated);
			jsonw_object_end(&w);
		}
		jsonw_array_end(&w);
		jsonw_object_end(&w);
		jsonw_finish(&w);
		return;
	}
	{
		struct strbuf sb = STRBUF_INIT;
		fmt_tkr(&sb, sp->amount);
		fprintf(ctx->out, "Fördelning av resultatet %d: %s tkr efter folkmängd %s\n\n",
		        sp->year, sb.buf, iso);
		strbuf_release(&sb);
	}
	cli_put_left(ctx->out, "Kommun", NAME_W);
	cli_put_right(ctx->out, "Folkmängd", COL_W);
	cli_put_right(ctx->out, "Andel tkr", COL_W);
	cli_put_right(ctx->out, "Uppgift", COL_W);
	fputc('\n', ctx->out);
	for(size_t i = 0; i < sp->nparts; i++) {
		struct strbuf sb = STRBUF_INIT;
		fmt_int_sv(&sb, sp->parts[i].population);
		cli_put_left(ctx->out, sp->parts[i].name, NAME_W);
		cli_put_right(ctx->out, sb.buf, COL_W);
		strbuf_reset(&sb);
		fmt_int_sv(&sb, sp->parts[i].tkr);
		cli_put_right(ctx->out, sb.buf, COL_W);
		col_tkr(ctx->out, sp->parts[i].has_stated, sp->parts[i].stated);
		fputc('\n', ctx->out);
		pop += sp->parts[i].population;
		sum += sp->parts[i].tkr;
		strbuf_release(&sb);
	}
	{
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
		fmt_int_sv(&a, pop);
		fmt_int_sv(&b, sum);
		cli_put_left(ctx->out, "Summa", NAME_W);
		cli_put_right(ctx->out, a.buf, COL_W);
		cli_put_right(ctx->out, b.buf, COL_W);
		fputc('\n', ctx->out);
		strbuf_release(&a);
		strbuf_release(&b);
	}
}

/* ---- subcommands ---- */

/* Parse the arguments of a view: DB, --year and, for a view of an
** occasion (of_occasion), --occasion, resolved into *occ; --json. Returns
** 0 to go on (release *occ), else the exit status (help shown: 0). */
static int parse_view(struct cli_ctx *ctx, const struct cli_command *cmd, bool of_occasion,
                      int argc, char **argv, struct occasion *occ, int *year, bool *json)
{
	const char *pos[1], *year_s = NULL, *occ_s = NULL;
	int npos, r;
	struct styr_error err;
	const struct cli_opt opts[] = {
		{ "--year", .value = &year_s }, { "--json", .flag = json },
		/* last: a year's view has none (its NULL name ends the list) */
		{ of_occasion ? "--occasion" : NULL, .value = &occ_s }, { NULL }
	};
	memset(occ, 0, sizeof(*occ));
	*year = 0;
	*json = false;
	r = cli_parse(ctx, cmd, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r == CLI_HELP_SHOWN ? 0 : r;
	if(year_s && !cli_parse_year(year_s, year))
		return cli_usage_error(ctx, cmd, "--year \"%s\": expected a year such as 2020",
		                       year_s);
	if(!year_s && !occ_s)
		return cli_usage_error(ctx, cmd, of_occasion ? "give --year or --occasion"
		                                             : "--year is required");
	if(of_occasion &&
	   org_occasion_resolve(ctx->store, &(struct occasion_query){ occ_s, *year, 0 }, occ,
	                        &err))
		return cli_fail(ctx, &err);
	return -1;
}

static int drift(struct cli_ctx *ctx, int argc, char **argv)
{
	struct occasion occ;
	struct econ_drift d;
	struct styr_error err;
	int year, r;
	bool json;
	enum styr_rc rc;
	if((r = parse_view(ctx, &cmd_economy_drift, true, argc, argv, &occ, &year, &json)) >= 0)
		return r;
	rc = econ_drift_get(ctx->store, &occ, &d, &err);
	if(!rc) {
		print_drift(ctx, &d, json);
		econ_drift_release(&d);
	}
	occasion_release(&occ);
	return rc ? cli_fail(ctx, &err) : 0;
}

static int invest(struct cli_ctx *ctx, int argc, char **argv)
{
	struct occasion occ;
	struct econ_invest v;
	struct styr_error err;
	int year, r;
	bool json;
	enum styr_rc rc;
	if((r = parse_view(ctx, &cmd_economy_invest, true, argc, argv, &occ, &year, &json)) >= 0)
		return r;
	rc = econ_invest_get(ctx->store, &occ, &v, &err);
	if(!rc) {
		print_invest(ctx, &v, json);
		econ_invest_release(&v);
	}
	occasion_release(&occ);
	return rc ? cli_fail(ctx, &err) : 0;
}

static int capital(struct cli_ctx *ctx, int argc, char **argv)
{
	struct occasion occ;
	struct econ_capital c;
	struct styr_error err;
	int year, r;
	bool json;
	enum styr_rc rc;
	if((r = parse_view(ctx, &cmd_economy_capital, false, argc, argv, &occ, &year, &json)) >= 0)
		return r;
	rc = econ_capital_get(ctx->store, year, &c, &err);
	if(!rc) {
		print_capital(ctx, &c, json);
		econ_capital_release(&c);
	}
	return rc ? cli_fail(ctx, &err) : 0;
}

static int split(struct cli_ctx *ctx, int argc, char **argv)
{
	struct occasion occ;
	struct econ_split sp;
	struct styr_error err;
	int year, r;
	bool json;
	enum styr_rc rc;
	if((r = parse_view(ctx, &cmd_economy_split, false, argc, argv, &occ, &year, &json)) >= 0)
		return r;
	rc = econ_split_get(ctx->store, year, &sp, &err);
	if(!rc) {
		print_split(ctx, &sp, json);
		econ_split_release(&sp);
	}
	return rc ? cli_fail(ctx, &err) : 0;
}

#define STATED_NOTE \
	"Figures are tkr. Where the data states another figure than styr\n" \
	"computes, it is shown in parentheses.\n"

const struct cli_command cmd_economy_drift = {
	"economy drift", "the operating account of an occasion",
	"usage: styr economy drift DB (--year Y | --occasion KEY) [--json]\n\n"
	"The operating account (driftredovisning) of a report occasion: budget,\n"
	"outcome, forecast and deviation, or for a plan budget Y, budget Y-1 and\n"
	"change. --occasion names the occasion (\"2020-04-30\", \"mer-plan-2023\");\n"
	"--year alone picks the year's last occasion.\n" STATED_NOTE,
	drift, CLI_DB_READ, 0, NULL
};

const struct cli_command cmd_economy_invest = {
	"economy invest", "the investment tables of an occasion with percent used",
	"usage: styr economy invest DB (--year Y | --occasion KEY) [--json]\n\n"
	"The investment tables of a report occasion with percent used (outcome /\n"
	"budget; the total's from the totals) and what remains of a programme's\n"
	"frame. --occasion and --year as for `styr economy drift`.\n" STATED_NOTE,
	invest, CLI_DB_READ, 0, NULL
};

const struct cli_command cmd_economy_capital = {
	"economy capital", "the capital costs of a year's investment budget",
	"usage: styr economy capital DB --year Y [--json]\n\n"
	"The capital costs of year Y's investment budget: half a year of\n"
	"straight-line depreciation and interest on each investment; where the\n"
	"split between two lives is not in the data, the range of costs.\n"
	STATED_NOTE,
	capital, CLI_DB_READ, 0, NULL
};

const struct cli_command cmd_economy_split = {
	"economy split", "a year's surplus or deficit split among the members",
	"usage: styr economy split DB --year Y [--json]\n\n"
	"Year Y's surplus or deficit split among the members by their population\n"
	"on 31 December two years before, in whole tkr that add up exactly\n"
	"(largest remainder).\n" STATED_NOTE,
	split, CLI_DB_READ, 0, NULL
};

const struct cli_command cmd_economy = {
	"economy", "show the operating account, investments, capital costs and result split",
	"usage: styr economy SUBCOMMAND DB [options]\n\n"
	"The economic tables of a report occasion or a year, in tkr; --json gives\n"
	"the figures in kronor.\n",
	NULL, CLI_DB_NONE, 0,
	(const struct cli_command *const[]){ &cmd_economy_drift, &cmd_economy_invest,
	                                     &cmd_economy_capital, &cmd_economy_split,
	                                     &cmd_economy_ledger, NULL }
};
