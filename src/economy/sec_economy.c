/*
** sec_economy.c — the economy sections of the reports, written once for
** every report type: the operating account (driftredovisning/-budget),
** the investment tables, the capital costs of an investment budget and
** the split of a year's result among the members. Data: economy/economy.h.
**
** Columns follow the figures the occasion holds (a prognosis has budget,
** outcome, forecast and deviation; a plan budget, last year's budget and
** change), so each table comes out in the shape of its document. Figures
** styr computes (deviations, changes, sums, percent used, capital costs,
** split parts) are shown computed; each cell's source says what it is
** computed from and, where the document states another figure, that one.
** The detailed view `styr economy` asks for (ECONOMY_DOC_DETAIL) adds the
** computed columns the document leaves out and lists those figures under
** the table.
*/
#include "economy/economy_doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "economy/economy_rules.h"
#include "economy/economy.h"

static void tkr_text(struct strbuf *sb, money_t ore)
{
	fmt_int_sv(sb, money_to_tkr(ore));
}

/* A table being drawn: the occasion its cells' sources name and, in the
** detailed view (ECONOMY_DOC_DETAIL), the remarks listed under it — the
** figures the data states where they differ from what styr shows, which
** the reports keep in the cells' sources only. */
struct tab {
	struct doc *d;
	const char *occ;        /* occasion key; NULL for a year's table */
	bool detail;
	char **remarks;
	size_t nremarks, alloc;
	const char *prefix;     /* names of its figures ("drift", "invest"); NULL for none */
};

/* The column of a figure by what its cell holds ("summa utfall" ->
** "utfall"), for the figure names narrative text refers to (doc.h). */
static const char *figure_column(const struct tab *t, const char *what)
{
	if(strstr(what, "föregående"))
		return "budget-fg";
	if(strstr(what, "förändring"))
		return "forandring";
	if(strstr(what, "återstår"))
		return "aterstar";
	if(strstr(what, "avvikelse = budget − prognos"))
		return t->prefix && !strcmp(t->prefix, "invest") ? "avvikelse-prognos" : "avvikelse";
	if(strstr(what, "avvikelse"))
		return "avvikelse";
	if(strstr(what, "prognos"))
		return "prognos";
	if(strstr(what, "utfall"))
		return "utfall";
	return "budget";
}

static void remark(struct tab *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void remark(struct tab *t, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	if(!t->detail)
		return;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	ALLOC_GROW(t->remarks, t->nremarks, t->alloc);
	t->remarks[t->nremarks++] = strbuf_detach(&sb);
}

/* After doc_table_end: the remarks as a list under the table. */
static void remarks_end(struct tab *t)
{
	if(t->nremarks) {
		doc_para(t->d, "Skillnader mot dokumentet:");
		doc_list_begin(t->d, false);
		for(size_t i = 0; i < t->nremarks; i++)
			doc_list_item(t->d, t->remarks[i]);
	}
	for(size_t i = 0; i < t->nremarks; i++)
		free(t->remarks[i]);
	free(t->remarks);
	t->remarks = NULL;
	t->nremarks = t->alloc = 0;
}

/* Where the data states `stated` for `what` of `row` and styr shows
** `shown`, and the two differ in whole tkr: add "; dokumentet anger
** <stated>" to the source src and a remark to t. */
static void stated_tkr(struct tab *t, struct strbuf *src, const char *row,
                       const char *what, money_t shown, money_t stated)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	if(money_to_tkr(stated) == money_to_tkr(shown))
		return;
	tkr_text(&a, shown);
	tkr_text(&b, stated);
	strbuf_addf(src, "; dokumentet anger %s", b.buf);
	remark(t, "%s, %s: %s; dokumentet anger %s", row, what, a.buf, b.buf);
	strbuf_release(&a);
	strbuf_release(&b);
}

/* A tkr cell with its source; `stated` (when has_stated) is named if it
** differs from the value shown. */
static void tkr_cell(struct tab *t, money_t v, const char *what, const char *row,
                     bool has_stated, money_t stated)
{
	struct strbuf sb = STRBUF_INIT;
	doc_cell_tkr(t->d, v);
	strbuf_addf(&sb, "%s, %s (%s)", row, what, t->occ);
	if(has_stated)
		stated_tkr(t, &sb, row, what, v, stated);
	doc_cell_source(t->d, "%s", sb.buf);
	if(t->prefix) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s, %s", row, what);
		doc_figure_last_cell(t->d, t->prefix, row, figure_column(t, what), sb.buf);
	}
	strbuf_release(&sb);
}

static int cmp_pos(const void *a, const void *b)
{
	const struct econ_drift_row *x = *(const struct econ_drift_row *const *)a;
	const struct econ_drift_row *y = *(const struct econ_drift_row *const *)b;
	return (x->position > y->position) - (x->position < y->position);
}

static void outcome_label(struct strbuf *sb, const struct occasion *o)
{
	if(o->kind == OCC_ARSREDOVISNING || !o->date.year)
		strbuf_addf(sb, "Utfall %d", o->year);
	else
		strbuf_addf(sb, "Utfall %02d%02d%02d", o->date.year % 100, o->date.month, o->date.day);
}

/* A bar chart of the cost lines: budget against outcome (or forecast,
** or last year's budget in a plan), in whole tkr. Revenue lines are left
** out: their negative sign would dwarf the costs. */
static void drift_chart(struct doc *d, const struct econ_drift *dr, const struct occasion *o,
                        unsigned have)
{
	size_t n = 0;
	for(size_t i = 0; i < dr->nlines; i++)
		if(dr->lines[i].kind == ECON_KIND_COST)
			n++;
	if(n < 2 || !(have & ECON_BUDGET))
		return;
	const char **labels = xcalloc(n, sizeof(char *));
	int64_t *budget = xcalloc(n, sizeof(int64_t)), *other = xcalloc(n, sizeof(int64_t));
	bool *have_other = xcalloc(n, sizeof(bool));
	unsigned which = (have & ECON_FORECAST) ? ECON_FORECAST :
	                 (have & ECON_OUTCOME) ? ECON_OUTCOME :
	                 (have & ECON_BUDGET_PREV) ? ECON_BUDGET_PREV : 0;
	size_t k = 0;
	for(size_t i = 0; i < dr->nlines; i++) {
		const struct econ_drift_row *r = &dr->lines[i];
		if(r->kind != ECON_KIND_COST)
			continue;
		labels[k] = r->name;
		budget[k] = money_to_tkr(r->f.budget);
		money_t v = which == ECON_FORECAST ? r->f.forecast :
		            which == ECON_OUTCOME ? r->f.outcome : r->f.budget_prev;
		other[k] = money_to_tkr(v);
		have_other[k] = (r->f.have & which) != 0;
		k++;
	}
	struct strbuf sb = STRBUF_INIT, name = STRBUF_INIT;
	const char *what = which == ECON_FORECAST ? "årsprognos" :
	                   which == ECON_OUTCOME ? "utfall" : "föregående års budget";
	if(which)
		strbuf_addf(&sb, "Kostnader: budget och %s per rad (tkr)", what);
	else   /* a plan without last year's budget: the budget alone */
		strbuf_addstr(&sb, "Kostnader: budget per rad (tkr)");
	doc_chart_begin(d, DOC_CHART_BAR, sb.buf, "tkr", 0, labels, n);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "driftredovisning, rapporttillfälle %s: kostnadsraderna", o->key);
	doc_chart_source(d, sb.buf);
	doc_chart_series(d, "Budget", budget, NULL);
	if(which == ECON_OUTCOME)
		outcome_label(&name, o);
	else
		strbuf_addstr(&name, which == ECON_FORECAST ? "Årsprognos" : "Budget föregående år");
	if(which)
		doc_chart_series(d, name.buf, other, have_other);
	strbuf_release(&sb);
	strbuf_release(&name);
	free(labels);
	free(budget);
	free(other);
	free(have_other);
}

enum styr_rc economy_doc_drift_with(struct doc *d, struct store *s, const struct occasion *o,
                                    const char *caption, const char *first_col,
                                    unsigned flags, bool *found, struct styr_error *err)
{
	struct econ_drift dr;
	enum styr_rc rc = econ_drift_get(s, o, &dr, err);

	*found = false;
	if(rc == STYR_ENOTFOUND)
		return STYR_OK;
	if(rc)
		return rc;
	*found = true;
	unsigned have = 0;
	for(size_t i = 0; i < dr.nlines; i++)
		have |= dr.lines[i].f.have;
	bool plan = o->kind == OCC_MER_PLAN;
	bool year_labels = plan || o->kind == OCC_ARSREDOVISNING;
	bool dev = !plan && (have & (ECON_OUTCOME | ECON_FORECAST));
	bool change = (have & ECON_BUDGET_PREV) != 0;
	const char *hdr[8];
	char *own[8] = { 0 };
	size_t nc = 0;
	struct strbuf sb = STRBUF_INIT;
	struct tab t = { d, o->key, (flags & ECONOMY_DOC_DETAIL) != 0, NULL, 0, 0, "drift" };

	hdr[nc++] = first_col;
	if(have & ECON_BUDGET) {
		strbuf_reset(&sb);
		if(year_labels)
			strbuf_addf(&sb, "Budget %d", o->year);
		else
			strbuf_addstr(&sb, "Budget");
		hdr[nc] = own[nc] = xstrdup(sb.buf);
		nc++;
	}
	if(have & ECON_BUDGET_PREV) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "Budget %d", o->year - 1);
		hdr[nc] = own[nc] = xstrdup(sb.buf);
		nc++;
	}
	if(have & ECON_OUTCOME) {
		strbuf_reset(&sb);
		outcome_label(&sb, o);
		hdr[nc] = own[nc] = xstrdup(sb.buf);
		nc++;
	}
	if(have & ECON_FORECAST)
		hdr[nc++] = "Årsprognos";
	if(change)
		hdr[nc++] = "Förändring";
	if(dev)
		hdr[nc++] = "Avvikelse";

	doc_table_begin(d, caption, nc);
	doc_table_sheet(d, caption);
	doc_table_note(d, plan && change ? "Belopp i tkr. Intäkter negativa, kostnader positiva; "
	                                   "förändring = budget − föregående års budget."
	                 : plan ? "Belopp i tkr. Intäkter negativa, kostnader positiva."
	                        : "Belopp i tkr. Intäkter negativa, kostnader positiva; "
	                          "avvikelse = budget − utfall/prognos.");
	strbuf_reset(&sb);
	strbuf_addf(&sb, "driftredovisning, rapporttillfälle %s", o->key);
	doc_table_source(d, sb.buf);
	doc_header_row(d, hdr);

	size_t n = dr.nlines + dr.ntotals;
	const struct econ_drift_row **rows = xcalloc(n ? n : 1, sizeof(*rows));
	for(size_t i = 0; i < dr.nlines; i++)
		rows[i] = &dr.lines[i];
	for(size_t i = 0; i < dr.ntotals; i++)
		rows[dr.nlines + i] = &dr.totals[i];
	qsort(rows, n, sizeof(*rows), cmp_pos);
	for(size_t i = 0; i < n; i++) {
		const struct econ_drift_row *r = rows[i];
		bool total = r >= dr.totals && r < dr.totals + dr.ntotals;
		struct econ_figures f = r->f;
		if(total) {
			econ_drift_sum(&dr, r->kind, &f);
			f.stated_deviation = r->f.stated_deviation;
		}
		doc_row_begin(d, total ? DOC_ROW_TOTAL : 0);
		doc_cell_text(d, r->name);
		if(have & ECON_BUDGET) {
			if(f.have & ECON_BUDGET || total)
				tkr_cell(&t, f.budget, total ? "summa budget" : "budget", r->name,
				         total && (r->f.have & ECON_BUDGET), r->f.budget);
			else
				doc_cell_empty(d);
		}
		if(have & ECON_BUDGET_PREV) {
			if(f.have & ECON_BUDGET_PREV || total)
				tkr_cell(&t, f.budget_prev, "budget föregående år", r->name,
				         total && (r->f.have & ECON_BUDGET_PREV), r->f.budget_prev);
			else
				doc_cell_empty(d);
		}
		if(have & ECON_OUTCOME) {
			if(f.have & ECON_OUTCOME || total)
				tkr_cell(&t, f.outcome, total ? "summa utfall" : "utfall enligt huvudbok",
				         r->name, total && (r->f.have & ECON_OUTCOME), r->f.outcome);
			else
				doc_cell_empty(d);
		}
		if(have & ECON_FORECAST) {
			if(f.have & ECON_FORECAST || total)
				tkr_cell(&t, f.forecast, total ? "summa prognos" : "årsprognos", r->name,
				         total && (r->f.have & ECON_FORECAST), r->f.forecast);
			else
				doc_cell_empty(d);
		}
		if(change) {
			tkr_cell(&t, f.budget - f.budget_prev,
			         "förändring = budget − föregående års budget", r->name,
			         (r->f.have & ECON_CHANGE) != 0, r->f.stated_change);
		}
		if(dev) {
			money_t v;
			if(econ_row_deviation(&f, &v))
				tkr_cell(&t, v, (f.have & ECON_FORECAST) ? "avvikelse = budget − prognos"
				                                        : "avvikelse = budget − utfall",
				         r->name, (r->f.have & ECON_DEVIATION) != 0, r->f.stated_deviation);
			else
				doc_cell_empty(d);
		}
	}
	doc_table_end(d);
	remarks_end(&t);
	/* the net result (the last total row) is also "resultat" */
	for(size_t i = n; i-- > 0;)
		if(rows[i] >= dr.totals && rows[i] < dr.totals + dr.ntotals) {
			static const char *const cols[] = { "budget", "budget-fg", "utfall", "prognos",
			                                    "forandring", "avvikelse" };
			for(size_t k = 0; k < sizeof(cols) / sizeof(cols[0]); k++) {
				struct strbuf from = STRBUF_INIT, to = STRBUF_INIT;
				strbuf_addstr(&from, "drift.");
				doc_figure_key(&from, rows[i]->name);
				strbuf_addf(&from, ".%s", cols[k]);
				strbuf_addf(&to, "resultat.%s", cols[k]);
				doc_figure_alias(d, to.buf, from.buf);
				strbuf_release(&from);
				strbuf_release(&to);
			}
			break;
		}
	drift_chart(d, &dr, o, have);
	free(rows);
	for(size_t i = 0; i < nc; i++)
		free(own[i]);
	strbuf_release(&sb);
	econ_drift_release(&dr);
	return STYR_OK;
}

enum styr_rc economy_doc_drift(struct doc *d, struct store *s, const struct occasion *o,
                               const char *caption, const char *first_col,
                               bool *found, struct styr_error *err)
{
	return economy_doc_drift_with(d, s, o, caption, first_col, 0, found, err);
}

/* The percent-used cell of an investment row: outcome / budget, with the
** percent the data states named in its source (and in a remark when it
** differs). */
static void percent_cell(struct tab *t, const char *name, const struct econ_figures *f,
                         const char *stated)
{
	struct sv_number n;
	struct styr_error e;
	int64_t pct, p2;
	if(!(f->have & ECON_BUDGET) || !(f->have & ECON_OUTCOME) ||
	   !econ_percent_used(f->outcome, f->budget, 1, &pct)) {
		doc_cell_empty(t->d);
		return;
	}
	doc_cell_decimal(t->d, pct, 1, NULL);
	doc_cell_source(t->d, "%s: utfall / budget × 100 (%s)%s%s", name, t->occ,
	                stated && *stated ? "; dokumentet anger " : "",
	                stated && *stated ? stated : "");
	styr_error_init(&e);
	if(stated && *stated && !sv_number_parse(stated, &n, &e) &&
	   econ_percent_used(f->outcome, f->budget, n.decimals, &p2) && p2 != n.value) {
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
		fmt_decimal_sv(&a, pct, 1);
		fmt_decimal_sv(&b, n.value, n.decimals);
		remark(t, "%s, procent förbrukning: %s; dokumentet anger %s", name, a.buf, b.buf);
		strbuf_release(&a);
		strbuf_release(&b);
	}
}

/* The investment table of one programme ("" for the main table). Its
** columns follow the figures its rows hold: budget, outcome, deviation
** (where the document states one or has no forecast), percent used (where
** the document states one), forecast and its deviation, and what remains
** of a frame. The detailed view always has deviation and percent used
** when there are budget and outcome. */
static void invest_table(struct doc *d, const struct econ_invest *v, const char *programme,
                         const char *caption, unsigned flags)
{
	unsigned have = 0;
	bool stated_percent = false;
	const struct occasion *o = &v->occ;
	struct strbuf sb = STRBUF_INIT;
	const char *hdr[8];
	char *own = NULL;
	size_t nc = 0;
	struct tab t = { d, o->key, (flags & ECONOMY_DOC_DETAIL) != 0, NULL, 0, 0, *programme ? programme : "invest" };

	for(size_t i = 0; i < v->nrows; i++) {
		if(strcmp(v->rows[i].programme, programme))
			continue;
		have |= v->rows[i].f.have;
		if(v->rows[i].stated_percent[0])
			stated_percent = true;
	}
	bool budget = (have & ECON_BUDGET) != 0;
	bool outcome = (have & ECON_OUTCOME) != 0;
	bool forecast = (have & ECON_FORECAST) != 0;
	bool dev = budget && outcome && ((have & ECON_DEVIATION) || !forecast || t.detail);
	bool percent = budget && outcome && (stated_percent || t.detail);
	bool remaining = (have & ECON_REMAINING) != 0;
	hdr[nc++] = "Projekt";
	if(budget && o->kind == OCC_ARSREDOVISNING) {
		strbuf_addf(&sb, "Budget %d", o->year);
		hdr[nc++] = own = xstrdup(sb.buf);
	} else if(budget) {
		hdr[nc++] = "Budget";
	}
	strbuf_reset(&sb);
	outcome_label(&sb, o);
	char *outl = xstrdup(sb.buf);
	if(outcome)
		hdr[nc++] = outl;
	if(dev)
		hdr[nc++] = "Avvikelse";
	if(percent)
		hdr[nc++] = "Procent förbrukning";
	if(forecast) {
		hdr[nc++] = "Prognos helår";
		if(budget)
			hdr[nc++] = dev ? "Avvikelse prognos" : "Avvikelse";
	}
	if(remaining)
		hdr[nc++] = "Återstår";
	doc_table_begin(d, caption, nc);
	doc_table_sheet(d, caption);
	doc_table_note(d, percent ? "Belopp i tkr. Procent förbrukning = utfall / budget × 100; "
	                            "summaradens procent räknas på summorna." : "Belopp i tkr.");
	strbuf_reset(&sb);
	strbuf_addf(&sb, "investeringsredovisning, rapporttillfälle %s", o->key);
	doc_table_source(d, sb.buf);
	doc_header_row(d, hdr);
	for(size_t i = 0; i <= v->nrows; i++) {
		const struct econ_invest_row *r = NULL;
		struct econ_figures f;
		bool total = i == v->nrows;
		const char *name = "Summa";
		if(!total) {
			r = &v->rows[i];
			if(strcmp(r->programme, programme))
				continue;
			f = r->f;
			name = r->name;
		} else {
			econ_invest_sum(v, programme, &f);
			for(size_t k = 0; k < v->ntotals; k++)
				if(!strcmp(v->totals[k].programme, programme)) {
					r = &v->totals[k];
					if(r->name[0])
						name = r->name;
				}
		}
		bool bo = (f.have & ECON_BUDGET) && (f.have & ECON_OUTCOME);
		bool bf = (f.have & ECON_BUDGET) && (f.have & ECON_FORECAST);
		doc_row_begin(d, total ? DOC_ROW_TOTAL : 0);
		doc_cell_text(d, name);
		if(budget && (f.have & ECON_BUDGET))
			tkr_cell(&t, f.budget, total ? "summa budget" : "budget", name,
			         total && r && (r->f.have & ECON_BUDGET), r ? r->f.budget : 0);
		else if(budget)
			doc_cell_empty(d);
		if(outcome && (f.have & ECON_OUTCOME))
			tkr_cell(&t, f.outcome, total ? "summa utfall" : "utfall enligt huvudbok", name,
			         total && r && (r->f.have & ECON_OUTCOME), r ? r->f.outcome : 0);
		else if(outcome)
			doc_cell_empty(d);
		if(dev && bo)
			tkr_cell(&t, f.budget - f.outcome, "avvikelse = budget − utfall", name,
			         r && (r->f.have & ECON_DEVIATION), r ? r->f.stated_deviation : 0);
		else if(dev)
			doc_cell_empty(d);
		if(percent)
			percent_cell(&t, name, &f, r ? r->stated_percent : NULL);
		if(forecast && (f.have & ECON_FORECAST))
			tkr_cell(&t, f.forecast, total ? "summa prognos" : "prognos helår", name,
			         total && r && (r->f.have & ECON_FORECAST), r ? r->f.forecast : 0);
		else if(forecast)
			doc_cell_empty(d);
		if(forecast && budget && bf)
			tkr_cell(&t, f.budget - f.forecast, "avvikelse = budget − prognos", name,
			         r && (r->f.have & ECON_FORECAST_DEVIATION),
			         r ? r->f.stated_forecast_deviation : 0);
		else if(forecast && budget)
			doc_cell_empty(d);
		if(remaining && !total && (r->f.have & ECON_REMAINING))
			tkr_cell(&t, r->f.remaining, "återstår av ramen", name, false, 0);
		else if(remaining)
			doc_cell_empty(d);
	}
	doc_table_end(d);
	remarks_end(&t);
	free(own);
	free(outl);
	strbuf_release(&sb);
}

enum styr_rc economy_doc_invest_with(struct doc *d, struct store *s, const struct occasion *o,
                                     const char *caption, unsigned flags, bool *found,
                                     struct styr_error *err)
{
	struct econ_invest v;
	enum styr_rc rc = econ_invest_get(s, o, &v, err);

	*found = false;
	if(rc == STYR_ENOTFOUND)
		return STYR_OK;
	if(rc)
		return rc;
	*found = v.nrows > 0;
	if(*found)
		invest_table(d, &v, "", caption, flags);
	/* further programmes (e.g. a network project) as tables of their own */
	for(size_t i = 0; i < v.nrows; i++) {
		const char *p = v.rows[i].programme;
		bool seen = !*p;
		for(size_t k = 0; k < i && !seen; k++)
			seen = !strcmp(v.rows[k].programme, p);
		if(!seen)
			invest_table(d, &v, p, p, flags);
	}
	econ_invest_release(&v);
	return STYR_OK;
}

enum styr_rc economy_doc_invest(struct doc *d, struct store *s, const struct occasion *o,
                                const char *caption, bool *found, struct styr_error *err)
{
	return economy_doc_invest_with(d, s, o, caption, 0, found, err);
}

/* A capital cost, or the range of costs "394–519" when it is not known. */
static void cost_range(struct strbuf *sb, money_t lo, money_t hi)
{
	tkr_text(sb, lo);
	if(money_to_tkr(lo) != money_to_tkr(hi)) {
		strbuf_addstr(sb, "–");
		tkr_text(sb, hi);
	}
}

enum styr_rc economy_doc_capital_with(struct doc *d, struct store *s, int year,
                                      unsigned flags, bool *found, struct styr_error *err)
{
	struct econ_capital c;
	struct strbuf sb = STRBUF_INIT, stated = STRBUF_INIT;
	struct tab t = { d, NULL, (flags & ECONOMY_DOC_DETAIL) != 0, NULL, 0, 0 };
	enum styr_rc rc = econ_capital_get(s, year, &c, err);

	*found = false;
	if(rc == STYR_ENOTFOUND)
		return STYR_OK;
	if(rc)
		return rc;
	*found = true;
	strbuf_addf(&sb, "Investeringsbudget %d", year);
	doc_table_begin(d, sb.buf, 5);
	doc_table_sheet(d, sb.buf);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "Belopp i tkr. Kapitalkostnaden avser halvårseffekt: aktivering månad %d, "
	            "linjär avskrivning och ränta på hela beloppet för resten av året.",
	            c.activation_month);
	doc_table_note(d, sb.buf);
	doc_table_source(d, "kapitalkostnadsparametrar och investeringsprojekt i budgeten");
	const char *hdr[] = { "Investeringar", "Investeringsutgift", "Kapitalkostnad",
	                      "Avskrivning", "Ränta" };
	doc_header_row(d, hdr);
	money_t sum_amount = 0, sum_cost = 0;
	money_t sum_min = 0, sum_max = 0;    /* the total's range as shown */
	money_t comp_min = 0, comp_max = 0;  /* ... and as computed alone */
	bool all_shown = true;
	for(size_t i = 0; i < c.nrows; i++) {
		const struct econ_capital_row *r = &c.rows[i];
		/* the cost is computed when there is one life or the split
		** between two is known; otherwise the document's figure is shown */
		bool exact = !r->other_life_years || r->split_known;
		bool shown = exact || r->has_stated;
		money_t cost = exact ? r->cost : r->stated_cost;
		struct strbuf range = STRBUF_INIT;
		cost_range(&range, r->cost_min, r->cost_max);
		doc_row_begin(d, 0);
		doc_cell_text(d, r->name);
		doc_cell_tkr(d, r->amount);
		doc_cell_source(d, "%s: investeringsutgift %d", r->name, year);
		if(shown)
			doc_cell_tkr(d, cost);
		else
			doc_cell_text(d, range.buf);
		strbuf_reset(&sb);
		if(exact) {
			strbuf_addf(&sb, "%s: beräknad, %d mån avskrivning och ränta %s %%", r->name,
			            13 - c.activation_month, c.rate);
			if(r->has_stated)
				stated_tkr(&t, &sb, r->name, "kapitalkostnad", r->cost, r->stated_cost);
		} else {
			strbuf_addf(&sb, "%s: %s; fördelningen mellan livslängderna saknas, "
			            "beräkningen ger mellan ", r->name,
			            r->has_stated ? "enligt dokumentet" : "dokumentet anger ingen");
			tkr_text(&sb, r->cost_min);
			strbuf_addstr(&sb, " och ");
			tkr_text(&sb, r->cost_max);
			strbuf_reset(&stated);
			if(r->has_stated)
				tkr_text(&stated, r->stated_cost);
			remark(&t, "%s, kapitalkostnad: %s%s; fördelningen mellan livslängderna "
			       "saknas, beräkningen ger %s", r->name, stated.buf,
			       r->has_stated ? " enligt dokumentet" : "dokumentet anger ingen",
			       range.buf);
		}
		doc_cell_source(d, "%s", sb.buf);
		strbuf_release(&range);
		if(r->other_life_years)
			doc_cell_textf(d, "%d och %d ÅR",
			               r->other_life_years < r->life_years ? r->other_life_years : r->life_years,
			               r->other_life_years < r->life_years ? r->life_years : r->other_life_years);
		else
			doc_cell_textf(d, "%d ÅR", r->life_years);
		doc_cell_percent(d, c.rate_e2, 2);
		sum_amount += r->amount;
		sum_cost += cost;
		sum_min += shown ? cost : r->cost_min;
		sum_max += shown ? cost : r->cost_max;
		comp_min += r->cost_min;
		comp_max += r->cost_max;
		all_shown &= shown;
	}
	doc_row_begin(d, DOC_ROW_TOTAL);
	doc_cell_text(d, "TOTALT");
	doc_cell_tkr(d, sum_amount);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "summa investeringsutgift");
	if(c.have & ECON_BUDGET)
		stated_tkr(&t, &sb, "TOTALT", "investeringsutgift", sum_amount, c.stated_total_amount);
	doc_cell_source(d, "%s", sb.buf);
	strbuf_reset(&sb);
	if(all_shown) {
		doc_cell_tkr(d, sum_cost);
		strbuf_addstr(&sb, "summa kapitalkostnad");
		if(c.have & ECON_OUTCOME)
			stated_tkr(&t, &sb, "TOTALT", "kapitalkostnad", sum_cost, c.stated_total_cost);
		doc_cell_source(d, "%s", sb.buf);
	} else {
		cost_range(&sb, sum_min, sum_max);
		doc_cell_text(d, sb.buf);
	}
	if(money_to_tkr(comp_min) != money_to_tkr(comp_max)) {
		strbuf_reset(&sb);
		cost_range(&sb, comp_min, comp_max);
		remark(&t, "TOTALT, kapitalkostnad: beräkningen ger %s", sb.buf);
	}
	doc_cell_text(d, "-");
	doc_cell_percent(d, c.rate_e2, 2);
	doc_table_end(d);
	remarks_end(&t);
	strbuf_release(&sb);
	strbuf_release(&stated);
	econ_capital_release(&c);
	return STYR_OK;
}

enum styr_rc economy_doc_capital(struct doc *d, struct store *s, int year,
                                 bool *found, struct styr_error *err)
{
	return economy_doc_capital_with(d, s, year, 0, found, err);
}

enum styr_rc economy_doc_split_with(struct doc *d, struct store *s, int year,
                                    unsigned flags, bool *found, struct styr_error *err)
{
	struct econ_split sp;
	struct strbuf sb = STRBUF_INIT;
	struct tab t = { d, NULL, (flags & ECONOMY_DOC_DETAIL) != 0, NULL, 0, 0 };
	char iso[11];
	enum styr_rc rc = econ_split_get(s, year, &sp, err);

	*found = false;
	if(rc == STYR_ENOTFOUND)
		return STYR_OK;
	if(rc)
		return rc;
	*found = true;
	date_format_iso(sp.key_date, iso);
	strbuf_addf(&sb, "Fördelning av årets resultat %d", year);
	doc_table_begin(d, sb.buf, 3);
	doc_table_sheet(d, "Fördelning");
	strbuf_reset(&sb);
	strbuf_addf(&sb, "Resultatet ");
	tkr_text(&sb, sp.amount);
	strbuf_addstr(&sb, " tkr fördelat ");
	/* what the key is, said in the report: the population's date too */
	struct strbuf head = STRBUF_INIT;
	switch(sp.key) {
	case SPLIT_POPULATION:
		strbuf_addf(&sb, "efter invånarantal %s%s", iso,
		            sp.key_date_default ? " (31 december två år före räkenskapsåret)" : "");
		strbuf_addf(&head, "Invånare %s", iso);
		break;
	case SPLIT_SHARES:
		strbuf_addstr(&sb, "efter fasta andelar");
		strbuf_addstr(&head, "Andel %");
		break;
	default:
		strbuf_addf(&sb, "efter %s", sp.key_name ? sp.key_name : "fördelningsnyckel");
		if(sp.key_name) {
			strbuf_addstr(&head, sp.key_name);
			if(head.buf[0] >= 'a' && head.buf[0] <= 'z')
				head.buf[0] = (char)(head.buf[0] - 'a' + 'A');
		} else {
			strbuf_addstr(&head, "Fördelningsnyckel");
		}
		break;
	}
	strbuf_addstr(&sb, ", i hela tkr så att delarna summerar exakt (största rest).");
	doc_table_note(d, sb.buf);
	doc_table_source(d, sp.key == SPLIT_POPULATION ? "resultatfördelning och folkmängd (SCB)"
	                                               : "resultatfördelning och fördelningsnyckel");
	const char *hdr[] = { "Kommun", head.buf, "Andel tkr" };
	doc_header_row(d, hdr);
	int64_t pop = 0, sum = 0;
	for(size_t i = 0; i < sp.nparts; i++) {
		const struct econ_split_part *p = &sp.parts[i];
		doc_row_begin(d, 0);
		doc_cell_text(d, p->name);
		if(sp.key == SPLIT_POPULATION) {
			doc_cell_int(d, p->population, NULL);
			doc_cell_source(d, "folkmängd %s %s (SCB)", p->name, iso);
			pop += p->population;
		} else {
			struct sv_number n;
			struct styr_error e;
			if(!sv_number_parse(p->key, &n, &e))   /* checked by econ_split_get */
				doc_cell_decimal(d, n.value, n.decimals, NULL);
			else
				doc_cell_text(d, p->key);
			doc_cell_source(d, "fördelningsnyckel %s %d", p->name, year);
		}
		doc_cell_tkr(d, money_from_tkr(p->tkr));
		struct strbuf src = STRBUF_INIT;
		strbuf_addf(&src, "%s: andel av resultatet efter %s", p->name,
		            sp.key == SPLIT_POPULATION ? "invånarantal"
		            : sp.key == SPLIT_SHARES ? "fast andel"
		            : sp.key_name ? sp.key_name : "fördelningsnyckel");
		if(p->has_stated)
			stated_tkr(&t, &src, p->name, "andel", money_from_tkr(p->tkr), p->stated);
		doc_cell_source(d, "%s", src.buf);
		strbuf_release(&src);
		strbuf_addf(&src, "%s, andel av resultatet", p->name);
		doc_figure_last_cell(d, "fordelning", p->name, "andel", src.buf);
		strbuf_release(&src);
		sum += p->tkr;
	}
	strbuf_release(&head);
	doc_row_begin(d, DOC_ROW_TOTAL);
	doc_cell_text(d, "Summa");
	if(sp.key == SPLIT_POPULATION)
		doc_cell_int(d, pop, NULL);
	else if(sp.key == SPLIT_SHARES)
		doc_cell_int(d, 100, NULL);
	else
		doc_cell_empty(d);
	doc_cell_tkr(d, money_from_tkr(sum));
	doc_figure_last_cell(d, "fordelning", "summa", "andel", "Summa, resultat att fördela");
	doc_table_end(d);
	remarks_end(&t);
	strbuf_release(&sb);
	econ_split_release(&sp);
	return STYR_OK;
}

enum styr_rc economy_doc_split(struct doc *d, struct store *s, int year, bool *found,
                               struct styr_error *err)
{
	return economy_doc_split_with(d, s, year, 0, found, err);
}
