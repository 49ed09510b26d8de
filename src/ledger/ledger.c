/*
** ledger.c — bulk writing of one ledger import (see ledger.h).
**
** Every statement is prepared once in ledger_writer_begin and reset after
** each step; the whole import is one transaction.
**
** The writer also sums the transactions per account and voucher date in
** memory (a hash table of at most TOTALS_MAX sums; when it is full they
** are added to ledger_total and it starts again) and adds them to
** ledger_total before the commit: one row per import, account and day,
** equal to summing the import's ledger_trans rows (test_ledger_total).
** #TRANS rows are written TRANS_BATCH at a time by one INSERT of that many
** rows, their text kept in an arena until then.
*/
#include "ledger/ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/strbuf.h"
#include "db/store.h"

enum { ST_YEAR, ST_ACCOUNT, ST_DIM, ST_OBJECT, ST_BALANCE, ST_PERIOD,
       ST_VOUCHER, ST_TRANS, ST_TOTAL, ST_TRANS_BATCH, ST_COUNT };

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
	[ST_VOUCHER] = "INSERT INTO ledger_voucher(import_id, series, number, date, text,"
	               " reg_date, sign, line) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_TRANS] = "INSERT INTO ledger_trans(voucher_id, account, objects, amount, date,"
	             " text, quantity, sign) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_TOTAL] = "INSERT INTO ledger_total(import_id, account, date, amount)"
	             " VALUES(?1, ?2, ?3, ?4) ON CONFLICT(import_id, account, date) DO UPDATE"
	             " SET amount = ledger_total.amount + excluded.amount",
};

/* #TRANS rows written by one multi-row INSERT (ST_TRANS_BATCH, made in
** ledger_writer_begin); the rest of the last batch go one by one. */
#define TRANS_BATCH 16
#define TRANS_COLUMNS 8

/* A #TRANS row waiting for its batch: text as offsets into the writer's
** arena (-1 for NULL), so that it can be bound without a copy. */
struct pending_trans {
	int64_t voucher_id, amount;
	long text[6]; /* account, objects, date, text, quantity, sign */
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

struct ledger_writer {
	struct store *s;
	int64_t import_id;
	int64_t voucher_id;   /* last voucher put, 0 before the first */
	struct store_stmt *st[ST_COUNT];
	char *company, *orgnr, *program, *encoding;
	int sie_type;
	char voucher_date[32];/* of the last voucher put */
	struct total *totals; /* open addressing, 2 * TOTALS_MAX slots */
	size_t ntotals;
	struct pending_trans pending[TRANS_BATCH];
	size_t npending;
	struct strbuf arena;  /* the text of the pending rows */
};

static void totals_clear(struct ledger_writer *w)
{
	if(!w->totals)
		return;
	for(size_t i = 0; i < 2 * TOTALS_MAX; i++) {
		free(w->totals[i].key);
		w->totals[i].key = NULL;
	}
	w->ntotals = 0;
}

static void writer_free(struct ledger_writer *w)
{
	totals_clear(w);
	free(w->totals);
	strbuf_release(&w->arena);
	for(int i = 0; i < ST_COUNT; i++)
		stmt_finalize(w->st[i]);
	free(w->company);
	free(w->orgnr);
	free(w->program);
	free(w->encoding);
	free(w);
}

/* Step a bound statement that returns no rows, and rewind it for reuse:
** every put binds every parameter, so the bindings need no clearing, and
** text is bound without a copy (stmt_bind_text_static) because the step
** comes before the caller's strings change. */
static enum styr_rc run(struct store_stmt *st, struct styr_error *err)
{
	bool row;
	enum styr_rc rc = stmt_step(st, &row, err);
	stmt_rewind(st);
	return rc;
}

enum styr_rc ledger_writer_begin(struct store *s, const char *format,
                                 const char *file, struct ledger_writer **out,
                                 struct styr_error *err)
{
	struct ledger_writer *w = xcalloc(1, sizeof(*w));
	struct store_stmt *st = NULL;
	char when[CLOCK_TIMESTAMP_SIZE];
	enum styr_rc rc;

	*out = NULL;
	clock_timestamp(when);
	w->s = s;
	rc = store_begin(s, err);
	if(rc) {
		free(w);
		return rc;
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
	strbuf_init(&w->arena);
	for(int i = 0; !rc && i < ST_COUNT; i++) {
		struct strbuf batch = STRBUF_INIT;
		if(i == ST_TRANS_BATCH) {
			strbuf_addstr(&batch, "INSERT INTO ledger_trans(voucher_id, account, objects,"
			              " amount, date, text, quantity, sign) VALUES");
			for(int r = 0; r < TRANS_BATCH; r++)
				strbuf_addstr(&batch, r ? ", (?, ?, ?, ?, ?, ?, ?, ?)"
				                        : " (?, ?, ?, ?, ?, ?, ?, ?)");
		}
		rc = store_prepare(s, i == ST_TRANS_BATCH ? batch.buf : sql[i], &w->st[i], err);
		strbuf_release(&batch);
	}
	if(rc) {
		ledger_writer_abort(w);
		return rc;
	}
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
	struct store_stmt *st = w->st[ST_YEAR];
	stmt_bind_int(st, 1, w->import_id);
	stmt_bind_int(st, 2, year_index);
	stmt_bind_text_static(st, 3, start);
	stmt_bind_text_static(st, 4, end);
	return run(st, err);
}

enum styr_rc ledger_put_account(struct ledger_writer *w, const char *number,
                                const char *name, const char *type,
                                const char *sru, const char *unit,
                                struct styr_error *err)
{
	struct store_stmt *st = w->st[ST_ACCOUNT];
	stmt_bind_int(st, 1, w->import_id);
	stmt_bind_text_static(st, 2, number);
	stmt_bind_text_static(st, 3, name);
	stmt_bind_text_static(st, 4, type);
	stmt_bind_text_static(st, 5, sru);
	stmt_bind_text_static(st, 6, unit);
	return run(st, err);
}

enum styr_rc ledger_put_dim(struct ledger_writer *w, int dim, const char *name,
                            int parent, struct styr_error *err)
{
	struct store_stmt *st = w->st[ST_DIM];
	stmt_bind_int(st, 1, w->import_id);
	stmt_bind_int(st, 2, dim);
	stmt_bind_text_static(st, 3, name);
	if(parent >= 0)
		stmt_bind_int(st, 4, parent);
	else
		stmt_bind_null(st, 4);
	return run(st, err);
}

enum styr_rc ledger_put_object(struct ledger_writer *w, int dim, const char *code,
                               const char *name, struct styr_error *err)
{
	struct store_stmt *st = w->st[ST_OBJECT];
	stmt_bind_int(st, 1, w->import_id);
	stmt_bind_int(st, 2, dim);
	stmt_bind_text_static(st, 3, code);
	stmt_bind_text_static(st, 4, name);
	return run(st, err);
}

enum styr_rc ledger_put_balance(struct ledger_writer *w, const char *kind,
                                int year_index, const char *account,
                                const char *objects, int64_t amount,
                                const char *quantity, struct styr_error *err)
{
	struct store_stmt *st = w->st[ST_BALANCE];
	stmt_bind_int(st, 1, w->import_id);
	stmt_bind_text_static(st, 2, kind);
	stmt_bind_int(st, 3, year_index);
	stmt_bind_text_static(st, 4, account);
	stmt_bind_text_static(st, 5, objects);
	stmt_bind_int(st, 6, amount);
	stmt_bind_text_static(st, 7, quantity);
	return run(st, err);
}

enum styr_rc ledger_put_period(struct ledger_writer *w, const char *kind,
                               int has_index, int year_index, int year, int month,
                               const char *account, const char *objects,
                               int64_t amount, const char *quantity,
                               struct styr_error *err)
{
	struct store_stmt *st = w->st[ST_PERIOD];
	stmt_bind_int(st, 1, w->import_id);
	stmt_bind_text_static(st, 2, kind);
	if(has_index)
		stmt_bind_int(st, 3, year_index);
	else
		stmt_bind_null(st, 3);
	stmt_bind_int(st, 4, year);
	if(month)
		stmt_bind_int(st, 5, month);
	else
		stmt_bind_null(st, 5);
	stmt_bind_text_static(st, 6, account);
	stmt_bind_text_static(st, 7, objects);
	stmt_bind_int(st, 8, amount);
	stmt_bind_text_static(st, 9, quantity);
	return run(st, err);
}

enum styr_rc ledger_put_voucher(struct ledger_writer *w, const char *series,
                                const char *number, const char *date,
                                const char *text, const char *reg_date,
                                const char *sign, int64_t line,
                                struct styr_error *err)
{
	struct store_stmt *st = w->st[ST_VOUCHER];
	enum styr_rc rc;
	stmt_bind_int(st, 1, w->import_id);
	stmt_bind_text_static(st, 2, series);
	stmt_bind_text_static(st, 3, number);
	stmt_bind_text_static(st, 4, date);
	stmt_bind_text_static(st, 5, text);
	stmt_bind_text_static(st, 6, reg_date);
	stmt_bind_text_static(st, 7, sign);
	stmt_bind_int(st, 8, line);
	rc = run(st, err);
	if(!rc) {
		w->voucher_id = store_last_insert_id(w->s);
		str_copy(w->voucher_date, sizeof(w->voucher_date), date);
	}
	return rc;
}

/* Add the sums in memory to ledger_total and empty the table. */
static enum styr_rc totals_flush(struct ledger_writer *w, struct styr_error *err)
{
	struct store_stmt *st = w->st[ST_TOTAL];
	enum styr_rc rc = STYR_OK;

	for(size_t i = 0; !rc && w->ntotals && i < 2 * TOTALS_MAX; i++) {
		struct total *t = &w->totals[i];
		if(!t->key)
			continue;
		stmt_bind_int(st, 1, w->import_id);
		stmt_bind_text_static(st, 2, t->key);
		stmt_bind_text_static(st, 3, t->key + t->account_len + 1);
		stmt_bind_int(st, 4, t->amount);
		rc = run(st, err);
	}
	totals_clear(w);
	return rc;
}

/* Add amount to the sum of account on the last voucher's date. */
static enum styr_rc totals_add(struct ledger_writer *w, const char *account, int64_t amount,
                               struct styr_error *err)
{
	size_t alen = strlen(account), dlen = strlen(w->voucher_date);
	uint64_t h = 14695981039346656037u; /* FNV-1a over account, NUL, date */
	size_t i;
	enum styr_rc rc;

	for(size_t k = 0; k <= alen; k++)
		h = (h ^ (unsigned char)account[k]) * 1099511628211u;
	for(size_t k = 0; k < dlen; k++)
		h = (h ^ (unsigned char)w->voucher_date[k]) * 1099511628211u;
	if(!w->totals)
		w->totals = xcalloc(2 * TOTALS_MAX, sizeof(*w->totals));
	for(i = h & (2 * TOTALS_MAX - 1); w->totals[i].key; i = (i + 1) & (2 * TOTALS_MAX - 1)) {
		struct total *t = &w->totals[i];
		if(t->hash == h && t->account_len == alen && !memcmp(t->key, account, alen) &&
		   !strcmp(t->key + alen + 1, w->voucher_date)) {
			if(__builtin_add_overflow(t->amount, amount, &t->amount))
				return styr_error_set(err, STYR_EINVAL, "the transactions of account %s on"
				                      " %s sum to more than can be stored", account,
				                      w->voucher_date);
			return STYR_OK;
		}
	}
	if(w->ntotals == TOTALS_MAX) {
		rc = totals_flush(w, err);
		if(rc)
			return rc;
		return totals_add(w, account, amount, err);
	}
	struct total *t = &w->totals[i];
	t->key = xmalloc(alen + 1 + dlen + 1);
	memcpy(t->key, account, alen + 1);
	memcpy(t->key + alen + 1, w->voucher_date, dlen + 1);
	t->account_len = alen;
	t->hash = h;
	t->amount = amount;
	w->ntotals++;
	return STYR_OK;
}

/* Bind pending row p as the 8 parameters from base + 1 of st. */
static void bind_pending(struct ledger_writer *w, struct store_stmt *st, int base,
                         const struct pending_trans *p)
{
	const int col[6] = { 2, 3, 5, 6, 7, 8 };
	stmt_bind_int(st, base + 1, p->voucher_id);
	stmt_bind_int(st, base + 4, p->amount);
	for(int k = 0; k < 6; k++)
		stmt_bind_text_static(st, base + col[k],
		                      p->text[k] < 0 ? NULL : w->arena.buf + p->text[k]);
}

/* Write the pending #TRANS rows: a whole batch in one INSERT, fewer one
** by one. */
static enum styr_rc trans_flush(struct ledger_writer *w, struct styr_error *err)
{
	enum styr_rc rc = STYR_OK;
	if(w->npending == TRANS_BATCH) {
		for(size_t r = 0; r < TRANS_BATCH; r++)
			bind_pending(w, w->st[ST_TRANS_BATCH], (int)r * TRANS_COLUMNS, &w->pending[r]);
		rc = run(w->st[ST_TRANS_BATCH], err);
	} else {
		for(size_t r = 0; !rc && r < w->npending; r++) {
			bind_pending(w, w->st[ST_TRANS], 0, &w->pending[r]);
			rc = run(w->st[ST_TRANS], err);
		}
	}
	w->npending = 0;
	strbuf_reset(&w->arena);
	return rc;
}

static long arena_add(struct strbuf *a, const char *v)
{
	long off = (long)a->len;
	if(!v)
		return -1;
	strbuf_add(a, v, strlen(v) + 1);
	return off;
}

enum styr_rc ledger_put_trans(struct ledger_writer *w, const char *account,
                              const char *objects, int64_t amount,
                              const char *date, const char *text,
                              const char *quantity, const char *sign,
                              struct styr_error *err)
{
	struct pending_trans *p;
	enum styr_rc rc;
	if(!w->voucher_id)
		return styr_error_set(err, STYR_EINVAL, "a transaction line outside a voucher");
	rc = totals_add(w, account, amount, err);
	if(rc)
		return rc;
	p = &w->pending[w->npending++];
	p->voucher_id = w->voucher_id;
	p->amount = amount;
	p->text[0] = arena_add(&w->arena, account);
	p->text[1] = arena_add(&w->arena, objects);
	p->text[2] = arena_add(&w->arena, date);
	p->text[3] = arena_add(&w->arena, text);
	p->text[4] = arena_add(&w->arena, quantity);
	p->text[5] = arena_add(&w->arena, sign);
	return w->npending == TRANS_BATCH ? trans_flush(w, err) : STYR_OK;
}

enum styr_rc ledger_writer_commit(struct ledger_writer *w, const char *summary_json,
                                  const struct ledger_hook *hook, struct styr_error *err)
{
	struct store_stmt *st = NULL;
	char key[24];
	enum styr_rc rc;

	rc = trans_flush(w, err);
	if(!rc)
		rc = totals_flush(w, err);
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

void ledger_writer_abort(struct ledger_writer *w)
{
	if(!w)
		return;
	struct store *s = w->s;
	writer_free(w);
	store_rollback(s);
}
