/*
** ops_hours.c — business hours and business time (see ops_hours.h).
**
** The cache holds, for a range of local days, the instant of each day's
** midnight, each day's opening intervals as instants, and the business
** seconds before each day counted from a fixed origin day (the first day
** ever cached), so values read before and after the cache grows agree.
*/
#include "ops/ops_hours.h"

#include <stdlib.h>
#include <string.h>

#include "base/calendar.h"
#include "base/strbuf.h"
#include "ops/ops_time.h"

void ops_calendar_init(struct ops_calendar *c)
{
	memset(c, 0, sizeof(*c));
	c->standard = true;
}

static void drop_cache(struct ops_calendar *c)
{
	free(c->cum);
	free(c->mid);
	free(c->iv);
	free(c->niv);
	c->cum = c->mid = NULL;
	c->iv = NULL;
	c->niv = NULL;
	c->ndays = 0;
}

void ops_calendar_release(struct ops_calendar *c)
{
	drop_cache(c);
	free(c->versions);
	free(c->days_off);
	memset(c, 0, sizeof(*c));
}

bool ops_hhmm_parse(const char *s, int *minutes)
{
	if(strlen(s) != 5 || s[2] != ':')
		return false;
	for(int i = 0; i < 5; i++)
		if(i != 2 && (s[i] < '0' || s[i] > '9'))
			return false;
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	if(m > 59 || h > 24 || (h == 24 && m))
		return false;
	*minutes = h * 60 + m;
	return true;
}

bool ops_calendar_add_hours(struct ops_calendar *c, struct date from, int weekday,
                            int open, int close)
{
	size_t i;
	if(weekday < 1 || weekday > 7 || open < 0 || close > 1440 || open >= close)
		return false;
	for(i = 0; i < c->nversions; i++)
		if(!date_cmp(c->versions[i].from, from))
			break;
	if(i == c->nversions) {
		c->versions = xrealloc(c->versions, (c->nversions + 1) * sizeof(*c->versions));
		i = c->nversions++;
		memset(&c->versions[i], 0, sizeof(c->versions[i]));
		c->versions[i].from = from;
		/* keep them sorted by their first day */
		while(i > 0 && date_cmp(c->versions[i - 1].from, c->versions[i].from) > 0) {
			struct ops_hours_version t = c->versions[i - 1];
			c->versions[i - 1] = c->versions[i];
			c->versions[i] = t;
			i--;
		}
	}
	struct ops_week *w = &c->versions[i].week;
	int d = weekday - 1;
	if(w->n[d] == OPS_MAX_SPANS)
		return false;
	for(int k = 0; k < w->n[d]; k++)
		if(open < w->span[d][k].close && w->span[d][k].open < close)
			return false;
	w->span[d][w->n[d]++] = (struct ops_span){ open, close };
	c->standard = false;
	drop_cache(c);
	return true;
}

static int cmp_date(const void *a, const void *b)
{
	return date_cmp(*(const struct date *)a, *(const struct date *)b);
}

void ops_calendar_add_day_off(struct ops_calendar *c, struct date d)
{
	c->days_off = xrealloc(c->days_off, (c->ndays_off + 1) * sizeof(*c->days_off));
	c->days_off[c->ndays_off++] = d;
	qsort(c->days_off, c->ndays_off, sizeof(*c->days_off), cmp_date);
	drop_cache(c);
}

bool ops_calendar_closed(const struct ops_calendar *c, struct date d)
{
	const char *h = calendar_holiday_name(d);
	if(h && strcmp(h, "Söndag"))
		return true;
	return c->ndays_off &&
	       bsearch(&d, c->days_off, c->ndays_off, sizeof(*c->days_off), cmp_date);
}

/* The week in force on day d. */
static const struct ops_week *week_of(const struct ops_calendar *c, struct date d)
{
	static const struct ops_week standard = {
		.span = { { { 480, 1020 } }, { { 480, 1020 } }, { { 480, 1020 } },
		          { { 480, 1020 } }, { { 480, 1020 } } },
		.n = { 1, 1, 1, 1, 1, 0, 0 },
	};
	if(!c->nversions)
		return &standard;
	size_t i = 0;
	while(i + 1 < c->nversions && date_cmp(c->versions[i + 1].from, d) <= 0)
		i++;
	return &c->versions[i].week;
}

/* Fill the opening intervals of day d as instants; returns how many. */
static int day_intervals(const struct ops_calendar *c, struct date d,
                         int64_t iv[OPS_MAX_SPANS][2])
{
	if(ops_calendar_closed(c, d))
		return 0;
	const struct ops_week *w = week_of(c, d);
	int wd = date_weekday(d) - 1, n = 0;
	int64_t base = (int64_t)date_to_days(d) * OPS_DAY;
	for(int k = 0; k < w->n[wd]; k++) {
		int64_t a1, a2, b1, b2;
		/* a repeated boundary: open at its first, close at its second */
		ops_tz_from_local(base + w->span[wd][k].open * 60, &a1, &a2);
		ops_tz_from_local(base + w->span[wd][k].close * 60, &b1, &b2);
		if(b2 > a1) {
			iv[n][0] = a1;
			iv[n][1] = b2;
			n++;
		}
	}
	return n;
}

/* Make the cache cover local days [lo, hi]. */
static void cover(struct ops_calendar *c, int32_t lo, int32_t hi)
{
	if(c->ndays && lo >= c->first && hi < c->first + (int32_t)c->ndays)
		return;
	if(c->ndays) {
		if(c->first < lo)
			lo = c->first;
		if(c->first + (int32_t)c->ndays - 1 > hi)
			hi = c->first + (int32_t)c->ndays - 1;
	} else {
		c->origin = lo;
	}
	/* room to grow into without rebuilding at every step */
	lo -= 62;
	hi += 62;
	size_t n = (size_t)(hi - lo + 1);
	int64_t *cum = xmalloc((n + 1) * sizeof(*cum));
	int64_t *mid = xmalloc((n + 1) * sizeof(*mid));
	int64_t (*iv)[OPS_MAX_SPANS][2] = xmalloc(n * sizeof(*iv));
	uint8_t *niv = xmalloc(n);
	cum[0] = 0;
	for(size_t i = 0; i < n; i++) {
		struct date d = date_from_days(lo + (int32_t)i);
		int64_t sum = 0;
		mid[i] = ops_midnight(d);
		niv[i] = (uint8_t)day_intervals(c, d, iv[i]);
		for(int k = 0; k < niv[i]; k++)
			sum += iv[i][k][1] - iv[i][k][0];
		cum[i + 1] = cum[i] + sum;
	}
	mid[n] = ops_midnight(date_from_days(hi + 1));
	int64_t at_origin = cum[c->origin - lo];
	for(size_t i = 0; i <= n; i++)
		cum[i] -= at_origin;
	drop_cache(c);
	c->first = lo;
	c->ndays = n;
	c->cum = cum;
	c->mid = mid;
	c->iv = iv;
	c->niv = niv;
}

int64_t ops_calendar_day_seconds(struct ops_calendar *c, struct date d)
{
	int32_t day = date_to_days(d);
	cover(c, day, day);
	size_t i = (size_t)(day - c->first);
	return c->cum[i + 1] - c->cum[i];
}

bool ops_calendar_is_working_day(struct ops_calendar *c, struct date d)
{
	return ops_calendar_day_seconds(c, d) > 0;
}

struct date ops_calendar_add_working_days(struct ops_calendar *c, struct date d, int n)
{
	int guard = 0;
	while(n > 0 && guard < 3660) {
		d = date_add_days(d, 1);
		if(ops_calendar_is_working_day(c, d))
			n--;
		guard++;
	}
	return d;
}

int64_t ops_bt(struct ops_calendar *c, int64_t t)
{
	/* the local day of t: UTC day of t + 1 h, then at most one step */
	int32_t day = (int32_t)((t + 3600 >= 0 ? (t + 3600) / OPS_DAY
	                                       : -((-(t + 3600) + OPS_DAY - 1) / OPS_DAY)));
	if(!c->ndays || day - 1 < c->first || day + 1 >= c->first + (int32_t)c->ndays)
		cover(c, day - 1, day + 1);
	size_t i = (size_t)(day - c->first);
	if(t < c->mid[i])
		i--;
	else if(t >= c->mid[i + 1])
		i++;
	int64_t b = c->cum[i];
	for(int k = 0; k < c->niv[i]; k++) {
		int64_t a = c->iv[i][k][0], e = c->iv[i][k][1];
		if(t >= e)
			b += e - a;
		else if(t > a)
			b += t - a;
	}
	return b;
}

int64_t ops_bt_between(struct ops_calendar *c, int64_t a, int64_t b)
{
	if(b <= a)
		return 0;
	return ops_bt(c, b) - ops_bt(c, a);
}
