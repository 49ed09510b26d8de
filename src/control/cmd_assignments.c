/*
** cmd_assignments.c — `styr assignments DB --occasion O [--json]`: the
** follow-up of political assignments at a report occasion, as the
** reports draw the seeds' "Fattade politiska beslut" table (Beslut |
** Status | Kommentar; control_doc.h), with the counts computed from the
** rows and, where the report states its own, those beside them.
*/
#include <string.h>

#include "cli/cli.h"
#include "base/strbuf.h"
#include "control/control.h"
#include "control/control_doc.h"
#include "db/store.h"

extern const struct cli_command cmd_assignments;

/* The text view: the assignments table of the reports with its counts,
** under the occasion's title. */
static int print_text(struct cli_ctx *ctx, const struct assignment_table *t)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "%s (%s)", t->occasion.title, t->occasion.key);
	struct doc *d = doc_new(sb.buf);
	strbuf_release(&sb);
	control_doc_assignment_table(d, t, CONTROL_DOC_COUNTS);
	return cli_print_doc(ctx, d);
}

static void print_json(struct cli_ctx *ctx, const struct assignment_table *t)
{
	struct jsonw w;
	char d[11];
	cli_json_init(ctx, &w);
	jsonw_object_begin(&w);
	jsonw_key(&w, "occasion");
	jsonw_object_begin(&w);
	jsonw_kv_string(&w, "key", t->occasion.key);
	jsonw_kv_string(&w, "title", t->occasion.title);
	jsonw_object_end(&w);
	jsonw_kv_string(&w, "previous", t->has_previous ? t->previous.key : NULL);
	jsonw_key(&w, "assignments");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < t->count; i++) {
		const struct assignment_row *r = &t->rows[i];
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "key", r->key);
		jsonw_kv_string(&w, "text", r->text);
		jsonw_kv_string(&w, "case", r->case_number);
		if(r->meeting.year) {
			date_format_iso(r->meeting, d);
			jsonw_kv_string(&w, "meeting_date", d);
		}
		if(r->paragraph)
			jsonw_kv_int(&w, "paragraph", r->paragraph);
		jsonw_kv_string(&w, "responsible", r->responsible);
		jsonw_kv_string(&w, "status", r->status != ASSIGNMENT_NO_STATUS
		                ? assignment_status_names[r->status] : NULL);
		jsonw_kv_string(&w, "comment", r->comment);
		if(t->new_known)
			jsonw_kv_bool(&w, "new", r->is_new);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "counts");
	jsonw_object_begin(&w);
	jsonw_kv_int(&w, "ongoing", t->ongoing);
	jsonw_kv_int(&w, "finished", t->finished);
	jsonw_kv_int(&w, "without_status", t->without_status);
	jsonw_key(&w, "new");
	if(t->new_known)
		jsonw_int(&w, t->new_count);
	else
		jsonw_null(&w);
	jsonw_object_end(&w);
	jsonw_key(&w, "stated");
	jsonw_object_begin(&w);
	const int sv[] = { t->stated_ongoing, t->stated_finished, t->stated_new };
	const char *sk[] = { "ongoing", "finished", "new" };
	for(int i = 0; i < 3; i++) {
		jsonw_key(&w, sk[i]);
		if(sv[i] >= 0)
			jsonw_int(&w, sv[i]);
		else
			jsonw_null(&w);
	}
	jsonw_kv_string(&w, "text", t->stated_text);
	jsonw_object_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *occasion = NULL;
	int npos, r;
	bool json = false;
	struct store *s;
	struct styr_error err;
	struct assignment_table t;
	const struct cli_opt opts[] = {
		{ "--occasion", .value = &occasion }, { "--json", .flag = &json }, { NULL } };

	r = cli_parse(ctx, &cmd_assignments, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	if(!occasion)
		return cli_usage_error(ctx, &cmd_assignments,
		                       "--occasion is required (a report occasion such as 2020-04-30)");
	s = ctx->store;
	struct occasion occ;
	struct occasion_query q = { occasion, 0, 0 };
	enum styr_rc rc = org_occasion_resolve(s, &q, &occ, &err);
	if(!rc) {
		rc = control_assignment_table(s, &occ, &t, &err);
		occasion_release(&occ);
	}
	if(rc)
		return cli_fail(ctx, &err);
	if(json)
		print_json(ctx, &t);
	else
		r = print_text(ctx, &t);
	assignment_table_release(&t);
	return r;
}

const struct cli_command cmd_assignments = {
	"assignments", "follow-up of political assignments at a report occasion",
	"usage: styr assignments DB --occasion OCCASION [--json]\n\n"
	"The assignments (uppdrag) followed up at a report occasion, as the reports'\n"
	"table Beslut | Status | Kommentar: open ones first, oldest first, then\n"
	"finished ones. Below it the counts (\"Totalt finns N st pågående uppdrag och\n"
	"M är avslutade\"), the new ones since the previous follow-up, and the counts\n"
	"the report itself states where they differ.\n",
	run, CLI_DB_READ
};
