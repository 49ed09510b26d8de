/*
** findings.c — list of check findings (see findings.h).
*/
#include "base/findings.h"

#include <stdarg.h>
#include <stdlib.h>

#include "base/strbuf.h"

void findings_add(struct findings *f, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	ALLOC_GROW(f->lines, f->count, f->alloc);
	f->lines[f->count++] = strbuf_detach(&sb);
}

void findings_release(struct findings *f)
{
	for(size_t i = 0; i < f->count; i++)
		free(f->lines[i]);
	free(f->lines);
	f->count = f->alloc = 0;
	f->lines = NULL;
}
