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
** structure tags (H1-H3, P, L/LI, Table/TR/TH/TD, Figure) as far as cairo
** 1.16 writes them. Fonts: DejaVu Sans (Debian fonts-dejavu-core),
** embedded as subsets.
*/
#ifndef STYR_RENDER_PDF_H
#define STYR_RENDER_PDF_H

#include "core/error.h"
#include "core/strbuf.h"

struct doc;

/* Append the PDF of d to out. Fails with STYR_EIO (err set) when cairo
** reports an error; out then holds an unspecified part of a PDF. d is not
** changed. Same shape as the other renderers (doc_renderer in doc.h). */
enum styr_rc render_pdf(const struct doc *d, struct strbuf *out,
                        struct styr_error *err);

#endif
