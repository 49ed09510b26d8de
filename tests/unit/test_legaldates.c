/*
** test_legaldates.c — justering, anslag and appeal dates of a protocol.
** Dates checked by hand against a printed calendar; the seed case is the
** protocol of Sydnärkes IT-nämnd 2021-02-10.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/legaldates.h"

static struct date d(const char *iso)
{
	struct date x;
	if(!date_parse_iso(iso, &x))
		fail_msg("bad date in test: %s", iso);
	return x;
}

static void assert_date(struct date got, const char *want)
{
	char buf[11];
	date_format_iso(got, buf);
	assert_string_equal(buf, want);
}

static void appeal1(const char *anslag, struct appeal_dates *out)
{
	struct date a = d(anslag);
	legal_appeal(&a, 1, NULL, out);
}

static void test_justering_and_anslag_deadlines(void **state)
{
	(void)state;
	assert_date(legal_justering_deadline(d("2021-02-10")), "2021-02-24");
	assert_date(legal_anslag_deadline(d("2021-02-24")), "2021-02-26");
	/* Across a month and a leap day. */
	assert_date(legal_justering_deadline(d("2024-02-20")), "2024-03-05");
	assert_date(legal_anslag_deadline(d("2024-12-31")), "2025-01-02");
}

/* The seed prints "Datum för överklagan 2021-02-24 till och med
** 2021-03-18". Three weeks from Wednesday 2021-02-24 is Wednesday
** 2021-03-17, an ordinary working day, so that is the last day of appeal;
** the anslag stays up until the day after, 2021-03-18 — the seed's date
** is the removal date of the anslag, not the last day of appeal. */
static void test_seed_2021_02_10(void **state)
{
	(void)state;
	struct appeal_dates a;
	appeal1("2021-02-24", &a);
	assert_date(a.nominal, "2021-03-17");
	assert_date(a.last_day, "2021-03-17");
	assert_false(a.moved);
	assert_date(a.removal, "2021-03-18");
}

static void test_saturday_and_sunday(void **state)
{
	(void)state;
	struct appeal_dates a;
	appeal1("2021-02-27", &a);            /* + 21 = Saturday 2021-03-20 */
	assert_date(a.last_day, "2021-03-22");
	assert_true(a.moved);
	assert_date(a.removal, "2021-03-23");
	appeal1("2021-02-28", &a);            /* + 21 = Sunday 2021-03-21 */
	assert_date(a.last_day, "2021-03-22");
}

static void test_midsommar(void **state)
{
	(void)state;
	struct appeal_dates a;
	appeal1("2021-06-05", &a);            /* Midsommardagen, Saturday 2021-06-26 */
	assert_date(a.nominal, "2021-06-26");
	assert_date(a.last_day, "2021-06-28");
	appeal1("2021-06-04", &a);            /* Midsommarafton, Friday 2021-06-25 */
	assert_date(a.nominal, "2021-06-25");
	assert_date(a.last_day, "2021-06-28");
	assert_date(a.removal, "2021-06-29");
}

static void test_jul_and_nyar(void **state)
{
	(void)state;
	struct appeal_dates a;
	appeal1("2024-12-04", &a);            /* Juldagen, Wednesday 2024-12-25 */
	assert_date(a.nominal, "2024-12-25");
	assert_date(a.last_day, "2024-12-27"); /* past Annandag jul */
	appeal1("2024-12-03", &a);            /* Julafton, Tuesday 2024-12-24 */
	assert_date(a.last_day, "2024-12-27");
	appeal1("2024-12-11", &a);            /* Nyårsdagen, Wednesday 2025-01-01 */
	assert_date(a.nominal, "2025-01-01");
	assert_date(a.last_day, "2025-01-02");
	appeal1("2024-12-10", &a);            /* Nyårsafton, Tuesday 2024-12-31 */
	assert_date(a.last_day, "2025-01-02");
	assert_date(a.removal, "2025-01-03");
}

static void test_easter(void **state)
{
	(void)state;
	struct appeal_dates a;
	appeal1("2021-03-12", &a);            /* Långfredagen 2021-04-02 */
	assert_date(a.nominal, "2021-04-02");
	assert_date(a.last_day, "2021-04-06"); /* past Annandag påsk 04-05 */
}

/* A joint committee: the period runs from the latest anslag among the
** members, whatever their order. */
static void test_joint_committee(void **state)
{
	(void)state;
	struct appeal_dates a;
	struct date posted[] = { d("2021-02-24"), d("2021-02-26"), d("2021-02-23"),
	                         d("2021-02-25") };
	legal_appeal(posted, 4, NULL, &a);
	assert_date(a.anslag, "2021-02-26");
	assert_date(a.nominal, "2021-03-19");
	assert_date(a.last_day, "2021-03-19");
	assert_date(a.removal, "2021-03-20");
	/* One member posting late moves the period onto midsommardagen. */
	struct date mid[] = { d("2021-06-03"), d("2021-06-05"), d("2021-06-02") };
	legal_appeal(mid, 3, NULL, &a);
	assert_date(a.anslag, "2021-06-05");
	assert_date(a.last_day, "2021-06-28");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_justering_and_anslag_deadlines),
		cmocka_unit_test(test_seed_2021_02_10),
		cmocka_unit_test(test_saturday_and_sunday),
		cmocka_unit_test(test_midsommar),
		cmocka_unit_test(test_jul_and_nyar),
		cmocka_unit_test(test_easter),
		cmocka_unit_test(test_joint_committee),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
