/*
** cmd_economy.c — `styr economy drift|invest|capital|split|ledger`: the
** economic tables of a report occasion or year. The text views are the
** reports' own document sections (economy_doc.h) in their detailed form,
** printed by the text renderer, so a table reads the same here as in the
** report; --json writes the same domain data (economy.h) as numbers in
** kronor. `ledger` is in cmd_economy_ledger.c.
*/
#include <stdlib.h>

#include "cli/cli.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "economy/economy.h"
#include "economy/economy_doc.h"
#include "org/org.h"

extern const struct cli_command cmd_economy;
extern const struct cli_command cmd_economy_drift, cmd_economy_invest,
	cmd_economy_capital, cmd_economy_split;
extern const struct cli_command cmd_economy_ledger; /* cmd_economy_ledger.c */

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

/* What a view shows: an occasion's table, or a year's (occ NULL). */
struct scope {
	const struct occasion *occ;
	int year;
};

/* ---- --json ---- */

/* Begin the JSON object of a view: its occasion (when it has one) and
** year; json_close ends the array the view ends with, and the object. */
static void json_open(struct cli_ctx *ctx, struct jsonw *w, const char *occasion, int year)
{
	cli_json_init(ctx, w);
	jsonw_object_begin(w);
	if(occasion)
		jsonw_kv_string(w, "occasion", occasion);
	jsonw_kv_int(w, "year", year);
}

static void json_close(struct jsonw *w)
{
	jsonw_array_end(w);
	jsonw_object_end(w);
	jsonw_finish(w);
}

static enum styr_rc drift_json(struct cli_ctx *ctx, struct jsonw *w, const struct scope *sc,
                               struct styr_error *err)
{
	struct econ_drift d;
	size_t i = 0, j = 0;
	enum styr_rc rc = econ_drift_get(ctx->store, sc->occ, &d, err);
	if(rc)
		return rc;
	json_open(ctx, w, d.occ.key, d.occ.year);
	jsonw_key(w, "rows");
	jsonw_array_begin(w);
	while(i < d.nlines || j < d.ntotals) {
		bool line = j == d.ntotals ||
		            (i < d.nlines && d.lines[i].position < d.totals[j].position);
		const struct econ_drift_row *r = line ? &d.lines[i++] : &d.totals[j++];
		struct econ_figures sum;
		jsonw_object_begin(w);
		jsonw_kv_int(w, "position", r->position);
		jsonw_kv_string(w, "name", r->name);
		jsonw_kv_string(w, "kind", line ? econ_kind_names[r->kind] : "total");
		if(*r->municipality)
			jsonw_kv_string(w, "municipality", r->municipality);
		if(line) {
			jfigures(w, &r->f);
		} else {
			econ_drift_sum(&d, r->kind, &sum);
			sum.have |= r->f.have & (ECON_DEVIATION | ECON_CHANGE);
			sum.stated_deviation = r->f.stated_deviation;
			sum.stated_change = r->f.stated_change;
			jsonw_kv_string(w, "sums", econ_kind_names[r->kind]);
			jfigures(w, &sum);
			jsonw_key(w, "stated");
			jsonw_object_begin(w);
			jmoney(w, "budget", r->f.have & ECON_BUDGET, r->f.budget);
			jmoney(w, "budget_prev", r->f.have & ECON_BUDGET_PREV, r->f.budget_prev);
			jmoney(w, "outcome", r->f.have & ECON_OUTCOME, r->f.outcome);
			jmoney(w, "forecast", r->f.have & ECON_FORECAST, r->f.forecast);
			jsonw_object_end(w);
		}
		jsonw_object_end(w);
	}
	json_close(w);
	econ_drift_release(&d);
	return STYR_OK;
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

static enum styr_rc invest_json(struct cli_ctx *ctx, struct jsonw *w, const struct scope *sc,
                                struct styr_error *err)
{
	struct econ_invest v;
	enum styr_rc rc = econ_invest_get(ctx->store, sc->occ, &v, err);
	if(rc)
		return rc;
	json_open(ctx, w, v.occ.key, v.occ.year);
	jsonw_key(w, "rows");
	jsonw_array_begin(w);
	for(size_t i = 0; i < v.nrows; i++)
		jinvest(w, &v.rows[i], &v.rows[i].f);
	jsonw_array_end(w);
	jsonw_key(w, "totals");
	jsonw_array_begin(w);
	for(size_t i = 0; i < v.ntotals; i++) {
		struct econ_figures sum;
		econ_invest_sum(&v, v.totals[i].programme, &sum);
		jinvest(w, &v.totals[i], &sum);
	}
	json_close(w);
	econ_invest_release(&v);
	return STYR_OK;
}

static enum styr_rc capital_json(struct cli_ctx *ctx, struct jsonw *w, const struct scope *sc,
                                 struct styr_error *err)
{
	struct econ_capital c;
	enum styr_rc rc = econ_capital_get(ctx->store, sc->year, &c, err);
	if(rc)
		return rc;
	json_open(ctx, w, NULL, c.year);
	jsonw_key(w, "interest_rate");
	jsonw_number_text(w, c.rate);
	jsonw_kv_int(w, "activation_month", c.activation_month);
	jmoney(w, "stated_total_amount", c.have & ECON_BUDGET, c.stated_total_amount);
	jmoney(w, "stated_total_cost", c.have & ECON_OUTCOME, c.stated_total_cost);
	jsonw_key(w, "rows");
	jsonw_array_begin(w);
	for(size_t i = 0; i < c.nrows; i++) {
		const struct econ_capital_row *r = &c.rows[i];
		jsonw_object_begin(w);
		jsonw_kv_string(w, "project", r->project);
		jsonw_kv_string(w, "name", r->name);
		jmoney(w, "amount", true, r->amount);
		jsonw_kv_int(w, "life_years", r->life_years);
		if(r->other_life_years)
			jsonw_kv_int(w, "other_life_years", r->other_life_years);
		jmoney(w, "other_life_amount", r->other_life_years && r->split_known,
		       r->other_life_amount);
		jmoney(w, "capital_cost", r->cost_min == r->cost_max, r->cost);
		if(r->cost_min != r->cost_max) {
			jmoney(w, "capital_cost_min", true, r->cost_min);
			jmoney(w, "capital_cost_max", true, r->cost_max);
		}
		jmoney(w, "stated_capital_cost", r->has_stated, r->stated_cost);
		jsonw_object_end(w);
	}
	json_close(w);
	econ_capital_release(&c);
	return STYR_OK;
}

static enum styr_rc split_json(struct cli_ctx *ctx, struct jsonw *w, const struct scope *sc,
                               struct styr_error *err)
{
	struct econ_split sp;
	char iso[11];
	enum styr_rc rc = econ_split_get(ctx->store, sc->year, &sp, err);
	if(rc)
		return rc;
	date_format_iso(sp.key_date, iso);
	json_open(ctx, w, NULL, sp.year);
	jmoney(w, "amount", true, sp.amount);
	jsonw_kv_string(w, "key", split_key_names[sp.key]);
	if(sp.key == SPLIT_POPULATION)
		jsonw_kv_string(w, "key_date", iso);
	if(sp.key_name)
		jsonw_kv_string(w, "key_name", sp.key_name);
	jsonw_key(w, "parts");
	jsonw_array_begin(w);
	for(size_t i = 0; i < sp.nparts; i++) {
		jsonw_object_begin(w);
		jsonw_kv_string(w, "municipality", sp.parts[i].code);
		jsonw_kv_string(w, "name", sp.parts[i].name);
		if(sp.key == SPLIT_POPULATION)
			jsonw_kv_int(w, "population", sp.parts[i].population);
		else
			jsonw_kv_string(w, "key_value", sp.parts[i].key);
		jmoney(w, "part", true, money_from_tkr(sp.parts[i].tkr));
		jmoney(w, "stated", sp.parts[i].has_stated, sp.parts[i].stated);
		jsonw_object_end(w);
	}
	json_close(w);
	econ_split_release(&sp);
	return STYR_OK;
}

/* ---- the text views: the report sections in detail ---- */

static enum styr_rc drift_doc(struct doc *d, struct store *s, const struct scope *sc,
                              bool *found, struct styr_error *err)
{
	const char *caption = sc->occ->kind == OCC_MER_PLAN ? "Driftbudget" : "Driftredovisning";
	char *line = NULL;
	enum styr_rc rc = org_word(s, WORD_ACCOUNT_LINE, &line, err);
	if(!rc)
		rc = economy_doc_drift_with(d, s, sc->occ, caption, line, ECONOMY_DOC_DETAIL,
		                            found, err);
	free(line);
	return rc;
}

static enum styr_rc invest_doc(struct doc *d, struct store *s, const struct scope *sc,
                               bool *found, struct styr_error *err)
{
	return economy_doc_invest_with(d, s, sc->occ, "Investeringsredovisning",
	                               ECONOMY_DOC_DETAIL, found, err);
}

static enum styr_rc capital_doc(struct doc *d, struct store *s, const struct scope *sc,
                                bool *found, struct styr_error *err)
{
	return economy_doc_capital_with(d, s, sc->year, ECONOMY_DOC_DETAIL, found, err);
}

static enum styr_rc split_doc(struct doc *d, struct store *s, const struct scope *sc,
                              bool *found, struct styr_error *err)
{
	return economy_doc_split_with(d, s, sc->year, ECONOMY_DOC_DETAIL, found, err);
}

/* ---- one runner for the four views ---- */

/* A view: of an occasion (drift, invest; --occasion or --year) or of a
** year (capital, split; --year). Its document is titled by the occasion,
** or by `title` and the year. */
struct view {
	const struct cli_command *cmd;
	bool of_occasion;
	const char *title;      /* year views: "Kapitalkostnader %d" */
	/* --json: open w with json_open, write, close it; STYR_OK or err set
	** with nothing written */
	enum styr_rc (*json)(struct cli_ctx *ctx, struct jsonw *w, const struct scope *sc,
	                     struct styr_error *err);
	enum styr_rc (*section)(struct doc *d, struct store *s, const struct scope *sc,
	                        bool *found, struct styr_error *err);
};

/* Print the view's document on ctx->out; on failure err is set. */
static enum styr_rc print_view(struct cli_ctx *ctx, const struct view *v,
                               const struct scope *sc, int *status, struct styr_error *err)
{
	struct strbuf title = STRBUF_INIT;
	struct doc *d;
	bool found;
	enum styr_rc rc;
	if(sc->occ)
		strbuf_addf(&title, "%s (%s)", sc->occ->title, sc->occ->key);
	else
		strbuf_addf(&title, v->title, sc->year);
	d = doc_new(title.buf);
	strbuf_release(&title);
	rc = v->section(d, ctx->store, sc, &found, err);
	if(!rc && !found)
		rc = err->code ? err->code : STYR_ENOTFOUND;
	if(rc) {
		doc_free(d);
		return rc;
	}
	*status = cli_print_doc(ctx, d);
	return STYR_OK;
}

static int run_view(struct cli_ctx *ctx, const struct view *v, int argc, char **argv)
{
	const char *pos[1], *year_s = NULL, *occ_s = NULL;
	int npos, r, year = 0, status = 0;
	bool json = false;
	struct styr_error err;
	struct occasion occ = { 0 };
	struct scope sc;
	struct jsonw w;
	enum styr_rc rc = STYR_OK;
	const struct cli_opt opts[] = {
		{ "--year", .value = &year_s }, { "--json", .flag = &json },
		/* last: a year's view has none (its NULL name ends the list) */
		{ v->of_occasion ? "--occasion" : NULL, .value = &occ_s }, { NULL }
	};
	r = cli_parse(ctx, v->cmd, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r == CLI_HELP_SHOWN ? 0 : r;
	if(year_s && !cli_parse_year(year_s, &year))
		return cli_usage_error(ctx, v->cmd, "--year \"%s\": expected a year such as 2020",
		                       year_s);
	if(!year_s && !occ_s)
		return cli_usage_error(ctx, v->cmd, v->of_occasion ? "give --year or --occasion"
		                                                   : "--year is required");
	styr_error_init(&err);
	if(v->of_occasion)
		rc = org_occasion_resolve(ctx->store, &(struct occasion_query){ occ_s, year, 0 },
		                          &occ, &err);
	sc.occ = v->of_occasion ? &occ : NULL;
	sc.year = year;
	if(!rc && json)
		rc = v->json(ctx, &w, &sc, &err);
	else if(!rc)
		rc = print_view(ctx, v, &sc, &status, &err);
	occasion_release(&occ);
	return rc ? cli_fail(ctx, &err) : status;
}

static const struct view view_drift = {
	&cmd_economy_drift, true, NULL, drift_json, drift_doc
};
static const struct view view_invest = {
	&cmd_economy_invest, true, NULL, invest_json, invest_doc
};
static const struct view view_capital = {
	&cmd_economy_capital, false, "Kapitalkostnader %d", capital_json, capital_doc
};
static const struct view view_split = {
	&cmd_economy_split, false, "Resultatfördelning %d", split_json, split_doc
};

static int drift(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_view(ctx, &view_drift, argc, argv);
}

static int invest(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_view(ctx, &view_invest, argc, argv);
}

static int capital(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_view(ctx, &view_capital, argc, argv);
}

static int split(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_view(ctx, &view_split, argc, argv);
}

#define STATED_NOTE \
	"Figures are tkr. Where the data states another figure than styr\n" \
	"computes, the list under the table names both (the reports keep it in\n" \
	"the cell's source).\n"

const struct cli_command cmd_economy_drift = {
	"economy drift", "the operating account of an occasion",
	"usage: styr economy drift DB (--year Y | --occasion KEY) [--json]\n\n"
	"The operating account (driftredovisning) of a report occasion as the\n"
	"report prints it: budget, outcome, forecast and deviation, or for a plan\n"
	"budget Y, budget Y-1 and change; with the cost lines as a chart.\n"
	"--occasion names the occasion (\"2020-04-30\", \"mer-plan-2023\"); --year\n"
	"alone picks the year's last occasion.\n" STATED_NOTE,
	drift, CLI_DB_READ, 0, NULL
};

const struct cli_command cmd_economy_invest = {
	"economy invest", "the investment tables of an occasion with percent used",
	"usage: styr economy invest DB (--year Y | --occasion KEY) [--json]\n\n"
	"The investment tables of a report occasion as the report prints them,\n"
	"with percent used (outcome / budget; the total's from the totals) in\n"
	"every table that has budget and outcome, and what remains of a\n"
	"programme's frame. --occasion and --year as for `styr economy drift`.\n"
	STATED_NOTE,
	invest, CLI_DB_READ, 0, NULL
};

const struct cli_command cmd_economy_capital = {
	"economy capital", "the capital costs of a year's investment budget",
	"usage: styr economy capital DB --year Y [--json]\n\n"
	"The capital costs of year Y's investment budget as the MER-plan prints\n"
	"them: half a year of straight-line depreciation and interest on each\n"
	"investment. Where the split between two lives is not in the data, the\n"
	"document's figure is shown and the list under the table gives the range\n"
	"styr computes.\n" STATED_NOTE,
	capital, CLI_DB_READ, 0, NULL
};

const struct cli_command cmd_economy_split = {
	"economy split", "a year's surplus or deficit split among the members",
	"usage: styr economy split DB --year Y [--json]\n\n"
	"Year Y's surplus or deficit split among the members by the year's key:\n"
	"their population on the key date (by default 31 December two years\n"
	"before), fixed shares in percent, or another number per member; in\n"
	"whole tkr that add up exactly (largest remainder), as the annual report\n"
	"prints it. A committee of one municipality has no split.\n" STATED_NOTE,
	split, CLI_DB_READ, 0, NULL
};

const struct cli_command cmd_economy = {
	"economy", "show the operating account, investments, capital costs and result split",
	"usage: styr economy SUBCOMMAND DB [options]\n\n"
	"The economic tables of a report occasion or a year, drawn from the same\n"
	"document sections as the reports, in tkr; --json gives the figures in\n"
	"kronor.\n",
	NULL, CLI_DB_NONE, 0,
	(const struct cli_command *const[]){ &cmd_economy_drift, &cmd_economy_invest,
	                                     &cmd_economy_capital, &cmd_economy_split,
	                                     &cmd_economy_ledger, NULL }
};
