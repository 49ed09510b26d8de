/*
** legaldates.h — the legal dates of a protocol under kommunallagen:
** justering within 14 days of the meeting (KL 5 kap. 69 §), anslag
** within 2 days of the justering (KL 8 kap. 12 §), and the appeal period
** (laglighetsprövning, KL 13 kap. 5 §) of three weeks from the day of
** anslag. Each of the three is a deadline in law, so each moves to the
** next working day when it falls on a Saturday, Sunday, public holiday,
** midsommarafton, julafton or nyårsafton (lag 1930:173 om beräkning av
** lagstadgad tid). The anslag stays up until the day after the last day
** of appeal.
**
** For a joint committee (gemensam nämnd) the period runs from the latest
** anslag among the member municipalities.
**
** Pure: no I/O. Holidays come from calendar.h.
*/
#ifndef STYR_LEGALDATES_H
#define STYR_LEGALDATES_H

#include <stdbool.h>
#include <stddef.h>

#include "base/calendar.h"
#include "base/date.h"

#define LEGAL_JUSTERING_DAYS 14  /* justering within 14 days of the meeting */
#define LEGAL_ANSLAG_DAYS     2  /* anslag within 2 days of the justering */
#define LEGAL_APPEAL_DAYS    21  /* three weeks from the day of anslag */

/* True when lag 1930:173 moves a deadline falling on d to a later day:
** d is a Saturday, a Sunday, a public holiday, midsommarafton, julafton
** or nyårsafton. */
bool legal_day_moves(struct date d);

/* Latest day for the justering: meeting + 14 days, or the next working
** day after it when lag 1930:173 moves that day. */
struct date legal_justering_deadline(struct date meeting);

/* Latest day for the anslag: justering + 2 days, or the next working day
** after it when lag 1930:173 moves that day. */
struct date legal_anslag_deadline(struct date justering);

/* Whether deadline, computed from start + days, was moved by lag
** 1930:173 (it is later than start + days). */
bool legal_moved(struct date start, int days, struct date deadline);

struct appeal_dates {
	struct date anslag;      /* the anslag the period runs from (the latest) */
	struct date nominal;     /* anslag + 21 days, before moving past holidays */
	struct date last_day;    /* last day of appeal (nominal, or the next working day) */
	bool moved;              /* last_day != nominal */
	struct date removal;     /* the anslag stays up until this day (last_day + 1) */
};

/* The appeal period from the anslag dates of the member municipalities
** (n >= 1; each a valid date): runs from the latest of them. off may be
** NULL (the law knows no organisation's days off; pass NULL for legal
** deadlines). */
void legal_appeal(const struct date *anslag, size_t n, const struct days_off *off,
                  struct appeal_dates *out);

#endif
