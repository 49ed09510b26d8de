/*
** cmd_value.c — `styr value set DB INDICATOR --occasion DATE ...`: record
** an indicator's outcome, forecast, comment or a verdict set by hand.
*/
#include <string.h>

#include "cli/cli.h"
#include "goals/goals.h"
#include "db/store.h"

extern const struct cli_command cmd_value, cmd_value_set;

static int run_set(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2], *occasion = NULL;
	struct value_change c = { NULL, NULL, NULL, NULL, NULL };
	int npos, r;
	struct store *s;
	struct styr_error err;
	const struct cli_opt opts[] = {
		{ "--occasion", .value = &occasion }, { "--outcome", .value = &c.outcome },
		{ "--forecast", .value = &c.forecast }, { "--comment", .value = &c.comment },
		{ "--verdict", .value = &c.verdict }, { "--motivation", .value = &c.motivation },
		{ NULL }
	};

	r = cli_parse(ctx, &cmd_value_set, argc, argv, opts, pos, 2, 2, &npos);
	if(r)
		return r;
	if(!occasion)
		return cli_usage_error(ctx, &cmd_value_set, "missing --occasion");
	if(!c.outcome && !c.forecast && !c.comment && !c.verdict && !c.motivation)
		return cli_usage_error(ctx, &cmd_value_set, "nothing to set");
	s = ctx->store;
	struct occasion_query q = { occasion, 0, 0 };
	struct occasion occ;
	if(org_occasion_resolve(s, &q, &occ, &err))
		return cli_fail(ctx, &err);
	enum styr_rc rc = goals_value_set(s, pos[1], &occ, &c, &err);
	occasion_release(&occ);
	if(rc)
		return cli_fail(ctx, &err);
	fprintf(ctx->out, "%s at %s: value set\n", pos[1], occasion);
	return 0;
}

const struct cli_command cmd_value_set = {
	"value set", "set an indicator's value at a report occasion",
	"usage: styr value set DB INDICATOR --occasion DATE [--outcome V] [--forecast V]\n"
	"                      [--comment TEXT] [--verdict V --motivation TEXT]\n\n"
	"Record the outcome (utfall / nuvärde), forecast and comment of an indicator\n"
	"at a report occasion, written as in the report (\"6,72%\", \"18 st\", \"Ja\",\n"
	"\"-852 tkr\"); the value must fit the indicator's unit. --verdict sets the\n"
	"verdict by hand (uppnådd, delvis uppnådd, ej uppnådd, saknar värde, kan ej\n"
	"bedömas) and needs --motivation. An empty value clears a field. Nothing is\n"
	"stored when anything is wrong; every change is written to the audit log.\n",
	run_set, CLI_DB_WRITE
};

const struct cli_command cmd_value = {
	"value", "indicator values at report occasions",
	"usage: styr value set DB INDICATOR --occasion DATE [options]\n\n"
	"The values of indicators: outcome, forecast, comment and a verdict set by\n"
	"hand, per report occasion.\n",
	.subs = (const struct cli_command *const[]){ &cmd_value_set, NULL },
};
