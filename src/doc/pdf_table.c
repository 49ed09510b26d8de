/*
** pdf_table.c — tables of the document model on PDF pages.
**
** Column widths: numbers keep their natural width (they never wrap),
** text columns share what is left and wrap inside their cells; the table
** always spans the body width. Given weights (doc_table_weights) override
** this. Rows never split: a row that does not fit goes to the next page,
** and there the table's header rows are drawn again. Total rows are bold
** with a rule above; group rows are bold on a light band; verdict cells
** get a coloured marker.
*/
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "doc/doc.h"
#include "doc/pdf_layout.h"

#define PAD_X 3.5
#define PAD_Y 2.6
#define MARKER 7.0 /* verdict marker diameter and its gap */

/* A laid-out row: one layout per cell, its x and width, the height. */
struct row_layout {
	PangoLayout **cell;
	double *x, *w;
	double h;
};

static bool row_bold(const struct doc_row *r)
{
	return r->flags & (DOC_ROW_HEADER | DOC_ROW_TOTAL | DOC_ROW_GROUP);
}

/* The text style of a row: body size, or small for a table too wide for
** the page at body size. */
static enum pdf_style row_style(const struct doc_row *r, bool small)
{
	if(small)
		return row_bold(r) ? PDF_SMALL_BOLD : PDF_SMALL;
	return row_bold(r) ? PDF_BOLD : PDF_BODY;
}

static char *cell_text(const struct doc_cell *c)
{
	struct strbuf sb = STRBUF_INIT;
	doc_cell_format(c, &sb);
	return strbuf_detach(&sb);
}

/* Natural (one line) and minimum (longest word) widths of a text. */
static void text_widths(struct pdf *p, const char *text, enum pdf_style st,
                        double *nat, double *min)
{
	PangoLayout *l = pdf_text(p, text, st, -1, PANGO_ALIGN_LEFT);
	pdf_text_size(l, nat, NULL);
	g_object_unref(l);
	*min = 0;
	const char *s = text;
	while(*s) {
		size_t n = strcspn(s, " \n");
		if(n) {
			double w;
			char *word = xmalloc(n + 1);
			memcpy(word, s, n);
			word[n] = '\0';
			l = pdf_text(p, word, st, -1, PANGO_ALIGN_LEFT);
			pdf_text_size(l, &w, NULL);
			g_object_unref(l);
			free(word);
			if(w > *min)
				*min = w;
		}
		s += n;
		s += strspn(s, " \n");
	}
}

/* Choose the column widths of t into w[ncols], summing to the body width,
** and mark in numeric[ncols] the columns of numbers (their header cells
** are right-aligned too). Returns false when even the narrowest layout
** (every text wrapped at its longest word) is wider than the page. */
static bool column_widths(struct pdf *p, const struct doc_table *t, bool small,
                          double *w, bool *numeric)
{
	bool fits = true;
	size_t nc = t->ncols;
	double *nat = xcalloc(nc, sizeof(double)), *min = xcalloc(nc, sizeof(double));
	double *body = xcalloc(nc, sizeof(double)); /* natural width of the body cells */
	bool *wrapping = xcalloc(nc, sizeof(bool));
	double sum_w = 0, sum_nat = 0, sum_min = 0, sum_base = 0, avail = PDF_BODY_W;
	bool weighted = t->col_weight != NULL;

	for(size_t c = 0; weighted && c < nc; c++)
		weighted = t->col_weight[c] > 0;

	for(size_t r = 0; r < t->nrows; r++) {
		const struct doc_row *row = &t->rows[r];
		size_t col = 0;
		for(size_t i = 0; i < row->ncells && col < nc; i++) {
			const struct doc_cell *cell = &row->cells[i];
			int span = cell->colspan > 0 ? cell->colspan : 1;
			if(span == 1) {
				char *s = cell_text(cell);
				double cn, cm;
				bool num = doc_cell_is_numeric(cell);
				text_widths(p, s, row_style(row, small), &cn, &cm);
				free(s);
				if((num || cell->type == DOC_CELL_DATE) &&
				   !(row->flags & DOC_ROW_HEADER))
					cm = cn; /* numbers and dates never wrap */
				if(cell->type == DOC_CELL_VERDICT) {
					cn += MARKER + 4;
					cm += MARKER + 4;
				}
				if(num)
					numeric[col] = true;
				else if(cell->type != DOC_CELL_EMPTY && !(row->flags & DOC_ROW_HEADER))
					wrapping[col] = true;
				if(cn > nat[col])
					nat[col] = cn;
				if(cm > min[col])
					min[col] = cm;
				if(!(row->flags & DOC_ROW_HEADER) && cn > body[col])
					body[col] = cn;
			}
			col += (size_t)span;
		}
	}
	/* A cell spanning columns widens them when it is wider than they are
	** ("Andel av resultatet" over "2020" and "2024"). */
	for(size_t r = 0; r < t->nrows; r++) {
		const struct doc_row *row = &t->rows[r];
		size_t col = 0;
		for(size_t i = 0; i < row->ncells && col < nc; i++) {
			const struct doc_cell *cell = &row->cells[i];
			size_t span = cell->colspan > 1 ? (size_t)cell->colspan : 1;
			if(span > 1 && col + span <= nc && cell->type != DOC_CELL_EMPTY &&
			   !(row->flags & DOC_ROW_GROUP)) {
				char *s = cell_text(cell);
				double cn, cm, have = 2 * PAD_X * (double)(span - 1);
				text_widths(p, s, row_style(row, small), &cn, &cm);
				free(s);
				for(size_t k = 0; k < span; k++)
					have += nat[col + k];
				if(cn > have)
					for(size_t k = 0; k < span; k++)
						nat[col + k] += (cn - have) / (double)span;
			}
			col += span;
		}
	}
	/* base: the width at which only header cells wrap. */
	for(size_t c = 0; c < nc; c++) {
		nat[c] += 2 * PAD_X;
		min[c] += 2 * PAD_X;
		body[c] += 2 * PAD_X;
		if(body[c] < min[c])
			body[c] = min[c];
		if(body[c] > nat[c])
			body[c] = nat[c];
		sum_nat += nat[c];
		sum_min += min[c];
		sum_base += body[c];
	}
	if(weighted && sum_min <= avail) {
		/* The report's weights, but no column below its minimum (a date,
		** a number, its longest word): what those need is taken from the
		** columns with room to spare, in proportion to that room. */
		double need = 0, slack = 0;
		for(size_t c = 0; c < nc; c++)
			sum_w += t->col_weight[c];
		for(size_t c = 0; c < nc; c++) {
			w[c] = avail * t->col_weight[c] / sum_w;
			if(w[c] < min[c])
				need += min[c] - w[c];
			else
				slack += w[c] - min[c];
		}
		for(size_t c = 0; c < nc; c++)
			w[c] = w[c] < min[c] ? min[c]
			                     : w[c] - (w[c] - min[c]) * (slack > 0 ? need / slack : 0);
	} else if(sum_nat <= avail) {
		/* Room to spare: give it to the text columns, or to all. */
		double grow = 0;
		for(size_t c = 0; c < nc; c++)
			grow += wrapping[c] ? nat[c] : 0;
		for(size_t c = 0; c < nc; c++) {
			w[c] = nat[c];
			if(grow > 0 && wrapping[c])
				w[c] += (avail - sum_nat) * nat[c] / grow;
			else if(grow <= 0)
				w[c] += (avail - sum_nat) / (double)nc;
		}
	} else if(sum_base <= avail) {
		/* Wrap header cells first ("Procent förbrukning"), body cells
		** not at all. */
		double k = (avail - sum_base) / (sum_nat - sum_base);
		for(size_t c = 0; c < nc; c++)
			w[c] = body[c] + (nat[c] - body[c]) * k;
	} else if(sum_min <= avail) {
		/* Shrink towards the minimum widths, where text can wrap. */
		double k = (avail - sum_min) / (sum_base - sum_min);
		for(size_t c = 0; c < nc; c++)
			w[c] = min[c] + (body[c] - min[c]) * k;
	} else {
		/* Too many columns for the page: scale; long words break. */
		for(size_t c = 0; c < nc; c++)
			w[c] = min[c] * avail / sum_min;
		fits = false;
	}
	free(nat);
	free(min);
	free(body);
	free(wrapping);
	return fits;
}

static void row_layout(struct pdf *p, const struct doc_row *row, bool small,
                       const double *colw, const bool *numeric, size_t nc,
                       struct row_layout *rl)
{
	size_t col = 0;
	double x = PDF_MARGIN_X;
	enum pdf_style st = row_style(row, small);

	rl->cell = xcalloc(row->ncells ? row->ncells : 1, sizeof(PangoLayout *));
	rl->x = xcalloc(row->ncells ? row->ncells : 1, sizeof(double));
	rl->w = xcalloc(row->ncells ? row->ncells : 1, sizeof(double));
	rl->h = 0;
	for(size_t i = 0; i < row->ncells && col < nc; i++) {
		const struct doc_cell *cell = &row->cells[i];
		int span = cell->colspan > 0 ? cell->colspan : 1;
		double w = 0, th, inner;
		char *s = cell_text(cell);
		for(int k = 0; k < span && col + (size_t)k < nc; k++)
			w += colw[col + (size_t)k];
		inner = w - 2 * PAD_X - (cell->type == DOC_CELL_VERDICT ? MARKER + 4 : 0);
		bool right = doc_cell_is_numeric(cell) ||
		             ((row->flags & DOC_ROW_HEADER) && span == 1 && numeric[col]);
		rl->cell[i] = pdf_text(p, s, st, inner,
		                       right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
		free(s);
		rl->x[i] = x;
		rl->w[i] = w;
		pdf_text_size(rl->cell[i], NULL, &th);
		if(th + 2 * PAD_Y > rl->h)
			rl->h = th + 2 * PAD_Y;
		x += w;
		col += (size_t)span;
	}
	if(rl->h <= 0)
		rl->h = 12;
}

static void row_layout_free(const struct doc_row *row, struct row_layout *rl)
{
	for(size_t i = 0; i < row->ncells; i++)
		if(rl->cell[i])
			g_object_unref(rl->cell[i]);
	free(rl->cell);
	free(rl->x);
	free(rl->w);
}

static const struct pdf_rgb verdict_rgb[] = {
	[DOC_VERDICT_NONE]    = { 0.62, 0.62, 0.62 },
	[DOC_VERDICT_MET]     = { 0.18, 0.49, 0.20 },
	[DOC_VERDICT_PARTLY]  = { 0.96, 0.70, 0.05 },
	[DOC_VERDICT_NOT_MET] = { 0.78, 0.16, 0.16 },
};

/* Draw one laid-out row at the cursor. */
static void draw_row(struct pdf *p, const struct doc_row *row, struct row_layout *rl,
                     bool header, bool tagged)
{
	cairo_t *cr = p->cr;
	double y = p->y, x0 = PDF_MARGIN_X, x1 = PDF_MARGIN_X + PDF_BODY_W;

	if(header || (row->flags & DOC_ROW_GROUP)) {
		pdf_set_rgb(p, PDF_LIGHT);
		cairo_rectangle(cr, x0, y, x1 - x0, rl->h);
		cairo_fill(cr);
	}
	if(tagged)
		pdf_tag_begin(p, "TR", NULL);
	for(size_t i = 0; i < row->ncells && rl->cell[i]; i++) {
		const struct doc_cell *cell = &row->cells[i];
		double tx = rl->x[i] + PAD_X;
		const char *tag = header ? "TH" : "TD";
		if(tagged)
			pdf_tag_begin(p, tag, NULL);
		if(cell->type == DOC_CELL_VERDICT) {
			pdf_set_rgb(p, verdict_rgb[cell->verdict <= DOC_VERDICT_NOT_MET
			                           ? cell->verdict : DOC_VERDICT_NONE]);
			cairo_arc(cr, tx + MARKER / 2, y + PAD_Y + 6.0, MARKER / 2, 0, 2 * G_PI);
			cairo_fill(cr);
			tx += MARKER + 4;
		}
		pdf_set_rgb(p, PDF_BLACK);
		pdf_draw_text(p, rl->cell[i], tx, y + PAD_Y);
		if(tagged)
			pdf_tag_end(p, tag);
	}
	if(tagged)
		pdf_tag_end(p, "TR");

	cairo_set_line_width(cr, header ? 0.8 : 0.3);
	pdf_set_rgb(p, header ? PDF_GREY : PDF_LIGHT);
	cairo_move_to(cr, x0, y + rl->h);
	cairo_line_to(cr, x1, y + rl->h);
	cairo_stroke(cr);
	if(row->flags & DOC_ROW_TOTAL) {
		pdf_set_rgb(p, PDF_BLACK);
		cairo_set_line_width(cr, 0.8);
		cairo_move_to(cr, x0, y);
		cairo_line_to(cr, x1, y);
		cairo_stroke(cr);
	}
	pdf_set_rgb(p, PDF_BLACK);
	p->y += rl->h;
}

/* Draw a row taller than a page: each cell's lines run down to the foot
** of the page and go on under the repeated header rows of the next. The
** cells are tagged on the page where the row starts; their continuations
** are content of the row. */
static void draw_row_split(struct pdf *p, const struct doc_table *t, size_t r,
                           struct row_layout *rl, size_t nhead)
{
	const struct doc_row *row = &t->rows[r];
	struct row_layout *x = &rl[r];
	cairo_t *cr = p->cr;
	double *start = xcalloc(row->ncells ? row->ncells : 1, sizeof(double));
	bool first = true, done = false;

	pdf_tag_begin(p, "TR", NULL);
	while(!done) {
		double room = PDF_BODY_BOT - p->y - 2 * PAD_Y, used = 0;
		done = true;
		for(size_t i = 0; i < row->ncells && x->cell[i]; i++) {
			const struct doc_cell *cell = &row->cells[i];
			PangoLayoutIter *it = pango_layout_get_iter(x->cell[i]);
			double tx = x->x[i] + PAD_X, next = -1;
			if(cell->type == DOC_CELL_VERDICT) {
				if(first) {
					pdf_set_rgb(p, verdict_rgb[cell->verdict <= DOC_VERDICT_NOT_MET
					                           ? cell->verdict : DOC_VERDICT_NONE]);
					cairo_arc(cr, tx + MARKER / 2, p->y + PAD_Y + 6.0, MARKER / 2, 0, 2 * G_PI);
					cairo_fill(cr);
				}
				tx += MARKER + 4;
			}
			if(first)
				pdf_tag_begin(p, "TD", NULL);
			pdf_set_rgb(p, PDF_BLACK);
			do {
				PangoRectangle lr;
				double ly, lh;
				pango_layout_iter_get_line_extents(it, NULL, &lr);
				ly = (double)lr.y / PANGO_SCALE;
				lh = (double)lr.height / PANGO_SCALE;
				if(ly < start[i] - 0.01)
					continue; /* drawn on an earlier page */
				if(ly - start[i] + lh > room) {
					next = ly;
					break;
				}
				cairo_move_to(cr, tx + (double)lr.x / PANGO_SCALE,
				              p->y + PAD_Y - start[i] +
				              (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE);
				pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
				cairo_new_path(cr);
				if(ly - start[i] + lh > used)
					used = ly - start[i] + lh;
			} while(pango_layout_iter_next_line(it));
			pango_layout_iter_free(it);
			if(first)
				pdf_tag_end(p, "TD");
			if(next >= 0) {
				start[i] = next;
				done = false;
			} else {
				start[i] = 1e9; /* all drawn */
			}
		}
		first = false;
		if(!done) {
			pdf_new_page(p);
			for(size_t h = 0; h < nhead; h++)
				draw_row(p, &t->rows[h], &rl[h], true, false);
		} else {
			p->y += used + 2 * PAD_Y;
		}
	}
	pdf_tag_end(p, "TR");
	cairo_set_line_width(cr, 0.3);
	pdf_set_rgb(p, PDF_LIGHT);
	cairo_move_to(cr, PDF_MARGIN_X, p->y);
	cairo_line_to(cr, PDF_MARGIN_X + PDF_BODY_W, p->y);
	cairo_stroke(cr);
	pdf_set_rgb(p, PDF_BLACK);
	free(start);
}

/* Height of row r together with the rows that must not be parted from
** it: a group title row goes with the row after it, and the last row
** before a closing total row goes with the total. */
static double keep_height(const struct doc_table *t, const struct row_layout *rl,
                          size_t r, double tail_h)
{
	double h = 0;
	for(; r < t->nrows; r++) {
		h += rl[r].h;
		if(!(t->rows[r].flags & DOC_ROW_GROUP))
			break;
	}
	if(r + 2 == t->nrows && (t->rows[r + 1].flags & DOC_ROW_TOTAL)) {
		h += rl[r + 1].h;
		r++;
	}
	/* The last row keeps the note and source lines under the table. */
	return r + 1 >= t->nrows ? h + tail_h : h;
}

/* A grey line of small text under a table ("Belopp i tkr", "Källa: …"). */
static PangoLayout *tail_line(struct pdf *p, const char *prefix, const char *text,
                              double *h)
{
	struct strbuf sb = STRBUF_INIT;
	PangoLayout *l;
	strbuf_addf(&sb, "%s%s", prefix, text);
	l = pdf_text(p, sb.buf, PDF_SMALL, PDF_BODY_W, PANGO_ALIGN_LEFT);
	strbuf_release(&sb);
	pdf_text_size(l, NULL, h);
	*h += 3;
	return l;
}

void pdf_table(struct pdf *p, const struct doc_table *t)
{
	size_t nc = t->ncols, nhead = 0;
	double *colw = xcalloc(nc ? nc : 1, sizeof(double));
	bool *numeric = xcalloc(nc ? nc : 1, sizeof(bool));
	struct row_layout *rl = xcalloc(t->nrows ? t->nrows : 1, sizeof(*rl));
	double head_h = 0, cap_h = 0, tail_h[2] = { 0, 0 };
	bool small;
	PangoLayout *cap = NULL, *tail[2] = { NULL, NULL };

	if(nc == 0) {
		free(colw);
		free(numeric);
		free(rl);
		return;
	}
	/* A table too wide at body size is set in the small size. */
	small = !column_widths(p, t, false, colw, numeric);
	if(small) {
		memset(numeric, 0, nc * sizeof(bool));
		column_widths(p, t, true, colw, numeric);
	}
	while(nhead < t->nrows && (t->rows[nhead].flags & DOC_ROW_HEADER))
		nhead++;
	for(size_t r = 0; r < t->nrows; r++) {
		row_layout(p, &t->rows[r], small, colw, numeric, nc, &rl[r]);
		if(r < nhead)
			head_h += rl[r].h;
	}
	if(t->caption && *t->caption) {
		cap = pdf_text(p, t->caption, PDF_BOLD, PDF_BODY_W, PANGO_ALIGN_LEFT);
		pdf_text_size(cap, NULL, &cap_h);
		cap_h += 4;
	}
	if(t->note && *t->note)
		tail[0] = tail_line(p, "", t->note, &tail_h[0]);
	if(t->source && *t->source)
		tail[1] = tail_line(p, "Källa: ", t->source, &tail_h[1]);

	/* Caption, header and the first body row (with the group rows before
	** it) stay together. */
	pdf_space(p, 4);
	pdf_need(p, cap_h + head_h + keep_height(t, rl, nhead, tail_h[0] + tail_h[1]));
	pdf_tag_begin(p, "Table", NULL);
	if(cap) {
		pdf_tag_begin(p, "Caption", NULL);
		pdf_draw_text(p, cap, PDF_MARGIN_X, p->y);
		pdf_tag_end(p, "Caption");
		p->y += cap_h;
	}
	for(size_t r = 0; r < t->nrows; r++) {
		bool header = r < nhead;
		if(!header && rl[r].h > PDF_BODY_BOT - PDF_BODY_TOP - head_h) {
			/* Taller than a page: split it, from here when a few lines
			** still fit on this page. */
			if(p->y + 40 > PDF_BODY_BOT) {
				pdf_new_page(p);
				for(size_t h = 0; h < nhead; h++)
					draw_row(p, &t->rows[h], &rl[h], true, false);
			}
			draw_row_split(p, t, r, rl, nhead);
			continue;
		}
		if(!header && p->y + keep_height(t, rl, r, tail_h[0] + tail_h[1]) > PDF_BODY_BOT) {
			/* Continue on the next page under the same header rows. The
			** repeated header is drawn outside any TR, so that assistive
			** technology meets the header cells once as cells. */
			pdf_new_page(p);
			for(size_t h = 0; h < nhead; h++)
				draw_row(p, &t->rows[h], &rl[h], true, false);
		}
		draw_row(p, &t->rows[r], &rl[r], header, true);
	}
	pdf_tag_end(p, "Table");

	for(int k = 0; k < 2; k++)
		if(tail[k]) {
			pdf_need(p, tail_h[k]);
			pdf_set_rgb(p, PDF_GREY);
			pdf_tag_begin(p, "P", NULL);
			pdf_draw_text(p, tail[k], PDF_MARGIN_X, p->y + 3);
			pdf_tag_end(p, "P");
			pdf_set_rgb(p, PDF_BLACK);
			p->y += tail_h[k];
			g_object_unref(tail[k]);
		}
	p->y += 8;

	for(size_t r = 0; r < t->nrows; r++)
		row_layout_free(&t->rows[r], &rl[r]);
	free(rl);
	free(colw);
	free(numeric);
	if(cap)
		g_object_unref(cap);
}
