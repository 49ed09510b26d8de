/*
** cmd_log.c — `styr log DB`: read the append-only audit log.
*/
#include <stdlib.h>

#include "cli/cli.h"
#include "db/store.h"

struct log_ctx {
	struct cli_ctx *cli;
	struct jsonw *w;   /* NULL for text */
};

static enum styr_rc print_entry(void *ctx, const struct audit_entry *e)
{
	struct log_ctx *lc = ctx;
	if(lc->w) {
		jsonw_object_begin(lc->w);
		jsonw_kv_int(lc->w, "id", e->id);
		jsonw_kv_string(lc->w, "at", e->at);
		jsonw_kv_string(lc->w, "who", e->who);
		jsonw_kv_string(lc->w, "table", e->table);
		jsonw_kv_string(lc->w, "key", e->key);
		jsonw_kv_string(lc->w, "old", e->old_value);
		jsonw_kv_string(lc->w, "new", e->new_value);
		jsonw_object_end(lc->w);
	} else {
		fprintf(lc->cli->out, "%s %s %s %s: %s -> %s\n", e->at, e->who, e->table, e->key,
		        e->old_value ? e->old_value : "(ny)", e->new_value ? e->new_value : "(borttagen)");
	}
	return STYR_OK;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *table = NULL, *limit_s = NULL;
	int npos, r, limit = 0;
	bool json = false;
	struct store *s;
	struct styr_error err;
	struct jsonw w;
	struct log_ctx lc = { ctx, NULL };
	const struct cli_opt opts[] = {
		{ "--json", .flag = &json },
		{ "--table", .value = &table },
		{ "--last", .value = &limit_s },
		{ NULL }
	};

	r = cli_parse(ctx, &cmd_log, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	if(limit_s) {
		char *end;
		long v = strtol(limit_s, &end, 10);
		if(*end || v <= 0 || v > 1000000)
			return cli_usage_error(ctx, &cmd_log, "--last: expected a count from 1, found '%s'", limit_s);
		limit = (int)v;
	}
	s = ctx->store;
	if(json) {
		cli_json_init(ctx, &w);
		lc.w = &w;
		jsonw_array_begin(&w);
	}
	r = store_audit_each(s, table, limit, print_entry, &lc, &err) ? cli_fail(ctx, &err) : 0;
	if(json && !r) {
		jsonw_array_end(&w);
		jsonw_finish(&w);
	}
	return r;
}

const struct cli_command cmd_log = {
	"log", "show the audit log of changes (who, when, what, old and new value)",
	"usage: styr log DB [--table TABLE] [--last N] [--json]\n\n"
	"Show the append-only audit log, oldest first: every change to stored data\n"
	"with the time, the user ($STYR_USER or $USER), the table, the row's key,\n"
	"and the old and new value. --last N shows the newest N entries.\n",
	run, CLI_DB_READ
};
