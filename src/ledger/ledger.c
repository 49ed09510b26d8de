/*
** ledger.c — bulk writing of one ledger import (see ledger.h).
**
** Two threads share the work: the caller's reads the file and hands each
** row to ledger_put_*, which copies it into a batch and returns; a writer
** thread of our own takes full batches in order and writes their rows
** with statements prepared once in ledger_writer_begin. So reading and
** checking the file runs on one core while the database writes on the
** other. Only the writer thread touches the store between
** ledger_writer_begin and the commit (or the failure), which first waits
** for it to finish. At most NBATCHES batches exist, so memory does not
** grow with the file. When no thread can be started each batch is written
** where it is handed over. The whole import is one transaction, begun
** with store_begin_bulk: every row refers to the import row or to the
** voucher the writer stored just before it, so the references hold by
** construction and are not looked up row by row.
**
** A failure of the writer thread is reported by the next ledger_put_*, by
** the commit, or by ledger_writer_fail in place of the caller's own when
** it concerns an earlier row: the import fails with the first error in
** the order of the file, as if everything ran in one thread.
**
** The writer also sums the transactions per account and voucher date in
** memory as they are put (a hash table of at most TOTALS_MAX sums; when
** it is full the writer thread adds them to ledger_total and a new one
** starts) and adds them to ledger_total before the commit: one row per
** import, account and day, equal to summing the import's ledger_trans
** rows (test_ledger_total).
** #VER and #TRANS rows are written ROWS at a time by one INSERT of that
** many rows, bound without copying their text from the batch.
*/
#include "ledger/ledger.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/strbuf.h"
#include "db/store.h"

enum { ST_YEAR, ST_ACCOUNT, ST_DIM, ST_OBJECT, ST_BALANCE, ST_PERIOD,
       ST_VOUCHER, ST_TRANS, ST_TOTAL, ST_VOUCHER_ROWS, ST_TRANS_ROWS, ST_COUNT };

static const char *const sql[ST_COUNT] = {
	[ST_YEAR] = "INSERT INTO ledger_year(import_id, year_index, start_date, end_date)"
	            " VALUES(?1, ?2, ?3, ?4) ON CONFLICT(import_id, year_index) DO UPDATE"
	            " SET start_date = excluded.start_date, end_date = excluded.end_date",
	[ST_ACCOUNT] = "INSERT INTO ledger_account(import_id, number, name, type, sru, unit)"
	               " VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(import_id, number) DO UPDATE"
	               " SET name = coalesce(excluded.name, ledger_account.name),"
	               " type = coalesce(excluded.type, ledger_account.type),"
	               " sru = coalesce(excluded.sru, ledger_account.sru),"
	               " unit = coalesce(excluded.unit, ledger_account.unit)",
	[ST_DIM] = "INSERT INTO ledger_dim(import_id, dim, name, parent) VALUES(?1, ?2, ?3, ?4)"
	           " ON CONFLICT(import_id, dim) DO UPDATE"
	           " SET name = excluded.name, parent = excluded.parent",
	[ST_OBJECT] = "INSERT INTO ledger_object(import_id, dim, code, name) VALUES(?1, ?2, ?3, ?4)"
	              " ON CONFLICT(import_id, dim, code) DO UPDATE SET name = excluded.name",
	[ST_BALANCE] = "INSERT INTO ledger_balance(import_id, kind, year_index, account,"
	               " objects, amount, quantity) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_PERIOD] = "INSERT INTO ledger_period(import_id, kind, year_index, year, month,"
	              " account, objects, amount, quantity)"
	              " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[ST_VOUCHER] = "INSERT INTO ledger_voucher(id, import_id, series, number, date, text,"
	               " reg_date, sign, line) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[ST_TRANS] = "INSERT INTO ledger_trans(voucher_id, account, objects, amount, date,"
	             " text, quantity, sign) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_TOTAL] = "INSERT INTO ledger_total(import_id, account, date, amount)"
	             " VALUES(?1, ?2, ?3, ?4) ON CONFLICT(import_id, account, date) DO UPDATE"
	             " SET amount = ledger_total.amount + excluded.amount",
};

/* #VER and #TRANS rows are written ROWS at a time by one INSERT of that
** many rows (ST_VOUCHER_ROWS, ST_TRANS_ROWS, made in ledger_writer_begin
** from ST_VOUCHER and ST_TRANS); the rest of a batch go one by one. A
** voucher's id is given, from VOUCHER_IDS reserved at a time
** (store_reserve_ids), so that the writer knows it before the voucher is
** written. Its #TRANS rows wait (at most TRANS_WAIT of them) until it is:
** a row never refers to one not yet stored, so that a database checking
** foreign keys at each statement accepts them in this order too. */
#define ROWS 64
#define VOUCHER_COLUMNS 9
#define TRANS_COLUMNS 8
#define VOUCHER_IDS 256
#define TRANS_WAIT (32 * ROWS)

/* One row handed to ledger_put_*, waiting in a batch: its numbers and its
** texts as offsets into the batch's arena (-1 for NULL), by kind:
**   OP_YEAR     n: year_index                 t: start, end
**   OP_ACCOUNT                                t: number, name, type, sru, unit
**   OP_DIM      n: dim, parent                t: name
**   OP_OBJECT   n: dim                        t: code, name
**   OP_BALANCE  n: year_index, amount         t: kind, account, objects, quantity
**   OP_PERIOD   n: has_index, year_index, year, month, amount
**                                             t: kind, account, objects, quantity
**   OP_VOUCHER  n: line                       t: series, number, date, text,
**                                                reg_date, sign
**   OP_TRANS    n: amount                     t: account, objects, date, text,
**                                                quantity, sign
**   OP_TOTALS   totals */
enum op_kind { OP_YEAR, OP_ACCOUNT, OP_DIM, OP_OBJECT, OP_BALANCE, OP_PERIOD,
               OP_VOUCHER, OP_TRANS, OP_TOTALS };

struct op {
	enum op_kind kind;
	int32_t t[6];
	int64_t n[5];
	struct totals *totals;  /* OP_TOTALS: sums to add to ledger_total */
};

/* A batch is handed to the writer thread when it holds BATCH_OPS rows or
** BATCH_TEXT bytes of text (a row's text is at most a few lines of the
** file, so offsets stay far below INT32_MAX). */
#define BATCH_OPS  16384
#define BATCH_TEXT ((size_t)1 << 20)
#define NBATCHES   4

struct batch {
	struct op ops[BATCH_OPS];
	size_t nops;
	struct strbuf arena;  /* the texts, NUL after each */
};

/* Sums kept in memory before they are written; a power of two. */
#define TOTALS_MAX 65536

/* The sum of one account on one voucher date; key is "account\0date". */
struct total {
	char *key;
	size_t account_len;
	uint64_t hash;
	int64_t amount;
};

/* The sums of the #TRANS rows put since the last were written: kept by
** the caller's thread as it puts rows; when TOTALS_MAX are full they are
** handed to the writer thread in the batch (OP_TOTALS), which adds them
** to ledger_total and frees them, and a new table begins. */
struct totals {
	struct total slot[2 * TOTALS_MAX]; /* open addressing */
	size_t n;
};

/* Rows of one kind waiting to be written by INSERTs of ROWS rows, in
** order: the row in the batch being written and the id of its voucher.
** null[k] says that parameter k + 1 of that INSERT is bound to NULL
** already: a bulk write rebinds only what changes (the bindings stay when
** it is run again, stmt_rewind). */
struct rows {
	struct {
		const struct op *o;
		int64_t id;
	} row[TRANS_WAIT];
	size_t n;
	bool null[ROWS * VOUCHER_COLUMNS];
};

struct ledger_writer {
	struct store *s;
	int64_t import_id;
	char *company, *orgnr, *program, *encoding;
	int sie_type;
	bool have_voucher;    /* a voucher was put */
	char voucher_date[32];/* of the last voucher put */
	size_t date_len;
	uint64_t date_hash;   /* FNV-1a of the date, mixed into each account's */
	struct totals *totals;/* the sums so far; NULL before the first */
	struct batch *batch;  /* being filled; NULL between batches */

	/* the writer thread, and the batches passed to and fro */
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
	bool cancel;          /* the import is abandoned: write nothing more */
	enum styr_rc rc;      /* the writer's first failure, under mu */
	struct styr_error err;

	/* the writer's own: only the writer thread uses these until it ends */
	struct store_stmt *st[ST_COUNT];
	int64_t ids[VOUCHER_IDS];     /* reserved voucher ids; ids[next_id..nids) unused */
	size_t nids, next_id;
	int64_t voucher_id;           /* of the last voucher */
	struct rows vouchers, trans;  /* waiting for their INSERT */
};

static void totals_free(struct totals *t)
{
	if(!t)
		return;
	for(size_t i = 0; t->n && i < 2 * TOTALS_MAX; i++)
		free(t->slot[i].key);
	free(t);
}

/* Step a bound statement that returns no rows, and rewind it for reuse:
** every put binds every parameter, so the bindings need no clearing, and
** text is bound without a copy (stmt_bind_text_static) because the step
** comes before the strings change. */
static enum styr_rc run(struct store_stmt *st, struct styr_error *err)
{
	bool row;
	enum styr_rc rc = stmt_step(st, &row, err);
	stmt_rewind(st);
	return rc;
}

/* ---- writing (the writer thread) ---- */

/* Add the sums of t to ledger_total and free t. */
static enum styr_rc totals_flush(struct ledger_writer *w, struct totals *t,
                                 struct styr_error *err)
{
	struct store_stmt *st = w->st[ST_TOTAL];
	enum styr_rc rc = STYR_OK;

	for(size_t i = 0; !rc && t && t->n && i < 2 * TOTALS_MAX; i++) {
		struct total *e = &t->slot[i];
		if(!e->key)
			continue;
		stmt_bind_int(st, 1, w->import_id);
		stmt_bind_text_static(st, 2, e->key);
		stmt_bind_text_static(st, 3, e->key + e->account_len + 1);
		stmt_bind_int(st, 4, e->amount);
		rc = run(st, err);
	}
	totals_free(t);
	return rc;
}

/* Text i of op o in batch b, or NULL. */
static const char *text(const struct batch *b, const struct op *o, int i)
{
	return o->t[i] < 0 ? NULL : b->arena.buf + o->t[i];
}

/* Bind text v (NULL for NULL) as parameter idx of st, an INSERT of ROWS
** rows when null is not NULL. */
static void bind_text(struct store_stmt *st, bool *null, int idx, const char *v)
{
	if(!null) {
		stmt_bind_text_static(st, idx, v);
	} else if(v) {
		null[idx - 1] = false;
		stmt_bind_text_static(st, idx, v);
	} else if(!null[idx - 1]) {
		null[idx - 1] = true;
		stmt_bind_null(st, idx);
	}
}

static void bind_int(struct store_stmt *st, bool *null, int idx, int64_t v)
{
	if(null)
		null[idx - 1] = false;
	stmt_bind_int(st, idx, v);
}

/* Bind waiting row r of q (#VER or #TRANS of b) as the parameters from
** base + 1 of st. */
static void bind_row(struct ledger_writer *w, struct store_stmt *st, bool *null, int base,
                     const struct batch *b, const struct rows *q, size_t r)
{
	const struct op *o = q->row[r].o;
	if(o->kind == OP_VOUCHER) {
		bind_int(st, null, base + 1, q->row[r].id);
		bind_int(st, null, base + 2, w->import_id);
		for(int k = 0; k < 6; k++)
			bind_text(st, null, base + 3 + k, text(b, o, k));
		bind_int(st, null, base + 9, o->n[0]);
	} else {
		const int col[6] = { 2, 3, 5, 6, 7, 8 };
		bind_int(st, null, base + 1, q->row[r].id);
		bind_int(st, null, base + 4, o->n[0]);
		for(int k = 0; k < 6; k++)
			bind_text(st, null, base + col[k], text(b, o, k));
	}
}

/* Write the first n waiting rows of q (#VER or #TRANS of b): ROWS at a
** time by one INSERT (many), the rest one by one (one). */
static enum styr_rc rows_write(struct ledger_writer *w, const struct batch *b, struct rows *q,
                               size_t n, int many, int one, int columns,
                               struct styr_error *err)
{
	enum styr_rc rc = STYR_OK;
	size_t done = 0;
	for(; !rc && n - done >= ROWS; done += ROWS) {
		for(size_t r = 0; r < ROWS; r++)
			bind_row(w, w->st[many], q->null, (int)r * columns, b, q, done + r);
		rc = run(w->st[many], err);
	}
	for(; !rc && done < n; done++) {
		bind_row(w, w->st[one], NULL, 0, b, q, done);
		rc = run(w->st[one], err);
	}
	memmove(q->row, q->row + n, (q->n - n) * sizeof(q->row[0]));
	q->n -= n;
	return rc;
}

/* Write the waiting vouchers, then as many of the waiting #TRANS rows (all
** of them now belong to vouchers written) as make whole INSERTs of ROWS,
** or all of them when all is set. */
static enum styr_rc rows_flush(struct ledger_writer *w, const struct batch *b, bool all,
                               struct styr_error *err)
{
	struct rows *v = &w->vouchers, *t = &w->trans;
	enum styr_rc rc = STYR_OK;
	size_t n;

	if(v->n)
		rc = rows_write(w, b, v, v->n, ST_VOUCHER_ROWS, ST_VOUCHER, VOUCHER_COLUMNS, err);
	n = t->n;
	if(!all)
		n -= n % ROWS;
	if(!rc && n)
		rc = rows_write(w, b, t, n, ST_TRANS_ROWS, ST_TRANS, TRANS_COLUMNS, err);
	return rc;
}

static void bind_text_or_null(struct store_stmt *st, int idx, const struct batch *b,
                              const struct op *o, int i)
{
	stmt_bind_text_static(st, idx, text(b, o, i));
}

static void bind_int_or_null(struct store_stmt *st, int idx, bool present, int64_t v)
{
	if(present)
		stmt_bind_int(st, idx, v);
	else
		stmt_bind_null(st, idx);
}

/* Write one row other than a #TRANS. */
static enum styr_rc write_op(struct ledger_writer *w, const struct batch *b, struct op *o,
                             struct styr_error *err)
{
	struct store_stmt *st;
	enum styr_rc rc;

	switch(o->kind) {
	case OP_YEAR:
		st = w->st[ST_YEAR];
		stmt_bind_int(st, 1, w->import_id);
		stmt_bind_int(st, 2, o->n[0]);
		bind_text_or_null(st, 3, b, o, 0);
		bind_text_or_null(st, 4, b, o, 1);
		return run(st, err);
	case OP_ACCOUNT:
		st = w->st[ST_ACCOUNT];
		stmt_bind_int(st, 1, w->import_id);
		for(int k = 0; k < 5; k++)
			bind_text_or_null(st, 2 + k, b, o, k);
		return run(st, err);
	case OP_DIM:
		st = w->st[ST_DIM];
		stmt_bind_int(st, 1, w->import_id);
		stmt_bind_int(st, 2, o->n[0]);
		bind_text_or_null(st, 3, b, o, 0);
		bind_int_or_null(st, 4, o->n[1] >= 0, o->n[1]);
		return run(st, err);
	case OP_OBJECT:
		st = w->st[ST_OBJECT];
		stmt_bind_int(st, 1, w->import_id);
		stmt_bind_int(st, 2, o->n[0]);
		bind_text_or_null(st, 3, b, o, 0);
		bind_text_or_null(st, 4, b, o, 1);
		return run(st, err);
	case OP_BALANCE:
		st = w->st[ST_BALANCE];
		stmt_bind_int(st, 1, w->import_id);
		bind_text_or_null(st, 2, b, o, 0);
		stmt_bind_int(st, 3, o->n[0]);
		bind_text_or_null(st, 4, b, o, 1);
		bind_text_or_null(st, 5, b, o, 2);
		stmt_bind_int(st, 6, o->n[1]);
		bind_text_or_null(st, 7, b, o, 3);
		return run(st, err);
	case OP_PERIOD:
		st = w->st[ST_PERIOD];
		stmt_bind_int(st, 1, w->import_id);
		bind_text_or_null(st, 2, b, o, 0);
		bind_int_or_null(st, 3, o->n[0], o->n[1]);
		stmt_bind_int(st, 4, o->n[2]);
		bind_int_or_null(st, 5, o->n[3], o->n[3]);
		bind_text_or_null(st, 6, b, o, 1);
		bind_text_or_null(st, 7, b, o, 2);
		stmt_bind_int(st, 8, o->n[4]);
		bind_text_or_null(st, 9, b, o, 3);
		return run(st, err);
	case OP_VOUCHER:
		if(w->next_id == w->nids) {
			/* the ids after the vouchers written (on SQLite) */
			rc = rows_flush(w, b, false, err);
			if(!rc)
				rc = store_reserve_ids(w->s, "ledger_voucher", VOUCHER_IDS, w->ids, err);
			if(rc)
				return rc;
			w->nids = VOUCHER_IDS;
			w->next_id = 0;
		}
		w->voucher_id = w->ids[w->next_id++];
		w->vouchers.row[w->vouchers.n].o = o;
		w->vouchers.row[w->vouchers.n++].id = w->voucher_id;
		return w->vouchers.n == ROWS ? rows_flush(w, b, false, err) : STYR_OK;
	case OP_TOTALS:
		rc = totals_flush(w, o->totals, err);
		o->totals = NULL;
		return rc;
	case OP_TRANS:
		break;
	}
	return STYR_OK;
}

/* Empty b for reuse, freeing the sums of an OP_TOTALS not written. */
static void batch_clear(struct batch *b)
{
	for(size_t i = 0; i < b->nops; i++)
		if(b->ops[i].kind == OP_TOTALS) {
			totals_free(b->ops[i].totals);
			b->ops[i].totals = NULL;
		}
	b->nops = 0;
	strbuf_reset(&b->arena);
}

/* Write the rows of batch b in order; the #VER and #TRANS rows still
** waiting at its end are written one by one, as the batch's text is about
** to be reused. */
static enum styr_rc write_batch(struct ledger_writer *w, struct batch *b, struct styr_error *err)
{
	enum styr_rc rc = STYR_OK;
	for(size_t i = 0; !rc && i < b->nops; i++) {
		struct op *o = &b->ops[i];
		if(o->kind != OP_TRANS) {
			rc = write_op(w, b, o, err);
			continue;
		}
		w->trans.row[w->trans.n].o = o;
		w->trans.row[w->trans.n++].id = w->voucher_id;
		if(w->trans.n == TRANS_WAIT)
			rc = rows_flush(w, b, false, err);
	}
	if(!rc)
		rc = rows_flush(w, b, true, err);
	w->vouchers.n = w->trans.n = 0;
	batch_clear(b);
	return rc;
}

static void *writer_main(void *arg)
{
	struct ledger_writer *w = arg;
	pthread_mutex_lock(&w->mu);
	for(;;) {
		while(!w->nqueue && !w->quit)
			pthread_cond_wait(&w->cv, &w->mu);
		if(!w->nqueue)
			break;
		struct batch *b = w->queue[0];
		memmove(w->queue, w->queue + 1, --w->nqueue * sizeof(*w->queue));
		bool failed = w->rc != STYR_OK || w->cancel;
		pthread_mutex_unlock(&w->mu);
		enum styr_rc rc = STYR_OK;
		struct styr_error e;
		if(!failed)
			rc = write_batch(w, b, &e);
		else
			batch_clear(b);
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

/* ---- handing rows over (the caller's thread) ---- */

/* Hand the batch being filled to the writer (or write it here when there
** is no thread); the writer's first failure so far, if any. */
static enum styr_rc give(struct ledger_writer *w, struct styr_error *err)
{
	struct batch *b = w->batch;
	enum styr_rc rc;

	w->batch = NULL;
	if(!w->running) {
		if(b) {
			if(!w->rc)
				w->rc = write_batch(w, b, &w->err);
			batch_clear(b);
			w->spare[w->nspare++] = b;
		}
		if(w->rc)
			*err = w->err;
		return w->rc;
	}
	pthread_mutex_lock(&w->mu);
	if(b) {
		w->queue[w->nqueue++] = b;
		pthread_cond_broadcast(&w->cv);
	}
	rc = w->rc;
	if(rc)
		*err = w->err;
	pthread_mutex_unlock(&w->mu);
	return rc;
}

/* Wait until every batch handed over is written and stop the thread; the
** writer's first failure, if any. The store is the caller's again. */
static enum styr_rc finish(struct ledger_writer *w, struct styr_error *err)
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

/* A new row of kind in the batch being filled (taking a spare batch,
** waiting for the writer when none is). Its texts start NULL. */
static struct op *new_op(struct ledger_writer *w, enum op_kind kind)
{
	struct batch *b = w->batch;
	if(!b) {
		if(w->running) {
			pthread_mutex_lock(&w->mu);
			while(!w->nspare)
				pthread_cond_wait(&w->cv, &w->mu);
			b = w->spare[--w->nspare];
			pthread_mutex_unlock(&w->mu);
		} else {
			b = w->spare[--w->nspare];
		}
		w->batch = b;
	}
	struct op *o = &b->ops[b->nops++];
	o->kind = kind;
	for(int k = 0; k < 6; k++)
		o->t[k] = -1;
	return o;
}

/* Keep v (NULL for none) as text i of o. */
static void put_text(struct ledger_writer *w, struct op *o, int i, const char *v)
{
	struct strbuf *a = &w->batch->arena;
	if(!v)
		return;
	o->t[i] = (int32_t)a->len;
	strbuf_add(a, v, strlen(v) + 1);
}

/* Keep v[0..n) (NULL for none) as the texts of o, making room once. */
static void put_texts(struct ledger_writer *w, struct op *o, const char *const *v, int n)
{
	struct strbuf *a = &w->batch->arena;
	size_t len[6], total = 0;
	for(int i = 0; i < n; i++)
		total += len[i] = v[i] ? strlen(v[i]) + 1 : 0;
	strbuf_grow(a, total);
	for(int i = 0; i < n; i++)
		if(v[i]) {
			o->t[i] = (int32_t)a->len;
			memcpy(a->buf + a->len, v[i], len[i]);
			a->len += len[i];
		}
	a->buf[a->len] = '\0';
}

/* The row is complete: hand the batch over when it is full. */
static enum styr_rc done(struct ledger_writer *w, struct styr_error *err)
{
	struct batch *b = w->batch;
	if(b->nops < BATCH_OPS && b->arena.len < BATCH_TEXT)
		return STYR_OK;
	return give(w, err);
}

/* ---- the writer's life ---- */

static void writer_free(struct ledger_writer *w)
{
	totals_free(w->totals);
	for(int i = 0; i < NBATCHES; i++) {
		batch_clear(&w->b[i]);
		strbuf_release(&w->b[i].arena);
	}
	for(int i = 0; i < ST_COUNT; i++)
		stmt_finalize(w->st[i]);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->cv);
	free(w->company);
	free(w->orgnr);
	free(w->program);
	free(w->encoding);
	free(w);
}

enum styr_rc ledger_writer_begin(struct store *s, const char *format,
                                 const char *file, struct ledger_writer **out,
                                 struct styr_error *err)
{
	struct ledger_writer *w;
	struct store_stmt *st = NULL;
	char when[CLOCK_TIMESTAMP_SIZE];
	enum styr_rc rc;

	*out = NULL;
	clock_timestamp(when);
	rc = store_begin_bulk(s, err);
	if(rc)
		return rc;
	w = xcalloc(1, sizeof(*w));
	w->s = s;
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	for(int i = 0; i < NBATCHES; i++) {
		strbuf_init(&w->b[i].arena);
		w->spare[w->nspare++] = &w->b[i];
	}
	rc = store_prepare(s, "INSERT INTO ledger_import(format, file, imported_at, imported_by)"
	                      " VALUES(?, ?, ?, ?)", &st, err);
	if(!rc) {
		stmt_bind_text(st, 1, format);
		stmt_bind_text(st, 2, file);
		stmt_bind_text(st, 3, when);
		stmt_bind_text(st, 4, store_user(s));
		rc = run(st, err);
		stmt_finalize(st);
	}
	w->import_id = store_last_insert_id(s);
	for(int i = 0; !rc && i < ST_COUNT; i++) {
		struct strbuf many = STRBUF_INIT;
		if(i == ST_VOUCHER_ROWS || i == ST_TRANS_ROWS) {
			/* the INSERT of one row, with its VALUES(...) ROWS times */
			const char *one = sql[i == ST_VOUCHER_ROWS ? ST_VOUCHER : ST_TRANS];
			const char *values = strstr(one, " VALUES(");
			int columns = i == ST_VOUCHER_ROWS ? VOUCHER_COLUMNS : TRANS_COLUMNS;
			strbuf_add(&many, one, (size_t)(values - one));
			strbuf_addstr(&many, " VALUES");
			for(int r = 0; r < ROWS; r++) {
				strbuf_addstr(&many, r ? ", (?" : " (?");
				for(int c = 1; c < columns; c++)
					strbuf_addstr(&many, ", ?");
				strbuf_addch(&many, ')');
			}
		}
		rc = store_prepare(s, many.len ? many.buf : sql[i], &w->st[i], err);
		strbuf_release(&many);
	}
	if(rc) {
		ledger_writer_abort(w);
		return rc;
	}
	w->running = !pthread_create(&w->thread, NULL, writer_main, w);
	*out = w;
	return STYR_OK;
}

int64_t ledger_writer_import_id(const struct ledger_writer *w)
{
	return w->import_id;
}

static void replace(char **field, const char *v)
{
	free(*field);
	*field = v ? xstrdup(v) : NULL;
}

void ledger_writer_header(struct ledger_writer *w, const char *company,
                          const char *orgnr, const char *program, int sie_type,
                          const char *encoding)
{
	replace(&w->company, company);
	replace(&w->orgnr, orgnr);
	replace(&w->program, program);
	replace(&w->encoding, encoding);
	w->sie_type = sie_type;
}

enum styr_rc ledger_put_year(struct ledger_writer *w, int year_index,
                             const char *start, const char *end,
                             struct styr_error *err)
{
	struct op *o = new_op(w, OP_YEAR);
	o->n[0] = year_index;
	put_text(w, o, 0, start);
	put_text(w, o, 1, end);
	return done(w, err);
}

enum styr_rc ledger_put_account(struct ledger_writer *w, const char *number,
                                const char *name, const char *type,
                                const char *sru, const char *unit,
                                struct styr_error *err)
{
	struct op *o = new_op(w, OP_ACCOUNT);
	put_text(w, o, 0, number);
	put_text(w, o, 1, name);
	put_text(w, o, 2, type);
	put_text(w, o, 3, sru);
	put_text(w, o, 4, unit);
	return done(w, err);
}

enum styr_rc ledger_put_dim(struct ledger_writer *w, int dim, const char *name,
                            int parent, struct styr_error *err)
{
	struct op *o = new_op(w, OP_DIM);
	o->n[0] = dim;
	o->n[1] = parent;
	put_text(w, o, 0, name);
	return done(w, err);
}

enum styr_rc ledger_put_object(struct ledger_writer *w, int dim, const char *code,
                               const char *name, struct styr_error *err)
{
	struct op *o = new_op(w, OP_OBJECT);
	o->n[0] = dim;
	put_text(w, o, 0, code);
	put_text(w, o, 1, name);
	return done(w, err);
}

enum styr_rc ledger_put_balance(struct ledger_writer *w, const char *kind,
                                int year_index, const char *account,
                                const char *objects, int64_t amount,
                                const char *quantity, struct styr_error *err)
{
	struct op *o = new_op(w, OP_BALANCE);
	o->n[0] = year_index;
	o->n[1] = amount;
	put_text(w, o, 0, kind);
	put_text(w, o, 1, account);
	put_text(w, o, 2, objects);
	put_text(w, o, 3, quantity);
	return done(w, err);
}

enum styr_rc ledger_put_period(struct ledger_writer *w, const char *kind,
                               int has_index, int year_index, int year, int month,
                               const char *account, const char *objects,
                               int64_t amount, const char *quantity,
                               struct styr_error *err)
{
	struct op *o = new_op(w, OP_PERIOD);
	o->n[0] = has_index;
	o->n[1] = year_index;
	o->n[2] = year;
	o->n[3] = month;
	o->n[4] = amount;
	put_text(w, o, 0, kind);
	put_text(w, o, 1, account);
	put_text(w, o, 2, objects);
	put_text(w, o, 3, quantity);
	return done(w, err);
}

enum styr_rc ledger_put_voucher(struct ledger_writer *w, const char *series,
                                const char *number, const char *date,
                                const char *text, const char *reg_date,
                                const char *sign, int64_t line,
                                struct styr_error *err)
{
	struct op *o = new_op(w, OP_VOUCHER);
	const char *v[6] = { series, number, date, text, reg_date, sign };
	o->n[0] = line;
	put_texts(w, o, v, 6);
	w->have_voucher = true;
	str_copy(w->voucher_date, sizeof(w->voucher_date), date ? date : "");
	w->date_len = strlen(w->voucher_date);
	w->date_hash = 14695981039346656037u;
	for(size_t k = 0; k < w->date_len; k++)
		w->date_hash = (w->date_hash ^ (unsigned char)w->voucher_date[k]) * 1099511628211u;
	return done(w, err);
}

/* Add amount to the sum of account on the last voucher's date; when the
** table is full, hand it to the writer and begin another. */
static enum styr_rc totals_add(struct ledger_writer *w, const char *account, int64_t amount,
                               struct styr_error *err)
{
	size_t alen = strlen(account), dlen = w->date_len;
	uint64_t h = 14695981039346656037u; /* FNV-1a over the account, mixed with the date's */
	size_t i;

	for(size_t k = 0; k < alen; k++)
		h = (h ^ (unsigned char)account[k]) * 1099511628211u;
	h = (h ^ w->date_hash) * 0x9e3779b97f4a7c15u;
	h ^= h >> 29;
	if(!w->totals)
		w->totals = xcalloc(1, sizeof(*w->totals));
	struct totals *tt = w->totals;
	for(i = h & (2 * TOTALS_MAX - 1); tt->slot[i].key; i = (i + 1) & (2 * TOTALS_MAX - 1)) {
		struct total *t = &tt->slot[i];
		if(t->hash == h && t->account_len == alen && !memcmp(t->key, account, alen) &&
		   !memcmp(t->key + alen + 1, w->voucher_date, dlen + 1)) {
			if(__builtin_add_overflow(t->amount, amount, &t->amount))
				return styr_error_set(err, STYR_EINVAL, "the transactions of account %s on"
				                      " %s sum to more than can be stored", account,
				                      w->voucher_date);
			return STYR_OK;
		}
	}
	if(tt->n == TOTALS_MAX) {
		struct op *o = new_op(w, OP_TOTALS);
		enum styr_rc rc;
		o->totals = tt;
		w->totals = NULL;
		rc = done(w, err);
		if(rc)
			return rc;
		return totals_add(w, account, amount, err);
	}
	struct total *t = &tt->slot[i];
	t->key = xmalloc(alen + 1 + dlen + 1);
	memcpy(t->key, account, alen + 1);
	memcpy(t->key + alen + 1, w->voucher_date, dlen + 1);
	t->account_len = alen;
	t->hash = h;
	t->amount = amount;
	tt->n++;
	return STYR_OK;
}

enum styr_rc ledger_put_trans(struct ledger_writer *w, const char *account,
                              const char *objects, int64_t amount,
                              const char *date, const char *text,
                              const char *quantity, const char *sign,
                              struct styr_error *err)
{
	enum styr_rc rc;
	if(!w->have_voucher)
		return styr_error_set(err, STYR_EINVAL, "a transaction line outside a voucher");
	rc = totals_add(w, account, amount, err);
	if(rc)
		return rc;
	struct op *o = new_op(w, OP_TRANS);
	const char *v[6] = { account, objects, date, text, quantity, sign };
	o->n[0] = amount;
	put_texts(w, o, v, 6);
	return done(w, err);
}

enum styr_rc ledger_writer_commit(struct ledger_writer *w, const char *summary_json,
                                  const struct ledger_hook *hook, struct styr_error *err)
{
	struct store_stmt *st = NULL;
	char key[24];
	enum styr_rc rc;

	rc = give(w, err);
	if(!rc)
		rc = finish(w, err);
	if(!rc) {
		rc = totals_flush(w, w->totals, err);
		w->totals = NULL;
	}
	if(!rc)
		rc = store_prepare(w->s, "UPDATE ledger_import SET company = ?, orgnr = ?,"
		                   " program = ?, sie_type = ?, encoding = ? WHERE id = ?", &st, err);
	if(!rc) {
		stmt_bind_text(st, 1, w->company);
		stmt_bind_text(st, 2, w->orgnr);
		stmt_bind_text(st, 3, w->program);
		if(w->sie_type)
			stmt_bind_int(st, 4, w->sie_type);
		else
			stmt_bind_null(st, 4);
		stmt_bind_text(st, 5, w->encoding);
		stmt_bind_int(st, 6, w->import_id);
		rc = run(st, err);
		stmt_finalize(st);
	}
	snprintf(key, sizeof(key), "%lld", (long long)w->import_id);
	if(!rc)
		rc = store_audit(w->s, "ledger_import", key, NULL, summary_json, err);
	if(!rc && hook && hook->before_commit)
		rc = hook->before_commit(hook->ctx, err);
	if(rc) {
		ledger_writer_abort(w);
		return rc;
	}
	/* Statements must be finished before COMMIT can release the file. */
	struct store *s = w->s;
	writer_free(w);
	rc = store_commit(s, err);
	if(rc)
		store_rollback(s);
	return rc;
}

enum styr_rc ledger_writer_fail(struct ledger_writer *w, enum styr_rc rc,
                                struct styr_error *err)
{
	struct styr_error first;
	enum styr_rc wrc;

	if(!w)
		return rc;
	/* the rows read before the failing line are written first */
	wrc = give(w, &first);
	if(!wrc)
		wrc = finish(w, &first);
	if(wrc) {
		*err = first;
		rc = wrc;
	}
	ledger_writer_abort(w);
	return rc;
}

void ledger_writer_abort(struct ledger_writer *w)
{
	struct styr_error ignored;
	if(!w)
		return;
	pthread_mutex_lock(&w->mu);
	w->cancel = true;
	pthread_mutex_unlock(&w->mu);
	finish(w, &ignored);
	struct store *s = w->s;
	writer_free(w);
	store_rollback(s);
}
