/*
** pdf_layout.h — the page machinery of the PDF renderer (private to
** render_pdf*.c and pdf_*.c; nothing outside src/doc includes it).
**
** A `struct pdf` is a cursor running down A4 pages of a cairo PDF surface:
** it knows the page geometry, starts pages (drawing the running header and
** footer), breaks pages when the next block does not fit, lays out text
** with pango in the house fonts, and records every heading with the page
** it landed on. The renderer walks the document twice with the same code:
** pass 1 (PDF_PASS_MEASURE) lays everything out and draws nothing, to
** learn the page count and the page of every heading; pass 2
** (PDF_PASS_FINAL) writes the real file, now knowing "Sida N av M" and the
** page numbers of the table of contents. Text is shaped once: every
** layout and width pass 1 makes is kept in the render's `struct pdf_memo`
** and pass 2 draws the same layouts; only what pass 1 leaves out (the
** running header and footer) or writes differently (page numbers) is laid
** out there. Tagging, links and outline entries are emitted in pass 2
** only.
**
** Units are PDF points (1/72 inch); y grows downwards from the page top.
*/
#ifndef STYR_PDF_LAYOUT_H
#define STYR_PDF_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>
#include <pango/pangocairo.h>

/* A4 portrait and the margins (20 mm sides, room for header and footer). */
#define PDF_MM        (72.0 / 25.4)
#define PDF_PAGE_W    (210.0 * PDF_MM)
#define PDF_PAGE_H    (297.0 * PDF_MM)
#define PDF_MARGIN_X  (20.0 * PDF_MM)
#define PDF_BODY_TOP  (24.0 * PDF_MM)
/* The foot of the body on the page of a struct pdf *p in scope: 22 mm
** above the page's foot, or higher when the pages carry signature boxes. */
#define PDF_BODY_BOT  (p->body_bot)
#define PDF_BODY_BOT_PLAIN (PDF_PAGE_H - 22.0 * PDF_MM)
#define PDF_SIGN_BOX_H 26.0
#define PDF_BODY_W    (PDF_PAGE_W - 2 * PDF_MARGIN_X)

/* Text styles; the sizes and weights live in pdf_layout.c. */
enum pdf_style {
	PDF_BODY,    /* running text, table cells */
	PDF_BOLD,    /* table headers, total rows */
	PDF_SMALL,   /* header, footer, chart labels */
	PDF_SMALL_BOLD,
	PDF_H1, PDF_H2, PDF_H3, /* from here on no line breaks at hyphens */
	PDF_TITLE,   /* the title page's main line */
	PDF_SUBTITLE,
	PDF_STYLE_COUNT
};

/* What a walk over the document does. */
enum pdf_pass {
	PDF_PASS_MEASURE = 1, /* lay out and break pages only: no text, tags or
	                      ** header and footer are drawn */
	PDF_PASS_FINAL = 2,   /* draw everything, tagged, with links and outline */
	PDF_PASS_IMAGE = 3,   /* draw, untagged (a chart as a PNG image) */
};

/* Options of a text layout (pdf_text_ex), part of what it is memoised by. */
enum {
	PDF_TEXT_ELLIPSIZE = 1, /* one line, cut at the end with an ellipsis */
	PDF_TEXT_SPACED = 2,    /* 2 pt between lines (running text) */
};

struct pdf_memo;

/* Colours as 0..1 RGB. */
struct pdf_rgb { double r, g, b; };

/* One heading as laid out (the table of contents and the outline). */
struct pdf_heading {
	int level;       /* 1.. */
	char *number;    /* "2.1", may be "" */
	char *text;
	int page;        /* 1-based page it starts on */
	int dest;        /* id of its link destination: "h<dest>" */
};

struct pdf {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoContext *pango;
	PangoFontDescription *font[PDF_STYLE_COUNT];
	enum pdf_pass pass;
	struct pdf_memo *memo;    /* the render's measurements, or NULL */

	int page;                 /* current page, 0 before the first */
	int pages_total;          /* pass 2: pages counted in pass 1 */
	bool page_open;           /* a page has been started and not shown */
	bool chrome;              /* header and footer on pages from now on */
	double y;                 /* cursor */

	const char *header_left;  /* the doc's header text, else the committee */
	const char *header_right; /* document title */
	const char *footer_left;  /* the doc's footer text */
	const char *footer_date;  /* "2021-02-24" or "", before the page number */
	double body_bot;          /* foot of the body (PDF_BODY_BOT) */
	char *const *sign_boxes;  /* labels of the boxes at every page's foot */
	size_t nsign_boxes;
	struct pdf_rgb accent;    /* headings and rules (the doc's identity) */

	struct pdf_heading *heads; /* in document order */
	size_t nheads, aheads;
	const struct pdf_heading *prev_heads; /* pass 2: pass 1's headings */
	size_t nprev_heads;
	int outline_parent[8];     /* outline id of the open heading per level */
};

/* The measurements of one render, shared by its passes: every layout
** pdf_text*() made, by its text, style, width, alignment and options, and
** every width pdf_text_width() and pdf_piece_width() measured, by style
** and text; and the pango context they belong to, set up for `surface`
** (the PDF surface the final pass writes) with fonts from `fonts`. One
** memo per render: nothing in it is shared with another render (the web
** server renders on many threads) or outlives pdf_memo_free(). */
struct pdf_memo *pdf_memo_new(PangoFontMap *fonts, cairo_surface_t *surface);
void pdf_memo_free(struct pdf_memo *m);

/* The font map of the calling thread (pango's default one), with the
** fonts of styr's own fontconfig configuration (pdf_fonts.c): DejaVu Sans
** and nothing else, the same on every machine. */
PangoFontMap *pdf_font_map(void);

/* Set p up for a pass on an already created surface: with memo, its text
** is laid out in the memo's context and memoised there; without (memo
** NULL), in a context of its own with fonts from a font map of the
** caller's (pango_cairo_font_map_new(); a private map rather than
** pango's process-wide one, so that everything it caches is freed with
** it). Fonts are DejaVu Sans (fonts-dejavu-core), from the map of
** pdf_font_map(). */
void pdf_init(struct pdf *p, cairo_surface_t *surface, PangoFontMap *fonts,
              enum pdf_pass pass, struct pdf_memo *memo);

/* Finish the last page and free everything p owns except the surface and
** the heading list, which pdf_take_headings() hands over. */
void pdf_release(struct pdf *p);

/* Hand the recorded headings to the caller (free with
** pdf_headings_free()); p keeps none. */
struct pdf_heading *pdf_take_headings(struct pdf *p, size_t *n);
void pdf_headings_free(struct pdf_heading *h, size_t n);

/* A pango layout of text in style, wrapped at width (width <= 0: no
** wrapping) and aligned (PANGO_ALIGN_*). The caller unrefs it and must not
** change it: with a memo the same layout is handed to every call with the
** same arguments, in both passes. */
PangoLayout *pdf_text(struct pdf *p, const char *text, enum pdf_style style,
                      double width, PangoAlignment align);

/* The same with options (PDF_TEXT_*). */
PangoLayout *pdf_text_ex(struct pdf *p, const char *text, enum pdf_style style,
                         double width, PangoAlignment align, unsigned opts);

/* The same, with the words that are wider than width given soft hyphens
** at their Swedish hyphenation points (doc_hyphenate), so that pango
** breaks them there with a hyphen instead of at any letter; drawn at
** size (pango units; 0: the style's size), the words measured at the
** style's. For table cells and chart labels. */
#define PDF_HYPHEN_MIN 6 /* letters: shorter words are never hyphenated */
PangoLayout *pdf_text_hy(struct pdf *p, const char *text, enum pdf_style style,
                         double width, PangoAlignment align, int size);

/* The width in points of text on one line in style, as pdf_text(p, text,
** style, -1, PANGO_ALIGN_LEFT) lays it out; memoised per style. */
double pdf_text_width(struct pdf *p, const char *text, enum pdf_style style);

/* The width of the widest piece of a word between its hyphenation points
** (doc_hyphenate, PDF_HYPHEN_MIN), with its hyphen; the word's own width
** when it has none. Memoised per style. */
double pdf_piece_width(struct pdf *p, const char *word, enum pdf_style style);

/* Width and height of a layout in points. */
void pdf_text_size(PangoLayout *l, double *w, double *h);

/* Draw a layout with its top-left corner at (x, y) (not in the measuring
** pass). */
void pdf_draw_text(struct pdf *p, PangoLayout *l, double x, double y);

/* Start a new page (showing the current one). The title page is drawn
** with chrome off; turn it on for the pages after. */
void pdf_new_page(struct pdf *p);

/* Make sure a block of height h fits below the cursor, breaking the page
** when it does not (a block taller than a page is given a fresh page). */
void pdf_need(struct pdf *p, double h);

/* Make sure a page is open (the first drawing call of a document). */
void pdf_ensure_page(struct pdf *p);

/* Structure tags and links, emitted in the final pass only (cairo 1.16 tagged
** PDF: "H1", "P", "Table", "TR", "TH", "TD", "L", "LI", "Figure"). */
void pdf_tag_begin(struct pdf *p, const char *tag, const char *attrs);
void pdf_tag_end(struct pdf *p, const char *tag);

/* Block elements; each moves the cursor below what it drew. */

/* A numbered heading: kept with at least `keep` points of what follows,
** recorded for the table of contents, a link destination and (pass 2)
** an outline entry. */
void pdf_heading(struct pdf *p, int level, const char *number,
                 const char *text, double keep);

/* A paragraph of running text; lines break at the body width and the
** paragraph may continue on the next page (line by line). */
void pdf_paragraph(struct pdf *p, const char *text);

/* A list of n items, bulleted or numbered "1.", "2." ... */
void pdf_list(struct pdf *p, char *const *items, size_t n, bool ordered);

/* Term/definition pairs: terms bold in a left column. */
void pdf_deflist(struct pdf *p, char *const *terms, char *const *defs, size_t n);

/* Vertical space, not carried over a page break. */
void pdf_space(struct pdf *p, double h);

/* Signature lines, two to a row (pdf_layout.c). */
struct doc_signatures;
void pdf_signatures(struct pdf *p, const struct doc_signatures *g);

/* A table of the document model: header rows repeated on every page the
** table runs onto, numbers right-aligned, totals bold (pdf_table.c). */
struct doc_table;
struct doc_chart;
struct doc_riskmatrix;
void pdf_table(struct pdf *p, const struct doc_table *t);

/* The same in two steps, so that a heading can be kept with the table
** after it: pdf_table_prepare() lays the table out (column widths, rows),
** pdf_table_keep() is the height that must follow a heading on its page
** (the whole table when the model keeps it whole and it fits in room,
** else caption, header and the first rows), pdf_table_draw() draws it and frees the plan. */
struct pdf_table_plan;
struct pdf_table_plan *pdf_table_prepare(struct pdf *p, const struct doc_table *t);
double pdf_table_keep(struct pdf_table_plan *tp, double room);
void pdf_table_draw(struct pdf *p, struct pdf_table_plan *tp);
/* Free a plan without drawing it. */
void pdf_table_draw_none(struct pdf_table_plan *tp);

/* Heights of a chart and of a risk matrix as pdf_chart() and
** pdf_riskmatrix() will draw them (they never break over a page). */
double pdf_chart_height(struct pdf *p, const struct doc_chart *c);
double pdf_riskmatrix_height(struct pdf *p, const struct doc_riskmatrix *m);

/* A chart drawn by pdf_chart() as a PNG image (for the DOCX renderer):
** appended to png; *w and *h are its size in points, scale the pixels per
** point. False when cairo fails. */
struct strbuf;
bool pdf_chart_png(const struct doc_chart *c, double scale, struct strbuf *png,
                   double *w, double *h);

/* The publisher's logo, a PNG or SVG file (pdf_logo.c): drawn fitted
** into maxw x maxh points with its top-left corner at (x, y), its size in
** *w, *h; false (nothing drawn) when the file cannot be read. logo_png()
** makes a PNG of it at scale pixels per point, for the DOCX renderer. */
/* The SVG drawer of logo_draw(): the module styr-svg.so (pdf_svg.c, with
** librsvg), loaded the first time a logo is an SVG file. */
struct pdf_svg_module {
	bool (*draw)(cairo_t *cr, const char *path, double x, double y, double maxw,
	             double maxh, double *w, double *h);
};
bool logo_draw(cairo_t *cr, const char *path, double x, double y, double maxw, double maxh,
               double *w, double *h);
bool logo_png(const char *path, double maxw, double maxh, double scale, struct strbuf *png,
              double *w, double *h);

/* Height of a heading as pdf_heading() draws it, space above included. */
double pdf_heading_height(struct pdf *p, int level, const char *number, const char *text);

/* A bar or line chart, and the 4 x 4 risk matrix (pdf_chart.c). */
void pdf_chart(struct pdf *p, const struct doc_chart *c);
void pdf_riskmatrix(struct pdf *p, const struct doc_riskmatrix *m);

void pdf_set_rgb(struct pdf *p, struct pdf_rgb c);
extern const struct pdf_rgb PDF_BLACK, PDF_GREY, PDF_LIGHT, PDF_ACCENT;

#endif
