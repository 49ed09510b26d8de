/*
** test_money.c — öre and tkr, rounding half away from zero, Swedish
** formatting and parsing. The figures are those of the seed documents
** (Prognosrapport 1-2020, the 2024 deficit split, the indicator tables).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "base/money.h"

/* The formatted text of one call, compared and released. */
#define assert_fmt(call, want)                                  \
	do {                                                    \
		struct strbuf sb_ = STRBUF_INIT;                \
		call;                                           \
		assert_string_equal(sb_.buf, want);             \
		strbuf_release(&sb_);                           \
	} while(0)

static void test_tkr(void **state)
{
	(void)state;
	/* 1 tkr = 100 000 öre; halves go away from zero. */
	assert_int_equal(money_to_tkr(149999), 1);
	assert_int_equal(money_to_tkr(150000), 2);
	assert_int_equal(money_to_tkr(-150000), -2);
	assert_int_equal(money_to_tkr(-149999), -1);
	assert_int_equal(money_to_tkr(-49999), 0);
	assert_int_equal(money_to_tkr(0), 0);
	/* Prognosrapport 1-2020: a surplus of 1 923 tkr, shown as -1 923. */
	assert_int_equal(money_to_tkr(-192312345), -1923);
	/* 2024's deficit: 852,5 tkr would round away to 853. */
	assert_int_equal(money_to_tkr(85250000), 853);
	assert_int_equal(money_to_tkr(-85249999), -852);
	assert_int_equal(money_from_tkr(-34559), -3455900000);
	assert_int_equal(money_to_tkr(money_from_tkr(-34559)), -34559);
	assert_int_equal(money_to_tkr(INT64_MIN), -92233720368548);
	assert_int_equal(money_to_tkr(INT64_MAX), 92233720368548);
}

static void test_decimal_round(void **state)
{
	(void)state;
	/* The investment table's total 17,14 shown with one decimal. */
	assert_int_equal(decimal_round(1714, 2, 1), 171);
	assert_int_equal(decimal_round(1715, 2, 1), 172);
	assert_int_equal(decimal_round(-1715, 2, 1), -172);
	assert_int_equal(decimal_round(-1714, 2, 1), -171);
	assert_int_equal(decimal_round(-85250, 2, 0), -853);
	assert_int_equal(decimal_round(7225, 2, 0), 72);
	assert_int_equal(decimal_round(7250, 2, 0), 73);
	assert_int_equal(decimal_round(672, 2, 2), 672);
	assert_int_equal(decimal_round(93, 1, 3), 9300);
	assert_int_equal(decimal_round(4, 1, 0), 0);
	assert_int_equal(decimal_round(5, 1, 0), 1);
	assert_int_equal(decimal_round(-5, 1, 0), -1);
	assert_int_equal(decimal_round(INT64_MIN, 18, 0), -9);
}

/* Percent used of the 2020 investment projects (Prognosrapport 1-2020):
** outcome / budget × 100 with one decimal. */
static void test_decimal_div(void **state)
{
	(void)state;
	assert_int_equal(decimal_div(137 * 100, 1478, 1), 93);   /* Lekeberg 9,3 */
	assert_int_equal(decimal_div(51 * 100, 1336, 1), 38);    /* Laxå 3,8 */
	assert_int_equal(decimal_div(851 * 100, 2773, 1), 307);  /* Askersund 30,7 */
	assert_int_equal(decimal_div(91 * 100, 2182, 1), 42);    /* Hallsberg 4,2 */
	assert_int_equal(decimal_div(1131 * 100, 3000, 1), 377); /* Gemensam 37,7 */
	/* The total is total outcome / total budget: 21,0, not the stated 17,14. */
	assert_int_equal(decimal_div(2261 * 100, 10769, 1), 210);
	assert_int_equal(decimal_div(1, 2, 0), 1);
	assert_int_equal(decimal_div(-1, 2, 0), -1);
	assert_int_equal(decimal_div(1, -2, 0), -1);
	assert_int_equal(decimal_div(-1, -3, 0), 0);
	assert_int_equal(decimal_div(2, 3, 2), 67);
	assert_int_equal(decimal_div(INT64_MAX, INT64_MAX, 2), 100);
}

static void test_format(void **state)
{
	(void)state;
	assert_fmt(fmt_int_sv(&sb_, 1923), "1 923");
	assert_fmt(fmt_int_sv(&sb_, -852), "-852");
	assert_fmt(fmt_int_sv(&sb_, -34559), "-34 559");
	assert_fmt(fmt_int_sv(&sb_, 10769), "10 769");
	assert_fmt(fmt_int_sv(&sb_, 100), "100");
	assert_fmt(fmt_int_sv(&sb_, 0), "0");
	assert_fmt(fmt_int_sv(&sb_, 1000000), "1 000 000");
	assert_fmt(fmt_int_sv(&sb_, INT64_MIN), "-9 223 372 036 854 775 808");
	assert_fmt(fmt_decimal_sv(&sb_, 672, 2), "6,72");
	assert_fmt(fmt_decimal_sv(&sb_, 123456, 1), "12 345,6");
	assert_fmt(fmt_decimal_sv(&sb_, 171, 1), "17,1");
	assert_fmt(fmt_decimal_sv(&sb_, 1714, 2), "17,14");
	assert_fmt(fmt_decimal_sv(&sb_, -5, 2), "-0,05");
	assert_fmt(fmt_decimal_sv(&sb_, 7113, 2), "71,13");
	assert_fmt(fmt_decimal_sv(&sb_, 1923, 0), "1 923");
	assert_fmt(fmt_decimal_sv(&sb_, 0, 1), "0,0");
	assert_fmt(fmt_tkr(&sb_, -85200000), "-852");
	assert_fmt(fmt_tkr(&sb_, 192300000), "1 923");
	assert_fmt(fmt_tkr(&sb_, -40000), "0");
	assert_fmt(fmt_tkr(&sb_, -3455900000), "-34 559");
	assert_fmt(fmt_percent_sv(&sb_, 672, 2), "6,72 %");
	assert_fmt(fmt_percent_sv(&sb_, 7225, 2), "72,25 %");
	assert_fmt(fmt_percent_sv(&sb_, 125, 2), "1,25 %");
	assert_fmt(fmt_percent_sv(&sb_, 99, 0), "99 %");
}

static void assert_parse(const char *s, int64_t value, int decimals, bool percent)
{
	struct sv_number n;
	struct styr_error err;
	styr_error_init(&err);
	assert_int_equal(sv_number_parse(s, &n, &err), STYR_OK);
	assert_int_equal(n.value, value);
	assert_int_equal(n.decimals, decimals);
	assert_int_equal(n.percent, percent);
}

static void test_parse(void **state)
{
	(void)state;
	assert_parse("1 923", 1923, 0, false);
	assert_parse("1923", 1923, 0, false);
	assert_parse("-852", -852, 0, false);
	assert_parse("\xE2\x88\x92" "852", -852, 0, false);       /* U+2212 */
	assert_parse("\xE2\x80\x93" "852", -852, 0, false);       /* U+2013 */
	assert_parse("6,72", 672, 2, false);
	assert_parse("6,72%", 672, 2, true);
	assert_parse("72,25 %", 7225, 2, true);
	assert_parse("72,25\xC2\xA0%", 7225, 2, true);            /* U+00A0 */
	assert_parse("1\xC2\xA0" "923", 1923, 0, false);
	assert_parse("-34\xE2\x80\xAF" "559", -34559, 0, false);  /* U+202F */
	assert_parse("10 769", 10769, 0, false);
	assert_parse("1 000 000", 1000000, 0, false);
	assert_parse("12 345,6", 123456, 1, false);
	assert_parse("6.72", 672, 2, false);
	assert_parse("17,14", 1714, 2, false);
	assert_parse("  71,13 ", 7113, 2, false);
	assert_parse("+5", 5, 0, false);
	assert_parse("- 852", -852, 0, false);
	assert_parse("0", 0, 0, false);
	assert_parse("4 %", 4, 0, true);
	assert_parse("9223372036854775807", INT64_MAX, 0, false);
}

static void test_parse_errors(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", " ", "-", "%", "abc", "12 5", "1 92", "1234 567", "1 9234",
		"6,", ",5", "6,7,2", "1.923,5", "1 923 tkr", "6,72 % %", "1--2",
		"12a", "1,2.3", "9223372036854775808", "0,1234567890",
	};
	for(size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct sv_number n;
		struct styr_error err;
		styr_error_init(&err);
		assert_int_equal(sv_number_parse(bad[i], &n, &err), STYR_EINVAL);
		assert_non_null(strstr(err.msg, bad[i]));
	}
	struct sv_number n;
	struct styr_error err;
	sv_number_parse("12 5", &n, &err);
	assert_string_equal(err.msg,
	    "expected a number such as 1 923, -852, 6,72 or 72,25 %, found \"12 5\"");
}

static void test_scaled(void **state)
{
	(void)state;
	struct sv_number n;
	struct styr_error err;
	assert_int_equal(sv_number_parse("17,14", &n, &err), STYR_OK);
	assert_int_equal(sv_number_scaled(&n, 1), 171);
	assert_int_equal(sv_number_scaled(&n, 2), 1714);
	assert_int_equal(sv_number_scaled(&n, 4), 171400);
	assert_int_equal(sv_number_parse("-852,5", &n, &err), STYR_OK);
	assert_int_equal(sv_number_scaled(&n, 0), -853);
	assert_int_equal(sv_number_parse("1 923", &n, &err), STYR_OK);
	assert_int_equal(sv_number_scaled(&n, 2), 192300);
}

/* What styr writes, styr reads back: format then parse is the identity,
** for values around every group boundary and both signs. */
static void test_roundtrip(void **state)
{
	(void)state;
	for(int decimals = 0; decimals <= 3; decimals++) {
		for(int64_t base = 1; base <= INT64_MAX / 1000; base *= 10) {
			for(int64_t d = -2; d <= 2; d++) {
				int64_t vals[] = { base + d, -(base + d) };
				for(int i = 0; i < 2; i++) {
					struct strbuf sb = STRBUF_INIT;
					struct sv_number n;
					struct styr_error err;
					fmt_percent_sv(&sb, vals[i], decimals);
					assert_int_equal(sv_number_parse(sb.buf, &n, &err), STYR_OK);
					assert_int_equal(n.value, vals[i]);
					assert_int_equal(n.decimals, decimals);
					assert_true(n.percent);
					strbuf_release(&sb);
				}
			}
		}
	}
}

static void test_kronor(void **state)
{
	(void)state;
	money_t m;
	struct styr_error err;
	assert_int_equal(money_parse_kronor("-34559000", &m, &err), STYR_OK);
	assert_int_equal(m, -3455900000);
	assert_int_equal(money_parse_kronor("12.5", &m, &err), STYR_OK);
	assert_int_equal(m, 1250);
	assert_int_equal(money_parse_kronor("12.505", &m, &err), STYR_EINVAL);
	assert_int_equal(money_parse_kronor("1 923", &m, &err), STYR_EINVAL);
	assert_fmt(money_format_kronor(&sb_, 1250), "12.50");
	assert_fmt(money_format_kronor(&sb_, -3455900000), "-34559000");
}

/* Amounts out of range are refused, never wrapped: the CSV line
** "1910;2024;9223372036854775807" once became -1,00 kr. */
static void test_checked(void **state)
{
	(void)state;
	struct sv_number n;
	struct styr_error err;
	int64_t v;
	money_t m;

	assert_int_equal(sv_number_parse("9223372036854775807", &n, &err), STYR_OK);
	assert_false(sv_number_rescale(&n, 2, &v));
	assert_int_equal(sv_number_ore(&n, &m, &err), STYR_EINVAL);
	assert_string_equal(err.msg, "expected an amount within ±999 999 999 999 999,99 kr");
	assert_true(decimal_rescale(-92233720368547758, 0, 2, &v));
	assert_int_equal(v, -9223372036854775800);
	assert_false(decimal_rescale(-92233720368547759, 0, 2, &v));
	assert_false(decimal_rescale(INT64_MIN, 0, 1, &v));
	assert_true(decimal_rescale(INT64_MIN, 1, 0, &v));
	assert_int_equal(v, -922337203685477581);

	/* the edge of the range, both ways */
	assert_int_equal(sv_number_parse("999 999 999 999 999,99", &n, &err), STYR_OK);
	assert_int_equal(sv_number_ore(&n, &m, &err), STYR_OK);
	assert_int_equal(m, MONEY_MAX);
	assert_int_equal(sv_number_parse("-1 000 000 000 000 000", &n, &err), STYR_OK);
	assert_int_equal(sv_number_ore(&n, &m, &err), STYR_EINVAL);
	assert_int_equal(sv_number_parse("-1 234,500", &n, &err), STYR_OK);
	assert_int_equal(sv_number_ore(&n, &m, &err), STYR_OK);
	assert_int_equal(m, -123450);
	assert_int_equal(sv_number_parse("1,005", &n, &err), STYR_OK);
	assert_int_equal(sv_number_ore(&n, &m, &err), STYR_EINVAL);
	assert_string_equal(err.msg, "expected an amount with at most two decimals (öre)");
	assert_int_equal(sv_number_parse("5 %", &n, &err), STYR_OK);
	assert_int_equal(sv_number_ore(&n, &m, &err), STYR_EINVAL);

	assert_int_equal(money_parse_kronor("999999999999999.99", &m, &err), STYR_OK);
	assert_int_equal(m, MONEY_MAX);
	assert_int_equal(money_parse_kronor("-999999999999999.99", &m, &err), STYR_OK);
	assert_int_equal(m, -MONEY_MAX);
	assert_int_equal(money_parse_kronor("1000000000000000", &m, &err), STYR_EINVAL);
	assert_non_null(strstr(err.msg, "out of range"));
	assert_int_equal(money_parse_kronor("92233720368547758.07", &m, &err), STYR_EINVAL);
	assert_true(money_in_range(MONEY_MAX) && money_in_range(-MONEY_MAX));
	assert_false(money_in_range(MONEY_MAX + 1) || money_in_range(INT64_MIN));

	v = INT64_MAX - 1;
	assert_true(money_add(&v, 1));
	assert_false(money_add(&v, 1));
	assert_int_equal(v, INT64_MAX);
	v = INT64_MIN;
	assert_false(money_add(&v, -1));
	assert_true(money_add(&v, INT64_MAX));
	assert_int_equal(v, -1);
}

/* Comparison is exact for any size: 9 223 372 036 854 775 807 against
** 0,000000001 once overflowed while scaling to nine decimals. */
static void test_cmp(void **state)
{
	(void)state;
	struct sv_number a, b;
	struct styr_error err;
	assert_int_equal(sv_number_parse("9223372036854775807", &a, &err), STYR_OK);
	assert_int_equal(sv_number_parse("0,000000001", &b, &err), STYR_OK);
	assert_true(sv_number_cmp(&a, &b) > 0);
	assert_true(sv_number_cmp(&b, &a) < 0);
	assert_int_equal(sv_number_parse("-9223372036854775807", &a, &err), STYR_OK);
	assert_true(sv_number_cmp(&a, &b) < 0);
	assert_int_equal(sv_number_parse("71,13", &a, &err), STYR_OK);
	assert_int_equal(sv_number_parse("71,130", &b, &err), STYR_OK);
	assert_int_equal(sv_number_cmp(&a, &b), 0);
	assert_int_equal(sv_number_parse("71,131", &b, &err), STYR_OK);
	assert_true(sv_number_cmp(&a, &b) < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tkr),
		cmocka_unit_test(test_decimal_round),
		cmocka_unit_test(test_decimal_div),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_scaled),
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_kronor),
		cmocka_unit_test(test_checked),
		cmocka_unit_test(test_cmp),
	};
	return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
