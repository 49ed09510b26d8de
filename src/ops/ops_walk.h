/*
** ops_walk.h — reading stored tickets back with their history, one
** ticket at a time (private to the ops module: ops_kpi.c, ops_control.c).
**
** Tickets and history events are read in ticket order through two
** statements and merged, so memory holds one ticket's history whatever
** the number of tickets. A ticket exported by more than one import is
** read once, from the newest; events are taken from every history import
** of the same profile.
*/
#ifndef STYR_OPS_WALK_H
#define STYR_OPS_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/error.h"
#include "base/strbuf.h"
#include "ops/ops_rules.h"

struct store;

/* Called once per ticket; t and its strings are valid during the call. */
typedef enum styr_rc (*ops_ticket_fn)(void *ctx, const struct ops_ticket *t,
                                      struct styr_error *err);

struct ops_walk_stats {
	long tickets, events;
	long orphan_events;    /* history rows of tickets no import holds */
	long duplicates;       /* older copies of a ticket skipped */
};

/* Walk every ticket of every ticket import created before `before` (an
** instant; INT64_MAX for all). */
enum styr_rc ops_walk_tickets(struct store *s, int64_t before, ops_ticket_fn fn, void *ctx,
                              struct ops_walk_stats *stats, struct styr_error *err);

/* The same, split over two threads by ticket number: the second reads
** through its own read-only connection to the database file, and fn is
** called with ctx[0] from the calling thread and ctx[1] from the other
** (each context is used by one thread only). One thread when the tables
** are small, when a second connection cannot be opened, or when
** $STYR_OPS_THREADS is 1. */
enum styr_rc ops_walk_tickets2(struct store *s, int64_t before, ops_ticket_fn fn, void *ctx[2],
                               struct ops_walk_stats *stats, struct styr_error *err);

/* The imports of a source, for provenance: "#3 tickets.csv (efecte,
** 2020-01-01–2020-12-31), #4 ..." appended to sb; returns how many and the
** rows they hold in *rows. When a period is given, only imports whose
** period meets [from, to] are named. */
int ops_files_of(struct store *s, const char *source, const struct date *from,
                 const struct date *to, struct strbuf *sb, long *rows, struct styr_error *err);

/* Hours as "6,3" from seconds (one decimal, rounded half away from zero). */
void ops_fmt_hours(struct strbuf *sb, int64_t seconds);

/* A response limit for people: "30 min", "2 h", "1 h 30 min". */
void ops_fmt_limit(struct strbuf *sb, int64_t seconds);

#endif
