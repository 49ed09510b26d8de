/*
** ops_import.c — `styr ops import`: an export read through a profile into
** the store (see ops.h).
**
** The file is fed in chunks to the CSV parser (base/csv.h), which calls
** back once per record: the first record is the heading line, which the
** profile's columns are found in; each later one is checked and written
** with a prepared INSERT. Only the current record is in memory. Every
** row is written inside one transaction that is rolled back on the first
** error, so a failed import stores nothing. The period is settled at the
** end; then an earlier import of the same period is deleted (replaced)
** and one that overlaps otherwise makes the whole import fail.
*/
#include "ops/ops.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/csv.h"
#include "base/jsonw.h"
#include "base/money.h"
#include "db/store.h"
#include "ops/ops_controls.h"
#include "ops/ops_time.h"
#include "ops/ops_walk.h"

static const char *const tables[] = {
	"ops_ticket", "ops_history", "ops_call", "ops_outage", "ops_asset", "ops_invoice",
	"ops_backup", NULL
};

struct earlier {
	int64_t id;
	int32_t from, to;     /* days since 1970 */
	long line;            /* first row dated inside its period; 0 none */
	int col;
};

struct ignored {
	char *label;          /* owned, whole */
	long n;
};

enum { V_NULL, V_INT, V_TEXT };

struct val {
	int type;
	int64_t i;            /* V_INT: the value; V_TEXT: offset in the arena */
};

#define BATCH_ROWS 4096
#define NBATCHES 3

struct batch {
	struct val *v;        /* BATCH_ROWS rows of ncols values */
	size_t nrows;
	struct strbuf arena;  /* the texts, NUL after each */
};

struct writer {
	pthread_t thread;
	bool running;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch b[NBATCHES];
	struct batch *queue[NBATCHES];   /* full, oldest first */
	size_t nqueue;
	struct batch *spare[NBATCHES];   /* empty */
	size_t nspare;
	bool quit;
	enum styr_rc rc;                 /* the writer's first failure */
	struct styr_error err;
	struct store_stmt *ins;
	int ncols;
};

struct imp {
	struct store *s;
	const struct ops_import_opts *o;
	struct ops_profile prof;
	const struct ops_field_def *fd;
	size_t nfd;
	int col[OPS_MAX_FIELDS];          /* record index per field, -1 none */
	bool header;
	struct ops_clock clock[OPS_MAX_FIELDS];
	struct store_stmt *ins;
	struct writer w;
	struct batch *batch;              /* being filled; NULL between batches */
	int64_t id;
	long rows, skipped, ignored_events;
	bool have_day;
	int32_t first, last;              /* days the rows are dated, since 1970 */
	int32_t lo, hi;                   /* the period given (or the widest) */
	struct earlier *ex;
	size_t nex;
	struct ignored ign[8];
	size_t nign;
	bool ign_more;        /* more labels than ign holds */
	bool own_error;
	struct styr_error *err;
	/* ticket history: the events of one ticket read one after the other,
	** written as one packed row (ops_walk.h) */
	struct strbuf pend_ticket, pend_events;
	int64_t pend_prev;
	long pend_line, pend_count;
};

/* ---- messages ---- */

static enum styr_rc row_error(struct imp *m, const struct csv_record *rec, int f,
                              const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static enum styr_rc row_error(struct imp *m, const struct csv_record *rec, int f,
                              const char *fmt, ...)
{
	char what[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	long line = rec->line;
	int col = 1;
	if(f >= 0 && m->col[f] >= 0 && (size_t)m->col[f] < rec->n) {
		line = rec->fields[m->col[f]].line;
		col = rec->fields[m->col[f]].column;
	}
	m->own_error = true;
	if(f >= 0) {
		const char *h = m->prof.column[m->o->source][f];
		return styr_error_set(m->err, STYR_EINVAL, "%s:%ld:%d: %s (%s): %s", m->o->path, line,
		                      col, m->fd[f].name, h ? h : "not in the profile", what);
	}
	return styr_error_set(m->err, STYR_EINVAL, "%s:%ld:%d: %s", m->o->path, line, col, what);
}

/* ---- the heading line ---- */

static enum styr_rc header(struct imp *m, const struct csv_record *rec)
{
	struct strbuf missing = STRBUF_INIT, have = STRBUF_INIT;
	for(size_t f = 0; f < m->nfd; f++) {
		const char *h = m->prof.column[m->o->source][f];
		m->col[f] = -1;
		for(size_t i = 0; h && i < rec->n; i++)
			if(ops_heading_equal(h, rec->fields[i].text)) {
				m->col[f] = (int)i;
				break;
			}
		if(m->col[f] < 0 && m->fd[f].required)
			strbuf_addf(&missing, "%s\"%s\" (%s)", missing.len ? ", " : "",
			            h ? h : "?", m->fd[f].name);
	}
	if(!missing.len) {
		strbuf_release(&missing);
		strbuf_release(&have);
		m->header = true;
		return STYR_OK;
	}
	for(size_t i = 0; i < rec->n; i++)
		strbuf_addf(&have, "%s\"%s\"", i ? ", " : "", rec->fields[i].text);
	m->own_error = true;
	styr_error_set(m->err, STYR_EINVAL, "%s:%ld:1: the heading line does not match profile %s"
	               " for %s: missing %s; the file has %s", m->o->path, rec->line,
	               m->prof.name, ops_source_names[m->o->source], missing.buf, have.buf);
	strbuf_release(&missing);
	strbuf_release(&have);
	return STYR_EINVAL;
}

/* ---- fields ---- */

static const char *text(struct imp *m, const struct csv_record *rec, int f)
{
	if(f < 0 || m->col[f] < 0 || (size_t)m->col[f] >= rec->n)
		return "";
	const char *t = rec->fields[m->col[f]].text;
	while(*t == ' ' || *t == '\t')
		t++;
	return t;
}

static bool empty(const char *t)
{
	for(; *t; t++)
		if(*t != ' ' && *t != '\t')
			return false;
	return true;
}

/* A required field present, or an error. */
static enum styr_rc need(struct imp *m, const struct csv_record *rec, int f)
{
	if(!empty(text(m, rec, f)))
		return STYR_OK;
	return row_error(m, rec, f, "expected a value, found an empty field");
}

/* A word of the field's vocabulary; *code 0 means ignore. An empty optional
** field gives *present false. */
static enum styr_rc word(struct imp *m, const struct csv_record *rec, int f, enum ops_vocab v,
                         const char *t, bool *present, int *code)
{
	*present = !empty(t);
	*code = 0;
	if(!*present)
		return m->fd[f].required ? need(m, rec, f) : STYR_OK;
	if(ops_profile_lookup(&m->prof, v, t, code))
		return STYR_OK;
	char known[512];
	ops_profile_known(&m->prof, v, known, sizeof(known));
	return row_error(m, rec, f, "\"%s\" is not a %s profile %s knows: expected one of %s",
	                 t, ops_vocab_names[v], m->prof.name, known);
}

/* An instant; *present false for an empty optional field. */
static enum styr_rc stamp(struct imp *m, const struct csv_record *rec, int f, bool *present,
                          int64_t *out)
{
	const char *t = text(m, rec, f), *why;
	struct ops_stamp st;
	*present = !empty(t);
	*out = OPS_NONE;
	if(!*present)
		return m->fd[f].required ? need(m, rec, f) : STYR_OK;
	if(!ops_stamp_parse(t, &st, &why))
		return row_error(m, rec, f, "expected %s, found \"%s\"", why, t);
	long line = m->col[f] >= 0 ? rec->fields[m->col[f]].line : rec->line;
	if(ops_clock_read(&m->clock[f], &st, line, out) == OPS_LOCAL_MISSING)
		return row_error(m, rec, f, "%s does not exist in Swedish time: the clocks went"
		                 " from 02:00 to 03:00 that night", t);
	return STYR_OK;
}

/* The local day of an instant (days since 1970), for the period. */
static int32_t day_of(int64_t t)
{
	int64_t l = ops_tz_to_local(t);
	return (int32_t)(l >= 0 ? l / OPS_DAY : -((-l + OPS_DAY - 1) / OPS_DAY));
}

/* Record that the row at field f is dated on day d: check it against the
** period given and the earlier imports, and widen the period found. */
static enum styr_rc dated(struct imp *m, const struct csv_record *rec, int f, int32_t d)
{
	if(d < m->lo || d > m->hi) {
		const struct ops_import_opts *o = m->o;
		char a[11], b[11], x[11];
		date_format_iso(date_from_days(d), x);
		date_format_iso(o->from, a);
		date_format_iso(o->to, b);
		return row_error(m, rec, f, "dated %s, outside the period %s to %s given", x,
		                 o->from.year ? a : "…", o->to.year ? b : "…");
	}
	if(!m->have_day || d < m->first)
		m->first = d;
	if(!m->have_day || d > m->last)
		m->last = d;
	m->have_day = true;
	for(size_t i = 0; i < m->nex; i++) {
		struct earlier *e = &m->ex[i];
		if(!e->line && d >= e->from && d <= e->to) {
			e->line = m->col[f] >= 0 ? rec->fields[m->col[f]].line : rec->line;
			e->col = m->col[f] >= 0 ? rec->fields[m->col[f]].column : 1;
		}
	}
	return STYR_OK;
}

static enum styr_rc not_before(struct imp *m, const struct csv_record *rec, int f, int64_t t,
                               int g, int64_t start)
{
	if(t == OPS_NONE || t >= start)
		return STYR_OK;
	char a[17], b[17];
	ops_format_local(t, a);
	ops_format_local(start, b);
	return row_error(m, rec, f, "%s is before %s %s: the times run backwards", a,
	                 m->fd[g].name, b);
}

/* ---- rows to the writer ----
**
** The rows checked are put in batches; a writer thread binds and steps the
** prepared INSERT for each while the next batch is read, so reading and
** checking the file runs on one core and SQLite on the other. Only the
** writer touches the store while the file is read. When no thread can be
** started, each batch is written where it is filled.
*/

static enum styr_rc write_batch(struct writer *w, struct batch *b, struct styr_error *err)
{
	enum styr_rc rc = STYR_OK;
	bool row;
	for(size_t r = 0; !rc && r < b->nrows; r++) {
		const struct val *v = &b->v[r * (size_t)w->ncols];
		for(int c = 0; c < w->ncols; c++) {
			if(v[c].type == V_INT)
				stmt_bind_int(w->ins, c + 1, v[c].i);
			else if(v[c].type == V_TEXT)
				stmt_bind_text(w->ins, c + 1, b->arena.buf + v[c].i);
			else
				stmt_bind_null(w->ins, c + 1);
		}
		rc = stmt_step(w->ins, &row, err);
		stmt_reset(w->ins);
	}
	b->nrows = 0;
	strbuf_reset(&b->arena);
	return rc;
}

static void *writer_main(void *arg)
{
	struct writer *w = arg;
	pthread_mutex_lock(&w->mu);
	for(;;) {
		while(!w->nqueue && !w->quit)
			pthread_cond_wait(&w->cv, &w->mu);
		if(!w->nqueue)
			break;
		struct batch *b = w->queue[0];
		memmove(w->queue, w->queue + 1, --w->nqueue * sizeof(*w->queue));
		pthread_mutex_unlock(&w->mu);
		enum styr_rc rc = STYR_OK;
		struct styr_error e;
		if(!w->rc)
			rc = write_batch(w, b, &e);
		else {
			b->nrows = 0;
			strbuf_reset(&b->arena);
		}
		pthread_mutex_lock(&w->mu);
		if(rc && !w->rc) {
			w->rc = rc;
			w->err = e;
		}
		w->spare[w->nspare++] = b;
		pthread_cond_broadcast(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

static void writer_init(struct writer *w, struct store_stmt *ins, int ncols)
{
	memset(w, 0, sizeof(*w));
	w->ins = ins;
	w->ncols = ncols;
	for(int i = 0; i < NBATCHES; i++) {
		w->b[i].v = xcalloc(BATCH_ROWS * (size_t)ncols, sizeof(struct val));
		strbuf_init(&w->b[i].arena);
		w->spare[w->nspare++] = &w->b[i];
	}
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	w->running = !pthread_create(&w->thread, NULL, writer_main, w);
}

/* The batch to fill: a spare one (waiting for the writer if need be). */
static struct batch *writer_take(struct writer *w)
{
	pthread_mutex_lock(&w->mu);
	while(!w->nspare)
		pthread_cond_wait(&w->cv, &w->mu);
	struct batch *b = w->spare[--w->nspare];
	pthread_mutex_unlock(&w->mu);
	return b;
}

/* Hand a filled batch to the writer (or write it here). */
static enum styr_rc writer_give(struct writer *w, struct batch *b, struct styr_error *err)
{
	if(!w->running) {
		enum styr_rc rc = w->rc ? w->rc : write_batch(w, b, &w->err);
		if(rc)
			w->rc = rc;
		w->spare[w->nspare++] = b;
		if(rc)
			*err = w->err;
		return rc;
	}
	pthread_mutex_lock(&w->mu);
	w->queue[w->nqueue++] = b;
	enum styr_rc rc = w->rc;
	if(rc)
		*err = w->err;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
	return rc;
}

/* Wait until everything handed over is written, stop the thread; the
** writer's failure, if any. */
static enum styr_rc writer_finish(struct writer *w, struct styr_error *err)
{
	if(w->running) {
		pthread_mutex_lock(&w->mu);
		w->quit = true;
		pthread_cond_broadcast(&w->cv);
		pthread_mutex_unlock(&w->mu);
		pthread_join(w->thread, NULL);
		w->running = false;
	}
	if(w->rc)
		*err = w->err;
	return w->rc;
}

static void writer_release(struct writer *w)
{
	for(int i = 0; i < NBATCHES; i++) {
		free(w->b[i].v);
		strbuf_release(&w->b[i].arena);
	}
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->cv);
}

/* The current row's values, cleared when a row begins. */
static struct val *cur_row(struct imp *m)
{
	if(!m->batch)
		m->batch = writer_take(&m->w);
	return &m->batch->v[m->batch->nrows * (size_t)m->w.ncols];
}

static void rb_int(struct imp *m, int idx, int64_t v)
{
	cur_row(m)[idx - 1] = (struct val){ V_INT, v };
}

static void rb_null(struct imp *m, int idx)
{
	cur_row(m)[idx - 1] = (struct val){ V_NULL, 0 };
}

static void rb_text(struct imp *m, int idx, const char *t)
{
	if(!t) {
		rb_null(m, idx);
		return;
	}
	struct val *r = cur_row(m);
	r[idx - 1] = (struct val){ V_TEXT, (int64_t)m->batch->arena.len };
	strbuf_addstr(&m->batch->arena, t);
	strbuf_addch(&m->batch->arena, '\0');
}

static enum styr_rc row_done(struct imp *m)
{
	if(++m->batch->nrows < BATCH_ROWS)
		return STYR_OK;
	struct batch *b = m->batch;
	m->batch = NULL;
	return writer_give(&m->w, b, m->err);
}

/* The last rows to the writer, and wait for it. */
static enum styr_rc rows_finish(struct imp *m)
{
	enum styr_rc rc = STYR_OK;
	if(m->batch && m->batch->nrows) {
		struct batch *b = m->batch;
		m->batch = NULL;
		rc = writer_give(&m->w, b, m->err);
	}
	enum styr_rc wrc = writer_finish(&m->w, m->err);
	return rc ? rc : wrc;
}

static void bind_time(struct imp *m, int idx, int64_t t)
{
	if(t == OPS_NONE)
		rb_null(m, idx);
	else
		rb_int(m, idx, t);
}

/* The row is complete: it goes to the writer. */
static enum styr_rc step(struct imp *m)
{
	if(m->o->source != OPS_SRC_HISTORY)
		m->rows++;
	return row_done(m);
}

/* Write the pending events of a ticket as one row. */
static enum styr_rc flush_history(struct imp *m)
{
	if(!m->pend_count)
		return STYR_OK;
	rb_int(m, 1, m->id);
	rb_text(m, 2, m->pend_ticket.buf);
	rb_text(m, 3, m->pend_events.buf);
	rb_int(m, 4, m->pend_count);
	rb_int(m, 5, m->pend_line);
	m->pend_count = 0;
	strbuf_reset(&m->pend_events);
	return step(m);
}

/* ---- one row per source ---- */

static enum styr_rc ticket_row(struct imp *m, const struct csv_record *rec)
{
	int64_t created, resolved, closed, delivered;
	bool p;
	int type, prio, status;
	const int fid = OPS_T_ID, ftype = OPS_T_TYPE, fprio = OPS_T_PRIORITY;
	const int fcreated = OPS_T_CREATED, fstatus = OPS_T_STATUS, fres = OPS_T_RESOLVED;
	const int fclosed = OPS_T_CLOSED, fdel = OPS_T_DELIVERED;
	enum styr_rc rc = need(m, rec, fid);
	if(!rc)
		rc = word(m, rec, ftype, OPS_VOC_TYPE, text(m, rec, ftype), &p, &type);
	if(!rc && !type) {
		m->skipped++;
		return STYR_OK;
	}
	if(!rc)
		rc = word(m, rec, fprio, OPS_VOC_PRIORITY, text(m, rec, fprio), &p, &prio);
	if(!rc)
		rc = word(m, rec, fstatus, OPS_VOC_STATUS, text(m, rec, fstatus), &p, &status);
	if(!rc)
		rc = stamp(m, rec, fcreated, &p, &created);
	if(!rc)
		rc = stamp(m, rec, fres, &p, &resolved);
	if(!rc)
		rc = stamp(m, rec, fclosed, &p, &closed);
	if(!rc)
		rc = stamp(m, rec, fdel, &p, &delivered);
	if(!rc)
		rc = not_before(m, rec, fres, resolved, fcreated, created);
	if(!rc)
		rc = not_before(m, rec, fclosed, closed, fcreated, created);
	if(!rc)
		rc = not_before(m, rec, fdel, delivered, fcreated, created);
	if(!rc)
		rc = dated(m, rec, fcreated, day_of(created));
	if(rc)
		return rc;
	const char *grp = text(m, rec, OPS_T_GROUP);
	const int fsol = OPS_T_SOLUTION;
	rb_int(m, 1, m->id);
	rb_text(m, 2, text(m, rec, fid));
	rb_int(m, 3, type);
	rb_int(m, 4, prio);
	rb_int(m, 5, created);
	if(status)
		rb_int(m, 6, status);
	else
		rb_null(m, 6);
	bind_time(m, 7, resolved);
	bind_time(m, 8, closed);
	rb_text(m, 9, empty(grp) ? NULL : grp);
	if(m->col[fsol] >= 0)
		rb_int(m, 10, !empty(text(m, rec, fsol)));
	else
		rb_null(m, 10);
	bind_time(m, 11, delivered);
	rb_int(m, 12, rec->line);
	return step(m);
}

static void count_ignored(struct imp *m, const char *label)
{
	for(size_t i = 0; i < m->nign; i++)
		if(!strcmp(m->ign[i].label, label)) {
			m->ign[i].n++;
			return;
		}
	if(m->nign < sizeof(m->ign) / sizeof(m->ign[0])) {
		m->ign[m->nign].label = xstrdup(label);
		m->ign[m->nign++].n = 1;
	} else {
		m->ign_more = true;
	}
}

static enum styr_rc history_row(struct imp *m, const struct csv_record *rec)
{
	const int fticket = OPS_H_TICKET, fat = OPS_H_AT, ffield = OPS_H_FIELD;
	const int fnew = OPS_H_NEW, fold = OPS_H_OLD, fvis = OPS_H_VISIBILITY;
	int kind = 0, code = 0, old = 0, vis;
	int64_t at;
	bool p;
	const char *label = text(m, rec, ffield), *nv = text(m, rec, fnew);
	enum styr_rc rc = need(m, rec, fticket);
	if(!rc)
		rc = need(m, rec, ffield);
	if(!rc)
		rc = stamp(m, rec, fat, &p, &at);
	if(!rc)
		rc = dated(m, rec, fat, day_of(at));
	if(rc)
		return rc;
	if(!ops_profile_lookup(&m->prof, OPS_VOC_FIELD, label, &kind)) {
		m->ignored_events++;
		count_ignored(m, label);
		return STYR_OK;
	}
	if(!kind) {
		m->ignored_events++;
		return STYR_OK;
	}
	switch(kind) {
	case OPS_EV_STATUS:
		rc = empty(nv) ? row_error(m, rec, fnew, "a status change without the new status")
		               : word(m, rec, fnew, OPS_VOC_STATUS, nv, &p, &code);
		break;
	case OPS_EV_PRIORITY:
		rc = empty(nv) ? row_error(m, rec, fnew, "a priority change without the new priority")
		               : word(m, rec, fnew, OPS_VOC_PRIORITY, nv, &p, &code);
		if(!rc && fold >= 0)
			rc = word(m, rec, fold, OPS_VOC_PRIORITY, text(m, rec, fold), &p, &old);
		break;
	case OPS_EV_GROUP:
	case OPS_EV_ASSIGNEE:
		if(empty(nv)) {        /* taken off a group or person: no assignment */
			m->ignored_events++;
			return STYR_OK;
		}
		break;
	case OPS_EV_REPLY:
		rc = word(m, rec, fvis, OPS_VOC_VISIBILITY, text(m, rec, fvis), &p, &vis);
		if(!rc && p && vis == OPS_VIS_INTERNAL) {
			m->ignored_events++;
			return STYR_OK;
		}
		break;
	}
	if(rc)
		return rc;
	const char *ticket = text(m, rec, fticket);
	if(m->pend_count && (strcmp(m->pend_ticket.buf, ticket) || m->pend_events.len > 60000))
		rc = flush_history(m);
	if(rc)
		return rc;
	if(!m->pend_count) {
		strbuf_reset(&m->pend_ticket);
		strbuf_addstr(&m->pend_ticket, ticket);
		m->pend_line = rec->line;
		m->pend_prev = 0;
	}
	struct ops_event e = { at, kind, code, old,
	                       kind == OPS_EV_GROUP || kind == OPS_EV_ASSIGNEE ? nv : NULL };
	ops_events_pack(&m->pend_events, &m->pend_prev, &e);
	m->pend_count++;
	m->rows++;
	return STYR_OK;
}

static enum styr_rc call_row(struct imp *m, const struct csv_record *rec)
{
	const int fat = OPS_C_AT, fwait = OPS_C_WAIT, fres = OPS_C_RESULT;
	int64_t at, wait;
	int res;
	bool p;
	enum styr_rc rc = word(m, rec, fres, OPS_VOC_CALL, text(m, rec, fres), &p, &res);
	if(!rc)
		rc = stamp(m, rec, fat, &p, &at);
	if(!rc)
		rc = need(m, rec, fwait);
	if(!rc && !ops_seconds_parse(text(m, rec, fwait), &wait))
		rc = row_error(m, rec, fwait, "expected seconds such as 14 or 0:14, found \"%s\"",
		               text(m, rec, fwait));
	if(!rc)
		rc = dated(m, rec, fat, day_of(at));
	if(rc)
		return rc;
	if(!res) {
		m->skipped++;
		return STYR_OK;
	}
	rb_int(m, 1, m->id);
	rb_int(m, 2, at);
	rb_int(m, 3, wait);
	rb_int(m, 4, res == OPS_CALL_ANSWERED);
	return step(m);
}

static enum styr_rc outage_row(struct imp *m, const struct csv_record *rec)
{
	const int fsvc = OPS_A_SERVICE, fstart = OPS_A_START, fend = OPS_A_END;
	const int fkind = OPS_A_KIND, fcat = OPS_A_CATEGORY;
	int64_t a, b;
	int kind;
	bool p;
	enum styr_rc rc = need(m, rec, fsvc);
	if(!rc)
		rc = word(m, rec, fkind, OPS_VOC_OUTAGE, text(m, rec, fkind), &p, &kind);
	if(!rc)
		rc = stamp(m, rec, fstart, &p, &a);
	if(!rc)
		rc = stamp(m, rec, fend, &p, &b);
	if(!rc)
		rc = not_before(m, rec, fend, b, fstart, a);
	if(!rc)
		rc = dated(m, rec, fstart, day_of(a));
	/* an end at midnight belongs to the day before */
	if(!rc)
		rc = dated(m, rec, fend, day_of(b > a ? b - 1 : b));
	if(rc)
		return rc;
	if(!kind) {
		m->skipped++;
		return STYR_OK;
	}
	const char *cat = text(m, rec, fcat);
	rb_int(m, 1, m->id);
	rb_text(m, 2, text(m, rec, fsvc));
	rb_text(m, 3, empty(cat) ? NULL : cat);
	rb_int(m, 4, a);
	rb_int(m, 5, b);
	rb_int(m, 6, kind);
	rb_int(m, 7, rec->line);
	return step(m);
}

static enum styr_rc asset_row(struct imp *m, const struct csv_record *rec)
{
	const int fname = OPS_S_NAME, ftype = OPS_S_TYPE, fstatus = OPS_S_STATUS;
	int type, status;
	bool pt, ps;
	enum styr_rc rc = need(m, rec, fname);
	if(!rc)
		rc = word(m, rec, ftype, OPS_VOC_ASSET_TYPE, text(m, rec, ftype), &pt, &type);
	if(!rc)
		rc = word(m, rec, fstatus, OPS_VOC_ASSET_STATUS, text(m, rec, fstatus), &ps, &status);
	if(rc)
		return rc;
	if((pt && type != OPS_ASSET_COMPUTER) || (ps && status != OPS_ASSET_ACTIVE)) {
		m->skipped++;
		return STYR_OK;
	}
	char key[256];
	const char *serial = text(m, rec, OPS_S_SERIAL);
	ops_asset_key(text(m, rec, fname), key, sizeof(key));
	rb_int(m, 1, m->id);
	rb_text(m, 2, key);
	rb_text(m, 3, text(m, rec, fname));
	rb_text(m, 4, empty(serial) ? NULL : serial);
	rb_int(m, 5, rec->line);
	return step(m);
}

static enum styr_rc invoice_row(struct imp *m, const struct csv_record *rec)
{
	const int fnum = OPS_I_NUMBER, fsup = OPS_I_SUPPLIER, fdate = OPS_I_DATE;
	const int famount = OPS_I_AMOUNT, ftext = OPS_I_TEXT;
	struct date d;
	money_t amount = 0;
	bool has_amount = false;
	char iso[11];
	enum styr_rc rc = need(m, rec, fnum);
	if(!rc)
		rc = need(m, rec, fsup);
	if(!rc)
		rc = need(m, rec, fdate);
	if(!rc && !ops_date_parse(text(m, rec, fdate), &d))
		rc = row_error(m, rec, fdate, "expected a date such as 2020-04-30, found \"%s\"",
		               text(m, rec, fdate));
	if(!rc && !empty(text(m, rec, famount))) {
		struct sv_number n;
		struct styr_error e;
		if(sv_number_parse(text(m, rec, famount), &n, &e) || n.decimals > 2)
			rc = row_error(m, rec, famount, "expected an amount in kronor such as 1 234,50,"
			               " found \"%s\"", text(m, rec, famount));
		else {
			amount = sv_number_scaled(&n, 2);
			has_amount = true;
		}
	}
	if(!rc)
		rc = dated(m, rec, fdate, date_to_days(d));
	if(rc)
		return rc;
	const char *t = text(m, rec, ftext);
	date_format_iso(d, iso);
	rb_int(m, 1, m->id);
	rb_text(m, 2, text(m, rec, fnum));
	rb_text(m, 3, text(m, rec, fsup));
	rb_text(m, 4, iso);
	if(has_amount)
		rb_int(m, 5, amount);
	else
		rb_null(m, 5);
	rb_text(m, 6, empty(t) ? NULL : t);
	rb_int(m, 7, rec->line);
	return step(m);
}

static enum styr_rc backup_row(struct imp *m, const struct csv_record *rec)
{
	const int fjob = OPS_B_JOB, fstart = OPS_B_START, fend = OPS_B_END;
	const int fres = OPS_B_RESULT;
	int64_t a, b;
	int res;
	bool p;
	enum styr_rc rc = need(m, rec, fjob);
	if(!rc)
		rc = word(m, rec, fres, OPS_VOC_BACKUP, text(m, rec, fres), &p, &res);
	if(!rc)
		rc = stamp(m, rec, fstart, &p, &a);
	if(!rc)
		rc = stamp(m, rec, fend, &p, &b);
	if(!rc)
		rc = not_before(m, rec, fend, b, fstart, a);
	if(!rc)
		rc = dated(m, rec, fstart, day_of(a));
	if(rc)
		return rc;
	rb_int(m, 1, m->id);
	rb_text(m, 2, text(m, rec, fjob));
	rb_int(m, 3, a);
	bind_time(m, 4, b);
	rb_int(m, 5, res);
	rb_int(m, 6, rec->line);
	return step(m);
}

static enum styr_rc on_record(void *ctx, const struct csv_record *rec, struct styr_error *err)
{
	struct imp *m = ctx;
	(void)err;
	if(!m->header)
		return header(m, rec);
	switch(m->o->source) {
	case OPS_SRC_TICKETS: return ticket_row(m, rec);
	case OPS_SRC_HISTORY: return history_row(m, rec);
	case OPS_SRC_CALLS: return call_row(m, rec);
	case OPS_SRC_AVAILABILITY: return outage_row(m, rec);
	case OPS_SRC_ASSETS: return asset_row(m, rec);
	case OPS_SRC_INVOICES: return invoice_row(m, rec);
	case OPS_SRC_BACKUP: return backup_row(m, rec);
	case OPS_NSOURCES: break;
	}
	return STYR_EINVAL;
}

static const char *const inserts[OPS_NSOURCES] = {
	"INSERT INTO ops_ticket(import_id, ticket, type, priority, created, status, resolved,"
	" closed, grp, solution, delivered, line) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
	"INSERT INTO ops_history(import_id, ticket, events, count, line) VALUES(?,?,?,?,?)",
	"INSERT INTO ops_call(import_id, at, wait, answered) VALUES(?,?,?,?)",
	"INSERT INTO ops_outage(import_id, service, category, start, \"end\", kind, line)"
	" VALUES(?,?,?,?,?,?,?)",
	"INSERT INTO ops_asset(import_id, key, name, serial, line) VALUES(?,?,?,?,?)",
	"INSERT INTO ops_invoice(import_id, number, supplier, date, amount, text, line)"
	" VALUES(?,?,?,?,?,?,?)",
	"INSERT INTO ops_backup(import_id, job, start, \"end\", result, line) VALUES(?,?,?,?,?,?)",
};

/* The earlier imports of the same source and profile. */
static enum styr_rc load_earlier(struct imp *m)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(m->s, "SELECT id, period_from, period_to FROM ops_import"
	                                " WHERE source = ? AND profile = ? ORDER BY id", &st, m->err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, ops_source_names[m->o->source]);
	stmt_bind_text(st, 2, m->prof.name);
	while(!(rc = stmt_step(st, &row, m->err)) && row) {
		struct earlier e = { stmt_int(st, 0), 0, 0, 0, 0 };
		struct date a = { 1970, 1, 1 }, b = { 1970, 1, 1 };
		date_parse_iso(stmt_text(st, 1), &a);
		date_parse_iso(stmt_text(st, 2), &b);
		e.from = date_to_days(a);
		e.to = date_to_days(b);
		m->ex = xrealloc(m->ex, (m->nex + 1) * sizeof(*m->ex));
		m->ex[m->nex++] = e;
	}
	stmt_finalize(st);
	return rc;
}

static enum styr_rc exec_id(struct store *s, const char *sql, int64_t id, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, sql, &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, id);
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	return rc;
}

/* Delete import id and everything read from it. */
static enum styr_rc delete_import(struct store *s, int64_t id, struct styr_error *err)
{
	enum styr_rc rc = STYR_OK;
	char sql[96];
	for(int i = 0; !rc && tables[i]; i++) {
		snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE import_id = ?", tables[i]);
		rc = exec_id(s, sql, id, err);
	}
	if(!rc)
		rc = exec_id(s, "DELETE FROM ops_import WHERE id = ?", id, err);
	return rc;
}

/* Settle the period: replace an import of the same period, refuse an
** overlapping one. */
static enum styr_rc settle(struct imp *m, struct ops_import_result *r)
{
	const struct ops_import_opts *o = m->o;
	char a[11], b[11], c[11], d[11];
	if(o->source == OPS_SRC_ASSETS) {
		r->from = r->to = o->to.year ? o->to : clock_today();
	} else {
		r->from = o->from.year ? o->from : m->have_day ? date_from_days(m->first) : o->from;
		r->to = o->to.year ? o->to : m->have_day ? date_from_days(m->last) : o->to;
		if(!r->from.year || !r->to.year)
			return styr_error_set(m->err, STYR_EINVAL, "%s: no rows to import, and no period"
			                      " given (--from and --to)", o->path);
		if(date_cmp(r->from, r->to) > 0) {
			date_format_iso(r->from, a);
			date_format_iso(r->to, b);
			return styr_error_set(m->err, STYR_EINVAL, "%s: the period %s to %s ends before"
			                      " it begins", o->path, a, b);
		}
	}
	date_format_iso(r->from, a);
	date_format_iso(r->to, b);
	int32_t from = date_to_days(r->from), to = date_to_days(r->to);
	for(size_t i = 0; i < m->nex; i++) {
		struct earlier *e = &m->ex[i];
		if(e->from == from && e->to == to) {
			r->replaced = e->id;
			continue;
		}
		if(e->from > to || e->to < from)
			continue;
		date_format_iso(date_from_days(e->from), c);
		date_format_iso(date_from_days(e->to), d);
		if(e->line)
			return styr_error_set(m->err, STYR_ECONFLICT, "%s:%ld:%d: the row is dated in"
			                      " %s to %s, the period of import #%" PRId64 " of %s (%s);"
			                      " this file covers %s to %s, which overlaps it: import"
			                      " the same period to replace it, or a period that does"
			                      " not overlap", o->path, e->line, e->col, c, d, e->id,
			                      ops_source_names[o->source], m->prof.name, a, b);
		return styr_error_set(m->err, STYR_ECONFLICT, "%s: the period %s to %s overlaps"
		                      " %s to %s of import #%" PRId64 " of %s (%s): import the same"
		                      " period to replace it, or a period that does not overlap",
		                      o->path, a, b, c, d, e->id, ops_source_names[o->source],
		                      m->prof.name);
	}
	if(r->replaced)
		return delete_import(m->s, r->replaced, m->err);
	return STYR_OK;
}

static enum styr_rc finish(struct imp *m, struct ops_import_result *r, const char *enc)
{
	struct store_stmt *st;
	struct strbuf json = STRBUF_INIT, key = STRBUF_INIT;
	struct jsonw w;
	char a[11], b[11];
	bool row;
	long flagged = 0, first = 0;
	for(size_t f = 0; f < m->nfd; f++) {
		if(m->clock[f].flagged && (!first || m->clock[f].first_flagged_line < first))
			first = m->clock[f].first_flagged_line;
		flagged += m->clock[f].flagged;
	}
	r->flagged = flagged;
	r->first_flagged_line = first;
	r->rows = m->rows;
	r->skipped = m->skipped;
	r->ignored_events = m->ignored_events;
	/* Whole labels only: a list that does not fit ends with "…" rather
	** than a label cut (perhaps inside a character). */
	struct strbuf list = STRBUF_INIT, item = STRBUF_INIT;
	static const char more[] = "…";
	bool cut = m->ign_more;
	for(size_t i = 0; i < m->nign; i++) {
		strbuf_reset(&item);
		strbuf_addf(&item, "%s%s (%ld)", i ? ", " : "", m->ign[i].label, m->ign[i].n);
		if(list.len + item.len + strlen(", ") + strlen(more) >= sizeof(r->ignored_fields)) {
			cut = true;
			break;
		}
		strbuf_add(&list, item.buf, item.len);
	}
	if(cut)
		strbuf_addf(&list, "%s%s", list.len ? ", " : "", more);
	str_copy(r->ignored_fields, sizeof(r->ignored_fields), list.buf);
	strbuf_release(&list);
	strbuf_release(&item);
	date_format_iso(r->from, a);
	date_format_iso(r->to, b);
	jsonw_init(&w, jsonw_strbuf_sink, &json, false);
	jsonw_object_begin(&w);
	jsonw_kv_string(&w, "file", m->o->path);
	jsonw_kv_string(&w, "source", ops_source_names[m->o->source]);
	jsonw_kv_string(&w, "profile", m->prof.name);
	jsonw_kv_string(&w, "from", a);
	jsonw_kv_string(&w, "to", b);
	jsonw_kv_int(&w, "rows", m->rows);
	jsonw_kv_int(&w, "skipped", m->skipped);
	jsonw_kv_int(&w, "ignored_events", m->ignored_events);
	jsonw_kv_int(&w, "repeated_hour", flagged);
	jsonw_kv_string(&w, "encoding", enc);
	if(r->replaced)
		jsonw_kv_int(&w, "replaced", r->replaced);
	jsonw_object_end(&w);
	enum styr_rc rc = store_prepare(m->s, "UPDATE ops_import SET period_from = ?, period_to = ?,"
	                                " rows = ?, flagged = ?, encoding = ?, summary = ? WHERE id = ?",
	                                &st, m->err);
	if(!rc) {
		stmt_bind_text(st, 1, a);
		stmt_bind_text(st, 2, b);
		stmt_bind_int(st, 3, m->rows);
		stmt_bind_int(st, 4, flagged);
		stmt_bind_text(st, 5, enc);
		stmt_bind_text(st, 6, json.buf);
		stmt_bind_int(st, 7, m->id);
		rc = stmt_step(st, &row, m->err);
		stmt_finalize(st);
	}
	strbuf_addf(&key, "%" PRId64, m->id);
	if(!rc)
		rc = store_audit(m->s, "ops_import", key.buf, NULL, json.buf, m->err);
	strbuf_release(&json);
	strbuf_release(&key);
	return rc;
}

enum styr_rc ops_import_file(struct store *s, const struct ops_import_opts *o,
                             struct ops_import_result *r, struct styr_error *err)
{
	struct imp m;
	struct csv_parser p;
	struct store_stmt *st = NULL;
	char stamp_now[CLOCK_TIMESTAMP_SIZE];
	char buf[1 << 16];
	size_t n;
	bool row, began = false;
	FILE *f = NULL;
	enum styr_rc rc;

	memset(r, 0, sizeof(*r));
	memset(&m, 0, sizeof(m));
	strbuf_init(&m.pend_ticket);
	strbuf_init(&m.pend_events);
	m.s = s;
	m.o = o;
	m.err = err;
	m.fd = ops_source_fields(o->source, &m.nfd);
	m.lo = o->from.year ? date_to_days(o->from) : INT32_MIN;
	m.hi = o->to.year ? date_to_days(o->to) : INT32_MAX;
	rc = ops_profile_load(s, o->profile, &m.prof, err);
	if(rc)
		return rc;
	for(size_t i = 0; i < m.nfd; i++)
		ops_clock_init(&m.clock[i], m.prof.utc);
	f = fopen(o->path, "rb");
	if(!f) {
		ops_profile_release(&m.prof);
		return styr_error_set(err, STYR_EIO, "%s: cannot open: %s", o->path, strerror(errno));
	}
	rc = store_begin(s, err);
	began = !rc;
	if(!rc)
		rc = load_earlier(&m);
	if(!rc)
		rc = store_prepare(s, "INSERT INTO ops_import(source, profile, file, period_from,"
		                   " period_to, rows, imported_at, imported_by) VALUES(?, ?, ?, '', '',"
		                   " 0, ?, ?)", &st, err);
	if(!rc) {
		clock_timestamp(stamp_now);
		stmt_bind_text(st, 1, ops_source_names[o->source]);
		stmt_bind_text(st, 2, m.prof.name);
		stmt_bind_text(st, 3, o->path);
		stmt_bind_text(st, 4, stamp_now);
		stmt_bind_text(st, 5, store_user(s));
		rc = stmt_step(st, &row, err);
		stmt_finalize(st);
		m.id = store_last_insert_id(s);
		r->id = m.id;
	}
	static const int ncols[OPS_NSOURCES] = { 12, 5, 4, 7, 5, 7, 6 };
	bool writing = false;
	if(!rc)
		rc = store_prepare(s, inserts[o->source], &m.ins, err);
	if(!rc) {
		writer_init(&m.w, m.ins, ncols[o->source]);
		writing = true;
	}
	csv_init(&p, 0, on_record, &m);
	while(!rc && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		rc = csv_feed(&p, buf, n, err);
	if(!rc && ferror(f))
		rc = styr_error_set(err, STYR_EIO, "%s: read error", o->path);
	if(!rc)
		rc = csv_finish(&p, err);
	if(!rc && o->source == OPS_SRC_HISTORY)
		rc = flush_history(&m);
	if(writing) {
		struct styr_error ignored;
		enum styr_rc wrc = rc ? writer_finish(&m.w, &ignored) : rows_finish(&m);
		if(!rc)
			rc = wrc;
		writer_release(&m.w);
	}
	if(rc && !m.own_error && (rc == STYR_EINVAL))
		styr_error_set(err, rc, "%s:%s", o->path, err->msg);  /* "LINE:COLUMN: ..." */
	if(!rc && !m.header)
		rc = styr_error_set(err, STYR_EINVAL, "%s: the file is empty: expected a heading line"
		                    " and rows", o->path);
	r->sep = p.sep;
	r->encoding = csv_encoding_name(&p);
	if(m.ins)
		stmt_finalize(m.ins);
	if(!rc)
		rc = settle(&m, r);
	if(!rc)
		rc = finish(&m, r, r->encoding);
	if(!rc)
		rc = store_commit(s, err);
	if(rc && began)
		store_rollback(s);
	csv_release(&p);
	fclose(f);
	free(m.ex);
	for(size_t i = 0; i < m.nign; i++)
		free(m.ign[i].label);
	strbuf_release(&m.pend_ticket);
	strbuf_release(&m.pend_events);
	ops_profile_release(&m.prof);
	if(rc)
		r->id = 0;
	return rc;
}

/* ---- the list of imports ---- */

static char *dup_col(struct store_stmt *st, int c)
{
	const char *t = stmt_text(st, c);
	return t ? xstrdup(t) : NULL;
}

enum styr_rc ops_imports(struct store *s, struct ops_import_row **out, size_t *n,
                         struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	enum styr_rc rc = store_prepare(s, "SELECT id, source, profile, file, period_from, period_to,"
	                                " imported_at, imported_by, rows, flagged FROM ops_import"
	                                " ORDER BY id", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(*out, *n, cap);
		struct ops_import_row *r = &(*out)[(*n)++];
		r->id = stmt_int(st, 0);
		r->source = dup_col(st, 1);
		r->profile = dup_col(st, 2);
		r->file = dup_col(st, 3);
		r->from = dup_col(st, 4);
		r->to = dup_col(st, 5);
		r->imported_at = dup_col(st, 6);
		r->imported_by = dup_col(st, 7);
		r->rows = (long)stmt_int(st, 8);
		r->flagged = (long)stmt_int(st, 9);
	}
	stmt_finalize(st);
	if(rc) {
		ops_imports_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void ops_imports_free(struct ops_import_row *v, size_t n)
{
	for(size_t i = 0; i < n; i++) {
		free(v[i].source);
		free(v[i].profile);
		free(v[i].file);
		free(v[i].from);
		free(v[i].to);
		free(v[i].imported_at);
		free(v[i].imported_by);
	}
	free(v);
}
