/*
** test_sie.c — the SIE tokenizer and amount parser (ledger/sie.h).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "ledger/sie.h"

static struct sie_line l;

static int tok(const char *s, int *col)
{
	struct styr_error err;
	return (int)sie_tokenize(&l, s, strlen(s), col, &err);
}

static void test_fields_and_quotes(void **state)
{
	(void)state;
	int col;
	assert_int_equal(tok("#KONTO\t1930  \"Bank \\\"konto\\\" \\\\ 1820\\A\"", &col), STYR_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.tok[0].text, "#KONTO");
	assert_string_equal(l.tok[1].text, "1930");
	assert_int_equal(l.tok[1].column, 8);
	assert_false(l.tok[1].quoted);
	assert_string_equal(l.tok[2].text, "Bank \"konto\" \\ 1820\\A");
	assert_true(l.tok[2].quoted);
	assert_int_equal(l.tok[2].column, 14);
	assert_int_equal(tok("#FNAMN \"\"", &col), STYR_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.tok[1].text, "");
	assert_int_equal(tok("   \t ", &col), STYR_OK);
	assert_int_equal(l.n, 0);
}

static void test_object_lists(void **state)
{
	(void)state;
	int col;
	assert_int_equal(tok("#TRANS 3051 {1 \"2\"\t10 \"12\"} -301050.00", &col), STYR_OK);
	assert_int_equal(l.n, 9);
	assert_int_equal(l.tok[2].kind, SIE_OPEN);
	assert_string_equal(l.tok[3].text, "1");
	assert_string_equal(l.tok[6].text, "12");
	assert_int_equal(l.tok[7].kind, SIE_CLOSE);
	assert_string_equal(l.tok[8].text, "-301050.00");
	assert_int_equal(tok("#PSALDO 0 201509 1010 { } 0 \"\"", &col), STYR_OK);
	assert_int_equal(l.tok[4].kind, SIE_OPEN);
	assert_int_equal(l.tok[5].kind, SIE_CLOSE);
	/* a voucher block's own lines */
	assert_int_equal(tok("{", &col), STYR_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.tok[0].kind, SIE_OPEN);
	assert_int_equal(tok("\t}", &col), STYR_OK);
	assert_int_equal(l.tok[0].kind, SIE_CLOSE);
}

static void test_errors(void **state)
{
	(void)state;
	int col;
	assert_int_equal(tok("#KONTO 1930 \"Bank", &col), STYR_EINVAL);
	assert_int_equal(col, 18);
	assert_int_equal(tok("#TRANS 1 {1 \"2\" {", &col), STYR_EINVAL);
	assert_int_equal(col, 17);
	assert_int_equal(tok("#TRANS 1 {1 \"2\"", &col), STYR_EINVAL);
	assert_int_equal(col, 16);
	assert_int_equal(tok("#TRANS 1 } 2", &col), STYR_EINVAL);
	assert_int_equal(col, 10);
}

static void test_lenient_quotes(void **state)
{
	(void)state;
	int col;
	/* SoftOne XE writes a bare quote for ö inside texts and words */
	assert_int_equal(tok("#KONTO\t1288 \"F\"rskott till Lind\" Park\"", &col), STYR_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.tok[2].text, "F\"rskott till Lind\" Park");
	assert_int_equal(tok("#KONTO\t2440 Leverant\"rsskulder", &col), STYR_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.tok[2].text, "Leverant\"rsskulder");
	assert_int_equal(tok("#VER A 1 20090701 \"a\" \"b\"", &col), STYR_OK);
	assert_int_equal(l.n, 6);
	assert_string_equal(l.tok[4].text, "a");
	assert_string_equal(l.tok[5].text, "b");
}

static void test_amounts(void **state)
{
	(void)state;
	int64_t v;
	assert_int_equal(sie_parse_amount("-301050.00", &v), 0);
	assert_int_equal(v, -30105000);
	assert_int_equal(sie_parse_amount("1000", &v), 0);
	assert_int_equal(v, 100000);
	assert_int_equal(sie_parse_amount("-0.5", &v), 0);
	assert_int_equal(v, -50);
	assert_int_equal(sie_parse_amount("+13960.5", &v), 0);
	assert_int_equal(v, 1396050);
	assert_int_equal(sie_parse_amount("12.500", &v), 0); /* nothing lost */
	assert_int_equal(v, 1250);
	assert_int_equal(sie_parse_amount("10.005", &v), 2);
	assert_int_equal(sie_parse_amount("1,50", &v), 1);
	assert_int_equal(sie_parse_amount("", &v), 1);
	assert_int_equal(sie_parse_amount("-", &v), 1);
	assert_int_equal(sie_parse_amount("12.", &v), 1);
	/* out of range (±999 999 999 999 999,99 kr), not "not a number" */
	assert_int_equal(sie_parse_amount("99999999999999999999", &v), 3);
	assert_int_equal(sie_parse_amount("61489146912365172.05", &v), 3);
	assert_int_equal(sie_parse_amount("-1000000000000000", &v), 3);
	assert_int_equal(sie_parse_amount("99999999999999999999x", &v), 1);
	assert_int_equal(sie_parse_amount("999999999999999.99", &v), 0);
	assert_int_equal(v, 99999999999999999);
	assert_int_equal(sie_parse_amount("-999999999999999.99", &v), 0);
	assert_int_equal(v, -99999999999999999);
}

static int teardown(void **state)
{
	(void)state;
	sie_line_release(&l);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields_and_quotes),
		cmocka_unit_test(test_object_lists),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_lenient_quotes),
		cmocka_unit_test(test_amounts),
	};
	sie_line_init(&l);
	return cmocka_run_group_tests(tests, NULL, teardown);
}
