/*
** cmd_assess.c — `styr assess DB --year Y [--occasion DATE] [--json]`:
** every indicator and nämndmål of a year with its verdict at a report
** occasion, and the summary line in the annual report's words. The text
** view is the goals section of the reports (goals_doc.h) with its
** workings; --json writes the same data (goals_year) as it is.
*/
#include <string.h>

#include "cli/cli.h"
#include "base/strbuf.h"
#include "goals/goals.h"
#include "goals/goals_doc.h"
#include "db/store.h"

extern const struct cli_command cmd_assess;

/* The view: the goals section the reports print for the occasion (the
** plan tables when it is a plan or the year has none, which has no
** values to judge), with the workings of its verdicts. */
static int print_text(struct cli_ctx *ctx, const struct goal_year *y)
{
	const struct goals_doc_view view = { .workings = true };
	bool plan = !y->occasion.id || y->occasion.kind == OCC_MER_PLAN, found;
	struct strbuf sb = STRBUF_INIT;
	struct styr_error err;

	strbuf_addf(&sb, "Måluppfyllelse %d", y->year);
	struct doc *d = doc_new(sb.buf);
	strbuf_reset(&sb);
	if(y->occasion.id)
		strbuf_addf(&sb, "%s (%s)", y->occasion.title, y->occasion.key);
	else
		strbuf_addf(&sb, "Inget rapporttillfälle %d", y->year);
	if(plan)
		strbuf_addstr(&sb, ": planens målvärden, inga värden att bedöma");
	doc_set_subtitle(d, sb.buf);
	strbuf_release(&sb);
	if(plan)   /* the plan's perspectives are numbered under it */
		doc_heading(d, 1, "Mål och indikatorer");
	enum styr_rc rc = plan ? goals_doc_plan(d, ctx->store, y->year, &found, &err)
	                       : goals_doc_followup(d, ctx->store, &y->occasion, &view, &found, &err);
	if(rc) {
		doc_free(d);
		return cli_fail(ctx, &err);
	}
	return cli_print_doc(ctx, d);
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
	r = 0;
	if(json)
		print_json(ctx, &y);
	else
		r = print_text(ctx, &y);
	goal_year_release(&y);
	return r;
}

const struct cli_command cmd_assess = {
	"assess", "goal fulfilment of a year: indicator and nämndmål verdicts",
	"usage: styr assess DB --year Y [--occasion DATE] [--json]\n\n"
	"Judge every indicator of year Y against its target with the value at a\n"
	"report occasion (the year's last by default; the forecast for a prognos or\n"
	"delårsrapport, the outcome for an årsredovisning), then every nämndmål by\n"
	"counting its indicators with the year's rule (goal_settings), and print the\n"
	"summary line in the annual report's words. The tables are those of the\n"
	"report of the occasion; after them the year's rule, the summary line as\n"
	"the document states it, and the verdicts set by hand beside the computed\n"
	"ones. A plan occasion, or a year without one, has no values to judge: its\n"
	"plan tables are shown.\n",
	run, CLI_DB_READ
};
