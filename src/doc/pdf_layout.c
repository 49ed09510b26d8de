/*
** pdf_layout.c — pages, running header and footer, text in the house
** fonts, headings, paragraphs and bullet lists for the PDF renderer.
** See pdf_layout.h for the two passes and the memo they share.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "base/strbuf.h"
#include "doc/doc.h"
#include "doc/pdf_layout.h"

const struct pdf_rgb PDF_BLACK  = { 0.0, 0.0, 0.0 };
const struct pdf_rgb PDF_GREY   = { 0.35, 0.35, 0.35 };
const struct pdf_rgb PDF_LIGHT  = { 0.90, 0.92, 0.94 };
const struct pdf_rgb PDF_ACCENT = { ((DOC_ACCENT >> 16) & 0xff) / 255.0,
                                    ((DOC_ACCENT >> 8) & 0xff) / 255.0,
                                    (DOC_ACCENT & 0xff) / 255.0 };

static const char *const style_font[PDF_STYLE_COUNT] = {
	[PDF_BODY]       = "DejaVu Sans, sans 9.5",
	[PDF_BOLD]       = "DejaVu Sans, sans Bold 9.5",
	[PDF_SMALL]      = "DejaVu Sans, sans 7.5",
	[PDF_SMALL_BOLD] = "DejaVu Sans, sans Bold 7.5",
	[PDF_H1]         = "DejaVu Sans, sans Bold 15",
	[PDF_H2]         = "DejaVu Sans, sans Bold 12",
	[PDF_H3]         = "DejaVu Sans, sans Bold 10.5",
	[PDF_TITLE]      = "DejaVu Sans, sans Bold 24",
	[PDF_SUBTITLE]   = "DejaVu Sans, sans 14",
};

/* Points are pango points: no 96 dpi scaling, no hinted metrics, so
** both passes and every viewer agree on where lines break. */
static PangoContext *new_context(cairo_t *cr, PangoFontMap *fonts)
{
	PangoContext *c = pango_font_map_create_context(fonts);
	cairo_font_options_t *fo;

	pango_cairo_update_context(cr, c);
	pango_cairo_context_set_resolution(c, 72.0);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(c, fo);
	cairo_font_options_destroy(fo);
	return c;
}

struct pdf_memo {
	PangoContext *pango;
	GHashTable *layouts;                /* memo_key() -> PangoLayout */
	GHashTable *width[PDF_STYLE_COUNT]; /* text -> width in pango units */
	GHashTable *piece[PDF_STYLE_COUNT]; /* word -> widest piece, pango units */
};

struct pdf_memo *pdf_memo_new(PangoFontMap *fonts, cairo_surface_t *surface)
{
	struct pdf_memo *m = xcalloc(1, sizeof(*m));
	cairo_t *cr = cairo_create(surface);
	m->pango = new_context(cr, fonts);
	cairo_destroy(cr);
	m->layouts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref);
	for(int i = 0; i < PDF_STYLE_COUNT; i++) {
		m->width[i] = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
		m->piece[i] = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	}
	return m;
}

void pdf_memo_free(struct pdf_memo *m)
{
	if(!m)
		return;
	g_hash_table_destroy(m->layouts);
	for(int i = 0; i < PDF_STYLE_COUNT; i++) {
		g_hash_table_destroy(m->width[i]);
		g_hash_table_destroy(m->piece[i]);
	}
	g_object_unref(m->pango);
	free(m);
}

void pdf_init(struct pdf *p, cairo_surface_t *surface, PangoFontMap *fonts,
              enum pdf_pass pass, struct pdf_memo *memo)
{
	memset(p, 0, sizeof(*p));
	p->surface = surface;
	p->pass = pass;
	p->memo = memo;
	p->cr = cairo_create(surface);
	p->pango = memo ? g_object_ref(memo->pango) : new_context(p->cr, fonts);
	for(int i = 0; i < PDF_STYLE_COUNT; i++)
		p->font[i] = pango_font_description_from_string(style_font[i]);
	p->y = PDF_BODY_TOP;
	p->body_bot = PDF_BODY_BOT_PLAIN;
	p->accent = PDF_ACCENT;
}

void pdf_release(struct pdf *p)
{
	if(p->page_open)
		cairo_show_page(p->cr);
	p->page_open = false;
	for(int i = 0; i < PDF_STYLE_COUNT; i++)
		pango_font_description_free(p->font[i]);
	g_object_unref(p->pango);
	cairo_destroy(p->cr);
	pdf_headings_free(p->heads, p->nheads);
	p->heads = NULL;
	p->nheads = 0;
}

struct pdf_heading *pdf_take_headings(struct pdf *p, size_t *n)
{
	struct pdf_heading *h = p->heads;
	*n = p->nheads;
	p->heads = NULL;
	p->nheads = p->aheads = 0;
	return h;
}

void pdf_headings_free(struct pdf_heading *h, size_t n)
{
	for(size_t i = 0; i < n; i++) {
		free(h[i].number);
		free(h[i].text);
	}
	free(h);
}

/* Copy text into sb with a WORD JOINER (U+2060) after every space that
** must not break a line (doc_space_joins: inside a number written with
** group spaces, "6 356", and between a number and its unit, "6,72 %",
** "20 st", "1 579 tkr"); with hyphens
** also after a hyphen inside a word ("IT-nämnd", for titles and
** headings). The joiner is invisible and extracts to nothing, so
** pdftotext still reads "6 356". Returns false (sb untouched) when
** there is nothing to join. */
static bool join_numbers(const char *text, bool hyphens, struct strbuf *sb)
{
	bool any = false;
	for(const char *s = text; *s; s++) {
		bool join = (s[0] == ' ' && doc_space_joins(text, (size_t)(s - text))) ||
		            (hyphens && s[0] == '-' && s > text && s[-1] != ' ' &&
		             s[1] && s[1] != ' ');
		if(join && !any) {
			strbuf_add(sb, text, (size_t)(s - text));
			any = true;
		}
		if(any) {
			strbuf_addch(sb, *s);
			if(join)
				strbuf_addstr(sb, "\u2060");
		}
	}
	return any;
}

/* A new layout of text as pdf_text_ex() describes it, width in pango
** units (<= 0: no wrapping), size in pango units (0: the style's). */
static PangoLayout *new_layout(struct pdf *p, const char *text, enum pdf_style style,
                               int width, PangoAlignment align, unsigned opts, int size)
{
	PangoLayout *l = pango_layout_new(p->pango);
	struct strbuf sb = STRBUF_INIT;
	if(size > 0) {
		PangoFontDescription *fd = pango_font_description_copy(p->font[style]);
		pango_font_description_set_size(fd, size);
		pango_layout_set_font_description(l, fd);
		pango_font_description_free(fd);
	} else {
		pango_layout_set_font_description(l, p->font[style]);
	}
	if(width > 0) {
		pango_layout_set_width(l, width);
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, align);
	if(opts & PDF_TEXT_ELLIPSIZE)
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	if(opts & PDF_TEXT_SPACED)
		pango_layout_set_spacing(l, 2 * PANGO_SCALE);
	if(text && join_numbers(text, style >= PDF_H1, &sb))
		text = sb.buf;
	pango_layout_set_text(l, text ? text : "", -1);
	strbuf_release(&sb);
	return l;
}

#define TEXT_HY 0x100 /* memo key option: the text hyphenated by pdf_text_hy */

/* The memo's key of a layout: everything new_layout() makes it of. */
static char *memo_key(const char *text, enum pdf_style style, int width,
                      PangoAlignment align, unsigned opts, int size)
{
	return g_strdup_printf("%d %d %d %u %d:%s", (int)style, width, (int)align, opts, size,
	                       text ? text : "");
}

static int pango_width(double width)
{
	return width > 0 ? (int)(width * PANGO_SCALE) : -1;
}

static int memo_size(struct pdf *p, enum pdf_style style, int size)
{
	return size == pango_font_description_get_size(p->font[style]) ? 0 : size;
}

PangoLayout *pdf_text_ex(struct pdf *p, const char *text, enum pdf_style style,
                         double width, PangoAlignment align, unsigned opts)
{
	PangoLayout *l;
	char *key;
	if(!p->memo)
		return new_layout(p, text, style, pango_width(width), align, opts, 0);
	key = memo_key(text, style, pango_width(width), align, opts, 0);
	l = g_hash_table_lookup(p->memo->layouts, key);
	if(l) {
		g_free(key);
	} else {
		l = new_layout(p, text, style, pango_width(width), align, opts, 0);
		g_hash_table_insert(p->memo->layouts, key, l);
	}
	return g_object_ref(l);
}

PangoLayout *pdf_text(struct pdf *p, const char *text, enum pdf_style style,
                      double width, PangoAlignment align)
{
	return pdf_text_ex(p, text, style, width, align, 0);
}

static size_t utf8_chars(const char *s, size_t n)
{
	size_t c = 0;
	for(size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* The width of text on one line in style, in pango units. */
static int text_width_pu(struct pdf *p, const char *text, enum pdf_style style)
{
	PangoLayout *l;
	gpointer v;
	int w;
	if(p->memo && g_hash_table_lookup_extended(p->memo->width[style], text, NULL, &v))
		return GPOINTER_TO_INT(v);
	l = new_layout(p, text, style, -1, PANGO_ALIGN_LEFT, 0, 0);
	pango_layout_get_size(l, &w, NULL);
	g_object_unref(l);
	if(p->memo)
		g_hash_table_insert(p->memo->width[style], g_strdup(text), GINT_TO_POINTER(w));
	return w;
}

double pdf_text_width(struct pdf *p, const char *text, enum pdf_style style)
{
	return (double)text_width_pu(p, text, style) / PANGO_SCALE;
}

double pdf_piece_width(struct pdf *p, const char *word, enum pdf_style style)
{
	struct strbuf hy = STRBUF_INIT;
	gpointer v;
	int piece = 0;

	if(p->memo && g_hash_table_lookup_extended(p->memo->piece[style], word, NULL, &v))
		return (double)GPOINTER_TO_INT(v) / PANGO_SCALE;
	doc_hyphenate(word, PDF_HYPHEN_MIN, false, NULL, &hy);
	if(hy.len > strlen(word)) {
		struct strbuf pc = STRBUF_INIT;
		for(const char *q = hy.buf; *q;) {
			const char *e = strstr(q, "\xc2\xad");
			size_t k = e ? (size_t)(e - q) : strlen(q);
			int pw;
			strbuf_reset(&pc);
			strbuf_add(&pc, q, k);
			if(e)
				strbuf_addch(&pc, '-');
			pw = text_width_pu(p, pc.buf, style);
			piece = pw > piece ? pw : piece;
			q += k + (e ? 2 : 0);
		}
		strbuf_release(&pc);
	} else {
		piece = text_width_pu(p, word, style);
	}
	strbuf_release(&hy);
	if(p->memo)
		g_hash_table_insert(p->memo->piece[style], g_strdup(word), GINT_TO_POINTER(piece));
	return (double)piece / PANGO_SCALE;
}

/* text with soft hyphens in its words wider than width (pdf_text_hy);
** false (sb untouched) when no word needs them. */
static bool hyphenate_wide(struct pdf *p, const char *text, enum pdf_style style,
                           double width, struct strbuf *sb)
{
	double em = (double)pango_font_description_get_size(p->font[style]) / PANGO_SCALE;
	bool any = false;
	for(const char *s = text; *s;) {
		size_t n = strcspn(s, " \n"), chars = utf8_chars(s, n);
		bool done = false;
		/* a word of DejaVu Sans is at most 0,75 em a letter on average
		** in practice: only a longer one is measured */
		if(chars >= PDF_HYPHEN_MIN && (double)chars * 0.75 * em > width) {
			char *word = xmalloc(n + 1);
			memcpy(word, s, n);
			word[n] = '\0';
			if(pdf_text_width(p, word, style) > width) {
				doc_hyphenate(word, PDF_HYPHEN_MIN, false, NULL, sb);
				any = done = true;
			}
			free(word);
		}
		if(!done)
			strbuf_add(sb, s, n);
		s += n;
		n = strspn(s, " \n");
		strbuf_add(sb, s, n);
		s += n;
	}
	return any;
}

PangoLayout *pdf_text_hy(struct pdf *p, const char *text, enum pdf_style style,
                         double width, PangoAlignment align, int size)
{
	struct strbuf sb = STRBUF_INIT;
	PangoLayout *l;
	char *key = NULL;

	size = memo_size(p, style, size);
	if(!text || width <= 0) {
		if(!size)
			return pdf_text(p, text, style, width, align);
		return new_layout(p, text, style, pango_width(width), align, 0, size);
	}
	if(p->memo) {
		key = memo_key(text, style, pango_width(width), align, TEXT_HY, size);
		l = g_hash_table_lookup(p->memo->layouts, key);
		if(l) {
			g_free(key);
			return g_object_ref(l);
		}
	}
	l = new_layout(p, hyphenate_wide(p, text, style, width, &sb) ? sb.buf : text, style,
	               pango_width(width), align, 0, size);
	strbuf_release(&sb);
	if(key)
		g_hash_table_insert(p->memo->layouts, key, g_object_ref(l));
	return l;
}

void pdf_text_size(PangoLayout *l, double *w, double *h)
{
	int iw, ih;
	pango_layout_get_size(l, &iw, &ih);
	if(w)
		*w = (double)iw / PANGO_SCALE;
	if(h)
		*h = (double)ih / PANGO_SCALE;
}

void pdf_draw_text(struct pdf *p, PangoLayout *l, double x, double y)
{
	if(p->pass == PDF_PASS_MEASURE)
		return;
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
	cairo_new_path(p->cr); /* no current point for the next arc or line */
}

void pdf_set_rgb(struct pdf *p, struct pdf_rgb c)
{
	cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
}

void pdf_tag_begin(struct pdf *p, const char *tag, const char *attrs)
{
	if(p->pass == PDF_PASS_FINAL)
		cairo_tag_begin(p->cr, tag, attrs);
}

void pdf_tag_end(struct pdf *p, const char *tag)
{
	if(p->pass == PDF_PASS_FINAL)
		cairo_tag_end(p->cr, tag);
}

/* The running header (committee left, document title right, a rule) and
** footer (the doc's footer text left, date and "Sida N av M" right),
** drawn in the final pass (nothing else depends on them, so the measuring
** pass leaves them out). Without a page count (an image) M is the page. */
static void draw_chrome(struct pdf *p)
{
	cairo_t *cr = p->cr;
	struct strbuf sb = STRBUF_INIT;
	PangoLayout *l;
	double w, h;
	const double head_y = 12.0 * PDF_MM, foot_y = PDF_PAGE_H - 16.0 * PDF_MM;

	if(p->pass == PDF_PASS_MEASURE)
		return;
	/* Header and footer are page furniture, an artifact in tagged-PDF
	** terms. cairo 1.16 cannot mark artifacts: they are drawn outside any
	** structure element, except when a page breaks inside an open one (a
	** table, a paragraph), where they become part of its content. Each
	** text is one line, cut with an ellipsis when too long. */
	cairo_save(cr);
	pdf_set_rgb(p, PDF_GREY);
	l = pdf_text_ex(p, p->header_left, PDF_SMALL, PDF_BODY_W / 2 - 6, PANGO_ALIGN_LEFT,
	                PDF_TEXT_ELLIPSIZE);
	pdf_draw_text(p, l, PDF_MARGIN_X, head_y);
	g_object_unref(l);
	l = pdf_text_ex(p, p->header_right, PDF_SMALL, PDF_BODY_W / 2 - 6, PANGO_ALIGN_RIGHT,
	                PDF_TEXT_ELLIPSIZE);
	pdf_draw_text(p, l, PDF_MARGIN_X + PDF_BODY_W / 2 + 6, head_y);
	pdf_text_size(l, NULL, &h);
	g_object_unref(l);

	cairo_set_line_width(cr, 0.5);
	cairo_move_to(cr, PDF_MARGIN_X, head_y + h + 3);
	cairo_line_to(cr, PDF_PAGE_W - PDF_MARGIN_X, head_y + h + 3);
	cairo_move_to(cr, PDF_MARGIN_X, foot_y - 4);
	cairo_line_to(cr, PDF_PAGE_W - PDF_MARGIN_X, foot_y - 4);
	cairo_stroke(cr);

	if(p->footer_date && *p->footer_date)
		strbuf_addf(&sb, "%s    ", p->footer_date);
	strbuf_addf(&sb, "Sida %d av %d", p->page,
	            p->pages_total ? p->pages_total : p->page);
	l = pdf_text(p, sb.buf, PDF_SMALL, -1, PANGO_ALIGN_LEFT);
	pdf_text_size(l, &w, NULL);
	pdf_draw_text(p, l, PDF_PAGE_W - PDF_MARGIN_X - w, foot_y);
	g_object_unref(l);
	l = pdf_text_ex(p, p->footer_left, PDF_SMALL, PDF_BODY_W - w - 12, PANGO_ALIGN_LEFT,
	                PDF_TEXT_ELLIPSIZE);
	pdf_draw_text(p, l, PDF_MARGIN_X, foot_y);
	g_object_unref(l);
	/* Boxes for initials at the foot of the body, right-aligned, each
	** with its label at the top ("Justerare signatur"). */
	for(size_t i = 0; i < p->nsign_boxes; i++) {
		const double bw = 96, gap = 6;
		double x = PDF_MARGIN_X + PDF_BODY_W - (double)(p->nsign_boxes - i) * (bw + gap) + gap;
		double y = p->body_bot + 4;
		cairo_set_line_width(cr, 0.6);
		cairo_rectangle(cr, x, y, bw, PDF_SIGN_BOX_H - 4);
		cairo_stroke(cr);
		l = pdf_text_ex(p, p->sign_boxes[i], PDF_SMALL, bw - 4, PANGO_ALIGN_LEFT,
		                PDF_TEXT_ELLIPSIZE);
		pdf_draw_text(p, l, x + 2, y + 1);
		g_object_unref(l);
	}
	strbuf_release(&sb);
	cairo_restore(cr);
}

void pdf_new_page(struct pdf *p)
{
	if(p->page_open)
		cairo_show_page(p->cr);
	p->page++;
	p->page_open = true;
	p->y = PDF_BODY_TOP;
	if(p->chrome)
		draw_chrome(p);
}

void pdf_ensure_page(struct pdf *p)
{
	if(!p->page_open)
		pdf_new_page(p);
}

void pdf_need(struct pdf *p, double h)
{
	pdf_ensure_page(p);
	if(p->y > PDF_BODY_TOP && p->y + h > PDF_BODY_BOT)
		pdf_new_page(p);
}

void pdf_space(struct pdf *p, double h)
{
	pdf_ensure_page(p);
	if(p->y > PDF_BODY_TOP)
		p->y += h;
}

static const double heading_before[] = { 0, 14, 10, 8 };
static const enum pdf_style heading_style[] = { PDF_H1, PDF_H1, PDF_H2, PDF_H3 };

static void add_heading(struct pdf *p, int level, const char *number,
                        const char *text, int dest)
{
	ALLOC_GROW(p->heads, p->nheads, p->aheads);
	p->heads[p->nheads++] = (struct pdf_heading){
		.level = level, .number = xstrdup(number ? number : ""),
		.text = xstrdup(text ? text : ""), .page = p->page, .dest = dest,
	};
}

double pdf_heading_height(struct pdf *p, int level, const char *number, const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	PangoLayout *l;
	double h;
	int lv = level < 1 ? 1 : level > 3 ? 3 : level;

	if(number && *number)
		strbuf_addf(&sb, "%s  %s", number, text);
	else
		strbuf_addstr(&sb, text);
	l = pdf_text(p, sb.buf, heading_style[lv], PDF_BODY_W, PANGO_ALIGN_LEFT);
	pdf_text_size(l, NULL, &h);
	g_object_unref(l);
	strbuf_release(&sb);
	return heading_before[lv] + h + 6;
}

void pdf_heading(struct pdf *p, int level, const char *number,
                 const char *text, double keep)
{
	struct strbuf sb = STRBUF_INIT, tag = STRBUF_INIT;
	PangoLayout *l;
	double h;
	int lv = level < 1 ? 1 : level > 3 ? 3 : level;
	int dest = (int)p->nheads + 1;

	if(number && *number)
		strbuf_addf(&sb, "%s  %s", number, text);
	else
		strbuf_addstr(&sb, text);
	l = pdf_text(p, sb.buf, heading_style[lv], PDF_BODY_W, PANGO_ALIGN_LEFT);
	pdf_text_size(l, NULL, &h);

	pdf_ensure_page(p);
	if(level == 1 && p->y > PDF_BODY_TOP + 0.6 * (PDF_BODY_BOT - PDF_BODY_TOP))
		pdf_new_page(p); /* a chapter does not start at the foot of a page */
	pdf_space(p, heading_before[lv]);
	pdf_need(p, h + 6 + keep);
	add_heading(p, level, number, text, dest);

	if(p->pass == PDF_PASS_FINAL && level >= 1) {
		/* The outline: one entry per heading, nested by level. */
		int parent = CAIRO_PDF_OUTLINE_ROOT;
		char attrs[64];
		int lvl = level > 7 ? 7 : level;
		for(int i = lvl - 1; i >= 1; i--)
			if(p->outline_parent[i]) {
				parent = p->outline_parent[i];
				break;
			}
		snprintf(attrs, sizeof(attrs), "dest='h%d'", dest);
		p->outline_parent[lvl] = cairo_pdf_surface_add_outline(
			p->surface, parent, sb.buf, attrs,
			level == 1 ? CAIRO_PDF_OUTLINE_FLAG_BOLD : 0);
		for(int i = lvl + 1; i < 8; i++)
			p->outline_parent[i] = 0;
	}

	strbuf_addf(&tag, "name='h%d'", dest);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "H%d", lv);
	pdf_tag_begin(p, sb.buf, NULL);
	pdf_tag_begin(p, CAIRO_TAG_DEST, tag.buf);
	pdf_set_rgb(p, p->accent);
	pdf_draw_text(p, l, PDF_MARGIN_X, p->y);
	pdf_set_rgb(p, PDF_BLACK);
	pdf_tag_end(p, CAIRO_TAG_DEST);
	pdf_tag_end(p, sb.buf);
	p->y += h + 6;
	g_object_unref(l);
	strbuf_release(&sb);
	strbuf_release(&tag);
}

/* Draw a wrapped layout line by line from the cursor at x, breaking the
** page between lines; the cursor ends below the last line. */
static void flow_layout(struct pdf *p, PangoLayout *l, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double top = p->y; /* page y of the layout's origin */
	double shift = 0;  /* layout y of the first line on this page */
	do {
		PangoRectangle r;
		double ly, lh, base;
		pango_layout_iter_get_line_extents(it, NULL, &r);
		ly = (double)r.y / PANGO_SCALE;
		lh = (double)r.height / PANGO_SCALE;
		base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		if(top + ly - shift + lh > PDF_BODY_BOT && ly > shift) {
			pdf_new_page(p);
			top = p->y;
			shift = ly;
		}
		if(p->pass != PDF_PASS_MEASURE) {
			cairo_move_to(p->cr, x, top + base - shift);
			pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
			cairo_new_path(p->cr);
		}
		p->y = top + ly - shift + lh;
	} while(pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

void pdf_paragraph(struct pdf *p, const char *text)
{
	PangoLayout *l = pdf_text_ex(p, text, PDF_BODY, PDF_BODY_W, PANGO_ALIGN_LEFT,
	                             PDF_TEXT_SPACED);
	pdf_ensure_page(p);
	pdf_need(p, 30); /* no lone first line at the foot of a page */
	pdf_tag_begin(p, "P", NULL);
	pdf_set_rgb(p, PDF_BLACK);
	flow_layout(p, l, PDF_MARGIN_X);
	pdf_tag_end(p, "P");
	p->y += 7;
	g_object_unref(l);
}

void pdf_list(struct pdf *p, char *const *items, size_t n, bool ordered)
{
	const double indent = ordered ? 18 : 14;
	pdf_ensure_page(p);
	pdf_tag_begin(p, "L", NULL);
	for(size_t i = 0; i < n; i++) {
		char label[24];
		PangoLayout *l = pdf_text_ex(p, items[i], PDF_BODY, PDF_BODY_W - indent,
		                             PANGO_ALIGN_LEFT, PDF_TEXT_SPACED), *b;
		if(ordered)
			snprintf(label, sizeof(label), "%zu.", i + 1);
		else
			snprintf(label, sizeof(label), "•");
		b = pdf_text(p, label, PDF_BODY, -1, PANGO_ALIGN_LEFT);
		pdf_need(p, 14);
		pdf_tag_begin(p, "LI", NULL);
		pdf_tag_begin(p, "Lbl", NULL);
		pdf_draw_text(p, b, PDF_MARGIN_X + 3, p->y);
		pdf_tag_end(p, "Lbl");
		pdf_tag_begin(p, "LBody", NULL);
		flow_layout(p, l, PDF_MARGIN_X + indent);
		pdf_tag_end(p, "LBody");
		pdf_tag_end(p, "LI");
		p->y += 3;
		g_object_unref(l);
		g_object_unref(b);
	}
	pdf_tag_end(p, "L");
	p->y += 4;
}

void pdf_deflist(struct pdf *p, char *const *terms, char *const *defs, size_t n)
{
	const double tw = 0.32 * PDF_BODY_W, gap = 10;
	pdf_ensure_page(p);
	pdf_tag_begin(p, "Table", NULL);
	for(size_t i = 0; i < n; i++) {
		PangoLayout *t = pdf_text(p, terms[i], PDF_BOLD, tw, PANGO_ALIGN_LEFT);
		PangoLayout *d = pdf_text(p, defs[i], PDF_BODY, PDF_BODY_W - tw - gap,
		                          PANGO_ALIGN_LEFT);
		double th, dh, top;
		int page;
		pdf_text_size(t, NULL, &th);
		pdf_text_size(d, NULL, &dh);
		/* The term and (up to) its first lines together; a definition
		** longer than that flows on over the page break. */
		pdf_need(p, th > dh ? (th < 60 ? th : 60) : (dh < 60 ? dh : 60));
		top = p->y;
		page = p->page;
		pdf_tag_begin(p, "TR", NULL);
		pdf_tag_begin(p, "TH", NULL);
		pdf_draw_text(p, t, PDF_MARGIN_X, p->y);
		pdf_tag_end(p, "TH");
		pdf_tag_begin(p, "TD", NULL);
		flow_layout(p, d, PDF_MARGIN_X + tw + gap);
		pdf_tag_end(p, "TD");
		pdf_tag_end(p, "TR");
		if(p->page == page && p->y < top + th) /* the term is the taller */
			p->y = top + th;
		p->y += 5;
		g_object_unref(t);
		g_object_unref(d);
	}
	pdf_tag_end(p, "Table");
	p->y += 4;
}

void pdf_signatures(struct pdf *p, const struct doc_signatures *g)
{
	const double gap = 24, room = 30, colw = (PDF_BODY_W - gap) / 2;
	PangoLayout *l;
	double h;

	pdf_ensure_page(p);
	pdf_space(p, 10);
	if(g->intro && *g->intro) {
		l = pdf_text(p, g->intro, PDF_BOLD, PDF_BODY_W, PANGO_ALIGN_LEFT);
		pdf_text_size(l, NULL, &h);
		pdf_need(p, h + 4 + room + 30);
		pdf_tag_begin(p, "P", NULL);
		pdf_draw_text(p, l, PDF_MARGIN_X, p->y);
		pdf_tag_end(p, "P");
		p->y += h + 4;
		g_object_unref(l);
	}
	for(size_t i = 0; i < g->n; i += 2) {
		double hmax = 0;
		pdf_need(p, room + 30);
		for(size_t k = i; k < g->n && k < i + 2; k++) {
			double x = PDF_MARGIN_X + (double)(k - i) * (colw + gap), y = p->y + room, nh = 0, rh;
			/* the line to sign on, the name under it, the role under that */
			pdf_set_rgb(p, PDF_BLACK);
			cairo_set_line_width(p->cr, 0.6);
			cairo_move_to(p->cr, x, y);
			cairo_line_to(p->cr, x + colw, y);
			cairo_stroke(p->cr);
			pdf_tag_begin(p, "P", NULL);
			if(*g->names[k]) {
				l = pdf_text(p, g->names[k], PDF_BODY, colw, PANGO_ALIGN_LEFT);
				pdf_draw_text(p, l, x, y + 3);
				pdf_text_size(l, NULL, &nh);
				g_object_unref(l);
			}
			pdf_set_rgb(p, PDF_GREY);
			l = pdf_text(p, g->roles[k], PDF_SMALL, colw, PANGO_ALIGN_LEFT);
			pdf_draw_text(p, l, x, y + 3 + nh);
			pdf_text_size(l, NULL, &rh);
			g_object_unref(l);
			pdf_tag_end(p, "P");
			pdf_set_rgb(p, PDF_BLACK);
			if(room + 3 + nh + rh > hmax)
				hmax = room + 3 + nh + rh;
		}
		p->y += hmax + 8;
	}
	p->y += 6;
}
