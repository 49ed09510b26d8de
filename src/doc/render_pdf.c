/*
** render_pdf.c — the PDF renderer's walk over the document: title page,
** table of contents, then every block in order (see render_pdf.h).
**
** The document is walked twice (pdf_layout.h): pass 1 lays it out without
** drawing and learns the page count and the page of every heading; pass 2
** draws the real PDF with "Sida N av M" and the table of contents filled
** in, from the layouts and widths pass 1 measured (the render's memo).
** Both passes lay out the same things in the same sizes, so the pages
** break in the same places.
*/
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "base/strbuf.h"
#include "doc/doc.h"
#include "doc/pdf_layout.h"
#include "doc/render_pdf.h"

static cairo_status_t write_strbuf(void *closure, const unsigned char *data,
                                   unsigned int len)
{
	strbuf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* One tagged paragraph of a single style at the left margin, drawn at y;
** returns its height. The title page and title block are made of these. */
static double title_line(struct pdf *p, const char *text, enum pdf_style style, double y)
{
	PangoLayout *l;
	double h;

	pdf_tag_begin(p, "P", NULL);
	l = pdf_text(p, text, style, PDF_BODY_W, PANGO_ALIGN_LEFT);
	pdf_draw_text(p, l, PDF_MARGIN_X, y);
	pdf_text_size(l, NULL, &h);
	g_object_unref(l);
	pdf_tag_end(p, "P");
	return h;
}

/* The publisher's letterhead at the top left of the page at y: its logo
** (a PNG or SVG, fitted into DOC_LOGO_MAX_W x DOC_LOGO_MAX_H) and its name ("LEKEBERGS
** KOMMUN"); returns its height (0 when the doc names no publisher). */
static double letterhead(struct pdf *p, const struct doc *d, double y)
{
	double h = 0, x = PDF_MARGIN_X;
	if(d->logo && *d->logo) {
		double w, lh;
		if(logo_draw(p->cr, d->logo, x, y, DOC_LOGO_MAX_W, DOC_LOGO_MAX_H, &w, &lh)) {
			x += w + 10;
			h = lh;
		}
	}
	if(d->org && *d->org) {
		struct strbuf up = STRBUF_INIT;
		PangoLayout *l;
		double th;
		/* the letterhead in capitals, as municipalities print it */
		for(const unsigned char *s = (const unsigned char *)d->org; *s; s++) {
			if(*s == 0xC3 && s[1] >= 0xA0 && s[1] <= 0xBE && s[1] != 0xB7) {
				strbuf_addch(&up, 0xC3);
				strbuf_addch(&up, (char)(s[1] - 0x20));
				s++;
			} else {
				strbuf_addch(&up, *s >= 'a' && *s <= 'z' ? *s - 32 : *s);
			}
		}
		pdf_set_rgb(p, p->accent);
		pdf_tag_begin(p, "P", NULL);
		l = pdf_text(p, up.buf, PDF_BOLD, PDF_MARGIN_X + PDF_BODY_W - x, PANGO_ALIGN_LEFT);
		pdf_text_size(l, NULL, &th);
		pdf_draw_text(p, l, x, h > th ? y + (h - th) / 2 : y);
		pdf_tag_end(p, "P");
		pdf_set_rgb(p, PDF_BLACK);
		g_object_unref(l);
		strbuf_release(&up);
		h = h > th ? h : th;
	}
	return h;
}

/* The title page: the publisher's letterhead at the top; title, subtitle,
** committee and date in the upper third. */
static void title_page(struct pdf *p, const struct doc *d)
{
	double y = PDF_PAGE_H * 0.28;
	char iso[11];

	pdf_new_page(p);
	letterhead(p, d, PDF_BODY_TOP);
	pdf_set_rgb(p, p->accent);
	cairo_rectangle(p->cr, PDF_MARGIN_X, y - 18, 60, 4);
	cairo_fill(p->cr);
	y += title_line(p, d->title, PDF_TITLE, y) + 12;
	pdf_set_rgb(p, PDF_BLACK);
	if(d->subtitle && *d->subtitle)
		y += title_line(p, d->subtitle, PDF_SUBTITLE, y) + 30;
	pdf_set_rgb(p, PDF_GREY);
	if(d->committee && *d->committee)
		y += title_line(p, d->committee, PDF_BOLD, y) + 4;
	if(d->date.year) {
		date_format_iso(d->date, iso);
		title_line(p, iso, PDF_BODY, y);
	}
	pdf_set_rgb(p, PDF_BLACK);
}

/* A title block at the top of the first page, for documents without a
** title page (a protocol, an extract). */
static void title_block(struct pdf *p, const struct doc *d)
{
	double h;
	pdf_ensure_page(p);
	h = letterhead(p, d, p->y);
	if(h > 0)
		p->y += h + 10;
	pdf_set_rgb(p, p->accent);
	p->y += title_line(p, d->title, PDF_H1, p->y);
	pdf_set_rgb(p, PDF_BLACK);
	p->y += 4;
	if(d->subtitle && *d->subtitle)
		p->y += title_line(p, d->subtitle, PDF_BODY, p->y);
	p->y += 10;
}

/* The table of contents. In pass 1 the entries come from the document
** with a stand-in page number; in pass 2 from pass 1's headings (same
** entries, same order) with their pages, each a link to its heading. */
static void toc(struct pdf *p, const struct doc *d)
{
	const double numw = 28, indent = 14;
	size_t k = 0;

	pdf_heading(p, 1, NULL, "Innehåll", 0);
	pdf_tag_begin(p, "TOC", NULL);
	for(size_t i = 0; i < d->nblocks; i++) {
		const struct doc_heading *hd;
		const struct pdf_heading *ph = NULL;
		struct strbuf sb = STRBUF_INIT, attrs = STRBUF_INIT;
		PangoLayout *l, *pn;
		double h, x, w;

		if(d->blocks[i].type != DOC_HEADING)
			continue;
		hd = &d->blocks[i].u.heading;
		/* pass 1's list starts with "Innehåll" itself */
		if(p->prev_heads && k + 1 < p->nprev_heads)
			ph = &p->prev_heads[k + 1];
		k++;
		x = PDF_MARGIN_X + indent * (hd->level > 1 ? hd->level - 1 : 0);
		if(hd->number && *hd->number)
			strbuf_addf(&sb, "%s  %s", hd->number, hd->text);
		else
			strbuf_addstr(&sb, hd->text);
		l = pdf_text(p, sb.buf, hd->level == 1 ? PDF_BOLD : PDF_BODY,
		             PDF_MARGIN_X + PDF_BODY_W - numw - x, PANGO_ALIGN_LEFT);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%d", ph ? ph->page : 0);
		pn = pdf_text(p, sb.buf, PDF_BODY, -1, PANGO_ALIGN_LEFT);
		pdf_text_size(l, NULL, &h);
		pdf_text_size(pn, &w, NULL);
		if(hd->level == 1)
			pdf_space(p, 4);
		pdf_need(p, h);
		pdf_tag_begin(p, "TOCI", NULL);
		if(ph) {
			strbuf_addf(&attrs, "dest='h%d'", ph->dest);
			pdf_tag_begin(p, CAIRO_TAG_LINK, attrs.buf);
		}
		pdf_draw_text(p, l, x, p->y);
		pdf_draw_text(p, pn, PDF_MARGIN_X + PDF_BODY_W - w, p->y);
		if(ph)
			pdf_tag_end(p, CAIRO_TAG_LINK);
		pdf_tag_end(p, "TOCI");
		p->y += h + 2;
		g_object_unref(l);
		g_object_unref(pn);
		strbuf_release(&sb);
		strbuf_release(&attrs);
	}
	pdf_tag_end(p, "TOC");
	pdf_new_page(p);
}

/* How much of what follows heading i must fit on the heading's page (a
** heading is never the last thing on a page, doc.h): the whole of a
** table the model keeps whole, else its header and first rows; a whole
** chart or matrix (they do not break); a following heading with what it
** keeps; else the first lines of a paragraph, list or term list. A table
** right after the heading is laid out here and handed back in *plan for
** drawing. */
static double keep_with_heading(struct pdf *p, const struct doc *d, size_t i,
                                double room, struct pdf_table_plan **plan)
{
	const struct doc_block *b;
	if(i + 1 >= d->nblocks)
		return 0;
	b = &d->blocks[i + 1];
	switch(b->type) {
	case DOC_TABLE:
		*plan = pdf_table_prepare(p, &b->u.table);
		return pdf_table_keep(*plan, room);
	case DOC_CHART:
		return pdf_chart_height(p, &b->u.chart);
	case DOC_RISKMATRIX:
		return pdf_riskmatrix_height(p, &b->u.matrix);
	case DOC_HEADING: {
		/* the sub-heading with what it keeps; its table is laid out
		** again when it is drawn */
		struct pdf_table_plan *sub = NULL;
		double h = pdf_heading_height(p, b->u.heading.level, b->u.heading.number,
		                              b->u.heading.text);
		double k = keep_with_heading(p, d, i + 1, room - h, &sub);
		if(sub)
			pdf_table_draw_none(sub);
		return h + k;
	}
	case DOC_PAGEBREAK:
		return 0;
	default:
		return 40;
	}
}

static void blocks(struct pdf *p, const struct doc *d)
{
	struct pdf_table_plan *plan = NULL; /* of the table after a heading */
	double chain = 0; /* room left under the heading before a sub-heading */
	for(size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		switch(b->type) {
		case DOC_HEADING: {
			/* a sub-heading right after a heading shares its page */
			double room = (chain > 0 ? chain : PDF_BODY_BOT - PDF_BODY_TOP) -
			              pdf_heading_height(p, b->u.heading.level, b->u.heading.number,
			                                 b->u.heading.text);
			double keep = keep_with_heading(p, d, i, room, &plan);
			chain = i + 1 < d->nblocks && d->blocks[i + 1].type == DOC_HEADING ? room : 0;
			/* no more than a page can be kept */
			if(keep > room)
				keep = room;
			pdf_heading(p, b->u.heading.level, b->u.heading.number,
			            b->u.heading.text, keep);
			break;
		}
		case DOC_PARA:
			pdf_paragraph(p, b->u.para);
			break;
		case DOC_LIST:
			pdf_list(p, b->u.list.items, b->u.list.nitems, b->u.list.ordered);
			break;
		case DOC_DEFLIST:
			pdf_deflist(p, b->u.deflist.terms, b->u.deflist.defs, b->u.deflist.n);
			break;
		case DOC_TABLE:
			pdf_table_draw(p, plan ? plan : pdf_table_prepare(p, &b->u.table));
			plan = NULL;
			break;
		case DOC_CHART:
			pdf_chart(p, &b->u.chart);
			break;
		case DOC_RISKMATRIX:
			pdf_riskmatrix(p, &b->u.matrix);
			break;
		case DOC_PAGEBREAK:
			pdf_ensure_page(p);
			if(p->y > PDF_BODY_TOP)
				pdf_new_page(p);
			break;
		case DOC_SIGNATURES:
			pdf_signatures(p, &b->u.sig);
			break;
		}
	}
}

/* Lay the document out once on surface. */
static void layout(struct pdf *p, const struct doc *d)
{
	char iso[11] = "";

	if(d->date.year)
		date_format_iso(d->date, iso);
	p->header_left = d->header ? d->header : d->committee ? d->committee : "";
	p->sign_boxes = d->sign_boxes;
	p->nsign_boxes = d->nsign_boxes;
	if(d->nsign_boxes)
		p->body_bot = PDF_BODY_BOT_PLAIN - PDF_SIGN_BOX_H;
	{
		uint32_t a = doc_accent(d);
		p->accent = (struct pdf_rgb){ ((a >> 16) & 0xff) / 255.0, ((a >> 8) & 0xff) / 255.0,
		                              (a & 0xff) / 255.0 };
	}
	p->header_right = d->title;
	p->footer_left = d->footer ? d->footer : "";
	p->footer_date = iso;
	if(d->title_page) {
		title_page(p, d);
		p->chrome = true;
		pdf_new_page(p);
	} else {
		p->chrome = true;
		title_block(p, d);
	}
	if(d->toc)
		toc(p, d);
	blocks(p, d);
	pdf_ensure_page(p);
}

static void set_metadata(cairo_surface_t *s, const struct doc *d)
{
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title);
	if(d->committee)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, d->committee);
	if(d->subtitle)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, d->subtitle);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "styr");
	if(d->date.year) {
		char iso[11], stamp[32];
		date_format_iso(d->date, iso);
		snprintf(stamp, sizeof(stamp), "%sT00:00:00", iso);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, stamp);
	}
}

/* Walk d once on surface in pass: the measuring pass returns its headings
** in *heads and the page count in *pages; the final pass gets them in
** prev/pages. */
static void run_pass(const struct doc *d, cairo_surface_t *s, struct pdf_memo *memo,
                     enum pdf_pass pass, const struct pdf_heading *prev, size_t nprev,
                     int *pages, struct pdf_heading **heads, size_t *nheads)
{
	struct pdf p;
	pdf_init(&p, s, NULL, pass, memo);
	p.pages_total = pass == PDF_PASS_FINAL ? *pages : 0;
	p.prev_heads = prev;
	p.nprev_heads = nprev;
	layout(&p, d);
	/* Both passes lay out the same sizes, so they break pages alike. */
	assert(pass == PDF_PASS_MEASURE || p.page == *pages);
	*pages = p.page;
	if(heads)
		*heads = pdf_take_headings(&p, nheads);
	pdf_release(&p);
}

/* The font map is pango's default one of the calling thread (pango keeps
** one a thread since 1.32.6, freed when the thread ends): the renders of
** one thread (a protocol and its attachments, the charts of a DOCX, the
** requests of a server thread) share its fonts and font matching, which a
** private map a render made again each time; a render on another thread
** uses that thread's, so renders at once share nothing. The same text
** gets the same fonts either way (same bytes). */
enum styr_rc render_pdf_raw(const struct doc *d, struct strbuf *out,
                            struct styr_error *err)
{
	struct pdf_heading *heads = NULL;
	size_t nheads = 0;
	int pages = 0;
	cairo_status_t st;
	PangoFontMap *fonts = pdf_font_map();
	cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream(write_strbuf, out,
	                                                           PDF_PAGE_W, PDF_PAGE_H);
	/* the measuring pass draws nothing: a 1 x 1 image takes its lines and fills */
	cairo_surface_t *none = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	struct pdf_memo *memo;

	cairo_pdf_surface_restrict_to_version(pdf, CAIRO_PDF_VERSION_1_5);
	set_metadata(pdf, d);
	memo = pdf_memo_new(fonts, pdf);
	/* Pass 1 counts pages and finds the headings' pages; pass 2 draws
	** the layouts pass 1 made. */
	run_pass(d, none, memo, PDF_PASS_MEASURE, NULL, 0, &pages, &heads, &nheads);
	run_pass(d, pdf, memo, PDF_PASS_FINAL, heads, nheads, &pages, NULL, NULL);
	pdf_headings_free(heads, nheads);
	pdf_memo_free(memo);
	cairo_surface_destroy(none);
	cairo_surface_finish(pdf);
	st = cairo_surface_status(pdf);
	cairo_surface_destroy(pdf);
	if(st != CAIRO_STATUS_SUCCESS)
		return styr_error_set(err, STYR_EIO, "pdf: %s", cairo_status_to_string(st));
	return STYR_OK;
}

enum styr_rc render_pdf(const struct doc *d, struct strbuf *out,
                        struct styr_error *err)
{
	size_t start = out->len;
	enum styr_rc rc = render_pdf_raw(d, out, err);
	/* PDF/A-2b and the tagging flags cairo 1.16 does not write */
	return rc ? rc : pdf_finish(out, start, d->language, err);
}

/* The module's one entry (render_pdf.h, base/loadable.h). */
const struct pdf_module styr_pdf_module = {
	.render = render_pdf,
	.render_raw = render_pdf_raw,
	.finish = pdf_finish,
	.chart_png = pdf_chart_png,
	.logo_png = logo_png,
};
