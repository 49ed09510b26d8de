/*
** cmd_list.c — `styr list DB [SECTION]`: the sections and their keys, or
** the records of one section.
*/
#include "base/jsonw.h"
#include "base/strbuf.h"
#include "cli/cli.h"
#include "db/section.h"
#include "db/store.h"

#define MAX_SHOWN 48  /* characters of a value shown in the text listing */

static int list_sections(struct cli_ctx *ctx, bool json)
{
	size_t n;
	const struct section_desc *const *all = store_sections(&n);
	struct styr_error err;
	struct jsonw w;

	if(json) {
		cli_json_init(ctx, &w);
		jsonw_array_begin(&w);
	}
	for(size_t i = 0; i < n; i++) {
		struct strbuf key = STRBUF_INIT;
		int64_t count;
		if(store_section_count(ctx->store, all[i], &count, &err))
			return cli_fail(ctx, &err);
		section_key_format(all[i], &key);
		if(json) {
			jsonw_object_begin(&w);
			jsonw_kv_string(&w, "section", all[i]->name);
			jsonw_kv_int(&w, "records", count);
			jsonw_kv_string(&w, "key", key.buf);
			jsonw_kv_string(&w, "help", all[i]->help);
			jsonw_object_end(&w);
		} else {
			cli_put_left(ctx->out, all[i]->name, 22);
			fprintf(ctx->out, " %5lld  ", (long long)count);
			cli_put_left(ctx->out, key.buf, 26);
			fprintf(ctx->out, " %s\n", all[i]->help);
		}
		strbuf_release(&key);
	}
	if(json) {
		jsonw_array_end(&w);
		jsonw_finish(&w);
	}
	return 0;
}

/* One record per line: its key, then its other fields as field=value. */
static enum styr_rc print_row(void *ctx, const struct section_desc *d, int64_t id,
                              const char *key, const struct field_value vals[])
{
	struct cli_ctx *c = ctx;
	struct strbuf sb = STRBUF_INIT;
	(void)id;
	fputs(key, c->out);
	for(size_t i = 0; i < d->nfields; i++) {
		const struct field_desc *f = &d->fields[i];
		if((f->flags & FIELD_KEY) || vals[i].null)
			continue;
		strbuf_reset(&sb);
		section_value_text(f, &vals[i], &sb);
		fprintf(c->out, "  %s=", f->key);
		int chars = 0;
		size_t k;
		for(k = 0; k < sb.len && chars < MAX_SHOWN; k++) {
			chars += ((unsigned char)sb.buf[k] & 0xC0) != 0x80;
			fputc(sb.buf[k] == '\n' ? ' ' : sb.buf[k], c->out);
		}
		while(k < sb.len && ((unsigned char)sb.buf[k] & 0xC0) == 0x80)
			fputc(sb.buf[k++], c->out);
		if(k < sb.len)
			fputs("…", c->out);
	}
	fputc('\n', c->out);
	strbuf_release(&sb);
	return STYR_OK;
}

static enum styr_rc json_row(void *ctx, const struct section_desc *d,
                             const struct field_value vals[])
{
	section_row_json(ctx, d, vals);
	return STYR_OK;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int npos, r;
	bool json = false;
	const struct cli_opt opts[] = { { "--json", .flag = &json }, { NULL } };
	const struct section_desc *d;
	struct styr_error err;

	r = cli_parse(ctx, &cmd_list, argc, argv, opts, pos, 1, 2, &npos);
	if(r)
		return r;
	if(npos == 1)
		return list_sections(ctx, json);
	if(!(d = cli_section(ctx, &cmd_list, pos[1])))
		return 2;
	if(json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_key(&w, d->name);
		jsonw_array_begin(&w);
		r = store_section_each(ctx->store, d, json_row, &w, &err) ? cli_fail(ctx, &err) : 0;
		jsonw_array_end(&w);
		jsonw_object_end(&w);
		jsonw_finish(&w);
		return r;
	}
	return store_section_each_keyed(ctx->store, d, print_row, ctx, &err) ? cli_fail(ctx, &err) : 0;
}

const struct cli_command cmd_list = {
	"list", "list the sections and their keys, or the records of one",
	"usage: styr list DB [SECTION] [--json]\n\n"
	"Without SECTION, list every section with its number of records, its key\n"
	"(the fields that name a record, joined by \"/\") and what a record is.\n"
	"With SECTION, list its records in the order 'styr dump' writes them: the\n"
	"key first, then the other fields that have a value, long text cut.\n"
	"--json writes the section as a data document that 'styr load' reads.\n",
	run, CLI_DB_READ, 0
};
