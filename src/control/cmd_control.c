/*
** cmd_control.c — `styr control DB --year Y [--json]`: the internal-
** control plan of a year and its follow-up, as the sections of the
** internkontroll report draw it (control_doc.h): the grades, the risk
** matrix (4 × 4, Swedish labels, levels from the data) with the risks per
** level, the risks with their grades and value (a missing grade left
** empty, never guessed), each control moment with its follow-ups, the
** conclusions and the actions. --json writes the same plan as data.
*/
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "control/control_scales.h"
#include "base/strbuf.h"
#include "control/control.h"
#include "control/control_doc.h"
#include "db/store.h"

extern const struct cli_command cmd_control;

/* The text view: the plan's sections of `styr report internkontroll`
** under a title naming the plan. */
static int print_text(struct cli_ctx *ctx, const struct control_plan *p)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "Intern kontroll %d — %s", p->year, p->title);
	if(p->case_number)
		strbuf_addf(&sb, " (%s)", p->case_number);
	struct doc *d = doc_new(sb.buf);
	strbuf_release(&sb);
	if(p->adopted.year)
		doc_set_date(d, p->adopted);
	doc_heading(d, 1, "Internkontrollplan");
	control_doc_plan_of(d, p, NULL, NULL);
	return cli_print_doc(ctx, d);
}

static void kv_grade(struct jsonw *w, const char *key, int g)
{
	jsonw_key(w, key);
	if(g)
		jsonw_int(w, g);
	else
		jsonw_null(w);
}

static void print_json(struct cli_ctx *ctx, const struct control_plan *p)
{
	struct jsonw w;
	char d[11];
	cli_json_init(ctx, &w);
	jsonw_object_begin(&w);
	jsonw_kv_int(&w, "year", p->year);
	jsonw_kv_string(&w, "title", p->title);
	jsonw_kv_string(&w, "case", p->case_number);
	jsonw_key(&w, "matrix");
	jsonw_object_begin(&w);
	jsonw_key(&w, "probability");
	jsonw_array_begin(&w);
	for(int g = 1; g <= p->prob.n; g++)
		jsonw_string(&w, p->prob.label[g - 1]);
	jsonw_array_end(&w);
	jsonw_key(&w, "consequence");
	jsonw_array_begin(&w);
	for(int g = 1; g <= p->cons.n; g++)
		jsonw_string(&w, p->cons.label[g - 1]);
	jsonw_array_end(&w);
	jsonw_key(&w, "areas");
	jsonw_array_begin(&w);
	for(size_t a = 0; a < p->nareas; a++)
		jsonw_string(&w, p->areas[a]);
	jsonw_array_end(&w);
	jsonw_key(&w, "levels");
	jsonw_array_begin(&w);
	for(size_t l = 0; l < p->nlevels; l++) {
		int n = 0;
		for(size_t i = 0; i < p->nrisks; i++)
			n += p->risks[i].value >= p->levels[l].min && p->risks[i].value <= p->levels[l].max;
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "name", p->levels[l].name);
		jsonw_kv_int(&w, "min", p->levels[l].min);
		jsonw_kv_int(&w, "max", p->levels[l].max);
		jsonw_kv_string(&w, "colour", p->levels[l].colour);
		jsonw_kv_int(&w, "risks", n);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_key(&w, "risks");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < p->nrisks; i++) {
		const struct risk_row *r = &p->risks[i];
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "key", r->key);
		jsonw_kv_string(&w, "area", r->area);
		kv_grade(&w, "number", r->number);
		jsonw_kv_string(&w, "text", r->text);
		kv_grade(&w, "probability", r->probability);
		kv_grade(&w, "consequence", r->consequence);
		kv_grade(&w, "value", r->value);
		kv_grade(&w, "stated_value", r->stated_value);
		const struct risk_level_row *lv = r->value ? control_plan_level(p, r->value) : NULL;
		jsonw_kv_string(&w, "level", lv ? lv->name : NULL);
		jsonw_kv_string(&w, "goal", r->goal);
		jsonw_key(&w, "control_moments");
		jsonw_array_begin(&w);
		for(size_t j = 0; j < r->nmoments; j++) {
			const struct control_moment_row *m = &r->moments[j];
			jsonw_object_begin(&w);
			jsonw_kv_string(&w, "key", m->key);
			jsonw_kv_string(&w, "text", m->text);
			jsonw_kv_string(&w, "method", m->method);
			jsonw_kv_string(&w, "frequency", m->frequency);
			jsonw_kv_string(&w, "responsible", m->responsible);
			jsonw_kv_string(&w, "report_to", m->report_to);
			jsonw_key(&w, "followups");
			jsonw_array_begin(&w);
			for(size_t k = 0; k < m->nfollowups; k++) {
				const struct control_followup_row *f = &m->followups[k];
				jsonw_object_begin(&w);
				jsonw_kv_string(&w, "label", f->label);
				date_format_iso(f->date, d);
				jsonw_kv_string(&w, "date", d);
				jsonw_kv_string(&w, "status", f->status != FOLLOWUP_NO_STATUS
				                ? followup_status_names[f->status] : NULL);
				jsonw_kv_string(&w, "comment", f->comment);
				jsonw_kv_string(&w, "responsible", f->responsible);
				jsonw_object_end(&w);
			}
			jsonw_array_end(&w);
			jsonw_object_end(&w);
		}
		jsonw_array_end(&w);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_kv_string(&w, "conclusions", p->conclusions);
	jsonw_key(&w, "actions");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < p->nactions; i++) {
		jsonw_object_begin(&w);
		jsonw_kv_int(&w, "number", p->actions[i].number);
		jsonw_kv_string(&w, "text", p->actions[i].text);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *year_s = NULL;
	int npos, r, year;
	bool json = false;
	struct store *s;
	struct styr_error err;
	struct control_plan p;
	const struct cli_opt opts[] = {
		{ "--year", .value = &year_s }, { "--json", .flag = &json }, { NULL } };

	r = cli_parse(ctx, &cmd_control, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	if(!year_s || !cli_parse_year(year_s, &year))
		return cli_usage_error(ctx, &cmd_control, "--year: expected a year such as 2020");
	s = ctx->store;
	enum styr_rc rc = control_plan_get(s, year, &p, &err);
	if(rc)
		return cli_fail(ctx, &err);
	if(json)
		print_json(ctx, &p);
	else
		r = print_text(ctx, &p);
	control_plan_release(&p);
	return r;
}

const struct cli_command cmd_control = {
	"control", "the internal-control plan and follow-up of a year, with its risk matrix",
	"usage: styr control DB --year Y [--json]\n\n"
	"The internal control of a year as `styr report internkontroll` draws it:\n"
	"the 4 × 4 risk matrix (sannolikhet Osannolik, Mindre sannolik, Möjlig,\n"
	"Sannolik × konsekvens Försumbar, Lindrig, Kännbar, Allvarlig) with the\n"
	"risks per level of the data, the risks with probability, consequence and\n"
	"risk value (empty where the plan gives none), every control moment with\n"
	"its follow-ups (status, date, responsible, comment), the conclusions and\n"
	"the actions.\n",
	run, CLI_DB_READ
};
