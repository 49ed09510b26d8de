/*
** ops_time.h — instants, Swedish local time and the timestamps of
** operational exports (pure: no I/O, no store).
**
** An instant is whole seconds since 1970-01-01 00:00 UTC (int64). Local
** time is Europe/Stockholm: CET (UTC+1) in winter, CEST (UTC+2) in summer.
** Summer time follows the rule in force in Sweden for the year: from 1996
** (EU directive 2000/84/EC and its predecessors) from the last Sunday of
** March to the last Sunday of October, both changes at 01:00 UTC; 1980–1995
** from the last Sunday of March to the last Sunday of September; none
** before 1980. A wall-clock time is written here as "local seconds":
** seconds since 1970-01-01 00:00 of the local calendar, as if it were UTC.
**
** Going from local to UTC has two awkward hours a year: in spring the hour
** 02:00–02:59 does not exist (the clock jumps from 02:00 to 03:00); in
** autumn 02:00–02:59 comes twice (first CEST, then CET). The first is an
** error in an export; the second is flagged and resolved by the reader
** (ops_clock_read below).
*/
#ifndef STYR_OPS_TIME_H
#define STYR_OPS_TIME_H

#include <stdbool.h>
#include <stdint.h>

#include "base/date.h"

#define OPS_DAY 86400

/* Local seconds of y-m-d h:m:s (any valid civil time). */
int64_t ops_civil(int year, int month, int day, int hour, int min, int sec);

/* The date of local (or UTC) seconds, and seconds since that midnight. */
struct date ops_date_of(int64_t secs);
int ops_seconds_of_day(int64_t secs);

/* The summer-time window of a year as instants: [*start, *end). Both 0
** when the year has none. */
void ops_tz_summer(int year, int64_t *start, int64_t *end);

/* UTC offset (3600 or 7200 seconds) in Stockholm at instant utc. */
int ops_tz_offset(int64_t utc);

/* Instant -> local seconds. */
int64_t ops_tz_to_local(int64_t utc);

enum ops_local {
	OPS_LOCAL_OK,        /* exactly one instant */
	OPS_LOCAL_REPEATED,  /* the autumn hour: *first is CEST, *second CET */
	OPS_LOCAL_MISSING    /* the spring hour: no such instant; *first is the
	                        instant the clock jumped at (01:00 UTC) */
};

/* Local seconds -> instant(s). On OPS_LOCAL_OK *first == *second. */
enum ops_local ops_tz_from_local(int64_t local, int64_t *first, int64_t *second);

/* Local midnight at the start of date d, as an instant. */
int64_t ops_midnight(struct date d);

/* ---- timestamps as exports write them ---- */

/* A parsed timestamp: a wall-clock time, or an instant when the text
** carried "Z" or an offset ("+01:00"). */
struct ops_stamp {
	int64_t secs;        /* local seconds, or an instant when is_utc */
	bool is_utc;
	bool date_only;      /* no time of day was written (00:00 taken) */
};

/*
** Parse a timestamp in one of the forms exports write:
**   ISO 8601   2020-04-30T13:45, 2020-04-30 13:45:12, 2020-04-30T11:45:12.345Z,
**              2020-04-30T13:45:12+02:00, 20200430T134512
**   Swedish    2020-04-30 13.45, 2020-04-30 kl. 13.45, 30/4 2020 13:45,
**              30.4.2020 13:45, 30 april 2020 13:45
**   a date     2020-04-30 (00:00)
** Seconds may be left out; a fraction of a second is dropped. Anything
** else (or a date or time that does not exist, 2021-02-30, 24:01) is
** refused: false, and *why says what was expected.
*/
bool ops_stamp_parse(const char *s, struct ops_stamp *out, const char **why);

/* A date "2020-04-30", "30/4 2020", "30.4.2020" or "20200430". */
bool ops_date_parse(const char *s, struct date *out);

/* A duration in whole seconds: "75", "75,0", "1:15" (m:ss) or "0:01:15"
** (h:mm:ss). False for anything else or a negative value. */
bool ops_seconds_parse(const char *s, int64_t *out);

/*
** Reading a column of local timestamps in file order, resolving the
** autumn hour. A time in the repeated hour is read as its first
** occurrence (summer time) until the column steps back within that hour
** (a time earlier than one already read there): from then on it is the
** second occurrence (winter time). Every such time is counted as flagged.
*/
struct ops_clock {
	bool utc;              /* the export writes UTC: no conversion */
	int64_t last_repeated; /* local seconds of the latest repeated time read */
	int64_t second_pass_day; /* local midnight of the day whose hour came round again */
	long flagged;          /* times read in a repeated hour */
	long first_flagged_line;
};

void ops_clock_init(struct ops_clock *c, bool utc);

/* The instant of a parsed stamp read at `line`. OPS_LOCAL_MISSING when the
** wall-clock time does not exist (the caller refuses the row). */
enum ops_local ops_clock_read(struct ops_clock *c, const struct ops_stamp *st, long line,
                              int64_t *out);

/* Format an instant as local "2020-04-30 13:45" (17 bytes with NUL) and
** as ISO "2020-04-30T11:45:00Z" (21 bytes). */
void ops_format_local(int64_t utc, char buf[static 17]);
void ops_format_utc(int64_t utc, char buf[static 21]);

/* The same calendar day one month earlier, clamped to the month's end
** (2020-03-31 -> 2020-02-29). */
struct date ops_month_before(struct date d);

#endif
