/*
** doc.c — building and freeing the document model (see doc.h), and the
** one place where a typed cell becomes its Swedish text.
*/
#include "doc/doc.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/money.h"

const char *doc_verdict_text(enum doc_verdict v)
{
	switch(v) {
	case DOC_VERDICT_MET:     return "Uppnådd";
	case DOC_VERDICT_PARTLY:  return "Delvis uppnådd";
	case DOC_VERDICT_NOT_MET: return "Ej uppnådd";
	case DOC_VERDICT_NONE:    break;
	}
	return "Saknar värde";
}

/* A scaled value in Swedish form ("12 345,6"). Local until the numbers
** module's fmt_decimal_sv() lands on main. */
static void add_decimal(struct strbuf *sb, int64_t v, int decimals)
{
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t scale = 1;
	for(int i = 0; i < decimals; i++)
		scale *= 10;
	if(v < 0)
		strbuf_addch(sb, '-');
	fmt_int_sv(sb, (int64_t)(a / scale));
	if(decimals > 0)
		strbuf_addf(sb, ",%0*llu", decimals, (unsigned long long)(a % scale));
}

void doc_cell_format(const struct doc_cell *c, struct strbuf *sb)
{
	char iso[11];

	switch(c->type) {
	case DOC_CELL_EMPTY:
		break;
	case DOC_CELL_TEXT:
	case DOC_CELL_VERDICT:
		strbuf_addstr(sb, c->text ? c->text : "");
		break;
	case DOC_CELL_TKR:
		fmt_int_sv(sb, money_to_tkr(c->value));
		break;
	case DOC_CELL_PERCENT:
		add_decimal(sb, c->value, c->decimals);
		strbuf_addstr(sb, " %");
		break;
	case DOC_CELL_DECIMAL:
		add_decimal(sb, c->value, c->decimals);
		break;
	case DOC_CELL_INT:
		fmt_int_sv(sb, c->value);
		break;
	case DOC_CELL_DATE:
		date_format_iso(c->date, iso);
		strbuf_addstr(sb, iso);
		break;
	}
	if(c->unit && (c->type == DOC_CELL_DECIMAL || c->type == DOC_CELL_INT)) {
		strbuf_addch(sb, ' ');
		strbuf_addstr(sb, c->unit);
	}
}

bool doc_cell_is_numeric(const struct doc_cell *c)
{
	return c->type == DOC_CELL_TKR || c->type == DOC_CELL_PERCENT ||
	       c->type == DOC_CELL_DECIMAL || c->type == DOC_CELL_INT;
}

/* ---- allocation helpers --------------------------------------------- */

static void set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = s ? xstrdup(s) : NULL;
}

static char *vfmt(const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_vaddf(&sb, fmt, ap);
	return strbuf_detach(&sb);
}

static struct doc_block *add_block(struct doc *d, enum doc_block_type type)
{
	ALLOC_GROW(d->blocks, d->nblocks, d->alloc);
	struct doc_block *b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof(*b));
	b->type = type;
	return b;
}

static struct doc_block *last_block(struct doc *d, enum doc_block_type type)
{
	assert(d->nblocks > 0 && d->blocks[d->nblocks - 1].type == type);
	return &d->blocks[d->nblocks - 1];
}

/* ---- the document --------------------------------------------------- */

struct doc *doc_new(const char *title)
{
	struct doc *d = xcalloc(1, sizeof(*d));
	d->title = xstrdup(title ? title : "");
	d->language = xstrdup("sv");
	return d;
}

static void free_table(struct doc_table *t)
{
	free(t->caption);
	free(t->sheet);
	free(t->source);
	free(t->note);
	free(t->col_weight);
	for(size_t r = 0; r < t->nrows; r++) {
		for(size_t c = 0; c < t->rows[r].ncells; c++) {
			free(t->rows[r].cells[c].text);
			free(t->rows[r].cells[c].unit);
			free(t->rows[r].cells[c].source);
		}
		free(t->rows[r].cells);
	}
	free(t->rows);
}

static void free_block(struct doc_block *b)
{
	switch(b->type) {
	case DOC_HEADING:
		free(b->u.heading.number);
		free(b->u.heading.text);
		free(b->u.heading.id);
		break;
	case DOC_PARA:
		free(b->u.para);
		break;
	case DOC_LIST:
		for(size_t i = 0; i < b->u.list.nitems; i++)
			free(b->u.list.items[i]);
		free(b->u.list.items);
		break;
	case DOC_DEFLIST:
		for(size_t i = 0; i < b->u.deflist.n; i++) {
			free(b->u.deflist.terms[i]);
			free(b->u.deflist.defs[i]);
		}
		free(b->u.deflist.terms);
		free(b->u.deflist.defs);
		break;
	case DOC_TABLE:
		free_table(&b->u.table);
		break;
	case DOC_CHART:
		free(b->u.chart.title);
		free(b->u.chart.source);
		free(b->u.chart.unit);
		for(size_t i = 0; i < b->u.chart.nlabels; i++)
			free(b->u.chart.labels[i]);
		free(b->u.chart.labels);
		for(size_t i = 0; i < b->u.chart.nseries; i++) {
			free(b->u.chart.series[i].name);
			free(b->u.chart.series[i].values);
			free(b->u.chart.series[i].present);
		}
		free(b->u.chart.series);
		break;
	case DOC_RISKMATRIX:
		free(b->u.matrix.title);
		free(b->u.matrix.source);
		free(b->u.matrix.prob_axis);
		free(b->u.matrix.cons_axis);
		for(int i = 0; i < DOC_RISKMATRIX_MAX; i++) {
			free(b->u.matrix.prob_label[i]);
			free(b->u.matrix.cons_label[i]);
			for(int j = 0; j < DOC_RISKMATRIX_MAX; j++)
				free(b->u.matrix.level[i][j]);
		}
		break;
	case DOC_PAGEBREAK:
		break;
	case DOC_SIGNATURES:
		free(b->u.sig.intro);
		for(size_t i = 0; i < b->u.sig.n; i++) {
			free(b->u.sig.roles[i]);
			free(b->u.sig.names[i]);
		}
		free(b->u.sig.roles);
		free(b->u.sig.names);
		break;
	}
}

void doc_free(struct doc *d)
{
	if(!d)
		return;
	for(size_t i = 0; i < d->nblocks; i++)
		free_block(&d->blocks[i]);
	free(d->blocks);
	free(d->title);
	free(d->subtitle);
	free(d->committee);
	free(d->language);
	free(d->header);
	free(d->footer);
	free(d->org);
	free(d->logo);
	for(size_t i = 0; i < d->nsign_boxes; i++)
		free(d->sign_boxes[i]);
	for(size_t i = 0; i < d->natt; i++) {
		free(d->att[i].title);
		free(d->att[i].path);
		free(d->att[i].report);
	}
	free(d->att);
	for(size_t i = 0; i < d->nfig; i++) {
		free(d->fig[i].name);
		free(d->fig[i].label);
		free(d->fig[i].cell.unit);
	}
	free(d->fig);
	free(d);
}

void doc_set_subtitle(struct doc *d, const char *s) { set_str(&d->subtitle, s); }
void doc_set_committee(struct doc *d, const char *s) { set_str(&d->committee, s); }
void doc_set_date(struct doc *d, struct date date) { d->date = date; }

void doc_set_page_text(struct doc *d, const char *header, const char *footer)
{
	set_str(&d->header, header);
	set_str(&d->footer, footer);
}

/* ---- text blocks ---------------------------------------------------- */

struct doc_heading *doc_heading(struct doc *d, int level, const char *text)
{
	struct strbuf num = STRBUF_INIT, id = STRBUF_INIT;

	assert(level >= 1 && level <= 3);
	d->heading_no[level - 1]++;
	for(int i = level; i < 3; i++)
		d->heading_no[i] = 0;
	strbuf_addstr(&id, "h");
	for(int i = 0; i < level; i++) {
		strbuf_addf(&num, i ? ".%d" : "%d", d->heading_no[i]);
		strbuf_addf(&id, "-%d", d->heading_no[i]);
	}
	struct doc_heading *h = &add_block(d, DOC_HEADING)->u.heading;
	h->level = level;
	h->number = strbuf_detach(&num);
	h->text = xstrdup(text);
	h->id = strbuf_detach(&id);
	return h;
}

struct doc_heading *doc_heading_plain(struct doc *d, int level, const char *text)
{
	struct strbuf id = STRBUF_INIT;

	assert(level >= 1 && level <= 3);
	strbuf_addf(&id, "h-u%d", ++d->unnumbered);
	struct doc_heading *h = &add_block(d, DOC_HEADING)->u.heading;
	h->level = level;
	h->text = xstrdup(text);
	h->id = strbuf_detach(&id);
	return h;
}

void doc_para(struct doc *d, const char *text)
{
	add_block(d, DOC_PARA)->u.para = xstrdup(text);
}

void doc_paraf(struct doc *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vfmt(fmt, ap);
	va_end(ap);
	add_block(d, DOC_PARA)->u.para = s;
}

void doc_list_begin(struct doc *d, bool ordered)
{
	add_block(d, DOC_LIST)->u.list.ordered = ordered;
}

void doc_list_item(struct doc *d, const char *text)
{
	struct doc_list *l = &last_block(d, DOC_LIST)->u.list;
	ALLOC_GROW(l->items, l->nitems, l->alloc);
	l->items[l->nitems++] = xstrdup(text);
}

void doc_deflist_begin(struct doc *d)
{
	add_block(d, DOC_DEFLIST);
}

void doc_deflist_item(struct doc *d, const char *term, const char *def)
{
	struct doc_deflist *l = &last_block(d, DOC_DEFLIST)->u.deflist;
	if(l->n + 1 > l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 8;
		l->terms = xrealloc(l->terms, l->alloc * sizeof(char *));
		l->defs = xrealloc(l->defs, l->alloc * sizeof(char *));
	}
	l->terms[l->n] = xstrdup(term);
	l->defs[l->n] = xstrdup(def ? def : "");
	l->n++;
}

void doc_pagebreak(struct doc *d)
{
	add_block(d, DOC_PAGEBREAK);
}

void doc_signatures_begin(struct doc *d, const char *intro)
{
	struct doc_signatures *g = &add_block(d, DOC_SIGNATURES)->u.sig;
	g->intro = intro ? xstrdup(intro) : NULL;
}

void doc_signature(struct doc *d, const char *role, const char *name)
{
	struct doc_signatures *g = &last_block(d, DOC_SIGNATURES)->u.sig;
	if(g->n + 1 > g->alloc) {
		g->alloc = g->alloc ? 2 * g->alloc : 4;
		g->roles = xrealloc(g->roles, g->alloc * sizeof(char *));
		g->names = xrealloc(g->names, g->alloc * sizeof(char *));
	}
	g->roles[g->n] = xstrdup(role ? role : "");
	g->names[g->n] = xstrdup(name ? name : "");
	g->n++;
}

void doc_set_identity(struct doc *d, const char *org, const char *logo, uint32_t accent)
{
	set_str(&d->org, org);
	set_str(&d->logo, logo);
	d->accent = accent & 0xffffff;
}

void doc_set_sign_boxes(struct doc *d, const char *const *labels, size_t n)
{
	for(size_t i = 0; i < d->nsign_boxes; i++)
		free(d->sign_boxes[i]);
	d->nsign_boxes = n > 3 ? 3 : n;
	for(size_t i = 0; i < d->nsign_boxes; i++)
		d->sign_boxes[i] = xstrdup(labels[i]);
}

void doc_attach(struct doc *d, const char *title, const char *path, const char *report)
{
	ALLOC_GROW(d->att, d->natt, d->aatt);
	d->att[d->natt++] = (struct doc_attachment){
		.title = xstrdup(title ? title : ""),
		.path = path ? xstrdup(path) : NULL,
		.report = report ? xstrdup(report) : NULL,
	};
}

uint32_t doc_accent(const struct doc *d)
{
	return d->accent ? d->accent : DOC_ACCENT;
}

struct doc_mark doc_mark(const struct doc *d)
{
	struct doc_mark m = { d->nblocks, { d->heading_no[0], d->heading_no[1], d->heading_no[2] },
	                      d->unnumbered };
	return m;
}

void doc_rewind(struct doc *d, struct doc_mark m)
{
	assert(m.nblocks <= d->nblocks);
	while(d->nblocks > m.nblocks)
		free_block(&d->blocks[--d->nblocks]);
	memcpy(d->heading_no, m.heading_no, sizeof(d->heading_no));
	d->unnumbered = m.unnumbered;
}

/* ---- tables --------------------------------------------------------- */

static struct doc_table *cur_table(struct doc *d)
{
	return &last_block(d, DOC_TABLE)->u.table;
}

static size_t row_span(const struct doc_row *r)
{
	size_t n = 0;
	for(size_t i = 0; i < r->ncells; i++)
		n += (size_t)r->cells[i].colspan;
	return n;
}

/* True when a and b are the same words, letter case aside. */
static bool same_words(const char *a, const char *b)
{
	return a && b && strlen(a) == strlen(b) && !strcasecmp(a, b);
}

struct doc_table *doc_table_begin(struct doc *d, const char *caption, size_t ncols)
{
	assert(ncols > 0);
	/* A caption that only repeats the heading right above it adds
	** nothing: it is kept for the table's accessible name and not shown. */
	bool repeats = caption && d->nblocks > 0 &&
	               d->blocks[d->nblocks - 1].type == DOC_HEADING &&
	               same_words(d->blocks[d->nblocks - 1].u.heading.text, caption);
	struct doc_table *t = &add_block(d, DOC_TABLE)->u.table;
	t->caption = caption ? xstrdup(caption) : NULL;
	t->caption_is_heading = repeats;
	t->ncols = ncols;
	return t;
}

void doc_table_sheet(struct doc *d, const char *sheet) { set_str(&cur_table(d)->sheet, sheet); }
void doc_table_source(struct doc *d, const char *source) { set_str(&cur_table(d)->source, source); }
void doc_table_note(struct doc *d, const char *note) { set_str(&cur_table(d)->note, note); }

void doc_table_weights(struct doc *d, const unsigned *weights)
{
	struct doc_table *t = cur_table(d);
	free(t->col_weight);
	t->col_weight = xcalloc(t->ncols, sizeof(unsigned));
	memcpy(t->col_weight, weights, t->ncols * sizeof(unsigned));
}

void doc_row_begin(struct doc *d, unsigned flags)
{
	struct doc_table *t = cur_table(d);
	assert(t->nrows == 0 || row_span(&t->rows[t->nrows - 1]) == t->ncols);
	ALLOC_GROW(t->rows, t->nrows, t->alloc);
	struct doc_row *r = &t->rows[t->nrows++];
	memset(r, 0, sizeof(*r));
	r->flags = flags;
}

void doc_header_row(struct doc *d, const char *const *titles)
{
	size_t n = cur_table(d)->ncols;
	doc_row_begin(d, DOC_ROW_HEADER);
	for(size_t i = 0; i < n; i++)
		doc_cell_text(d, titles[i]);
}

void doc_table_end(struct doc *d)
{
	struct doc_table *t = cur_table(d);
	assert(t->nrows == 0 || row_span(&t->rows[t->nrows - 1]) == t->ncols);
	(void)t;
}

static struct doc_cell *new_cell(struct doc *d, enum doc_cell_type type)
{
	struct doc_table *t = cur_table(d);
	assert(t->nrows > 0);
	struct doc_row *r = &t->rows[t->nrows - 1];
	assert(row_span(r) < t->ncols);
	ALLOC_GROW(r->cells, r->ncells, r->alloc);
	struct doc_cell *c = &r->cells[r->ncells++];
	memset(c, 0, sizeof(*c));
	c->type = type;
	c->colspan = 1;
	return c;
}

static struct doc_cell *last_cell(struct doc *d)
{
	struct doc_table *t = cur_table(d);
	assert(t->nrows > 0 && t->rows[t->nrows - 1].ncells > 0);
	struct doc_row *r = &t->rows[t->nrows - 1];
	return &r->cells[r->ncells - 1];
}

void doc_cell_empty(struct doc *d) { new_cell(d, DOC_CELL_EMPTY); }

void doc_cell_text(struct doc *d, const char *text)
{
	new_cell(d, DOC_CELL_TEXT)->text = xstrdup(text ? text : "");
}

void doc_cell_textf(struct doc *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vfmt(fmt, ap);
	va_end(ap);
	new_cell(d, DOC_CELL_TEXT)->text = s;
}

void doc_cell_tkr(struct doc *d, int64_t ore)
{
	new_cell(d, DOC_CELL_TKR)->value = ore;
}

void doc_cell_percent(struct doc *d, int64_t scaled, int decimals)
{
	struct doc_cell *c = new_cell(d, DOC_CELL_PERCENT);
	c->value = scaled;
	c->decimals = decimals;
}

void doc_cell_decimal(struct doc *d, int64_t scaled, int decimals, const char *unit)
{
	struct doc_cell *c = new_cell(d, DOC_CELL_DECIMAL);
	c->value = scaled;
	c->decimals = decimals;
	c->unit = unit && *unit ? xstrdup(unit) : NULL;
}

void doc_cell_int(struct doc *d, int64_t v, const char *unit)
{
	struct doc_cell *c = new_cell(d, DOC_CELL_INT);
	c->value = v;
	c->unit = unit && *unit ? xstrdup(unit) : NULL;
}

void doc_cell_date(struct doc *d, struct date date)
{
	new_cell(d, DOC_CELL_DATE)->date = date;
}

void doc_cell_verdict(struct doc *d, enum doc_verdict v, const char *text)
{
	struct doc_cell *c = new_cell(d, DOC_CELL_VERDICT);
	c->verdict = v;
	c->text = xstrdup(text ? text : doc_verdict_text(v));
}

void doc_cell_source(struct doc *d, const char *fmt, ...)
{
	struct doc_cell *c = last_cell(d);
	va_list ap;
	va_start(ap, fmt);
	free(c->source);
	c->source = vfmt(fmt, ap);
	va_end(ap);
}

void doc_cell_span(struct doc *d, int colspan)
{
	struct doc_cell *c = last_cell(d);
	assert(colspan >= 1);
	c->colspan = colspan;
	assert(row_span(&cur_table(d)->rows[cur_table(d)->nrows - 1]) <= cur_table(d)->ncols);
}

/* ---- charts and the risk matrix ------------------------------------- */

struct doc_chart *doc_chart_begin(struct doc *d, enum doc_chart_kind kind,
                                  const char *title, const char *unit, int decimals,
                                  const char *const *labels, size_t nlabels)
{
	struct doc_chart *c = &add_block(d, DOC_CHART)->u.chart;
	c->kind = kind;
	c->title = xstrdup(title ? title : "");
	c->unit = unit ? xstrdup(unit) : NULL;
	c->decimals = decimals;
	c->nlabels = nlabels;
	c->labels = xcalloc(nlabels ? nlabels : 1, sizeof(char *));
	for(size_t i = 0; i < nlabels; i++)
		c->labels[i] = xstrdup(labels[i]);
	return c;
}

void doc_chart_source(struct doc *d, const char *source)
{
	set_str(&last_block(d, DOC_CHART)->u.chart.source, source);
}

void doc_chart_series(struct doc *d, const char *name, const int64_t *values,
                      const bool *present)
{
	struct doc_chart *c = &last_block(d, DOC_CHART)->u.chart;
	size_t n = c->nlabels ? c->nlabels : 1;
	ALLOC_GROW(c->series, c->nseries, c->alloc);
	struct doc_series *s = &c->series[c->nseries++];
	s->name = xstrdup(name ? name : "");
	s->values = xcalloc(n, sizeof(int64_t));
	s->present = xcalloc(n, sizeof(bool));
	for(size_t i = 0; i < c->nlabels; i++) {
		s->values[i] = values[i];
		s->present[i] = present ? present[i] : true;
	}
}

/* A round step for about `parts` intervals over range. */
static double nice_step(double range, int parts)
{
	double raw = range / parts, mag = pow(10, floor(log10(raw))), f = raw / mag;
	if(f <= 1 + 1e-9)
		return mag;
	if(f <= 2 + 1e-9)
		return 2 * mag;
	if(f <= 2.5 + 1e-9)
		return 2.5 * mag;
	if(f <= 5 + 1e-9)
		return 5 * mag;
	return 10 * mag;
}

void doc_chart_ticks(const struct doc_chart *c, struct doc_ticks *t)
{
	double scale = 1, lo = 0, hi = 0;
	for(int i = 0; i < c->decimals; i++)
		scale *= 10;
	for(size_t s = 0; s < c->nseries; s++)
		for(size_t i = 0; i < c->nlabels; i++)
			if(c->series[s].present[i]) {
				double v = (double)c->series[s].values[i] / scale;
				lo = v < lo ? v : lo;
				hi = v > hi ? v : hi;
			}
	if(hi - lo <= 0)
		hi = lo + 1;
	t->step = nice_step(hi - lo, 5);
	t->lo = floor(lo / t->step + 1e-9) * t->step;
	t->hi = ceil(hi / t->step - 1e-9) * t->step;
	if(t->hi <= t->lo)
		t->hi = t->lo + t->step;
	t->n = (int)llround((t->hi - t->lo) / t->step);
	t->decimals = 0;
	for(double p = 1; t->decimals < 6
	    && fabs(t->step * p - round(t->step * p)) > 1e-9; p *= 10)
		t->decimals++;
}

double doc_chart_tick(const struct doc_ticks *t, int i)
{
	double v = t->lo + t->step * i;
	return fabs(v) < t->step / 1e6 ? 0 : v;
}

struct doc_riskmatrix *doc_riskmatrix(struct doc *d, const char *title,
                                      const char *prob_axis, const char *const *prob_label,
                                      int nprob, const char *cons_axis,
                                      const char *const *cons_label, int ncons)
{
	assert(nprob >= 1 && nprob <= DOC_RISKMATRIX_MAX);
	assert(ncons >= 1 && ncons <= DOC_RISKMATRIX_MAX);
	struct doc_riskmatrix *m = &add_block(d, DOC_RISKMATRIX)->u.matrix;
	m->title = xstrdup(title ? title : "");
	m->prob_axis = xstrdup(prob_axis);
	m->cons_axis = xstrdup(cons_axis);
	m->nprob = nprob;
	m->ncons = ncons;
	for(int i = 0; i < nprob; i++)
		m->prob_label[i] = xstrdup(prob_label[i]);
	for(int i = 0; i < ncons; i++)
		m->cons_label[i] = xstrdup(cons_label[i]);
	return m;
}

/* ---- layout rules --------------------------------------------------- */

const uint32_t doc_palette[DOC_PALETTE_N] = {
	0x1f4e79, 0xc55a11, 0x2e7d32, 0x6a3d9a, 0x8c564b, 0x00796b, 0xad1457, 0x616161,
};

size_t doc_table_header_rows(const struct doc_table *t)
{
	size_t n = 0;
	while(n < t->nrows && (t->rows[n].flags & DOC_ROW_HEADER))
		n++;
	return n;
}

size_t doc_table_body_rows(const struct doc_table *t)
{
	return t->nrows - doc_table_header_rows(t);
}

bool doc_table_keep_whole(const struct doc_table *t)
{
	return doc_table_body_rows(t) <= DOC_TABLE_KEEP_ROWS;
}

/* End (exclusive) of the rows that go with row r: group title rows with
** the row after them, the last body row with a closing total row. */
static size_t keep_unit_end(const struct doc_table *t, size_t r)
{
	while(r + 1 < t->nrows && (t->rows[r].flags & DOC_ROW_GROUP))
		r++;
	if(r + 2 == t->nrows && (t->rows[r + 1].flags & DOC_ROW_TOTAL))
		r++;
	return r + 1;
}

void doc_table_breaks(const struct doc_table *t, const double *h, double first,
                      double page, bool headed, bool *brk)
{
	size_t nh = doc_table_header_rows(t), n = t->nrows, start = nh, r;
	double body = 0, room = first;
	bool moved = false;

	memset(brk, 0, n * sizeof(bool));
	if(n <= nh)
		return;
	for(r = nh; r < n; r++)
		body += h[r];
	if(body <= first)
		return;
	if(doc_table_keep_whole(t) && body <= page && !headed) {
		brk[nh] = true; /* the whole table on the next page */
		return;
	}
	for(r = nh; r < n;) {
		size_t e = keep_unit_end(t, r);
		double uh = 0;
		for(size_t k = r; k < e; k++)
			uh += h[k];
		if(uh > room && r > start) {
			size_t b = r;
			if(n - b < DOC_TABLE_MIN_SPLIT && n >= DOC_TABLE_MIN_SPLIT &&
			   n - DOC_TABLE_MIN_SPLIT > start)
				b = n - DOC_TABLE_MIN_SPLIT; /* at least three after */
			if(b - start < DOC_TABLE_MIN_SPLIT) {
				if(start == nh && !moved && first < page && !headed) {
					/* fewer than three before: start on the next page */
					brk[nh] = moved = true;
					room = page;
					r = nh;
					continue;
				}
				b = b > start ? b : r;
			}
			/* never between a group title and its row */
			while(b > start + 1 && (t->rows[b - 1].flags & DOC_ROW_GROUP))
				b--;
			if(b <= start)
				b = r; /* always forward */
			brk[b] = true;
			start = r = b;
			room = page;
			continue;
		}
		room -= uh;
		r = e;
	}
}

/* Total width when every column wraps its longest cell into L lines. */
static double lines_width(const double *nat, const double *min, size_t nc, double L)
{
	double sum = 0;
	for(size_t c = 0; c < nc; c++) {
		double x = nat[c] / L;
		sum += x < min[c] ? min[c] : x > nat[c] ? nat[c] : x;
	}
	return sum;
}

/* L of the equal-lines widths (see doc_table_widths), by bisection. */
static double equal_lines(const double *nat, const double *min, size_t nc, double avail)
{
	double lo = 1, hi = 1;
	while(lines_width(nat, min, nc, hi) > avail && hi < 1e6)
		hi *= 2;
	for(int k = 0; k < 60; k++) {
		double mid = (lo + hi) / 2;
		if(lines_width(nat, min, nc, mid) > avail)
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

bool doc_table_widths(const struct doc_table *t, const double *nat, const double *min,
                      const double *minh, double avail, double *w)
{
	size_t nc = t->ncols;
	double sum_nat = 0, sum_min = 0, grow = 0;
	bool *text = xcalloc(nc, sizeof(bool));
	double *m = xcalloc(nc, sizeof(double));
	bool fits = true;

	for(size_t r = doc_table_header_rows(t); r < t->nrows; r++) {
		size_t col = 0;
		for(size_t i = 0; i < t->rows[r].ncells && col < nc; i++) {
			const struct doc_cell *c = &t->rows[r].cells[i];
			if(c->colspan <= 1 && (c->type == DOC_CELL_TEXT || c->type == DOC_CELL_VERDICT))
				text[col] = true;
			col += (size_t)(c->colspan > 0 ? c->colspan : 1);
		}
	}
	for(size_t c = 0; c < nc; c++) {
		m[c] = min[c];
		sum_nat += nat[c];
		sum_min += min[c];
		grow += text[c] ? nat[c] : 0;
	}
	if(sum_min > avail && minh) {
		/* Words must break: hyphenate the set of columns (of those with
		** a long word) that lets the longest cell wrap into the fewest
		** lines (fewest columns on a tie); up to 12 columns are searched
		** exhaustively; when none fits, every column is hyphenated. */
		double best_l = 0;
		unsigned best = 0, nbest = 0, cand = 0;
		bool found = false;
		/* only a column with a long word (more than a seventh of the
		** width) is worth breaking: short words ("Uppnådd") stay whole */
		for(size_t c = 0; c < nc && c < 12; c++)
			if(min[c] > avail / 7 && minh[c] < min[c])
				cand |= 1u << c;
		if(nc <= 12) {
			for(unsigned set = 1; set < (1u << nc); set++) {
				double sum = 0, l;
				unsigned bits = 0;
				if(set & ~cand)
					continue;
				for(size_t c = 0; c < nc; c++) {
					bool h = set & (1u << c);
					m[c] = h ? minh[c] : min[c];
					sum += m[c];
					bits += h;
				}
				if(sum > avail)
					continue;
				l = equal_lines(nat, m, nc, avail);
				if(!found || l < best_l - 0.01 || (l < best_l + 0.01 && bits < nbest)) {
					found = true;
					best = set;
					best_l = l;
					nbest = bits;
				}
			}
		}
		sum_min = 0;
		for(size_t c = 0; c < nc; c++) {
			m[c] = !found || (best & (1u << c)) ? minh[c] : min[c];
			sum_min += m[c];
		}
	}
	if(sum_min > avail) {
		for(size_t c = 0; c < nc; c++)
			w[c] = m[c] * avail / sum_min;
		fits = false;
	} else if(sum_nat <= avail) {
		/* Room to spare: to the text columns, or to all (weights when
		** the report gave them). */
		double wsum = 0;
		for(size_t c = 0; t->col_weight && c < nc; c++)
			wsum += t->col_weight[c];
		for(size_t c = 0; c < nc; c++) {
			w[c] = nat[c];
			if(grow > 0)
				w[c] += text[c] ? (avail - sum_nat) * nat[c] / grow : 0;
			else if(wsum > 0)
				w[c] += (avail - sum_nat) * t->col_weight[c] / wsum;
			else
				w[c] += (avail - sum_nat) / (double)nc;
		}
	} else {
		/* Equal lines: the widths at which the longest cell of every
		** column wraps to about the same number of lines L (a column
		** never narrower than its minimum, never wider than its natural
		** width). A short column keeps its natural width while L is
		** small, and a long text column gets the room. */
		double l = equal_lines(nat, m, nc, avail), used = 0, spare = 0;
		for(size_t c = 0; c < nc; c++) {
			double x = nat[c] / l;
			w[c] = x < m[c] ? m[c] : x > nat[c] ? nat[c] : x;
			used += w[c];
			if(w[c] > m[c])
				spare += w[c];
		}
		/* the rounding left over, to the columns above their minimum */
		for(size_t c = 0; c < nc && spare > 0; c++)
			if(w[c] > m[c])
				w[c] += (avail - used) * w[c] / spare;
	}
	free(text);
	free(m);
	return fits;
}

bool doc_chart_series_coincides(const struct doc_chart *c, size_t s, size_t *under)
{
	for(size_t e = 0; e < s; e++) {
		bool same = true, any = false;
		for(size_t i = 0; i < c->nlabels && same; i++) {
			bool ps = !c->series[s].present || c->series[s].present[i];
			bool pe = !c->series[e].present || c->series[e].present[i];
			if(ps && pe) {
				any = true;
				same = c->series[s].values[i] == c->series[e].values[i];
			}
		}
		if(same && any) {
			if(under)
				*under = e;
			return true;
		}
	}
	return false;
}

/* ---- figures in prose ----------------------------------------------- */

void doc_figure_key(struct strbuf *sb, const char *s)
{
	bool dash = false;
	for(const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
			if(dash && sb->len && sb->buf[sb->len - 1] != '.' && sb->buf[sb->len - 1] != '-')
				strbuf_addch(sb, '-');
			strbuf_addch(sb, (char)*p);
			dash = false;
		} else if(*p >= 'A' && *p <= 'Z') {
			if(dash && sb->len && sb->buf[sb->len - 1] != '.' && sb->buf[sb->len - 1] != '-')
				strbuf_addch(sb, '-');
			strbuf_addch(sb, (char)(*p + 32));
			dash = false;
		} else if(*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBE && p[1] != 0x97) {
			if(dash && sb->len && sb->buf[sb->len - 1] != '.' && sb->buf[sb->len - 1] != '-')
				strbuf_addch(sb, '-');
			strbuf_addch(sb, 0xC3);
			strbuf_addch(sb, (char)(p[1] < 0xA0 ? p[1] + 0x20 : p[1]));
			p++;
			dash = false;
		} else {
			dash = true;
		}
	}
}

const struct doc_figure *doc_figure_find(const struct doc *d, const char *name)
{
	for(size_t i = 0; i < d->nfig; i++)
		if(!strcmp(d->fig[i].name, name))
			return &d->fig[i];
	return NULL;
}

static void set_figure(struct doc *d, const char *name, const struct doc_cell *c,
                       const char *label)
{
	struct doc_figure *f = (struct doc_figure *)doc_figure_find(d, name);
	if(!f) {
		ALLOC_GROW(d->fig, d->nfig, d->afig);
		f = &d->fig[d->nfig++];
		memset(f, 0, sizeof(*f));
		f->name = xstrdup(name);
	} else {
		free(f->label);
		free(f->cell.unit);
	}
	f->cell = (struct doc_cell){ .type = c->type, .value = c->value, .decimals = c->decimals,
	                             .date = c->date, .colspan = 1,
	                             .unit = c->unit ? xstrdup(c->unit) : NULL };
	f->label = xstrdup(label ? label : name);
}

void doc_figure_last_cell(struct doc *d, const char *prefix, const char *row,
                          const char *column, const char *label)
{
	struct strbuf name = STRBUF_INIT;
	const struct doc_cell *c = last_cell(d);
	if(prefix && *prefix) {
		doc_figure_key(&name, prefix);
		strbuf_addch(&name, '.');
	}
	doc_figure_key(&name, row);
	strbuf_addch(&name, '.');
	doc_figure_key(&name, column);
	set_figure(d, name.buf, c, label);
	strbuf_release(&name);
}

void doc_figure(struct doc *d, const char *name, const struct doc_cell *value,
                const char *label)
{
	set_figure(d, name, value, label);
}

void doc_figure_alias(struct doc *d, const char *alias, const char *of)
{
	const struct doc_figure *f = doc_figure_find(d, of);
	if(f) {
		struct doc_cell c = f->cell;
		char *label = xstrdup(f->label);
		set_figure(d, alias, &c, label);
		free(label);
	}
}

/* The text of figure f as narrative shows it: "1 579 tkr", "72,3 %". */
static void figure_text(const struct doc_figure *f, bool abs_value, struct strbuf *sb)
{
	struct doc_cell c = f->cell;
	if(abs_value && c.value < 0)
		c.value = -c.value;
	doc_cell_format(&c, sb);
	if(c.type == DOC_CELL_TKR)
		strbuf_addstr(sb, " tkr");
}

/* Resolve the references in *text; returns how many were left. */
static size_t resolve_text(struct doc *d, char **text, struct strbuf *unresolved)
{
	struct strbuf out = STRBUF_INIT;
	const char *s = *text, *open;
	size_t left = 0;
	if(!strstr(s, "{{"))
		return 0;
	while((open = strstr(s, "{{")) != NULL) {
		const char *close = strstr(open + 2, "}}");
		if(!close)
			break;
		char *name = strndup(open + 2, (size_t)(close - open - 2));
		char *bar = strchr(name, '|');
		bool abs_value = false;
		if(bar) {
			abs_value = !strcmp(bar + 1, "abs");
			*bar = '\0';
		}
		const struct doc_figure *f = doc_figure_find(d, name);
		strbuf_add(&out, s, (size_t)(open - s));
		if(f && (!bar || abs_value)) {
			figure_text(f, abs_value, &out);
		} else {
			strbuf_add(&out, open, (size_t)(close + 2 - open));
			if(unresolved)
				strbuf_addf(unresolved, "%.*s\n", (int)(close - open - 2), open + 2);
			left++;
		}
		free(name);
		s = close + 2;
	}
	strbuf_addstr(&out, s);
	free(*text);
	*text = strbuf_detach(&out);
	return left;
}

size_t doc_resolve_figures(struct doc *d, struct strbuf *unresolved)
{
	size_t left = 0;
	for(size_t i = 0; i < d->nblocks; i++) {
		struct doc_block *b = &d->blocks[i];
		switch(b->type) {
		case DOC_PARA:
			left += resolve_text(d, &b->u.para, unresolved);
			break;
		case DOC_LIST:
			for(size_t k = 0; k < b->u.list.nitems; k++)
				left += resolve_text(d, &b->u.list.items[k], unresolved);
			break;
		case DOC_DEFLIST:
			for(size_t k = 0; k < b->u.deflist.n; k++)
				left += resolve_text(d, &b->u.deflist.defs[k], unresolved);
			break;
		default:
			break;
		}
	}
	return left;
}

/* Check one text: numbers followed by "tkr". */
static size_t check_text(const struct doc *d, const char *text, const char *where,
                         struct strbuf *out)
{
	size_t found = 0;
	for(const char *s = text; *s; s++) {
		/* a number starts after a non-digit and runs over digits and
		** single group spaces ("1 579", "1564") */
		if(!(*s >= '0' && *s <= '9') || (s > text && ((s[-1] >= '0' && s[-1] <= '9') ||
		                                              s[-1] == ',' || s[-1] == '.')))
			continue;
		const char *e = s;
		int64_t n = 0;
		while((*e >= '0' && *e <= '9') || (*e == ' ' && e[1] >= '0' && e[1] <= '9' &&
		                                    e[2] >= '0' && e[2] <= '9' && e[3] >= '0' &&
		                                    e[3] <= '9' && !(e[4] >= '0' && e[4] <= '9'))) {
			if(*e != ' ')
				n = n * 10 + (*e - '0');
			e++;
			if(n > INT64_C(1) << 40)
				break;
		}
		if(*e == ',')
			continue; /* a decimal: not a tkr figure */
		const char *u = e;
		while(*u == ' ')
			u++;
		if(strncmp(u, "tkr", 3) || n < 100 || n % 100 == 0)
			continue;
		/* the nearest figure in tkr; none equal */
		const struct doc_figure *near = NULL;
		int64_t best = INT64_MAX;
		bool equal = false;
		for(size_t i = 0; i < d->nfig && !equal; i++) {
			if(d->fig[i].cell.type != DOC_CELL_TKR)
				continue;
			int64_t v = money_to_tkr(d->fig[i].cell.value);
			v = v < 0 ? -v : v;
			int64_t diff = v > n ? v - n : n - v;
			if(diff == 0)
				equal = true;
			else if(diff < best) {
				best = diff;
				near = &d->fig[i];
			}
		}
		if(!equal && near) {
			int64_t v = money_to_tkr(near->cell.value);
			v = v < 0 ? -v : v;
			if(best * 50 <= v) {
				struct strbuf a = STRBUF_INIT;
				fmt_int_sv(&a, v);
				strbuf_addf(out, "%s: the text says \"%.*s tkr\", the document's figure is %s tkr (%s); "
				            "refer to it as {{%s|abs}}\n", where, (int)(e - s), s, a.buf,
				            near->label, near->name);
				strbuf_release(&a);
				found++;
			}
		}
		s = e - 1;
	}
	return found;
}

size_t doc_check_prose(const struct doc *d, const char *where, struct strbuf *out)
{
	size_t found = 0;
	for(size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		if(b->type == DOC_PARA)
			found += check_text(d, b->u.para, where, out);
		else if(b->type == DOC_LIST)
			for(size_t k = 0; k < b->u.list.nitems; k++)
				found += check_text(d, b->u.list.items[k], where, out);
	}
	return found;
}
