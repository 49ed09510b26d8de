/*
** test_clock.c — the one clock: the audit's instants are UTC, the day is
** Sweden's (CET, and CEST from the last Sunday of March to the last
** Sunday of October, changing at 01:00 UTC).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/clock.h"

/* Today when $STYR_NOW is now, as "YYYY-MM-DD". */
static const char *today_at(const char *now, char buf[11])
{
	setenv("STYR_NOW", now, 1);
	assert_int_equal(clock_init(NULL), STYR_OK);
	date_format_iso(clock_today(), buf);
	return buf;
}

static void test_swedish_day(void **state)
{
	char d[11];
	(void)state;
	/* winter, UTC+1: 23:00 UTC is the next day's midnight */
	assert_string_equal(today_at("2021-02-10T22:59:59Z", d), "2021-02-10");
	assert_string_equal(today_at("2021-02-10T23:00:00Z", d), "2021-02-11");
	assert_string_equal(today_at("2021-12-31T23:00:00Z", d), "2022-01-01");
	/* summer, UTC+2 */
	assert_string_equal(today_at("2021-06-30T21:59:59Z", d), "2021-06-30");
	assert_string_equal(today_at("2021-06-30T22:00:00Z", d), "2021-07-01");
	/* the night summer time begins (Sunday 2021-03-28, 01:00 UTC) */
	assert_string_equal(today_at("2021-03-27T22:59:59Z", d), "2021-03-27");
	assert_string_equal(today_at("2021-03-27T23:00:00Z", d), "2021-03-28");
	/* and ends (Sunday 2021-10-31, 01:00 UTC): on the Saturday evening
	** it is still summer time, 22:00 UTC is midnight */
	assert_string_equal(today_at("2021-10-30T21:59:59Z", d), "2021-10-30");
	assert_string_equal(today_at("2021-10-30T22:00:00Z", d), "2021-10-31");
	assert_string_equal(today_at("2021-10-31T22:59:59Z", d), "2021-10-31");
	assert_string_equal(today_at("2021-10-31T23:00:00Z", d), "2021-11-01");
	/* a day alone is that day */
	assert_string_equal(today_at("2021-02-10", d), "2021-02-10");
	unsetenv("STYR_NOW");
}

static void test_timestamp_utc(void **state)
{
	char ts[CLOCK_TIMESTAMP_SIZE];
	(void)state;
	setenv("STYR_NOW", "2021-02-10T23:30:05Z", 1);
	assert_int_equal(clock_init(NULL), STYR_OK);
	clock_timestamp(ts);
	assert_string_equal(ts, "2021-02-10T23:30:05Z");
	unsetenv("STYR_NOW");
	assert_int_equal(clock_init(NULL), STYR_OK);
	clock_timestamp(ts);
	assert_int_equal(strlen(ts), 20);
	assert_true(ts[10] == 'T' && ts[19] == 'Z');
}

/* What a page shows of an instant: the Swedish wall clock, winter and
** summer, across midnight and both changes of the year; anything else
** as it is. */
static void test_local_time(void **state)
{
	(void)state;
	char buf[CLOCK_LOCAL_SIZE];
	static const char *const cases[][2] = {
		{ "2026-12-01T03:13:46Z", "2026-12-01 04:13" },  /* CET */
		{ "2026-12-31T23:30:00Z", "2027-01-01 00:30" },  /* the new year already */
		{ "2026-07-15T12:00:59Z", "2026-07-15 14:00" },  /* CEST */
		{ "2026-03-29T00:59:59Z", "2026-03-29 01:59" },  /* before the spring change */
		{ "2026-03-29T01:00:00Z", "2026-03-29 03:00" },  /* after it */
		{ "2026-10-25T00:59:59Z", "2026-10-25 02:59" },  /* before the autumn change */
		{ "2026-10-25T01:00:00Z", "2026-10-25 02:00" },  /* after it */
	};
	for(size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_true(clock_local_time(cases[i][0], buf));
		assert_string_equal(buf, cases[i][1]);
	}
	assert_false(clock_local_time("2026-12-01 03:13", buf));
	assert_string_equal(buf, "2026-12-01 03:13");
	assert_false(clock_local_time("2026-02-30T10:00:00Z", buf));
	assert_false(clock_local_time("2026-12-01T25:00:00Z", buf));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_swedish_day),
		cmocka_unit_test(test_timestamp_utc),
		cmocka_unit_test(test_local_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
