/*
** cmd_load.c — `styr load DB PATH`: load JSON data documents.
*/
#include "cli/cli.h"
#include "db/load.h"
#include "db/store.h"

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int npos, r;
	struct store *s;
	struct styr_error err;
	struct load_stats stats;

	r = cli_parse(ctx, &cmd_load, argc, argv, NULL, pos, 2, 2, &npos);
	if(r)
		return r;
	s = ctx->store;
	if(load_path(s, pos[1], &stats, &err)) {
		return cli_fail(ctx, &err);
	}
	fprintf(ctx->out, "loaded %zu rows from %zu file%s\n", stats.rows, stats.files,
	        stats.files == 1 ? "" : "s");
	return 0;
}

const struct cli_command cmd_load = {
	"load", "load JSON data documents (a file or a directory)",
	"usage: styr load DB PATH\n\n"
	"Load the JSON data document PATH, or every *.json file of the directory\n"
	"PATH in name order, into DB. All of it lands in one transaction, or none\n"
	"of it: an error names file:line: key and what was expected, and leaves\n"
	"the database as it was. The format is described in docs/data-format.md.\n",
	run, CLI_DB_WRITE
};
