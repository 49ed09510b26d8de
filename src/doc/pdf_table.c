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

/* Natural (one line) and minimum (longest word) widths of a text, and
** when minh is not NULL the hyphenated minimum (longest piece between
** hyphenation points, with its hyphen). Every width is measured once per
** style and render (pdf_text_width, pdf_piece_width). */
static void text_widths(struct pdf *p, const char *text, enum pdf_style st,
                        double *nat, double *min, double *minh)
{
	struct strbuf word = STRBUF_INIT;
	*nat = pdf_text_width(p, text, st);
	*min = 0;
	if(minh)
		*minh = 0;
	const char *s = text;
	while(*s) {
		/* a word runs to a space where a line may break: "1 579 tkr"
		** and "20 st" are one word (doc_space_joins) */
		size_t n = 0;
		while(s[n] && s[n] != '\n' &&
		      (s[n] != ' ' || doc_space_joins(text, (size_t)(s + n - text))))
			n++;
		if(n) {
			double w;
			strbuf_reset(&word);
			strbuf_add(&word, s, n);
			w = pdf_text_width(p, word.buf, st);
			if(w > *min)
				*min = w;
			if(minh) {
				double piece = pdf_piece_width(p, word.buf, st);
				if(piece > *minh)
					*minh = piece;
			}
		}
		s += n;
		while(*s == ' ' || *s == '\n')
			s++;
	}
	strbuf_release(&word);
}

/* The widths of a cell one column wide as text_widths() gives them
** (*ch, the hyphenated minimum, only when hy; else *cm), for the column:
** numbers and dates in the body never wrap, a verdict has its marker. */
static void cell_widths(struct pdf *p, const struct doc_row *row, const struct doc_cell *cell,
                        bool small, bool hy, double *cn, double *cm, double *ch)
{
	bool head = row->flags & DOC_ROW_HEADER;
	bool whole = (doc_cell_is_numeric(cell) || cell->type == DOC_CELL_DATE) && !head;
	char *s = cell_text(cell);
	text_widths(p, s, row_style(row, small), cn, cm, hy && !whole ? ch : NULL);
	free(s);
	if(whole)
		*cm = *cn; /* numbers and dates never wrap */
	if(whole || !hy)
		*ch = *cm;
	if(cell->type == DOC_CELL_VERDICT) {
		*cn += MARKER + 4;
		*cm += MARKER + 4;
		*ch += MARKER + 4;
	}
}

/* The hyphenated minimum widths of t's cells one column wide, in the rows
** that are header rows (head) or not, into hmin[ncols] (maxima). */
static void hyphenated_widths(struct pdf *p, const struct doc_table *t, bool small, bool head,
                              double *hmin)
{
	for(size_t r = 0; r < t->nrows; r++) {
		const struct doc_row *row = &t->rows[r];
		size_t col = 0;
		if(!(row->flags & DOC_ROW_HEADER) != !head)
			continue;
		for(size_t i = 0; i < row->ncells && col < t->ncols; i++) {
			const struct doc_cell *cell = &row->cells[i];
			int span = cell->colspan > 0 ? cell->colspan : 1;
			if(span == 1) {
				double cn, cm, ch;
				cell_widths(p, row, cell, small, true, &cn, &cm, &ch);
				hmin[col] = ch > hmin[col] ? ch : hmin[col];
			}
			col += (size_t)span;
		}
	}
}

/* Choose the column widths of t into w[ncols], summing to the body width
** (doc_table_widths: from content, short columns stay short), and mark
** in numeric[ncols] the columns of numbers (their header cells are
** right-aligned too). Header cells wrap at their words before a body
** cell wraps; words are broken at hyphenation points only when the
** longest words do not fit. Words are hyphenated to measure their pieces
** only when the natural widths do not fit (the header's) or the longest
** words do not (all). Returns false when even that is wider than the
** page. */
static bool column_widths(struct pdf *p, const struct doc_table *t, bool small,
                          double *w, bool *numeric)
{
	bool fits = true;
	size_t nc = t->ncols;
	double *full = xcalloc(nc, sizeof(double)); /* natural width, header too */
	double *nat = xcalloc(nc, sizeof(double));  /* natural width of the body, header words */
	double *min = xcalloc(nc, sizeof(double)), *minh = xcalloc(nc, sizeof(double));
	double *minb = xcalloc(nc, sizeof(double)); /* body words whole, header hyphenated */
	double sum_full = 0, sum_min = 0, avail = PDF_BODY_W;

	for(size_t r = 0; r < t->nrows; r++) {
		const struct doc_row *row = &t->rows[r];
		bool head = row->flags & DOC_ROW_HEADER;
		size_t col = 0;
		for(size_t i = 0; i < row->ncells && col < nc; i++) {
			const struct doc_cell *cell = &row->cells[i];
			int span = cell->colspan > 0 ? cell->colspan : 1;
			if(span == 1) {
				double cn, cm, ch;
				cell_widths(p, row, cell, small, false, &cn, &cm, &ch);
				if(doc_cell_is_numeric(cell))
					numeric[col] = true;
				full[col] = cn > full[col] ? cn : full[col];
				min[col] = cm > min[col] ? cm : min[col];
				if(!head && cm > minb[col])
					minb[col] = cm;
				if(head)
					cn = cm;
				nat[col] = cn > nat[col] ? cn : nat[col];
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
				double cn, have = 2 * PAD_X * (double)(span - 1);
				cn = pdf_text_width(p, s, row_style(row, small));
				free(s);
				for(size_t k = 0; k < span; k++)
					have += full[col + k];
				if(cn > have)
					for(size_t k = 0; k < span; k++) {
						full[col + k] += (cn - have) / (double)span;
						nat[col + k] += (cn - have) / (double)span;
					}
			}
			col += span;
		}
	}
	for(size_t c = 0; c < nc; c++) {
		full[c] += 2 * PAD_X;
		nat[c] += 2 * PAD_X;
		min[c] += 2 * PAD_X;
		if(nat[c] < min[c])
			nat[c] = min[c];
		sum_full += full[c];
		sum_min += min[c];
	}
	if(sum_full <= avail) {
		doc_table_widths(t, full, min, NULL, avail, w);
		goto done;
	}
	/* the header's words may be broken before the body's */
	hyphenated_widths(p, t, small, true, minb);
	for(size_t c = 0; c < nc; c++) {
		minb[c] += 2 * PAD_X;
		if(nat[c] < minb[c])
			nat[c] = minb[c];
	}
	if(sum_min <= avail) {
		doc_table_widths(t, nat, min, NULL, avail, w);
	} else {
		/* the longest words do not fit: measure their pieces */
		hyphenated_widths(p, t, small, true, minh);
		hyphenated_widths(p, t, small, false, minh);
		for(size_t c = 0; c < nc; c++)
			minh[c] += 2 * PAD_X;
		fits = doc_table_widths(t, nat, minb, minh, avail, w);
	}
done:
	free(full);
	free(nat);
	free(min);
	free(minh);
	free(minb);
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
		rl->cell[i] = pdf_text_hy(p, s, st, inner,
		                          right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, 0);
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
				if(p->pass != PDF_PASS_MEASURE) {
					cairo_move_to(cr, tx + (double)lr.x / PANGO_SCALE,
					              p->y + PAD_Y - start[i] +
					              (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE);
					pango_cairo_show_layout_line(cr,
					                             pango_layout_iter_get_line_readonly(it));
					cairo_new_path(cr);
				}
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

static double tail_h_sum(const struct pdf_table_plan *tp);

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

/* A table laid out and ready to draw (pdf_layout.h). */
struct pdf_table_plan {
	const struct doc_table *t;
	size_t nc, nhead;
	double *colw;
	bool *numeric;
	struct row_layout *rl;
	double head_h, cap_h, tail_h[2], body_h;
	PangoLayout *cap, *tail[2];
	bool headed;   /* kept with a heading but too tall to go whole with it */
	double page_h; /* the height of a page's body */
};

struct pdf_table_plan *pdf_table_prepare(struct pdf *p, const struct doc_table *t)
{
	struct pdf_table_plan *tp = xcalloc(1, sizeof(*tp));
	size_t nc = t->ncols;
	bool small;

	tp->t = t;
	tp->nc = nc;
	tp->page_h = PDF_BODY_BOT - PDF_BODY_TOP;
	if(nc == 0)
		return tp;
	tp->colw = xcalloc(nc, sizeof(double));
	tp->numeric = xcalloc(nc, sizeof(bool));
	tp->rl = xcalloc(t->nrows ? t->nrows : 1, sizeof(*tp->rl));
	/* A table too wide at body size is set in the small size. */
	small = !column_widths(p, t, false, tp->colw, tp->numeric);
	if(small) {
		memset(tp->numeric, 0, nc * sizeof(bool));
		column_widths(p, t, true, tp->colw, tp->numeric);
	}
	tp->nhead = doc_table_header_rows(t);
	for(size_t r = 0; r < t->nrows; r++) {
		row_layout(p, &t->rows[r], small, tp->colw, tp->numeric, nc, &tp->rl[r]);
		if(r < tp->nhead)
			tp->head_h += tp->rl[r].h;
		else
			tp->body_h += tp->rl[r].h;
	}
	/* A caption that repeats the heading above is not printed again. */
	if(t->caption && *t->caption && !t->caption_is_heading) {
		tp->cap = pdf_text(p, t->caption, PDF_BOLD, PDF_BODY_W, PANGO_ALIGN_LEFT);
		pdf_text_size(tp->cap, NULL, &tp->cap_h);
		tp->cap_h += 4;
	}
	if(t->note && *t->note)
		tp->tail[0] = tail_line(p, "", t->note, &tp->tail_h[0]);
	if(t->source && *t->source)
		tp->tail[1] = tail_line(p, "Källa: ", t->source, &tp->tail_h[1]);
	return tp;
}

/* Heights of the rows for doc_table_breaks(): the lines under the table
** go with the last row. */
static double *plan_heights(const struct pdf_table_plan *tp)
{
	size_t n = tp->t->nrows;
	double *h = xcalloc(n ? n : 1, sizeof(double));
	for(size_t r = 0; r < n; r++)
		h[r] = tp->rl[r].h;
	if(n)
		h[n - 1] += tp->tail_h[0] + tp->tail_h[1];
	return h;
}

double pdf_table_keep(struct pdf_table_plan *tp, double room)
{
	const struct doc_table *t = tp->t;
	double page = tp->page_h - tp->head_h - tp->cap_h - 4;
	double tail = tp->tail_h[0] + tp->tail_h[1], h = tp->cap_h + tp->head_h + 4;
	size_t n = 0;

	if(tp->nc == 0)
		return 0;
	if(doc_table_keep_whole(t) && tp->body_h + tail <= page) {
		if(h + tp->body_h + tail <= room)
			return h + tp->body_h + tail;
		/* with its heading it cannot be whole on a page: heading and
		** table start a page, and the table splits where it must */
		tp->headed = true;
		return room;
	}
	for(size_t r = tp->nhead; r < t->nrows && n < DOC_TABLE_MIN_SPLIT; r++, n++)
		h += tp->rl[r].h;
	return h;
}

static void plan_free(struct pdf_table_plan *tp)
{
	for(size_t r = 0; tp->rl && r < tp->t->nrows; r++)
		row_layout_free(&tp->t->rows[r], &tp->rl[r]);
	free(tp->rl);
	free(tp->colw);
	free(tp->numeric);
	if(tp->cap)
		g_object_unref(tp->cap);
	for(int k = 0; k < 2; k++)
		if(tp->tail[k])
			g_object_unref(tp->tail[k]);
	free(tp);
}

void pdf_table_draw(struct pdf *p, struct pdf_table_plan *tp)
{
	const struct doc_table *t = tp->t;
	struct row_layout *rl = tp->rl;
	size_t nhead = tp->nhead;
	double first, page, *h;
	bool *brk;

	if(tp->nc == 0) {
		plan_free(tp);
		return;
	}
	pdf_space(p, 4);
	pdf_ensure_page(p);
	/* Where the pages break, by the model's rules (doc.h): a short table
	** whole, a long one with three rows or more on each side. */
	h = plan_heights(tp);
	brk = xcalloc(t->nrows ? t->nrows : 1, sizeof(bool));
	first = PDF_BODY_BOT - p->y - tp->cap_h - tp->head_h;
	page = PDF_BODY_BOT - PDF_BODY_TOP - tp->head_h;
	if(p->y <= PDF_BODY_TOP)
		first = page - tp->cap_h;
	doc_table_breaks(t, h, first, page, tp->headed, brk);
	if(nhead < t->nrows && brk[nhead])
		pdf_new_page(p);
	else if(nhead >= t->nrows)
		pdf_need(p, tp->cap_h + tp->head_h + tail_h_sum(tp));
	pdf_tag_begin(p, "Table", NULL);
	if(tp->cap) {
		pdf_tag_begin(p, "Caption", NULL);
		pdf_draw_text(p, tp->cap, PDF_MARGIN_X, p->y);
		pdf_tag_end(p, "Caption");
		p->y += tp->cap_h;
	}
	for(size_t r = 0; r < t->nrows; r++) {
		bool header = r < nhead;
		if(!header && rl[r].h > PDF_BODY_BOT - PDF_BODY_TOP - tp->head_h) {
			/* Taller than a page: split it, from here when a few lines
			** still fit on this page. */
			if(p->y + 40 > PDF_BODY_BOT || (brk[r] && r > nhead)) {
				pdf_new_page(p);
				for(size_t k = 0; k < nhead; k++)
					draw_row(p, &t->rows[k], &rl[k], true, false);
			}
			draw_row_split(p, t, r, rl, nhead);
			continue;
		}
		if(!header && r > nhead && (brk[r] || p->y + h[r] > PDF_BODY_BOT)) {
			/* Continue on the next page under the same header rows. The
			** repeated header is drawn outside any TR, so that assistive
			** technology meets the header cells once as cells. */
			pdf_new_page(p);
			for(size_t k = 0; k < nhead; k++)
				draw_row(p, &t->rows[k], &rl[k], true, false);
		}
		draw_row(p, &t->rows[r], &rl[r], header, true);
	}
	pdf_tag_end(p, "Table");

	for(int k = 0; k < 2; k++)
		if(tp->tail[k]) {
			pdf_need(p, tp->tail_h[k]);
			pdf_set_rgb(p, PDF_GREY);
			pdf_tag_begin(p, "P", NULL);
			pdf_draw_text(p, tp->tail[k], PDF_MARGIN_X, p->y + 3);
			pdf_tag_end(p, "P");
			pdf_set_rgb(p, PDF_BLACK);
			p->y += tp->tail_h[k];
		}
	p->y += 8;
	free(h);
	free(brk);
	plan_free(tp);
}

void pdf_table_draw_none(struct pdf_table_plan *tp)
{
	plan_free(tp);
}

void pdf_table(struct pdf *p, const struct doc_table *t)
{
	pdf_table_draw(p, pdf_table_prepare(p, t));
}

static double tail_h_sum(const struct pdf_table_plan *tp)
{
	return tp->tail_h[0] + tp->tail_h[1];
}
