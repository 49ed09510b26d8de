/*
** date.h — calendar dates (proleptic Gregorian), ISO 8601 text, day
** arithmetic and weekdays. No time zones: a date is a day.
*/
#ifndef STYR_DATE_H
#define STYR_DATE_H

#include <stdbool.h>
#include <stdint.h>

struct date {
	int year;   /* 1..9999 */
	int month;  /* 1..12 */
	int day;    /* 1..31 */
};

/* True when y-m-d is a real date. */
bool date_valid(int year, int month, int day);
bool date_is_leap_year(int year);
int date_days_in_month(int year, int month);

/* The dates styr reads, from files and arguments alike: the years its
** calendar is computed for (calendar.h). A deadline computed from one (a
** few weeks on) stays far from 9999-12-31, beyond which a date cannot be
** written in four digits: once 9999-12-30 + 21 days printed 0000-01-20. */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2199
#define DATE_RANGE_TEXT "from 1900-01-01 to 2199-12-31"

/* Parse exactly "YYYY-MM-DD" (nothing before or after). False when the
** text is not in that form, not a real date (2021-02-30), or outside
** DATE_YEAR_MIN..DATE_YEAR_MAX. */
bool date_parse_iso(const char *s, struct date *out);

/* Write "YYYY-MM-DD" and a NUL into buf. */
void date_format_iso(struct date d, char buf[static 11]);

/* Days since 1970-01-01 (negative before) and back. */
int32_t date_to_days(struct date d);
struct date date_from_days(int32_t days);

struct date date_add_days(struct date d, int n);

/* Days from a to b (b - a). */
int32_t date_diff_days(struct date a, struct date b);

/* ISO weekday: 1 = Monday ... 7 = Sunday. */
int date_weekday(struct date d);

/* <0, 0, >0 as a is before, equal to, after b. */
int date_cmp(struct date a, struct date b);

#endif
