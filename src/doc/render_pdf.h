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

#include "base/error.h"
#include "base/strbuf.h"

struct doc;

/* Append the PDF of d to out. Fails with STYR_EIO (err set) when cairo
** reports an error; out then holds an unspecified part of a PDF. d is not
** changed. Same shape as the other renderers (doc_renderer in doc.h). */
enum styr_rc render_pdf(const struct doc *d, struct strbuf *out,
                        struct styr_error *err);

#endif
