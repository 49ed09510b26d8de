/*
** render_pdf.h — the PDF renderer: a document of the model (doc.h) as an
** A4 PDF made with cairo and pango.
**
** What the PDF holds: a title page, a table of contents with page numbers
** and links, numbered headings that are also the outline (bookmarks),
** paragraphs, lists, tables that break across pages with their header
** rows repeated, charts and the risk matrix drawn with cairo, a running
** header (committee, document title) and footer (date, "Sida N av M"),
** document metadata (title, author, subject, creator "styr", creation
** date = the document date, so the same data gives the same bytes) and
** structure tags. Fonts: DejaVu Sans (Debian fonts-dejavu-core), embedded
** as subsets.
**
** Tagging, honestly: cairo 1.16 writes the structure tree (H1-H3, P,
** L/LI/Lbl/LBody, Table/TR/TH/TD/Caption, TOC/TOCI, Figure) with marked
** content, link annotations (table of contents) and destinations; styr
** adds /MarkInfo, /Lang and DisplayDocTitle to the catalog, which cairo
** 1.16 does not write. What cairo 1.16 cannot do: mark the running header
** and footer as artifacts (on a page that starts inside a table or a
** paragraph they become part of its content), give a Figure alternative
** text, or give TH a scope. Repeated table headers are drawn outside any
** TR. Cell sources (doc.h) are shown by the HTML renderer; a PDF has no
** target to link them to, so table and chart sources are printed as a
** "Källa: …" line under the table or chart instead.
*/
#ifndef STYR_RENDER_PDF_H
#define STYR_RENDER_PDF_H

#include <stdbool.h>

#include "base/error.h"
#include "base/strbuf.h"

struct doc;
struct doc_chart;
struct pdf_attachment;

/* The PDF renderer and its drawing stack (cairo, pango; librsvg is
** styr-svg.so's, pdf_svg.c) are a module, styr-pdf.so (base/loadable.h),
** loaded on first use so that a command that draws nothing does not load
** them: the functions below and in pdf_layout.h are in the module, not in
** the program, but for pdf_module, doc_render_pdf and pdf_append
** (pdf_module.c). Outside the module (and its unit test, which links
** them) they are called through this table. Joining PDFs (libqpdf) is a
** module of its own, styr-pdfjoin.so (pdf_join below), loaded only for a
** document with attachments. */
struct pdf_module {
	enum styr_rc (*render)(const struct doc *d, struct strbuf *out,
	                       struct styr_error *err);                 /* render_pdf */
	enum styr_rc (*render_raw)(const struct doc *d, struct strbuf *out,
	                           struct styr_error *err);             /* render_pdf_raw */
	enum styr_rc (*finish)(struct strbuf *out, size_t start, const char *lang,
	                       struct styr_error *err);                 /* pdf_finish */
	bool (*chart_png)(const struct doc_chart *c, double scale, struct strbuf *png,
	                  double *w, double *h);                        /* pdf_chart_png */
	bool (*logo_png)(const char *path, double maxw, double maxh, double scale,
	                 struct strbuf *png, double *w, double *h);     /* logo_png */
};

/* The PDF module (pdf_module.c), loaded on first use; NULL with err set
** (STYR_EIO, naming the file) when styr-pdf.so cannot be loaded. Safe
** from several threads at once. */
const struct pdf_module *pdf_module(struct styr_error *err);

/* render_pdf through pdf_module(): the PDF renderer of doc_renderer_find. */
enum styr_rc doc_render_pdf(const struct doc *d, struct strbuf *out, struct styr_error *err);

/* Append the PDF of d to out, finished as a PDF/A-2b (pdf_finish). Fails
** with STYR_EIO (err set) when cairo reports an error or pdf_finish
** fails; out then holds an unspecified part of a PDF. d is not changed.
** Same shape as the other renderers (doc_renderer in doc.h). */
enum styr_rc render_pdf(const struct doc *d, struct strbuf *out,
                        struct styr_error *err);

/* render_pdf without finishing it (pdf_finish): cairo's PDF, for
** pdf_append to join with others and finish (a protocol and its
** attachments). */
enum styr_rc render_pdf_raw(const struct doc *d, struct strbuf *out,
                            struct styr_error *err);
/* Finish the PDF in out[start..] (pdf_finish.c) as a tagged PDF/A-2b in
** language lang (NULL or "" for none) by an incremental update appended
** to it: XMP metadata with the PDF/A identification, an sRGB output
** intent from colord-data's profile (STYR_SRGB_ICC overrides its path),
** printable annotations, dates in PDF form, a content-derived /ID;
** /MarkInfo, /Lang and DisplayDocTitle for the tagging. The bytes before
** stay as they are; the same bytes in give the same bytes out. Fails
** with STYR_EIO (err "pdf: …", out unchanged) when the colour profile
** cannot be read or out[start..] is not a PDF of the shape cairo or qpdf
** writes (one cross-reference table, no earlier update, annotations
** that are objects of their own, a catalog without the keys it adds). */
enum styr_rc pdf_finish(struct strbuf *out, size_t start, const char *lang,
                        struct styr_error *err);

/* A PDF to append: in memory (data, len) or else a file (path), and the
** bookmark title. */
struct pdf_attachment {
	const char *path;
	const char *data;
	size_t len;
	const char *title;   /* "§3 Årsredovisning 2020 för Sydnärkes IT-nämnd" */
};

/* Append the pages of n PDF files to the PDF in out[start..] (written by
** render_pdf_raw), each with a top-level bookmark on its first page after
** the document's own, with qpdf: qpdf's file, without object streams and
** with an /ID from its content, for pdf_finish to make a PDF/A-2b. The
** appended pages lose their own tags (they are content, the protocol's
** structure is unchanged) and keep what they draw; an annotation of
** theirs inside its page's array is made an object of its own. Fails with
** STYR_EIO when a file cannot be read or qpdf fails and STYR_EINVAL when
** it is not a PDF; out is then unchanged. In the module styr-pdfjoin.so
** (pdf_join.c), which exports it as styr_pdf_join. */
enum styr_rc pdf_join(struct strbuf *out, size_t start,
                      const struct pdf_attachment *att, size_t n, struct styr_error *err);
typedef enum styr_rc pdf_join_fn(struct strbuf *out, size_t start,
                                 const struct pdf_attachment *att, size_t n,
                                 struct styr_error *err);

/* pdf_join through styr-pdfjoin.so, then pdf_finish through pdf_module()
** (pdf_module.c): a document and its attachments as one PDF/A-2b in
** language lang. A PDF/A-2b document stays one only if the attachments
** draw as PDF/A does (their fonts embedded). Fails as pdf_join does and
** with STYR_EIO (err naming the file) when a module cannot be loaded or
** pdf_finish fails (out then unspecified). */
enum styr_rc pdf_append(struct strbuf *out, size_t start,
                        const struct pdf_attachment *att, size_t n,
                        const char *lang, struct styr_error *err);

#endif
