/*
** ops_rules.c — the ticket, call and availability indicators (see
** ops_rules.h and docs/ops-indicators.md). Pure.
*/
#include "ops/ops_rules.h"

#include <stdlib.h>
#include <string.h>

#include "base/money.h"
#include "base/strbuf.h"
#include "ops/ops_time.h"

const char *const ops_type_names[] = { NULL, "incident", "request", "change", "order", "other", NULL };
const char *const ops_prio_names[] = { NULL, "critical", "high", "normal", "low", NULL };
const char *const ops_status_names[] = {
	NULL, "new", "active", "paused", "resolved", "closed", "cancelled", NULL
};
const char *const ops_event_names[] = {
	NULL, "status", "priority", "group", "assignee", "reply", NULL
};
const char *const ops_stop_names[] = { "none", "reply", "left-new", "assigned", NULL };
const char *const ops_calls_variant_names[] = { "standard", "answered", "offered", NULL };
const char *const ops_outage_names[] = { NULL, "down", "maintenance", "nodata", NULL };

void ops_rules_default(struct ops_rules *r)
{
	memset(r, 0, sizeof(*r));
	r->limit[0] = -1;
	r->limit[OPS_CRITICAL] = 30 * 60;
	r->limit[OPS_HIGH] = 2 * 3600;
	r->limit[OPS_NORMAL] = 8 * 3600;
	r->limit[OPS_LOW] = -1;
	r->order_days = 2;
}

static bool is_done(int st)
{
	return st == OPS_RESOLVED || st == OPS_CLOSED || st == OPS_CANCELLED;
}

static bool is_open(int st)
{
	return st == OPS_NEW || st == OPS_ACTIVE || st == OPS_PAUSED;
}

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static bool same_name(const char *a, const char *b)
{
	while(*a && *b && ascii_lower((unsigned char)*a) == ascii_lower((unsigned char)*b)) {
		a++;
		b++;
	}
	return !*a && !*b;
}

static bool is_desk(const struct ops_rules *r, const char *g)
{
	for(size_t i = 0; g && i < r->ndesk; i++)
		if(same_name(r->desk[i], g))
			return true;
	return false;
}

/* A status timeline step. */
struct step {
	int64_t at;
	int st;
};

static int64_t clamp_at(int64_t at, int64_t created, long *early)
{
	if(at < created) {
		(*early)++;
		return created;
	}
	return at;
}

void ops_ticket_eval(struct ops_calendar *cal, const struct ops_rules *r,
                     const struct ops_ticket *t, int64_t cut, struct ops_facts *f)
{
	bool history_status = false;
	memset(f, 0, sizeof(*f));
	f->resolution = f->stop_at = f->delivered = OPS_NONE;
	f->desk_strict = f->desk_loose = -1;
	for(size_t i = 0; i < t->nev; i++)
		if(t->ev[i].kind == OPS_EV_STATUS)
			history_status = true;
	f->routine_known = history_status;

	/* ---- the status timeline: replay, then sum business time ---- */
	int state = OPS_NEW;
	int64_t seg_start = t->created, entered = OPS_NONE, work = 0, pause = 0;
	bool active_seen = false, active_before_final = false;
	struct step synth[3];
	size_t nsynth = 0;
	if(!history_status) {
		if(t->resolved != OPS_NONE)
			synth[nsynth++] = (struct step){ t->resolved, OPS_RESOLVED };
		if(t->closed != OPS_NONE)
			synth[nsynth++] = (struct step){ t->closed, OPS_CLOSED };
		if(t->status == OPS_CANCELLED)
			synth[nsynth++] = (struct step){
				t->closed != OPS_NONE ? t->closed : t->created, OPS_CANCELLED };
	}
	size_t n = history_status ? t->nev : nsynth;
	for(size_t i = 0; i <= n; i++) {
		int64_t at;
		int next;
		if(i < n) {
			if(history_status) {
				if(t->ev[i].kind != OPS_EV_STATUS)
					continue;
				at = clamp_at(t->ev[i].at, t->created, &f->early_events);
				next = t->ev[i].code;
			} else {
				at = synth[i].at < t->created ? t->created : synth[i].at;
				next = synth[i].st;
			}
			if(at >= cut)
				continue;   /* not yet known; later ones are later still */
		} else {
			at = cut;
			next = 0;       /* the end */
		}
		if(at < seg_start)
			at = seg_start;
		int64_t bt = ops_bt_between(cal, seg_start, at);
		if(state == OPS_NEW || state == OPS_ACTIVE) {
			work += bt;
		} else if(state == OPS_PAUSED) {
			pause += bt;
		} else if(is_done(state) && next && is_open(next)) {
			pause += bt;    /* resolved until reopened counts as pause */
		}
		if(state == OPS_ACTIVE)
			active_seen = true;
		if(!next)
			break;
		if(is_done(next) && !is_done(state)) {
			entered = at;
			active_before_final = active_seen;
		} else if(is_open(next) && is_done(state)) {
			f->reopened++;
		}
		state = next;
		seg_start = at;
	}
	f->state = state;
	f->open = is_open(state);
	f->cancelled = state == OPS_CANCELLED;
	f->resolved = state == OPS_RESOLVED || state == OPS_CLOSED;
	if(f->resolved) {
		f->resolution = entered;
		f->handling = work;
		f->pause = pause;
		f->routine_ok = active_before_final;
	}

	/* ---- first response ---- */
	int64_t reply = OPS_NONE, left = OPS_NONE, assigned = OPS_NONE;
	long early = 0;
	for(size_t i = 0; i < t->nev; i++) {
		const struct ops_event *e = &t->ev[i];
		if(e->at >= cut)
			continue;
		int64_t at = clamp_at(e->at, t->created, &early);
		if(e->kind == OPS_EV_REPLY && reply == OPS_NONE)
			reply = at;
		else if(e->kind == OPS_EV_STATUS && e->code != OPS_NEW && left == OPS_NONE)
			left = at;
		else if((e->kind == OPS_EV_GROUP || e->kind == OPS_EV_ASSIGNEE) && assigned == OPS_NONE)
			assigned = at;
	}
	if(reply != OPS_NONE) {
		f->stop = OPS_STOP_REPLY;
		f->stop_at = reply;
	} else if(left != OPS_NONE) {
		f->stop = OPS_STOP_LEFT_NEW;
		f->stop_at = left;
	} else if(assigned != OPS_NONE) {
		f->stop = OPS_STOP_ASSIGNED;
		f->stop_at = assigned;
	}
	int64_t until = f->stop_at != OPS_NONE ? f->stop_at : cut;
	f->response = ops_bt_between(cal, t->created, until);
	int prio = t->priority;
	bool first_change = true;
	for(size_t i = 0; i < t->nev; i++) {
		const struct ops_event *e = &t->ev[i];
		if(e->kind != OPS_EV_PRIORITY)
			continue;
		if(first_change) {
			/* the priority before the first change */
			prio = e->old ? e->old : e->code;
			first_change = false;
		}
		int64_t at = e->at < t->created ? t->created : e->at;
		bool before = f->stop_at != OPS_NONE ? at <= until : at < cut;
		if(before && e->code && (!prio || e->code < prio))
			prio = e->code;
	}
	f->response_prio = prio;

	/* ---- groups ---- */
	if(f->resolved) {
		const char *at_resolution = NULL;
		bool any = false, all_desk = true;
		for(size_t i = 0; i < t->nev; i++) {
			const struct ops_event *e = &t->ev[i];
			if(e->kind != OPS_EV_GROUP || !e->text || e->at > f->resolution)
				continue;
			any = true;
			all_desk = all_desk && is_desk(r, e->text);
			at_resolution = e->text;
		}
		if(!any && t->group && *t->group) {
			any = true;
			all_desk = is_desk(r, t->group);
			at_resolution = t->group;
		}
		if(any) {
			f->desk_strict = all_desk;
			f->desk_loose = is_desk(r, at_resolution);
		}
	}

	/* ---- delivery ---- */
	if(t->delivered != OPS_NONE && t->delivered < cut)
		f->delivered = t->delivered;
	else if(t->delivered == OPS_NONE && f->resolved)
		f->delivered = f->resolution;
}

/* ---- histogram ---- */

void ops_hist_add(struct ops_hist *h, int64_t minutes)
{
	if(minutes < 0)
		minutes = 0;
	if((size_t)minutes >= h->n) {
		size_t n = h->n ? h->n : 1024;
		while(n <= (size_t)minutes)
			n *= 2;
		h->count = xrealloc(h->count, n * sizeof(*h->count));
		memset(h->count + h->n, 0, (n - h->n) * sizeof(*h->count));
		h->n = n;
	}
	h->count[minutes]++;
	h->total++;
	h->sum += minutes;
}

int64_t ops_hist_percentile(const struct ops_hist *h, int p)
{
	if(!h->total)
		return -1;
	long rank = (long)(((int64_t)p * h->total + 99) / 100);
	if(rank < 1)
		rank = 1;
	long seen = 0;
	for(size_t m = 0; m < h->n; m++) {
		seen += h->count[m];
		if(seen >= rank)
			return (int64_t)m;
	}
	return (int64_t)h->n - 1;
}

void ops_hist_merge(struct ops_hist *into, const struct ops_hist *h)
{
	for(size_t m = h->n; m-- > 0;) {
		if(!h->count[m])
			continue;
		if(m >= into->n) {
			/* grow once to the largest value */
			ops_hist_add(into, (int64_t)m);
			into->count[m]--;
			into->total--;
			into->sum -= (int64_t)m;
		}
		into->count[m] += h->count[m];
	}
	into->total += h->total;
	into->sum += h->sum;
}

void ops_hist_release(struct ops_hist *h)
{
	free(h->count);
	memset(h, 0, sizeof(*h));
}

/* ---- ticket indicators ---- */

void ops_ticket_kpi_init(struct ops_ticket_kpi *k, struct date from, struct date to)
{
	memset(k, 0, sizeof(*k));
	struct date end = date_add_days(to, 1);
	k->from = ops_midnight(from);
	k->to = ops_midnight(end);
	k->month_ago = ops_midnight(ops_month_before(end));
}

void ops_ticket_kpi_release(struct ops_ticket_kpi *k)
{
	ops_hist_release(&k->handling);
}

int64_t ops_order_deadline(struct ops_calendar *cal, int order_days, int64_t placed)
{
	struct date d = ops_date_of(ops_tz_to_local(placed));
	d = ops_calendar_add_working_days(cal, d, order_days);
	return ops_midnight(date_add_days(d, 1));
}

static bool in_period(const struct ops_ticket_kpi *k, int64_t t)
{
	return t != OPS_NONE && t >= k->from && t < k->to;
}

void ops_ticket_kpi_add(struct ops_ticket_kpi *k, struct ops_calendar *cal,
                        const struct ops_rules *r, const struct ops_ticket *t,
                        const struct ops_facts *f)
{
	k->tickets++;
	k->events += (long)t->nev;
	if(t->created >= k->to)
		return;
	k->early_events += f->early_events;
	bool incident = t->type == OPS_INCIDENT;

	if(incident && f->resolved && in_period(k, f->resolution))
		ops_hist_add(&k->handling, f->handling / 60);

	if(incident && in_period(k, t->created)) {
		int p = f->response_prio;
		if(p < 1 || p >= OPS_NPRIO || r->limit[p] < 0)
			k->no_limit++;
		else if(!t->nev)
			k->no_history++;
		else if(f->stop_at != OPS_NONE || f->response > r->limit[p]) {
			if(f->response <= r->limit[p])
				k->met[p]++;
			else
				k->missed[p]++;
			k->stops[f->stop]++;
		} else {
			k->pending[p]++;
		}
	}

	if((incident || t->type == OPS_REQUEST || t->type == OPS_ORDER) && f->resolved &&
	   in_period(k, f->resolution)) {
		k->desk_n++;
		if(f->desk_strict < 0)
			k->desk_unknown++;
		if(f->desk_strict == 1)
			k->desk_strict++;
		if(f->desk_loose == 1)
			k->desk_loose++;
	}

	int kind = incident ? OPS_OPEN_INCIDENT
	         : t->type == OPS_REQUEST || t->type == OPS_ORDER ? OPS_OPEN_REQUEST
	         : t->type == OPS_CHANGE ? OPS_OPEN_CHANGE : -1;
	if(kind >= 0 && f->open) {
		k->open[kind]++;
		if(t->created < k->month_ago)
			k->old[kind]++;
	}

	if(t->type == OPS_ORDER && in_period(k, t->created)) {
		int64_t deadline = ops_order_deadline(cal, r->order_days, t->created);
		if(f->delivered != OPS_NONE && f->delivered < deadline)
			k->orders_on_time++;
		else if(f->delivered != OPS_NONE || deadline <= k->to)
			k->orders_late++;
		else
			k->orders_pending++;
	}
}

void ops_ticket_kpi_merge(struct ops_ticket_kpi *a, const struct ops_ticket_kpi *b)
{
	a->tickets += b->tickets;
	a->events += b->events;
	ops_hist_merge(&a->handling, &b->handling);
	for(int i = 0; i < OPS_NPRIO; i++) {
		a->met[i] += b->met[i];
		a->missed[i] += b->missed[i];
		a->pending[i] += b->pending[i];
	}
	a->no_limit += b->no_limit;
	a->no_history += b->no_history;
	for(int i = 0; i < 4; i++)
		a->stops[i] += b->stops[i];
	a->desk_n += b->desk_n;
	a->desk_strict += b->desk_strict;
	a->desk_loose += b->desk_loose;
	a->desk_unknown += b->desk_unknown;
	for(int i = 0; i < OPS_NOPEN; i++) {
		a->open[i] += b->open[i];
		a->old[i] += b->old[i];
	}
	a->orders_on_time += b->orders_on_time;
	a->orders_late += b->orders_late;
	a->orders_pending += b->orders_pending;
	a->early_events += b->early_events;
}

/* ---- calls ---- */

void ops_calls_init(struct ops_calls_kpi *k, int level1, int level2, int short_abandon)
{
	memset(k, 0, sizeof(*k));
	k->levels[0] = level1;
	k->levels[1] = level2;
	k->short_abandon = short_abandon;
}

void ops_calls_add(struct ops_calls_kpi *k, bool answered, int64_t wait)
{
	k->offered++;
	if(answered) {
		k->answered++;
		for(int i = 0; i < 2; i++)
			if(wait <= k->levels[i])
				k->within[i]++;
	} else {
		k->abandoned++;
		if(wait <= k->short_abandon)
			k->short_abandoned++;
	}
}

bool ops_calls_share(const struct ops_calls_kpi *k, enum ops_calls_variant v, int level,
                     long *num, long *den)
{
	*num = k->within[level];
	switch(v) {
	case OPS_CALLS_STANDARD: *den = k->offered - k->short_abandoned; break;
	case OPS_CALLS_ANSWERED: *den = k->answered; break;
	case OPS_CALLS_OFFERED: *den = k->offered; break;
	}
	return *den > 0;
}

/* ---- availability ---- */

struct point {
	int64_t at;
	int what;     /* 0 cover, else enum ops_outage_kind */
	int delta;
};

static int cmp_point(const void *a, const void *b)
{
	const struct point *x = a, *y = b;
	return x->at < y->at ? -1 : x->at > y->at;
}

void ops_avail_compute(int64_t from, int64_t to, const struct ops_window *cover,
                       size_t ncover, const struct ops_outage *o, size_t n,
                       struct ops_avail *out)
{
	memset(out, 0, sizeof(*out));
	if(to <= from)
		return;
	out->period = to - from;
	struct point *p = xmalloc((2 * (ncover + n) + 1) * sizeof(*p));
	size_t np = 0;
	for(size_t i = 0; i < ncover + n; i++) {
		int64_t a = i < ncover ? cover[i].start : o[i - ncover].start;
		int64_t b = i < ncover ? cover[i].end : o[i - ncover].end;
		int what = i < ncover ? 0 : o[i - ncover].kind;
		if(a < from)
			a = from;
		if(b > to)
			b = to;
		if(b <= a || what < 0 || what > OPS_NODATA)
			continue;
		p[np++] = (struct point){ a, what, 1 };
		p[np++] = (struct point){ b, what, -1 };
	}
	qsort(p, np, sizeof(*p), cmp_point);
	int c[4] = { 0 };
	int64_t prev = from;
	for(size_t i = 0; i <= np; i++) {
		int64_t at = i < np ? p[i].at : to;
		if(at > prev) {
			int64_t len = at - prev;
			if(!c[0] || c[OPS_NODATA])
				out->missing += len;
			else if(c[OPS_MAINTENANCE])
				out->maintenance += len;
			else if(c[OPS_DOWN])
				out->down += len;
			prev = at;
		}
		if(i < np)
			c[p[i].what] += p[i].delta;
	}
	free(p);
}

void ops_avail_add(struct ops_avail *sum, const struct ops_avail *a)
{
	sum->period += a->period;
	sum->missing += a->missing;
	sum->maintenance += a->maintenance;
	sum->down += a->down;
}

int64_t ops_percent(int64_t num, int64_t den, int decimals)
{
	return decimal_div(num * 100, den, decimals);
}

/* ---- the packed form of history events ---- */

/* Append v and ';' to buf at *n (millions of events: no printf). */
static void put_num(char *buf, size_t *n, int64_t v)
{
	char d[24];
	int k = 0;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	if(v < 0)
		buf[(*n)++] = '-';
	do
		d[k++] = (char)('0' + u % 10);
	while(u /= 10);
	while(k)
		buf[(*n)++] = d[--k];
	buf[(*n)++] = ';';
}

void ops_events_pack(struct strbuf *sb, int64_t *prev, const struct ops_event *e)
{
	char buf[128];
	size_t n = 0, len = e->text ? strlen(e->text) : 0;
	put_num(buf, &n, e->at - *prev);
	put_num(buf, &n, e->kind);
	put_num(buf, &n, e->code);
	put_num(buf, &n, e->old);
	put_num(buf, &n, (int64_t)len);
	strbuf_add(sb, buf, n);
	if(len)
		strbuf_add(sb, e->text, len);
	*prev = e->at;
}

/* A decimal number ended by ';' at *p. */
static bool num(const char **p, int64_t *out)
{
	const char *s = *p;
	bool neg = *s == '-';
	int64_t v = 0;
	if(neg)
		s++;
	if(*s < '0' || *s > '9')
		return false;
	while(*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	if(*s != ';')
		return false;
	*out = neg ? -v : v;
	*p = s + 1;
	return true;
}

bool ops_events_unpack(const char *s, void (*fn)(void *ctx, const struct ops_event *e,
                                                 const char *text, size_t len),
                       void *ctx)
{
	int64_t at = 0, d, k, c, o, len;
	while(*s) {
		if(!num(&s, &d) || !num(&s, &k) || !num(&s, &c) || !num(&s, &o) || !num(&s, &len) ||
		   len < 0 || (int64_t)strnlen(s, (size_t)len) < len)
			return false;
		at += d;
		struct ops_event e = { at, (int)k, (int)c, (int)o, NULL };
		fn(ctx, &e, len ? s : NULL, (size_t)len);
		s += len;
	}
	return true;
}
