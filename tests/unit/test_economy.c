/*
** test_economy.c — the economic rules of economy/economy_rules.h with the figures
** of the seed documents: percent used (2020-04-30 investments), capital
** costs (MER-plan 2023), deficit splits (annual reports 2020 and 2024);
** the kinds of operating-account rows and what a total sums.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "db/section.h"
#include "economy/economy.h"
#include "economy/economy_rules.h"

#define TKR(x) ((money_t)(x) * ORE_PER_TKR)

static void test_deviation(void **state)
{
	(void)state;
	/* 2020-04-30: Intäkter budget −34 559, forecast −34 611 → 52. */
	assert_int_equal(econ_deviation(TKR(-34559), TKR(-34611)), TKR(52));
	/* 2024: KAPITALKOSTNADER 14 259 − 11 631 = 2 628. */
	assert_int_equal(econ_deviation(TKR(14259), TKR(11631)), TKR(2628));
	/* 2024: RESOR & KURSER 100 − 48 = 52 (the seed prints 53). */
	assert_int_equal(econ_deviation(TKR(100), TKR(48)), TKR(52));
}

static void test_percent_used(void **state)
{
	int64_t p;
	(void)state;
	/* 2020-04-30 rows: 137/1 478 → 9,3; 851/2 773 → 30,7; 1 131/3 000 → 37,7. */
	assert_true(econ_percent_used(TKR(137), TKR(1478), 1, &p));
	assert_int_equal(p, 93);
	assert_true(econ_percent_used(TKR(851), TKR(2773), 1, &p));
	assert_int_equal(p, 307);
	assert_true(econ_percent_used(TKR(51), TKR(1336), 1, &p));
	assert_int_equal(p, 38);
	assert_true(econ_percent_used(TKR(91), TKR(2182), 1, &p));
	assert_int_equal(p, 42);
	assert_true(econ_percent_used(TKR(1131), TKR(3000), 1, &p));
	assert_int_equal(p, 377);
	/* The total from the totals, 2 261 / 10 769 = 21,0, not the mean 17,14. */
	assert_true(econ_percent_used(TKR(2261), TKR(10769), 1, &p));
	assert_int_equal(p, 210);
	assert_true(econ_percent_used(TKR(2261), TKR(10769), 2, &p));
	assert_int_equal(p, 2100);
	assert_int_not_equal(p, 1714);
	assert_false(econ_percent_used(TKR(5), 0, 1, &p));
}

static money_t capital(money_t amount, int life, money_t other, int other_life)
{
	struct capital_part parts[2] = { { amount - other, life }, { other, other_life } };
	struct styr_error err;
	money_t out = -1;
	styr_error_init(&err);
	assert_int_equal(econ_capital_cost(parts, other ? 2 : 1, 125, 7, &out, &err), STYR_OK);
	return out;
}

static void test_capital_cost(void **state)
{
	struct capital_part bad = { TKR(1), 0 };
	struct styr_error err;
	money_t out;
	(void)state;
	/* MER-plan 2023, activation at mid-year, 1,25 %. */
	assert_int_equal(money_to_tkr(capital(TKR(3000), 3, 0, 0)), 519);
	assert_int_equal(capital(TKR(3000), 3, 0, 0), 51875000); /* 518 750 kr */
	assert_int_equal(money_to_tkr(capital(TKR(2452), 4, 0, 0)), 322);
	assert_int_equal(money_to_tkr(capital(TKR(1953), 4, 0, 0)), 256);
	/* Lekeberg 3 004 → 434 and Laxå 1 686 → 233 lie between all-4 and all-3. */
	assert_true(money_to_tkr(capital(TKR(3004), 4, 0, 0)) <= 434);
	assert_true(money_to_tkr(capital(TKR(3004), 3, 0, 0)) >= 434);
	assert_true(money_to_tkr(capital(TKR(1686), 4, 0, 0)) <= 233);
	assert_true(money_to_tkr(capital(TKR(1686), 3, 0, 0)) >= 233);
	/* A split inside the range the seed implies gives the seed's figure. */
	assert_int_equal(money_to_tkr(capital(TKR(3004), 4, TKR(953), 3)), 434);
	assert_int_equal(money_to_tkr(capital(TKR(1686), 4, TKR(281), 3)), 233);
	/* The plan's total: 519 + 434 + 233 + 322 + 256 = 1 764. */
	assert_int_equal(519 + money_to_tkr(capital(TKR(3004), 4, TKR(953), 3)) +
	                 money_to_tkr(capital(TKR(1686), 4, TKR(281), 3)) + 322 + 256, 1764);
	styr_error_init(&err);
	assert_int_equal(econ_capital_cost(&bad, 1, 125, 7, &out, &err), STYR_EINVAL);
	bad.life_years = 3;
	assert_int_equal(econ_capital_cost(&bad, 1, 125, 13, &out, &err), STYR_EINVAL);
	/* Activation in January is a full year: 3 000 / 3 + 37,5 = 1 037,5. */
	assert_int_equal(econ_capital_cost((struct capital_part[]){ { TKR(3000), 3 } }, 1,
	                                   125, 1, &out, &err), STYR_OK);
	assert_int_equal(out, 103750000);
}

static void test_split(void **state)
{
	/* Lekeberg, Laxå, Askersund, Hallsberg. */
	const int64_t pop2018[] = { 8116, 5637, 11313, 15954 };
	const int64_t pop2022[] = { 8756, 5576, 11497, 16290 };
	int64_t out[4];
	struct styr_error err;
	(void)state;
	styr_error_init(&err);
	assert_int_equal(econ_split(823, pop2018, 4, out, &err), STYR_OK);
	assert_int_equal(out[0], 163);
	assert_int_equal(out[1], 113);
	assert_int_equal(out[2], 227);
	assert_int_equal(out[3], 320);
	assert_int_equal(econ_split(-852, pop2022, 4, out, &err), STYR_OK);
	assert_int_equal(out[0], -177);
	assert_int_equal(out[1], -113);
	assert_int_equal(out[2], -233);
	assert_int_equal(out[3], -329);
	assert_int_equal(out[0] + out[1] + out[2] + out[3], -852);
	/* Zero total, and a bad key. */
	assert_int_equal(econ_split(0, pop2022, 4, out, &err), STYR_OK);
	assert_int_equal(out[3], 0);
	const int64_t zero[] = { 0, 0 }, neg[] = { 5, -1 };
	assert_int_equal(econ_split(10, zero, 2, out, &err), STYR_EINVAL);
	assert_int_equal(econ_split(10, neg, 2, out, &err), STYR_EINVAL);
	/* Ties go to the larger weight: 1 over (1, 1, 2) → 0, 0, 1. */
	const int64_t tie[] = { 1, 1, 2 };
	assert_int_equal(econ_split(1, tie, 3, out, &err), STYR_OK);
	assert_int_equal(out[2], 1);
}

/* Keys other than population: fixed shares in percent with decimals, and
** a count per member, put on one scale. 81 tkr at 62,5 / 37,5 % is 50,625
** and 30,375: the floors 50 and 30 leave one, which goes to the larger
** remainder. */
static void test_split_weights(void **state)
{
	int64_t w[3], out[3], sum;
	int dec;
	struct styr_error err;
	(void)state;
	const char *shares[] = { "62.5", "37,5" };
	assert_int_equal(econ_split_weights(shares, 2, w, &sum, &dec, &err), STYR_OK);
	assert_int_equal(dec, 1);
	assert_int_equal(w[0], 625);
	assert_int_equal(w[1], 375);
	assert_int_equal(sum, 1000);
	assert_int_equal(econ_split(81, w, 2, out, &err), STYR_OK);
	assert_int_equal(out[0], 51);
	assert_int_equal(out[1], 30);
	const char *count[] = { "1 214", "803", "0" };
	assert_int_equal(econ_split_weights(count, 3, w, &sum, &dec, &err), STYR_OK);
	assert_int_equal(dec, 0);
	assert_int_equal(sum, 2017);
	assert_int_equal(econ_split(-400, w, 3, out, &err), STYR_OK);
	/* 400 × 1214 / 2017 = 240,75…, 400 × 803 / 2017 = 159,24… */
	assert_int_equal(out[0], -241);
	assert_int_equal(out[1], -159);
	assert_int_equal(out[2], 0);
	const char *bad1[] = { "60", "-40" }, *bad2[] = { "60 %", "40" }, *bad3[] = { "sextio" };
	const char *bad4[] = { "0.1234567" };
	assert_int_equal(econ_split_weights(bad1, 2, w, &sum, &dec, &err), STYR_EINVAL);
	assert_string_equal(err.msg, "split key 1: expected a number 0 or more with at most 6 "
	                    "decimals, found \"-40\"");
	assert_int_equal(econ_split_weights(bad2, 2, w, &sum, &dec, &err), STYR_EINVAL);
	assert_int_equal(econ_split_weights(bad3, 1, w, &sum, &dec, &err), STYR_EINVAL);
	assert_int_equal(econ_split_weights(bad4, 1, w, &sum, &dec, &err), STYR_EINVAL);
	enum split_key k = SPLIT_KEY;
	assert_true(split_key_parse(NULL, &k));
	assert_int_equal(k, SPLIT_POPULATION);
	assert_true(split_key_parse("shares", &k));
	assert_int_equal(k, SPLIT_SHARES);
	assert_false(split_key_parse("invånare", &k));
}

static void test_kinds(void **state)
{
	enum econ_kind k = ECON_NKINDS;
	(void)state;
	for(int i = 0; i < ECON_NKINDS; i++) {
		assert_true(econ_kind_parse(econ_kind_names[i], &k));
		assert_int_equal(k, i);
	}
	assert_null(econ_kind_names[ECON_NKINDS]);
	assert_false(econ_kind_parse("total", &k));
	assert_false(econ_kind_parse(NULL, &k));
	/* What the 2020 annual report's totals sum: TOTALT INTÄKTER the
	** revenue and the contributions (DRIFTBIDRAG FR KOMMUNER), TOTALT
	** KOSTNADER the costs, NETTORESULTAT every line. */
	assert_true(econ_kind_sums(ECON_KIND_REVENUE, ECON_KIND_REVENUE));
	assert_true(econ_kind_sums(ECON_KIND_REVENUE, ECON_KIND_CONTRIBUTION));
	assert_false(econ_kind_sums(ECON_KIND_REVENUE, ECON_KIND_COST));
	assert_true(econ_kind_sums(ECON_KIND_COST, ECON_KIND_COST));
	assert_false(econ_kind_sums(ECON_KIND_COST, ECON_KIND_CONTRIBUTION));
	for(int i = 0; i < ECON_NKINDS; i++)
		assert_true(econ_kind_sums(ECON_KIND_NET, (enum econ_kind)i));
	/* Every kind the data sections accept is one of the table. */
	const struct section_desc *secs[] = { &section_drift_lines, &section_drift_totals };
	size_t nallowed = 0;
	for(size_t i = 0; i < 2; i++)
		for(size_t f = 0; f < secs[i]->nfields; f++) {
			const struct field_desc *fd = &secs[i]->fields[f];
			if(strcmp(fd->key, "kind"))
				continue;
			assert_non_null(fd->allowed);
			for(size_t a = 0; fd->allowed[a]; a++, nallowed++)
				assert_true(econ_kind_parse(fd->allowed[a], &k));
		}
	assert_int_equal(nallowed, 6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deviation),
		cmocka_unit_test(test_percent_used),
		cmocka_unit_test(test_capital_cost),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_split_weights),
		cmocka_unit_test(test_kinds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
