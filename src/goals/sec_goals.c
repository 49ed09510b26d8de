/*
** sec_goals.c — the goals sections of the reports (MER-styrning): the
** indicator table of a plan (utgångsvärde and målvärde per year), of a
** follow-up (nuvärde, prognos, målvärde, bedömning) and of an annual
** report (utfall, målvärde, bedömning), and the verdicts of the nämndmål
** with the summary line. Data: goals/goals.h (verdicts by goals/assess.c).
**
** Values are shown as written ("90%", "10 st"): they are measured values
** in the unit of their indicator. Each value cell names the indicator and
** the occasion it comes from; a verdict set by hand says so, with its
** motivation and the computed verdict beside it.
*/
#include "goals/goals_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/money.h"
#include "goals/goals.h"
#include "org/org.h"

static enum doc_verdict level(enum verdict v)
{
	switch(v) {
	case VERDICT_ACHIEVED: return DOC_VERDICT_MET;
	case VERDICT_PARTLY: return DOC_VERDICT_PARTLY;
	case VERDICT_NOT: return DOC_VERDICT_NOT_MET;
	case VERDICT_NO_VALUE:
	case VERDICT_UNASSESSABLE: break;
	}
	return DOC_VERDICT_NONE;
}

static enum doc_verdict goal_level(enum goal_verdict g)
{
	switch(g) {
	case GOAL_ACHIEVED: return DOC_VERDICT_MET;
	case GOAL_PARTLY: return DOC_VERDICT_PARTLY;
	case GOAL_NOT: return DOC_VERDICT_NOT_MET;
	case GOAL_UNASSESSABLE: break;
	}
	return DOC_VERDICT_NONE;
}

/* "Uppnådd" from "uppnådd". */
static char *capital(const char *s)
{
	char *c = xstrdup(s);
	if(c[0] >= 'a' && c[0] <= 'z')
		c[0] = (char)(c[0] - 'a' + 'A');
	return c;
}

static void text_or_empty(struct doc *d, const char *s)
{
	if(s && *s)
		doc_cell_text(d, s);
	else
		doc_cell_empty(d);
}

/* A cell with verdict v in words ("Delvis uppnådd") and its colour. */
static void verdict_only(struct doc *d, enum verdict v)
{
	char *t = capital(verdict_name(v));
	doc_cell_verdict(d, level(v), t);
	free(t);
}

static void verdict_cell(struct doc *d, const struct goal_indicator *in, const char *occ)
{
	verdict_only(d, in->verdict);
	if(in->manual)
		doc_cell_source(d, "indikator %s: bedömning satt för hand (%s); beräknad: %s",
		                in->key, in->motivation ? in->motivation : "utan motivering",
		                verdict_name(in->computed));
	else
		doc_cell_source(d, "indikator %s: beräknad av värdet %s vid %s mot målvärdet %s",
		                in->key, in->used ? in->used : "(saknas)", occ,
		                in->target ? in->target : "(saknas)");
}

/* A goals table: caption, XLSX sheet, source, and n columns with their
** header titles and weights. */
static void table_begin(struct doc *d, const char *caption, const char *sheet,
                        const char *source, const char *const *hdr, const unsigned *w,
                        size_t n)
{
	doc_table_begin(d, caption, n);
	doc_table_sheet(d, sheet);
	doc_header_row(d, hdr);
	doc_table_source(d, source);
	doc_table_weights(d, w);
}

/* Group columns: the council goal and nämndmål shown on the first row of
** each group only, as in the documents. */
static void group_cells(struct doc *d, const struct goal_indicator *in,
                        const struct goal_indicator *prev, bool council)
{
	bool same_council = prev && prev->council_key && in->council_key &&
	                    !strcmp(prev->council_key, in->council_key);
	bool same_goal = (same_council || !council) && prev &&
	                 ((!prev->goal_key && !in->goal_key) ||
	                  (prev->goal_key && in->goal_key && !strcmp(prev->goal_key, in->goal_key)));
	if(council)
		text_or_empty(d, same_council ? NULL : in->council_name);
	text_or_empty(d, same_goal ? NULL : in->goal_name);
}

/* A new row with the first cells of indicator in: the group columns
** after prev, and its name. */
static void indicator_row(struct doc *d, const struct goal_indicator *in,
                          const struct goal_indicator *prev, bool council)
{
	doc_row_begin(d, 0);
	group_cells(d, in, prev, council);
	doc_cell_text(d, in->name);
	doc_cell_source(d, "indikator %s", in->key);
}

/* Where the year's goals come from when an earlier plan set them. */
static void structure_note(struct doc *d, const struct goal_year *y)
{
	if(y->structure_year != y->year)
		doc_paraf(d, "Mål och indikatorer från planen %d.", y->structure_year);
}

/* The workings of a follow-up (struct goals_doc_view): the value judged
** and the year's rules in words, the summary line as the document states
** it, and the verdicts set by hand beside the computed ones. */
static void workings(struct doc *d, const struct goal_year *y, bool annual)
{
	struct strbuf sb = STRBUF_INIT;
	size_t manual = 0;

	strbuf_addstr(&sb, annual ? "Bedömningen görs på utfallet. "
	                          : "Bedömningen görs på prognosen, annars på nuvärdet. ");
	switch(y->rules.delvis) {
	case DELVIS_NONE:
		strbuf_addstr(&sb, "Delvis uppnådd används inte.");
		break;
	case DELVIS_TOLERANCE:
		strbuf_addstr(&sb, "Delvis uppnådd = inom ");
		fmt_decimal_sv(&sb, y->rules.tolerance.value, y->rules.tolerance.decimals);
		strbuf_addstr(&sb, " % från målvärdet.");
		break;
	case DELVIS_IMPROVED:
		strbuf_addstr(&sb, "Delvis uppnådd = bättre än utgångsvärdet.");
		break;
	}
	strbuf_addf(&sb, " Nämndmål uppnås delvis när %s av indikatorerna är uppnådda eller "
	            "delvis uppnådda.", y->rules.goal == GOAL_MORE_THAN_HALF ? "mer än hälften"
	                                                                     : "hälften");
	doc_para(d, sb.buf);
	strbuf_release(&sb);
	if(y->stated_summary)
		doc_paraf(d, "Enligt dokumentet: %s", y->stated_summary);
	for(size_t i = 0; i < y->nind; i++)
		manual += y->ind[i].manual;
	if(!manual)
		return;
	const char *hdr[] = { "Indikator", "Bedömning", "Beräknad", "Motivering" };
	const unsigned w[] = { 4, 2, 2, 5 };
	table_begin(d, "Bedömningar satt för hand", "Satt för hand",
	            "indikatorernas värden vid rapporttillfället", hdr, w, 4);
	for(size_t i = 0; i < y->nind; i++) {
		const struct goal_indicator *in = &y->ind[i];
		if(!in->manual)
			continue;
		doc_row_begin(d, 0);
		doc_cell_text(d, in->name);
		doc_cell_source(d, "indikator %s", in->key);
		verdict_only(d, in->verdict);
		verdict_only(d, in->computed);
		text_or_empty(d, in->motivation);
	}
	doc_table_end(d);
}

/* The indicators measured in percent, over the report occasions of the
** year (a line chart, one series per indicator); nothing when fewer than
** two occasions have values. */
static void percent_chart(struct doc *d, struct store *s, const struct goal_year *y)
{
	struct occasion *occ = NULL;
	size_t nocc = 0, n = 0;
	struct styr_error err;

	if(org_occasions(s, y->year, &occ, &nocc, &err))
		return;
	const char **labels = xcalloc(nocc ? nocc : 1, sizeof(char *));
	char (*iso)[11] = xcalloc(nocc ? nocc : 1, sizeof(*iso));
	const struct occasion **sel = xcalloc(nocc ? nocc : 1, sizeof(*sel));
	for(size_t i = 0; i < nocc; i++) {
		if(!occ[i].date.year || occ[i].kind == OCC_MER_PLAN)
			continue;
		date_format_iso(occ[i].date, iso[n]);
		labels[n] = iso[n];
		sel[n++] = &occ[i];
	}
	/* the most decimals any value is written with */
	int dec = 0;
	for(size_t k = 0; n >= 2 && k < y->nind; k++) {
		struct indicator_detail det;
		if(y->ind[k].unit != UNIT_PERCENT || goals_indicator(s, y->ind[k].key, &det, &err))
			continue;
		for(size_t j = 0; j < det.nvalues; j++) {
			struct sv_number num;
			if(det.values[j].outcome && !sv_number_parse(det.values[j].outcome, &num, &err) &&
			   num.decimals > dec)
				dec = num.decimals > 3 ? 3 : num.decimals;
		}
		indicator_detail_release(&det);
	}
	struct doc_chart *ch = NULL;
	int64_t *v = xcalloc(n ? n : 1, sizeof(int64_t));
	bool *present = xcalloc(n ? n : 1, sizeof(bool));
	for(size_t k = 0; n >= 2 && k < y->nind; k++) {
		const struct goal_indicator *in = &y->ind[k];
		struct indicator_detail det;
		size_t have = 0;
		if(in->unit != UNIT_PERCENT || goals_indicator(s, in->key, &det, &err))
			continue;
		for(size_t i = 0; i < n; i++) {
			present[i] = false;
			for(size_t j = 0; j < det.nvalues; j++) {
				struct sv_number num;
				if(strcmp(det.values[j].occasion, sel[i]->key) || !det.values[j].outcome ||
				   sv_number_parse(det.values[j].outcome, &num, &err))
					continue;
				v[i] = sv_number_scaled(&num, dec);
				present[i] = true;
				have++;
			}
		}
		indicator_detail_release(&det);
		if(have < 2)
			continue;
		if(!ch) {
			char title[96];
			snprintf(title, sizeof(title), "Indikatorer i procent under %d", y->year);
			ch = doc_chart_begin(d, DOC_CHART_LINE, title, "%", dec, labels, n);
			doc_chart_source(d, "indikatorernas utfall vid årets rapporttillfällen");
		}
		doc_chart_series(d, in->name, v, present);
	}
	free(v);
	free(present);
	free(labels);
	free(iso);
	occasions_free(occ, nocc);
	free(sel);
}

/* The name of the committee's host municipality into *name, owned by the
** caller (NULL when the committee or its host is not recorded). */
static enum styr_rc host_name(struct store *s, struct date date, char **name,
                              struct styr_error *err)
{
	struct committee c;
	struct member *m = NULL;
	size_t n = 0;
	enum styr_rc rc = org_committee(s, &c, err);

	*name = NULL;
	if(rc == STYR_ENOTFOUND)
		return STYR_OK;
	if(!rc)
		rc = org_members(s, date, &m, &n, err);
	for(size_t i = 0; !rc && !*name && i < n; i++)
		if(c.host_code && !strcmp(m[i].code, c.host_code))
			*name = xstrdup(m[i].name);
	members_free(m, n);
	committee_release(&c);
	return rc;
}

/* True when a paragraph of d says text already, spaces, letter case and
** a final full stop aside ("2st av 2 bedöms ..." and "2 st av 2 ..."). */
static bool said_before(const struct doc *d, const char *text)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	bool said = false;
	for(const char *p = text; *p; p++)
		if(*p != ' ' && *p != '.')
			strbuf_addch(&a, *p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	for(size_t i = 0; i < d->nblocks && !said; i++) {
		if(d->blocks[i].type != DOC_PARA)
			continue;
		strbuf_reset(&b);
		for(const char *p = d->blocks[i].u.para; *p; p++)
			if(*p != ' ' && *p != '.')
				strbuf_addch(&b, *p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		said = a.len > 0 && strstr(b.buf, a.buf) != NULL;
	}
	strbuf_release(&a);
	strbuf_release(&b);
	return said;
}

enum styr_rc goals_doc_followup(struct doc *d, struct store *s, const struct occasion *o,
                                const struct goals_doc_view *view, bool *found,
                                struct styr_error *err)
{
	struct goal_year y;
	struct strbuf sb = STRBUF_INIT, src = STRBUF_INIT;
	bool annual = o->kind == OCC_ARSREDOVISNING;
	char *host = NULL;
	enum styr_rc rc = o->kind == OCC_PROGNOS ? host_name(s, o->date, &host, err) : STYR_OK;

	if(!rc)
		rc = goals_year(s, o->year, o, &y, err);

	*found = false;
	if(rc) {
		free(host);
		return rc == STYR_ENOTFOUND ? STYR_OK : rc;
	}
	*found = y.nind > 0;
	if(!*found) {
		free(host);
		goal_year_release(&y);
		return STYR_OK;
	}
	structure_note(d, &y);
	strbuf_addf(&src, "indikatorer %d med värden vid %s", o->year, o->key);
	if(annual) {
		strbuf_addf(&sb, "Utfall %d", o->year);
		char *out = strbuf_detach(&sb);
		strbuf_addf(&sb, "Målvärde %d", o->year);
		const char *hdr[] = { "Nämndmål", "Indikator", out, sb.buf, "Bedömning" };
		const unsigned w[] = { 3, 5, 2, 2, 2 };
		table_begin(d, "Nämndmål och indikatorer", "Nämndmål", src.buf, hdr, w, 5);
		free(out);
	} else {
		const char *hdr[] = { "Kommunfullmäktiges mål", "Nämndmål", "Indikator", "Nuvärde",
		                      "Prognos", "Målvärde", "Bedömning" };
		const unsigned w[] = { 3, 3, 5, 2, 2, 2, 2 };
		table_begin(d, "Mål och indikatorer", "Mål", src.buf, hdr, w, 7);
	}
	if(host) {
		doc_row_begin(d, DOC_ROW_GROUP);
		doc_cell_text(d, host);
		doc_cell_source(d, "nämndens värdkommun: kommunfullmäktiges mål");
		doc_cell_span(d, 7);
	}
	for(size_t i = 0; i < y.nind; i++) {
		const struct goal_indicator *in = &y.ind[i];
		indicator_row(d, in, i ? &y.ind[i - 1] : NULL, !annual);
		text_or_empty(d, in->outcome);
		if(in->outcome)
			doc_cell_source(d, "indikator %s: %s vid %s", in->key,
			                annual ? "utfall" : "nuvärde", o->key);
		if(!annual) {
			text_or_empty(d, in->forecast);
			if(in->forecast)
				doc_cell_source(d, "indikator %s: prognos vid %s", in->key, o->key);
		}
		text_or_empty(d, in->target);
		if(in->target)
			doc_cell_source(d, "indikator %s: målvärde %d", in->key, o->year);
		verdict_cell(d, in, o->key);
	}
	doc_table_end(d);

	/* the nämndmål with their verdicts, then the summary line */
	doc_table_begin(d, "Bedömning av nämndmålen", 3);
	doc_table_sheet(d, "Bedömning nämndmål");
	const char *hdr2[] = { "Nämndmål", "Antal indikatorer", "Bedömning" };
	doc_header_row(d, hdr2);
	for(size_t i = 0; i < y.ngoals; i++) {
		const struct goal_committee *g = &y.goals[i];
		doc_row_begin(d, 0);
		doc_cell_text(d, g->name);
		doc_cell_int(d, (int64_t)g->nindicators, "st");
		char *t = capital(goal_verdict_name(g->verdict));
		doc_cell_verdict(d, goal_level(g->verdict), t);
		doc_cell_source(d, "nämndmål %s: bedömt av indikatorernas bedömningar enligt årets regel",
		                g->key);
		free(t);
	}
	doc_table_end(d);
	/* the counts of indicator verdicts, for narrative text to refer to
	** ("{{mal.uppnadda}} bedöms uppnådda", docs/figures.md) */
	{
		static const char *const names[VERDICT_COUNT] = {
			"uppnadda", "delvis", "ej-uppnadda", "saknar-varde", "kan-ej-bedomas" };
		static const char *const labels[VERDICT_COUNT] = {
			"indikatorer bedömda uppnådda", "indikatorer bedömda delvis uppnådda",
			"indikatorer bedömda ej uppnådda", "indikatorer som saknar värde",
			"indikatorer som inte kan bedömas" };
		for(int v = 0; v < VERDICT_COUNT; v++) {
			struct doc_cell c = { .type = DOC_CELL_INT, .value = (int64_t)y.counts[v],
			                      .unit = "st", .colspan = 1 };
			struct strbuf name = STRBUF_INIT;
			strbuf_addf(&name, "mal.%s", names[v]);
			doc_figure(d, name.buf, &c, labels[v]);
			strbuf_release(&name);
		}
	}
	/* the summary line, unless the narrative before says it already */
	if(y.summary && !said_before(d, y.summary))
		doc_para(d, y.summary);
	if(view && view->workings)
		workings(d, &y, annual);
	if(annual)
		percent_chart(d, s, &y);
	strbuf_release(&sb);
	strbuf_release(&src);
	free(host);
	goal_year_release(&y);
	return STYR_OK;
}

/* The targets of an indicator for year (NULL when none). */
static char *target_of(struct store *s, const char *key, int year)
{
	struct indicator_detail det;
	struct styr_error err;
	char *t = NULL;

	if(goals_indicator(s, key, &det, &err))
		return NULL;
	for(size_t i = 0; i < det.ntargets; i++)
		if(det.targets[i].year == year && det.targets[i].target)
			t = xstrdup(det.targets[i].target);
	indicator_detail_release(&det);
	return t;
}

enum styr_rc goals_doc_plan(struct doc *d, struct store *s, int year, bool *found,
                            struct styr_error *err)
{
	struct goal_year y;
	struct strbuf h[3] = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT };
	enum styr_rc rc = goals_year(s, year, NULL, &y, err);

	*found = false;
	if(rc == STYR_ENOTFOUND)
		return STYR_OK;
	if(rc)
		return rc;
	*found = y.nind > 0;
	if(!*found) {
		goal_year_release(&y);
		return STYR_OK;
	}
	structure_note(d, &y);
	for(int k = 0; k < 3; k++)
		strbuf_addf(&h[k], "Målvärde %d", year + k);
	const char *hdr[] = { "Kommunfullmäktiges mål", "Nämndmål", "Indikator", "Utgångsvärde",
	                      h[0].buf, h[1].buf, h[2].buf };
	const unsigned w[] = { 3, 3, 5, 2, 2, 2, 2 };
	/* one numbered section and table per perspective, in order of
	** appearance (the plan's "2.1 Attraktiv kommun - ..."); indicators
	** without a perspective get a table without a heading */
	bool *done = xcalloc(y.nind, sizeof(bool));
	for(size_t first = 0; first < y.nind; first++) {
		if(done[first])
			continue;
		const char *persp = y.ind[first].perspective;
		if(persp)
			doc_heading(d, 2, persp);
		table_begin(d, "Mål och indikatorer", "Mål och indikatorer",
		            "indikatorer med utgångsvärde och målvärden per år", hdr, w, 7);
		const struct goal_indicator *prev = NULL;
		for(size_t i = first; i < y.nind; i++) {
			const struct goal_indicator *in = &y.ind[i];
			if(done[i] || (persp ? !in->perspective || strcmp(persp, in->perspective)
			                     : in->perspective != NULL))
				continue;
			done[i] = true;
			indicator_row(d, in, prev, true);
			prev = in;
			text_or_empty(d, in->baseline);
			if(in->baseline)
				doc_cell_source(d, "indikator %s: utgångsvärde", in->key);
			for(int k = 0; k < 3; k++) {
				char *t = k == 0 ? (in->target ? xstrdup(in->target) : NULL)
				                 : target_of(s, in->key, year + k);
				text_or_empty(d, t);
				if(t)
					doc_cell_source(d, "indikator %s: målvärde %d", in->key, year + k);
				free(t);
			}
		}
		doc_table_end(d);
	}
	free(done);
	for(int k = 0; k < 3; k++)
		strbuf_release(&h[k]);
	goal_year_release(&y);
	return STYR_OK;
}
