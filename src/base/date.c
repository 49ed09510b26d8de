/*
** date.c — calendar dates and day arithmetic (see date.h). Day numbers use
** Howard Hinnant's days_from_civil algorithm, exact for the proleptic
** Gregorian calendar.
*/
#include "base/date.h"


bool date_is_leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if(m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap_year(y) ? 29 : days[m - 1];
}

bool date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

static int digits(const char *s, int n)
{
	int v = 0;
	for(int i = 0; i < n; i++) {
		if(s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool date_parse_iso(const char *s, struct date *out)
{
	int y, m, d;
	for(int i = 0; i < 10; i++)
		if(!s[i])
			return false;
	if(s[10] || s[4] != '-' || s[7] != '-')
		return false;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if(y < DATE_YEAR_MIN || y > DATE_YEAR_MAX || m < 0 || d < 0 || !date_valid(y, m, d))
		return false;
	out->year = y;
	out->month = m;
	out->day = d;
	return true;
}

void date_format_iso(struct date d, char buf[static 11])
{
	/* Written digit by digit: dates are always in range, and this keeps
	** the compiler's truncation analysis quiet. */
	int y = d.year;
	buf[0] = (char)('0' + y / 1000 % 10);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + d.month / 10 % 10);
	buf[6] = (char)('0' + d.month % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d.day / 10 % 10);
	buf[9] = (char)('0' + d.day % 10);
	buf[10] = '\0';
}

int32_t date_to_days(struct date d)
{
	int y = d.year - (d.month <= 2);
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int mp = (d.month + 9) % 12;
	int doy = (153 * mp + 2) / 5 + d.day - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct date date_from_days(int32_t z)
{
	struct date r;
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	r.day = doy - (153 * mp + 2) / 5 + 1;
	r.month = mp < 10 ? mp + 3 : mp - 9;
	r.year = yoe + era * 400 + (r.month <= 2);
	return r;
}

struct date date_add_days(struct date d, int n)
{
	return date_from_days(date_to_days(d) + n);
}

int32_t date_diff_days(struct date a, struct date b)
{
	return date_to_days(b) - date_to_days(a);
}

int date_weekday(struct date d)
{
	/* 1970-01-01 was a Thursday (4). */
	int32_t z = date_to_days(d);
	int w = (int)((z % 7 + 7 + 3) % 7); /* 0 = Monday */
	return w + 1;
}

int date_cmp(struct date a, struct date b)
{
	if(a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if(a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if(a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}
