/*
** cmd_set.c — `styr set DB SECTION KEY FIELD=VALUE …`: change fields of
** one record of any section, each value read as the data files read it.
*/
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/strbuf.h"
#include "cli/cli.h"
#include "db/section.h"
#include "db/store.h"

#define MAX_FIELDS 64

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[3 + MAX_FIELDS], *version_s = NULL;
	int npos, r;
	const struct cli_opt opts[] = { { "--if-version", .value = &version_s }, { NULL } };
	const struct section_desc *d;
	struct styr_error err;
	struct json *trees[MAX_FIELDS] = { NULL };
	struct section_row row = { 0 };
	struct strbuf where = STRBUF_INIT;
	int64_t id, version = 0;
	bool changed = false;
	enum styr_rc rc;

	r = cli_parse(ctx, &cmd_set, argc, argv, opts, pos, 4, 3 + MAX_FIELDS, &npos);
	if(r)
		return r;
	if(version_s && !cli_parse_id(version_s, &version))
		return cli_usage_error(ctx, &cmd_set, "--if-version: expected a version from 1,"
		                       " found '%s'", version_s);
	if(!(d = cli_section(ctx, &cmd_set, pos[1])))
		return 2;
	/* Every FIELD=VALUE names a field of the section, once. */
	for(int i = 3; i < npos; i++) {
		const char *eq = strchr(pos[i], '=');
		bool known = false;
		for(size_t k = 0; eq && k < d->nfields; k++)
			known |= strlen(d->fields[k].key) == (size_t)(eq - pos[i])
			         && !strncmp(d->fields[k].key, pos[i], (size_t)(eq - pos[i]));
		if(!eq)
			return cli_usage_error(ctx, &cmd_set, "'%s': expected FIELD=VALUE", pos[i]);
		if(!known) {
			struct strbuf sb = STRBUF_INIT;
			section_list_fields(d, &sb);
			fprintf(ctx->err, "styr: %s: unknown field '%.*s', expected one of %s\n", d->name,
			        (int)(eq - pos[i]), pos[i], sb.buf);
			strbuf_release(&sb);
			return 2;
		}
		for(int j = 3; j < i; j++)
			if(!strncmp(pos[j], pos[i], (size_t)(eq - pos[i]) + 1))
				return cli_usage_error(ctx, &cmd_set, "field '%.*s' given twice",
				                       (int)(eq - pos[i]), pos[i]);
	}
	styr_error_init(&err);
	rc = store_begin(ctx->store, &err);
	if(!rc)
		rc = store_row_find(ctx->store, d, pos[2], &id, &err);
	if(!rc && version)
		rc = store_row_check_version(ctx->store, d, id, version, &err);
	if(!rc)
		rc = store_row_get(ctx->store, d, id, &row, &err);
	strbuf_addf(&where, "%s %s", d->name, pos[2]);
	for(int i = 3; !rc && i < npos; i++) {
		const char *eq = strchr(pos[i], '=');
		size_t k;
		for(k = 0; k < d->nfields; k++)
			if(strlen(d->fields[k].key) == (size_t)(eq - pos[i])
			   && !strncmp(d->fields[k].key, pos[i], (size_t)(eq - pos[i])))
				break;
		trees[i - 3] = section_value_from_text(&d->fields[k], eq + 1, where.buf, &err);
		if(!trees[i - 3])
			rc = STYR_EINVAL;
		else
			rc = section_value_convert(ctx->store, where.buf, false, &d->fields[k],
			                           trees[i - 3], &row.vals[k], &err);
	}
	if(!rc)
		rc = store_row_update(ctx->store, d, id, row.vals, &changed, &err);
	if(!rc)
		rc = store_pending_changes(ctx->store, cli_change_printer, ctx, &err);
	if(!rc)
		rc = store_commit(ctx->store, &err);
	if(rc) {
		store_rollback(ctx->store);
		r = cli_fail(ctx, &err);
	} else if(!changed) {
		struct strbuf label = STRBUF_INIT;
		section_label(d, pos[2], &label);
		fprintf(ctx->out, "unchanged: %s already has these values\n", label.buf);
		strbuf_release(&label);
	} else {
		struct row_version v;
		if(!store_row_version(ctx->store, d, id, &v, &err))
			fprintf(ctx->out, "version %lld, change set %lld\n", (long long)v.version,
			        (long long)v.change_set);
		row_version_release(&v);
	}
	for(int i = 0; i < MAX_FIELDS; i++)
		json_free(trees[i]);
	section_row_release(&row);
	strbuf_release(&where);
	return r;
}

const struct cli_command cmd_set = {
	"set", "change fields of one record of any section",
	"usage: styr set DB SECTION KEY FIELD=VALUE... [--if-version N]\n\n"
	"Give the record of SECTION whose key is KEY (see 'styr show') the values\n"
	"FIELD=VALUE, checked as 'styr load' checks them and by the section's\n"
	"rules. A VALUE is written as a person writes it: text as it is, numbers\n"
	"in Swedish or JSON form (\"1 234,50\", \"-852\", \"6.72\"), true/false (or\n"
	"ja/nej), a reference by the referred record's key; FIELD= (nothing after\n"
	"the \"=\") clears the field. The changes are one change set in the audit\n"
	"log ('styr log', 'styr undo').\n\n"
	"  --if-version N  refuse, naming who changed the record and when, unless\n"
	"                  the record is still at version N (as 'styr show' gave it)\n",
	run, CLI_DB_WRITE, 0
};
