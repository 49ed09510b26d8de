/*
** fuzz_target.c — libFuzzer harness for indicator targets and measured
** values as people write them (goals/target.h). Parse → format → parse is
** stable: the second parse has the same kind and formats to the same
** text; a measured number formats and parses back to the same value.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "goals/target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	struct target t = { 0 }, t2 = { 0 };
	struct measure m = { 0 }, m2 = { 0 };
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;

	memcpy(s, data, size);
	s[size] = '\0';
	target_parse(s, &t);
	target_format(&a, &t);
	target_parse(a.buf, &t2);
	target_format(&b, &t2);
	if(t2.kind != t.kind || strcmp(a.buf, b.buf))
		abort();
	if(t.kind != TARGET_TEXT && t.kind != TARGET_YES && t.kind != TARGET_NO &&
	   measure_num_cmp(&t.n.num, &t2.n.num))
		abort();

	measure_parse(s, &m);
	if(m.kind == MEASURE_NUMBER) {
		strbuf_reset(&a);
		strbuf_addstr(&a, m.n.digits);
		measure_parse(a.buf, &m2);
		if(m2.kind != MEASURE_NUMBER || measure_num_cmp(&m.n.num, &m2.n.num))
			abort();
	}
	target_release(&t);
	target_release(&t2);
	measure_release(&m);
	measure_release(&m2);
	strbuf_release(&a);
	strbuf_release(&b);
	free(s);
	return 0;
}
