/*
** jsonw.c — streaming JSON writer (see jsonw.h).
*/
#include "base/jsonw.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"

void jsonw_init(struct jsonw *w, jsonw_sink sink, void *ctx, bool pretty)
{
	memset(w, 0, sizeof(*w));
	w->sink = sink;
	w->ctx = ctx;
	w->pretty = pretty;
}

void jsonw_strbuf_sink(void *ctx, const char *data, size_t n)
{
	strbuf_add(ctx, data, n);
}

static void put(struct jsonw *w, const char *s, size_t n)
{
	w->sink(w->ctx, s, n);
}

static void puts_(struct jsonw *w, const char *s)
{
	put(w, s, strlen(s));
}

static void newline_indent(struct jsonw *w)
{
	static const char spaces[] = "                                                                ";
	if(!w->pretty)
		return;
	put(w, "\n", 1);
	size_t n = (size_t)w->depth * 2;
	while(n > 0) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
		put(w, spaces, k);
		n -= k;
	}
}

/* Called before every value or key: the comma and indentation it needs. */
static void before_item(struct jsonw *w)
{
	if(w->after_key) {
		w->after_key = false;
		return;
	}
	if(w->depth > 0) {
		if(w->need_comma[w->depth])
			put(w, ",", 1);
		newline_indent(w);
	}
	w->need_comma[w->depth] = true;
}

static void open_(struct jsonw *w, const char *c)
{
	before_item(w);
	puts_(w, c);
	assert(w->depth + 1 < JSONW_MAX_DEPTH);
	w->depth++;
	w->need_comma[w->depth] = false;
}

static void close_(struct jsonw *w, const char *c)
{
	bool had_items = w->need_comma[w->depth];
	w->depth--;
	if(had_items)
		newline_indent(w);
	puts_(w, c);
}

void jsonw_object_begin(struct jsonw *w) { open_(w, "{"); }
void jsonw_object_end(struct jsonw *w) { close_(w, "}"); }
void jsonw_array_begin(struct jsonw *w) { open_(w, "["); }
void jsonw_array_end(struct jsonw *w) { close_(w, "]"); }

static void write_escaped(struct jsonw *w, const char *s)
{
	const char *run = s;
	put(w, "\"", 1);
	for(; *s; s++) {
		unsigned char c = (unsigned char)*s;
		const char *esc = NULL;
		char ubuf[8];
		switch(c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			if(c < 0x20) {
				snprintf(ubuf, sizeof(ubuf), "\\u%04x", c);
				esc = ubuf;
			}
		}
		if(esc) {
			put(w, run, (size_t)(s - run));
			puts_(w, esc);
			run = s + 1;
		}
	}
	put(w, run, (size_t)(s - run));
	put(w, "\"", 1);
}

void jsonw_key(struct jsonw *w, const char *key)
{
	before_item(w);
	write_escaped(w, key);
	put(w, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
	w->after_key = true;
}

void jsonw_string(struct jsonw *w, const char *s)
{
	if(!s) {
		jsonw_null(w);
		return;
	}
	before_item(w);
	write_escaped(w, s);
}

void jsonw_int(struct jsonw *w, int64_t v)
{
	char buf[32];
	before_item(w);
	snprintf(buf, sizeof(buf), "%" PRId64, v);
	puts_(w, buf);
}

void jsonw_number_text(struct jsonw *w, const char *lexeme)
{
	before_item(w);
	puts_(w, lexeme);
}

void jsonw_bool(struct jsonw *w, bool v)
{
	before_item(w);
	puts_(w, v ? "true" : "false");
}

void jsonw_null(struct jsonw *w)
{
	before_item(w);
	puts_(w, "null");
}

void jsonw_kv_string(struct jsonw *w, const char *key, const char *s)
{
	jsonw_key(w, key);
	jsonw_string(w, s);
}

void jsonw_kv_int(struct jsonw *w, const char *key, int64_t v)
{
	jsonw_key(w, key);
	jsonw_int(w, v);
}

void jsonw_kv_bool(struct jsonw *w, const char *key, bool v)
{
	jsonw_key(w, key);
	jsonw_bool(w, v);
}

void jsonw_finish(struct jsonw *w)
{
	put(w, "\n", 1);
}
