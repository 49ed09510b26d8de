/*
** fuzz_csv.c — libFuzzer harness for the streaming CSV parser
** (base/csv.h). The input fed whole and fed in chunks of 1 to 64 bytes
** must give identical records (fields, lines, columns, encoding) and the
** identical error; every field handed out is text (text_valid).
** Byte 0 picks the chunk size, byte 1 the separator (detect, ';', ',').
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv.h"
#include "base/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static enum styr_rc collect(void *ctx, const struct csv_record *rec, struct styr_error *err)
{
	struct strbuf *sb = ctx;
	(void)err;
	if(!rec->n)
		abort();
	strbuf_addf(sb, "@%ld:", rec->line);
	for(size_t i = 0; i < rec->n; i++) {
		const struct csv_field *f = &rec->fields[i];
		if(f->len != strlen(f->text) || !text_valid(f->text, f->len, NULL))
			abort();
		strbuf_addf(sb, "[%ld:%d:%zu:", f->line, f->column, f->len);
		strbuf_add(sb, f->text, f->len);
		strbuf_addch(sb, ']');
	}
	strbuf_addch(sb, '\n');
	return STYR_OK;
}

static void run(const char *s, size_t n, size_t chunk, char sep, struct strbuf *out)
{
	struct csv_parser p;
	struct styr_error err;
	enum styr_rc rc = STYR_OK;
	styr_error_init(&err);
	csv_init(&p, sep, collect, out);
	for(size_t i = 0; !rc && i < n; i += chunk)
		rc = csv_feed(&p, s + i, n - i < chunk ? n - i : chunk, &err);
	if(!rc)
		rc = csv_finish(&p, &err);
	strbuf_addf(out, "rc %d %s sep %d enc %s\n", rc, rc ? err.msg : "", p.sep,
	            csv_encoding_name(&p));
	csv_release(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char seps[] = { 0, ';', ',' };
	struct strbuf whole = STRBUF_INIT, cut = STRBUF_INIT;
	if(size < 2)
		return 0;
	size_t chunk = (size_t)(data[0] % 64) + 1;
	char sep = seps[data[1] % 3];
	const char *s = (const char *)data + 2;
	size -= 2;
	run(s, size, size ? size : 1, sep, &whole);
	run(s, size, chunk, sep, &cut);
	if(strcmp(whole.buf, cut.buf))
		abort();
	strbuf_release(&whole);
	strbuf_release(&cut);
	return 0;
}
