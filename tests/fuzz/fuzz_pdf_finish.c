/*
** fuzz_pdf_finish.c — libFuzzer harness for the reader of pdf_finish
** (doc/render_pdf.h), which finishes every PDF styr makes as a PDF/A-2b
** by an incremental update: whatever the bytes, it either finishes them,
** leaving them as they were and only appending, or refuses them with
** STYR_EIO and a "pdf: " message, leaving them untouched; a file it
** finished it refuses a second time (an earlier update, /Prev).
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "doc/render_pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char prefix[] = "prefix";
	const size_t start = sizeof(prefix) - 1;
	struct strbuf b = STRBUF_INIT;
	struct styr_error err;
	enum styr_rc rc;
	size_t len;

	/* The profile's bytes are copied, never read: any small file will do,
	** and one of a few bytes keeps a run quick. */
	setenv("STYR_SRGB_ICC", STYR_SOURCE_ROOT "/tests/fuzz/fuzz_pdf_finish.c", 0);
	strbuf_addstr(&b, prefix);
	strbuf_add(&b, data, size);
	rc = pdf_finish(&b, start, "sv", &err);
	if(memcmp(b.buf, prefix, start) || (size && memcmp(b.buf + start, data, size)))
		abort();
	if(rc) {
		if(rc != STYR_EIO || b.len != start + size || strncmp(err.msg, "pdf: ", 5))
			abort();
	} else {
		if(b.len <= start + size)
			abort();
		len = b.len;
		if(pdf_finish(&b, start, "sv", &err) != STYR_EIO || b.len != len)
			abort();
	}
	strbuf_release(&b);
	return 0;
}
