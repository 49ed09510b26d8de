/*
** pdf_chart.c — bar and line charts and the internal-control risk matrix,
** drawn with cairo on the PDF pages. Every figure drawn is also written
** as text (value labels, axis ticks, counts), so the PDF's text layer
** carries the numbers too.
*/
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>
#include <zlib.h>

#include "base/money.h"
#include "base/strbuf.h"
#include "doc/doc.h"
#include "doc/pdf_layout.h"

#define PLOT_H 160.0
#define MAX_LABELS 512

static struct pdf_rgb rgb_of(uint32_t c);

static struct pdf_rgb series_rgb(size_t s)
{
	return rgb_of(doc_palette[s % DOC_PALETTE_N]);
}

static double pow10i(int n)
{
	double v = 1;
	for(int i = 0; i < n; i++)
		v *= 10;
	return v;
}

static void fmt_value(struct strbuf *sb, double v, int decimals)
{
	fmt_decimal_sv(sb, (int64_t)llround(v * pow10i(decimals)), decimals);
}

/* Draw text centred on x, top at y (wrapped at width). */
static double text_centred(struct pdf *p, const char *s, enum pdf_style st,
                           double x, double y, double width)
{
	PangoLayout *l = pdf_text(p, s, st, width, PANGO_ALIGN_CENTER);
	double w, h;
	pdf_text_size(l, &w, &h);
	pdf_draw_text(p, l, width > 0 ? x - width / 2 : x - w / 2, y);
	g_object_unref(l);
	return h;
}

/* Height of a figure's caption with the gap under it (0 when none). */
static double caption_height(struct pdf *p, const char *title)
{
	PangoLayout *l;
	double h;
	if(!title || !*title)
		return 0;
	l = pdf_text(p, title, PDF_BOLD, PDF_BODY_W, PANGO_ALIGN_LEFT);
	pdf_text_size(l, NULL, &h);
	g_object_unref(l);
	return h + 6;
}

static void draw_caption(struct pdf *p, const char *title)
{
	if(title && *title) {
		PangoLayout *l = pdf_text(p, title, PDF_BOLD, PDF_BODY_W, PANGO_ALIGN_LEFT);
		double h;
		pdf_text_size(l, NULL, &h);
		pdf_tag_begin(p, "Caption", NULL);
		pdf_draw_text(p, l, PDF_MARGIN_X, p->y);
		pdf_tag_end(p, "Caption");
		p->y += h + 6;
		g_object_unref(l);
	}
}

/* Height of the source line under a chart or matrix (0 when none). */
static double source_height(struct pdf *p, const char *source)
{
	struct strbuf sb = STRBUF_INIT;
	PangoLayout *l;
	double h;
	if(!source || !*source)
		return 0;
	strbuf_addf(&sb, "Källa: %s", source);
	l = pdf_text(p, sb.buf, PDF_SMALL, PDF_BODY_W, PANGO_ALIGN_LEFT);
	pdf_text_size(l, NULL, &h);
	g_object_unref(l);
	strbuf_release(&sb);
	return h + 3;
}

static void source_line(struct pdf *p, const char *source)
{
	if(source && *source) {
		struct strbuf sb = STRBUF_INIT;
		PangoLayout *l;
		double h;
		strbuf_addf(&sb, "Källa: %s", source);
		l = pdf_text(p, sb.buf, PDF_SMALL, PDF_BODY_W, PANGO_ALIGN_LEFT);
		pdf_text_size(l, NULL, &h);
		pdf_need(p, h + 3);
		pdf_set_rgb(p, PDF_GREY);
		pdf_draw_text(p, l, PDF_MARGIN_X, p->y + 3);
		pdf_set_rgb(p, PDF_BLACK);
		p->y += h + 3;
		g_object_unref(l);
		strbuf_release(&sb);
	}
}

/* ---- chart layout ------------------------------------------------------ */

/* A value label placed over the plot: its box, or dropped. */
struct vlabel {
	double x, y, w, h;
	size_t s, i;
	bool shown;
};

/* Everything about a chart that both its height and its drawing need. */
struct chart_box {
	struct doc_ticks tk;
	double axis_w, x0, x1, band, cap_h, lab_h, leg_h, src_h, note_h;
	double lab_size;            /* one size for every category label (pango units) */
	struct vlabel *vl;          /* value labels, in drawing order */
	size_t nvl, dropped;
	struct doc_table values;    /* the values of dropped labels, as a table */
	bool has_values;
};

static PangoLayout *category_label(struct pdf *p, const char *text, double band, int size)
{
	return pdf_text_hy(p, text, PDF_SMALL, band - 2, PANGO_ALIGN_CENTER, size);
}

/* One size for all category labels: the small size, or smaller when a
** label's longest piece (a word, or a part of one between hyphenation
** points) does not fit its band; never below 5 pt. */
static int label_size(struct pdf *p, const struct doc_chart *c, double band)
{
	int size = pango_font_description_get_size(p->font[PDF_SMALL]);
	double worst = 1;
	for(size_t i = 0; i < c->nlabels; i++) {
		PangoLayout *l = pdf_text_hy(p, c->labels[i], PDF_SMALL, band - 2, PANGO_ALIGN_CENTER, 0);
		PangoRectangle ink, log;
		pango_layout_get_extents(l, &ink, &log);
		/* a line wider than the band means a piece that does not fit */
		for(GSList *it = pango_layout_get_lines_readonly(l); it; it = it->next) {
			PangoRectangle lr;
			pango_layout_line_get_extents(it->data, NULL, &lr);
			double w = (double)lr.width / PANGO_SCALE;
			if(w > band - 2 && (band - 2) / w < worst)
				worst = (band - 2) / w;
		}
		g_object_unref(l);
	}
	size = (int)(size * (worst < 1 ? 0.97 * worst : 1));
	return size < 5 * PANGO_SCALE ? 5 * PANGO_SCALE : size;
}

static double labels_height(struct pdf *p, const struct doc_chart *c, double band, int size)
{
	double hmax = 0;
	for(size_t i = 0; i < c->nlabels; i++) {
		PangoLayout *l = category_label(p, c->labels[i], band, size);
		double h;
		pdf_text_size(l, NULL, &h);
		hmax = h > hmax ? h : hmax;
		g_object_unref(l);
	}
	return hmax;
}

/* The legend text of series s: its name, and for a series drawn on top
** of an earlier one with the same values, which. */
static void legend_text(const struct doc_chart *c, size_t s, struct strbuf *sb)
{
	size_t under;
	strbuf_addstr(sb, c->series[s].name ? c->series[s].name : "");
	if(c->kind == DOC_CHART_LINE && doc_chart_series_coincides(c, s, &under)) {
		/* name the series it lies on, its first words when long */
		const char *o = c->series[under].name ? c->series[under].name : "";
		size_t n = strlen(o), cut = n;
		if(n > 40) {
			cut = 40;
			while(cut > 20 && o[cut] != ' ')
				cut--;
		}
		strbuf_addstr(sb, " (streckad: samma värden som \u201c");
		strbuf_add(sb, o, cut);
		strbuf_addstr(sb, cut < n ? "…\u201d)" : "\u201d)");
	}
}

/* A series marker: circle, square, triangle, diamond ... by series. */
static void marker(cairo_t *cr, size_t s, double x, double y, double r)
{
	switch(s % 4) {
	case 0:
		cairo_arc(cr, x, y, r, 0, 2 * G_PI);
		break;
	case 1:
		cairo_rectangle(cr, x - r, y - r, 2 * r, 2 * r);
		break;
	case 2:
		cairo_move_to(cr, x, y - 1.2 * r);
		cairo_line_to(cr, x + 1.1 * r, y + 0.8 * r);
		cairo_line_to(cr, x - 1.1 * r, y + 0.8 * r);
		cairo_close_path(cr);
		break;
	default:
		cairo_move_to(cr, x, y - 1.3 * r);
		cairo_line_to(cr, x + 1.3 * r, y);
		cairo_line_to(cr, x, y + 1.3 * r);
		cairo_line_to(cr, x - 1.3 * r, y);
		cairo_close_path(cr);
		break;
	}
	cairo_fill(cr);
}

static void dash_for(cairo_t *cr, const struct doc_chart *c, size_t s)
{
	static const double dash[] = { 4, 2.5 };
	if(c->kind == DOC_CHART_LINE && doc_chart_series_coincides(c, s, NULL))
		cairo_set_dash(cr, dash, 2, 0);
	else
		cairo_set_dash(cr, NULL, 0, 0);
}

/* The legend under a chart from y: a marker (and line) and the name of
** each series, in lines; returns its height. draw false only measures. */
static double legend(struct pdf *p, const struct doc_chart *c, double y, bool draw)
{
	double x = PDF_MARGIN_X, h = 0;
	struct strbuf sb = STRBUF_INIT;
	for(size_t s = 0; s < c->nseries; s++) {
		PangoLayout *l;
		double w, th, key = c->kind == DOC_CHART_LINE ? 18 : 11;
		strbuf_reset(&sb);
		legend_text(c, s, &sb);
		l = pdf_text(p, sb.buf, PDF_SMALL, PDF_BODY_W - key, PANGO_ALIGN_LEFT);
		pdf_text_size(l, &w, &th);
		if(s == 0) {
			h = th + 3;
		} else if(x + key + w > PDF_MARGIN_X + PDF_BODY_W) {
			x = PDF_MARGIN_X; /* on to the next line */
			y += th + 3;
			h += th + 3;
		}
		if(draw) {
			pdf_set_rgb(p, series_rgb(s));
			if(c->kind == DOC_CHART_LINE) {
				cairo_set_line_width(p->cr, 1.4);
				dash_for(p->cr, c, s);
				cairo_move_to(p->cr, x, y + th / 2);
				cairo_line_to(p->cr, x + 14, y + th / 2);
				cairo_stroke(p->cr);
				cairo_set_dash(p->cr, NULL, 0, 0);
				marker(p->cr, s, x + 7, y + th / 2, 2.6);
			} else {
				cairo_rectangle(p->cr, x, y + th / 2 - 4, 8, 8);
				cairo_fill(p->cr);
			}
			pdf_set_rgb(p, PDF_BLACK);
			pdf_draw_text(p, l, x + key, y);
		}
		x += key + w + 14;
		g_object_unref(l);
	}
	strbuf_release(&sb);
	return h;
}

static bool overlaps(const struct vlabel *a, const struct vlabel *b)
{
	return a->x < b->x + b->w + 1 && b->x < a->x + a->w + 1 &&
	       a->y < b->y + b->h && b->y < a->y + a->h;
}

/* Place the value labels (plot coordinates from ytop = 0): over a bar (or
** under one below zero), over a line's point; a label that would overlap
** one already placed is moved one line further out (staggered), and
** dropped when that overlaps too or leaves the plot. */
static void place_labels(struct pdf *p, const struct doc_chart *c, struct chart_box *b)
{
	double lo = b->tk.lo, hi = b->tk.hi, scale = pow10i(c->decimals);
	struct strbuf sb = STRBUF_INIT;
#define PY(v) (PLOT_H - ((v) - lo) / (hi - lo) * PLOT_H)
	b->vl = xcalloc(c->nlabels * c->nseries + 1, sizeof(*b->vl));
	for(size_t i = 0; i < c->nlabels; i++)
		for(size_t s = 0; s < c->nseries; s++) {
			const struct doc_series *se = &c->series[s];
			struct vlabel *v = &b->vl[b->nvl];
			PangoLayout *l;
			double val, cx, y, gw = b->band * 0.72, bw = gw / (double)c->nseries;
			if(se->present && !se->present[i])
				continue;
			if(c->kind == DOC_CHART_LINE && doc_chart_series_coincides(c, s, NULL))
				continue; /* its values are those of the series it lies on */
			val = (double)se->values[i] / scale;
			strbuf_reset(&sb);
			fmt_decimal_sv(&sb, se->values[i], c->decimals);
			l = pdf_text(p, sb.buf, PDF_SMALL, -1, PANGO_ALIGN_LEFT);
			pdf_text_size(l, &v->w, &v->h);
			g_object_unref(l);
			if(c->kind == DOC_CHART_BAR)
				cx = b->x0 + b->band * (double)i + (b->band - gw) / 2 + bw * ((double)s + 0.5);
			else
				cx = b->x0 + b->band * ((double)i + 0.5);
			y = PY(val);
			v->x = cx - v->w / 2;
			v->y = val >= 0 || c->kind == DOC_CHART_LINE ? y - v->h - 2 : y + 1;
			v->s = s;
			v->i = i;
			v->shown = true;
			for(int tries = 0; tries < 3 && v->shown; tries++) {
				bool clash = v->y < -12 || v->y + v->h > PLOT_H + 1;
				for(size_t k = 0; k < b->nvl && !clash; k++)
					clash = b->vl[k].shown && overlaps(v, &b->vl[k]);
				if(!clash)
					break;
				if(tries == 2) {
					v->shown = false;
				} else if(c->kind == DOC_CHART_LINE && tries == 0) {
					v->y = y + 3; /* under the point */
				} else {
					v->y -= v->h; /* one line further out */
					if(tries == 1 && c->kind == DOC_CHART_LINE)
						v->y = y - 2 * v->h - 2;
				}
			}
			if(!v->shown)
				b->dropped++;
			b->nvl++;
		}
#undef PY
	strbuf_release(&sb);
}

/* The values table printed under a chart when labels were dropped. */
static void values_table(const struct doc_chart *c, struct doc_table *t)
{
	struct doc *tmp = doc_new("");
	struct doc_table *src = doc_table_begin(tmp, NULL, c->nlabels + 1);
	doc_row_begin(tmp, DOC_ROW_HEADER);
	doc_cell_text(tmp, "Serie");
	for(size_t i = 0; i < c->nlabels; i++)
		doc_cell_text(tmp, c->labels[i]);
	for(size_t s = 0; s < c->nseries; s++) {
		doc_row_begin(tmp, 0);
		doc_cell_text(tmp, c->series[s].name ? c->series[s].name : "");
		for(size_t i = 0; i < c->nlabels; i++) {
			if(c->series[s].present && !c->series[s].present[i])
				doc_cell_empty(tmp);
			else
				doc_cell_decimal(tmp, c->series[s].values[i], c->decimals, NULL);
		}
	}
	doc_table_note(tmp, "Diagrammets värden: alla ryms inte som etiketter i diagrammet.");
	*t = *src;
	memset(src, 0, sizeof(*src));
	tmp->nblocks = 0;
	doc_free(tmp);
}

static void chart_box_init(struct pdf *p, const struct doc_chart *c, struct chart_box *b)
{
	struct strbuf sb = STRBUF_INIT;
	memset(b, 0, sizeof(*b));
	doc_chart_ticks(c, &b->tk);
	/* The widest tick label sets the left edge of the plot. */
	for(int i = 0; i <= b->tk.n; i++) {
		PangoLayout *l;
		double w;
		strbuf_reset(&sb);
		fmt_value(&sb, doc_chart_tick(&b->tk, i), b->tk.decimals);
		l = pdf_text(p, sb.buf, PDF_SMALL, -1, PANGO_ALIGN_LEFT);
		pdf_text_size(l, &w, NULL);
		b->axis_w = w > b->axis_w ? w : b->axis_w;
		g_object_unref(l);
	}
	strbuf_release(&sb);
	b->x0 = PDF_MARGIN_X + b->axis_w + 6;
	b->x1 = PDF_MARGIN_X + PDF_BODY_W;
	b->band = c->nlabels ? (b->x1 - b->x0) / (double)c->nlabels : b->x1 - b->x0;
	b->cap_h = caption_height(p, c->title);
	b->lab_size = label_size(p, c, b->band);
	b->lab_h = labels_height(p, c, b->band, (int)b->lab_size);
	b->leg_h = c->nseries > 1 || (c->nseries == 1 && c->series[0].name && *c->series[0].name)
	           ? legend(p, c, 0, false) : 0;
	b->src_h = source_height(p, c->source);
	place_labels(p, c, b);
	if(b->dropped) {
		struct pdf_table_plan *tp;
		values_table(c, &b->values);
		b->has_values = true;
		tp = pdf_table_prepare(p, &b->values);
		b->note_h = pdf_table_keep(tp, 1e9) + 8;
		pdf_table_draw_none(tp);
	}
}

static void chart_box_release(struct chart_box *b)
{
	free(b->vl);
	if(b->has_values) {
		struct doc *tmp = doc_new("");
		doc_table_begin(tmp, NULL, 1);
		tmp->blocks[0].u.table = b->values;
		doc_free(tmp);
	}
}

static double box_height(const struct chart_box *b)
{
	return b->cap_h + 16 + PLOT_H + 4 + b->lab_h + 6 + b->leg_h + b->src_h + 6;
}

double pdf_chart_height(struct pdf *p, const struct doc_chart *c)
{
	struct chart_box b;
	double h;
	chart_box_init(p, c, &b);
	h = box_height(&b) + b.note_h;
	chart_box_release(&b);
	return h;
}

/* ---- the chart as a PNG image ----------------------------------------- */

static void put_u32(unsigned char *b, uint32_t v)
{
	b[0] = (unsigned char)(v >> 24);
	b[1] = (unsigned char)(v >> 16);
	b[2] = (unsigned char)(v >> 8);
	b[3] = (unsigned char)v;
}

/* Append a PNG chunk: length, type, data, CRC of type and data. */
static void png_chunk(struct strbuf *png, const char *type, const unsigned char *data, size_t n)
{
	unsigned char b[4];
	uLong crc = crc32(0, (const Bytef *)type, 4);
	put_u32(b, (uint32_t)n);
	strbuf_add(png, b, 4);
	strbuf_add(png, type, 4);
	if(n) {
		strbuf_add(png, data, n);
		crc = crc32(crc, data, (uInt)n);
	}
	put_u32(b, (uint32_t)crc);
	strbuf_add(png, b, 4);
}

/* The RGB24 image surface s as an 8-bit RGB PNG appended to png (s's
** pixels are used up: the caller only destroys it after this): the
** pixels cairo_surface_write_to_png() writes, with its white background
** colour, but every row unfiltered and the whole deflated in one go by
** libdeflate at level 2. cairo's writer (libpng: an adaptive filter chosen
** per row, zlib's default level) took about ten times the instructions
** for a chart, for a PNG of about the same size (-7 % to +6 % on the
** example's charts); zlib at level 3 took twice libdeflate's, for a PNG
** a quarter larger. libdeflate's level 1 (another match finder) took a
** third longer than level 2 on these pictures (8.4 against 5.8 ms for
** the 1446 x 910 pixels of the annual report's first chart), for a PNG
** 2 % larger; a PNG filter (up, sub) only made them larger. False when
** libdeflate cannot be set up. */
static bool png_rgb24(cairo_surface_t *s, struct strbuf *png)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	static const unsigned char bkgd[6] = { 0, 0xff, 0, 0xff, 0, 0xff };
	unsigned char ihdr[13] = { 0 }, b[4], *raw;
	int w, h, stride;
	size_t rowlen, at, bound, n;
	struct libdeflate_compressor *z;

	cairo_surface_flush(s);
	if(cairo_surface_status(s) != CAIRO_STATUS_SUCCESS ||
	   cairo_image_surface_get_format(s) != CAIRO_FORMAT_RGB24)
		return false;
	z = libdeflate_alloc_compressor(2);
	if(!z)
		return false;
	w = cairo_image_surface_get_width(s);
	h = cairo_image_surface_get_height(s);
	stride = cairo_image_surface_get_stride(s);
	raw = cairo_image_surface_get_data(s);
	rowlen = 1 + 3 * (size_t)w;

	/* The rows as PNG has them, a filter byte (0, none) and R G B, made
	** in the surface's own memory (s is not drawn on again): a new
	** buffer of 4 MB cost its page faults, 1.5 ms a chart. A row's
	** bytes never reach a pixel not yet read: row y starts at y * rowlen
	** <= y * stride, and pixel x is written to 1 + 3x .. 3 + 3x, below
	** the 4x + 4 where pixel x + 1 starts. */
	for(int y = 0; y < h; y++) {
		const unsigned char *src = raw + (size_t)y * (size_t)stride;
		unsigned char *row = raw + (size_t)y * rowlen;
		uint32_t px0;
		memcpy(&px0, src, 4);
		row[0] = 0;
		for(int x = 0; x < w; x++) {
			uint32_t px;
			if(x)
				memcpy(&px, src + 4 * (size_t)x, 4);
			else
				px = px0;
			row[1 + 3 * x] = (unsigned char)(px >> 16);
			row[2 + 3 * x] = (unsigned char)(px >> 8);
			row[3 + 3 * x] = (unsigned char)px;
		}
	}

	strbuf_add(png, sig, sizeof(sig));
	put_u32(ihdr, (uint32_t)w);
	put_u32(ihdr + 4, (uint32_t)h);
	ihdr[8] = 8; /* bits per sample */
	ihdr[9] = 2; /* RGB; compression, filter method and interlace 0 */
	png_chunk(png, "IHDR", ihdr, sizeof(ihdr));
	png_chunk(png, "bKGD", bkgd, sizeof(bkgd));

	/* one IDAT chunk, deflated in place after its length and type */
	at = png->len;
	strbuf_add(png, "\0\0\0\0IDAT", 8);
	bound = libdeflate_zlib_compress_bound(z, rowlen * (size_t)h);
	strbuf_grow(png, bound + 16);
	n = libdeflate_zlib_compress(z, raw, rowlen * (size_t)h, png->buf + png->len, bound);
	libdeflate_free_compressor(z);
	if(!n)
		return false; /* cannot happen: the bound is enough */
	png->len += n;
	png->buf[png->len] = '\0';
	put_u32(b, (uint32_t)n);
	memcpy(png->buf + at, b, 4);
	put_u32(b, (uint32_t)crc32(0, (const Bytef *)png->buf + at + 4, (uInt)(n + 4)));
	strbuf_add(png, b, 4);
	png_chunk(png, "IEND", NULL, 0);
	return true;
}

bool pdf_chart_png(const struct doc_chart *c, double scale, struct strbuf *png,
                   double *w, double *h)
{
	/* measure on a tiny surface, then draw on one of the chart's size */
	PangoFontMap *fonts = pdf_font_map();
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
	struct pdf p;
	bool ok;

	pdf_init(&p, s, fonts, PDF_PASS_MEASURE, NULL);
	*w = PDF_BODY_W;
	*h = pdf_chart_height(&p, c);
	pdf_release(&p);
	cairo_surface_destroy(s);

	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(*w * scale) + 1,
	                               (int)(*h * scale) + 1);
	pdf_init(&p, s, fonts, PDF_PASS_IMAGE, NULL);
	cairo_set_source_rgb(p.cr, 1, 1, 1);
	cairo_paint(p.cr);
	pdf_set_rgb(&p, PDF_BLACK);
	cairo_scale(p.cr, scale, scale);
	cairo_translate(p.cr, -PDF_MARGIN_X, -PDF_BODY_TOP);
	pdf_ensure_page(&p);
	pdf_chart(&p, c);
	pdf_release(&p);
	ok = png_rgb24(s, png);
	cairo_surface_destroy(s);
	return ok;
}

void pdf_chart(struct pdf *p, const struct doc_chart *c)
{
	cairo_t *cr = p->cr;
	double lo, hi, step, x0, x1, ytop, ybot, band, scale = pow10i(c->decimals);
	struct chart_box b;
	struct strbuf sb = STRBUF_INIT;

	chart_box_init(p, c, &b);
	lo = b.tk.lo;
	hi = b.tk.hi;
	step = b.tk.step;
	x0 = b.x0;
	x1 = b.x1;
	band = b.band;

	pdf_space(p, 6);
	pdf_need(p, box_height(&b) - 6 + b.note_h);
	pdf_tag_begin(p, "Figure", NULL);
	draw_caption(p, c->title);
	if(c->unit && *c->unit) {
		PangoLayout *l = pdf_text(p, c->unit, PDF_SMALL, -1, PANGO_ALIGN_LEFT);
		pdf_set_rgb(p, PDF_GREY);
		pdf_draw_text(p, l, PDF_MARGIN_X, p->y);
		g_object_unref(l);
	}
	ytop = p->y + 16; /* room for the unit over the top tick label */
	ybot = ytop + PLOT_H;
#define Y(v) (ybot - ((v) - lo) / (hi - lo) * PLOT_H)

	/* Grid and tick labels. */
	cairo_set_line_width(cr, 0.3);
	for(int i = 0; i <= b.tk.n; i++) {
		double t = doc_chart_tick(&b.tk, i);
		PangoLayout *l;
		double w, h, y = Y(t);
		pdf_set_rgb(p, fabs(t) < step / 1e6 ? PDF_GREY : PDF_LIGHT);
		cairo_move_to(cr, x0, y);
		cairo_line_to(cr, x1, y);
		cairo_stroke(cr);
		strbuf_reset(&sb);
		fmt_value(&sb, t, b.tk.decimals);
		l = pdf_text(p, sb.buf, PDF_SMALL, -1, PANGO_ALIGN_LEFT);
		pdf_text_size(l, &w, &h);
		pdf_set_rgb(p, PDF_GREY);
		pdf_draw_text(p, l, x0 - 4 - w, y - h / 2);
		g_object_unref(l);
	}

	/* The data. */
	if(c->kind == DOC_CHART_BAR && c->nseries) {
		double gw = band * 0.72, bw = gw / (double)c->nseries;
		for(size_t i = 0; i < c->nlabels; i++)
			for(size_t s = 0; s < c->nseries; s++) {
				const struct doc_series *se = &c->series[s];
				double v, bx, y0, y1;
				if(se->present && !se->present[i])
					continue;
				v = (double)se->values[i] / scale;
				bx = x0 + band * (double)i + (band - gw) / 2 + bw * (double)s;
				y0 = Y(0);
				y1 = Y(v);
				pdf_set_rgb(p, series_rgb(s));
				cairo_rectangle(cr, bx + 0.5, fmin(y0, y1), bw - 1, fabs(y1 - y0));
				cairo_fill(cr);
			}
	} else {
		for(size_t s = 0; s < c->nseries; s++) {
			const struct doc_series *se = &c->series[s];
			bool pen = false, on_top = doc_chart_series_coincides(c, s, NULL);
			pdf_set_rgb(p, series_rgb(s));
			cairo_set_line_width(cr, on_top ? 1.4 : 1.8);
			dash_for(cr, c, s);
			for(size_t i = 0; i < c->nlabels; i++) {
				double x = x0 + band * ((double)i + 0.5);
				if(se->present && !se->present[i]) {
					pen = false;
					continue;
				}
				double y = Y((double)se->values[i] / scale);
				if(pen)
					cairo_line_to(cr, x, y);
				else
					cairo_move_to(cr, x, y);
				pen = true;
			}
			cairo_stroke(cr);
			cairo_set_dash(cr, NULL, 0, 0);
			for(size_t i = 0; i < c->nlabels; i++) {
				if(se->present && !se->present[i])
					continue;
				/* a coinciding series' markers sit beside the other's */
				marker(cr, s, x0 + band * ((double)i + 0.5) + (on_top ? 5.5 : 0),
				       Y((double)se->values[i] / scale), on_top ? 2.2 : 2.6);
			}
		}
	}
	/* Value labels, one size, none overlapping (place_labels). */
	pdf_set_rgb(p, PDF_BLACK);
	for(size_t k = 0; k < b.nvl; k++) {
		const struct vlabel *v = &b.vl[k];
		PangoLayout *l;
		if(!v->shown)
			continue;
		strbuf_reset(&sb);
		fmt_decimal_sv(&sb, c->series[v->s].values[v->i], c->decimals);
		l = pdf_text(p, sb.buf, PDF_SMALL, -1, PANGO_ALIGN_LEFT);
		pdf_draw_text(p, l, v->x, ytop + v->y);
		g_object_unref(l);
	}
#undef Y

	pdf_set_rgb(p, PDF_GREY);
	cairo_set_line_width(cr, 0.6);
	cairo_move_to(cr, x0, ytop);
	cairo_line_to(cr, x0, ybot);
	cairo_stroke(cr);
	pdf_set_rgb(p, PDF_BLACK);
	for(size_t i = 0; i < c->nlabels; i++) {
		PangoLayout *l = category_label(p, c->labels[i], band, (int)b.lab_size);
		pdf_draw_text(p, l, x0 + band * (double)i + 1, ybot + 4);
		g_object_unref(l);
	}
	p->y = ybot + 4 + b.lab_h + 6;
	if(b.leg_h > 0)
		p->y += legend(p, c, p->y, true);
	pdf_tag_end(p, "Figure");
	source_line(p, c->source);
	p->y += 4;
	if(b.has_values)
		pdf_table(p, &b.values);
	p->y += 6;
	chart_box_release(&b);
	strbuf_release(&sb);
}

static struct pdf_rgb rgb_of(uint32_t c)
{
	return (struct pdf_rgb){ ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0,
	                         (c & 0xff) / 255.0 };
}

double pdf_riskmatrix_height(struct pdf *p, const struct doc_riskmatrix *m)
{
	const double cell_h = 44, axis_w = 16, lab_w = 88;
	double cell_w = (PDF_BODY_W - axis_w - lab_w) / 4, lab_h = 0;
	if(cell_w > 92)
		cell_w = 92;
	for(int c = 0; c < 4; c++) {
		PangoLayout *l = pdf_text(p, m->cons_label[c], PDF_SMALL, cell_w - 4,
		                          PANGO_ALIGN_CENTER);
		double h;
		pdf_text_size(l, NULL, &h);
		lab_h = h > lab_h ? h : lab_h;
		g_object_unref(l);
	}
	return 6 + caption_height(p, m->title) + 4 * cell_h + 6 + lab_h + 14 +
	       source_height(p, m->source) + 10;
}

void pdf_riskmatrix(struct pdf *p, const struct doc_riskmatrix *m)
{
	cairo_t *cr = p->cr;
	const double cell_h = 44, axis_w = 16, lab_w = 88;
	double cap_h, cell_w, gx, gy, lab_h = 0;
	struct strbuf sb = STRBUF_INIT;

	cell_w = (PDF_BODY_W - axis_w - lab_w) / m->ncons;
	if(cell_w > 92)
		cell_w = 92;
	gx = PDF_MARGIN_X + axis_w + lab_w;
	cap_h = caption_height(p, m->title);
	for(int c = 0; c < m->ncons; c++) {
		PangoLayout *l = pdf_text(p, m->cons_label[c], PDF_SMALL, cell_w - 4,
		                          PANGO_ALIGN_CENTER);
		double h;
		pdf_text_size(l, NULL, &h);
		lab_h = h > lab_h ? h : lab_h;
		g_object_unref(l);
	}

	pdf_space(p, 6);
	pdf_need(p, cap_h + m->nprob * cell_h + 6 + lab_h + 14 + source_height(p, m->source));
	pdf_tag_begin(p, "Figure", NULL);
	draw_caption(p, m->title);
	gy = p->y;

	for(int row = 0; row < m->nprob; row++) {
		int pi = m->nprob - 1 - row; /* the highest probability at the top */
		double y = gy + cell_h * row;
		PangoLayout *l = pdf_text(p, m->prob_label[pi], PDF_SMALL, lab_w - 6,
		                          PANGO_ALIGN_RIGHT);
		double h;
		pdf_text_size(l, NULL, &h);
		pdf_set_rgb(p, PDF_BLACK);
		pdf_draw_text(p, l, gx - lab_w, y + cell_h / 2 - h / 2);
		g_object_unref(l);
		for(int ci = 0; ci < m->ncons; ci++) {
			double x = gx + cell_w * ci;
			uint32_t col = m->colour[pi][ci];
			struct pdf_rgb bg = rgb_of(col);
			double lum = 0.299 * bg.r + 0.587 * bg.g + 0.114 * bg.b;
			struct pdf_rgb fg = lum < 0.5 ? (struct pdf_rgb){ 1, 1, 1 } : PDF_BLACK;

			pdf_set_rgb(p, bg);
			cairo_rectangle(cr, x, y, cell_w, cell_h);
			cairo_fill_preserve(cr);
			cairo_set_source_rgb(cr, 1, 1, 1);
			cairo_set_line_width(cr, 1.5);
			cairo_stroke(cr);

			/* The risk value in the corner, the count of risks in the
			** middle, the level's name at the foot. */
			pdf_set_rgb(p, fg);
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%d", (pi + 1) * (ci + 1));
			l = pdf_text(p, sb.buf, PDF_SMALL, -1, PANGO_ALIGN_LEFT);
			pdf_draw_text(p, l, x + 3, y + 2);
			g_object_unref(l);
			if(m->count[pi][ci] > 0) {
				strbuf_reset(&sb);
				strbuf_addf(&sb, "%d st", m->count[pi][ci]);
				text_centred(p, sb.buf, PDF_H3, x + cell_w / 2, y + cell_h / 2 - 8, -1);
			}
			if(m->level[pi][ci] && *m->level[pi][ci]) {
				l = pdf_text(p, m->level[pi][ci], PDF_SMALL, cell_w - 6, PANGO_ALIGN_RIGHT);
				pdf_text_size(l, NULL, &h);
				pdf_draw_text(p, l, x + 3, y + cell_h - h - 2);
				g_object_unref(l);
			}
		}
	}
	/* Axis labels and names. */
	pdf_set_rgb(p, PDF_BLACK);
	for(int ci = 0; ci < m->ncons; ci++)
		text_centred(p, m->cons_label[ci], PDF_SMALL, gx + cell_w * (ci + 0.5),
		             gy + m->nprob * cell_h + 4, cell_w - 4);
	text_centred(p, m->cons_axis ? m->cons_axis : "", PDF_SMALL_BOLD,
	             gx + m->ncons * cell_w / 2, gy + m->nprob * cell_h + 6 + lab_h, -1);
	if(m->prob_axis && *m->prob_axis) {
		PangoLayout *l = pdf_text(p, m->prob_axis, PDF_SMALL_BOLD, -1, PANGO_ALIGN_LEFT);
		double w, h;
		pdf_text_size(l, &w, &h);
		cairo_save(cr);
		cairo_translate(cr, PDF_MARGIN_X + 2, gy + m->nprob * cell_h / 2 + w / 2);
		cairo_rotate(cr, -G_PI / 2);
		pdf_draw_text(p, l, 0, 0);
		cairo_restore(cr);
		g_object_unref(l);
	}
	p->y = gy + m->nprob * cell_h + 6 + lab_h + 14;
	pdf_tag_end(p, "Figure");
	source_line(p, m->source);
	p->y += 10;
	strbuf_release(&sb);
}
