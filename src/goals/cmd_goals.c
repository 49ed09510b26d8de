/*
** cmd_goals.c — `styr goals list DB [--year Y]` (the goal structure of a
** year: kommunfullmäktiges mål, nämndmål, indicators with baseline and
** target) and `styr goals show DB INDICATOR` (one indicator with every
** target and value).
*/
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "goals/goals.h"
#include "db/store.h"

extern const struct cli_command cmd_goals;

extern const struct cli_command cmd_goals_list;
extern const struct cli_command cmd_goals_show;

static const char *or_dash(const char *s)
{
	return s && *s ? s : "–";
}

static void list_text(struct cli_ctx *ctx, const struct goal_year *y)
{
	const char *council = NULL, *goal = NULL;
	fprintf(ctx->out, "Mål och indikatorer %d", y->year);
	if(y->structure_year != y->year)
		fprintf(ctx->out, " (från planen %d)", y->structure_year);
	fputc('\n', ctx->out);
	for(size_t i = 0; i < y->nind; i++) {
		const struct goal_indicator *d = &y->ind[i];
		const char *c = d->council_name ? d->council_name : "";
		const char *g = d->goal_name ? d->goal_name : "";
		if(!council || strcmp(council, c)) {
			fprintf(ctx->out, "\nKommunfullmäktiges mål: %s\n", c);
			council = c;
			goal = NULL;
		}
		if(d->goal_name && (!goal || strcmp(goal, g)))
			fprintf(ctx->out, "  Nämndmål: %s\n", g);
		goal = g;
		fprintf(ctx->out, "    %-28s %s; utgångsvärde %s; målvärde %d: %s\n", d->key, d->name,
		        or_dash(d->baseline), y->year, or_dash(d->target));
	}
}

static void list_json(struct jsonw *w, const struct goal_year *y)
{
	jsonw_object_begin(w);
	jsonw_kv_int(w, "year", y->year);
	jsonw_kv_int(w, "structure_year", y->structure_year);
	jsonw_key(w, "indicators");
	jsonw_array_begin(w);
	for(size_t i = 0; i < y->nind; i++) {
		const struct goal_indicator *d = &y->ind[i];
		jsonw_object_begin(w);
		jsonw_kv_string(w, "key", d->key);
		jsonw_kv_string(w, "name", d->name);
		jsonw_kv_string(w, "council_goal", d->council_name);
		jsonw_kv_string(w, "committee_goal", d->goal_name);
		jsonw_kv_string(w, "baseline", d->baseline);
		jsonw_kv_string(w, "target", d->target);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
	jsonw_object_end(w);
}

static int list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *year_s = NULL;
	int npos, r, year = 0, *years = NULL;
	size_t n = 0;
	bool json = false;
	struct store *s;
	struct styr_error err;
	struct jsonw w;
	const struct cli_opt opts[] = {
		{ "--year", .value = &year_s }, { "--json", .flag = &json }, { NULL }
	};

	r = cli_parse(ctx, &cmd_goals_list, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	if(year_s && !cli_parse_year(year_s, &year))
		return cli_usage_error(ctx, &cmd_goals_list, "--year: expected a year such as 2024, found '%s'",
		                       year_s);
	s = ctx->store;
	if(year) {
		years = malloc(sizeof(*years));
		years[0] = year;
		n = 1;
	} else if(goals_years(s, &years, &n, &err)) {
		return cli_fail(ctx, &err);
	}
	if(json) {
		cli_json_init(ctx, &w);
		jsonw_array_begin(&w);
	}
	for(size_t k = 0; k < n; k++) {
		struct goal_year y;
		if(goals_year(s, years[k], NULL, &y, &err)) {
			free(years);
			return cli_fail(ctx, &err);
		}
		if(json)
			list_json(&w, &y);
		else {
			if(k)
				fputc('\n', ctx->out);
			list_text(ctx, &y);
		}
		goal_year_release(&y);
	}
	if(json) {
		jsonw_array_end(&w);
		jsonw_finish(&w);
	}
	free(years);
	return 0;
}

static void show_text(struct cli_ctx *ctx, const struct indicator_detail *d)
{
	fprintf(ctx->out, "%s (%s, %d)\n", d->name, d->key, d->year);
	fprintf(ctx->out, "Kommunfullmäktiges mål: %s\n", or_dash(d->council_name));
	fprintf(ctx->out, "Nämndmål: %s\n", or_dash(d->goal_name));
	fprintf(ctx->out, "Enhet: %s; bättre: %s; utgångsvärde: %s\n", ind_unit_names[d->unit],
	        ind_direction_names[d->direction],
	        or_dash(d->baseline));
	if(d->note)
		fprintf(ctx->out, "Not: %s\n", d->note);
	for(size_t i = 0; i < d->ntargets; i++)
		fprintf(ctx->out, "Målvärde %d: %s\n", d->targets[i].year, d->targets[i].target);
	for(size_t i = 0; i < d->nvalues; i++) {
		const struct indicator_value_row *v = &d->values[i];
		fprintf(ctx->out, "%s (%s): nuvärde/utfall %s, prognos %s", v->occasion, v->title,
		        or_dash(v->outcome), or_dash(v->forecast));
		if(v->manual)
			fprintf(ctx->out, ", bedömning satt för hand: %s (%s)", verdict_name(v->verdict),
			        or_dash(v->motivation));
		fputc('\n', ctx->out);
		if(v->comment)
			fprintf(ctx->out, "  Kommentar: %s\n", v->comment);
		if(v->note)
			fprintf(ctx->out, "  Not: %s\n", v->note);
	}
}

static void show_json(struct cli_ctx *ctx, const struct indicator_detail *d)
{
	struct jsonw w;
	cli_json_init(ctx, &w);
	jsonw_object_begin(&w);
	jsonw_kv_string(&w, "key", d->key);
	jsonw_kv_string(&w, "name", d->name);
	jsonw_kv_int(&w, "year", d->year);
	jsonw_kv_string(&w, "council_goal", d->council_name);
	jsonw_kv_string(&w, "committee_goal", d->goal_name);
	jsonw_kv_string(&w, "unit", ind_unit_names[d->unit]);
	jsonw_kv_string(&w, "direction", ind_direction_names[d->direction]);
	jsonw_kv_string(&w, "baseline", d->baseline);
	jsonw_key(&w, "targets");
	jsonw_object_begin(&w);
	for(size_t i = 0; i < d->ntargets; i++) {
		char y[16];
		snprintf(y, sizeof(y), "%d", d->targets[i].year);
		jsonw_kv_string(&w, y, d->targets[i].target);
	}
	jsonw_object_end(&w);
	jsonw_key(&w, "values");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < d->nvalues; i++) {
		const struct indicator_value_row *v = &d->values[i];
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "occasion", v->occasion);
		jsonw_kv_string(&w, "outcome", v->outcome);
		jsonw_kv_string(&w, "forecast", v->forecast);
		jsonw_kv_string(&w, "comment", v->comment);
		jsonw_kv_string(&w, "verdict", v->manual ? verdict_name(v->verdict) : NULL);
		jsonw_kv_string(&w, "motivation", v->motivation);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

static int show(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int npos, r;
	bool json = false;
	struct store *s;
	struct styr_error err;
	struct indicator_detail d;
	const struct cli_opt opts[] = { { "--json", .flag = &json }, { NULL } };

	r = cli_parse(ctx, &cmd_goals_show, argc, argv, opts, pos, 2, 2, &npos);
	if(r)
		return r;
	s = ctx->store;
	if(goals_indicator(s, pos[1], &d, &err)) {
		indicator_detail_release(&d);
		return cli_fail(ctx, &err);
	}
	if(json)
		show_json(ctx, &d);
	else
		show_text(ctx, &d);
	indicator_detail_release(&d);
	return 0;
}
const struct cli_command cmd_goals_list = {
	"goals list", "the goals and indicators of a year, or of every year",
	"usage: styr goals list DB [--year Y] [--json]\n\n"
	"Kommunfullmäktiges mål, nämndmål and indicators of a year (every year\n"
	"when --year is not given), each with its baseline and the year's target as\n"
	"written.\n",
	list, CLI_DB_READ
};

const struct cli_command cmd_goals_show = {
	"goals show", "one indicator with every target, value and verdict",
	"usage: styr goals show DB INDICATOR [--json]\n\n"
	"One indicator with every target and every value by report occasion, and\n"
	"any verdict set by hand with its motivation.\n",
	show, CLI_DB_READ
};

const struct cli_command cmd_goals = {
	"goals", "goals and indicators of a year; one indicator in full",
	"usage: styr goals SUBCOMMAND DB [arguments] [--json]\n\n"
	"The goals of the MER-plan: kommunfullmäktiges mål, nämndmål and their\n"
	"indicators with baselines, targets, values and verdicts.\n",
	.subs = (const struct cli_command *const[]){ &cmd_goals_list, &cmd_goals_show, NULL },
};
