/*
** calendar.h — the Swedish calendar: public holidays (lag 1989:253), the
** days treated as holidays for working time (midsommarafton, julafton,
** nyårsafton), working days, and deadlines moved past holidays
** (lag 1930:173 om beräkning av lagstadgad tid).
**
** Everything is computed from rules, for any year from 1900 to 2199;
** nothing is a table of dates. Easter is the anonymous Gregorian
** algorithm. Before 2005 Annandag pingst is a holiday and 6 June is not;
** from 2005 the reverse.
*/
#ifndef STYR_CALENDAR_H
#define STYR_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/date.h"

enum holiday_kind {
	HOLIDAY_PUBLIC, /* allmän helgdag by law */
	HOLIDAY_EVE     /* midsommarafton, julafton, nyårsafton: treated as holidays */
};

struct holiday {
	struct date date;
	const char *name;       /* Swedish name, e.g. "Kristi himmelsfärds dag" */
	enum holiday_kind kind;
};

/* An organisation's own days off (klämdagar); may be NULL everywhere. */
struct days_off {
	const struct date *days;
	size_t count;
};

#define CALENDAR_MAX_HOLIDAYS 24

/* Fill out[] with the holidays and eves of `year` sorted by date (ordinary
** Sundays not included); returns how many (16 for every year: 13 public
** holidays and 3 eves). Two entries may share a date. */
size_t calendar_holidays(int year, struct holiday out[CALENDAR_MAX_HOLIDAYS]);

struct date calendar_easter_sunday(int year);

/* The Swedish name of the holiday or eve on d, or NULL. Ordinary Sundays
** give "Söndag". When two holidays share the day (Första maj and Kristi
** himmelsfärds dag in 2008) the first of calendar_holidays() is named. */
const char *calendar_holiday_name(struct date d);

/* Working day: not Saturday, not Sunday, not a holiday or eve, not one of
** the organisation's days off. */
bool calendar_is_workday(struct date d, const struct days_off *off);

/* d itself when it is a working day, otherwise the next one. This is the
** rule of lag 1930:173 for a deadline. */
struct date calendar_next_workday(struct date d, const struct days_off *off);

/* Working days from `from` to `to`, both included; 0 when to < from.
** Linear in the length of the range (holidays computed once per year). */
int calendar_count_workdays(struct date from, struct date to,
                            const struct days_off *off);

#endif
