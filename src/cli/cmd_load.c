/*
** cmd_load.c — `styr load DB PATH`: load JSON data documents, adding new
** records and applying the changes to stored ones.
*/
#include "cli/cli.h"
#include "db/load.h"
#include "db/store.h"

struct dry {
	struct cli_ctx *ctx;
	const struct section_desc *section;  /* of the last change printed */
};

/* --dry-run: the changes under a heading per section. */
static enum styr_rc print_dry(void *arg, const struct row_change *c)
{
	struct dry *dr = arg;
	if(c->d != dr->section)
		fprintf(dr->ctx->out, "%s%s:\n", dr->section ? "\n" : "", c->d->name);
	dr->section = c->d;
	cli_print_change(dr->ctx, c, "  ");
	return STYR_OK;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int npos, r;
	bool prune = false, dry_run = false;
	const struct cli_opt opts[] = {
		{ "--prune", .flag = &prune },
		{ "--dry-run", .flag = &dry_run },
		{ NULL }
	};
	struct styr_error err;
	struct load_stats st;
	struct dry dr = { ctx, NULL };
	struct load_options o;

	r = cli_parse(ctx, &cmd_load, argc, argv, opts, pos, 2, 2, &npos);
	if(r)
		return r;
	o = (struct load_options){ prune, dry_run, dry_run ? print_dry : NULL, &dr };
	styr_error_init(&err);
	if(load_apply(ctx->store, pos[1], &o, &st, &err))
		return cli_fail(ctx, &err);
	if(dry_run && dr.section)
		fputc('\n', ctx->out);
	fprintf(ctx->out, "%s %zu rows from %zu file%s: %zu added, %zu changed, %zu unchanged",
	        dry_run ? "dry run: would load" : "loaded", st.rows, st.files,
	        st.files == 1 ? "" : "s", st.added, st.changed, st.unchanged);
	if(prune)
		fprintf(ctx->out, ", %zu removed", st.removed);
	fputs(dry_run ? "; nothing was stored\n" : "\n", ctx->out);
	return 0;
}

const struct cli_command cmd_load = {
	"load", "load JSON data documents (a file or a directory), applying changes",
	"usage: styr load DB PATH [--prune] [--dry-run]\n\n"
	"Load the JSON data document PATH, or every *.json file of the directory\n"
	"PATH in name order, into DB. A record whose key is new is added; a\n"
	"stored record with the same key gets the file's values, field by field\n"
	"(a field the file leaves out is cleared); an unchanged record is left\n"
	"alone, so loading the same files twice changes nothing. All of it lands\n"
	"in one transaction, or none of it: an error names file:line: key and\n"
	"what was expected, and leaves the database as it was. The format is\n"
	"described in docs/data-format.md, editing in docs/editing.md.\n\n"
	"  --prune    also remove the records of each section the files hold that\n"
	"             the files no longer hold (refused, naming them, while other\n"
	"             records refer to one)\n"
	"  --dry-run  print what would be added, changed (field: old → new) and\n"
	"             removed, per section, and store nothing\n",
	run, CLI_DB_WRITE
};
