/*
** doc.h — the document model every report is built in, and the renderer
** interface.
**
** A report type (rt_*.c) reads the store and appends blocks to a `struct
** doc`: numbered headings, paragraphs, bullet lists, term/definition lists,
** tables with typed cells, charts, a risk matrix and page-break hints. The
** renderers (render_html.c, render_pdf.c, render_xlsx.c, render_text.c)
** walk the blocks in order and never read the store; a report type is
** written once, never once per format.
**
** Ownership: the doc owns every string and array appended to it (all
** builder functions copy their arguments); doc_free() releases it all.
** Builders cannot fail: allocation failure aborts (see strbuf.h), and
** misuse (a cell outside a row, a row outside a table) is an assert.
**
** Typed cells keep the value, not its text: money as öre (renderers show
** whole tkr, rounded half away from zero), percentages and decimals as a
** scaled integer plus a count of decimals, dates as struct date. Renderers
** format them the Swedish way (money.h), and the XLSX renderer writes them
** as numbers. Every cell, table, chart and matrix may carry a `source`:
** one line naming where the figure comes from ("indikator 1.2, utfall
** 2020-04-30", "konto 3000–3999, huvudbok 2020", "§ 12 2021-02-10"), which
** the HTML renderer shows as a title (traceability).
**
** Text is UTF-8 throughout. The model holds no markup: renderers escape.
*/
#ifndef STYR_DOC_H
#define STYR_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/date.h"
#include "base/error.h"
#include "base/strbuf.h"

/* ---- cells ---------------------------------------------------------- */

enum doc_cell_type {
	DOC_CELL_EMPTY = 0,
	DOC_CELL_TEXT,     /* text */
	DOC_CELL_TKR,      /* value: öre; shown as whole tkr ("-852") */
	DOC_CELL_PERCENT,  /* value scaled by 10^decimals; shown "72,3 %" */
	DOC_CELL_DECIMAL,  /* value scaled by 10^decimals; shown "71,13" (+ " " unit) */
	DOC_CELL_INT,      /* value; shown "1 923" (+ " " unit) */
	DOC_CELL_DATE,     /* date; shown "2021-02-24" */
	DOC_CELL_VERDICT   /* verdict level + text ("Uppnådd"); coloured marker */
};

/* Verdict levels: the colour and symbol of a verdict cell. The wording is
** the cell's text, so goal verdicts ("Uppnås delvis") and internal-control
** statuses ("Mindre avvikelser") use the same levels. */
enum doc_verdict {
	DOC_VERDICT_NONE = 0,  /* saknar värde / ej påbörjad (grey) */
	DOC_VERDICT_MET,       /* uppnådd / inga avvikelser (green) */
	DOC_VERDICT_PARTLY,    /* delvis uppnådd / mindre avvikelser (yellow) */
	DOC_VERDICT_NOT_MET    /* ej uppnådd / större avvikelser (red) */
};

/* Default Swedish wording of an indicator verdict level ("Uppnådd",
** "Delvis uppnådd", "Ej uppnådd", "Saknar värde"). */
const char *doc_verdict_text(enum doc_verdict v);

struct doc_cell {
	enum doc_cell_type type;
	int64_t value;          /* TKR: öre; PERCENT/DECIMAL: scaled; INT */
	int decimals;           /* PERCENT, DECIMAL */
	struct date date;       /* DATE */
	enum doc_verdict verdict; /* VERDICT */
	char *text;             /* TEXT and VERDICT wording; NULL otherwise */
	char *unit;             /* DECIMAL/INT: "st", "dagar"; NULL for none */
	char *source;           /* traceability line; NULL when none */
	int colspan;            /* >= 1 */
};

/* Append the cell's value as it is shown (Swedish formatting, no markup):
** "-852", "72,3 %", "71,13 st", "2021-02-24", "Uppnådd", "" for empty.
** Every renderer that writes text uses this, so all formats agree. */
void doc_cell_format(const struct doc_cell *c, struct strbuf *sb);

/* True for the types that are right-aligned numbers. */
bool doc_cell_is_numeric(const struct doc_cell *c);

/* ---- blocks --------------------------------------------------------- */

enum doc_row_flags {
	DOC_ROW_HEADER = 1 << 0, /* a header row (th, repeated on page breaks) */
	DOC_ROW_TOTAL  = 1 << 1, /* a sum row (bold, rule above) */
	DOC_ROW_GROUP  = 1 << 2  /* a group title row inside the body (bold) */
};

struct doc_row {
	unsigned flags;          /* doc_row_flags */
	struct doc_cell *cells;
	size_t ncells;           /* the spans add up to the table's ncols */
	size_t alloc;
};

struct doc_table {
	char *caption;           /* shown above the table; also the TOC-less title */
	bool caption_is_heading; /* the caption repeats the heading right before the
	                         ** table: renderers do not print it again (HTML
	                         ** keeps it for screen readers); doc_table_begin */
	char *sheet;             /* short name for an XLSX sheet; NULL: from caption */
	char *source;            /* where the table as a whole comes from */
	char *note;              /* a line under the table ("Belopp i tkr"); may be NULL */
	size_t ncols;
	unsigned *col_weight;    /* ncols relative widths: a hint only, used when the
	                         ** content gives no width (doc_table_widths) */
	struct doc_row *rows;    /* header rows first, in order */
	size_t nrows;
	size_t alloc;
};

enum doc_chart_kind { DOC_CHART_BAR, DOC_CHART_LINE };

struct doc_series {
	char *name;              /* legend text */
	int64_t *values;         /* nlabels values scaled by 10^decimals */
	bool *present;           /* nlabels flags: false = no value (gap) */
};

struct doc_chart {
	enum doc_chart_kind kind;
	char *title;
	char *source;
	char *unit;              /* axis unit: "tkr", "%", "st"; may be NULL */
	int decimals;            /* of the series values */
	char **labels;           /* category labels (years, report lines) */
	size_t nlabels;
	struct doc_series *series;
	size_t nseries;
	size_t alloc;
};

/* The internal-control risk matrix: probability (rows, 1..nprob) ×
** consequence (columns, 1..ncons), each scale 1 to at most
** DOC_RISKMATRIX_MAX grades (3 × 3, 4 × 4, 5 × 5 ...). Index [p-1][c-1].
** Renderers draw the highest probability at the top, consequence 1 at the
** left. */
#define DOC_RISKMATRIX_MAX 5
struct doc_riskmatrix {
	char *title;
	char *source;
	char *prob_axis;             /* "Sannolikhet" */
	char *cons_axis;             /* "Konsekvens" */
	int nprob, ncons;            /* grades of each scale */
	char *prob_label[DOC_RISKMATRIX_MAX]; /* "Osannolik" .. "Sannolik" */
	char *cons_label[DOC_RISKMATRIX_MAX]; /* "Försumbar" .. "Allvarlig" */
	int count[DOC_RISKMATRIX_MAX][DOC_RISKMATRIX_MAX];      /* risks in the cell */
	uint32_t colour[DOC_RISKMATRIX_MAX][DOC_RISKMATRIX_MAX]; /* 0xRRGGBB of the cell's level (data) */
	char *level[DOC_RISKMATRIX_MAX][DOC_RISKMATRIX_MAX];    /* the level's name ("Låg"); may be NULL */
};

/* Signature lines (a protocol's ordförande, justerare, sekreterare; an
** extract's "Rätt utdraget intygar"): room to sign, a line, the name
** under it and the role under the name, two to a row. */
struct doc_signatures {
	char *intro;             /* a line above them ("Vid protokollet"); may be NULL */
	char **roles;            /* "Ordförande", "Justerare", "Rätt utdraget intygar" */
	char **names;            /* "Magnus Andersson"; "" for a line without a name */
	size_t n;
	size_t alloc;
};

enum doc_block_type {
	DOC_HEADING,
	DOC_PARA,
	DOC_LIST,
	DOC_DEFLIST,
	DOC_TABLE,
	DOC_CHART,
	DOC_RISKMATRIX,
	DOC_PAGEBREAK,
	DOC_SIGNATURES
};

struct doc_heading {
	int level;               /* 1..3 */
	char *number;            /* "2.1" for numbered headings; NULL otherwise */
	char *text;
	char *id;                /* unique anchor ("h-2-1", "h-u3"), for links/outline */
};

struct doc_list {
	bool ordered;
	char **items;
	size_t nitems;
	size_t alloc;
};

/* Term/definition pairs (protocol front matter: "Plats och tid", ...). */
struct doc_deflist {
	char **terms;
	char **defs;             /* a definition may hold '\n' line breaks */
	size_t n;
	size_t alloc;
};

struct doc_block {
	enum doc_block_type type;
	union {
		struct doc_heading heading;
		char *para;              /* DOC_PARA: text; '\n' = line break */
		struct doc_list list;
		struct doc_deflist deflist;
		struct doc_table table;
		struct doc_chart chart;
		struct doc_riskmatrix matrix;
		struct doc_signatures sig;
	} u;
};

/* A document to go with this one (a protocol's beslutsunderlag): shown
** by its title, and for a PDF appended after the document's own pages
** with a bookmark (pdf_append). Either a stored file (path) or a report
** styr makes (report: the arguments of `styr report`, "arsredovisning
** --year 2020"), which the report command renders. */
struct doc_attachment {
	char *title;
	char *path;              /* a PDF file; may be NULL */
	char *report;            /* a report's arguments; may be NULL */
};

/* ---- the document --------------------------------------------------- */

/* A named figure of the document, for narrative text to refer to. */
struct doc_figure {
	char *name;              /* "drift.summa.utfall", "resultat.utfall" */
	struct doc_cell cell;    /* its value, type, decimals and unit (no text) */
	char *label;             /* what it is, for messages ("Summa, summa utfall") */
};

struct doc {
	char *title;             /* "Delårsrapport 2020" */
	char *subtitle;          /* "Sydnärkes IT-nämnd, per 2020-07-31"; may be NULL */
	char *committee;         /* author/organisation: "Sydnärkes IT-nämnd" */
	struct date date;        /* document date; year 0 when none */
	char *language;          /* "sv" */
	char *header;            /* running page header text; may be NULL */
	char *footer;            /* running page footer text (renderers add page numbers) */
	bool toc;                /* a table of contents after the title page */
	bool title_page;         /* a title page of its own (else a title block) */
	/* identity: the organisation that publishes ("Lekebergs kommun", the
	** committee's host municipality) as the letterhead of the title page
	** and title block, its logo (a PNG or SVG file; NULL for none) and its colour
	** (0xRRGGBB for headings and rules; 0 for the house colour) */
	char *org;
	char *logo;
	uint32_t accent;
	/* boxes at the foot of every page but the title page, for initials
	** ("Justerare signatur", "Utdragsbestyrande"); nsign_boxes 0..3 */
	char *sign_boxes[3];
	size_t nsign_boxes;
	struct doc_attachment *att;
	size_t natt, aatt;
	struct doc_figure *fig;  /* named figures (doc_figure) */
	size_t nfig, afig;
	struct doc_block *blocks;
	size_t nblocks;
	size_t alloc;
	/* builder state */
	int heading_no[3];       /* current numbering per level */
	int unnumbered;          /* counter for unnumbered heading ids */
};

/* A new empty document with the given title (copied); language "sv",
** title page and TOC off. Free with doc_free(). */
struct doc *doc_new(const char *title);
void doc_free(struct doc *d);

/* Setters for the front matter; each copies its argument (NULL clears). */
void doc_set_subtitle(struct doc *d, const char *s);
void doc_set_committee(struct doc *d, const char *s);
void doc_set_date(struct doc *d, struct date date);
void doc_set_page_text(struct doc *d, const char *header, const char *footer);

/* A numbered heading at level 1..3 ("1", "1.1", "1.1.1"), numbered in
** order of appending; returns the block. */
struct doc_heading *doc_heading(struct doc *d, int level, const char *text);
/* A heading without a number ("§ 12 Budget 2021", "Bilaga"). */
struct doc_heading *doc_heading_plain(struct doc *d, int level, const char *text);

/* A paragraph; text copied ('\n' is a line break). doc_paraf formats. */
void doc_para(struct doc *d, const char *text);
void doc_paraf(struct doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A list: begin, then items, which go to the last list begun. */
void doc_list_begin(struct doc *d, bool ordered);
void doc_list_item(struct doc *d, const char *text);

/* A term/definition list: begin, then pairs. */
void doc_deflist_begin(struct doc *d);
void doc_deflist_item(struct doc *d, const char *term, const char *def);

void doc_pagebreak(struct doc *d);

/* Signature lines: begin (with an intro line or NULL), then one per
** signer; name NULL or "" leaves the line without a printed name. */
void doc_signatures_begin(struct doc *d, const char *intro);
void doc_signature(struct doc *d, const char *role, const char *name);

/* The identity of the publisher (see struct doc); each string copied,
** NULL clears it. */
void doc_set_identity(struct doc *d, const char *org, const char *logo, uint32_t accent);

/* The box of the letterhead the logo is fitted into (points), in every
** format that draws it, and the scale that fits a picture of w x h into
** maxw x maxh with its proportions kept. */
#define DOC_LOGO_MAX_W 160.0
#define DOC_LOGO_MAX_H 48.0
static inline double doc_fit_scale(double w, double h, double maxw, double maxh)
{
	return maxw / w < maxh / h ? maxw / w : maxh / h;
}
/* The labels of the boxes at the foot of every page (at most 3). */
void doc_set_sign_boxes(struct doc *d, const char *const *labels, size_t n);
/* An attachment (see struct doc_attachment); strings copied. */
void doc_attach(struct doc *d, const char *title, const char *path, const char *report);
/* The colour of headings and rules: d->accent, or the house colour. */
uint32_t doc_accent(const struct doc *d);

/* A point in the document to go back to: a report type marks before a
** section and rewinds when the section turns out to have no data, which
** also takes back the heading numbers given since the mark. */
struct doc_mark {
	size_t nblocks;
	int heading_no[3];
	int unnumbered;
};
struct doc_mark doc_mark(const struct doc *d);
void doc_rewind(struct doc *d, struct doc_mark m);

/* Tables. doc_table_begin() appends a table of ncols columns; rows and
** cells then go to it until the next block is appended. A row's cell spans
** must add up to ncols (asserted at doc_row_begin of the next row and at
** doc_table_end). */
struct doc_table *doc_table_begin(struct doc *d, const char *caption, size_t ncols);
void doc_table_sheet(struct doc *d, const char *sheet);      /* XLSX sheet name */
void doc_table_source(struct doc *d, const char *source);
void doc_table_note(struct doc *d, const char *note);
void doc_table_weights(struct doc *d, const unsigned *weights); /* ncols values */
void doc_row_begin(struct doc *d, unsigned flags);
/* A header row of text cells in one call: ncols strings. */
void doc_header_row(struct doc *d, const char *const *titles);
void doc_table_end(struct doc *d);

/* Cells, appended to the current row. */
void doc_cell_empty(struct doc *d);
void doc_cell_text(struct doc *d, const char *text);
void doc_cell_textf(struct doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void doc_cell_tkr(struct doc *d, int64_t ore);
void doc_cell_percent(struct doc *d, int64_t scaled, int decimals);
void doc_cell_decimal(struct doc *d, int64_t scaled, int decimals, const char *unit);
void doc_cell_int(struct doc *d, int64_t v, const char *unit);
void doc_cell_date(struct doc *d, struct date date);
/* text NULL: doc_verdict_text(v). */
void doc_cell_verdict(struct doc *d, enum doc_verdict v, const char *text);
/* Set the last cell's source line / span. */
void doc_cell_source(struct doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void doc_cell_span(struct doc *d, int colspan);

/* Charts: begin with labels, then add series of nlabels values each
** (present may be NULL: all present). */
struct doc_chart *doc_chart_begin(struct doc *d, enum doc_chart_kind kind,
                                  const char *title, const char *unit, int decimals,
                                  const char *const *labels, size_t nlabels);
void doc_chart_source(struct doc *d, const char *source);
void doc_chart_series(struct doc *d, const char *name, const int64_t *values,
                      const bool *present);

/* Round axis ticks shared by the chart renderers: lo..hi in steps of
** step (1, 2, 2,5 or 5 × 10^k, about five intervals), covering zero and
** every value present (values in units, i.e. divided by 10^decimals).
** Tick i (0..n) is doc_chart_tick(t, i); decimals is what a tick label
** needs (2,5 -> 1). */
struct doc_ticks {
	double lo, hi, step;
	int n;
	int decimals;
};
void doc_chart_ticks(const struct doc_chart *c, struct doc_ticks *t);
double doc_chart_tick(const struct doc_ticks *t, int i);

/* A risk matrix with zero counts and the given axis texts (nprob and
** ncons labels, 1..DOC_RISKMATRIX_MAX, lowest first); fill
** count/colour/level through the returned pointer. */
struct doc_riskmatrix *doc_riskmatrix(struct doc *d, const char *title,
                                      const char *prob_axis, const char *const *prob_label,
                                      int nprob, const char *cons_axis,
                                      const char *const *cons_label, int ncons);

/* ---- figures in prose ------------------------------------------------ */

/* Narrative text refers to a figure of its document by name in double
** braces: "ett överskott på {{resultat.utfall|abs}}". The document
** sections name the figures they print (doc_figure_last_cell); a report
** resolves the references once the document is built
** (doc_resolve_figures), so the text says what the table says, in the
** house format ("1 579 tkr", "72,3 %", "7 st"). "|abs" drops the sign
** (a surplus is negative in the outcome column). docs/figures.md lists
** the names. */

/* Name the last cell appended to the current table: the figure name is
** prefix.label-key.column-key with the keys lowered and spaces and signs
** turned into '-' ("drift", "Summa", "utfall" -> "drift.summa.utfall");
** label is kept for messages. A later figure of the same name replaces an
** earlier one. */
void doc_figure_last_cell(struct doc *d, const char *prefix, const char *row,
                          const char *column, const char *label);
/* A figure that is no table cell (a count the text states): value's
** type, value, decimals and unit are copied. */
void doc_figure(struct doc *d, const char *name, const struct doc_cell *value,
                const char *label);
/* Another name for an existing figure ("resultat.utfall" for the net
** result row's outcome); nothing when `of` is not a figure. */
void doc_figure_alias(struct doc *d, const char *alias, const char *of);
/* A name's key form: ASCII and å ä ö é lowered, any other run (spaces,
** signs, dots) one '-' between letters ("Sydnet 2.0" -> "sydnet-2-0"). */
void doc_figure_key(struct strbuf *sb, const char *s);
/* The figure named name, or NULL. */
const struct doc_figure *doc_figure_find(const struct doc *d, const char *name);

/* Replace every {{name}} and {{name|abs}} in the paragraphs, list items
** and term definitions of d by the figure's text. A name that is no
** figure stays as written; the names are appended to unresolved (one per
** line, may be NULL). Returns how many were left. */
size_t doc_resolve_figures(struct doc *d, struct strbuf *unresolved);

/* Numbers typed in the narrative of d that contradict one of its
** figures: a whole number written before "tkr" that is not a figure of
** the document but within 2 % of one (a typo or an out-of-date figure,
** "1564 tkr" where the table says 1 579). Round hundreds are taken as
** rounded and left alone. Each is appended to out as one line naming the
** typed and the computed figure. Returns how many. */
size_t doc_check_prose(const struct doc *d, const char *where, struct strbuf *out);

/* ---- layout rules, the same for every renderer ---------------------- */

/* Tables: one of at most DOC_TABLE_KEEP_ROWS body rows never splits over
** a page (it moves whole to the next page when it fits on one); a longer
** one splits only with at least DOC_TABLE_MIN_SPLIT body rows on each
** side of the break, and its header rows are repeated after it. A row
** splits only when it is taller than a page. A heading always stays on
** the page of what follows it (for a table: the whole table when it is
** kept whole, else its header and first DOC_TABLE_MIN_SPLIT rows). */
#define DOC_TABLE_KEEP_ROWS 15
#define DOC_TABLE_MIN_SPLIT 3

/* Header rows at the top of t, and body rows after them. */
size_t doc_table_header_rows(const struct doc_table *t);
size_t doc_table_body_rows(const struct doc_table *t);
/* True when t is short enough never to split (doc_table_body_rows() <=
** DOC_TABLE_KEEP_ROWS). */
bool doc_table_keep_whole(const struct doc_table *t);

/* Break points of a table that does not fit where it starts, by the
** rules above. h[r] is the height of row r (header rows first), first the
** room left on the first page for rows (after caption and header), page
** the room on a following page (after the repeated header); both in the
** renderer's units. Marks brk[r] = true where a new page starts before
** body row r (brk at the first body row: the whole table starts on the
** next page). A row taller than a page is split by the renderer. A group
** row goes with the row after it, and the last body row with a closing
** total row. With headed, a short table that does not fit on one page
** together with the heading right above it (the renderer has started a
** page with the heading) is split like a long one rather than leaving
** the heading alone. */
void doc_table_breaks(const struct doc_table *t, const double *h, double first,
                      double page, bool headed, bool *brk);

/* Column widths from content: nat[c] is a column's natural width (its
** widest cell on one line), min[c] its narrowest (longest word; numbers
** and dates whole); avail the width of the table. When the natural widths
** fit, the room left goes to the text columns. Else every column wraps
** its longest cell into about the same number of lines, never below its
** minimum nor above its natural width: short columns stay short and do
** not wrap, a long text column gets the room. Writes w[ncols], summing to
** avail when the minimums fit; returns false (w = the minimums scaled
** down) when they do not. minh (may be NULL) are the minimums when words
** may break at their hyphenation points: used, for the set of columns
** that lets the longest cell wrap into the fewest lines, only when the
** minimums do not fit. Weights (t->col_weight) only share out spare room
** in a table without text columns. */
bool doc_table_widths(const struct doc_table *t, const double *nat, const double *min,
                      const double *minh, double avail, double *w);

/* The one chart palette of every renderer: series colours as 0xRRGGBB,
** each at least 3:1 against white (WCAG 1.4.11), eight so that a chart of
** seven indicators repeats none; and the house accent colour. */
extern const uint32_t doc_palette[8];
#define DOC_PALETTE_N 8
#define DOC_ACCENT 0x1f4e79u

/* Series that coincide: true when series s has the same value as an
** earlier series at every label where both have one (it would be drawn
** exactly on top of it). Renderers draw such a series dashed, with its
** own marker, and say so in the legend ("sammanfaller med ..."). Sets
** *under to the earlier series. */
bool doc_chart_series_coincides(const struct doc_chart *c, size_t s, size_t *under);

/* Swedish hyphenation and unbreakable numbers (doc_hyph.c).
**
** doc_hyphenate() appends text to sb with a soft hyphen (U+00AD) at every
** hyphenation point of each word of at least min_chars letters, from
** the hyphen-sv patterns (Debian hyphen-sv) applied as libhyphen applies
** them (doc_hyph.c); words with
** digits, capitals-only abbreviations of up to six letters and e-mail or
** web addresses are left alone. With join, it also writes a NO-BREAK
** SPACE (U+00A0; join_char replaces it when not NULL) for a space that
** must not break: inside a number written with group spaces ("1 923"),
** between a number and its unit or a percent sign ("20 st", "6,72 %",
** "1 579 tkr"), and before any percent sign ("samtal % efter"). Returns
** false when the patterns cannot be loaded (text is then appended
** unchanged apart from the joins). Thread-safe after the first call. */
bool doc_hyphenate(const char *text, size_t min_chars, bool join,
                   const char *join_char, struct strbuf *sb);
/* True when the space at text[i] must not break (see doc_hyphenate). */
bool doc_space_joins(const char *text, size_t i);

/* ---- renderers ------------------------------------------------------ */

/* Every renderer has this shape: append the whole rendered document to
** out (bytes: HTML/text are UTF-8; PDF and XLSX are binary) and return
** STYR_OK, or fail with err set and out in an unspecified state. The
** doc is not changed. render_pdf() is declared in render_pdf.h with the
** same signature. */
typedef enum styr_rc (*doc_renderer)(const struct doc *d, struct strbuf *out,
                                     struct styr_error *err);

enum styr_rc render_html(const struct doc *d, struct strbuf *out, struct styr_error *err);
enum styr_rc render_text(const struct doc *d, struct strbuf *out, struct styr_error *err);
/* The XLSX renderer is in the module styr-xlsx.so (xlsx_module.c), which
** exports it as styr_xlsx_render; the program calls doc_render_xlsx. */
enum styr_rc render_xlsx(const struct doc *d, struct strbuf *out, struct styr_error *err);
enum styr_rc doc_render_xlsx(const struct doc *d, struct strbuf *out, struct styr_error *err);

enum styr_rc render_docx(const struct doc *d, struct strbuf *out, struct styr_error *err);

/* The renderer of an output format: "html", "text", "xlsx", "pdf", "docx"; NULL
** when unknown (doc_text.c). */
doc_renderer doc_renderer_find(const char *format);

/* Append narrative text in styr's light form as blocks: paragraphs
** separated by a blank line, "- " bullet lists, "1. " numbered lists,
** "### " plain sub-headings at heading_level (doc_text.c). */
void doc_add_text(struct doc *d, const char *text, int heading_level);

#endif
