/*
** test_calendar.c — Easter, the holidays of lag 1989:253 with the eves,
** working days and the next working day, checked against dates from the
** law and from printed almanacs, and against an independent computus.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "base/calendar.h"

static struct date D(int y, int m, int d)
{
	return (struct date){ y, m, d };
}

static void assert_date(struct date got, int y, int m, int d)
{
	char g[11], w[11];
	date_format_iso(got, g);
	date_format_iso(D(y, m, d), w);
	assert_string_equal(g, w);
}

/* Easter Sunday of the almanacs. */
static void test_easter_known(void **state)
{
	(void)state;
	static const int known[][3] = {
		{ 2000, 4, 23 }, { 2008, 3, 23 }, { 2011, 4, 24 }, { 2019, 4, 21 },
		{ 2021, 4, 4 },  { 2024, 3, 31 }, { 2038, 4, 25 }, { 2100, 3, 28 },
	};
	for(size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		assert_date(calendar_easter_sunday(known[i][0]), known[i][0],
		            known[i][1], known[i][2]);
}

/* Knuth's Gregorian computus (TAOCP 1.3.2, exercise 14): an independent
** method built on the epact, not on the anonymous algorithm. */
static struct date knuth_easter(int y)
{
	int g = y % 19 + 1;
	int c = y / 100 + 1;
	int x = 3 * c / 4 - 12;
	int z = (8 * c + 5) / 25 - 5;
	int d = 5 * y / 4 - x - 10;
	int e = (11 * g + 20 + z - x) % 30;
	if((e == 25 && g > 11) || e == 24)
		e++;
	int n = 44 - e;
	if(n < 21)
		n += 30;
	n = n + 7 - (d + n) % 7;
	return n > 31 ? D(y, 4, n - 31) : D(y, 3, n);
}

static void test_easter_every_year(void **state)
{
	(void)state;
	for(int y = 1900; y <= 2199; y++) {
		struct date e = calendar_easter_sunday(y), k = knuth_easter(y);
		assert_int_equal(date_cmp(e, k), 0);
		assert_int_equal(date_weekday(e), 7);
		assert_true(date_cmp(e, D(y, 3, 22)) >= 0);
		assert_true(date_cmp(e, D(y, 4, 25)) <= 0);
	}
}

/* 2021 in full, as in the almanac. */
static void test_holidays_2021(void **state)
{
	(void)state;
	static const struct {
		int m, d;
		const char *name;
		enum holiday_kind kind;
	} want[] = {
		{ 1, 1, "Nyårsdagen", HOLIDAY_PUBLIC },
		{ 1, 6, "Trettondedag jul", HOLIDAY_PUBLIC },
		{ 4, 2, "Långfredagen", HOLIDAY_PUBLIC },
		{ 4, 4, "Påskdagen", HOLIDAY_PUBLIC },
		{ 4, 5, "Annandag påsk", HOLIDAY_PUBLIC },
		{ 5, 1, "Första maj", HOLIDAY_PUBLIC },
		{ 5, 13, "Kristi himmelsfärds dag", HOLIDAY_PUBLIC },
		{ 5, 23, "Pingstdagen", HOLIDAY_PUBLIC },
		{ 6, 6, "Sveriges nationaldag", HOLIDAY_PUBLIC },
		{ 6, 25, "Midsommarafton", HOLIDAY_EVE },
		{ 6, 26, "Midsommardagen", HOLIDAY_PUBLIC },
		{ 11, 6, "Alla helgons dag", HOLIDAY_PUBLIC },
		{ 12, 24, "Julafton", HOLIDAY_EVE },
		{ 12, 25, "Juldagen", HOLIDAY_PUBLIC },
		{ 12, 26, "Annandag jul", HOLIDAY_PUBLIC },
		{ 12, 31, "Nyårsafton", HOLIDAY_EVE },
	};
	struct holiday h[CALENDAR_MAX_HOLIDAYS];
	size_t n = calendar_holidays(2021, h);
	assert_int_equal(n, sizeof(want) / sizeof(want[0]));
	for(size_t i = 0; i < n; i++) {
		assert_date(h[i].date, 2021, want[i].m, want[i].d);
		assert_string_equal(h[i].name, want[i].name);
		assert_int_equal(h[i].kind, want[i].kind);
	}
}

static struct date find(int year, const char *name, bool *found)
{
	struct holiday h[CALENDAR_MAX_HOLIDAYS];
	size_t n = calendar_holidays(year, h);
	for(size_t i = 0; i < n; i++)
		if(!strcmp(h[i].name, name)) {
			*found = true;
			return h[i].date;
		}
	*found = false;
	return D(0, 0, 0);
}

/* Lag 1989:253 as amended by SFS 2004:1178: from 2005 Sveriges
** nationaldag (6 June) is a holiday and Annandag pingst is not. */
static void test_2005_change(void **state)
{
	(void)state;
	bool f;
	assert_date(find(2004, "Annandag pingst", &f), 2004, 5, 31);
	assert_true(f);
	find(2004, "Sveriges nationaldag", &f);
	assert_false(f);
	assert_null(calendar_holiday_name(D(2004, 6, 7))); /* a Monday */
	assert_false(calendar_is_workday(D(2004, 5, 31), NULL));
	find(2005, "Annandag pingst", &f);
	assert_false(f);
	assert_date(find(2005, "Sveriges nationaldag", &f), 2005, 6, 6);
	assert_true(f);
	assert_true(calendar_is_workday(D(2005, 5, 16), NULL)); /* the Monday after Pingst */
	assert_false(calendar_is_workday(D(2005, 6, 6), NULL));
	for(int y = 1990; y <= 2100; y++) {
		struct holiday h[CALENDAR_MAX_HOLIDAYS];
		size_t n = calendar_holidays(y, h);
		bool pingst = false, june6 = false;
		for(size_t i = 0; i < n; i++) {
			pingst |= !strcmp(h[i].name, "Annandag pingst");
			june6 |= h[i].date.month == 6 && h[i].date.day == 6 &&
			         !strcmp(h[i].name, "Sveriges nationaldag");
		}
		assert_int_equal(pingst, y < 2005);
		assert_int_equal(june6, y >= 2005);
	}
}

/* Midsommardagen is the Saturday 20–26 June, Alla helgons dag the
** Saturday 31 October–6 November, each eve the day before. */
static void test_moving_saturdays(void **state)
{
	(void)state;
	bool f;
	assert_date(find(2021, "Midsommardagen", &f), 2021, 6, 26);
	assert_date(find(2020, "Alla helgons dag", &f), 2020, 10, 31);
	assert_date(find(2020, "Midsommardagen", &f), 2020, 6, 20);
	assert_date(find(2020, "Midsommarafton", &f), 2020, 6, 19);
	assert_date(find(2021, "Alla helgons dag", &f), 2021, 11, 6);
	for(int y = 2000; y <= 2100; y++) {
		struct date m = find(y, "Midsommardagen", &f);
		struct date a = find(y, "Alla helgons dag", &f);
		struct date e = find(y, "Midsommarafton", &f);
		assert_int_equal(date_weekday(m), 6);
		assert_true(m.month == 6 && m.day >= 20 && m.day <= 26);
		assert_int_equal(date_weekday(a), 6);
		assert_true((a.month == 10 && a.day == 31) || (a.month == 11 && a.day <= 6));
		assert_int_equal(date_diff_days(e, m), 1);
	}
}

/* Every year 2000–2100: 16 days, sorted, the Easter days in place. */
static void test_every_year(void **state)
{
	(void)state;
	for(int y = 2000; y <= 2100; y++) {
		struct holiday h[CALENDAR_MAX_HOLIDAYS];
		size_t n = calendar_holidays(y, h);
		struct date e = knuth_easter(y);
		size_t eves = 0;
		bool f;
		assert_int_equal(n, 16);
		for(size_t i = 0; i < n; i++) {
			assert_int_equal(h[i].date.year, y);
			if(i)
				assert_true(date_cmp(h[i - 1].date, h[i].date) <= 0);
			eves += h[i].kind == HOLIDAY_EVE;
		}
		assert_int_equal(eves, 3);
		assert_int_equal(date_diff_days(find(y, "Långfredagen", &f), e), 2);
		assert_int_equal(date_diff_days(e, find(y, "Annandag påsk", &f)), 1);
		assert_int_equal(date_diff_days(e, find(y, "Kristi himmelsfärds dag", &f)), 39);
		assert_int_equal(date_diff_days(e, find(y, "Pingstdagen", &f)), 49);
		assert_int_equal(date_weekday(find(y, "Kristi himmelsfärds dag", &f)), 4);
	}
}

static void test_holiday_name(void **state)
{
	(void)state;
	assert_string_equal(calendar_holiday_name(D(2024, 5, 9)), "Kristi himmelsfärds dag");
	assert_string_equal(calendar_holiday_name(D(2024, 12, 24)), "Julafton");
	assert_string_equal(calendar_holiday_name(D(2024, 3, 3)), "Söndag");
	assert_null(calendar_holiday_name(D(2024, 3, 2))); /* an ordinary Saturday */
	assert_null(calendar_holiday_name(D(2024, 3, 4)));
	/* 2008: Kristi himmelsfärds dag on Första maj; the first is named. */
	assert_string_equal(calendar_holiday_name(D(2008, 5, 1)), "Första maj");
	/* A holiday on a Sunday keeps its own name. */
	assert_string_equal(calendar_holiday_name(D(2024, 3, 31)), "Påskdagen");
}

static void test_workdays(void **state)
{
	(void)state;
	struct date klam[] = { D(2024, 5, 10), D(2024, 12, 27) };
	struct days_off off = { klam, 2 };

	assert_true(calendar_is_workday(D(2024, 12, 23), NULL));
	assert_false(calendar_is_workday(D(2024, 12, 21), NULL)); /* Saturday */
	assert_false(calendar_is_workday(D(2024, 6, 21), NULL));  /* Midsommarafton */
	assert_true(calendar_is_workday(D(2024, 5, 10), NULL));
	assert_false(calendar_is_workday(D(2024, 5, 10), &off));

	/* 2024: 262 weekdays, 11 of them holidays or eves (1 Jan, Långfredagen,
	** Annandag påsk, 1 May, Kristi himmelsfärd, 6 June, Midsommarafton,
	** 24, 25, 26 and 31 Dec). */
	assert_int_equal(calendar_count_workdays(D(2024, 1, 1), D(2024, 12, 31), NULL), 251);
	assert_int_equal(calendar_count_workdays(D(2024, 1, 1), D(2024, 12, 31), &off), 249);
	/* 2021: 261 weekdays; off 1 Jan, 6 Jan, 2 Apr, 5 Apr, 13 May, 25 Jun,
	** 24 Dec, 31 Dec (1 May, 6 June and Christmas fall on weekends). */
	assert_int_equal(calendar_count_workdays(D(2021, 1, 1), D(2021, 12, 31), NULL), 253);
	/* Easter week 2024 and the week after: 10 weekdays less 2. */
	assert_int_equal(calendar_count_workdays(D(2024, 3, 25), D(2024, 4, 5), NULL), 8);
	assert_int_equal(calendar_count_workdays(D(2024, 3, 25), D(2024, 3, 25), NULL), 1);
	assert_int_equal(calendar_count_workdays(D(2024, 3, 29), D(2024, 3, 29), NULL), 0);
	assert_int_equal(calendar_count_workdays(D(2024, 4, 5), D(2024, 3, 25), NULL), 0);
	/* Across a year end: 23 Dec 2024 – 3 Jan 2025: 23, 27, 30 Dec, 2, 3 Jan. */
	assert_int_equal(calendar_count_workdays(D(2024, 12, 23), D(2025, 1, 3), NULL), 5);
	assert_int_equal(calendar_count_workdays(D(2024, 12, 23), D(2025, 1, 3), &off), 4);
}

static void test_next_workday(void **state)
{
	(void)state;
	struct date klam[] = { D(2021, 3, 18) };
	struct days_off off = { klam, 1 };

	/* Easter 2024: Långfredagen → the Tuesday after Annandag påsk. */
	assert_date(calendar_next_workday(D(2024, 3, 29), NULL), 2024, 4, 2);
	/* Midsommar 2021. */
	assert_date(calendar_next_workday(D(2021, 6, 25), NULL), 2021, 6, 28);
	/* Christmas 2020 (Thursday julafton). */
	assert_date(calendar_next_workday(D(2020, 12, 24), NULL), 2020, 12, 28);
	/* Nyårsafton 2020 → Nyårsdagen → weekend → Monday 4 January. */
	assert_date(calendar_next_workday(D(2020, 12, 31), NULL), 2021, 1, 4);
	assert_date(calendar_next_workday(D(2021, 12, 31), NULL), 2022, 1, 3);
	/* Trettondedag jul 2022 is a Thursday. */
	assert_date(calendar_next_workday(D(2022, 1, 6), NULL), 2022, 1, 7);
	/* A working day is its own deadline (DESIGN.md: anslag 2021-02-24
	** + 21 days = 2021-03-17, a Wednesday). */
	assert_date(calendar_next_workday(date_add_days(D(2021, 2, 24), 21), NULL), 2021, 3, 17);
	assert_date(calendar_next_workday(D(2021, 3, 18), &off), 2021, 3, 19);
	/* Kristi himmelsfärds dag 2024 with a klämdag on the Friday. */
	struct date k[] = { D(2024, 5, 10) };
	struct days_off off2 = { k, 1 };
	assert_date(calendar_next_workday(D(2024, 5, 9), &off2), 2024, 5, 13);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_easter_known),
		cmocka_unit_test(test_easter_every_year),
		cmocka_unit_test(test_holidays_2021),
		cmocka_unit_test(test_2005_change),
		cmocka_unit_test(test_moving_saturdays),
		cmocka_unit_test(test_every_year),
		cmocka_unit_test(test_holiday_name),
		cmocka_unit_test(test_workdays),
		cmocka_unit_test(test_next_workday),
	};
	return cmocka_run_group_tests_name("calendar", tests, NULL, NULL);
}
