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

/* The justering and anslag deadlines are deadlines in law too: lag
** 1930:173 moves them past Saturdays, Sundays, holidays and the eves. */
static void test_deadlines_moved(void **state)
{
	(void)state;
	/* Meeting Saturday 2021-02-13 + 14 = Saturday 2021-02-27 -> Monday. */
	assert_date(legal_justering_deadline(d("2021-02-13")), "2021-03-01");
	assert_true(legal_moved(d("2021-02-13"), LEGAL_JUSTERING_DAYS, d("2021-03-01")));
	assert_false(legal_moved(d("2021-02-10"), LEGAL_JUSTERING_DAYS, d("2021-02-24")));
	/* Meeting 2021-03-19 + 14 = Långfredagen 2021-04-02; past Annandag påsk. */
	assert_date(legal_justering_deadline(d("2021-03-19")), "2021-04-06");
	/* Justering Thursday 2021-06-24 + 2 = Saturday (midsommardagen) -> Monday. */
	assert_date(legal_anslag_deadline(d("2021-06-24")), "2021-06-28");
	/* Justering 2024-12-22 + 2 = julafton: past juldagen and annandag jul. */
	assert_date(legal_anslag_deadline(d("2024-12-22")), "2024-12-27");
	/* Justering 2024-12-29 + 2 = nyårsafton, then nyårsdagen. */
	assert_date(legal_anslag_deadline(d("2024-12-29")), "2025-01-02");
	/* Meeting 2025-05-15 + 14 = Kristi himmelsfärds dag 2025-05-29. */
	assert_date(legal_justering_deadline(d("2025-05-15")), "2025-05-30");
}

/* ---- a whole calendar -------------------------------------------------
** The days lag 1930:173 moves a deadline past, written out here from the
** law and the almanac rather than taken from calendar.c: Saturdays and
** Sundays; 1 and 6 January, 1 May, 6 June, 24, 25, 26 and 31 December;
** Långfredagen, Annandag påsk and Kristi himmelsfärds dag from the Easter
** Sundays of the almanac; midsommarafton, the Friday 19-25 June. (Påsk-,
** pingst-, midsommar- and alla helgons dag are Sundays and Saturdays.) */

static const char *const easter[] = {
	"2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20",
	"2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21", "2031-04-13",
};
#define FIRST_YEAR 2020
#define LAST_YEAR 2030

static bool rest_day(struct date x)
{
	int wd = date_weekday(x);   /* 1 Monday .. 7 Sunday */
	if(wd == 6 || wd == 7)
		return true;
	static const int fixed[][2] = { { 1, 1 }, { 1, 6 }, { 5, 1 }, { 6, 6 }, { 12, 24 },
	                                { 12, 25 }, { 12, 26 }, { 12, 31 } };
	for(size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if(x.month == fixed[i][0] && x.day == fixed[i][1])
			return true;
	if(x.month == 6 && x.day >= 19 && x.day <= 25 && wd == 5)
		return true;                      /* midsommarafton */
	if(x.year < FIRST_YEAR || x.year > LAST_YEAR + 1)
		fail_msg("no Easter in the test for %d", x.year);
	struct date e = d(easter[x.year - FIRST_YEAR]);
	int off = date_diff_days(e, x);   /* x - Easter Sunday */
	return off == -2 || off == 1 || off == 39;
}

/* deadline is the first day on or after start + days that lag 1930:173
** does not move: not a rest day, and every day before it from start +
** days is one. */
static void assert_first_working(struct date start, int days, struct date deadline,
                                 const char *what)
{
	char a[11], b[11];
	struct date nominal = date_add_days(start, days);
	date_format_iso(start, a);
	date_format_iso(deadline, b);
	if(date_cmp(deadline, nominal) < 0)
		fail_msg("%s from %s: %s is before the %d days", what, a, b, days);
	if(rest_day(deadline))
		fail_msg("%s from %s: %s is a day lag 1930:173 moves", what, a, b);
	for(struct date x = nominal; date_cmp(x, deadline) < 0; x = date_add_days(x, 1))
		if(!rest_day(x))
			fail_msg("%s from %s: %s, but an earlier working day is free", what, a, b);
	if(date_diff_days(nominal, deadline) > 5)
		fail_msg("%s from %s: %s is moved more than five days", what, a, b);
}

static void test_whole_calendar(void **state)
{
	(void)state;
	int days = 0, moved_j = 0, moved_a = 0, moved_appeal = 0;
	struct date end = d("2030-12-31");
	for(struct date m = d("2020-01-01"); date_cmp(m, end) <= 0; m = date_add_days(m, 1)) {
		/* m as the meeting day, as the day of justering and as the anslag */
		struct date j = legal_justering_deadline(m);
		assert_first_working(m, LEGAL_JUSTERING_DAYS, j, "justering deadline");
		moved_j += legal_moved(m, LEGAL_JUSTERING_DAYS, j);
		struct date a = legal_anslag_deadline(m);
		assert_first_working(m, LEGAL_ANSLAG_DAYS, a, "anslag deadline");
		moved_a += legal_moved(m, LEGAL_ANSLAG_DAYS, a);
		struct appeal_dates ap;
		legal_appeal(&m, 1, NULL, &ap);
		assert_first_working(m, LEGAL_APPEAL_DAYS, ap.last_day, "last day of appeal");
		assert_int_equal(ap.moved, date_cmp(ap.last_day, ap.nominal) != 0);
		assert_int_equal(date_diff_days(ap.last_day, ap.removal), 1);
		moved_appeal += ap.moved;
		/* the chain: justering on its last day, anslag on its last day */
		struct date chain = legal_anslag_deadline(j);
		assert_first_working(j, LEGAL_ANSLAG_DAYS, chain, "anslag after the last justering");
		days++;
	}
	/* 4 018 days; about two in seven of them land on a weekend at least */
	assert_int_equal(days, 4018);
	assert_true(moved_j > days / 4 && moved_a > days / 4 && moved_appeal > days / 4);
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
		cmocka_unit_test(test_deadlines_moved),
		cmocka_unit_test(test_whole_calendar),
		cmocka_unit_test(test_seed_2021_02_10),
		cmocka_unit_test(test_saturday_and_sunday),
		cmocka_unit_test(test_midsommar),
		cmocka_unit_test(test_jul_and_nyar),
		cmocka_unit_test(test_easter),
		cmocka_unit_test(test_joint_committee),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
