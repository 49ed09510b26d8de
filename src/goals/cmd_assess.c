/*
** cmd_assess.c — `styr assess DB --year Y [--occasion DATE] [--json]`:
** every indicator and nämndmål of a year with its verdict at a report
** occasion, and the summary line in the annual report's words.
*/
#include <string.h>

#include "cli/cli.h"
#include "base/strbuf.h"
#include "goals/goals.h"
#include "db/store.h"

extern const struct cli_command cmd_assess;

static const char *value_word(const struct occasion *o)
{
	if(!o->id || o->kind == OCC_MER_PLAN)
		return "inga värden (plan)";
	return o->kind == OCC_ARSREDOVISNING ? "utfall" : "prognos (annars nuvärde)";
}

static void rules_text(struct strbuf *sb, const struct goal_year *y)
{
	switch(y->rules.delvis) {
	case DELVIS_NONE:
		strbuf_addstr(sb, "delvis uppnådd används inte");
		break;
	case DELVIS_TOLERANCE:
		strbuf_addstr(sb, "delvis uppnådd = inom ");
		fmt_decimal_sv(sb, y->rules.tolerance.value, y->rules.tolerance.decimals);
		strbuf_addstr(sb, " % från målvärdet");
		break;
	case DELVIS_IMPROVED:
		strbuf_addstr(sb, "delvis uppnådd = bättre än utgångsvärdet");
		break;
	}
	strbuf_addstr(sb, y->rules.goal == GOAL_MORE_THAN_HALF
	              ? "; nämndmål uppnås delvis när mer än hälften av indikatorerna är uppnådda eller delvis uppnådda"
	              : "; nämndmål uppnås delvis när hälften av indikatorerna är uppnådda eller delvis uppnådda");
}

static void print_indicator(struct cli_ctx *ctx, const struct goal_indicator *d)
{
	fprintf(ctx->out, "  %s: %s (mål %s) → %s\n", d->name,
	        d->used && *d->used ? d->used : "–", d->target ? d->target : "–",
	        verdict_name(d->verdict));
	if(d->manual)
		fprintf(ctx->out, "    satt för hand, beräknat: %s; motivering: %s\n",
		        verdict_name(d->computed), d->motivation ? d->motivation : "");
}

static void print_text(struct cli_ctx *ctx, const struct goal_year *y)
{
	struct strbuf sb = STRBUF_INIT;
	fprintf(ctx->out, "Måluppfyllelse %d", y->year);
	if(y->occasion.id)
		fprintf(ctx->out, " — %s (%s)", y->occasion.title, y->occasion.key);
	fprintf(ctx->out, ", värde: %s\n", value_word(&y->occasion));
	if(y->structure_year != y->year)
		fprintf(ctx->out, "Mål och indikatorer från %d\n", y->structure_year);
	rules_text(&sb, y);
	fprintf(ctx->out, "Bedömning: %s\n", sb.buf);
	strbuf_release(&sb);
	for(size_t g = 0; g < y->ngoals; g++) {
		fprintf(ctx->out, "\nNämndmål: %s → %s\n", y->goals[g].name,
		        goal_verdict_name(y->goals[g].verdict));
		for(size_t i = 0; i < y->nind; i++)
			if(y->ind[i].goal_key && !strcmp(y->ind[i].goal_key, y->goals[g].key))
				print_indicator(ctx, &y->ind[i]);
	}
	const char *council = NULL;
	for(size_t i = 0; i < y->nind; i++) {
		if(y->ind[i].goal_key)
			continue;
		if(!council || strcmp(council, y->ind[i].council_name ? y->ind[i].council_name : "")) {
			council = y->ind[i].council_name ? y->ind[i].council_name : "";
			fprintf(ctx->out, "\nKommunfullmäktiges mål (utan nämndmål): %s\n", council);
		}
		print_indicator(ctx, &y->ind[i]);
	}
	fprintf(ctx->out, "\nSammanfattning: %s.\n", y->summary);
	if(y->stated_summary)
		fprintf(ctx->out, "Enligt dokumentet: %s\n", y->stated_summary);
}

static void json_indicator(struct jsonw *w, const struct goal_indicator *d)
{
	jsonw_object_begin(w);
	jsonw_kv_string(w, "key", d->key);
	jsonw_kv_string(w, "name", d->name);
	jsonw_kv_string(w, "baseline", d->baseline);
	jsonw_kv_string(w, "target", d->target);
	jsonw_kv_string(w, "outcome", d->outcome);
	jsonw_kv_string(w, "forecast", d->forecast);
	jsonw_kv_string(w, "comment", d->comment);
	jsonw_kv_string(w, "value", d->used);
	jsonw_kv_string(w, "computed", verdict_name(d->computed));
	jsonw_kv_string(w, "verdict", verdict_name(d->verdict));
	jsonw_kv_bool(w, "manual", d->manual);
	jsonw_kv_string(w, "motivation", d->motivation);
	jsonw_object_end(w);
}

static void print_json(struct cli_ctx *ctx, const struct goal_year *y)
{
	struct jsonw w;
	cli_json_init(ctx, &w);
	jsonw_object_begin(&w);
	jsonw_kv_int(&w, "year", y->year);
	jsonw_kv_int(&w, "structure_year", y->structure_year);
	jsonw_kv_string(&w, "occasion", y->occasion.id ? y->occasion.key : NULL);
	jsonw_key(&w, "goals");
	jsonw_array_begin(&w);
	for(size_t g = 0; g < y->ngoals; g++) {
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "key", y->goals[g].key);
		jsonw_kv_string(&w, "name", y->goals[g].name);
		jsonw_kv_string(&w, "verdict", goal_verdict_name(y->goals[g].verdict));
		jsonw_key(&w, "indicators");
		jsonw_array_begin(&w);
		for(size_t i = 0; i < y->nind; i++)
			if(y->ind[i].goal_key && !strcmp(y->ind[i].goal_key, y->goals[g].key))
				json_indicator(&w, &y->ind[i]);
		jsonw_array_end(&w);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "without_goal");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < y->nind; i++)
		if(!y->ind[i].goal_key)
			json_indicator(&w, &y->ind[i]);
	jsonw_array_end(&w);
	jsonw_key(&w, "counts");
	jsonw_object_begin(&w);
	for(int k = 0; k < VERDICT_COUNT; k++)
		jsonw_kv_int(&w, verdict_name((enum verdict)k), (int64_t)y->counts[k]);
	jsonw_object_end(&w);
	jsonw_kv_string(&w, "overall", goal_verdict_name(y->overall));
	jsonw_kv_string(&w, "summary", y->summary);
	jsonw_kv_string(&w, "stated_summary", y->stated_summary);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *year_s = NULL, *occasion = NULL;
	int npos, r, year;
	bool json = false;
	struct store *s;
	struct styr_error err;
	struct goal_year y;
	const struct cli_opt opts[] = {
		{ "--year", .value = &year_s }, { "--occasion", .value = &occasion },
		{ "--json", .flag = &json }, { NULL }
	};

	r = cli_parse(ctx, &cmd_assess, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	if(!year_s)
		return cli_usage_error(ctx, &cmd_assess, "missing --year");
	if(!cli_parse_year(year_s, &year))
		return cli_usage_error(ctx, &cmd_assess, "--year: expected a year such as 2024, found '%s'",
		                       year_s);
	s = ctx->store;
	struct occasion occ = { 0 };
	struct occasion_query q = { occasion, year, 0 };
	enum styr_rc rc = occasion ? org_occasion_resolve(s, &q, &occ, &err) : STYR_OK;
	if(!rc)
		rc = goals_year(s, year, occasion ? &occ : NULL, &y, &err);
	occasion_release(&occ);
	if(rc)
		return cli_fail(ctx, &err);
	if(json)
		print_json(ctx, &y);
	else
		print_text(ctx, &y);
	goal_year_release(&y);
	return 0;
}

const struct cli_command cmd_assess = {
	"assess", "goal fulfilment of a year: indicator and nämndmål verdicts",
	"usage: styr assess DB --year Y [--occasion DATE] [--json]\n\n"
	"Judge every indicator of year Y against its target with the value at a\n"
	"report occasion (the year's last by default; the forecast for a prognos or\n"
	"delårsrapport, the outcome for an årsredovisning), then every nämndmål by\n"
	"counting its indicators with the year's rule (goal_settings), and print the\n"
	"summary line in the annual report's words. A verdict set by hand is shown,\n"
	"with the computed one beside it.\n",
	run, CLI_DB_READ
};
