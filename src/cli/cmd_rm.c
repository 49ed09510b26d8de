/*
** cmd_rm.c — `styr rm DB SECTION KEY`: remove one record of any section,
** refused while other records refer to it unless --cascade.
*/
#include "cli/cli.h"
#include "db/section.h"
#include "db/store.h"

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[3], *version_s = NULL;
	int npos, r;
	bool cascade = false;
	const struct cli_opt opts[] = {
		{ "--cascade", .flag = &cascade },
		{ "--if-version", .value = &version_s },
		{ NULL }
	};
	const struct section_desc *d;
	struct styr_error err;
	int64_t id, version = 0;
	enum styr_rc rc;

	r = cli_parse(ctx, &cmd_rm, argc, argv, opts, pos, 3, 3, &npos);
	if(r)
		return r;
	if(version_s && !cli_parse_id(version_s, &version))
		return cli_usage_error(ctx, &cmd_rm, "--if-version: expected a version from 1,"
		                       " found '%s'", version_s);
	if(!(d = cli_section(ctx, &cmd_rm, pos[1])))
		return 2;
	styr_error_init(&err);
	rc = store_begin(ctx->store, &err);
	if(!rc)
		rc = store_row_find(ctx->store, d, pos[2], &id, &err);
	if(!rc && version)
		rc = store_row_check_version(ctx->store, d, id, version, &err);
	if(!rc)
		rc = store_row_delete(ctx->store, d, id, cascade ? STORE_ROW_CASCADE : 0, NULL, NULL,
		                      &err);
	if(!rc)
		rc = store_pending_changes(ctx->store, cli_change_printer, ctx, &err);
	if(!rc)
		rc = store_commit(ctx->store, &err);
	if(rc) {
		store_rollback(ctx->store);
		return cli_fail(ctx, &err);
	}
	fprintf(ctx->out, "change set %lld\n", (long long)store_last_change_set(ctx->store));
	return 0;
}

const struct cli_command cmd_rm = {
	"rm", "remove one record of any section",
	"usage: styr rm DB SECTION KEY [--cascade] [--if-version N]\n\n"
	"Remove the record of SECTION whose key is KEY (see 'styr show'). While\n"
	"records of other sections refer to it the removal is refused, naming\n"
	"them. The removal is one change set in the audit log ('styr undo' puts\n"
	"it back).\n\n"
	"  --cascade       remove the records that refer to it too (and those that\n"
	"                  refer to them), listing each one removed\n"
	"  --if-version N  refuse unless the record is still at version N\n",
	run, CLI_DB_WRITE, 0
};
