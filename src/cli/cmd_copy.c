/*
** cmd_copy.c — `styr copy SRC DST`: the whole database into a new one,
** between an SQLite file and PostgreSQL in either direction.
*/
#include <stdio.h>

#include "cli/cli.h"
#include "db/copy.h"
#include "db/store.h"

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int npos, r;
	struct styr_error err;
	struct copy_stats st;

	r = cli_parse(ctx, &cmd_copy, argc, argv, NULL, pos, 2, 2, &npos);
	if(r)
		return r;
	styr_error_init(&err);
	if(store_copy(ctx->store, pos[1], &st, &err))
		return cli_fail(ctx, &err);
	fprintf(ctx->out, "copied %zu rows of %zu tables from %s to %s\n", st.rows, st.tables,
	        ctx->store->path, pos[1]);
	return 0;
}

const struct cli_command cmd_copy = {
	"copy", "copy a whole database into a new one (SQLite file or PostgreSQL)",
	"usage: styr copy SRC DST\n\n"
	"Copy everything in the database SRC, its history too (the audit log,\n"
	"change sets and row versions) and ledger imports, into DST, which is new:\n"
	"a file that does not exist yet, or a PostgreSQL database (postgresql://\n"
	"URL) without tables. Either may be a file or a URL. The copy is one\n"
	"transaction: when it fails DST holds none of SRC's data. 'styr dump' of\n"
	"the copy gives the same bytes as of SRC.\n",
	run, CLI_DB_READ
};
