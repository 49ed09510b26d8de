/*
** test_ops.c — the pure rules of the ops module against the worked
** examples of docs/ops-indicators.md, computed by hand there: Swedish
** summer time and the repeated autumn hour, timestamps as exports write
** them, business hours with holidays, and every indicator with its edge
** cases (reopen, pause, priority change, holiday, the autumn hour, a
** ticket created outside business hours), then the controls.
**
** Expected instants are written as UTC wall-clock times with the offset
** known for the day (CET +1, CEST +2) and converted with libc's timegm,
** not with the code under test.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "base/money.h"
#include "ops/ops_controls.h"
#include "ops/ops_hours.h"
#include "ops/ops_profile.h"
#include "ops/ops_rules.h"
#include "ops/ops_time.h"

/* The instant of local wall-clock y-m-d h:mi at UTC offset `off` hours. */
static int64_t T(int y, int m, int d, int h, int mi, int off)
{
	struct tm tm = { 0 };
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	return (int64_t)timegm(&tm) - off * 3600;
}

/* Winter (CET) and summer (CEST) local times. */
#define W(y, m, d, h, mi) T(y, m, d, h, mi, 1)
#define S(y, m, d, h, mi) T(y, m, d, h, mi, 2)

static struct date D(int y, int m, int d)
{
	return (struct date){ y, m, d };
}

/* ---- time ---- */

static void test_summer_rule(void **state)
{
	(void)state;
	int64_t a, b;
	/* 2020: 29 March and 25 October, 01:00 UTC */
	ops_tz_summer(2020, &a, &b);
	assert_int_equal(a, T(2020, 3, 29, 1, 0, 0));
	assert_int_equal(b, T(2020, 10, 25, 1, 0, 0));
	/* 1995, before the EU rule: the last Sunday of September */
	ops_tz_summer(1995, &a, &b);
	assert_int_equal(a, T(1995, 3, 26, 1, 0, 0));
	assert_int_equal(b, T(1995, 9, 24, 1, 0, 0));
	ops_tz_summer(1979, &a, &b);
	assert_int_equal(a, 0);
	assert_int_equal(ops_tz_offset(T(2020, 3, 29, 0, 59, 0)), 3600);
	assert_int_equal(ops_tz_offset(T(2020, 3, 29, 1, 0, 0)), 7200);
	assert_int_equal(ops_tz_offset(T(2020, 10, 25, 0, 59, 0)), 7200);
	assert_int_equal(ops_tz_offset(T(2020, 10, 25, 1, 0, 0)), 3600);
}

static void test_local_to_utc(void **state)
{
	(void)state;
	int64_t a, b;
	assert_int_equal(ops_tz_from_local(ops_civil(2020, 3, 2, 8, 0, 0), &a, &b), OPS_LOCAL_OK);
	assert_int_equal(a, W(2020, 3, 2, 8, 0));
	assert_int_equal(ops_tz_from_local(ops_civil(2020, 6, 18, 10, 0, 0), &a, &b), OPS_LOCAL_OK);
	assert_int_equal(a, S(2020, 6, 18, 10, 0));
	/* spring: 02:30 on 29 March 2020 never happened */
	assert_int_equal(ops_tz_from_local(ops_civil(2020, 3, 29, 2, 30, 0), &a, &b),
	                 OPS_LOCAL_MISSING);
	/* autumn: 02:30 on 25 October 2020 happened twice */
	assert_int_equal(ops_tz_from_local(ops_civil(2020, 10, 25, 2, 30, 0), &a, &b),
	                 OPS_LOCAL_REPEATED);
	assert_int_equal(a, S(2020, 10, 25, 2, 30));
	assert_int_equal(b, W(2020, 10, 25, 2, 30));
	assert_int_equal(b - a, 3600);
	assert_int_equal(ops_tz_from_local(ops_civil(2020, 10, 25, 3, 0, 0), &a, &b), OPS_LOCAL_OK);
	assert_int_equal(a, W(2020, 10, 25, 3, 0));
	assert_int_equal(ops_tz_to_local(W(2020, 10, 25, 2, 30)), ops_civil(2020, 10, 25, 2, 30, 0));
}

/* The worked example of the repeated hour: times in file order 02:10,
** 02:50, 02:05, 02:40 are 00:10, 00:50, 01:05 and 01:40 UTC. */
static void test_clock_repeated_hour(void **state)
{
	(void)state;
	static const char *const in[] = {
		"2020-10-25 01:55", "2020-10-25 02:10", "2020-10-25 02:50", "2020-10-25 02:05",
		"2020-10-25 02:40", "2020-10-25 03:10"
	};
	const int64_t want[] = {
		T(2020, 10, 24, 23, 55, 0), T(2020, 10, 25, 0, 10, 0), T(2020, 10, 25, 0, 50, 0),
		T(2020, 10, 25, 1, 5, 0), T(2020, 10, 25, 1, 40, 0), T(2020, 10, 25, 2, 10, 0)
	};
	struct ops_clock c;
	ops_clock_init(&c, false);
	for(int i = 0; i < 6; i++) {
		struct ops_stamp st;
		const char *why;
		int64_t t;
		assert_true(ops_stamp_parse(in[i], &st, &why));
		ops_clock_read(&c, &st, i + 2, &t);
		assert_int_equal(t, want[i]);
	}
	assert_int_equal(c.flagged, 4);
	assert_int_equal(c.first_flagged_line, 3);
	/* the spring hour is refused */
	struct ops_stamp st;
	const char *why;
	int64_t t;
	assert_true(ops_stamp_parse("2020-03-29 02:30", &st, &why));
	assert_int_equal(ops_clock_read(&c, &st, 9, &t), OPS_LOCAL_MISSING);
	/* a UTC export is not converted */
	ops_clock_init(&c, true);
	assert_true(ops_stamp_parse("2020-10-25 02:30", &st, &why));
	ops_clock_read(&c, &st, 2, &t);
	assert_int_equal(t, T(2020, 10, 25, 2, 30, 0));
	assert_int_equal(c.flagged, 0);
}

static void test_stamp_forms(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		int64_t local;   /* wall clock as UTC */
		bool utc;
	} ok[] = {
		{ "2020-04-30 13:45", 0, false }, { "2020-04-30T13:45", 0, false },
		{ "2020-04-30 13:45:00", 0, false }, { "2020-04-30T13:45:00.250", 0, false },
		{ "2020-04-30 13.45", 0, false }, { "2020-04-30 kl. 13.45", 0, false },
		{ "30/4 2020 13:45", 0, false }, { "30.4.2020 13:45", 0, false },
		{ "30.04.2020 13:45", 0, false }, { "30-04-2020 13:45", 0, false },
		{ "30 april 2020 13:45", 0, false }, { "30 apr. 2020 kl 13.45", 0, false },
		{ "20200430T134500", 0, false }, { "30/Apr/20 1:45 PM", 0, false },
		{ "2020-04-30T11:45:00Z", 0, true }, { "2020-04-30T13:45:00+02:00", 0, true },
		{ "2020-04-30T13:45+0200", 0, true },
	};
	int64_t want = T(2020, 4, 30, 13, 45, 0);
	for(size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		struct ops_stamp st;
		const char *why;
		if(!ops_stamp_parse(ok[i].s, &st, &why))
			fail_msg("not parsed: %s", ok[i].s);
		assert_int_equal(st.is_utc, ok[i].utc);
		assert_int_equal(st.secs, ok[i].utc ? T(2020, 4, 30, 11, 45, 0) : want);
	}
	static const char *const bad[] = {
		"", "13:45", "2020-02-30 10:00", "2020-04-30 25:00", "2020-04-30 13:61",
		"2020-04-30 13:45 xyz", "30/13 2020 10:00", "yesterday", "2020-04-30T13:45+99:00",
	};
	for(size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct ops_stamp st;
		const char *why = NULL;
		if(ops_stamp_parse(bad[i], &st, &why))
			fail_msg("parsed: %s", bad[i]);
		assert_non_null(why);
	}
	struct ops_stamp st;
	const char *why;
	assert_true(ops_stamp_parse("2020-04-30", &st, &why));
	assert_true(st.date_only);
	int64_t s;
	assert_true(ops_seconds_parse("75", &s));
	assert_int_equal(s, 75);
	assert_true(ops_seconds_parse("1:15", &s));
	assert_int_equal(s, 75);
	assert_true(ops_seconds_parse("0:01:15", &s));
	assert_int_equal(s, 75);
	assert_true(ops_seconds_parse("19,6", &s));
	assert_int_equal(s, 20);
	assert_false(ops_seconds_parse("-3", &s));
	assert_false(ops_seconds_parse("1:75", &s));
	struct date d;
	assert_true(ops_date_parse("30/4 2020", &d));
	assert_int_equal(d.day, 30);
	assert_false(ops_date_parse("2020-04-31", &d));
}

static void test_month_before(void **state)
{
	(void)state;
	struct date d = ops_month_before(D(2020, 3, 31));
	assert_int_equal(d.month, 2);
	assert_int_equal(d.day, 29);
	d = ops_month_before(D(2020, 1, 15));
	assert_int_equal(d.year, 2019);
	assert_int_equal(d.month, 12);
}

/* ---- business hours ---- */

static void test_business_hours(void **state)
{
	(void)state;
	struct ops_calendar c;
	ops_calendar_init(&c);
	assert_true(c.standard);
	/* the standard week: Monday 08-17 is 9 hours */
	assert_int_equal(ops_calendar_day_seconds(&c, D(2020, 3, 2)), 9 * 3600);
	/* Långfredagen, Annandag påsk, midsommarafton, a Saturday: closed */
	assert_int_equal(ops_calendar_day_seconds(&c, D(2020, 4, 10)), 0);
	assert_int_equal(ops_calendar_day_seconds(&c, D(2020, 4, 13)), 0);
	assert_int_equal(ops_calendar_day_seconds(&c, D(2020, 6, 19)), 0);
	assert_int_equal(ops_calendar_day_seconds(&c, D(2020, 3, 7)), 0);
	/* Thursday 19:30 before Easter to Tuesday 10:15 after: 2 h 15 min */
	assert_int_equal(ops_bt_between(&c, S(2020, 4, 9, 19, 30), S(2020, 4, 14, 10, 15)), 135 * 60);
	/* an organisation's own day off (klämdag) and a new version of its hours */
	ops_calendar_add_day_off(&c, D(2020, 5, 22));
	assert_int_equal(ops_calendar_day_seconds(&c, D(2020, 5, 22)), 0);
	for(int wd = 1; wd <= 5; wd++)
		assert_true(ops_calendar_add_hours(&c, D(2020, 1, 1), wd, 8 * 60, 17 * 60));
	for(int wd = 1; wd <= 4; wd++)
		assert_true(ops_calendar_add_hours(&c, D(2020, 6, 1), wd, 8 * 60, 16 * 60 + 30));
	assert_true(ops_calendar_add_hours(&c, D(2020, 6, 1), 5, 8 * 60, 12 * 60));
	assert_true(ops_calendar_add_hours(&c, D(2020, 6, 1), 5, 13 * 60, 15 * 60));
	assert_false(ops_calendar_add_hours(&c, D(2020, 6, 1), 5, 11 * 60, 14 * 60)); /* overlaps */
	assert_false(ops_calendar_add_hours(&c, D(2020, 6, 1), 5, 15 * 60, 15 * 60));  /* empty */
	assert_false(c.standard);
	assert_int_equal(ops_calendar_day_seconds(&c, D(2020, 5, 29)), 9 * 3600);
	assert_int_equal(ops_calendar_day_seconds(&c, D(2020, 6, 5)), 6 * 3600);
	assert_int_equal(ops_calendar_day_seconds(&c, D(2020, 6, 4)), 8 * 3600 + 1800);
	/* Friday 5 June 2020: 11:00 to 14:00 with lunch closed is 2 h */
	assert_int_equal(ops_bt_between(&c, S(2020, 6, 5, 11, 0), S(2020, 6, 5, 14, 0)), 2 * 3600);
	/* working days: 2 after Thursday 30 April 2020 is Tuesday 5 May */
	struct date d = ops_calendar_add_working_days(&c, D(2020, 4, 30), 2);
	assert_int_equal(d.month, 5);
	assert_int_equal(d.day, 5);
	ops_calendar_release(&c);
}

/* A 24/7 desk: the autumn day is 25 hours, the spring day 23. */
static void test_business_hours_autumn(void **state)
{
	(void)state;
	struct ops_calendar c;
	ops_calendar_init(&c);
	for(int wd = 1; wd <= 7; wd++)
		assert_true(ops_calendar_add_hours(&c, D(2000, 1, 1), wd, 0, 1440));
	assert_int_equal(ops_calendar_day_seconds(&c, D(2020, 10, 25)), 25 * 3600);
	assert_int_equal(ops_calendar_day_seconds(&c, D(2020, 3, 29)), 23 * 3600);
	/* 01:30 summer time to 03:30 winter time: 3 hours, the clock says 2 */
	assert_int_equal(ops_bt_between(&c, S(2020, 10, 25, 1, 30), W(2020, 10, 25, 3, 30)), 3 * 3600);
	ops_calendar_release(&c);
	/* office hours never see the changes: Saturday 23:00 to Monday 09:00 is 1 h */
	ops_calendar_init(&c);
	assert_int_equal(ops_bt_between(&c, S(2020, 10, 24, 23, 0), W(2020, 10, 26, 9, 0)), 3600);
	ops_calendar_release(&c);
}

/* ---- tickets ---- */

static struct ops_event EV(int64_t at, int kind, int code)
{
	return (struct ops_event){ at, kind, code, 0, NULL };
}

static struct ops_event GROUP(int64_t at, const char *g)
{
	return (struct ops_event){ at, OPS_EV_GROUP, 0, 0, g };
}

static struct ops_ticket ticket(const char *id, int type, int prio, int64_t created,
                                const struct ops_event *ev, size_t n)
{
	return (struct ops_ticket){ id, type, prio, created, 0, OPS_NONE, OPS_NONE, OPS_NONE,
	                            NULL, -1, ev, n };
}

/* Example H1: pause and reopening. Created Monday 2 March 2020 16:00;
** handling 330 min (5,5 h), pause 480 min, reopened once. */
static void test_handling_pause_reopen(void **state)
{
	(void)state;
	struct ops_calendar c;
	struct ops_rules r;
	struct ops_facts f;
	const struct ops_event ev[] = {
		EV(W(2020, 3, 2, 16, 30), OPS_EV_STATUS, OPS_ACTIVE),
		EV(W(2020, 3, 3, 9, 0), OPS_EV_STATUS, OPS_PAUSED),
		EV(W(2020, 3, 3, 13, 0), OPS_EV_STATUS, OPS_ACTIVE),
		EV(W(2020, 3, 3, 15, 0), OPS_EV_STATUS, OPS_RESOLVED),
		EV(W(2020, 3, 4, 10, 0), OPS_EV_STATUS, OPS_ACTIVE),
		EV(W(2020, 3, 4, 11, 30), OPS_EV_STATUS, OPS_RESOLVED),
		EV(W(2020, 3, 5, 9, 0), OPS_EV_STATUS, OPS_CLOSED),
	};
	struct ops_ticket t = ticket("INC-1", OPS_INCIDENT, OPS_NORMAL, W(2020, 3, 2, 16, 0), ev, 7);
	ops_calendar_init(&c);
	ops_rules_default(&r);
	ops_ticket_eval(&c, &r, &t, W(2020, 4, 1, 0, 0), &f);
	assert_true(f.resolved);
	assert_int_equal(f.state, OPS_CLOSED);
	assert_int_equal(f.resolution, W(2020, 3, 4, 11, 30));
	assert_int_equal(f.handling, 330 * 60);
	assert_int_equal(f.pause, 480 * 60);
	assert_int_equal(f.reopened, 1);
	assert_true(f.routine_ok);
	/* first response: left Ny at 16:30, 30 min, within 8 h */
	assert_int_equal(f.stop, OPS_STOP_LEFT_NEW);
	assert_int_equal(f.response, 30 * 60);
	/* as of Tuesday 16:00 it was resolved but not finally: not yet resolved
	** at the cut-off Wednesday 10:30, when it was open again */
	ops_ticket_eval(&c, &r, &t, W(2020, 3, 4, 10, 30), &f);
	assert_false(f.resolved);
	assert_true(f.open);
	ops_calendar_release(&c);
}

/* Example H2: created outside business hours before Easter. */
static void test_handling_holiday_outside_hours(void **state)
{
	(void)state;
	struct ops_calendar c;
	struct ops_rules r;
	struct ops_facts f;
	const struct ops_event ev[] = {
		EV(S(2020, 4, 14, 8, 5), OPS_EV_STATUS, OPS_ACTIVE),
		EV(S(2020, 4, 14, 10, 15), OPS_EV_STATUS, OPS_RESOLVED),
	};
	struct ops_ticket t = ticket("INC-2", OPS_INCIDENT, OPS_NORMAL, S(2020, 4, 9, 19, 30), ev, 2);
	ops_calendar_init(&c);
	ops_rules_default(&r);
	ops_ticket_eval(&c, &r, &t, S(2020, 5, 1, 0, 0), &f);
	assert_int_equal(f.handling, 135 * 60);
	assert_int_equal(f.response, 5 * 60);
	ops_calendar_release(&c);
}

/* A ticket through the autumn night on a 24/7 desk: 180 min, not 120. */
static void test_handling_autumn_hour(void **state)
{
	(void)state;
	struct ops_calendar c;
	struct ops_rules r;
	struct ops_facts f;
	const struct ops_event ev[] = {
		EV(W(2020, 10, 25, 3, 30), OPS_EV_STATUS, OPS_RESOLVED),
	};
	struct ops_ticket t = ticket("INC-3", OPS_INCIDENT, OPS_CRITICAL, S(2020, 10, 25, 1, 30), ev, 1);
	ops_calendar_init(&c);
	for(int wd = 1; wd <= 7; wd++)
		ops_calendar_add_hours(&c, D(2000, 1, 1), wd, 0, 1440);
	ops_rules_default(&r);
	ops_ticket_eval(&c, &r, &t, W(2020, 11, 1, 0, 0), &f);
	assert_int_equal(f.handling, 180 * 60);
	assert_false(f.routine_ok);      /* straight from Ny to resolved */
	assert_true(f.routine_known);
	ops_calendar_release(&c);
}

/* Example R1: the priority raised before the first reply counts; raised
** after it, it does not. */
static void test_response_priority_change(void **state)
{
	(void)state;
	struct ops_calendar c;
	struct ops_rules r;
	struct ops_facts f;
	struct ops_event ev[] = {
		{ W(2020, 3, 2, 8, 10), OPS_EV_PRIORITY, OPS_CRITICAL, OPS_NORMAL, NULL },
		{ W(2020, 3, 2, 8, 45), OPS_EV_REPLY, 0, 0, NULL },
		{ W(2020, 3, 2, 9, 0), OPS_EV_STATUS, OPS_ACTIVE, 0, NULL },
	};
	struct ops_ticket t = ticket("INC-4", OPS_INCIDENT, OPS_CRITICAL, W(2020, 3, 2, 8, 0), ev, 3);
	ops_calendar_init(&c);
	ops_rules_default(&r);
	ops_ticket_eval(&c, &r, &t, W(2020, 4, 1, 0, 0), &f);
	assert_int_equal(f.stop, OPS_STOP_REPLY);
	assert_int_equal(f.stop_at, W(2020, 3, 2, 8, 45));
	assert_int_equal(f.response, 45 * 60);
	assert_int_equal(f.response_prio, OPS_CRITICAL);
	assert_true(f.response > r.limit[OPS_CRITICAL]);     /* missed: 45 min > 30 min */
	/* R1b: the change at 09:00, after the reply */
	ev[0].at = W(2020, 3, 2, 9, 0);
	struct ops_event ev2[] = { ev[1], ev[0], ev[2] };
	t.ev = ev2;
	ops_ticket_eval(&c, &r, &t, W(2020, 4, 1, 0, 0), &f);
	assert_int_equal(f.response_prio, OPS_NORMAL);
	assert_true(f.response <= r.limit[OPS_NORMAL]);      /* met: 45 min <= 8 h */
	ops_calendar_release(&c);
}

/* Example R2: which event stops the clock. */
static void test_response_stop_precedence(void **state)
{
	(void)state;
	struct ops_calendar c;
	struct ops_rules r;
	struct ops_facts f;
	const struct ops_event ev[] = {
		GROUP(W(2020, 3, 2, 10, 5), "Servicedesk"),
		EV(W(2020, 3, 2, 10, 20), OPS_EV_STATUS, OPS_ACTIVE),
	};
	struct ops_ticket t = ticket("INC-5", OPS_INCIDENT, OPS_HIGH, W(2020, 3, 2, 10, 0), ev, 2);
	ops_calendar_init(&c);
	ops_rules_default(&r);
	ops_ticket_eval(&c, &r, &t, W(2020, 4, 1, 0, 0), &f);
	assert_int_equal(f.stop, OPS_STOP_LEFT_NEW);
	assert_int_equal(f.response, 20 * 60);
	/* only the assignment */
	t.nev = 1;
	ops_ticket_eval(&c, &r, &t, W(2020, 4, 1, 0, 0), &f);
	assert_int_equal(f.stop, OPS_STOP_ASSIGNED);
	assert_int_equal(f.response, 5 * 60);
	/* nothing yet at Monday 13:00: 3 h running, over the 2 h of high */
	t.nev = 0;
	const struct ops_event none[] = { EV(W(2020, 3, 2, 16, 0), OPS_EV_STATUS, OPS_ACTIVE) };
	t.ev = none;
	t.nev = 1;
	ops_ticket_eval(&c, &r, &t, W(2020, 3, 2, 13, 0), &f);
	assert_int_equal(f.stop, OPS_STOP_NONE);
	assert_int_equal(f.response, 3 * 3600);
	ops_calendar_release(&c);
}

/* Example S: resolved by the service desk, strict and loose. */
static void test_service_desk(void **state)
{
	(void)state;
	static const char *const desk[] = { "Servicedesk" };
	struct ops_calendar c;
	struct ops_rules r;
	struct ops_facts f;
	ops_calendar_init(&c);
	ops_rules_default(&r);
	r.desk = desk;
	r.ndesk = 1;
	int64_t t0 = W(2020, 3, 2, 9, 0);
	const struct ops_event a[] = { GROUP(t0 + 60, "Servicedesk"),
	                               EV(t0 + 3600, OPS_EV_STATUS, OPS_RESOLVED) };
	const struct ops_event b[] = { GROUP(t0 + 60, "Servicedesk"), GROUP(t0 + 120, "Nätverk"),
	                               GROUP(t0 + 180, "SERVICEDESK"),
	                               EV(t0 + 3600, OPS_EV_STATUS, OPS_RESOLVED) };
	const struct ops_event x[] = { GROUP(t0 + 60, "Servicedesk"), GROUP(t0 + 120, "Nätverk"),
	                               EV(t0 + 3600, OPS_EV_STATUS, OPS_RESOLVED) };
	struct ops_ticket t = ticket("A", OPS_INCIDENT, OPS_NORMAL, t0, a, 2);
	ops_ticket_eval(&c, &r, &t, t0 + 86400, &f);
	assert_int_equal(f.desk_strict, 1);
	assert_int_equal(f.desk_loose, 1);
	t.ev = b;
	t.nev = 4;
	ops_ticket_eval(&c, &r, &t, t0 + 86400, &f);
	assert_int_equal(f.desk_strict, 0);
	assert_int_equal(f.desk_loose, 1);
	t.ev = x;
	t.nev = 3;
	ops_ticket_eval(&c, &r, &t, t0 + 86400, &f);
	assert_int_equal(f.desk_strict, 0);
	assert_int_equal(f.desk_loose, 0);
	/* no group known at all */
	t.ev = a + 1;
	t.nev = 1;
	ops_ticket_eval(&c, &r, &t, t0 + 86400, &f);
	assert_int_equal(f.desk_strict, -1);
	/* without history: the exported group and resolved time */
	struct ops_ticket n = ticket("N", OPS_REQUEST, OPS_NORMAL, t0, NULL, 0);
	n.group = "Servicedesk";
	n.resolved = t0 + 7200;
	ops_ticket_eval(&c, &r, &n, t0 + 86400, &f);
	assert_true(f.resolved);
	assert_int_equal(f.desk_strict, 1);
	assert_int_equal(f.handling, 7200);
	assert_false(f.routine_known);
	ops_calendar_release(&c);
}

/* Examples O and D: open at the cut-off 2020-04-30, and orders. */
static void test_period_counts(void **state)
{
	(void)state;
	struct ops_calendar c;
	struct ops_rules r;
	struct ops_ticket_kpi k;
	struct ops_facts f;
	ops_calendar_init(&c);
	ops_rules_default(&r);
	ops_ticket_kpi_init(&k, D(2020, 4, 1), D(2020, 4, 30));
	assert_int_equal(k.to, S(2020, 5, 1, 0, 0));
	assert_int_equal(k.month_ago, S(2020, 4, 1, 0, 0));
	const struct ops_event e1[] = { EV(W(2020, 3, 20, 11, 0), OPS_EV_STATUS, OPS_ACTIVE) };
	const struct ops_event e2[] = { EV(S(2020, 4, 15, 11, 0), OPS_EV_STATUS, OPS_PAUSED) };
	const struct ops_event e3[] = { EV(S(2020, 4, 29, 11, 0), OPS_EV_STATUS, OPS_RESOLVED) };
	const struct ops_event e4[] = { EV(S(2020, 4, 2, 11, 0), OPS_EV_STATUS, OPS_ACTIVE) };
	const struct ops_event e5[] = { EV(S(2020, 4, 20, 11, 0), OPS_EV_STATUS, OPS_RESOLVED),
	                                EV(S(2020, 5, 2, 11, 0), OPS_EV_STATUS, OPS_ACTIVE) };
	/* orders: placed Thursday 30 April (1 May a holiday), delivered Tuesday
	** 5 May 16:00, in time; placed 18 June, delivered 24 June, late
	** (midsommarafton closed: the deadline is the end of 23 June) */
	const struct ops_event e6[] = { EV(S(2020, 5, 5, 16, 0), OPS_EV_STATUS, OPS_RESOLVED) };
	const struct ops_event e7[] = { EV(S(2020, 6, 24, 9, 0), OPS_EV_STATUS, OPS_RESOLVED) };
	struct ops_ticket t[] = {
		ticket("I1", OPS_INCIDENT, OPS_NORMAL, W(2020, 3, 20, 10, 0), e1, 1),
		ticket("R1", OPS_REQUEST, OPS_NORMAL, S(2020, 4, 15, 10, 0), e2, 1),
		ticket("I2", OPS_INCIDENT, OPS_NORMAL, W(2020, 2, 1, 10, 0), e3, 1),
		ticket("C1", OPS_CHANGE, OPS_NORMAL, S(2020, 4, 1, 10, 0), e4, 1),
		ticket("I3", OPS_INCIDENT, OPS_NORMAL, S(2020, 4, 6, 10, 0), e5, 2),
		ticket("O1", OPS_ORDER, OPS_NORMAL, S(2020, 4, 30, 14, 0), e6, 1),
	};
	for(size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		ops_ticket_eval(&c, &r, &t[i], k.to, &f);
		ops_ticket_kpi_add(&k, &c, &r, &t[i], &f);
	}
	assert_int_equal(k.open[OPS_OPEN_INCIDENT], 1);
	assert_int_equal(k.old[OPS_OPEN_INCIDENT], 1);
	assert_int_equal(k.open[OPS_OPEN_REQUEST], 2);    /* R1 and the order, undelivered */
	assert_int_equal(k.old[OPS_OPEN_REQUEST], 0);
	assert_int_equal(k.open[OPS_OPEN_CHANGE], 1);
	/* the order's deadline, the end of Tuesday 5 May, is after the cut-off */
	assert_int_equal(k.orders_pending, 1);
	ops_ticket_kpi_release(&k);

	assert_int_equal(ops_order_deadline(&c, 2, S(2020, 4, 30, 14, 0)), S(2020, 5, 6, 0, 0));
	assert_int_equal(ops_order_deadline(&c, 2, S(2020, 6, 18, 10, 0)), S(2020, 6, 24, 0, 0));
	ops_ticket_kpi_init(&k, D(2020, 4, 1), D(2020, 6, 30));
	struct ops_ticket o2 = ticket("O2", OPS_ORDER, OPS_NORMAL, S(2020, 6, 18, 10, 0), e7, 1);
	ops_ticket_eval(&c, &r, &t[5], k.to, &f);
	ops_ticket_kpi_add(&k, &c, &r, &t[5], &f);
	ops_ticket_eval(&c, &r, &o2, k.to, &f);
	ops_ticket_kpi_add(&k, &c, &r, &o2, &f);
	assert_int_equal(k.orders_on_time, 1);
	assert_int_equal(k.orders_late, 1);
	ops_ticket_kpi_release(&k);
	ops_calendar_release(&c);
}

/* The handling-time figures over several tickets: mean, median, p90. */
static void test_handling_figures(void **state)
{
	(void)state;
	struct ops_hist h = { 0 };
	/* 10 incidents of 30, 60, 60, 90, 120, 150, 180, 240, 330, 600 minutes */
	static const int m[] = { 600, 30, 60, 330, 90, 60, 120, 150, 240, 180 };
	for(int i = 0; i < 10; i++)
		ops_hist_add(&h, m[i]);
	assert_int_equal(h.sum, 1860);
	assert_int_equal(ops_hist_percentile(&h, 50), 120);   /* rank 5 */
	assert_int_equal(ops_hist_percentile(&h, 90), 330);   /* rank 9 */
	assert_int_equal(ops_hist_percentile(&h, 100), 600);
	struct ops_hist e = { 0 };
	assert_int_equal(ops_hist_percentile(&e, 50), -1);
	ops_hist_merge(&e, &h);
	assert_int_equal(ops_hist_percentile(&e, 90), 330);
	/* the mean: 1860 min / 10 = 186 min = 3,1 h */
	assert_int_equal(decimal_div(h.sum, 60 * h.total, 1), 31);
	ops_hist_release(&h);
	ops_hist_release(&e);
}

/* Example C: ten calls, three variants. */
static void test_calls(void **state)
{
	(void)state;
	struct ops_calls_kpi k;
	long n, d;
	static const int answered[] = { 5, 12, 20, 21, 45, 60, 61, 90 };
	ops_calls_init(&k, 20, 60, 5);
	for(int i = 0; i < 8; i++)
		ops_calls_add(&k, true, answered[i]);
	ops_calls_add(&k, false, 3);
	ops_calls_add(&k, false, 30);
	assert_true(ops_calls_share(&k, OPS_CALLS_STANDARD, 0, &n, &d));
	assert_int_equal(n, 3);
	assert_int_equal(d, 9);
	assert_int_equal(ops_percent(n, d, 2), 3333);
	ops_calls_share(&k, OPS_CALLS_STANDARD, 1, &n, &d);
	assert_int_equal(ops_percent(n, d, 2), 6667);
	ops_calls_share(&k, OPS_CALLS_ANSWERED, 0, &n, &d);
	assert_int_equal(ops_percent(n, d, 2), 3750);
	ops_calls_share(&k, OPS_CALLS_ANSWERED, 1, &n, &d);
	assert_int_equal(ops_percent(n, d, 2), 7500);
	ops_calls_share(&k, OPS_CALLS_OFFERED, 0, &n, &d);
	assert_int_equal(ops_percent(n, d, 2), 3000);
	ops_calls_share(&k, OPS_CALLS_OFFERED, 1, &n, &d);
	assert_int_equal(ops_percent(n, d, 2), 6000);
	/* the mean of the two levels, standard: 9 / 18 */
	assert_int_equal(ops_percent(3 + 6, 2 * 9, 2), 5000);
	ops_calls_init(&k, 20, 60, 5);
	assert_false(ops_calls_share(&k, OPS_CALLS_STANDARD, 0, &n, &d));
}

/* Example A: October 2020 has 745 hours; 99,32 %. */
static void test_availability(void **state)
{
	(void)state;
	struct ops_avail a;
	int64_t from = S(2020, 10, 1, 0, 0), to = W(2020, 11, 1, 0, 0);
	struct ops_window cover = { from, to };
	const struct ops_outage o[] = {
		{ S(2020, 10, 5, 10, 0), S(2020, 10, 5, 12, 0), OPS_DOWN },
		{ S(2020, 10, 10, 22, 0), S(2020, 10, 11, 2, 0), OPS_MAINTENANCE },
		{ S(2020, 10, 11, 1, 0), S(2020, 10, 11, 1, 30), OPS_DOWN },
		{ S(2020, 10, 20, 0, 0), S(2020, 10, 20, 6, 0), OPS_NODATA },
		{ S(2020, 10, 25, 1, 30), W(2020, 10, 25, 3, 30), OPS_DOWN },
	};
	ops_avail_compute(from, to, &cover, 1, o, 5, &a);
	assert_int_equal(a.period, 745 * 3600);
	assert_int_equal(a.missing, 6 * 3600);
	assert_int_equal(a.maintenance, 4 * 3600);
	assert_int_equal(a.down, 5 * 3600);
	int64_t measured = a.period - a.missing - a.maintenance;
	assert_int_equal(measured, 735 * 3600);
	assert_int_equal(ops_percent(measured - a.down, measured, 2), 9932);
	/* the monitoring export covers only the first half: the rest is missing */
	struct ops_window half = { from, S(2020, 10, 16, 0, 0) };
	ops_avail_compute(from, to, &half, 1, o, 5, &a);
	assert_int_equal(a.missing, (745 - 360) * 3600);
	assert_int_equal(a.down, 2 * 3600);
	/* nothing covered: no value, never 0 % or 100 % */
	ops_avail_compute(from, to, NULL, 0, o, 5, &a);
	assert_int_equal(a.missing, a.period);
}

/* ---- controls ---- */

static void test_control_status(void **state)
{
	(void)state;
	assert_string_equal(ops_control_status(0, 1, 0), "Inga avvikelser");
	assert_string_equal(ops_control_status(26, 1, 50), "Mindre avvikelser");
	assert_string_equal(ops_control_status(62, 1, 50), "Större avvikelser");
	assert_string_equal(ops_control_status(5, 10, 0), "Inga avvikelser");
}

struct diffs {
	char lines[8][64];
	int n;
};

static void on_diff(void *ctx, const char *key, enum ops_diff_side side)
{
	struct diffs *d = ctx;
	snprintf(d->lines[d->n++], 64, "%d %s", (int)side, key);
}

static void test_asset_compare(void **state)
{
	(void)state;
	char k[32];
	ops_asset_key("  pc-lek-öst01 ", k, sizeof(k));
	assert_string_equal(k, "PC-LEK-ÖST01");
	const char *const a[] = { "PC1", "PC2", "PC2", "PC4", "PC5" };
	const char *const b[] = { "PC1", "PC3", "PC4" };
	struct diffs d = { .n = 0 };
	struct ops_diff_counts n;
	ops_asset_compare(a, 5, b, 3, on_diff, &d, &n);
	assert_int_equal(n.a, 5);
	assert_int_equal(n.b, 3);
	assert_int_equal(n.both, 2);
	assert_int_equal(n.only_a, 2);   /* PC2, PC5 */
	assert_int_equal(n.only_b, 1);   /* PC3 */
	assert_int_equal(n.twice_a, 1);  /* PC2 */
	assert_int_equal(d.n, 4);
	assert_string_equal(d.lines[0], "2 PC2");
	assert_string_equal(d.lines[1], "0 PC2");
	assert_string_equal(d.lines[2], "1 PC3");
	assert_string_equal(d.lines[3], "0 PC5");
}

static void test_sample(void **state)
{
	(void)state;
	/* SplitMix64's published first output for seed 0 */
	uint64_t s = 0;
	assert_true(ops_splitmix64(&s) == UINT64_C(0xe220a8397b1dcdaf));
	static const char *const sup[] = { "Atea", "Atea", "Telia", "Tieto", "Oracle", "Atea",
	                                   "Partner54", "Telia", "HP", "Efecte" };
	size_t a[5], b[5], c[5];
	assert_int_equal(ops_sample(10, sup, true, 12345, 5, a), 5);
	assert_int_equal(ops_sample(10, sup, true, 12345, 5, b), 5);
	assert_memory_equal(a, b, sizeof(a));          /* the same seed, the same sample */
	for(int i = 0; i < 5; i++)
		for(int j = 0; j < i; j++)
			assert_string_not_equal(sup[a[i]], sup[a[j]]);
	ops_sample(10, sup, true, 54321, 5, c);
	assert_true(memcmp(a, c, sizeof(a)) != 0);
	/* fewer suppliers than asked for */
	static const char *const one[] = { "Atea", "Atea", "Atea" };
	assert_int_equal(ops_sample(3, one, true, 1, 5, a), 1);
	assert_int_equal(ops_sample(3, one, false, 1, 5, a), 3);
	assert_int_equal(ops_random_below(&s, 1), 0);
}

struct bfind {
	char lines[8][32];
	int n;
};

static void on_backup(void *ctx, struct date day, enum ops_backup_finding what)
{
	struct bfind *b = ctx;
	char iso[11];
	date_format_iso(day, iso);
	snprintf(b->lines[b->n++], 32, "%s %d", iso, (int)what);
}

/* Example B: 27-30 April 2020, daily. */
static void test_backup(void **state)
{
	(void)state;
	struct ops_calendar c;
	struct bfind f = { .n = 0 };
	const struct ops_backup_run runs[] = {
		{ S(2020, 4, 27, 22, 0), OPS_BACKUP_OK },
		{ S(2020, 4, 28, 22, 0), OPS_BACKUP_FAILED },
		{ S(2020, 4, 28, 23, 30), OPS_BACKUP_WARNING },
		{ S(2020, 4, 29, 22, 0), OPS_BACKUP_FAILED },
	};
	ops_calendar_init(&c);
	assert_int_equal(ops_backup_check(&c, runs, 4, OPS_DAILY, D(2020, 4, 27), D(2020, 4, 30),
	                                  on_backup, &f), 2);
	assert_string_equal(f.lines[0], "2020-04-29 1");
	assert_string_equal(f.lines[1], "2020-04-30 0");
	/* on working days only, a missing Saturday is no finding */
	f.n = 0;
	assert_int_equal(ops_backup_check(&c, runs, 1, OPS_WORKDAYS, D(2020, 4, 25), D(2020, 4, 27),
	                                  on_backup, &f), 0);
	ops_calendar_release(&c);
}

static void test_profile_words(void **state)
{
	(void)state;
	struct ops_profile p;
	int code;
	ops_profile_init(&p);
	assert_true(ops_profile_word(&p, OPS_VOC_STATUS, "Väntar på kund", "paused"));
	assert_true(ops_profile_word(&p, OPS_VOC_STATUS, "Pågår", "active"));
	assert_false(ops_profile_word(&p, OPS_VOC_STATUS, "X", "sleeping"));
	assert_true(ops_profile_lookup(&p, OPS_VOC_STATUS, " väntar PÅ KUND ", &code));
	assert_int_equal(code, OPS_PAUSED);
	assert_false(ops_profile_lookup(&p, OPS_VOC_STATUS, "Okänd", &code));
	assert_true(ops_heading_equal("Skapad", "\xEF\xBB\xBF skapad "));
	char known[64];
	ops_profile_known(&p, OPS_VOC_STATUS, known, sizeof(known));
	assert_string_equal(known, "\"Pågår\", \"Väntar på kund\"");
	ops_profile_release(&p);
	assert_int_equal(ops_field_index(OPS_SRC_TICKETS, "created"), OPS_T_CREATED);
	assert_int_equal(ops_field_index(OPS_SRC_TICKETS, "delivered"), OPS_T_DELIVERED);
	assert_int_equal(ops_field_index(OPS_SRC_HISTORY, "visibility"), OPS_H_VISIBILITY);
	assert_int_equal(ops_field_index(OPS_SRC_CALLS, "id"), OPS_C_ID);
	assert_int_equal(ops_field_index(OPS_SRC_AVAILABILITY, "category"), OPS_A_CATEGORY);
	assert_int_equal(ops_field_index(OPS_SRC_ASSETS, "status"), OPS_S_STATUS);
	assert_int_equal(ops_field_index(OPS_SRC_INVOICES, "text"), OPS_I_TEXT);
	assert_int_equal(ops_field_index(OPS_SRC_BACKUP, "result"), OPS_B_RESULT);
	assert_int_equal(ops_field_index(OPS_SRC_TICKETS, "wait"), -1);
}

struct unpacked {
	struct ops_event ev[4];
	char text[4][16];
	int n;
};

static void on_event(void *ctx, const struct ops_event *e, const char *text, size_t len)
{
	struct unpacked *u = ctx;
	u->ev[u->n] = *e;
	snprintf(u->text[u->n], sizeof(u->text[0]), "%.*s", (int)len, text ? text : "");
	u->n++;
}

/* History events packed into a row and back, a group name with ';' in it. */
static void test_events_pack(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	int64_t prev = 0;
	const struct ops_event ev[] = {
		{ W(2020, 3, 2, 9, 0), OPS_EV_GROUP, 0, 0, "Nät;verk" },
		{ W(2020, 3, 2, 8, 0), OPS_EV_PRIORITY, OPS_CRITICAL, OPS_NORMAL, NULL },
		{ W(2020, 3, 2, 10, 0), OPS_EV_STATUS, OPS_RESOLVED, 0, NULL },
	};
	for(int i = 0; i < 3; i++)
		ops_events_pack(&sb, &prev, &ev[i]);
	struct unpacked u = { .n = 0 };
	assert_true(ops_events_unpack(sb.buf, on_event, &u));
	assert_int_equal(u.n, 3);
	for(int i = 0; i < 3; i++) {
		assert_int_equal(u.ev[i].at, ev[i].at);
		assert_int_equal(u.ev[i].kind, ev[i].kind);
		assert_int_equal(u.ev[i].code, ev[i].code);
		assert_int_equal(u.ev[i].old, ev[i].old);
	}
	assert_string_equal(u.text[0], "Nät;verk");
	assert_string_equal(u.text[1], "");
	u.n = 0;
	assert_false(ops_events_unpack("12;1;x", on_event, &u));
	assert_false(ops_events_unpack("1;3;0;0;9;short", on_event, &u));
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summer_rule),
		cmocka_unit_test(test_local_to_utc),
		cmocka_unit_test(test_clock_repeated_hour),
		cmocka_unit_test(test_stamp_forms),
		cmocka_unit_test(test_month_before),
		cmocka_unit_test(test_business_hours),
		cmocka_unit_test(test_business_hours_autumn),
		cmocka_unit_test(test_handling_pause_reopen),
		cmocka_unit_test(test_handling_holiday_outside_hours),
		cmocka_unit_test(test_handling_autumn_hour),
		cmocka_unit_test(test_response_priority_change),
		cmocka_unit_test(test_response_stop_precedence),
		cmocka_unit_test(test_service_desk),
		cmocka_unit_test(test_period_counts),
		cmocka_unit_test(test_handling_figures),
		cmocka_unit_test(test_calls),
		cmocka_unit_test(test_availability),
		cmocka_unit_test(test_control_status),
		cmocka_unit_test(test_asset_compare),
		cmocka_unit_test(test_sample),
		cmocka_unit_test(test_backup),
		cmocka_unit_test(test_profile_words),
		cmocka_unit_test(test_events_pack),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
