/*
** cmd_check.c — `styr check DB`: consistency checks of every module.
*/
#include "cli/cli.h"
#include "db/checks.h"
#include "db/store.h"

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos, r;
	bool json = false;
	struct store *s;
	struct styr_error err;
	struct findings f = FINDINGS_INIT;
	const struct cli_opt opts[] = { { "--json", .flag = &json }, { NULL } };

	r = cli_parse(ctx, &cmd_check, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	s = ctx->store;
	if(store_check_all(s, &f, &err)) {
		findings_release(&f);
		return cli_fail(ctx, &err);
	}
	if(json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_kv_int(&w, "count", (int64_t)f.count);
		jsonw_key(&w, "findings");
		jsonw_array_begin(&w);
		for(size_t i = 0; i < f.count; i++)
			jsonw_string(&w, f.lines[i]);
		jsonw_array_end(&w);
		jsonw_object_end(&w);
		jsonw_finish(&w);
	} else {
		for(size_t i = 0; i < f.count; i++)
			fprintf(ctx->out, "%s\n", f.lines[i]);
		if(!f.count)
			fprintf(ctx->out, "no findings\n");
	}
	r = f.count ? 1 : 0;
	findings_release(&f);
	return r;
}

const struct cli_command cmd_check = {
	"check", "consistency checks of the stored data",
	"usage: styr check DB [--json]\n\n"
	"Run every module's consistency checks. Prints one line per finding, naming\n"
	"the table, the row and the figures that disagree. Exit status 1 when\n"
	"anything was found, 0 when nothing was.\n",
	run, CLI_DB_READ
};
