/*
** cmd_assignments.c — `styr assignments DB --occasion O [--json]`: the
** follow-up of political assignments at a report occasion, as the seeds'
** "Fattade politiska beslut" table (Beslut | Status | Kommentar), with the
** counts computed from the rows and, where the report states its own,
** those beside them.
*/
#include <string.h>

#include "cli/cli.h"
#include "control/control.h"
#include "db/store.h"

extern const struct cli_command cmd_assignments;

static void print_text(struct cli_ctx *ctx, const struct assignment_table *t)
{
	FILE *o = ctx->out;
	fprintf(o, "Fattade politiska beslut — %s (%s)\n\n", t->occasion.title, t->occasion.key);
	fprintf(o, "Beslut\tStatus\tKommentar\n");
	for(size_t i = 0; i < t->count; i++) {
		const struct assignment_row *r = &t->rows[i];
		fprintf(o, "%s\t%s\t%s\n", r->text, r->status != ASSIGNMENT_NO_STATUS
		        ? assignment_status_names[r->status] : "(status saknas)",
		        r->comment ? r->comment : "");
	}
	fprintf(o, "\nTotalt finns %d st pågående uppdrag och %d är avslutade.\n",
	        t->ongoing, t->finished);
	if(t->without_status)
		fprintf(o, "%d uppdrag saknar status.\n", t->without_status);
	if(t->has_previous && t->new_known) {
		fprintf(o, "Sedan senaste rapporteringen (%s) har %d nya uppdrag tillkommit", t->previous.title,
		        t->new_count);
		const char *sep = ": ";
		for(size_t i = 0; i < t->count; i++)
			if(t->rows[i].is_new) {
				fprintf(o, "%s%s", sep, t->rows[i].key);
				sep = ", ";
			}
		fprintf(o, ".\n");
	} else if(t->has_previous) {
		fprintf(o, "Nya uppdrag sedan %s kan inte räknas: inga statusar finns för det tillfället.\n",
		        t->previous.title);
	}
	if(t->stated_ongoing >= 0 || t->stated_finished >= 0 || t->stated_new >= 0) {
		fprintf(o, "Rapporten anger:");
		if(t->stated_ongoing >= 0)
			fprintf(o, " %d pågående%s", t->stated_ongoing,
			        t->stated_ongoing != t->ongoing ? " (avviker från tabellen)" : "");
		if(t->stated_finished >= 0)
			fprintf(o, ", %d avslutade%s", t->stated_finished,
			        t->stated_finished != t->finished ? " (avviker från tabellen)" : "");
		if(t->stated_new >= 0)
			fprintf(o, ", %d nya%s", t->stated_new,
			        t->new_known && t->stated_new != t->new_count ? " (avviker från tabellen)" : "");
		fprintf(o, ".\n");
	}
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
		print_text(ctx, &t);
	assignment_table_release(&t);
	return 0;
}

const struct cli_command cmd_assignments = {
	"assignments", "follow-up of political assignments at a report occasion",
	"usage: styr assignments DB --occasion OCCASION [--json]\n\n"
	"The assignments (uppdrag) followed up at a report occasion, as the table\n"
	"Beslut | Status | Kommentar: open ones first, oldest first, then finished\n"
	"ones. Below it the counts (\"Totalt finns N st pågående uppdrag och M är\n"
	"avslutade\"), the new ones since the previous follow-up, and the counts the\n"
	"report itself states where they differ.\n",
	run, CLI_DB_READ
};
