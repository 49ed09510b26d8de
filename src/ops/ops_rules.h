/*
** ops_rules.h — the service indicators computed from operational data
** (pure: no I/O, no store). docs/ops-indicators.md defines each one with
** its edge cases and a worked example; the unit tests use those examples.
**
** Tickets are read in a canonical form (whatever system exported them):
** a type, a priority, a creation instant and the ticket's history as a
** list of events (status, priority, assignment group, assignee, reply to
** the customer) sorted by time. ops_ticket_eval() replays the history up
** to a cut-off and derives a ticket's facts; ops_ticket_kpi_add() counts
** them into the indicators of a period. Calls, availability and the
** helpers for percentiles and shares are below.
**
** Instants are seconds since 1970 UTC (ops_time.h); business time is
** measured on the organisation's calendar (ops_hours.h).
*/
#ifndef STYR_OPS_RULES_H
#define STYR_OPS_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "ops/ops_hours.h"

#define OPS_NONE INT64_MIN  /* an instant not given */

enum ops_type { OPS_INCIDENT = 1, OPS_REQUEST, OPS_CHANGE, OPS_ORDER, OPS_OTHER };

/* Priority 1 is the highest. 0: none given. */
enum ops_prio { OPS_CRITICAL = 1, OPS_HIGH, OPS_NORMAL, OPS_LOW };
#define OPS_NPRIO 5

enum ops_status {
	OPS_NEW = 1,      /* registered, nobody has taken it */
	OPS_ACTIVE,       /* being worked on */
	OPS_PAUSED,       /* the clock stops: waiting for the customer or a supplier */
	OPS_RESOLVED,
	OPS_CLOSED,
	OPS_CANCELLED
};

enum ops_event_kind {
	OPS_EV_STATUS = 1, OPS_EV_PRIORITY, OPS_EV_GROUP, OPS_EV_ASSIGNEE, OPS_EV_REPLY
};

/* Names as data and profiles write them ("incident", "critical", ...);
** index by the enum, entry 0 NULL. */
extern const char *const ops_type_names[];
extern const char *const ops_prio_names[];
extern const char *const ops_status_names[];
extern const char *const ops_event_names[];

struct ops_event {
	int64_t at;
	int kind;             /* enum ops_event_kind */
	int code;             /* STATUS: new status; PRIORITY: new priority */
	int old;              /* PRIORITY: the priority before, 0 when not exported */
	const char *text;     /* GROUP, ASSIGNEE: the name */
};

struct ops_ticket {
	const char *id;
	int type;             /* enum ops_type */
	int priority;         /* as exported: the current one */
	int64_t created;
	int status;           /* as exported, 0 when not */
	int64_t resolved, closed, delivered; /* OPS_NONE when not exported */
	const char *group;    /* as exported, NULL when not */
	int solution;         /* 1 a solution text was exported, 0 empty, -1 no such column */
	const struct ops_event *ev; /* history, sorted by at (stable) */
	size_t nev;
};

/* What stops the first-response clock of a ticket, in order of precedence. */
enum ops_stop { OPS_STOP_NONE, OPS_STOP_REPLY, OPS_STOP_LEFT_NEW, OPS_STOP_ASSIGNED };
extern const char *const ops_stop_names[];

struct ops_rules {
	int64_t limit[OPS_NPRIO];    /* response limit in business seconds; < 0 none */
	const char *const *desk;     /* the service desk's groups */
	size_t ndesk;
	int order_days;              /* working days to deliver an order: 2 */
};

/* The defaults of docs/ops-indicators.md: 30 min, 2 h, 8 h, none for low;
** no service-desk group; 2 working days. */
void ops_rules_default(struct ops_rules *r);

/* A ticket replayed up to a cut-off instant (events at or after it are
** not yet known). */
struct ops_facts {
	int state;            /* status at the cut-off */
	bool open;            /* new, active or paused at the cut-off */
	bool cancelled;
	bool resolved;        /* resolved or closed at the cut-off */
	int64_t resolution;   /* when it was finally resolved (last entry into
	                         resolved/closed not followed by a reopening) */
	int64_t handling;     /* business seconds from creation to resolution
	                         minus time in pause (paused, and resolved until
	                         reopened) */
	int64_t pause;        /* business seconds in pause until resolution */
	int reopened;         /* times reopened before the cut-off */
	int stop;             /* enum ops_stop */
	int64_t stop_at;      /* OPS_NONE when none */
	int64_t response;     /* business seconds to the stop, or to the cut-off */
	int response_prio;    /* highest priority held before the stop (or cut-off) */
	int desk_strict;      /* 1 only service-desk groups ever; 0 not; -1 no group known */
	int desk_loose;       /* 1 the group holding it at resolution is the desk's */
	bool routine_known;   /* the history has status changes */
	bool routine_ok;      /* it was active (in progress) before its resolution */
	int64_t delivered;    /* orders: delivered (column, else resolution) or OPS_NONE */
	long early_events;    /* events dated before the ticket's creation (taken at it) */
};

/* Replay t up to `cut` on calendar cal. The history t->ev must be sorted
** by time; without status events the exported status and resolved/closed
** instants stand in for them (docs/ops-indicators.md, "No history"). */
void ops_ticket_eval(struct ops_calendar *cal, const struct ops_rules *r,
                     const struct ops_ticket *t, int64_t cut, struct ops_facts *f);

/*
** The packed form of history events (ops_history.events): per event its
** instant as the difference from the event before (the first from 0),
** kind, code and old code as decimal numbers each ended by ';', then the
** text's length and ';' and its bytes (length 0 when none). Events are
** packed in file order; readers sort a ticket's events by time, stably.
*/
void ops_events_pack(struct strbuf *sb, int64_t *prev, const struct ops_event *e);

/* Unpack events from s, calling fn for each (text points into a copy the
** callee must take). False when s is not in the packed form. */
bool ops_events_unpack(const char *s, void (*fn)(void *ctx, const struct ops_event *e,
                                                 const char *text, size_t len),
                       void *ctx);

/* ---- percentiles over whole minutes, memory bound by the largest value ---- */

struct ops_hist {
	uint32_t *count;      /* count[m]: values of m minutes */
	size_t n;             /* length of count */
	long total;
	int64_t sum;          /* of the values (minutes) */
};

void ops_hist_add(struct ops_hist *h, int64_t minutes);
/* Nearest rank: the smallest value v with at least p % of the values <= v
** (rank ceil(p * N / 100)). -1 when empty. */
int64_t ops_hist_percentile(const struct ops_hist *h, int p);
void ops_hist_merge(struct ops_hist *into, const struct ops_hist *h);
void ops_hist_release(struct ops_hist *h);

/* ---- ticket indicators of a period ---- */

/* The three kinds counted open: changes, and requests with orders. */
enum ops_open_kind { OPS_OPEN_INCIDENT, OPS_OPEN_REQUEST, OPS_OPEN_CHANGE, OPS_NOPEN };

struct ops_ticket_kpi {
	int64_t from, to;     /* the period [from, to) as instants; `to` is the cut-off */
	int64_t month_ago;    /* the cut-off one calendar month earlier */
	long tickets, events; /* read */
	/* handling time of incidents finally resolved in the period (minutes) */
	struct ops_hist handling;
	/* first response of incidents created in the period, by the priority used */
	long met[OPS_NPRIO], missed[OPS_NPRIO], pending[OPS_NPRIO];
	long no_limit;        /* priority without a limit (or none given) */
	long no_history;      /* without history: the clock cannot be read */
	long stops[4];        /* by enum ops_stop, over met and missed */
	/* resolved by the service desk: incidents, requests and orders
	** finally resolved in the period */
	long desk_n, desk_strict, desk_loose, desk_unknown;
	/* open at the cut-off, and open longer than a month */
	long open[OPS_NOPEN], old[OPS_NOPEN];
	/* orders placed in the period */
	long orders_on_time, orders_late, orders_pending;
	long early_events;
};

/* A period of local days [from, to] (inclusive) as instants. */
void ops_ticket_kpi_init(struct ops_ticket_kpi *k, struct date from, struct date to);
void ops_ticket_kpi_release(struct ops_ticket_kpi *k);

/* Count ticket t with its facts f (evaluated at k->to) into k. */
void ops_ticket_kpi_add(struct ops_ticket_kpi *k, struct ops_calendar *cal,
                        const struct ops_rules *r, const struct ops_ticket *t,
                        const struct ops_facts *f);

/* Add b's counts to a (the same period), for work split over threads. */
void ops_ticket_kpi_merge(struct ops_ticket_kpi *a, const struct ops_ticket_kpi *b);

/* The deadline of an order placed at instant `placed`: the end of the
** order_days-th working day after the day it was placed. */
int64_t ops_order_deadline(struct ops_calendar *cal, int order_days, int64_t placed);

/* ---- calls ---- */

/* How the share of calls answered in time is counted (queue systems
** differ; the variant is named with the figure). */
enum ops_calls_variant {
	OPS_CALLS_STANDARD,   /* answered within T / (offered - abandoned within S) */
	OPS_CALLS_ANSWERED,   /* answered within T / answered */
	OPS_CALLS_OFFERED     /* answered within T / offered (abandoned included) */
};
extern const char *const ops_calls_variant_names[];

struct ops_calls_kpi {
	int levels[2];        /* T in seconds: 20 and 60 */
	int short_abandon;    /* S in seconds: 5 */
	long offered, answered, abandoned, short_abandoned;
	long within[2];       /* answered within levels[i] */
};

void ops_calls_init(struct ops_calls_kpi *k, int level1, int level2, int short_abandon);
/* One call offered: answered after `wait` seconds, or abandoned after it. */
void ops_calls_add(struct ops_calls_kpi *k, bool answered, int64_t wait);
/* The share answered within levels[level] under variant v as numerator and
** denominator; false when the denominator is 0. */
bool ops_calls_share(const struct ops_calls_kpi *k, enum ops_calls_variant v, int level,
                     long *num, long *den);

/* ---- availability ---- */

enum ops_outage_kind { OPS_DOWN = 1, OPS_MAINTENANCE, OPS_NODATA };
extern const char *const ops_outage_names[];

struct ops_outage {
	int64_t start, end;
	int kind;             /* enum ops_outage_kind */
};

struct ops_window {
	int64_t start, end;
};

struct ops_avail {
	int64_t period;       /* seconds of the period */
	int64_t missing;      /* not covered by monitoring, or no data */
	int64_t maintenance;  /* announced maintenance (neither up nor down) */
	int64_t down;         /* unplanned downtime */
};

/*
** One service over [from, to): `cover` are the periods the monitoring
** exports cover (any order, may overlap); `o` its outages (any order, may
** overlap, may reach outside the period: clipped). Where states overlap,
** no data wins over maintenance, and maintenance over down. Measured time
** is period - missing - maintenance; availability = (measured - down) /
** measured, and no value when nothing was measured.
*/
void ops_avail_compute(int64_t from, int64_t to, const struct ops_window *cover,
                       size_t ncover, const struct ops_outage *o, size_t n,
                       struct ops_avail *out);
void ops_avail_add(struct ops_avail *sum, const struct ops_avail *a);

/* ---- shares ---- */

/* num / den as a percentage with `decimals` decimals, rounded half away
** from zero, scaled by 10^decimals (7225 for 72,25 % with 2). den > 0. */
int64_t ops_percent(int64_t num, int64_t den, int decimals);

#endif
