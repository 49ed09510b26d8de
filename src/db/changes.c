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
	return STYR_OK;
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
		rc = store_prepare_cached(s, "INSERT INTO audit_log(at, who, tbl, key, old_value, new_value,"
		                   " change_set, section, row_id) SELECT at, who, ?, ?, ?, ?, id, ?, ?"
		                   " FROM change_set WHERE id = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, table);
	stmt_bind_text(st, 2, key);
	stmt_bind_text(st, 3, old_value);
	stmt_bind_text(st, 4, new_value);
	stmt_bind_text(st, 5, section);
	if(section)
		stmt_bind_int(st, 6, row_id);
	else
		stmt_bind_null(st, 6);
	stmt_bind_int(st, 7, cs);
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

static enum styr_rc each_change(struct store *s, row_change_fn fn, void *ctx,
                                struct styr_error *err)
{
	struct dirty *rows = NULL;
	size_t n = 0;
	struct strbuf oj = STRBUF_INIT, ok = STRBUF_INIT, nj = STRBUF_INIT, nk = STRBUF_INIT;
	enum styr_rc rc;

	if(!s->capture_ready || !s->tx_depth)
		return STYR_OK;
	rc = dirty_rows(s, &rows, &n, err);
	for(size_t i = 0; !rc && i < n; i++) {
		bool was = false, is = false;
		strbuf_reset(&oj);
		strbuf_reset(&ok);
		strbuf_reset(&nj);
		strbuf_reset(&nk);
		if(!rows[i].inserted) {
			rc = store_open_snapshot(s, err);
			if(!rc)
				rc = store_row_image(s->snap, rows[i].d, rows[i].id, &oj, &ok, &was, err);
		}
		if(!rc)
			rc = store_row_image(s, rows[i].d, rows[i].id, &nj, &nk, &is, err);
		if(rc || (!was && !is) || (was && is && !strcmp(oj.buf, nj.buf)))
			continue;
		struct row_change c = {
			rows[i].d, rows[i].id, is ? nk.buf : ok.buf,
			was ? oj.buf : NULL, is ? nj.buf : NULL
		};
		rc = fn(ctx, &c);
	}
	free(rows);
	strbuf_release(&oj);
	strbuf_release(&ok);
	strbuf_release(&nj);
	strbuf_release(&nk);
	return rc;
}

enum styr_rc store_pending_changes(struct store *s, row_change_fn fn, void *ctx,
                                   struct styr_error *err)
{
	return each_change(s, fn, ctx, err);
}

static enum styr_rc record_one(void *ctx, const struct row_change *c)
{
	struct store *s = ((void **)ctx)[0];
	struct styr_error *err = ((void **)ctx)[1];
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = changes_audit(s, c->d->table, c->key, c->old_json, c->new_json,
	                                c->d->name, c->id, err);
	if(!rc)
		rc = store_prepare_cached(s, "INSERT INTO row_version(tbl, row_id, version, change_set)"
		                   " VALUES(?1, ?2, ?3, ?4) ON CONFLICT(tbl, row_id) DO UPDATE"
		                   " SET version = row_version.version + 1, change_set = excluded.change_set",
		                   &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, c->d->table);
	stmt_bind_int(st, 2, c->id);
	/* A row with no entry was stored before versions: it was version 1. */
	stmt_bind_int(st, 3, c->old_json ? 2 : 1);
	stmt_bind_int(st, 4, s->change_set);
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	return rc;
}

enum styr_rc changes_record(struct store *s, struct styr_error *err)
{
	void *ctx[2] = { s, err };
	enum styr_rc rc = each_change(s, record_one, ctx, err);
	if(!rc)
		rc = changes_reset(s, err);
	return rc;
}
