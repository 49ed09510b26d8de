/*
** test_casenum.c — case numbers as the seed documents write them.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "control/casenum.h"

static char *norm(const char *text, const char *prefix)
{
	static char buf[64];
	struct casenum c;
	struct strbuf sb = STRBUF_INIT;
	if(!casenum_parse(text, prefix, &c))
		return NULL;
	casenum_normalise(&c, &sb);
	casenum_release(&c);
	snprintf(buf, sizeof(buf), "%s", sb.buf);
	strbuf_release(&sb);
	return buf;
}

static void test_seed_numbers(void **state)
{
	(void)state;
	struct casenum c;
	/* Prognosrapport 1-2020, Delårsrapport 2020 and the 2021-02-10 protocol. */
	assert_string_equal(norm("Syd-IT 18-27", "Syd-IT"), "SYD-IT 18-27");
	assert_string_equal(norm("SYD-IT 18-27", "Syd-IT"), "SYD-IT 18-27");
	assert_string_equal(norm("SYD-IT14-26", "Syd-IT"), "SYD-IT 14-26");
	assert_string_equal(norm("Syd-IT 19-49", "Syd-IT"), "SYD-IT 19-49");
	assert_string_equal(norm("SYD-IT 18-188", "Syd-IT"), "SYD-IT 18-188");
	assert_string_equal(norm("Syd-IT 21-1", "Syd-IT"), "SYD-IT 21-1");
	assert_true(casenum_parse("Syd-IT 20-6-11", "Syd-IT", &c));
	assert_int_equal(c.year, 20);
	assert_int_equal(c.seq, 6);
	assert_int_equal(c.doc, 11);
	assert_string_equal(c.prefix, "Syd-IT");
	casenum_release(&c);
	assert_string_equal(norm("Syd-IT 21-4-1", NULL), "SYD-IT 21-4-1");
	assert_true(casenum_parse("SYD-IT14-26", NULL, &c));
	assert_string_equal(c.prefix, "SYD-IT");
	assert_int_equal(c.year, 14);
	assert_int_equal(c.doc, 0);
	casenum_release(&c);
	/* Leading zeros do not make another case. */
	assert_string_equal(norm("Syd-IT 21-01", "Syd-IT"), "SYD-IT 21-1");
}

static void test_refused(void **state)
{
	(void)state;
	struct casenum c;
	assert_false(casenum_parse("KS 18-27", "Syd-IT", &c));      /* other prefix */
	assert_false(casenum_parse("Syd-IT 2018-27", "Syd-IT", &c)); /* four-digit year */
	assert_false(casenum_parse("Syd-IT 18", "Syd-IT", &c));
	assert_false(casenum_parse("Syd-IT 18-", "Syd-IT", &c));
	assert_false(casenum_parse("Syd-IT 18-0", "Syd-IT", &c));
	assert_false(casenum_parse("Syd-IT 18-27-", "Syd-IT", &c));
	assert_false(casenum_parse("Syd-IT 18-27-3-1", "Syd-IT", &c));
	assert_false(casenum_parse("Syd-IT 18-27 ", "Syd-IT", &c));
	assert_false(casenum_parse("Syd-IT  18-27", "Syd-IT", &c));
	assert_false(casenum_parse("18-27", NULL, &c));
	assert_false(casenum_parse("", "Syd-IT", &c));
	assert_null(c.prefix);   /* a refusal holds nothing to release */
}

/* A prefix is kept whole however long it is, down to its last letter. */
static void test_long_prefix(void **state)
{
	(void)state;
	struct casenum c;
	const char *prefix = "Gemensamma nämnden för informationsteknik i Sydnärke, "
	                     "diariet för ärenden om åäö";
	char text[256];
	snprintf(text, sizeof(text), "%s 21-7-2", prefix);
	assert_true(casenum_parse(text, prefix, &c));
	assert_string_equal(c.prefix, prefix);
	assert_int_equal(c.seq, 7);
	assert_int_equal(c.doc, 2);
	casenum_release(&c);
	assert_true(casenum_parse(text, NULL, &c));
	assert_string_equal(c.prefix, prefix);
	casenum_release(&c);
}

static void test_format_and_next(void **state)
{
	(void)state;
	struct casenum c;
	struct strbuf sb = STRBUF_INIT;
	/* 2021: §3 is Syd-IT 21-1 and §4 Syd-IT 21-2; the next is 21-3. */
	long used21[] = { 1, 2 };
	assert_int_equal(casenum_next_seq(used21, 2), 3);
	assert_int_equal(casenum_next_seq(NULL, 0), 1);
	long used19[] = { 61, 49, 57 };
	assert_int_equal(casenum_next_seq(used19, 3), 62);
	assert_true(casenum_parse("SYD-IT14-26", "syd-it", &c));
	casenum_format(&c, "Syd-IT", &sb);
	assert_string_equal(sb.buf, "Syd-IT 14-26");
	casenum_release(&c);
	strbuf_reset(&sb);
	casenum_expected("Syd-IT", &sb);
	assert_non_null(strstr(sb.buf, "\"Syd-IT YY-N\""));
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_numbers),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_long_prefix),
		cmocka_unit_test(test_format_and_next),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
