/*
** calendar.c — the Swedish calendar (see calendar.h).
**
** The holidays of a year are computed from the rules of lag 1989:253: fixed
** dates, dates relative to Easter Sunday, and two Saturdays found within a
** week (Midsommardagen 20–26 June, Alla helgons dag 31 October–6 November).
** The eves that working-time law treats as holidays (midsommarafton,
** julafton, nyårsafton) are listed with kind HOLIDAY_EVE. Nothing is a
** table of dates.
*/
#include "base/calendar.h"

#include <assert.h>

/* Anonymous Gregorian algorithm (Meeus, Jones, Butcher). */
struct date calendar_easter_sunday(int year)
{
	int a = year % 19;
	int b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4;
	int f = (b + 8) / 25;
	int g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;
	return (struct date){ year, month, day };
}

/* The Saturday in the seven days starting at y-m-d. */
static struct date saturday_from(int y, int m, int d)
{
	struct date first = { y, m, d };
	return date_add_days(first, (6 - date_weekday(first) + 7) % 7);
}

static void add(struct holiday *out, size_t *n, struct date d, const char *name,
                enum holiday_kind kind)
{
	assert(*n < CALENDAR_MAX_HOLIDAYS);
	out[*n] = (struct holiday){ d, name, kind };
	(*n)++;
}

size_t calendar_holidays(int year, struct holiday out[CALENDAR_MAX_HOLIDAYS])
{
	size_t n = 0;
	struct date easter = calendar_easter_sunday(year);
	struct date midsommar = saturday_from(year, 6, 20);

	add(out, &n, (struct date){ year, 1, 1 }, "Nyårsdagen", HOLIDAY_PUBLIC);
	add(out, &n, (struct date){ year, 1, 6 }, "Trettondedag jul", HOLIDAY_PUBLIC);
	add(out, &n, date_add_days(easter, -2), "Långfredagen", HOLIDAY_PUBLIC);
	add(out, &n, easter, "Påskdagen", HOLIDAY_PUBLIC);
	add(out, &n, date_add_days(easter, 1), "Annandag påsk", HOLIDAY_PUBLIC);
	add(out, &n, (struct date){ year, 5, 1 }, "Första maj", HOLIDAY_PUBLIC);
	add(out, &n, date_add_days(easter, 39), "Kristi himmelsfärds dag", HOLIDAY_PUBLIC);
	add(out, &n, date_add_days(easter, 49), "Pingstdagen", HOLIDAY_PUBLIC);
	if(year < 2005)
		add(out, &n, date_add_days(easter, 50), "Annandag pingst", HOLIDAY_PUBLIC);
	else
		add(out, &n, (struct date){ year, 6, 6 }, "Sveriges nationaldag", HOLIDAY_PUBLIC);
	add(out, &n, date_add_days(midsommar, -1), "Midsommarafton", HOLIDAY_EVE);
	add(out, &n, midsommar, "Midsommardagen", HOLIDAY_PUBLIC);
	add(out, &n, saturday_from(year, 10, 31), "Alla helgons dag", HOLIDAY_PUBLIC);
	add(out, &n, (struct date){ year, 12, 24 }, "Julafton", HOLIDAY_EVE);
	add(out, &n, (struct date){ year, 12, 25 }, "Juldagen", HOLIDAY_PUBLIC);
	add(out, &n, (struct date){ year, 12, 26 }, "Annandag jul", HOLIDAY_PUBLIC);
	add(out, &n, (struct date){ year, 12, 31 }, "Nyårsafton", HOLIDAY_EVE);

	/* Stable insertion sort: the only moving parts are the Easter days,
	** which may pass 1 May and 6 June; on a shared date (Första maj and
	** Kristi himmelsfärds dag in 2008) the order above is kept. */
	for(size_t i = 1; i < n; i++) {
		struct holiday h = out[i];
		size_t j = i;
		for(; j > 0 && date_cmp(out[j - 1].date, h.date) > 0; j--)
			out[j] = out[j - 1];
		out[j] = h;
	}
	return n;
}

/* The holidays of one year, computed once and reused while a loop stays
** in that year. The cache belongs to the caller (no hidden state). */
struct year_cache {
	int year;
	size_t n;
	struct holiday h[CALENDAR_MAX_HOLIDAYS];
};

static const struct holiday *find(struct year_cache *c, struct date d)
{
	if(c->year != d.year) {
		c->n = calendar_holidays(d.year, c->h);
		c->year = d.year;
	}
	for(size_t i = 0; i < c->n; i++)
		if(!date_cmp(c->h[i].date, d))
			return &c->h[i];
	return NULL;
}

const char *calendar_holiday_name(struct date d)
{
	struct year_cache c = { .year = 0 };
	const struct holiday *h = find(&c, d);
	if(h)
		return h->name;
	return date_weekday(d) == 7 ? "Söndag" : NULL;
}

static bool is_off(struct date d, const struct days_off *off)
{
	for(size_t i = 0; off && i < off->count; i++)
		if(!date_cmp(off->days[i], d))
			return true;
	return false;
}

static bool workday(struct year_cache *c, struct date d, const struct days_off *off)
{
	return date_weekday(d) <= 5 && !find(c, d) && !is_off(d, off);
}

bool calendar_is_workday(struct date d, const struct days_off *off)
{
	struct year_cache c = { .year = 0 };
	return workday(&c, d, off);
}

struct date calendar_next_workday(struct date d, const struct days_off *off)
{
	struct year_cache c = { .year = 0 };
	while(!workday(&c, d, off))
		d = date_add_days(d, 1);
	return d;
}

int calendar_count_workdays(struct date from, struct date to,
                            const struct days_off *off)
{
	struct year_cache c = { .year = 0 };
	int n = 0;
	for(int32_t day = date_to_days(from), end = date_to_days(to); day <= end; day++)
		n += workday(&c, date_from_days(day), off);
	return n;
}
