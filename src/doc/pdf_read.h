/*
** pdf_read.h — just enough of PDF's syntax (ISO 32000-1 §7.2, §7.3, §7.5)
** to read the files styr writes: cairo's and qpdf's, for pdf_finish.c.
** Private to src/doc.
**
** A value is read where it is, never copied: struct pdf_val is its kind
** and its bytes in the file. Nothing reads past the file's end, and a
** value nested deeper than PDF_MAX_DEPTH is refused.
*/
#ifndef STYR_PDF_READ_H
#define STYR_PDF_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "base/error.h"
#include "base/strbuf.h"

enum pdf_kind {
	PDF_NULL, PDF_BOOL, PDF_INT, PDF_REAL, PDF_NAME, PDF_STRING, PDF_HEX, PDF_ARRAY, PDF_DICT,
	PDF_REF
};

/* One value of the file: its bytes b[at..end) and, for an integer or a
** reference, its number (and a reference's generation). */
struct pdf_val {
	enum pdf_kind kind;
	size_t at, end;
	long long num, gen;
};

/* The file being read and its cross-reference table (pdf_read_xref). */
struct pdf_file {
	const char *b;  /* the file */
	size_t n;       /* its length */
	size_t size;    /* the trailer's /Size */
	size_t *off;    /* off[i]: where object i is, 0 when it is not in use */
	long long *gen; /* gen[i]: its generation */
};

/* A value nested deeper than this is not one styr reads. */
#define PDF_MAX_DEPTH 32

/* Whether the name v is key ("/Root"). */
bool pdf_name_is(const struct pdf_file *f, const struct pdf_val *v, const char *key);

/* The next entry of the dictionary being walked from *pos (start at
** d->at + 2): its key and value; false at its end. */
bool pdf_dict_next(const struct pdf_file *f, size_t *pos, struct pdf_val *key,
                   struct pdf_val *v);

/* The value of key in the dictionary d; false when d has none. */
bool pdf_dict_get(const struct pdf_file *f, const struct pdf_val *d, const char *key,
                  struct pdf_val *v);

/* The next element of the array being walked from *pos (start at
** a->at + 1); false at its end. */
bool pdf_array_next(const struct pdf_file *f, size_t *pos, struct pdf_val *v);

/* v itself, or the object it refers to. */
enum styr_rc pdf_resolve(const struct pdf_file *f, struct pdf_val *v, struct styr_error *err);

/* The cross-reference table and trailer the last startxref points at:
** f->size, f->off, f->gen, the trailer dictionary and where the table is. */
enum styr_rc pdf_read_xref(struct pdf_file *f, struct pdf_val *trailer, size_t *xref_at,
                              struct styr_error *err);

/* The text string v (ISO 32000-1 §7.9.2: UTF-16BE after a byte order
** mark, else PDFDocEncoding) as UTF-8 into out, replacing what is not
** text with U+FFFD. */
void pdf_text_string(const struct pdf_file *f, const struct pdf_val *v, struct strbuf *out);

#endif
