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
	if(!casenum_parse(text, prefix, prefix ? CASENUM_YY_N : CASENUM_ANY, &c))
		return NULL;
	casenum_normalise(&c, &sb);
	casenum_release(&c);
	snprintf(buf, sizeof(buf), "%s", sb.buf);
	strbuf_release(&sb);
	return buf;
}

static char *norm2(const char *text, const char *prefix, int form)
{
	static char buf[64];
	struct casenum c;
	struct strbuf sb = STRBUF_INIT;
	if(!casenum_parse(text, prefix, form, &c))
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
	assert_true(casenum_parse("Syd-IT 20-6-11", "Syd-IT", CASENUM_YY_N, &c));
	assert_int_equal(c.year, 20);
	assert_int_equal(c.seq, 6);
	assert_int_equal(c.doc, 11);
	assert_string_equal(c.prefix, "Syd-IT");
	casenum_release(&c);
	assert_string_equal(norm("Syd-IT 21-4-1", NULL), "SYD-IT 21-4-1");
	assert_true(casenum_parse("SYD-IT14-26", NULL, CASENUM_ANY, &c));
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
	assert_false(casenum_parse("KS 18-27", "Syd-IT", CASENUM_YY_N, &c));      /* other prefix */
	assert_false(casenum_parse("Syd-IT 2018-27", "Syd-IT", CASENUM_YY_N, &c)); /* four-digit year */
	assert_false(casenum_parse("Syd-IT 18", "Syd-IT", CASENUM_YY_N, &c));
	assert_false(casenum_parse("Syd-IT 18-", "Syd-IT", CASENUM_YY_N, &c));
	assert_false(casenum_parse("Syd-IT 18-0", "Syd-IT", CASENUM_YY_N, &c));
	assert_false(casenum_parse("Syd-IT 18-27-", "Syd-IT", CASENUM_YY_N, &c));
	assert_false(casenum_parse("Syd-IT 18-27-3-1", "Syd-IT", CASENUM_YY_N, &c));
	assert_false(casenum_parse("Syd-IT 18-27 ", "Syd-IT", CASENUM_YY_N, &c));
	assert_false(casenum_parse("Syd-IT  18-27", "Syd-IT", CASENUM_YY_N, &c));
	assert_false(casenum_parse("18-27", NULL, CASENUM_ANY, &c));
	assert_false(casenum_parse("", "Syd-IT", CASENUM_YY_N, &c));
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
	assert_true(casenum_parse(text, prefix, CASENUM_YY_N, &c));
	assert_string_equal(c.prefix, prefix);
	assert_int_equal(c.seq, 7);
	assert_int_equal(c.doc, 2);
	casenum_release(&c);
	assert_true(casenum_parse(text, NULL, CASENUM_ANY, &c));
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
	assert_true(casenum_parse("SYD-IT14-26", "syd-it", CASENUM_YY_N, &c));
	casenum_format(&c, "Syd-IT", &sb);
	assert_string_equal(sb.buf, "Syd-IT 14-26");
	casenum_release(&c);
	strbuf_reset(&sb);
	casenum_expected("Syd-IT", CASENUM_YY_N, &sb);
	assert_non_null(strstr(sb.buf, "\"Syd-IT YY-N\""));
	strbuf_release(&sb);
}

/* The other forms registers use, as committee data. */
static void test_forms(void **state)
{
	(void)state;
	struct casenum c;
	struct strbuf sb = STRBUF_INIT;
	assert_string_equal(norm2("GLN 2025/14", "GLN", CASENUM_YYYY_SLASH), "GLN 2025/14");
	assert_string_equal(norm2("gln2025/014-3", "GLN", CASENUM_YYYY_SLASH), "GLN 2025/14-3");
	assert_string_equal(norm2("BN 2025.7", "BN", CASENUM_YYYY_DOT), "BN 2025.7");
	assert_string_equal(norm2("KS 2025-0014", "KS", CASENUM_YYYY_NNNN), "KS 2025-0014");
	assert_string_equal(norm2("KS 2025-14-2", "KS", CASENUM_YYYY_NNNN), "KS 2025-0014-2");
	/* A form is kept apart from the others. */
	assert_null(norm2("GLN 2025/14", "GLN", CASENUM_YY_N));
	assert_null(norm2("GLN 25-14", "GLN", CASENUM_YYYY_SLASH));
	assert_null(norm2("GLN 2025.14", "GLN", CASENUM_YYYY_SLASH));
	assert_null(norm2("GLN 2025/0", "GLN", CASENUM_YYYY_SLASH));
	assert_null(norm2("GLN 202/14", "GLN", CASENUM_YYYY_SLASH));
	/* Any form, any prefix: "GLN 2025/14" from a protocol. */
	assert_true(casenum_parse("GLN 2025/14-3", NULL, CASENUM_ANY, &c));
	assert_string_equal(c.prefix, "GLN");
	assert_int_equal(c.form, CASENUM_YYYY_SLASH);
	assert_int_equal(c.year, 2025);
	assert_int_equal(c.seq, 14);
	assert_int_equal(c.doc, 3);
	casenum_format(&c, "GLN", &sb);
	assert_string_equal(sb.buf, "GLN 2025/14-3");
	casenum_release(&c);
	strbuf_reset(&sb);
	c = (struct casenum){ NULL, CASENUM_YYYY_NNNN, 2025, 7, 0 };
	casenum_format(&c, "KS", &sb);
	assert_string_equal(sb.buf, "KS 2025-0007");
	assert_int_equal(casenum_year(CASENUM_YY_N, 2025), 25);
	assert_int_equal(casenum_year(CASENUM_YYYY_DOT, 2025), 2025);
	strbuf_reset(&sb);
	casenum_expected("GLN", CASENUM_YYYY_SLASH, &sb);
	assert_string_equal(sb.buf, "\"GLN YYYY/N\" or \"GLN YYYY/N-M\" (YYYY the year, N the case, "
	                    "M the document)");
	strbuf_release(&sb);
	enum casenum_form f = CASENUM_YYYY_DOT;
	assert_true(casenum_form_parse(NULL, &f));
	assert_int_equal(f, CASENUM_YY_N);
	assert_true(casenum_form_parse("YYYY-NNNN", &f));
	assert_int_equal(f, CASENUM_YYYY_NNNN);
	assert_false(casenum_form_parse("YY/N", &f));
}

/* A prefix may hold digits ("N2") and spaces; with no prefix given, the
** shortest one after which a number follows. */
static void test_prefix_with_digits(void **state)
{
	(void)state;
	struct casenum c;
	assert_string_equal(norm2("N2 25-3", "N2", CASENUM_YY_N), "N2 25-3");
	assert_string_equal(norm2("n225-3", "N2", CASENUM_YY_N), "N2 25-3");
	assert_true(casenum_parse("N2 25-3", NULL, CASENUM_ANY, &c));
	assert_string_equal(c.prefix, "N2");
	assert_int_equal(c.year, 25);
	casenum_release(&c);
	assert_true(casenum_parse("N225-3-1", NULL, CASENUM_ANY, &c));
	assert_string_equal(c.prefix, "N2");
	assert_int_equal(c.doc, 1);
	casenum_release(&c);
	assert_true(casenum_parse("Bygg N 2 2025/4", NULL, CASENUM_ANY, &c));
	assert_string_equal(c.prefix, "Bygg N 2");
	assert_int_equal(c.seq, 4);
	casenum_release(&c);
	assert_false(casenum_parse("Syd-IT  18-27", NULL, CASENUM_ANY, &c));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_numbers),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_long_prefix),
		cmocka_unit_test(test_format_and_next),
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_prefix_with_digits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
