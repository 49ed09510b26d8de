/*
** clock.h — the one clock of styr: what "now" and "today" are.
**
** Time is UTC everywhere (audit log, import stamps, "today" in checks).
** $STYR_NOW pins the clock, so that tests and checks of an earlier day
** repeat: "2021-02-10" or "2021-02-10T13:00:00Z". It is read once, by
** clock_init (the front door calls it first) or at the first reading.
*/
#ifndef STYR_CLOCK_H
#define STYR_CLOCK_H

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

/* Today's date (UTC). */
struct date clock_today(void);

#endif
