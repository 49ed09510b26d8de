/*
** cmd_init.c — `styr init DB`: create a new, empty styr database.
*/
#include <sys/stat.h>

#include "cli/cli.h"
#include "db/store.h"

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos, r;
	struct store *s;
	struct styr_error err;
	struct stat st;

	r = cli_parse(ctx, &cmd_init, argc, argv, NULL, pos, 1, 1, &npos);
	if(r)
		return r;
	if(stat(pos[0], &st) == 0 && st.st_size > 0) {
		fprintf(ctx->err, "styr: %s: already exists; styr init never overwrites a file\n", pos[0]);
		return 2;
	}
	if(store_open(pos[0], STORE_CREATE, &s, &err))
		return cli_fail(ctx, &err);
	fprintf(ctx->out, "initialised %s (schema version %d)\n", pos[0], store_schema_version(s));
	store_close(s);
	return 0;
}

const struct cli_command cmd_init = {
	"init", "create a new, empty database",
	"usage: styr init DB\n\n"
	"Create the styr database DB (an SQLite file). An existing file is never\n"
	"overwritten.\n",
	run
};
