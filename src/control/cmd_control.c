/*
** cmd_control.c — `styr control DB --year Y [--json]`: the internal-
** control report of a year as the seeds print it: the risk matrix (4 × 4,
** Swedish labels, levels from the data), the risks with their grades and
** value (a missing grade shown as missing, never guessed), each control
** moment with its follow-ups, conclusions and actions.
*/
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "control/control_scales.h"
#include "base/strbuf.h"
#include "control/control.h"
#include "db/store.h"

extern const struct cli_command cmd_control;

static const char *or_missing(const char *s)
{
	return s && *s ? s : "saknas";
}

static void grade_text(struct strbuf *sb, int g, const char *(*label)(int))
{
	if(g)
		strbuf_addf(sb, "%d. %s", g, label(g));
	else
		strbuf_addstr(sb, "saknas");
}

/* Pad s to width display columns (UTF-8 aware) and print it. */
static void cell(FILE *o, const char *s, int width)
{
	int n = 0;
	for(const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xc0) != 0x80;
	fputs(s, o);
	for(; n < width; n++)
		fputc(' ', o);
}

static void print_matrix(FILE *o, const struct control_plan *p)
{
	int counted = 0;
	fprintf(o, "Riskbedömningsmatris\n\n\tSannolikhet\tKonsekvens\n");
	for(int g = RISK_GRADES; g >= 1; g--)
		fprintf(o, "%d\t%s (%s)\t%s (%s)\n", g, risk_probability_label(g),
		        risk_probability_text(g), risk_consequence_label(g), risk_consequence_text(g));
	fprintf(o, "\nSannolikhet × konsekvens = riskvärde, [riskernas nummer]\n");
	cell(o, "", 20);
	for(int c = 1; c <= RISK_GRADES; c++) {
		char h[32];
		snprintf(h, sizeof(h), "%d %s", c, risk_consequence_label(c));
		cell(o, h, c < RISK_GRADES ? 16 : 0);
	}
	fputc('\n', o);
	for(int pr = RISK_GRADES; pr >= 1; pr--) {
		char h[32];
		snprintf(h, sizeof(h), "%d %s", pr, risk_probability_label(pr));
		cell(o, h, 20);
		for(int c = 1; c <= RISK_GRADES; c++) {
			struct strbuf sb = STRBUF_INIT;
			const struct risk_level_row *l = control_plan_level(p, pr * c);
			strbuf_addf(&sb, "%2d %s", pr * c, l ? l->name : "");
			const char *sep = " [";
			for(size_t i = 0; i < p->nrisks; i++) {
				const struct risk_row *r = &p->risks[i];
				if(r->probability != pr || r->consequence != c)
					continue;
				if(r->number)
					strbuf_addf(&sb, "%s%d", sep, r->number);
				else
					strbuf_addf(&sb, "%s%s", sep, r->key);
				sep = ",";
			}
			if(strcmp(sep, " ["))
				strbuf_addch(&sb, ']');
			cell(o, sb.buf, c < RISK_GRADES ? 16 : 0);
			strbuf_release(&sb);
		}
		fputc('\n', o);
	}
	for(size_t l = 0; l < p->nlevels; l++) {
		int n = 0;
		for(size_t i = 0; i < p->nrisks; i++)
			n += p->risks[i].value >= p->levels[l].min && p->risks[i].value <= p->levels[l].max;
		counted += n;
		fprintf(o, "%s (%d–%d, %s): %d\n", p->levels[l].name, p->levels[l].min,
		        p->levels[l].max, p->levels[l].colour, n);
	}
	fprintf(o, "Totalt: %d\n", counted);
	for(size_t i = 0; i < p->nrisks; i++)
		if(!p->risks[i].value)
			fprintf(o, "Utan riskvärde (sannolikhet eller konsekvens saknas): %s\n",
			        p->risks[i].text);
}

static void print_risks(FILE *o, const struct control_plan *p)
{
	fprintf(o, "\nKategori\tRisk\tSannolikhet\tKonsekvens\tRiskvärde\n");
	for(size_t i = 0; i < p->nrisks; i++) {
		const struct risk_row *r = &p->risks[i];
		struct strbuf sb = STRBUF_INIT;
		fprintf(o, "%s\t", control_area_names[r->area]);
		if(r->number)
			fprintf(o, "%d  ", r->number);
		fprintf(o, "%s\t", r->text);
		grade_text(&sb, r->probability, risk_probability_label);
		strbuf_addch(&sb, '\t');
		grade_text(&sb, r->consequence, risk_consequence_label);
		fprintf(o, "%s\t", sb.buf);
		if(r->value)
			fprintf(o, "%d", r->value);
		else
			fprintf(o, "saknas");
		if(r->stated_value && r->stated_value != r->value)
			fprintf(o, " (angivet %d)", r->stated_value);
		if(r->goal)
			fprintf(o, "\tmål: %s", r->goal);
		fputc('\n', o);
		strbuf_release(&sb);
	}
}

static void print_followups(FILE *o, const struct control_plan *p)
{
	fprintf(o, "\nUppföljning\n");
	for(size_t i = 0; i < p->nrisks; i++) {
		const struct risk_row *r = &p->risks[i];
		if(!i || p->risks[i - 1].area != r->area)
			fprintf(o, "\n%s\n", control_area_names[r->area]);
		fprintf(o, "\n  %s\n", r->text);
		for(size_t j = 0; j < r->nmoments; j++) {
			const struct control_moment_row *m = &r->moments[j];
			fprintf(o, "  Kontrollmoment: %s\n", m->text);
			if(m->method)
				fprintf(o, "  Metod: %s\n", m->method);
			if(m->frequency)
				fprintf(o, "  Frekvens: %s\n", m->frequency);
			if(m->responsible)
				fprintf(o, "  Ansvarig: %s\n", m->responsible);
			if(m->report_to)
				fprintf(o, "  Rapporteras till: %s\n", m->report_to);
			fprintf(o, "  Uppföljning\tStatus\tSlutdatum\tAnsvarig\n");
			for(size_t k = 0; k < m->nfollowups; k++) {
				const struct control_followup_row *f = &m->followups[k];
				char d[11];
				date_format_iso(f->date, d);
				fprintf(o, "  %s\t%s\t%s\t%s\n", f->label, f->status != FOLLOWUP_NO_STATUS
				        ? followup_status_names[f->status] : "(status saknas)", d,
				        or_missing(f->responsible));
				if(f->comment)
					fprintf(o, "    Kommentar: %s\n", f->comment);
			}
		}
	}
	fprintf(o, "\nSlutsatser av uppföljning\n%s\n", p->conclusions ? p->conclusions : "(inga angivna)");
	fprintf(o, "\nÅtgärder\n");
	if(!p->nactions)
		fprintf(o, "(inga angivna)\n");
	for(size_t i = 0; i < p->nactions; i++) {
		const struct control_action_row *a = &p->actions[i];
		fprintf(o, "%d. %s", a->number, a->text);
		if(a->responsible)
			fprintf(o, " — %s", a->responsible);
		if(a->due.year) {
			char d[11];
			date_format_iso(a->due, d);
			fprintf(o, ", senast %s", d);
		}
		fputc('\n', o);
	}
}

static void print_text(struct cli_ctx *ctx, const struct control_plan *p)
{
	FILE *o = ctx->out;
	fprintf(o, "Intern kontroll %d — %s", p->year, p->title);
	if(p->case_number)
		fprintf(o, " (%s)", p->case_number);
	fprintf(o, "\n\n");
	print_matrix(o, p);
	print_risks(o, p);
	print_followups(o, p);
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
	for(int g = 1; g <= RISK_GRADES; g++)
		jsonw_string(&w, risk_probability_label(g));
	jsonw_array_end(&w);
	jsonw_key(&w, "consequence");
	jsonw_array_begin(&w);
	for(int g = 1; g <= RISK_GRADES; g++)
		jsonw_string(&w, risk_consequence_label(g));
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
		jsonw_kv_string(&w, "area", control_area_names[r->area]);
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
		print_text(ctx, &p);
	control_plan_release(&p);
	return 0;
}

const struct cli_command cmd_control = {
	"control", "the internal-control plan and follow-up of a year, with its risk matrix",
	"usage: styr control DB --year Y [--json]\n\n"
	"The internal control of a year: the 4 × 4 risk matrix (sannolikhet Osannolik,\n"
	"Mindre sannolik, Möjlig, Sannolik × konsekvens Försumbar, Lindrig, Kännbar,\n"
	"Allvarlig) with the levels of the data, the risks with probability,\n"
	"consequence and risk value (\"saknas\" where the plan gives none), every\n"
	"control moment with its follow-ups (date, status, comment, responsible),\n"
	"the conclusions and the actions.\n",
	run, CLI_DB_READ
};
