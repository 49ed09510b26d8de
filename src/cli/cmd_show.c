/*
** cmd_show.c — `styr show DB SECTION KEY`: one record of any section, with
** its version and who changed it last.
*/
#include <string.h>

#include "base/json.h"
#include "base/strbuf.h"
#include "cli/cli.h"
#include "db/section.h"
#include "db/store.h"

static void print_text(struct cli_ctx *ctx, const struct section_desc *d, const char *key,
                       const struct json *row, const struct row_version *v)
{
	struct strbuf label = STRBUF_INIT;
	int width = 0;

	section_label(d, key, &label);
	fprintf(ctx->out, "%s\n", label.buf);
	if(v->change_set)
		fprintf(ctx->out, "version %lld, changed %s by %s (change set %lld)\n",
		        (long long)v->version, v->at, v->who, (long long)v->change_set);
	else
		fprintf(ctx->out, "version %lld\n", (long long)v->version);
	for(size_t i = 0; i < d->nfields; i++) {
		int len = (int)strlen(d->fields[i].key);
		if(len > width)
			width = len;
	}
	for(size_t i = 0; i < d->nfields; i++) {
		const struct json *j = json_get(row, d->fields[i].key);
		if(!j) {
			fprintf(ctx->out, "  %s\n", d->fields[i].key);
			continue;
		}
		fprintf(ctx->out, "  %-*s", width + 1, d->fields[i].key);
		if(j->type == JSON_BOOL)
			fputs(j->boolean ? "true" : "false", ctx->out);
		else
			fputs(j->text, ctx->out);
		fputc('\n', ctx->out);
	}
	strbuf_release(&label);
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[3];
	int npos, r;
	bool json = false;
	const struct cli_opt opts[] = { { "--json", .flag = &json }, { NULL } };
	const struct section_desc *d;
	struct styr_error err;
	struct row_version v = { 0 };
	struct strbuf img = STRBUF_INIT, key = STRBUF_INIT;
	struct json *row = NULL;
	int64_t id;
	bool found;

	r = cli_parse(ctx, &cmd_show, argc, argv, opts, pos, 3, 3, &npos);
	if(r)
		return r;
	if(!(d = cli_section(ctx, &cmd_show, pos[1])))
		return 2;
	styr_error_init(&err);
	if(store_row_find(ctx->store, d, pos[2], &id, &err)
	   || store_row_version(ctx->store, d, id, &v, &err)
	   || store_row_image(ctx->store, d, id, &img, &key, &found, &err))
		r = cli_fail(ctx, &err);
	if(!r && !(row = json_parse(img.buf, img.len, d->name, &err)))
		r = cli_fail(ctx, &err);
	if(!r && json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "section", d->name);
		jsonw_kv_string(&w, "key", key.buf);
		jsonw_kv_int(&w, "version", v.version);
		if(v.change_set) {
			jsonw_kv_int(&w, "change_set", v.change_set);
			jsonw_kv_string(&w, "changed_at", v.at);
			jsonw_kv_string(&w, "changed_by", v.who);
		}
		jsonw_key(&w, "record");
		if(store_row_write(ctx->store, d, id, &w, &err))
			r = cli_fail(ctx, &err);
		jsonw_object_end(&w);
		jsonw_finish(&w);
	} else if(!r) {
		print_text(ctx, d, key.buf, row, &v);
	}
	json_free(row);
	row_version_release(&v);
	strbuf_release(&img);
	strbuf_release(&key);
	return r;
}

const struct cli_command cmd_show = {
	"show", "show one record of any section, with its version",
	"usage: styr show DB SECTION KEY [--json]\n\n"
	"Show the record of SECTION whose key is KEY, field by field, as the data\n"
	"files write it, with its version and who changed it last. KEY is the\n"
	"record's key as the data files write it: the values of its key fields\n"
	"joined by \"/\" (\"1814/2018-12-31\"), references by the referred record's\n"
	"key; 'styr list DB' shows each section's key. --json prints the record\n"
	"with its version (the version 'styr set --if-version' expects).\n",
	run, CLI_DB_READ, 0
};
