/*
** cmd_dump.c — `styr dump DB`: the database as one JSON data document.
*/
#include "cli/cli.h"
#include "db/dump.h"
#include "db/store.h"

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos, r;
	struct store *s;
	struct styr_error err;
	struct jsonw w;

	r = cli_parse(ctx, &cmd_dump, argc, argv, NULL, pos, 1, 1, &npos);
	if(r)
		return r;
	s = ctx->store;
	cli_json_init(ctx, &w);
	r = dump_store(s, &w, &err) ? cli_fail(ctx, &err) : 0;
	return r;
}

const struct cli_command cmd_dump = {
	"dump", "write the whole database as a JSON data document",
	"usage: styr dump DB\n\n"
	"Write everything in DB to standard output as one JSON data document that\n"
	"'styr load' reads back. Dumping what was loaded from a dump gives the same\n"
	"bytes.\n",
	run, CLI_DB_READ
};
