/*
** legaldates.c — justering, anslag and appeal dates (see legaldates.h).
*/
#include "base/legaldates.h"

#include <assert.h>

bool legal_day_moves(struct date d)
{
	return !calendar_is_workday(d, NULL);
}

/* The law knows no organisation's days off: NULL. */
struct date legal_justering_deadline(struct date meeting)
{
	return calendar_next_workday(date_add_days(meeting, LEGAL_JUSTERING_DAYS), NULL);
}

struct date legal_anslag_deadline(struct date justering)
{
	return calendar_next_workday(date_add_days(justering, LEGAL_ANSLAG_DAYS), NULL);
}

bool legal_moved(struct date start, int days, struct date deadline)
{
	return date_cmp(deadline, date_add_days(start, days)) > 0;
}

void legal_appeal(const struct date *anslag, size_t n, const struct days_off *off,
                  struct appeal_dates *out)
{
	assert(n >= 1);
	struct date latest = anslag[0];
	for(size_t i = 1; i < n; i++)
		if(date_cmp(anslag[i], latest) > 0)
			latest = anslag[i];
	out->anslag = latest;
	out->nominal = date_add_days(latest, LEGAL_APPEAL_DAYS);
	out->last_day = calendar_next_workday(out->nominal, off);
	out->moved = date_cmp(out->last_day, out->nominal) != 0;
	out->removal = date_add_days(out->last_day, 1);
}
