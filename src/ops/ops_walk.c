/*
** ops_walk.c — tickets with their history, one at a time (see ops_walk.h).
*/
#include "ops/ops_walk.h"

#include <inttypes.h>
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

static void ev_push(struct evbuf *b, struct store_stmt *st)
{
	if(b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->ev = xrealloc(b->ev, b->cap * sizeof(*b->ev));
	}
	if(b->n == b->offcap) {
		b->offcap = b->cap;
		b->off = xrealloc(b->off, b->offcap * sizeof(*b->off));
	}
	struct ops_event *e = &b->ev[b->n];
	e->at = stmt_int(st, 1);
	e->kind = (int)stmt_int(st, 2);
	e->code = stmt_is_null(st, 3) ? 0 : (int)stmt_int(st, 3);
	e->old = stmt_is_null(st, 4) ? 0 : (int)stmt_int(st, 4);
	e->text = NULL;
	const char *t = stmt_text(st, 5);
	if(t) {
		b->off[b->n] = b->text.len;
		strbuf_addstr(&b->text, t);
		strbuf_addch(&b->text, '\0');
	} else {
		b->off[b->n] = SIZE_MAX;
	}
	b->n++;
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

enum styr_rc ops_walk_tickets(struct store *s, int64_t before, ops_ticket_fn fn, void *ctx,
                              struct ops_walk_stats *stats, struct styr_error *err)
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
	                   " WHERE t.created < ?1 ORDER BY t.ticket, i.profile, t.import_id DESC",
	                   &tk, err);
	if(!rc)
		rc = store_prepare(s, "SELECT e.ticket || char(1) || i.profile, e.at, e.kind, e.code,"
		                   " e.old, e.text FROM ops_event e"
		                   " JOIN ops_import i ON i.id = e.import_id"
		                   " ORDER BY e.ticket, i.profile, e.at, e.import_id, e.line", &ev, err);
	if(!rc) {
		stmt_bind_int(tk, 1, before);
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
			else
				ev_push(&b, ev);
			rc = stmt_step(ev, &erow, err);
		}
		if(rc)
			break;
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
