/*
** cmd_log.c — `styr log DB [CHANGESET]`: the change sets of the audit log,
** one change set's records field by field, or the entries of one table.
*/
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/strbuf.h"
#include "cli/cli.h"
#include "db/section.h"
#include "db/store.h"

struct log_ctx {
	struct cli_ctx *cli;
	struct jsonw *w;   /* NULL for text */
};

/* An entry's old or new value: the JSON object itself when it is one. */
static void json_value(struct jsonw *w, const char *key, const char *text)
{
	struct styr_error err;
	struct json *j = text ? json_parse(text, strlen(text), key, &err) : NULL;
	jsonw_key(w, key);
	if(j && j->type == JSON_OBJECT)
		jsonw_number_text(w, text);
	else
		jsonw_string(w, text);
	json_free(j);
}

static void entry_json(struct jsonw *w, const struct audit_entry *e)
{
	jsonw_object_begin(w);
	jsonw_kv_int(w, "id", e->id);
	if(e->change_set)
		jsonw_kv_int(w, "change_set", e->change_set);
	jsonw_kv_string(w, "at", e->at);
	jsonw_kv_string(w, "who", e->who);
	jsonw_kv_string(w, "table", e->table);
	if(e->section)
		jsonw_kv_string(w, "section", e->section);
	jsonw_kv_string(w, "key", e->key);
	json_value(w, "old", e->old_value);
	json_value(w, "new", e->new_value);
	jsonw_object_end(w);
}

/* --table: one line per entry. */
static enum styr_rc print_entry(void *ctx, const struct audit_entry *e)
{
	struct log_ctx *lc = ctx;
	if(lc->w) {
		entry_json(lc->w, e);
		return STYR_OK;
	}
	if(e->change_set)
		fprintf(lc->cli->out, "%lld ", (long long)e->change_set);
	fprintf(lc->cli->out, "%s %s %s %s: %s -> %s\n", e->at, e->who, e->table, e->key,
	        e->old_value ? e->old_value : "(ny)", e->new_value ? e->new_value : "(borttagen)");
	return STYR_OK;
}

static void change_set_json(struct jsonw *w, const struct change_set *c)
{
	jsonw_kv_int(w, "id", c->id);
	jsonw_kv_string(w, "at", c->at);
	jsonw_kv_string(w, "who", c->who);
	jsonw_kv_string(w, "command", c->command);
	jsonw_kv_int(w, "records", c->rows);
	if(c->undoes)
		jsonw_kv_int(w, "undoes", c->undoes);
	if(c->undone_by)
		jsonw_kv_int(w, "undone_by", c->undone_by);
}

/* The list: one line per change set. */
static enum styr_rc print_set(void *ctx, const struct change_set *c)
{
	struct log_ctx *lc = ctx;
	FILE *out = lc->cli->out;
	if(lc->w) {
		jsonw_object_begin(lc->w);
		change_set_json(lc->w, c);
		jsonw_object_end(lc->w);
		return STYR_OK;
	}
	fprintf(out, "%lld %s %s: %s (%lld record%s", (long long)c->id, c->at, c->who,
	        c->command ? c->command : "(no command)", (long long)c->rows,
	        c->rows == 1 ? "" : "s");
	if(c->undoes)
		fprintf(out, "; undoes %lld", (long long)c->undoes);
	if(c->undone_by)
		fprintf(out, "; undone by %lld", (long long)c->undone_by);
	fputs(")\n", out);
	return STYR_OK;
}

/* One change set: its head, then its records. */
static enum styr_rc print_head(void *ctx, const struct change_set *c)
{
	struct log_ctx *lc = ctx;
	FILE *out = lc->cli->out;
	if(lc->w) {
		jsonw_object_begin(lc->w);
		change_set_json(lc->w, c);
		jsonw_key(lc->w, "changes");
		jsonw_array_begin(lc->w);
		return STYR_OK;
	}
	fprintf(out, "change set %lld, %s by %s\n", (long long)c->id, c->at, c->who);
	if(c->command)
		fprintf(out, "command: %s\n", c->command);
	if(c->undoes)
		fprintf(out, "undoes change set %lld\n", (long long)c->undoes);
	if(c->undone_by)
		fprintf(out, "undone by change set %lld\n", (long long)c->undone_by);
	return STYR_OK;
}

static enum styr_rc print_change(void *ctx, const struct audit_entry *e)
{
	struct log_ctx *lc = ctx;
	const struct section_desc *d = e->section ? store_section_find(e->section) : NULL;
	if(lc->w) {
		entry_json(lc->w, e);
		return STYR_OK;
	}
	if(!d)
		return print_entry(ctx, e);
	struct row_change c = { d, e->row_id, e->key, e->old_value, e->new_value };
	cli_print_change(lc->cli, &c, "");
	return STYR_OK;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2], *table = NULL, *limit_s = NULL;
	int npos, r, limit = 0;
	int64_t id = 0;
	bool json = false;
	struct styr_error err;
	struct jsonw w;
	struct log_ctx lc = { ctx, NULL };
	const struct cli_opt opts[] = {
		{ "--json", .flag = &json },
		{ "--table", .value = &table },
		{ "--last", .value = &limit_s },
		{ NULL }
	};
	enum styr_rc rc;

	r = cli_parse(ctx, &cmd_log, argc, argv, opts, pos, 1, 2, &npos);
	if(r)
		return r;
	if(limit_s) {
		char *end;
		long v = strtol(limit_s, &end, 10);
		if(*end || v <= 0 || v > 1000000)
			return cli_usage_error(ctx, &cmd_log, "--last: expected a count from 1, found '%s'", limit_s);
		limit = (int)v;
	}
	if(npos == 2 && !cli_parse_id(pos[1], &id))
		return cli_usage_error(ctx, &cmd_log, "CHANGESET: expected the number of a change"
		                       " set, found '%s'", pos[1]);
	if(id && (table || limit_s))
		return cli_usage_error(ctx, &cmd_log, "CHANGESET shows one change set: --table and"
		                       " --last choose among many");
	if(json) {
		cli_json_init(ctx, &w);
		lc.w = &w;
		if(!id)
			jsonw_array_begin(&w);
	}
	styr_error_init(&err);
	if(id)
		rc = store_change_set_get(ctx->store, id, print_head, print_change, &lc, &err);
	else if(table)
		rc = store_audit_each(ctx->store, table, limit, print_entry, &lc, &err);
	else
		rc = store_change_set_each(ctx->store, NULL, limit, print_set, &lc, &err);
	if(rc)
		return cli_fail(ctx, &err);
	if(json) {
		jsonw_array_end(&w);
		if(id)
			jsonw_object_end(&w);
		jsonw_finish(&w);
	}
	return 0;
}

const struct cli_command cmd_log = {
	"log", "show the change sets of the audit log (who, when, what, old and new)",
	"usage: styr log DB [CHANGESET] [--table TABLE] [--last N] [--json]\n\n"
	"Every command that writes records one change set: the time, the user\n"
	"($STYR_USER or $USER), the command line, and each record it added,\n"
	"changed or removed with the old and new values as the data files write\n"
	"them. Without arguments, list the change sets, oldest first; with\n"
	"CHANGESET, show its records field by field ('styr undo' reverts one).\n\n"
	"  --table TABLE  list the entries of one table (or section) instead\n"
	"  --last N       only the newest N change sets (or entries)\n"
	"  --json         as JSON, old and new values as objects\n",
	run, CLI_DB_READ
};
