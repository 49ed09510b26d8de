/*
** sec_control.c — the sections from the cases, assignments and internal
** control module: the follow-up of political assignments (politiskt
** fattade beslut) and the internal-control report (risk matrix, risks,
** follow-ups per area, conclusions, actions). Data: control/control.h.
*/
#include "control/control_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control/control_scales.h"
#include "control/control.h"

/* "Totalt finns 3 st pågående uppdrag och 6 är avslutade." and what goes
** with it: the rows without status, the new ones since the previous
** follow-up, and the counts the report states where it states any. */
static void assignment_counts(struct doc *d, const struct assignment_table *t)
{
	struct strbuf sb = STRBUF_INIT;

	doc_paraf(d, "Totalt finns %d st pågående uppdrag och %d är avslutade.", t->ongoing,
	          t->finished);
	if(t->without_status)
		doc_paraf(d, "%d uppdrag saknar status.", t->without_status);
	if(t->has_previous && t->new_known) {
		strbuf_addf(&sb, "Sedan senaste rapporteringen (%s) har %d nya uppdrag tillkommit",
		            t->previous.title, t->new_count);
		const char *sep = ": ";
		for(size_t i = 0; i < t->count; i++)
			if(t->rows[i].is_new) {
				strbuf_addf(&sb, "%s%s", sep, t->rows[i].key);
				sep = ", ";
			}
		strbuf_addch(&sb, '.');
		doc_para(d, sb.buf);
	} else if(t->has_previous) {
		doc_paraf(d, "Nya uppdrag sedan %s kan inte räknas: inga statusar finns för det "
		          "tillfället.", t->previous.title);
	}
	if(t->stated_ongoing >= 0 || t->stated_finished >= 0 || t->stated_new >= 0) {
		static const char differs[] = " (avviker från tabellen)";
		const char *sep = " ";
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "Rapporten anger:");
		if(t->stated_ongoing >= 0) {
			strbuf_addf(&sb, "%s%d pågående%s", sep, t->stated_ongoing,
			            t->stated_ongoing != t->ongoing ? differs : "");
			sep = ", ";
		}
		if(t->stated_finished >= 0) {
			strbuf_addf(&sb, "%s%d avslutade%s", sep, t->stated_finished,
			            t->stated_finished != t->finished ? differs : "");
			sep = ", ";
		}
		if(t->stated_new >= 0)
			strbuf_addf(&sb, "%s%d nya%s", sep, t->stated_new,
			            t->new_known && t->stated_new != t->new_count ? differs : "");
		strbuf_addch(&sb, '.');
		doc_para(d, sb.buf);
	}
	strbuf_release(&sb);
}

void control_doc_assignment_table(struct doc *d, const struct assignment_table *t,
                                  unsigned flags)
{
	struct strbuf sb = STRBUF_INIT;
	const struct occasion *o = &t->occasion;
	char iso[11];

	/* The seed's sub-heading "Fattade politiska beslut" is the table's
	** caption: shown once, above the table, and the table's name for a
	** screen reader (a heading with the same words would repeat it). */
	doc_table_begin(d, "Fattade politiska beslut", 3);
	doc_table_sheet(d, "Politiska beslut");
	const unsigned w[] = { 6, 2, 5 };
	doc_table_weights(d, w);
	strbuf_addf(&sb, "uppdrag med status vid %s", o->key);
	doc_table_source(d, sb.buf);
	if(!(flags & CONTROL_DOC_COUNTS)) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "Pågående: %d, avslutade: %d", t->ongoing, t->finished);
		if(t->new_known)
			strbuf_addf(&sb, ", nya sedan förra rapporten: %d", t->new_count);
		strbuf_addstr(&sb, " (räknat på raderna).");
		doc_table_note(d, sb.buf);
	}
	const char *hdr[] = { "Beslut", "Status", "Kommentar" };
	doc_header_row(d, hdr);
	for(size_t i = 0; i < t->count; i++) {
		const struct assignment_row *r = &t->rows[i];
		doc_row_begin(d, 0);
		doc_cell_text(d, r->text);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "uppdrag %s", r->key);
		if(r->case_number)
			strbuf_addf(&sb, ", ärende %s", r->case_number);
		if(r->paragraph && r->meeting.year) {
			date_format_iso(r->meeting, iso);
			strbuf_addf(&sb, ", beslut § %d %s", r->paragraph, iso);
		}
		doc_cell_source(d, "%s", sb.buf);
		if(r->status != ASSIGNMENT_NO_STATUS) {
			doc_cell_text(d, assignment_status_names[r->status]);
			doc_cell_source(d, "status vid %s", o->key);
		} else {
			doc_cell_empty(d);
		}
		if(r->comment)
			doc_cell_text(d, r->comment);
		else
			doc_cell_empty(d);
	}
	doc_table_end(d);
	strbuf_release(&sb);
	if(flags & CONTROL_DOC_COUNTS)
		assignment_counts(d, t);
}

enum styr_rc control_doc_assignments(struct doc *d, struct store *s, const struct occasion *o,
                                bool *found, struct styr_error *err)
{
	struct assignment_table t;
	enum styr_rc rc = control_assignment_table(s, o, &t, err);

	*found = !rc && t.count > 0;
	if(*found)
		control_doc_assignment_table(d, &t, 0);
	if(!rc)
		assignment_table_release(&t);
	return rc == STYR_ENOTFOUND ? STYR_OK : rc;   /* nothing to follow up */
}

static uint32_t parse_colour(const char *s)
{
	if(s[0] == '#' && strlen(s) == 7) {
		char *end;
		unsigned long v = strtoul(s + 1, &end, 16);
		if(!*end)
			return (uint32_t)v;
	}
	return 0xffffff;
}

static enum doc_verdict status_level(enum followup_status status)
{
	switch(status) {
	case FOLLOWUP_NO_DEVIATIONS: return DOC_VERDICT_MET;
	case FOLLOWUP_MINOR: return DOC_VERDICT_PARTLY;
	case FOLLOWUP_MAJOR: return DOC_VERDICT_NOT_MET;
	default: return DOC_VERDICT_NONE;
	}
}

/* The legend under the seed's matrix ("5 Medium Totalt: 5"): the risks
** at each level of the plan, their total, and those that have no value. */
static void level_table(struct doc *d, const struct control_plan *p)
{
	struct strbuf sb = STRBUF_INIT;
	int total = 0;

	if(!p->nlevels)
		return;
	doc_table_begin(d, "Risker per nivå", 3);
	doc_table_sheet(d, "Nivåer");
	const char *hdr[] = { "Nivå", "Riskvärde", "Antal risker" };
	doc_header_row(d, hdr);
	for(size_t l = 0; l < p->nlevels; l++) {
		const struct risk_level_row *lv = &p->levels[l];
		int n = 0;
		for(size_t i = 0; i < p->nrisks; i++)
			n += p->risks[i].value >= lv->min && p->risks[i].value <= lv->max;
		total += n;
		doc_row_begin(d, 0);
		doc_cell_text(d, lv->name);
		doc_cell_textf(d, "%d–%d", lv->min, lv->max);
		doc_cell_int(d, n, NULL);
		doc_cell_source(d, "risker med riskvärde %d–%d", lv->min, lv->max);
	}
	doc_row_begin(d, DOC_ROW_TOTAL);
	doc_cell_text(d, "Totalt");
	doc_cell_empty(d);
	doc_cell_int(d, total, NULL);
	for(size_t i = 0; i < p->nrisks; i++)
		if(!p->risks[i].value)
			strbuf_addf(&sb, "%s%s", sb.len ? "; " : "", p->risks[i].text);
	if(sb.len) {
		strbuf_addch(&sb, '.');
		struct strbuf note = STRBUF_INIT;
		strbuf_addf(&note, "Utan riskvärde (sannolikhet eller konsekvens saknas): %s", sb.buf);
		doc_table_note(d, note.buf);
		strbuf_release(&note);
	}
	doc_table_end(d);
	strbuf_release(&sb);
}

/* 1.1 Riskbedömningsmatris: the grades explained, the matrix of the
** plan's scales (4 × 4 by default) with its levels and colours, and the
** risks with their values. */
static void matrix_section(struct doc *d, const struct control_plan *p)
{
	struct strbuf sb = STRBUF_INIT;
	int top = p->prob.n > p->cons.n ? p->prob.n : p->cons.n;

	doc_heading(d, 2, "Riskbedömningsmatris");
	doc_table_begin(d, "Sannolikhet och konsekvens", 3);
	doc_table_sheet(d, "Skalor");
	const char *hdr[] = { "Grad", "Sannolikhet", "Konsekvens" };
	doc_header_row(d, hdr);
	for(int g = top; g >= 1; g--) {
		doc_row_begin(d, 0);
		doc_cell_int(d, g, NULL);
		const struct risk_scale *sc[] = { &p->prob, &p->cons };
		for(int a = 0; a < 2; a++) {
			if(g > sc[a]->n)
				doc_cell_empty(d);
			else if(sc[a]->text[g - 1])
				doc_cell_textf(d, "%s (%s)", sc[a]->label[g - 1], sc[a]->text[g - 1]);
			else
				doc_cell_text(d, sc[a]->label[g - 1]);
		}
	}
	doc_table_end(d);

	strbuf_addf(&sb, "Riskbedömningsmatris %d", p->year);
	struct doc_riskmatrix *m = doc_riskmatrix(d, sb.buf, "Sannolikhet",
	                                          (const char *const *)p->prob.label, p->prob.n,
	                                          "Konsekvens",
	                                          (const char *const *)p->cons.label, p->cons.n);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "internkontrollplan %d: risker efter sannolikhet och konsekvens; "
	            "nivåer och färger enligt planen", p->year);
	m->source = xstrdup(sb.buf);
	for(int pr = 1; pr <= p->prob.n; pr++) {
		for(int c = 1; c <= p->cons.n; c++) {
			const struct risk_level_row *lv = control_plan_level(p, pr * c);
			m->colour[pr - 1][c - 1] = lv ? parse_colour(lv->colour) : 0xffffff;
			m->level[pr - 1][c - 1] = lv ? xstrdup(lv->name) : NULL;
		}
	}
	for(size_t i = 0; i < p->nrisks; i++) {
		const struct risk_row *r = &p->risks[i];
		if(r->value)
			m->count[r->probability - 1][r->consequence - 1]++;
	}

	level_table(d, p);

	doc_table_begin(d, "Risker", 5);
	doc_table_sheet(d, "Risker");
	const char *hdr2[] = { "Kategori", "Risk", "Sannolikhet", "Konsekvens", "Riskvärde" };
	doc_header_row(d, hdr2);
	for(size_t i = 0; i < p->nrisks; i++) {
		const struct risk_row *r = &p->risks[i];
		doc_row_begin(d, 0);
		doc_cell_text(d, (i && !strcmp(p->risks[i - 1].area, r->area)) ? "" : r->area);
		strbuf_reset(&sb);
		if(r->number)
			strbuf_addf(&sb, "%d ", r->number);
		strbuf_addstr(&sb, r->text);
		if(r->goal)
			strbuf_addf(&sb, " (mål: %s)", r->goal);
		doc_cell_text(d, sb.buf);
		doc_cell_source(d, "risk %s", r->key);
		if(r->probability >= 1 && r->probability <= p->prob.n)
			doc_cell_textf(d, "%d. %s", r->probability, p->prob.label[r->probability - 1]);
		else
			doc_cell_empty(d);
		if(r->consequence >= 1 && r->consequence <= p->cons.n)
			doc_cell_textf(d, "%d. %s", r->consequence, p->cons.label[r->consequence - 1]);
		else
			doc_cell_empty(d);
		if(r->value) {
			doc_cell_int(d, r->value, NULL);
			const struct risk_level_row *lv = control_plan_level(p, r->value);
			doc_cell_source(d, "sannolikhet %d × konsekvens %d%s%s", r->probability,
			                r->consequence, lv ? ", nivå " : "", lv ? lv->name : "");
		} else {
			doc_cell_empty(d);
		}
	}
	doc_table_end(d);
	strbuf_release(&sb);
}

static void moment_block(struct doc *d, const struct risk_row *r,
                         const struct control_moment_row *mo)
{
	doc_deflist_begin(d);
	doc_deflist_item(d, "Kontrollmoment", mo->text ? mo->text : "");
	if(mo->method)
		doc_deflist_item(d, "Metod", mo->method);
	if(mo->frequency)
		doc_deflist_item(d, "Frekvens", mo->frequency);
	if(mo->responsible)
		doc_deflist_item(d, "Ansvarig", mo->responsible);
	if(mo->report_to)
		doc_deflist_item(d, "Rapporteras till", mo->report_to);
	if(!mo->nfollowups)
		return;
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "Uppföljning: %s", mo->text ? mo->text : mo->key);
	doc_table_begin(d, sb.buf, 5);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "Uppföljning %d.%d", r->number, (int)(mo - r->moments) + 1);
	doc_table_sheet(d, sb.buf);
	strbuf_release(&sb);
	const unsigned w[] = { 3, 2, 2, 3, 7 };
	doc_table_weights(d, w);
	const char *hdr[] = { "Uppföljning", "Status", "Slutdatum", "Ansvarig", "Kommentar" };
	doc_header_row(d, hdr);
	for(size_t i = 0; i < mo->nfollowups; i++) {
		const struct control_followup_row *f = &mo->followups[i];
		doc_row_begin(d, 0);
		doc_cell_text(d, f->label);
		if(f->status != FOLLOWUP_NO_STATUS) {
			doc_cell_verdict(d, status_level(f->status), followup_status_names[f->status]);
			doc_cell_source(d, "kontrollmoment %s, %s", mo->key, f->label);
		} else {
			doc_cell_empty(d);
		}
		if(f->date.year)
			doc_cell_date(d, f->date);
		else
			doc_cell_empty(d);
		doc_cell_text(d, f->responsible ? f->responsible : "");
		if(f->comment)
			doc_cell_text(d, f->comment);
		else
			doc_cell_empty(d);
	}
	doc_table_end(d);
}

void control_doc_plan_of(struct doc *d, const struct control_plan *p,
                         const char *stored_conclusions, const char *stored_actions)
{
	matrix_section(d, p);
	doc_heading(d, 1, "Uppföljning");
	for(size_t i = 0; i < p->nrisks; i++) {
		const struct risk_row *r = &p->risks[i];
		if(!i || strcmp(p->risks[i - 1].area, r->area))
			doc_heading(d, 2, r->area);
		doc_heading(d, 3, r->text);
		for(size_t k = 0; k < r->nmoments; k++)
			moment_block(d, r, &r->moments[k]);
	}
	doc_heading(d, 2, "Slutsatser av uppföljning");
	if(p->conclusions)
		doc_add_text(d, p->conclusions, 3);
	else if(stored_conclusions)
		doc_add_text(d, stored_conclusions, 3);
	doc_heading(d, 2, "Åtgärder");
	if(p->nactions) {
		doc_table_begin(d, "Åtgärder", 4);
		const char *hdr[] = { "Nr", "Åtgärd", "Ansvarig", "Klart senast" };
		doc_header_row(d, hdr);
		for(size_t i = 0; i < p->nactions; i++) {
			const struct control_action_row *act = &p->actions[i];
			doc_row_begin(d, 0);
			doc_cell_int(d, act->number, NULL);
			doc_cell_text(d, act->text);
			doc_cell_text(d, act->responsible ? act->responsible : "");
			if(act->due.year)
				doc_cell_date(d, act->due);
			else
				doc_cell_empty(d);
		}
		doc_table_end(d);
	} else if(stored_actions) {
		doc_add_text(d, stored_actions, 3);
	}
}

enum styr_rc control_doc_plan(struct doc *d, struct store *s, int year,
                                 const char *stored_conclusions, const char *stored_actions,
                                 bool *found, struct styr_error *err)
{
	struct control_plan p;
	enum styr_rc rc = control_plan_get(s, year, &p, err);

	*found = false;
	if(rc == STYR_ENOTFOUND) {
		styr_error_init(err);
		return STYR_OK;
	}
	if(rc)
		return rc;
	*found = true;
	control_doc_plan_of(d, &p, stored_conclusions, stored_actions);
	control_plan_release(&p);
	return STYR_OK;
}
