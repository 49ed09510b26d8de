/*
** edit.c — what the editing commands (show, list, set, rm, undo, log,
** load) share: finding a section by name and printing changed rows field
** by field (see cli.h).
*/
#include "cli/cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/jsonw.h"
#include "base/strbuf.h"
#include "db/section.h"

const struct section_desc *cli_section(struct cli_ctx *ctx, const struct cli_command *cmd,
                                       const char *name)
{
	const struct section_desc *d = store_section_find(name);
	if(!d) {
		size_t n;
		const struct section_desc *const *all = store_sections(&n);
		fprintf(ctx->err, "styr %s: unknown section '%s', expected one of", cmd->name, name);
		for(size_t i = 0; i < n; i++)
			fprintf(ctx->err, "%s %s", i ? "," : "", all[i]->name);
		fputc('\n', ctx->err);
	}
	return d;
}

/* A scalar JSON value as data-file text: "text" quoted, numbers and
** true/false as they are, "(none)" for a field left out. */
static void value_text(const struct json *v, struct strbuf *sb)
{
	struct jsonw w;
	if(!v || v->type == JSON_NULL) {
		strbuf_addstr(sb, "(none)");
		return;
	}
	switch(v->type) {
	case JSON_STRING:
		jsonw_init(&w, jsonw_strbuf_sink, sb, false);
		jsonw_string(&w, v->text);
		break;
	case JSON_BOOL:
		strbuf_addstr(sb, v->boolean ? "true" : "false");
		break;
	default:
		strbuf_addstr(sb, v->text ? v->text : "?");
		break;
	}
}

static bool same(const struct json *a, const struct json *b)
{
	if(!a || !b)
		return a == b;
	if(a->type != b->type)
		return false;
	if(a->type == JSON_BOOL)
		return a->boolean == b->boolean;
	return !a->text || !b->text ? a->text == b->text : !strcmp(a->text, b->text);
}

void cli_print_change(struct cli_ctx *ctx, const struct row_change *c, const char *indent)
{
	struct strbuf label = STRBUF_INIT;
	struct styr_error err;

	section_label(c->d, c->key, &label);
	if(!c->old_json || !c->new_json) {
		fprintf(ctx->out, "%s%s %s\n", indent, c->old_json ? "removed" : "added", label.buf);
		strbuf_release(&label);
		return;
	}
	fprintf(ctx->out, "%schanged %s\n", indent, label.buf);
	struct json *o = json_parse(c->old_json, strlen(c->old_json), "old", &err);
	struct json *n = json_parse(c->new_json, strlen(c->new_json), "new", &err);
	for(size_t i = 0; o && n && i < c->d->nfields; i++) {
		const char *k = c->d->fields[i].key;
		const struct json *a = json_get(o, k), *b = json_get(n, k);
		if(same(a, b))
			continue;
		struct strbuf sb = STRBUF_INIT;
		value_text(a, &sb);
		strbuf_addstr(&sb, " → ");
		value_text(b, &sb);
		fprintf(ctx->out, "%s  %s: %s\n", indent, k, sb.buf);
		strbuf_release(&sb);
	}
	json_free(o);
	json_free(n);
	strbuf_release(&label);
}

enum styr_rc cli_change_printer(void *ctx, const struct row_change *c)
{
	cli_print_change(ctx, c, "");
	return STYR_OK;
}

bool cli_parse_id(const char *s, int64_t *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if(!*s || *end || errno || v < 1)
		return false;
	*out = v;
	return true;
}
