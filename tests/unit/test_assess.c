/*
** test_assess.c — indicator verdicts under each "delvis" rule, goal
** verdicts under both rule wordings of the seeds (2020 and 2024), and the
** summary lines. Cases are the rows of Årsredovisning 2020 and 2024.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "goals/assess.h"

static struct assess_rules rules(enum delvis_rule d, const char *tol, enum goal_rule g)
{
	struct assess_rules r;
	struct styr_error err;
	memset(&r, 0, sizeof(r));
	r.delvis = d;
	r.goal = g;
	if(tol)
		assert_int_equal(sv_number_parse(tol, &r.tolerance, &err), STYR_OK);
	return r;
}

static enum verdict judge(const char *target, enum ind_direction dir, const char *baseline,
                          const char *value, const struct assess_rules *r)
{
	struct target t = { 0 };
	struct measure b, v;
	if(target)
		target_parse(target, &t);
	measure_parse(baseline, &b);
	measure_parse(value, &v);
	enum verdict verdict = assess_indicator(target ? &t : NULL, dir, &b, &v, r);
	target_release(&t);
	measure_release(&b);
	measure_release(&v);
	return verdict;
}

/* Årsredovisning 2024, "Resultat år 2024" against "Målvärde år 2024". */
static void test_2024_rows(void **state)
{
	(void)state;
	struct assess_rules r = rules(DELVIS_TOLERANCE, "20", GOAL_AT_LEAST_HALF);
	assert_int_equal(judge("högst 15 st", DIR_LOWER, NULL, "18 st", &r), VERDICT_PARTLY);
	assert_int_equal(judge("80 %", DIR_HIGHER, NULL, "72,25 %", &r), VERDICT_PARTLY);
	assert_int_equal(judge("99 %", DIR_HIGHER, NULL, "99,58 %", &r), VERDICT_ACHIEVED);
	assert_int_equal(judge("7,5", DIR_HIGHER, NULL, NULL, &r), VERDICT_NO_VALUE);
	assert_int_equal(judge("Minska till 90 st", DIR_LOWER, NULL, "111 st", &r), VERDICT_NOT);
	assert_int_equal(judge("minska till 85 st", DIR_LOWER, NULL, "161 st", &r), VERDICT_NOT);
	assert_int_equal(judge("minska till 30 st", DIR_LOWER, NULL, "19 st", &r), VERDICT_ACHIEVED);
	assert_int_equal(judge("11", DIR_HIGHER, NULL, "2", &r), VERDICT_NOT);
	assert_int_equal(judge("≥ 74", DIR_HIGHER, NULL, "66", &r), VERDICT_PARTLY);
	assert_int_equal(judge("4 %", DIR_LOWER, NULL, "2,81 %", &r), VERDICT_ACHIEVED);
	assert_int_equal(judge("0 tkr", DIR_HIGHER, NULL, "-852 tkr", &r), VERDICT_NOT);
	assert_int_equal(judge("75 st.", DIR_HIGHER, NULL, "75 st.", &r), VERDICT_ACHIEVED);
	assert_int_equal(judge("30 st.", DIR_HIGHER, NULL, "35 st.", &r), VERDICT_ACHIEVED);
	assert_int_equal(judge("75 %", DIR_HIGHER, NULL, "76 %", &r), VERDICT_ACHIEVED);
}

/* Årsredovisning 2020 and the 2020 reports. */
static void test_2020_rows(void **state)
{
	(void)state;
	struct assess_rules r = rules(DELVIS_TOLERANCE, "5", GOAL_MORE_THAN_HALF);
	assert_int_equal(judge("högst 20 st", DIR_LOWER, NULL, "21 st", &r), VERDICT_PARTLY);
	assert_int_equal(judge("70%", DIR_HIGHER, NULL, "67%", &r), VERDICT_PARTLY);
	assert_int_equal(judge("Öka från 71,13", DIR_HIGHER, NULL, "55%", &r), VERDICT_NOT);
	assert_int_equal(judge("Minska från 7%", DIR_LOWER, NULL, "6,58%", &r), VERDICT_ACHIEVED);
	assert_int_equal(judge("Ja", DIR_YES, NULL, "Ja", &r), VERDICT_ACHIEVED);
	assert_int_equal(judge("Ja", DIR_YES, NULL, "Nej", &r), VERDICT_NOT);
	assert_int_equal(judge("0%", DIR_HIGHER, NULL, "0%", &r), VERDICT_ACHIEVED);
	assert_int_equal(judge("0 tkr", DIR_HIGHER, NULL, "-823 tkr", &r), VERDICT_NOT);
	assert_int_equal(judge("56%", DIR_HIGHER, NULL, "●", &r), VERDICT_NO_VALUE);
	assert_int_equal(judge(NULL, DIR_HIGHER, NULL, "—", &r), VERDICT_UNASSESSABLE);
	assert_int_equal(judge("90%", DIR_HIGHER, NULL, NULL, &r), VERDICT_NO_VALUE);
	/* Prognosrapport 1-2020: forecast 4% against "Minska från 5%". */
	assert_int_equal(judge("Minska från 5%", DIR_LOWER, NULL, "4%", &r), VERDICT_ACHIEVED);
	assert_int_equal(judge("Minska från 5%", DIR_LOWER, NULL, "5%", &r), VERDICT_PARTLY);
	assert_int_equal(judge("bättre än i fjol", DIR_HIGHER, NULL, "5", &r), VERDICT_UNASSESSABLE);
}

static void test_delvis_rules(void **state)
{
	(void)state;
	struct assess_rules none = rules(DELVIS_NONE, NULL, GOAL_AT_LEAST_HALF);
	struct assess_rules impr = rules(DELVIS_IMPROVED, NULL, GOAL_AT_LEAST_HALF);
	struct assess_rules tol = rules(DELVIS_TOLERANCE, "10", GOAL_AT_LEAST_HALF);
	/* Ärendehanteringstid: baseline 34 st (MER-plan 2023), 18 st in 2024. */
	assert_int_equal(judge("högst 15 st", DIR_LOWER, "34 st", "18 st", &none), VERDICT_NOT);
	assert_int_equal(judge("högst 15 st", DIR_LOWER, "34 st", "18 st", &impr), VERDICT_PARTLY);
	assert_int_equal(judge("högst 15 st", DIR_LOWER, "34 st", "18 st", &tol), VERDICT_NOT);
	/* Besvarade samtal: baseline 77%, 72,25 % against 80 %. */
	assert_int_equal(judge("80 %", DIR_HIGHER, "77%", "72,25 %", &impr), VERDICT_NOT);
	assert_int_equal(judge("80 %", DIR_HIGHER, "77%", "72,25 %", &tol), VERDICT_PARTLY);
	assert_int_equal(judge("80 %", DIR_HIGHER, "77%", "71,99 %", &tol), VERDICT_NOT);
	/* HME: baseline 74, 66 against "≥ 74": not improved. */
	assert_int_equal(judge("≥ 74", DIR_HIGHER, "74", "66", &impr), VERDICT_NOT);
	assert_int_equal(judge("≥ 74", DIR_HIGHER, NULL, "66", &impr), VERDICT_NOT);
}

/* The new forms: strict bounds, and a range with both ends included. */
static void test_bounds_and_ranges(void **state)
{
	(void)state;
	struct assess_rules none = rules(DELVIS_NONE, NULL, GOAL_AT_LEAST_HALF);
	struct assess_rules impr = rules(DELVIS_IMPROVED, NULL, GOAL_AT_LEAST_HALF);
	struct assess_rules tol = rules(DELVIS_TOLERANCE, "10", GOAL_AT_LEAST_HALF);
	assert_int_equal(judge("≤ 5 %", DIR_LOWER, NULL, "5 %", &none), VERDICT_ACHIEVED);
	assert_int_equal(judge("under 5 %", DIR_LOWER, NULL, "5 %", &none), VERDICT_NOT);
	assert_int_equal(judge("under 5 %", DIR_LOWER, NULL, "4,9 %", &none), VERDICT_ACHIEVED);
	assert_int_equal(judge("över 70 %", DIR_HIGHER, NULL, "70 %", &none), VERDICT_NOT);
	assert_int_equal(judge("> 70 %", DIR_HIGHER, NULL, "70,1 %", &none), VERDICT_ACHIEVED);
	assert_int_equal(judge("max 40", DIR_LOWER, NULL, "40", &none), VERDICT_ACHIEVED);
	assert_int_equal(judge("min 12 st", DIR_HIGHER, NULL, "11 st", &none), VERDICT_NOT);
	/* 80–90 %: both ends reached; outside, delvis by the end missed. */
	assert_int_equal(judge("80–90 %", DIR_HIGHER, NULL, "80 %", &none), VERDICT_ACHIEVED);
	assert_int_equal(judge("80–90 %", DIR_HIGHER, NULL, "90 %", &none), VERDICT_ACHIEVED);
	assert_int_equal(judge("mellan 80 och 90 %", DIR_HIGHER, NULL, "90,5 %", &none), VERDICT_NOT);
	/* 10 % of 80 is 8: 72 is delvis, 71,9 is not; 10 % of 90 is 9: 99 is delvis. */
	assert_int_equal(judge("80–90 %", DIR_HIGHER, NULL, "72 %", &tol), VERDICT_PARTLY);
	assert_int_equal(judge("80–90 %", DIR_HIGHER, NULL, "71,9 %", &tol), VERDICT_NOT);
	assert_int_equal(judge("80–90 %", DIR_HIGHER, NULL, "99 %", &tol), VERDICT_PARTLY);
	assert_int_equal(judge("80–90 %", DIR_HIGHER, NULL, "99,1 %", &tol), VERDICT_NOT);
	/* Improved: nearer the range than the baseline, from either side. */
	assert_int_equal(judge("80–90 %", DIR_HIGHER, "70 %", "75 %", &impr), VERDICT_PARTLY);
	assert_int_equal(judge("80–90 %", DIR_HIGHER, "95 %", "92 %", &impr), VERDICT_PARTLY);
	assert_int_equal(judge("80–90 %", DIR_HIGHER, "75 %", "96 %", &impr), VERDICT_NOT);
}

static void test_goal_rules(void **state)
{
	(void)state;
	/* Ge god service 2024: 2 reached, 2 partly, 2 not, 1 without value. */
	enum verdict service[] = { VERDICT_PARTLY, VERDICT_PARTLY, VERDICT_ACHIEVED,
	                           VERDICT_NO_VALUE, VERDICT_NOT, VERDICT_NOT, VERDICT_ACHIEVED };
	enum verdict half[] = { VERDICT_ACHIEVED, VERDICT_PARTLY, VERDICT_NOT, VERDICT_NO_VALUE };
	enum verdict all[] = { VERDICT_ACHIEVED, VERDICT_ACHIEVED };
	enum verdict few[] = { VERDICT_ACHIEVED, VERDICT_NOT, VERDICT_UNASSESSABLE };
	assert_int_equal(assess_goal(service, 7, GOAL_AT_LEAST_HALF), GOAL_PARTLY);
	assert_int_equal(assess_goal(service, 7, GOAL_MORE_THAN_HALF), GOAL_PARTLY);
	/* Exactly half: delvis by the 2024 wording, ej by the 2020 one. */
	assert_int_equal(assess_goal(half, 4, GOAL_AT_LEAST_HALF), GOAL_PARTLY);
	assert_int_equal(assess_goal(half, 4, GOAL_MORE_THAN_HALF), GOAL_NOT);
	assert_int_equal(assess_goal(all, 2, GOAL_MORE_THAN_HALF), GOAL_ACHIEVED);
	assert_int_equal(assess_goal(few, 3, GOAL_AT_LEAST_HALF), GOAL_NOT);
	assert_int_equal(assess_goal(NULL, 0, GOAL_AT_LEAST_HALF), GOAL_UNASSESSABLE);
	/* A year with no values yet (a plan just copied): kan ej bedömas, not
	** uppnås ej; one value that can be judged is enough to judge. */
	enum verdict none[] = { VERDICT_NO_VALUE, VERDICT_NO_VALUE, VERDICT_UNASSESSABLE };
	assert_int_equal(assess_goal(none, 3, GOAL_MORE_THAN_HALF), GOAL_UNASSESSABLE);
	assert_int_equal(assess_goal(none, 3, GOAL_AT_LEAST_HALF), GOAL_UNASSESSABLE);
	enum verdict one[] = { VERDICT_NO_VALUE, VERDICT_NOT, VERDICT_NO_VALUE };
	assert_int_equal(assess_goal(one, 3, GOAL_MORE_THAN_HALF), GOAL_NOT);
	enum goal_verdict gnone[] = { GOAL_UNASSESSABLE, GOAL_UNASSESSABLE };
	assert_int_equal(assess_overall(gnone, 2, GOAL_MORE_THAN_HALF), GOAL_UNASSESSABLE);
	enum goal_verdict g2020[] = { GOAL_PARTLY, GOAL_PARTLY, GOAL_ACHIEVED };
	assert_int_equal(assess_overall(g2020, 3, GOAL_MORE_THAN_HALF), GOAL_PARTLY);
	enum goal_verdict gall[] = { GOAL_ACHIEVED, GOAL_UNASSESSABLE };
	assert_int_equal(assess_overall(gall, 2, GOAL_MORE_THAN_HALF), GOAL_ACHIEVED);
}

static void test_summaries(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	enum goal_verdict g[] = { GOAL_PARTLY, GOAL_PARTLY };
	assess_summary_goals(&sb, g, 2, GOAL_PARTLY);
	assert_string_equal(sb.buf, "2 st av 2 bedöms uppnås delvis, vilket gör att "
	                            "nämndmålen uppnås delvis");
	strbuf_reset(&sb);
	size_t counts[VERDICT_COUNT] = { 9, 4, 0, 0, 0 };
	assess_summary_indicators(&sb, counts, GOAL_PARTLY);
	assert_string_equal(sb.buf, "9 st bedöms uppnådda och 4 st bedöms delvis uppnådda, "
	                            "vilket gör att nämndmålen uppnås delvis");
	strbuf_reset(&sb);
	size_t three[VERDICT_COUNT] = { 7, 3, 0, 1, 0 };
	assess_summary_indicators(&sb, three, GOAL_PARTLY);
	assert_string_equal(sb.buf, "7 st bedöms uppnådda, 3 st bedöms delvis uppnådda och "
	                            "1 st saknar värde, vilket gör att nämndmålen uppnås delvis");
	strbuf_release(&sb);
	enum verdict v;
	assert_true(verdict_from_name("delvis uppnådd", &v));
	assert_int_equal(v, VERDICT_PARTLY);
	assert_false(verdict_from_name("delvis", &v));
}

/* Each name table reads back to its enum, and a name it does not hold
** leaves the value as it was. */
static void test_names(void **state)
{
	(void)state;
	enum verdict v = VERDICT_NOT;
	enum delvis_rule d = DELVIS_NONE;
	enum goal_rule g = GOAL_MORE_THAN_HALF;
	enum ind_unit u = UNIT_NUMBER;
	enum ind_direction dir = DIR_HIGHER;

	for(int k = 0; k < VERDICT_COUNT; k++) {
		assert_true(verdict_from_name(verdict_names[k], &v));
		assert_int_equal(v, k);
		assert_string_equal(verdict_name(v), verdict_names[k]);
	}
	assert_null(verdict_names[VERDICT_COUNT]);
	assert_false(verdict_from_name("klar", &v));
	assert_false(verdict_from_name(NULL, &v));
	assert_int_equal(v, VERDICT_COUNT - 1);
	assert_true(delvis_rule_from_name("improved", &d));
	assert_int_equal(d, DELVIS_IMPROVED);
	assert_true(goal_rule_from_name("at-least-half", &g));
	assert_int_equal(g, GOAL_AT_LEAST_HALF);
	assert_true(unit_from_name("yes-no", &u));
	assert_int_equal(u, UNIT_YESNO);
	assert_false(unit_from_name("st", &u));
	assert_int_equal(u, UNIT_YESNO);
	assert_true(direction_from_name("lower", &dir));
	assert_int_equal(dir, DIR_LOWER);
	assert_string_equal(ind_unit_names[UNIT_TKR], "tkr");
	assert_string_equal(ind_direction_names[DIR_YES], "yes");
}

/* Verdicts stay right for values at the edge of int64: comparing
** 9 223 372 036 854 775 807 with 0,000000001 overflowed while scaling to
** nine decimals, and so did the tolerance band of a huge target. */
static void test_huge_values(void **state)
{
	(void)state;
	struct assess_rules none = rules(DELVIS_NONE, NULL, GOAL_AT_LEAST_HALF);
	struct assess_rules tol = rules(DELVIS_TOLERANCE, "20", GOAL_AT_LEAST_HALF);
	struct assess_rules big = rules(DELVIS_TOLERANCE, "9223372036854775807", GOAL_AT_LEAST_HALF);
	assert_int_equal(judge("9223372036854775807", DIR_HIGHER, NULL, "0,000000001", &none), VERDICT_NOT);
	assert_int_equal(judge("0,000000001", DIR_HIGHER, NULL, "9223372036854775807", &none), VERDICT_ACHIEVED);
	assert_int_equal(judge("högst 0,000000001", DIR_LOWER, NULL, "-9223372036854775807", &none), VERDICT_ACHIEVED);
	assert_int_equal(judge("9223372036854775807", DIR_HIGHER, NULL, "9223372036854775806", &none), VERDICT_NOT);
	/* within 20 % of a huge target, and not */
	assert_int_equal(judge("9223372036854775807", DIR_HIGHER, NULL, "8000000000000000000", &tol), VERDICT_PARTLY);
	assert_int_equal(judge("9223372036854775807", DIR_HIGHER, NULL, "7000000000000000000", &tol), VERDICT_NOT);
	assert_int_equal(judge("högst 100", DIR_LOWER, NULL, "120,000000001", &tol), VERDICT_NOT);
	assert_int_equal(judge("högst 100", DIR_LOWER, NULL, "120", &tol), VERDICT_PARTLY);
	/* a tolerance beyond any difference */
	assert_int_equal(judge("9223372036854775807", DIR_HIGHER, NULL, "-9223372036854775807", &big), VERDICT_PARTLY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_2024_rows),
		cmocka_unit_test(test_2020_rows),
		cmocka_unit_test(test_delvis_rules),
		cmocka_unit_test(test_bounds_and_ranges),
		cmocka_unit_test(test_goal_rules),
		cmocka_unit_test(test_summaries),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_huge_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
