/*
** html.h — an escaping HTML writer in the manner of kcgi's khtml.
**
** Elements are opened by function and closed in order (html_close() closes
** the innermost, html_close_to() closes down to a depth, so a renderer can
** never leave an element open or close the wrong one). Every byte of text
** goes through html_text(), which escapes & < > " ' and replaces bytes that
** are not valid UTF-8 (and C0 controls other than tab and newline) by
** U+FFFD. Attribute values are escaped by their own rule, which also turns
** tab, newline and carriage return into character references so a value
** keeps them. Element and attribute names are the caller's literals and are
** not escaped: never pass data as a name.
*/
#ifndef STYR_HTML_H
#define STYR_HTML_H

#include <stddef.h>

#include "base/strbuf.h"

/* Append s escaped as HTML text / as a double-quoted attribute value. */
void html_escape_text(struct strbuf *out, const char *s, size_t len);
void html_escape_attr(struct strbuf *out, const char *s, size_t len);

#define HTML_MAX_DEPTH 32

struct html {
	struct strbuf *out;             /* not owned */
	const char *stack[HTML_MAX_DEPTH];
	int depth;
};

void html_init(struct html *h, struct strbuf *out);

/* Open an element with attributes given as name/value pairs ending in a
** NULL name; a NULL value skips that attribute, "" writes it empty:
**     html_open(h, "th", "scope", "col", "title", src, NULL);
** Void elements (meta, br, img...) use html_void(), which is not pushed. */
void html_open(struct html *h, const char *name, ...);
void html_void(struct html *h, const char *name, ...);
/* Close the innermost element; close down to `depth` open elements. */
void html_close(struct html *h);
void html_close_to(struct html *h, int depth);

/* Escaped text; with '\n' turned into <br> in html_text_br(). */
void html_text(struct html *h, const char *s);
void html_text_br(struct html *h, const char *s);
void html_textf(struct html *h, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* An element holding only escaped text: html_elem_text(h, "td", "x", attrs..., NULL). */
void html_elem_text(struct html *h, const char *name, const char *text, ...);
/* Trusted markup (the skeleton and the style sheet): the caller's literal. */
void html_raw(struct html *h, const char *literal);

/* The blocks of document d (headings, paragraphs, tables, charts, risk
** matrices) as render_html draws them inside its <main>, into an open
** writer: a page of the web application shows a report's sections with
** the reports' own markup. Headings are h2..h4. */
struct doc;
void render_html_blocks(const struct doc *d, struct html *h);
/* The style sheet render_html puts in its <style>, for pages that show
** blocks (served as a file by the web). */
const char *render_html_style(void);

#endif
