/*
** render_html.c — a document as one self-contained HTML file.
**
** Inline CSS only (no scripts, no external files), lang from the doc,
** semantic markup: the title in <header>, a <nav> table of contents, the
** headings as h2..h4 (h1 is the title), tables with <caption>, <thead> and
** th scope, charts as inline SVG (role="img", <title>/<desc>) followed by
** the same figures as a table, so the chart has a text alternative. Every
** figure with a source carries it in a title attribute (traceability).
** Colours meet WCAG 2.1 AA contrast; verdicts are never colour alone (the
** wording is always written). Wide tables scroll inside a focusable region
** on a phone; print CSS repeats header rows and avoids breaking rows.
*/
#include "doc/doc.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/money.h"
#include "doc/html.h"

static const char css[] =
"*{box-sizing:border-box}"
"body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;color:#1a1a1a;background:#fff}"
"main,header.doc,nav.toc,footer.doc{max-width:60rem;margin:0 auto;padding:0 1rem}"
"header.doc{padding-top:2rem;border-bottom:2px solid #1f4e79;margin-bottom:1rem}"
"header.doc h1{font-size:1.9rem;margin:.2rem 0;color:#1f4e79}"
"header.doc p{margin:.2rem 0 .8rem;color:#333}"
"h2{font-size:1.5rem;color:#1f4e79;margin:2rem 0 .6rem}"
"h3{font-size:1.2rem;margin:1.5rem 0 .5rem}h4{font-size:1.05rem;margin:1.2rem 0 .4rem}"
".num{margin-right:.5em}"
".sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}"
".nw{white-space:nowrap}td,th{hyphens:manual}"
".sig{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:0 2rem;margin:1.5rem 0}"
".sig-line{border-top:1px solid #1a1a1a;padding-top:.2rem;margin-top:2.5rem}.sig-role{color:#444;font-size:.85rem}"
".org{font-weight:700;letter-spacing:.04em;text-transform:uppercase;margin:0}"
"p{margin:.5rem 0 .9rem;max-width:46rem}"
"nav.toc ol{list-style:none;padding-left:0}nav.toc ol ol{padding-left:1.5rem}"
"a{color:#0b57a4}"
".table-wrap{overflow-x:auto;margin:.8rem 0 1.2rem}"
".table-wrap:focus{outline:2px solid #0b57a4}"
"table{border-collapse:collapse;font-size:.92rem;min-width:50%}"
"caption{text-align:left;font-weight:700;padding:.3rem 0;color:#1a1a1a}"
"th,td{border-bottom:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}"
"thead th{background:#e8eef5;border-bottom:2px solid #1f4e79}"
"tbody th{font-weight:400}"
"td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
"tr.total td,tr.total th{font-weight:700;border-top:2px solid #1a1a1a}"
"tr.group td,tr.group th{font-weight:700;background:#f4f4f4}"
".note{font-size:.85rem;color:#444;margin-top:.2rem}"
".v::before{content:'';display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.4em;vertical-align:-.05em;border:1px solid #1a1a1a}"
".v-met::before{background:#2e7d32}.v-partly::before{background:#f2c200}"
".v-not::before{background:#c62828}.v-none::before{background:#fff}"
"figure{margin:1rem 0 1.5rem}figure svg{max-width:100%;min-width:580px;height:auto}"
".chart-wrap{overflow-x:auto}.chart-wrap:focus{outline:2px solid #0b57a4}"
"figcaption{font-weight:700}"
"details{margin:.3rem 0}summary{cursor:pointer;color:#0b57a4}"
"table.matrix td{text-align:center;min-width:4.5rem;border:1px solid #fff;font-weight:700}"
"dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.2rem 1rem}"
"dt{font-weight:700}dd{margin:0}"
"footer.doc{border-top:1px solid #c8c8c8;margin-top:2rem;padding-top:.5rem;padding-bottom:2rem;color:#444;font-size:.85rem}"
".pagebreak{break-after:page}"
"@media (max-width:40rem){body{font-size:15px}header.doc h1{font-size:1.5rem}dl{grid-template-columns:1fr}}"
"@page{size:A4;margin:20mm 18mm}"
"@media print{body{font-size:10.5pt}.table-wrap,.chart-wrap{overflow:visible}figure svg{min-width:0}a{color:inherit;text-decoration:none}"
"thead{display:table-header-group}tr{break-inside:avoid}h2,h3,h4{break-after:avoid}"
"header.doc{break-after:page;border:none;padding-top:30%}details>summary{display:none}}";

/* Series colours: the one palette of every renderer (doc_palette). */
static void palette_colour(size_t s, char buf[8])
{
	snprintf(buf, 8, "#%06x", (unsigned)(doc_palette[s % DOC_PALETTE_N] & 0xffffff));
}

/* Text of a table cell: long words with soft hyphens at their Swedish
** hyphenation points (a narrow column on a phone breaks them there), and
** a number with its unit ("1 579 tkr", "högst 20 st") in a span that does
** not wrap; the text's letters are unchanged. '\n' is a line break.
** Words of fewer than min_chars letters are not hyphenated. */
static void cell_text(struct html *h, const char *text, size_t min_chars)
{
	struct strbuf sb = STRBUF_INIT, run = STRBUF_INIT;
	const char *s;

	doc_hyphenate(text, min_chars, true, "\x01", &sb);
	s = sb.buf;
	while(*s) {
		/* a token runs to a real space or line break; one holding a
		** joined space (\x01) is written unbreakable */
		size_t n = strcspn(s, " \n");
		if(memchr(s, '\x01', n)) {
			strbuf_reset(&run);
			for(size_t i = 0; i < n; i++)
				strbuf_addch(&run, s[i] == '\x01' ? ' ' : s[i]);
			html_elem_text(h, "span", run.buf, "class", "nw", NULL);
		} else {
			strbuf_reset(&run);
			strbuf_add(&run, s, n);
			html_text(h, run.buf);
		}
		s += n;
		if(*s == '\n')
			html_void(h, "br", NULL);
		else if(*s == ' ')
			html_text(h, " ");
		if(*s)
			s++;
	}
	strbuf_release(&sb);
	strbuf_release(&run);
}

static const char *verdict_class(enum doc_verdict v)
{
	switch(v) {
	case DOC_VERDICT_MET: return "v v-met";
	case DOC_VERDICT_PARTLY: return "v v-partly";
	case DOC_VERDICT_NOT_MET: return "v v-not";
	case DOC_VERDICT_NONE: break;
	}
	return "v v-none";
}

static void heading_text(struct strbuf *sb, const struct doc_heading *hd)
{
	if(hd->number) {
		strbuf_addstr(sb, hd->number);
		strbuf_addch(sb, ' ');
	}
	strbuf_addstr(sb, hd->text);
}

static void render_toc(struct html *h, const struct doc *d)
{
	int level = 0, base = h->depth;
	struct strbuf sb = STRBUF_INIT;

	html_open(h, "nav", "class", "toc", "aria-labelledby", "toc-h", NULL);
	html_elem_text(h, "h2", "Innehållsförteckning", "id", "toc-h", NULL);
	for(size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		if(b->type != DOC_HEADING || b->u.heading.level > 2)
			continue;
		int l = b->u.heading.level;
		while(level < l) {
			if(level > 0 && h->stack[h->depth - 1][0] != 'l')
				html_open(h, "li", NULL);
			html_open(h, "ol", NULL);
			level++;
		}
		while(level > l) {
			html_close(h); /* li */
			html_close(h); /* ol */
			level--;
		}
		if(h->stack[h->depth - 1][0] == 'l')   /* previous li at this level */
			html_close(h);
		html_open(h, "li", NULL);
		strbuf_reset(&sb);
		strbuf_addch(&sb, '#');
		strbuf_addstr(&sb, b->u.heading.id);
		html_open(h, "a", "href", sb.buf, NULL);
		strbuf_reset(&sb);
		heading_text(&sb, &b->u.heading);
		html_text(h, sb.buf);
		html_close(h);
	}
	html_close_to(h, base);
	strbuf_release(&sb);
}

static void render_cell(struct html *h, const struct doc_cell *c, bool header_row,
                        bool row_head, struct strbuf *tmp)
{
	char span[16] = "";
	const char *cls = doc_cell_is_numeric(c) ? "n" : NULL;

	if(c->colspan > 1)
		snprintf(span, sizeof(span), "%d", c->colspan);
	strbuf_reset(tmp);
	doc_cell_format(c, tmp);
	if(header_row && (c->type == DOC_CELL_EMPTY || (c->type == DOC_CELL_TEXT && !*c->text))) {
		/* an empty corner cell is no header (axe: empty-table-header) */
		html_open(h, "td", "colspan", *span ? span : NULL, NULL);
	} else if(header_row) {
		html_open(h, "th", "scope", c->colspan > 1 ? "colgroup" : "col",
		          "colspan", *span ? span : NULL, "title", c->source, NULL);
	} else if(row_head) {
		html_open(h, "th", "scope", "row", "colspan", *span ? span : NULL,
		          "title", c->source, NULL);
	} else {
		html_open(h, "td", "class", cls, "colspan", *span ? span : NULL,
		          "title", c->source, NULL);
	}
	if(c->type == DOC_CELL_VERDICT) {
		html_elem_text(h, "span", tmp->buf, "class", verdict_class(c->verdict), NULL);
	} else if(c->type == DOC_CELL_TEXT) {
		/* header words stay whole; in the body only long words (a
		** column on a phone is wider than a PDF's) get soft hyphens */
		cell_text(h, tmp->buf, header_row ? SIZE_MAX : 12);
	} else {
		html_text_br(h, tmp->buf);
	}
	html_close(h);
}

static void render_table(struct html *h, const struct doc_table *t, int *nfig)
{
	struct strbuf tmp = STRBUF_INIT;
	char id[32];
	size_t r = 0;
	int base = h->depth;

	snprintf(id, sizeof(id), "tab-%d", ++*nfig);
	html_open(h, "div", "class", "table-wrap", "role", "region", "tabindex", "0",
	          "aria-labelledby", t->caption ? id : NULL,
	          "aria-label", t->caption ? NULL : "Tabell", NULL);
	html_open(h, "table", "title", t->source, NULL);
	/* a caption that repeats the heading above is for screen readers only */
	if(t->caption)
		html_elem_text(h, "caption", t->caption, "id", id,
		               "class", t->caption_is_heading ? "sr-only" : NULL, NULL);
	if(r < t->nrows && (t->rows[r].flags & DOC_ROW_HEADER)) {
		html_open(h, "thead", NULL);
		for(; r < t->nrows && (t->rows[r].flags & DOC_ROW_HEADER); r++) {
			html_open(h, "tr", NULL);
			for(size_t c = 0; c < t->rows[r].ncells; c++)
				render_cell(h, &t->rows[r].cells[c], true, false, &tmp);
			html_close(h);
		}
		html_close(h);
	}
	html_open(h, "tbody", NULL);
	for(; r < t->nrows; r++) {
		const struct doc_row *row = &t->rows[r];
		const char *cls = (row->flags & DOC_ROW_TOTAL) ? "total" :
		                  (row->flags & DOC_ROW_GROUP) ? "group" : NULL;
		html_open(h, "tr", "class", cls, NULL);
		for(size_t c = 0; c < row->ncells; c++) {
			const struct doc_cell *cell = &row->cells[c];
			bool rowhead = c == 0 && cell->type == DOC_CELL_TEXT && *cell->text;
			render_cell(h, cell, (row->flags & DOC_ROW_HEADER) != 0, rowhead, &tmp);
		}
		html_close(h);
	}
	html_close_to(h, base);
	if(t->note)
		html_elem_text(h, "p", t->note, "class", "note", NULL);
	strbuf_release(&tmp);
}

static void value_text(struct strbuf *sb, int64_t v, int decimals, const char *unit)
{
	struct doc_cell c = { .type = DOC_CELL_DECIMAL, .value = v, .decimals = decimals };
	doc_cell_format(&c, sb);
	if(unit) {
		strbuf_addch(sb, ' ');
		strbuf_addstr(sb, unit);
	}
}

/* A bar or line chart as SVG, then its values as a table in <details>. */
static void render_chart(struct html *h, const struct doc_chart *ch, int *nfig)
{
	const double W = 640, R = 16, T = 16;
	double L = 70;
	/* Long category labels are drawn slanted; the bottom margin grows with
	** the longest so none is clipped. */
	size_t maxlab = 0;
	for(size_t i = 0; i < ch->nlabels; i++) {
		size_t n = 0;
		for(const char *p = ch->labels[i]; *p; p++)
			n += ((unsigned char)*p & 0xc0) != 0x80;
		if(n > maxlab)
			maxlab = n;
	}
	double slot0 = ch->nlabels ? (W - L - R) / (double)ch->nlabels : W - L - R;
	bool slant = (double)maxlab * 6.2 > slot0;
	if(slant && (double)maxlab * 4.8 - slot0 / 2 + 8 > L)   /* cos 40° ≈ 0,77 */
		L = (double)maxlab * 4.8 - slot0 / 2 + 8;
	double B = slant ? 50 + (double)maxlab * 4.6 : 60;
	double H = 240 + B + 16.0 * (double)ch->nseries;
	struct strbuf sb = STRBUF_INIT, desc = STRBUF_INIT;
	char id[32], buf[160];
	struct doc_ticks tk;
	int base = h->depth;
	double scale = 1;

	for(int i = 0; i < ch->decimals; i++)
		scale *= 10;
	doc_chart_ticks(ch, &tk);
	double plot_w = W - L - R, plot_h = H - T - B - 16.0 * (double)ch->nseries;
/* Y of a value in units; YV of a stored value (scaled by 10^decimals) */
#define Y(v) (T + plot_h * (tk.hi - (v)) / (tk.hi - tk.lo))
#define YV(v) Y((double)(v) / scale)

	++*nfig;
	/* text alternative: every value in words */
	strbuf_addf(&desc, "%s. ", ch->title);
	for(size_t s = 0; s < ch->nseries; s++) {
		strbuf_addf(&desc, "%s: ", ch->series[s].name);
		for(size_t i = 0; i < ch->nlabels; i++) {
			strbuf_addf(&desc, "%s%s ", i ? ", " : "", ch->labels[i]);
			if(ch->series[s].present[i])
				value_text(&desc, ch->series[s].values[i], ch->decimals, ch->unit);
			else
				strbuf_addstr(&desc, "saknar värde");
		}
		strbuf_addstr(&desc, ". ");
	}

	html_open(h, "figure", "title", ch->source, NULL);
	snprintf(id, sizeof(id), "fig-%d", *nfig);
	snprintf(buf, sizeof(buf), "0 0 %.0f %.0f", W, H);
	char hbuf[16];
	snprintf(hbuf, sizeof(hbuf), "%.0f", H);
	char tid[40], did[40];
	snprintf(tid, sizeof(tid), "%s-t", id);
	snprintf(did, sizeof(did), "%s-d", id);
	char labelled[90];
	snprintf(labelled, sizeof(labelled), "%s %s", tid, did);
	/* On a narrow screen the chart keeps a minimum width (its text stays
	** about 10 px and up) and scrolls sideways in a focusable region. */
	char cid[40];
	snprintf(cid, sizeof(cid), "%s-c", id);
	html_open(h, "div", "class", "chart-wrap", "role", "region", "tabindex", "0",
	          "aria-labelledby", cid, NULL);
	html_open(h, "svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", buf,
	          "width", "640", "height", hbuf, "role", "img",
	          "aria-labelledby", labelled, NULL);
	html_elem_text(h, "title", ch->title, "id", tid, NULL);
	html_elem_text(h, "desc", desc.buf, "id", did, NULL);
	/* axes and the zero line */
	char x1[24], y1[24], x2[24], y2[24];
	for(int g = 0; g <= tk.n; g++) {
		double v = doc_chart_tick(&tk, g);
		snprintf(x1, sizeof(x1), "%.1f", L);
		snprintf(x2, sizeof(x2), "%.1f", W - R);
		snprintf(y1, sizeof(y1), "%.1f", Y(v));
		html_void(h, "line", "x1", x1, "y1", y1, "x2", x2, "y2", y1,
		          "stroke", v == 0 ? "#1a1a1a" : "#d0d0d0", "stroke-width", "1", NULL);
		html_raw(h, "</line>");
		strbuf_reset(&sb);
		fmt_decimal_sv(&sb, llround(v * pow(10, tk.decimals)), tk.decimals);
		snprintf(x1, sizeof(x1), "%.1f", L - 6);
		snprintf(y2, sizeof(y2), "%.1f", Y(v) + 4);
		html_elem_text(h, "text", sb.buf, "x", x1, "y", y2, "text-anchor", "end",
		               "font-size", "11", "fill", "#1a1a1a", NULL);
	}
	if(ch->unit) {
		snprintf(x1, sizeof(x1), "%.1f", 4.0);
		html_elem_text(h, "text", ch->unit, "x", x1, "y", "12", "font-size", "11",
		               "fill", "#1a1a1a", NULL);
	}
	double slot = ch->nlabels ? plot_w / (double)ch->nlabels : plot_w;
	for(size_t i = 0; i < ch->nlabels; i++) {
		double x = L + slot * ((double)i + 0.5), y = T + plot_h + 16;
		char rot[64];
		snprintf(x1, sizeof(x1), "%.1f", x);
		snprintf(y1, sizeof(y1), "%.1f", y);
		snprintf(rot, sizeof(rot), "rotate(-40 %.1f %.1f)", x, y);
		html_elem_text(h, "text", ch->labels[i], "x", x1, "y", y1,
		               "text-anchor", slant ? "end" : "middle",
		               "transform", slant ? rot : NULL,
		               "font-size", "11", "fill", "#1a1a1a", NULL);
	}
	for(size_t s = 0; s < ch->nseries; s++) {
		const struct doc_series *se = &ch->series[s];
		char col[8];
		size_t under;
		bool on_top = ch->kind == DOC_CHART_LINE && doc_chart_series_coincides(ch, s, &under);
		palette_colour(s, col);
		if(ch->kind == DOC_CHART_BAR) {
			double bw = slot * 0.8 / (double)(ch->nseries ? ch->nseries : 1);
			for(size_t i = 0; i < ch->nlabels; i++) {
				if(!se->present[i])
					continue;
				double x = L + slot * (double)i + slot * 0.1 + bw * (double)s;
				double ya = YV(se->values[i]), y0 = Y(0);
				char w[24], hh[24];
				snprintf(x1, sizeof(x1), "%.1f", x);
				snprintf(y1, sizeof(y1), "%.1f", ya < y0 ? ya : y0);
				snprintf(w, sizeof(w), "%.1f", bw * 0.9);
				snprintf(hh, sizeof(hh), "%.1f", ya < y0 ? y0 - ya : ya - y0);
				html_open(h, "rect", "x", x1, "y", y1, "width", w, "height", hh,
				          "fill", col, NULL);
				strbuf_reset(&sb);
				strbuf_addf(&sb, "%s, %s: ", se->name, ch->labels[i]);
				value_text(&sb, se->values[i], ch->decimals, ch->unit);
				html_elem_text(h, "title", sb.buf, NULL);
				html_close(h);
			}
		} else {
			strbuf_reset(&sb);
			for(size_t i = 0; i < ch->nlabels; i++) {
				if(!se->present[i])
					continue;
				strbuf_addf(&sb, "%s%.1f,%.1f", sb.len ? " " : "",
				            L + slot * ((double)i + 0.5), YV(se->values[i]));
			}
			/* a series with the same values as an earlier one is drawn
			** dashed over it, its markers beside the other's */
			html_void(h, "polyline", "points", sb.buf, "fill", "none", "stroke", col,
			          "stroke-width", on_top ? "2" : "2.5",
			          "stroke-dasharray", on_top ? "6 4" : NULL, NULL);
			html_raw(h, "</polyline>");
			for(size_t i = 0; i < ch->nlabels; i++) {
				if(!se->present[i])
					continue;
				double mx = L + slot * ((double)i + 0.5) + (on_top ? 7 : 0), my = YV(se->values[i]);
				snprintf(x1, sizeof(x1), "%.1f", mx);
				snprintf(y1, sizeof(y1), "%.1f", my);
				if(s % 4 == 0) {
					html_open(h, "circle", "cx", x1, "cy", y1, "r", "4", "fill", col, NULL);
				} else {
					/* square, triangle, diamond: the PDF's markers */
					char pts[96];
					if(s % 4 == 1)
						snprintf(pts, sizeof(pts), "%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f",
						         mx - 3.5, my - 3.5, mx + 3.5, my - 3.5, mx + 3.5, my + 3.5, mx - 3.5, my + 3.5);
					else if(s % 4 == 2)
						snprintf(pts, sizeof(pts), "%.1f,%.1f %.1f,%.1f %.1f,%.1f",
						         mx, my - 5, mx + 4.5, my + 3.5, mx - 4.5, my + 3.5);
					else
						snprintf(pts, sizeof(pts), "%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f",
						         mx, my - 5, mx + 5, my, mx, my + 5, mx - 5, my);
					html_open(h, "polygon", "points", pts, "fill", col, NULL);
				}
				strbuf_reset(&sb);
				strbuf_addf(&sb, "%s, %s: ", se->name, ch->labels[i]);
				value_text(&sb, se->values[i], ch->decimals, ch->unit);
				html_elem_text(h, "title", sb.buf, NULL);
				html_close(h);
			}
		}
		/* legend: one line per series under the plot */
		char lx[24], ly[24];
		double ybase = H - 16.0 * (double)ch->nseries - 6 + 16.0 * (double)s;
		snprintf(lx, sizeof(lx), "%.1f", L);
		snprintf(ly, sizeof(ly), "%.1f", ybase);
		if(on_top) {
			/* a dashed line sample for the series drawn over another */
			char y0[24], x2b[24];
			snprintf(y0, sizeof(y0), "%.1f", ybase + 6);
			snprintf(x2b, sizeof(x2b), "%.1f", L + 12);
			html_void(h, "line", "x1", lx, "y1", y0, "x2", x2b, "y2", y0, "stroke", col,
			          "stroke-width", "3", "stroke-dasharray", "4 2", NULL);
			html_raw(h, "</line>");
		} else {
			html_open(h, "rect", "x", lx, "y", ly, "width", "12", "height", "12", "fill", col, NULL);
			html_close(h);
		}
		snprintf(lx, sizeof(lx), "%.1f", L + 16);
		snprintf(ly, sizeof(ly), "%.1f", ybase + 10);
		/* A name longer than the line is cut with "…"; the whole name is
		** in the text's title, the desc and the table under the chart. */
		struct strbuf name = STRBUF_INIT;
		strbuf_addstr(&name, se->name);
		if(on_top)
			strbuf_addf(&name, " (streckad: samma värden som %s)", ch->series[under].name);
		size_t fit = (size_t)((W - R - L - 16) / 6.2), nch = 0;
		const char *cut = NULL;
		for(const char *p = name.buf; *p; p++)
			if(((unsigned char)*p & 0xc0) != 0x80 && ++nch == fit)
				cut = p;
		html_open(h, "text", "x", lx, "y", ly, "font-size", "11", "fill", "#1a1a1a", NULL);
		if(cut && nch > fit) {
			html_elem_text(h, "title", name.buf, NULL);
			strbuf_reset(&sb);
			strbuf_add(&sb, name.buf, (size_t)(cut - name.buf));
			strbuf_addstr(&sb, "…");
			html_text(h, sb.buf);
		} else {
			html_text(h, name.buf);
		}
		strbuf_release(&name);
		html_close(h);
	}
	html_close(h); /* svg */
	html_close(h); /* div.chart-wrap */
	html_elem_text(h, "figcaption", ch->title, "id", cid, NULL);
	html_open(h, "details", NULL);
	html_elem_text(h, "summary", "Diagrammets värden som tabell", NULL);
	/* a wide values table scrolls: focusable, named after the chart */
	strbuf_reset(&sb);
	strbuf_addf(&sb, "Värden: %s", ch->title);
	html_open(h, "div", "class", "table-wrap", "role", "region", "tabindex", "0",
	          "aria-label", sb.buf, NULL);
	html_open(h, "table", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem_text(h, "th", "Serie", "scope", "col", NULL);
	for(size_t i = 0; i < ch->nlabels; i++)
		html_elem_text(h, "th", ch->labels[i], "scope", "col", "class", "n", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for(size_t s = 0; s < ch->nseries; s++) {
		html_open(h, "tr", NULL);
		html_elem_text(h, "th", ch->series[s].name, "scope", "row", NULL);
		for(size_t i = 0; i < ch->nlabels; i++) {
			strbuf_reset(&sb);
			if(ch->series[s].present[i])
				value_text(&sb, ch->series[s].values[i], ch->decimals, ch->unit);
			html_elem_text(h, "td", sb.buf, "class", "n", NULL);
		}
		html_close(h);
	}
	html_close_to(h, base);
	strbuf_release(&sb);
	strbuf_release(&desc);
#undef Y
}

/* Black or white text, whichever contrasts more with the background. */
static const char *ink_for(uint32_t rgb)
{
	double c[3] = { (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff };
	double lum = 0;
	const double w[3] = { 0.2126, 0.7152, 0.0722 };
	for(int i = 0; i < 3; i++) {
		double v = c[i] / 255.0;
		/* (v+0.055)/1.055)^2.4 approximated well enough by v^2.2 */
		double lin = v <= 0.04045 ? v / 12.92 : v * v * (0.5 + 0.5 * v);
		lum += w[i] * lin;
	}
	/* contrast with black: (L+0.05)/0.05; with white: 1.05/(L+0.05) */
	return (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) ? "#000000" : "#ffffff";
}

static void render_matrix(struct html *h, const struct doc_riskmatrix *m, int *nfig)
{
	char id[32], style[64], num[16];
	struct strbuf sb = STRBUF_INIT;
	int base = h->depth;

	snprintf(id, sizeof(id), "tab-%d", ++*nfig);
	html_open(h, "div", "class", "table-wrap", "role", "region", "tabindex", "0",
	          "aria-labelledby", id, NULL);
	html_open(h, "table", "class", "matrix", "title", m->source, NULL);
	html_elem_text(h, "caption", m->title, "id", id, NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	strbuf_addf(&sb, "%s \\ %s", m->prob_axis, m->cons_axis);
	html_elem_text(h, "th", sb.buf, "scope", "col", NULL);
	for(int c = 0; c < m->ncons; c++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%d %s", c + 1, m->cons_label[c]);
		html_elem_text(h, "th", sb.buf, "scope", "col", NULL);
	}
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for(int p = m->nprob - 1; p >= 0; p--) {
		html_open(h, "tr", NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%d %s", p + 1, m->prob_label[p]);
		html_elem_text(h, "th", sb.buf, "scope", "row", NULL);
		for(int c = 0; c < m->ncons; c++) {
			uint32_t bg = m->colour[p][c];
			snprintf(style, sizeof(style), "background:#%06x;color:%s", bg & 0xffffff,
			         ink_for(bg));
			strbuf_reset(&sb);
			strbuf_addf(&sb, "Riskvärde %d%s%s: %d risker", (p + 1) * (c + 1),
			            m->level[p][c] ? ", " : "", m->level[p][c] ? m->level[p][c] : "",
			            m->count[p][c]);
			snprintf(num, sizeof(num), "%d", m->count[p][c]);
			html_elem_text(h, "td", m->count[p][c] ? num : "", "style", style,
			               "title", sb.buf, NULL);
		}
		html_close(h);
	}
	html_close_to(h, base);
	strbuf_release(&sb);
}

void render_html_blocks(const struct doc *d, struct html *h)
{
	int nfig = 0;
	for(size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		html_raw(h, "\n");
		switch(b->type) {
		case DOC_HEADING: {
			static const char *const tag[] = { "h2", "h3", "h4" };
			html_open(h, tag[b->u.heading.level - 1], "id", b->u.heading.id, NULL);
			if(b->u.heading.number)
				html_elem_text(h, "span", b->u.heading.number, "class", "num", NULL);
			html_text(h, b->u.heading.text);
			html_close(h);
			break;
		}
		case DOC_PARA:
			html_open(h, "p", NULL);
			html_text_br(h, b->u.para);
			html_close(h);
			break;
		case DOC_LIST:
			html_open(h, b->u.list.ordered ? "ol" : "ul", NULL);
			for(size_t j = 0; j < b->u.list.nitems; j++)
				html_elem_text(h, "li", b->u.list.items[j], NULL);
			html_close(h);
			break;
		case DOC_DEFLIST:
			html_open(h, "dl", NULL);
			for(size_t j = 0; j < b->u.deflist.n; j++) {
				html_elem_text(h, "dt", b->u.deflist.terms[j], NULL);
				html_open(h, "dd", NULL);
				html_text_br(h, b->u.deflist.defs[j]);
				html_close(h);
			}
			html_close(h);
			break;
		case DOC_TABLE:
			render_table(h, &b->u.table, &nfig);
			break;
		case DOC_CHART:
			render_chart(h, &b->u.chart, &nfig);
			break;
		case DOC_RISKMATRIX:
			render_matrix(h, &b->u.matrix, &nfig);
			break;
		case DOC_PAGEBREAK:
			html_open(h, "div", "class", "pagebreak", "aria-hidden", "true", NULL);
			html_close(h);
			break;
		case DOC_SIGNATURES:
			/* a line to sign on over each name and role */
			html_open(h, "div", "class", "sig", NULL);
			if(b->u.sig.intro)
				html_elem_text(h, "p", b->u.sig.intro, NULL);
			for(size_t j = 0; j < b->u.sig.n; j++) {
				html_open(h, "p", "class", "sig-line", NULL);
				if(*b->u.sig.names[j]) {
					html_text(h, b->u.sig.names[j]);
					html_void(h, "br", NULL);
				}
				html_elem_text(h, "span", b->u.sig.roles[j], "class", "sig-role", NULL);
				html_close(h);
			}
			html_close(h);
			break;
		}
	}
}

const char *render_html_style(void)
{
	return css;
}

enum styr_rc render_html(const struct doc *d, struct strbuf *out, struct styr_error *err)
{
	struct html h;
	struct strbuf sb = STRBUF_INIT;
	char iso[11];
	bool has_toc = false;

	(void)err;
	html_init(&h, out);
	html_raw(&h, "<!DOCTYPE html>\n");
	html_open(&h, "html", "lang", d->language ? d->language : "sv", NULL);
	html_open(&h, "head", NULL);
	html_void(&h, "meta", "charset", "utf-8", NULL);
	html_void(&h, "meta", "name", "viewport", "content", "width=device-width, initial-scale=1", NULL);
	if(d->committee)
		html_void(&h, "meta", "name", "author", "content", d->committee, NULL);
	html_void(&h, "meta", "name", "generator", "content", "styr", NULL);
	strbuf_addstr(&sb, d->title);
	if(d->committee) {
		strbuf_addstr(&sb, " – ");
		strbuf_addstr(&sb, d->committee);
	}
	html_elem_text(&h, "title", sb.buf, NULL);
	html_open(&h, "style", NULL);
	html_raw(&h, css);
	if(d->accent) {
		/* the publisher's colour for the title, headings and the rule */
		char rule[160];
		snprintf(rule, sizeof(rule), "header.doc h1,h2,.org{color:#%06x}header.doc{border-color:#%06x}",
		         (unsigned)d->accent, (unsigned)d->accent);
		html_raw(&h, rule);
	}
	html_close(&h);
	html_close(&h); /* head */
	html_raw(&h, "\n");
	html_open(&h, "body", NULL);
	html_open(&h, "header", "class", "doc", NULL);
	if(d->org)
		html_elem_text(&h, "p", d->org, "class", "org", NULL);
	html_elem_text(&h, "h1", d->title, NULL);
	if(d->subtitle)
		html_elem_text(&h, "p", d->subtitle, NULL);
	if(d->committee && (!d->subtitle || !strstr(d->subtitle, d->committee)))
		html_elem_text(&h, "p", d->committee, NULL);
	if(d->date.year) {
		date_format_iso(d->date, iso);
		html_open(&h, "p", NULL);
		html_open(&h, "time", "datetime", iso, NULL);
		html_text(&h, iso);
		html_close_to(&h, h.depth - 2);
	}
	html_close(&h);
	for(size_t i = 0; i < d->nblocks; i++)
		if(d->blocks[i].type == DOC_HEADING)
			has_toc = true;
	if(d->toc && has_toc)
		render_toc(&h, d);
	html_open(&h, "main", NULL);
	render_html_blocks(d, &h);
	if(d->natt) {
		html_elem_text(&h, "h2", "Bilagor", "id", "bilagor", NULL);
		html_open(&h, "ul", NULL);
		for(size_t j = 0; j < d->natt; j++)
			html_elem_text(&h, "li", d->att[j].title, NULL);
		html_close(&h);
	}
	html_close(&h); /* main */
	html_raw(&h, "\n");
	if(d->footer || d->header) {
		html_open(&h, "footer", "class", "doc", NULL);
		strbuf_reset(&sb);
		if(d->header)
			strbuf_addstr(&sb, d->header);
		if(d->header && d->footer)
			strbuf_addstr(&sb, " · ");
		if(d->footer)
			strbuf_addstr(&sb, d->footer);
		html_elem_text(&h, "p", sb.buf, NULL);
		html_close(&h);
	}
	html_close_to(&h, 0);
	html_raw(&h, "\n");
	strbuf_release(&sb);
	return STYR_OK;
}
