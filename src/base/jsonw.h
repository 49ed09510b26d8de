/*
** jsonw.h — a streaming JSON writer.
**
** Output goes straight to a sink function as it is produced, so a large
** result never builds a tree in memory. Commas, colons and (when pretty)
** indentation of two spaces are handled by the writer. Strings are
** escaped per RFC 8259; non-ASCII UTF-8 is written as is.
**
** Pure: the sink does the I/O (jsonw_strbuf_sink collects into a strbuf).
*/
#ifndef STYR_JSONW_H
#define STYR_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define JSONW_MAX_DEPTH 32

typedef void (*jsonw_sink)(void *ctx, const char *data, size_t n);

struct jsonw {
	jsonw_sink sink;
	void *ctx;
	bool pretty;
	int depth;
	bool need_comma[JSONW_MAX_DEPTH];
	bool after_key;
};

void jsonw_init(struct jsonw *w, jsonw_sink sink, void *ctx, bool pretty);

/* A sink appending to the struct strbuf passed as ctx. */
void jsonw_strbuf_sink(void *ctx, const char *data, size_t n);

void jsonw_object_begin(struct jsonw *w);
void jsonw_object_end(struct jsonw *w);
void jsonw_array_begin(struct jsonw *w);
void jsonw_array_end(struct jsonw *w);
void jsonw_key(struct jsonw *w, const char *key);
void jsonw_string(struct jsonw *w, const char *s);   /* NULL writes null */
void jsonw_int(struct jsonw *w, int64_t v);
void jsonw_number_text(struct jsonw *w, const char *lexeme); /* already valid JSON */
void jsonw_bool(struct jsonw *w, bool v);
void jsonw_null(struct jsonw *w);

/* Shorthands for a key and its value. */
void jsonw_kv_string(struct jsonw *w, const char *key, const char *s);
void jsonw_kv_int(struct jsonw *w, const char *key, int64_t v);
void jsonw_kv_bool(struct jsonw *w, const char *key, bool v);

/* Finish the document: a newline after the last value (pretty mode). */
void jsonw_finish(struct jsonw *w);

#endif
