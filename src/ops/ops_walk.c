/*
** ops_walk.c — tickets with their history, one at a time (see ops_walk.h).
*/
#include "ops/ops_walk.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/money.h"
#include "db/store.h"

struct evbuf {
	struct ops_event *ev;
	size_t n, cap;
	struct strbuf text;      /* the events' texts, NUL after each */
	size_t *off;             /* offset in text per event, or SIZE_MAX */
	size_t offcap;
};

static void ev_add(void *ctx, const struct ops_event *src, const char *text, size_t len)
{
	struct evbuf *b = ctx;
	if(b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->ev = xrealloc(b->ev, b->cap * sizeof(*b->ev));
	}
	if(b->n == b->offcap) {
		b->offcap = b->cap;
		b->off = xrealloc(b->off, b->offcap * sizeof(*b->off));
	}
	b->ev[b->n] = *src;
	b->ev[b->n].text = NULL;
	if(text) {
		b->off[b->n] = b->text.len;
		strbuf_add(&b->text, text, len);
		strbuf_addch(&b->text, '\0');
	} else {
		b->off[b->n] = SIZE_MAX;
	}
	b->n++;
}

/* Sort the events by time, keeping file order among equal times. */
static void ev_sort(struct evbuf *b)
{
	for(size_t i = 1; i < b->n; i++) {
		if(b->ev[i].at >= b->ev[i - 1].at)
			continue;
		struct ops_event e = b->ev[i];
		size_t o = b->off[i], j = i;
		for(; j > 0 && b->ev[j - 1].at > e.at; j--) {
			b->ev[j] = b->ev[j - 1];
			b->off[j] = b->off[j - 1];
		}
		b->ev[j] = e;
		b->off[j] = o;
	}
}

/* Point the events' texts into the buffer (it may have moved). */
static void ev_fix(struct evbuf *b)
{
	for(size_t i = 0; i < b->n; i++)
		b->ev[i].text = b->off[i] == SIZE_MAX ? NULL : b->text.buf + b->off[i];
}

static void ev_reset(struct evbuf *b)
{
	b->n = 0;
	strbuf_reset(&b->text);
}

/* Walk the tickets whose number is in [lo, hi) (NULL: unbounded). */
static enum styr_rc walk_range(struct store *s, int64_t before, const char *lo, const char *hi,
                               ops_ticket_fn fn, void *ctx, struct ops_walk_stats *stats,
                               struct styr_error *err)
{
	struct store_stmt *tk = NULL, *ev = NULL;
	struct evbuf b = { 0 };
	struct strbuf id = STRBUF_INIT, prev = STRBUF_INIT, grp = STRBUF_INIT;
	bool trow = false, erow = false;
	enum styr_rc rc;

	memset(stats, 0, sizeof(*stats));
	strbuf_init(&b.text);
	/* by ticket, then profile: tickets of two systems never share a
	** history; the order follows the index on the ticket number */
	rc = store_prepare(s, "SELECT i.profile, t.ticket, t.type, t.priority, t.created,"
	                   " t.status, t.resolved, t.closed, t.grp, t.solution, t.delivered"
	                   " FROM ops_ticket t JOIN ops_import i ON i.id = t.import_id"
	                   " WHERE t.created < ?1 AND (CAST(?2 AS TEXT) IS NULL OR t.ticket >= ?2)"
	                   " AND (CAST(?3 AS TEXT) IS NULL OR t.ticket < ?3)"
	                   " ORDER BY t.ticket, i.profile, t.import_id DESC", &tk, err);
	if(!rc)
		rc = store_prepare(s, "SELECT h.ticket || char(1) || i.profile, h.events, h.import_id,"
		                   " h.line FROM ops_history h JOIN ops_import i ON i.id = h.import_id"
		                   " WHERE (CAST(?1 AS TEXT) IS NULL OR h.ticket >= ?1)"
		                   " AND (CAST(?2 AS TEXT) IS NULL OR h.ticket < ?2)"
		                   " ORDER BY h.ticket, i.profile, h.import_id, h.line", &ev, err);
	if(!rc) {
		stmt_bind_int(tk, 1, before);
		stmt_bind_text(tk, 2, lo);
		stmt_bind_text(tk, 3, hi);
		stmt_bind_text(ev, 1, lo);
		stmt_bind_text(ev, 2, hi);
		rc = stmt_step(tk, &trow, err);
	}
	if(!rc)
		rc = stmt_step(ev, &erow, err);
	while(!rc && trow) {
		strbuf_reset(&id);
		strbuf_addstr(&id, stmt_text(tk, 1));
		strbuf_addch(&id, '\1');
		strbuf_addstr(&id, stmt_text(tk, 0));
		if(prev.len && !strcmp(prev.buf, id.buf)) {
			stats->duplicates++;
			rc = stmt_step(tk, &trow, err);
			continue;
		}
		strbuf_reset(&prev);
		strbuf_addstr(&prev, id.buf);
		/* events before this ticket belong to none */
		ev_reset(&b);
		while(!rc && erow) {
			int c = strcmp(stmt_text(ev, 0), id.buf);
			if(c > 0)
				break;
			if(c < 0)
				stats->orphan_events++;
			else if(!ops_events_unpack(stmt_text(ev, 1), ev_add, &b))
				rc = styr_error_set(err, STYR_EDB, "ops_history of import #%" PRId64 " line"
				                    " %" PRId64 ": the events are not in the packed form",
				                    stmt_int(ev, 2), stmt_int(ev, 3));
			if(!rc)
				rc = stmt_step(ev, &erow, err);
		}
		if(rc)
			break;
		ev_sort(&b);
		ev_fix(&b);
		struct ops_ticket t = {
			.id = stmt_text(tk, 1),
			.type = (int)stmt_int(tk, 2),
			.priority = (int)stmt_int(tk, 3),
			.created = stmt_int(tk, 4),
			.status = stmt_is_null(tk, 5) ? 0 : (int)stmt_int(tk, 5),
			.resolved = stmt_is_null(tk, 6) ? OPS_NONE : stmt_int(tk, 6),
			.closed = stmt_is_null(tk, 7) ? OPS_NONE : stmt_int(tk, 7),
			.group = NULL,
			.solution = stmt_is_null(tk, 9) ? -1 : (int)stmt_int(tk, 9),
			.delivered = stmt_is_null(tk, 10) ? OPS_NONE : stmt_int(tk, 10),
			.ev = b.ev,
			.nev = b.n,
		};
		strbuf_reset(&grp);
		if(stmt_text(tk, 8)) {
			strbuf_addstr(&grp, stmt_text(tk, 8));
			t.group = grp.buf;
		}
		stats->tickets++;
		stats->events += (long)b.n;
		rc = fn(ctx, &t, err);
		if(!rc)
			rc = stmt_step(tk, &trow, err);
	}
	while(!rc && erow) {
		stats->orphan_events++;
		rc = stmt_step(ev, &erow, err);
	}
	if(tk)
		stmt_finalize(tk);
	if(ev)
		stmt_finalize(ev);
	free(b.ev);
	free(b.off);
	strbuf_release(&b.text);
	strbuf_release(&id);
	strbuf_release(&prev);
	strbuf_release(&grp);
	return rc;
}

enum styr_rc ops_walk_tickets(struct store *s, int64_t before, ops_ticket_fn fn, void *ctx,
                              struct ops_walk_stats *stats, struct styr_error *err)
{
	return walk_range(s, before, NULL, NULL, fn, ctx, stats, err);
}

/* The second half of a split walk, on its own connection. */
struct half {
	struct store *s;
	int64_t before;
	const char *lo;
	ops_ticket_fn fn;
	void *ctx;
	struct ops_walk_stats stats;
	enum styr_rc rc;
	struct styr_error err;
};

static void *half_main(void *arg)
{
	struct half *h = arg;
	h->rc = walk_range(h->s, h->before, h->lo, NULL, h->fn, h->ctx, &h->stats, &h->err);
	return NULL;
}

enum styr_rc ops_walk_tickets2(struct store *s, int64_t before, ops_ticket_fn fn, void *ctx[2],
                               struct ops_walk_stats *stats, struct styr_error *err)
{
	struct store_stmt *st;
	struct strbuf split = STRBUF_INIT;
	bool row;
	int64_t count = 0;
	const char *threads = getenv("STYR_OPS_THREADS");
	enum styr_rc rc = store_query_int(s, "SELECT count(*) FROM ops_ticket", &count, err);
	if(threads && !strcmp(threads, "1"))
		count = 0;          /* asked for one thread */
	/* a ticket number from the middle of the table (by row, not by sort) */
	if(!rc && count >= 20000)
		rc = store_prepare(s, "SELECT ticket FROM ops_ticket LIMIT 1"
		                   " OFFSET (SELECT count(*) / 2 FROM ops_ticket)", &st, err);
	if(!rc && count >= 20000) {
		rc = stmt_step(st, &row, err);
		if(!rc && row)
			strbuf_addstr(&split, stmt_text(st, 0));
		stmt_finalize(st);
	}
	struct half h = { NULL, before, split.buf, fn, ctx[1], { 0 }, STYR_OK, { 0 } };
	struct styr_error e;
	pthread_t th;
	if(rc || !split.len || store_open(s->path, STORE_READONLY, &h.s, &e) ||
	   pthread_create(&th, NULL, half_main, &h)) {
		if(h.s)
			store_close(h.s);
		strbuf_release(&split);
		return rc ? rc : walk_range(s, before, NULL, NULL, fn, ctx[0], stats, err);
	}
	rc = walk_range(s, before, NULL, split.buf, fn, ctx[0], stats, err);
	pthread_join(th, NULL);
	store_close(h.s);
	if(!rc && h.rc) {
		rc = h.rc;
		*err = h.err;
	}
	stats->tickets += h.stats.tickets;
	stats->events += h.stats.events;
	stats->orphan_events += h.stats.orphan_events;
	stats->duplicates += h.stats.duplicates;
	strbuf_release(&split);
	return rc;
}

int ops_files_of(struct store *s, const char *source, const struct date *from,
                 const struct date *to, struct strbuf *sb, long *rows, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	int n = 0;
	char a[11] = "", b[11] = "9999-12-31";
	*rows = 0;
	if(from)
		date_format_iso(*from, a);
	if(to)
		date_format_iso(*to, b);
	if(store_prepare(s, "SELECT id, file, profile, period_from, period_to, rows FROM ops_import"
	                 " WHERE source = ? AND period_to >= ? AND period_from <= ? ORDER BY id",
	                 &st, err))
		return -1;
	stmt_bind_text(st, 1, source);
	stmt_bind_text(st, 2, a);
	stmt_bind_text(st, 3, b);
	while(!stmt_step(st, &row, err) && row) {
		const char *file = stmt_text(st, 1), *slash = strrchr(file, '/');
		strbuf_addf(sb, "%s#%" PRId64 " %s (%s, %s–%s)", sb->len ? ", " : "", stmt_int(st, 0),
		            slash ? slash + 1 : file, stmt_text(st, 2), stmt_text(st, 3),
		            stmt_text(st, 4));
		*rows += (long)stmt_int(st, 5);
		n++;
	}
	stmt_finalize(st);
	return n;
}

void ops_fmt_hours(struct strbuf *sb, int64_t seconds)
{
	fmt_decimal_sv(sb, decimal_div(seconds, 3600, 1), 1);
}

void ops_fmt_limit(struct strbuf *sb, int64_t seconds)
{
	int64_t m = seconds / 60;
	if(m < 60)
		strbuf_addf(sb, "%" PRId64 " min", m);
	else if(m % 60)
		strbuf_addf(sb, "%" PRId64 " h %" PRId64 " min", m / 60, m % 60);
	else
		strbuf_addf(sb, "%" PRId64 " h", m / 60);
}
