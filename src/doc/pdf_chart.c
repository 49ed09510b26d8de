/*
** pdf_chart.c — bar and line charts and the internal-control risk matrix,
** drawn with cairo on the PDF pages. Every figure drawn is also written
** as text (value labels, axis ticks, counts), so the PDF's text layer
** carries the numbers too.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/money.h"
#include "base/strbuf.h"
#include "doc/doc.h"
#include "doc/pdf_layout.h"

#define PLOT_H 160.0

static const struct pdf_rgb palette[] = {
	{ 0.05, 0.25, 0.45 }, /* the accent blue */
	{ 0.90, 0.50, 0.10 },
	{ 0.30, 0.60, 0.30 },
	{ 0.55, 0.35, 0.60 },
	{ 0.50, 0.50, 0.50 },
	{ 0.75, 0.20, 0.20 },
	{ 0.10, 0.60, 0.65 },
	{ 0.60, 0.50, 0.15 },
};
#define NPALETTE (sizeof(palette) / sizeof(palette[0]))

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

/* A category label wrapped at the band width, at a size where its longest
** word fits ("PERSONALKOSTNADER" in a narrow band): from the small size
** down to 5 pt, breaking inside the word only below that. */
static PangoLayout *category_label(struct pdf *p, const char *text, double band)
{
	PangoLayout *l = pdf_text(p, text, PDF_SMALL, band - 2, PANGO_ALIGN_CENTER);
	PangoFontDescription *fd;
	int size = pango_font_description_get_size(p->font[PDF_SMALL]);
	double longest = 0;
	const char *s = text;

	while(*s) {
		size_t n = strcspn(s, " \n");
		if(n) {
			PangoLayout *w = pdf_text(p, "", PDF_SMALL, -1, PANGO_ALIGN_LEFT);
			double ww;
			pango_layout_set_text(w, s, (int)n);
			pdf_text_size(w, &ww, NULL);
			g_object_unref(w);
			if(ww > longest)
				longest = ww;
		}
		s += n;
		s += strspn(s, " \n");
	}
	if(longest <= band - 2)
		return l;
	fd = pango_font_description_copy(p->font[PDF_SMALL]);
	size = (int)(size * 0.95 * (band - 2) / longest);
	if(size < 5 * PANGO_SCALE)
		size = 5 * PANGO_SCALE;
	pango_font_description_set_size(fd, size);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	return l;
}

/* Height of the category labels under the plot. */
static double labels_height(struct pdf *p, const struct doc_chart *c, double band)
{
	double hmax = 0;
	for(size_t i = 0; i < c->nlabels; i++) {
		PangoLayout *l = category_label(p, c->labels[i], band);
		double h;
		pdf_text_size(l, NULL, &h);
		if(h > hmax)
			hmax = h;
		g_object_unref(l);
	}
	return hmax;
}

/* The legend under a chart from y: a coloured square and the name of each
** series, in lines; returns its height. draw false only measures. */
static double legend(struct pdf *p, const struct doc_chart *c, double y, bool draw)
{
	double x = PDF_MARGIN_X, h = 0;
	for(size_t s = 0; s < c->nseries; s++) {
		PangoLayout *l = pdf_text(p, c->series[s].name ? c->series[s].name : "",
		                          PDF_SMALL, -1, PANGO_ALIGN_LEFT);
		double w, th;
		pdf_text_size(l, &w, &th);
		if(s == 0) {
			h = th + 3;
		} else if(x + 11 + w > PDF_MARGIN_X + PDF_BODY_W) {
			x = PDF_MARGIN_X; /* on to the next line */
			y += th + 3;
			h += th + 3;
		}
		if(draw) {
			pdf_set_rgb(p, palette[s % NPALETTE]);
			cairo_rectangle(p->cr, x, y + th / 2 - 4, 8, 8);
			cairo_fill(p->cr);
			pdf_set_rgb(p, PDF_BLACK);
			pdf_draw_text(p, l, x + 11, y);
		}
		x += 11 + w + 14;
		g_object_unref(l);
	}
	return h;
}

void pdf_chart(struct pdf *p, const struct doc_chart *c)
{
	cairo_t *cr = p->cr;
	double lo = 0, hi = 0, step, cap_h, lab_h, leg_h, axis_w = 0, band;
	double x0, x1, ytop, ybot;
	double scale = pow10i(c->decimals);
	int tick_dec;
	struct doc_ticks tk;
	struct strbuf sb = STRBUF_INIT;

	doc_chart_ticks(c, &tk);
	lo = tk.lo;
	hi = tk.hi;
	step = tk.step;
	tick_dec = tk.decimals;

	/* The widest tick label sets the left edge of the plot. */
	for(int i = 0; i <= tk.n; i++) {
		double t = doc_chart_tick(&tk, i);
		PangoLayout *l;
		double w;
		strbuf_reset(&sb);
		fmt_value(&sb, t, tick_dec);
		l = pdf_text(p, sb.buf, PDF_SMALL, -1, PANGO_ALIGN_LEFT);
		pdf_text_size(l, &w, NULL);
		axis_w = w > axis_w ? w : axis_w;
		g_object_unref(l);
	}
	x0 = PDF_MARGIN_X + axis_w + 6;
	x1 = PDF_MARGIN_X + PDF_BODY_W;
	band = c->nlabels ? (x1 - x0) / (double)c->nlabels : x1 - x0;
	cap_h = caption_height(p, c->title);
	lab_h = labels_height(p, c, band);
	leg_h = c->nseries > 1 || (c->nseries == 1 && c->series[0].name && *c->series[0].name)
	        ? legend(p, c, 0, false) : 0;

	pdf_space(p, 6);
	pdf_need(p, cap_h + 12 + PLOT_H + 4 + lab_h + 6 + leg_h + source_height(p, c->source));
	pdf_tag_begin(p, "Figure", NULL);
	draw_caption(p, c->title);
	if(c->unit && *c->unit) {
		PangoLayout *l = pdf_text(p, c->unit, PDF_SMALL, -1, PANGO_ALIGN_LEFT);
		pdf_set_rgb(p, PDF_GREY);
		pdf_draw_text(p, l, PDF_MARGIN_X, p->y);
		g_object_unref(l);
	}
	ytop = p->y + 12;
	ybot = ytop + PLOT_H;
#define Y(v) (ybot - ((v) - lo) / (hi - lo) * PLOT_H)

	/* Grid and tick labels. */
	cairo_set_line_width(cr, 0.3);
	for(int i = 0; i <= tk.n; i++) {
		double t = doc_chart_tick(&tk, i);
		PangoLayout *l;
		double w, h, y = Y(t);
		pdf_set_rgb(p, fabs(t) < step / 1e6 ? PDF_GREY : PDF_LIGHT);
		cairo_move_to(cr, x0, y);
		cairo_line_to(cr, x1, y);
		cairo_stroke(cr);
		strbuf_reset(&sb);
		fmt_value(&sb, t, tick_dec);
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
				double v, bx, y0, y1, tw, th;
				PangoLayout *l;
				if(se->present && !se->present[i])
					continue;
				v = (double)se->values[i] / scale;
				bx = x0 + band * (double)i + (band - gw) / 2 + bw * (double)s;
				y0 = Y(0);
				y1 = Y(v);
				pdf_set_rgb(p, palette[s % NPALETTE]);
				cairo_rectangle(cr, bx + 0.5, fmin(y0, y1), bw - 1, fabs(y1 - y0));
				cairo_fill(cr);
				/* The value over (or under) its bar when it fits. */
				strbuf_reset(&sb);
				fmt_decimal_sv(&sb, se->values[i], c->decimals);
				l = pdf_text(p, sb.buf, PDF_SMALL, -1, PANGO_ALIGN_LEFT);
				pdf_text_size(l, &tw, &th);
				if(tw <= bw + 4) {
					pdf_set_rgb(p, PDF_BLACK);
					pdf_draw_text(p, l, bx + bw / 2 - tw / 2,
					              v >= 0 ? y1 - th - 1 : y1 + 1);
				}
				g_object_unref(l);
			}
	} else {
		for(size_t s = 0; s < c->nseries; s++) {
			const struct doc_series *se = &c->series[s];
			bool pen = false;
			pdf_set_rgb(p, palette[s % NPALETTE]);
			cairo_set_line_width(cr, 1.6);
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
			for(size_t i = 0; i < c->nlabels; i++) {
				double x = x0 + band * ((double)i + 0.5), y, tw, th;
				PangoLayout *l;
				if(se->present && !se->present[i])
					continue;
				y = Y((double)se->values[i] / scale);
				pdf_set_rgb(p, palette[s % NPALETTE]);
				cairo_arc(cr, x, y, 2.4, 0, 2 * G_PI);
				cairo_fill(cr);
				if(c->nseries > 2)
					continue; /* values over points would collide */
				strbuf_reset(&sb);
				fmt_decimal_sv(&sb, se->values[i], c->decimals);
				l = pdf_text(p, sb.buf, PDF_SMALL, -1, PANGO_ALIGN_LEFT);
				pdf_text_size(l, &tw, &th);
				pdf_set_rgb(p, PDF_BLACK);
				pdf_draw_text(p, l, x - tw / 2, y - th - 3);
				g_object_unref(l);
			}
		}
	}
#undef Y

	pdf_set_rgb(p, PDF_GREY);
	cairo_set_line_width(cr, 0.6);
	cairo_move_to(cr, x0, ytop);
	cairo_line_to(cr, x0, ybot);
	cairo_stroke(cr);
	pdf_set_rgb(p, PDF_BLACK);
	for(size_t i = 0; i < c->nlabels; i++) {
		PangoLayout *l = category_label(p, c->labels[i], band);
		pdf_draw_text(p, l, x0 + band * (double)i + 1, ybot + 4);
		g_object_unref(l);
	}
	p->y = ybot + 4 + lab_h + 6;
	if(leg_h > 0)
		p->y += legend(p, c, p->y, true);
	pdf_tag_end(p, "Figure");
	source_line(p, c->source);
	p->y += 10;
	strbuf_release(&sb);
}

static struct pdf_rgb rgb_of(uint32_t c)
{
	return (struct pdf_rgb){ ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0,
	                         (c & 0xff) / 255.0 };
}

void pdf_riskmatrix(struct pdf *p, const struct doc_riskmatrix *m)
{
	cairo_t *cr = p->cr;
	const double cell_h = 44, axis_w = 16, lab_w = 88;
	double cap_h, cell_w, gx, gy, lab_h = 0;
	struct strbuf sb = STRBUF_INIT;

	cell_w = (PDF_BODY_W - axis_w - lab_w) / 4;
	if(cell_w > 92)
		cell_w = 92;
	gx = PDF_MARGIN_X + axis_w + lab_w;
	cap_h = caption_height(p, m->title);
	for(int c = 0; c < 4; c++) {
		PangoLayout *l = pdf_text(p, m->cons_label[c], PDF_SMALL, cell_w - 4,
		                          PANGO_ALIGN_CENTER);
		double h;
		pdf_text_size(l, NULL, &h);
		lab_h = h > lab_h ? h : lab_h;
		g_object_unref(l);
	}

	pdf_space(p, 6);
	pdf_need(p, cap_h + 4 * cell_h + 6 + lab_h + 14 + source_height(p, m->source));
	pdf_tag_begin(p, "Figure", NULL);
	draw_caption(p, m->title);
	gy = p->y;

	for(int row = 0; row < 4; row++) {
		int pi = 3 - row; /* probability 4 at the top */
		double y = gy + cell_h * row;
		PangoLayout *l = pdf_text(p, m->prob_label[pi], PDF_SMALL, lab_w - 6,
		                          PANGO_ALIGN_RIGHT);
		double h;
		pdf_text_size(l, NULL, &h);
		pdf_set_rgb(p, PDF_BLACK);
		pdf_draw_text(p, l, gx - lab_w, y + cell_h / 2 - h / 2);
		g_object_unref(l);
		for(int ci = 0; ci < 4; ci++) {
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
	for(int ci = 0; ci < 4; ci++)
		text_centred(p, m->cons_label[ci], PDF_SMALL, gx + cell_w * (ci + 0.5),
		             gy + 4 * cell_h + 4, cell_w - 4);
	text_centred(p, m->cons_axis ? m->cons_axis : "", PDF_SMALL_BOLD,
	             gx + 2 * cell_w, gy + 4 * cell_h + 6 + lab_h, -1);
	if(m->prob_axis && *m->prob_axis) {
		PangoLayout *l = pdf_text(p, m->prob_axis, PDF_SMALL_BOLD, -1, PANGO_ALIGN_LEFT);
		double w, h;
		pdf_text_size(l, &w, &h);
		cairo_save(cr);
		cairo_translate(cr, PDF_MARGIN_X + 2, gy + 2 * cell_h + w / 2);
		cairo_rotate(cr, -G_PI / 2);
		pdf_draw_text(p, l, 0, 0);
		cairo_restore(cr);
		g_object_unref(l);
	}
	p->y = gy + 4 * cell_h + 6 + lab_h + 14;
	pdf_tag_end(p, "Figure");
	source_line(p, m->source);
	p->y += 10;
	strbuf_release(&sb);
}
