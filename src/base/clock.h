/*
** clock.h — the one clock of styr: what "now" and "today" are.
**
** Time is UTC (the audit log, import stamps: clock_timestamp); the day is
** Swedish (clock_today: the calendar day in Sweden, CET or CEST), since
** a committee's deadlines, anslag and follow-ups are counted in the days
** of its municipality whatever zone the server runs in: at 00:30 in
** Stockholm it is already the next day there, not yet in UTC.
** $STYR_NOW pins the clock, so that tests and checks of an earlier day
** repeat: "2021-02-10" (that day) or "2021-02-10T13:00:00Z" (that
** instant, UTC). It is read once, by clock_init (the front door calls it
** first) or at the first reading.
*/
#ifndef STYR_CLOCK_H
#define STYR_CLOCK_H

#include <time.h>

#include "base/date.h"
#include "base/error.h"

/* "YYYY-MM-DDTHH:MM:SSZ" and its terminating NUL. */
#define CLOCK_TIMESTAMP_SIZE 21

/* Read $STYR_NOW. STYR_EINVAL, naming the variable and the forms
** expected, when it is set but not one of them; the clock then runs on
** the system time. */
enum styr_rc clock_init(struct styr_error *err);

/* Now as "YYYY-MM-DDTHH:MM:SSZ" into buf. */
void clock_timestamp(char buf[static CLOCK_TIMESTAMP_SIZE]);

/* The Swedish wall-clock time (CET or CEST) of stamp, an instant as
** clock_timestamp writes it, as "YYYY-MM-DD HH:MM" into buf: what a page
** shows a person. False, with stamp copied as it is, when stamp is not
** of that form. */
#define CLOCK_LOCAL_SIZE 17
bool clock_local_time(const char *stamp, char buf[static CLOCK_LOCAL_SIZE]);

/* The real-time instant ms milliseconds from now, for pthread's timed
** waits (CLOCK_REALTIME; never the pinned $STYR_NOW). */
struct timespec clock_wait_until(long ms);

/* Today's date in Sweden (the day $STYR_NOW names, or the Swedish day of
** its instant). */
struct date clock_today(void);

#endif
