/*
** fuzz_casenum.c — libFuzzer harness for case numbers (control/casenum.h).
** A number that parses (in any form, any prefix) normalises to a form
** that parses to the same form and numbers and the same normal form, and
** formatting with its own prefix parses back with that prefix and form.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "control/casenum.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool same(const struct casenum *a, const struct casenum *b)
{
	return a->form == b->form && a->year == b->year && a->seq == b->seq && a->doc == b->doc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	struct casenum c, c2, c3;
	struct strbuf n1 = STRBUF_INIT, n2 = STRBUF_INIT, f = STRBUF_INIT;

	memcpy(s, data, size);
	s[size] = '\0';
	if(casenum_parse(s, NULL, CASENUM_ANY, &c)) {
		if(c.year < 0 || c.year > (c.form == CASENUM_YY_N ? 99 : 9999) || c.seq < 1
		   || c.doc < 0)
			abort();
		casenum_normalise(&c, &n1);
		if(!casenum_parse(n1.buf, NULL, CASENUM_ANY, &c2) || !same(&c, &c2))
			abort();
		casenum_normalise(&c2, &n2);
		if(strcmp(n1.buf, n2.buf))
			abort();
		casenum_format(&c, c.prefix, &f);
		if(!casenum_parse(f.buf, c.prefix, (int)c.form, &c3) || !same(&c, &c3))
			abort();
		casenum_release(&c2);
		casenum_release(&c3);
	}
	casenum_release(&c);
	strbuf_release(&n1);
	strbuf_release(&n2);
	strbuf_release(&f);
	free(s);
	return 0;
}
