/*
** cmd_undo.c — `styr undo DB CHANGESET`: revert one change set.
*/
#include "cli/cli.h"
#include "db/section.h"
#include "db/store.h"

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int npos, r;
	struct styr_error err;
	int64_t id;

	r = cli_parse(ctx, &cmd_undo, argc, argv, NULL, pos, 2, 2, &npos);
	if(r)
		return r;
	if(!cli_parse_id(pos[1], &id))
		return cli_usage_error(ctx, &cmd_undo, "CHANGESET: expected the number of a change"
		                       " set (see 'styr log'), found '%s'", pos[1]);
	styr_error_init(&err);
	if(store_undo(ctx->store, id, cli_change_printer, ctx, &err))
		return cli_fail(ctx, &err);
	fprintf(ctx->out, "undid change set %lld as change set %lld\n", (long long)id,
	        (long long)store_last_change_set(ctx->store));
	return 0;
}

const struct cli_command cmd_undo = {
	"undo", "revert one change set of the audit log",
	"usage: styr undo DB CHANGESET\n\n"
	"Revert change set CHANGESET (see 'styr log') in one transaction: records\n"
	"it added are removed, records it removed come back, changed records get\n"
	"their old values, each checked by the section's rules. It is refused,\n"
	"naming the records and the later change sets, when a later change touched\n"
	"the same records: undo those first. The undo is a change set itself, so\n"
	"it can be undone too.\n",
	run, CLI_DB_WRITE, 0
};
