/*
** cmd_init.c — `styr init DB`: create a new, empty styr database.
*/
#include "cli/cli.h"
#include "db/store.h"

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos, r;

	r = cli_parse(ctx, &cmd_init, argc, argv, NULL, pos, 1, 1, &npos);
	if(r)
		return r;
	fprintf(ctx->out, "initialised %s (schema version %d)\n", pos[0],
	        store_schema_version(ctx->store));
	return 0;
}

const struct cli_command cmd_init = {
	"init", "create a new, empty database",
	"usage: styr init DB\n\n"
	"Create the styr database DB (an SQLite file). An existing file is never\n"
	"overwritten.\n",
	run, CLI_DB_NEW
};
