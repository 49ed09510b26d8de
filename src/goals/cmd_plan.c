/*
** cmd_plan.c — `styr plan copy DB --from Y --to Z`: carry a year's goals
** and indicators, with their baselines and later targets, to a new year.
*/
#include <string.h>

#include "cli/cli.h"
#include "goals/goals.h"
#include "db/store.h"

extern const struct cli_command cmd_plan, cmd_plan_copy;

static int run_copy(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *from_s = NULL, *to_s = NULL;
	int npos, r, from, to;
	struct store *s;
	struct styr_error err;
	struct plan_copy_stats n;
	const struct cli_opt opts[] = {
		{ "--from", .value = &from_s }, { "--to", .value = &to_s }, { NULL }
	};

	r = cli_parse(ctx, &cmd_plan_copy, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	if(!from_s || !cli_parse_year(from_s, &from))
		return cli_usage_error(ctx, &cmd_plan_copy, "--from: expected a year such as 2023");
	if(!to_s || !cli_parse_year(to_s, &to))
		return cli_usage_error(ctx, &cmd_plan_copy, "--to: expected a year such as 2024");
	s = ctx->store;
	if(goals_plan_copy(s, from, to, &n, &err)) {
		return cli_fail(ctx, &err);
	}
	fprintf(ctx->out, "copied %d to %d: %zu kommunfullmäktiges mål, %zu nämndmål, "
	        "%zu indikatorer, %zu målvärden\n", from, to, n.council_goals,
	        n.committee_goals, n.indicators, n.targets);
	if(n.settings)
		fprintf(ctx->out, "bedömningsregler för %d kopierade från %d\n", to, from);
	if(n.baselines)
		fprintf(ctx->out, "utgångsvärde från senaste utfall: %zu indikatorer\n", n.baselines);
	if(n.nmissing) {
		fprintf(ctx->out, "inget målvärde för %d (%zu indikatorer):\n", to, n.nmissing);
		for(size_t i = 0; i < n.nmissing; i++)
			fprintf(ctx->out, "  %s\n", n.missing[i]);
	}
	plan_copy_stats_release(&n);
	return 0;
}

const struct cli_command cmd_plan_copy = {
	"plan copy", "copy a year's goals and indicators to a new year",
	"usage: styr plan copy DB --from Y --to Z\n\n"
	"Copy the goal structure of year Y (kommunfullmäktiges mål, nämndmål,\n"
	"indicators with unit, direction and baseline, and their targets for Z and\n"
	"later years) and its goal_settings (delvis and goal rules) to year Z.\n"
	"An indicator's baseline becomes its last recorded outcome when it has\n"
	"one. Keys are renamed for the new year (2023-hme -> 2024-hme); year Y is\n"
	"left as it was. Lists the indicators that have no target for Z. Refused\n"
	"when Z already has goals.\n",
	run_copy, CLI_DB_WRITE
};

const struct cli_command cmd_plan = {
	"plan", "the MER-plan of a year: copy goals and indicators to a new year",
	"usage: styr plan copy DB --from Y --to Z\n\n"
	"The goal structure of a year's MER-plan.\n",
	.subs = (const struct cli_command *const[]){ &cmd_plan_copy, NULL },
};
