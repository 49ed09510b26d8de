/*
** changes.c — the change capture: which rows a transaction changed, their
** audit entries in a change set, and their versions (see changes.h).
*/
#include "db/changes.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/strbuf.h"
#include "db/section.h"
#include "db/store.h"

enum styr_rc changes_install(struct store *s, struct styr_error *err)
{
	size_t n;
	const struct section_desc *const *all = store_sections(&n);
	const char **tables = xcalloc(n ? n : 1, sizeof(*tables));
	enum styr_rc rc;

	for(size_t k = 0; k < n; k++)
		tables[k] = all[k]->table;
	rc = s->drv->capture_install(s, tables, n, err);
	free(tables);
	if(!rc)
		s->capture_ready = true;
	return rc;
}

enum styr_rc changes_reset(struct store *s, struct styr_error *err)
{
	return store_exec(s, "DELETE FROM styr_dirty", err);
}

enum styr_rc changes_change_set(struct store *s, int64_t *id, struct styr_error *err)
{
	struct store_stmt *st;
	char when[CLOCK_TIMESTAMP_SIZE];
	bool row;
	enum styr_rc rc;

	if(s->change_set) {
		*id = s->change_set;
		return STYR_OK;
	}
	clock_timestamp(when);
	rc = store_prepare_cached(s, "INSERT INTO change_set(at, who, command, undoes) VALUES(?, ?, ?, ?)",
	                   &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, when);
	stmt_bind_text(st, 2, s->user);
	stmt_bind_text(st, 3, s->command);
	if(s->undoes)
		stmt_bind_int(st, 4, s->undoes);
	else
		stmt_bind_null(st, 4);
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	if(rc)
		return rc;
	s->change_set = *id = store_last_insert_id(s);
	s->change_set_depth = s->tx_depth;
	s->stamp_id = *id;
	str_copy(s->stamp_at, sizeof(s->stamp_at), when);
	free(s->stamp_who);
	s->stamp_who = xstrdup(s->user);
	return STYR_OK;
}

/* The time and person of change set cs, for its audit entries: kept from
** when it was made, read when not (s->stamp_*). Not read in the writing
** transaction otherwise: a serializable transaction that read the newest
** change set conflicts with every other that adds one. */
static enum styr_rc stamp(struct store *s, int64_t cs, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc;

	if(s->stamp_id == cs && s->stamp_who)
		return STYR_OK;
	rc = store_prepare_cached(s, "SELECT at, who FROM change_set WHERE id = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, cs);
	rc = stmt_step(st, &row, err);
	if(!rc && !row)
		rc = styr_error_set(err, STYR_EDB, "%s: no change set %lld", s->path, (long long)cs);
	if(!rc) {
		s->stamp_id = cs;
		str_copy(s->stamp_at, sizeof(s->stamp_at), stmt_text(st, 0));
		free(s->stamp_who);
		s->stamp_who = xstrdup(stmt_text(st, 1));
	}
	stmt_finalize(st);
	return rc;
}

enum styr_rc changes_audit(struct store *s, const char *table, const char *key,
                           const char *old_value, const char *new_value,
                           const char *section, int64_t row_id, struct styr_error *err)
{
	struct store_stmt *st;
	int64_t cs;
	bool row;
	enum styr_rc rc = changes_change_set(s, &cs, err);

	if(!rc)
		rc = stamp(s, cs, err);
	if(!rc)
		rc = store_prepare_cached(s, "INSERT INTO audit_log(at, who, tbl, key, old_value, new_value,"
		                   " change_set, section, row_id) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, s->stamp_at);
	stmt_bind_text(st, 2, s->stamp_who);
	stmt_bind_text(st, 3, table);
	stmt_bind_text(st, 4, key);
	stmt_bind_text(st, 5, old_value);
	stmt_bind_text(st, 6, new_value);
	stmt_bind_int(st, 7, cs);
	stmt_bind_text(st, 8, section);
	if(section)
		stmt_bind_int(st, 9, row_id);
	else
		stmt_bind_null(st, 9);
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	/* Outside a transaction and a command, each entry is its own set. */
	if(!s->tx_depth && !s->grouped)
		s->change_set = 0;
	return rc;
}

/* ---- the rows a transaction touched ---- */

struct dirty {
	const struct section_desc *d;
	int64_t id;
	bool inserted;   /* first touched by an INSERT: it did not exist before */
};

static enum styr_rc dirty_rows(struct store *s, struct dirty **out, size_t *count,
                               struct styr_error *err)
{
	struct store_stmt *st;
	struct dirty *v = NULL;
	size_t n = 0, cap = 0;
	bool row;
	enum styr_rc rc = store_prepare_cached(s, "SELECT tbl, row_id, op FROM styr_dirty ORDER BY seq",
	                                &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		const struct section_desc *d = store_section_by_table(stmt_text(st, 0));
		if(!d)
			continue;
		ALLOC_GROW(v, n, cap);
		v[n].d = d;
		v[n].id = stmt_int(st, 1);
		v[n].inserted = !strcmp(stmt_text(st, 2), "I");
		n++;
	}
	stmt_finalize(st);
	if(rc) {
		free(v);
		return rc;
	}
	*out = v;
	*count = n;
	return STYR_OK;
}

/* One side of a dirty row: its image as it was or as it is. */
struct image {
	char *json, *key;
};

/* Where store_row_images puts what it read: the rows of one batch. */
struct image_batch {
	const struct dirty *rows;
	const size_t *at;          /* their indexes in the list */
	size_t n;
	struct image *side;        /* the list's images of one side */
};

static enum styr_rc keep_image(void *ctx, int64_t id, const char *json, const char *key)
{
	struct image_batch *b = ctx;
	for(size_t i = 0; i < b->n; i++) {
		struct image *im = &b->side[b->at[i]];
		if(b->rows[b->at[i]].id != id || im->json)
			continue;
		im->json = xstrdup(json);
		im->key = xstrdup(key);
		break;
	}
	return STYR_OK;
}

/* The images of rows[0..n) on s into side[]: for each section, its rows
** STORE_ROW_IMAGES to a statement. old: only the rows that were there
** before (not first touched by an INSERT). */
static enum styr_rc read_images(struct store *s, const struct dirty *rows, size_t n, bool old,
                                struct image *side, struct styr_error *err)
{
	bool *done = xcalloc(n ? n : 1, sizeof(*done));
	size_t at[STORE_ROW_IMAGES];
	int64_t ids[STORE_ROW_IMAGES];
	enum styr_rc rc = STYR_OK;

	for(size_t i = 0; !rc && i < n; i++) {
		size_t k = 0;
		if(done[i] || (old && rows[i].inserted))
			continue;
		for(size_t j = i; j < n && k < STORE_ROW_IMAGES; j++) {
			if(done[j] || rows[j].d != rows[i].d || (old && rows[j].inserted))
				continue;
			done[j] = true;
			at[k] = j;
			ids[k++] = rows[j].id;
		}
		struct image_batch b = { rows, at, k, side };
		rc = store_row_images(s, rows[i].d, ids, k, keep_image, &b, err);
	}
	free(done);
	return rc;
}

static enum styr_rc each_change(struct store *s, row_change_fn fn, void *ctx,
                                struct styr_error *err)
{
	struct dirty *rows = NULL;
	struct image *was = NULL, *is = NULL;
	size_t n = 0;
	bool any_old = false;
	enum styr_rc rc;

	if(!s->capture_ready || !s->tx_depth)
		return STYR_OK;
	rc = dirty_rows(s, &rows, &n, err);
	if(rc)
		return rc;
	was = xcalloc(n ? n : 1, sizeof(*was));
	is = xcalloc(n ? n : 1, sizeof(*is));
	for(size_t i = 0; i < n; i++)
		any_old |= !rows[i].inserted;
	/* As they were: on the second connection, which sees the committed
	** state. As they are: on this one. */
	if(any_old) {
		rc = store_open_snapshot(s, err);
		if(!rc)
			rc = read_images(s->snap, rows, n, true, was, err);
	}
	if(!rc)
		rc = read_images(s, rows, n, false, is, err);
	for(size_t i = 0; !rc && i < n; i++) {
		const struct image *o = &was[i], *nw = &is[i];
		if((!o->json && !nw->json) || (o->json && nw->json && !strcmp(o->json, nw->json)))
			continue;
		struct row_change c = {
			rows[i].d, rows[i].id, nw->json ? nw->key : o->key, o->json, nw->json
		};
		rc = fn(ctx, &c);
	}
	for(size_t i = 0; i < n; i++) {
		free(was[i].json);
		free(was[i].key);
		free(is[i].json);
		free(is[i].key);
	}
	free(was);
	free(is);
	free(rows);
	return rc;
}

enum styr_rc store_pending_changes(struct store *s, row_change_fn fn, void *ctx,
                                   struct styr_error *err)
{
	return each_change(s, fn, ctx, err);
}

/* ---- recording: the audit entries and versions of the changed rows ---- */

/* The rows of one commit are written RECORD_BATCH to a statement: a
** statement per row would cost a load of many rows a round trip each on a
** database server. */
#define RECORD_BATCH 32

struct recorded {
	const char *table, *section;
	char *key, *old_json, *new_json;
	int64_t id;
};

struct record_list {
	struct recorded *v;
	size_t n, cap;
};

static enum styr_rc keep_change(void *ctx, const struct row_change *c)
{
	struct record_list *l = ctx;
	ALLOC_GROW(l->v, l->n, l->cap);
	l->v[l->n++] = (struct recorded){
		c->d->table, c->d->name, xstrdup(c->key),
		c->old_json ? xstrdup(c->old_json) : NULL, c->new_json ? xstrdup(c->new_json) : NULL,
		c->id
	};
	return STYR_OK;
}

/* Prepare sql: from the cache when it is a whole batch's or one row's
** (the texts that recur), once otherwise. */
static enum styr_rc prepare_batch(struct store *s, const char *sql, size_t k,
                                  struct store_stmt **st, struct styr_error *err)
{
	return k == RECORD_BATCH || k == 1 ? store_prepare_cached(s, sql, st, err)
	                                   : store_prepare(s, sql, st, err);
}

/* The audit entries of v[0..k) in order, in change set cs. */
static enum styr_rc record_audit(struct store *s, const struct recorded *v, size_t k,
                                 int64_t cs, struct styr_error *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	bool row;
	int p = 0;
	enum styr_rc rc = stamp(s, cs, err);

	if(rc)
		return rc;
	strbuf_addstr(&sql, "INSERT INTO audit_log(at, who, tbl, key, old_value, new_value,"
	              " change_set, section, row_id) VALUES ");
	for(size_t i = 0; i < k; i++)
		strbuf_addf(&sql, "%s(?, ?, ?, ?, ?, ?, ?, ?, ?)", i ? ", " : "");
	rc = prepare_batch(s, sql.buf, k, &st, err);
	strbuf_release(&sql);
	if(rc)
		return rc;
	for(size_t i = 0; i < k; i++) {
		stmt_bind_text(st, ++p, s->stamp_at);
		stmt_bind_text(st, ++p, s->stamp_who);
		stmt_bind_text(st, ++p, v[i].table);
		stmt_bind_text(st, ++p, v[i].key);
		stmt_bind_text(st, ++p, v[i].old_json);
		stmt_bind_text(st, ++p, v[i].new_json);
		stmt_bind_int(st, ++p, cs);
		stmt_bind_text(st, ++p, v[i].section);
		stmt_bind_int(st, ++p, v[i].id);
	}
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	return rc;
}

/* The versions of v[0..k): one more, or 2 for a row with no entry yet
** that was there before (it was stored before versions: version 1). */
static enum styr_rc record_versions(struct store *s, const struct recorded *v, size_t k,
                                    int64_t cs, struct styr_error *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	bool row;
	int p = 0;
	enum styr_rc rc;

	strbuf_addstr(&sql, "INSERT INTO row_version(tbl, row_id, version, change_set) VALUES ");
	for(size_t i = 0; i < k; i++)
		strbuf_addf(&sql, "%s(?, ?, ?, ?)", i ? ", " : "");
	strbuf_addstr(&sql, " ON CONFLICT(tbl, row_id) DO UPDATE"
	              " SET version = row_version.version + 1, change_set = excluded.change_set");
	rc = prepare_batch(s, sql.buf, k, &st, err);
	strbuf_release(&sql);
	if(rc)
		return rc;
	for(size_t i = 0; i < k; i++) {
		stmt_bind_text(st, ++p, v[i].table);
		stmt_bind_int(st, ++p, v[i].id);
		stmt_bind_int(st, ++p, v[i].old_json ? 2 : 1);
		stmt_bind_int(st, ++p, cs);
	}
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	return rc;
}

enum styr_rc changes_record(struct store *s, struct styr_error *err)
{
	struct record_list l = { NULL, 0, 0 };
	int64_t cs = 0;
	enum styr_rc rc = each_change(s, keep_change, &l, err);

	if(!rc && l.n)
		rc = changes_change_set(s, &cs, err);
	for(size_t i = 0; !rc && i < l.n; i += RECORD_BATCH) {
		size_t k = l.n - i < RECORD_BATCH ? l.n - i : RECORD_BATCH;
		rc = record_audit(s, l.v + i, k, cs, err);
		if(!rc)
			rc = record_versions(s, l.v + i, k, cs, err);
	}
	for(size_t i = 0; i < l.n; i++) {
		free(l.v[i].key);
		free(l.v[i].old_json);
		free(l.v[i].new_json);
	}
	free(l.v);
	if(!rc)
		rc = changes_reset(s, err);
	return rc;
}
