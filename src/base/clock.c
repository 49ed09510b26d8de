/*
** clock.c — the one clock (see clock.h).
*/
#include "base/clock.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/strbuf.h"

static bool read_once, pinned, pinned_has_time;
static struct date pinned_date;
static int pinned_h, pinned_m, pinned_s;

/* "YYYY-MM-DD" alone or followed by "THH:MM:SSZ". */
static bool parse_pin(const char *v)
{
	char day[11];
	size_t len = strlen(v);
	if(len != 10 && len != 20)
		return false;
	memcpy(day, v, 10);
	day[10] = '\0';
	if(!date_parse_iso(day, &pinned_date))
		return false;
	pinned_h = pinned_m = pinned_s = 0;
	pinned_has_time = len == 20;
	if(len == 10)
		return true;
	unsigned h, m, s;
	char t, z;
	if(sscanf(v + 10, "%c%2u:%2u:%2u%c", &t, &h, &m, &s, &z) != 5 || t != 'T' || z != 'Z' ||
	   v[13] != ':' || v[16] != ':' || h > 23 || m > 59 || s > 60)
		return false;
	pinned_h = (int)h;
	pinned_m = (int)m;
	pinned_s = (int)s;
	return true;
}

enum styr_rc clock_init(struct styr_error *err)
{
	const char *v = getenv("STYR_NOW");
	read_once = true;
	pinned = false;
	if(!v || !*v)
		return STYR_OK;
	if(!parse_pin(v))
		return styr_error_set(err, STYR_EINVAL, "STYR_NOW: '%s' is not a time, expected "
		                      "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)", v);
	pinned = true;
	return STYR_OK;
}

void clock_timestamp(char buf[static CLOCK_TIMESTAMP_SIZE])
{
	if(!read_once)
		clock_init(NULL);
	if(pinned) {
		char day[11], t[64];
		date_format_iso(pinned_date, day);
		snprintf(t, sizeof(t), "%sT%02d:%02d:%02dZ", day, pinned_h, pinned_m, pinned_s);
		memcpy(buf, t, CLOCK_TIMESTAMP_SIZE - 1);
		buf[CLOCK_TIMESTAMP_SIZE - 1] = '\0';
		return;
	}
	/* by arithmetic, not gmtime_r: glibc's takes a process-wide lock,
	** which the web server's threads met on every request */
	long long now = (long long)time(NULL);
	unsigned secs = (unsigned)(now % 86400);
	char day[11];
	date_format_iso(date_from_days((int32_t)(now / 86400)), day);
	snprintf(buf, CLOCK_TIMESTAMP_SIZE, "%.10sT%02u:%02u:%02uZ", day, secs / 3600 % 24,
	         secs / 60 % 60, secs % 60);
}

struct timespec clock_wait_until(long ms)
{
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += ms / 1000;
	t.tv_nsec += ms % 1000 * 1000000L;
	if(t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return t;
}

/* The last Sunday of month m of year y. */
static struct date last_sunday(int y, int m)
{
	struct date d = { y, m, date_days_in_month(y, m) };
	return date_add_days(d, -(date_weekday(d) % 7));
}

/* The Swedish calendar day at the instant t (seconds since 1970, UTC):
** CET, UTC+1, and CEST, UTC+2, from 01:00 UTC on the last Sunday of
** March to 01:00 UTC on the last Sunday of October: the EU's rule since
** 1996 (from 1980 to 1995 Sweden's summer time ended in September, which
** this does not know; no committee's day is reckoned that far back). */
static long long swedish_local(long long t)
{
	int y = date_from_days((int32_t)(t / 86400)).year;
	long long summer = (long long)date_to_days(last_sunday(y, 3)) * 86400 + 3600;
	long long winter = (long long)date_to_days(last_sunday(y, 10)) * 86400 + 3600;
	return t + (t >= summer && t < winter ? 7200 : 3600);
}

static struct date swedish_day(long long t)
{
	return date_from_days((int32_t)(swedish_local(t) / 86400));
}

bool clock_local_time(const char *stamp, char buf[static CLOCK_LOCAL_SIZE])
{
	struct date d;
	int h, m, s;
	char day[11], tail;
	long long t;

	if(!stamp || strlen(stamp) != CLOCK_TIMESTAMP_SIZE - 1 ||
	   sscanf(stamp, "%*10[0-9-]T%2d:%2d:%2dZ%c", &h, &m, &s, &tail) != 3 ||
	   h > 23 || m > 59 || s > 60) {
		str_copy(buf, CLOCK_LOCAL_SIZE, stamp);
		return false;
	}
	memcpy(day, stamp, 10);
	day[10] = '\0';
	if(!date_parse_iso(day, &d)) {
		str_copy(buf, CLOCK_LOCAL_SIZE, stamp);
		return false;
	}
	t = swedish_local((long long)date_to_days(d) * 86400 + h * 3600 + m * 60 + s);
	date_format_iso(date_from_days((int32_t)(t / 86400)), day);
	{
		unsigned secs = (unsigned)(t % 86400);
		char text[32];
		snprintf(text, sizeof(text), "%s %02u:%02u", day, secs / 3600 % 24, secs / 60 % 60);
		str_copy(buf, CLOCK_LOCAL_SIZE, text);
	}
	return true;
}

struct date clock_today(void)
{
	if(!read_once)
		clock_init(NULL);
	if(pinned && !pinned_has_time)
		return pinned_date;
	if(pinned)
		return swedish_day((long long)date_to_days(pinned_date) * 86400 + pinned_h * 3600 +
		                   pinned_m * 60 + pinned_s);
	return swedish_day((long long)time(NULL));
}
