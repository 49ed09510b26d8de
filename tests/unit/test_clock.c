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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_swedish_day),
		cmocka_unit_test(test_timestamp_utc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
