/*
** ops_time.c — Stockholm local time, the summer-time rule and the
** timestamp forms of exports (see ops_time.h). Pure.
*/
#include "ops/ops_time.h"

#include <stdio.h>
#include <string.h>

int64_t ops_civil(int year, int month, int day, int hour, int min, int sec)
{
	struct date d = { year, month, day };
	return (int64_t)date_to_days(d) * OPS_DAY + hour * 3600 + min * 60 + sec;
}

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

struct date ops_date_of(int64_t secs)
{
	return date_from_days((int32_t)floor_div(secs, OPS_DAY));
}

int ops_seconds_of_day(int64_t secs)
{
	return (int)(secs - floor_div(secs, OPS_DAY) * OPS_DAY);
}

/* The last Sunday of year-month. */
static struct date last_sunday(int year, int month)
{
	struct date d = { year, month, date_days_in_month(year, month) };
	return date_add_days(d, -(date_weekday(d) % 7));
}

void ops_tz_summer(int year, int64_t *start, int64_t *end)
{
	*start = *end = 0;
	if(year < 1980)
		return;
	struct date a = last_sunday(year, 3), b = last_sunday(year, year < 1996 ? 9 : 10);
	*start = (int64_t)date_to_days(a) * OPS_DAY + 3600;
	*end = (int64_t)date_to_days(b) * OPS_DAY + 3600;
}

/* The summer window of the year an instant (UTC) falls in; the windows
** lie well inside their year. The last year asked for is kept per thread:
** exports come in time order, so it is nearly always the one wanted. */
static bool in_summer(int64_t utc)
{
	static _Thread_local struct { int64_t lo, hi, a, b; bool set; } c;
	if(!c.set || utc < c.lo || utc >= c.hi) {
		int y = ops_date_of(utc).year;
		c.lo = (int64_t)date_to_days((struct date){ y, 1, 1 }) * OPS_DAY;
		c.hi = (int64_t)date_to_days((struct date){ y + 1, 1, 1 }) * OPS_DAY;
		ops_tz_summer(y, &c.a, &c.b);
		c.set = true;
	}
	return utc >= c.a && utc < c.b;
}

int ops_tz_offset(int64_t utc)
{
	return in_summer(utc) ? 7200 : 3600;
}

int64_t ops_tz_to_local(int64_t utc)
{
	return utc + ops_tz_offset(utc);
}

enum ops_local ops_tz_from_local(int64_t local, int64_t *first, int64_t *second)
{
	int64_t s = local - 7200, w = local - 3600;
	bool s_ok = in_summer(s), w_ok = !in_summer(w);
	if(s_ok && w_ok) {
		*first = s;
		*second = w;
		return OPS_LOCAL_REPEATED;
	}
	if(s_ok || w_ok) {
		*first = *second = s_ok ? s : w;
		return OPS_LOCAL_OK;
	}
	int64_t a, b;
	ops_tz_summer(ops_date_of(local).year, &a, &b);
	*first = *second = a;
	return OPS_LOCAL_MISSING;
}

int64_t ops_midnight(struct date d)
{
	int64_t a, b;
	/* midnight is never in a changed hour */
	ops_tz_from_local((int64_t)date_to_days(d) * OPS_DAY, &a, &b);
	return a;
}

/* ---- parsing ---- */

struct cur {
	const char *p;
};

static int digits(struct cur *c, int min, int max, int *out)
{
	int n = 0, v = 0;
	while(n < max && c->p[n] >= '0' && c->p[n] <= '9') {
		v = v * 10 + (c->p[n] - '0');
		n++;
	}
	if(n < min)
		return 0;
	c->p += n;
	*out = v;
	return n;
}

static bool lit(struct cur *c, char ch)
{
	if(*c->p != ch)
		return false;
	c->p++;
	return true;
}

static void spaces(struct cur *c)
{
	while(*c->p == ' ' || *c->p == '\t')
		c->p++;
}

static const char *const sv_months[] = {
	"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
	"september", "oktober", "november", "december"
};
static const char *const en_months[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
};

static int lower(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

/* A month name: Swedish in full or in three letters (with an optional
** '.'), or an English three-letter abbreviation. */
static bool month_name(struct cur *c, int *month)
{
	char w[16];
	size_t n = 0;
	while(n < sizeof(w) - 1 && ((c->p[n] >= 'a' && c->p[n] <= 'z') ||
	                            (c->p[n] >= 'A' && c->p[n] <= 'Z'))) {
		w[n] = (char)lower(c->p[n]);
		n++;
	}
	w[n] = '\0';
	if(n < 3)
		return false;
	for(int i = 0; i < 12; i++) {
		if(!strcmp(w, sv_months[i]) || (n == 3 && !strncmp(w, sv_months[i], 3)) ||
		   (n == 3 && !strcmp(w, en_months[i])) || (!strcmp(w, "okt") && i == 9)) {
			*month = i + 1;
			c->p += n;
			if(n == 3)
				lit(c, '.');
			return true;
		}
	}
	return false;
}

static int full_year(int y, int ndigits)
{
	return ndigits == 2 ? 2000 + y : y;
}

/* The date part. */
static bool parse_date(struct cur *c, struct date *d)
{
	int a, b, y, n;
	const char *start = c->p;
	n = digits(c, 1, 8, &a);
	if(n == 8) {                               /* 20200430 */
		d->year = a / 10000;
		d->month = a / 100 % 100;
		d->day = a % 100;
		return date_valid(d->year, d->month, d->day);
	}
	if(n == 4 && (lit(c, '-') || lit(c, '/'))) { /* 2020-04-30, 2020/04/30 */
		char sep = c->p[-1];
		if(!digits(c, 1, 2, &b) || !lit(c, sep) || !digits(c, 1, 2, &y))
			return false;
		d->year = a;
		d->month = b;
		d->day = y;
		return date_valid(a, b, y);
	}
	if(n < 1 || n > 2) {
		c->p = start;
		return false;
	}
	/* day first */
	char sep = *c->p;
	if(sep != '/' && sep != '.' && sep != '-' && sep != ' ')
		return false;
	c->p++;
	if(sep == ' ')
		spaces(c);
	if(!digits(c, 1, 2, &b) && !month_name(c, &b))
		return false;
	if(sep == ' ' || (sep == '/' && *c->p == ' ')) {
		spaces(c);                         /* 30 april 2020, 30/4 2020 */
	} else if(!lit(c, sep)) {
		return false;
	}
	n = digits(c, 2, 4, &y);
	if(n != 2 && n != 4)
		return false;
	d->year = full_year(y, n);
	d->month = b;
	d->day = a;
	return date_valid(d->year, b, a);
}

bool ops_date_parse(const char *s, struct date *out)
{
	struct cur c = { s };
	spaces(&c);
	if(!parse_date(&c, out))
		return false;
	spaces(&c);
	return *c.p == '\0';
}

/* "kl." or "kl" before a time. */
static void klockan(struct cur *c)
{
	if(lower(c->p[0]) == 'k' && lower(c->p[1]) == 'l' && (c->p[2] == '.' || c->p[2] == ' ')) {
		c->p += 2;
		lit(c, '.');
		spaces(c);
	}
}

static bool parse_time(struct cur *c, int *h, int *m, int *sec)
{
	int n = digits(c, 1, 6, h);
	*m = *sec = 0;
	if(n == 4 || n == 6) {                     /* basic: 1345, 134512 */
		int v = *h;
		if(n == 6) {
			*sec = v % 100;
			v /= 100;
		}
		*m = v % 100;
		*h = v / 100;
	} else if(n == 1 || n == 2) {
		char sep = *c->p;
		if(sep != ':' && sep != '.')
			return false;
		c->p++;
		if(digits(c, 2, 2, m) != 2)
			return false;
		if((*c->p == ':' || *c->p == '.') && c->p[1] >= '0' && c->p[1] <= '9') {
			c->p++;
			if(digits(c, 2, 2, sec) != 2)
				return false;
			if((*c->p == '.' || *c->p == ',') && c->p[1] >= '0' && c->p[1] <= '9') {
				int frac;
				c->p++;
				digits(c, 1, 9, &frac);
			}
		}
	} else {
		return false;
	}
	spaces(c);
	/* 12-hour clock (Jira) */
	if((lower(c->p[0]) == 'a' || lower(c->p[0]) == 'p') && lower(c->p[1]) == 'm') {
		if(*h < 1 || *h > 12)
			return false;
		bool pm = lower(c->p[0]) == 'p';
		*h = (*h % 12) + (pm ? 12 : 0);
		c->p += 2;
	}
	if(*h == 24 && *m == 0 && *sec == 0)
		return true;                       /* end of the day */
	return *h < 24 && *m < 60 && *sec < 60;
}

/* "Z", "+01:00", "+0100", "+01", "-05:00"; *off in seconds east. */
static bool parse_zone(struct cur *c, bool *has, int *off)
{
	*has = false;
	*off = 0;
	if(*c->p == 'Z' || *c->p == 'z') {
		c->p++;
		*has = true;
		return true;
	}
	if(*c->p != '+' && *c->p != '-')
		return true;
	int sign = *c->p == '-' ? -1 : 1, h, m = 0;
	c->p++;
	int n = digits(c, 2, 4, &h);
	if(n == 4) {
		m = h % 100;
		h /= 100;
	} else if(n == 2) {
		if(lit(c, ':') && digits(c, 2, 2, &m) != 2)
			return false;
	} else {
		return false;
	}
	if(h > 14 || m > 59)
		return false;
	*has = true;
	*off = sign * (h * 3600 + m * 60);
	return true;
}

bool ops_stamp_parse(const char *s, struct ops_stamp *out, const char **why)
{
	static const char expected[] =
	    "a date and time such as 2020-04-30 13:45, 2020-04-30T11:45:00Z or 30/4 2020 13.45";
	struct cur c = { s };
	struct date d;
	int h = 0, m = 0, sec = 0, off = 0;
	bool zone = false;

	*why = expected;
	spaces(&c);
	if(!parse_date(&c, &d))
		return false;
	out->date_only = false;
	out->is_utc = false;
	if(*c.p == 'T' || *c.p == 't') {
		c.p++;
	} else {
		spaces(&c);
		klockan(&c);
	}
	if(*c.p == '\0') {
		out->date_only = true;
	} else {
		if(!parse_time(&c, &h, &m, &sec))
			return false;
		if(!parse_zone(&c, &zone, &off))
			return false;
		spaces(&c);
		if(*c.p != '\0')
			return false;
	}
	out->secs = ops_civil(d.year, d.month, d.day, h, m, sec);
	if(zone) {
		out->secs -= off;
		out->is_utc = true;
	}
	return true;
}

bool ops_seconds_parse(const char *s, int64_t *out)
{
	struct cur c = { s };
	int a, b, x;
	spaces(&c);
	int n = digits(&c, 1, 9, &a);
	if(!n)
		return false;
	if(*c.p == ':') {
		c.p++;
		if(digits(&c, 2, 2, &b) != 2)
			return false;
		if(*c.p == ':') {
			c.p++;
			if(digits(&c, 2, 2, &x) != 2 || b > 59 || x > 59)
				return false;
			*out = (int64_t)a * 3600 + b * 60 + x;
		} else {
			if(b > 59)
				return false;
			*out = (int64_t)a * 60 + b;
		}
	} else {
		*out = a;
		if((*c.p == ',' || *c.p == '.') && c.p[1] >= '0' && c.p[1] <= '9') {
			int f;
			c.p++;
			n = digits(&c, 1, 9, &f);
			/* whole seconds: a fraction of .5 or more rounds up */
			if(c.p[-n] >= '5')
				(*out)++;
		}
	}
	spaces(&c);
	return *c.p == '\0';
}

/* ---- reading a column ---- */

void ops_clock_init(struct ops_clock *c, bool utc)
{
	memset(c, 0, sizeof(*c));
	c->utc = utc;
	c->last_repeated = INT64_MIN;
	c->second_pass_day = INT64_MIN;
}

enum ops_local ops_clock_read(struct ops_clock *c, const struct ops_stamp *st, long line,
                              int64_t *out)
{
	int64_t first, second;
	if(st->is_utc || c->utc) {
		*out = st->secs;
		return OPS_LOCAL_OK;
	}
	enum ops_local k = ops_tz_from_local(st->secs, &first, &second);
	*out = first;
	if(k != OPS_LOCAL_REPEATED)
		return k;
	int64_t day = st->secs - ops_seconds_of_day(st->secs);
	if(c->flagged == 0)
		c->first_flagged_line = line;
	c->flagged++;
	if(c->second_pass_day == day) {
		*out = second;
	} else if(c->last_repeated != INT64_MIN && c->last_repeated - ops_seconds_of_day(c->last_repeated) == day &&
	          st->secs < c->last_repeated) {
		c->second_pass_day = day;          /* the clock stepped back */
		*out = second;
	}
	if(c->second_pass_day != day)
		c->last_repeated = st->secs;
	return OPS_LOCAL_REPEATED;
}

void ops_format_local(int64_t utc, char buf[static 17])
{
	int64_t l = ops_tz_to_local(utc);
	struct date d = ops_date_of(l);
	int s = ops_seconds_of_day(l);
	snprintf(buf, 17, "%04u-%02u-%02u %02u:%02u", (unsigned)d.year % 10000u,
	         (unsigned)d.month % 100u, (unsigned)d.day % 100u, (unsigned)(s / 3600) % 100u,
	         (unsigned)(s / 60 % 60) % 100u);
}

void ops_format_utc(int64_t utc, char buf[static 21])
{
	struct date d = ops_date_of(utc);
	int s = ops_seconds_of_day(utc);
	snprintf(buf, 21, "%04u-%02u-%02uT%02u:%02u:%02uZ", (unsigned)d.year % 10000u,
	         (unsigned)d.month % 100u, (unsigned)d.day % 100u, (unsigned)(s / 3600) % 100u,
	         (unsigned)(s / 60 % 60) % 100u, (unsigned)(s % 60) % 100u);
}

struct date ops_month_before(struct date d)
{
	struct date r = { d.year, d.month - 1, d.day };
	if(r.month == 0) {
		r.month = 12;
		r.year--;
	}
	int dim = date_days_in_month(r.year, r.month);
	if(r.day > dim)
		r.day = dim;
	return r;
}
