/*
** store.c — driver-independent part of the store (see store.h): dispatch
** to the driver, the audit log, and opening with migrations.
*/
#include "db/store.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/clock.h"
#include "base/strbuf.h"
#include "db/migrate.h"

enum styr_rc store_open(const char *path, unsigned flags, struct store **out,
                        struct styr_error *err)
{
	struct store *s = xcalloc(1, sizeof(*s));
	enum styr_rc rc;

	*out = NULL;
	s->drv = &store_sqlite_driver;
	s->user = xstrdup("styr");
	s->path = xstrdup(path);
	rc = s->drv->open(s, path, flags, err);
	if(!rc)
		rc = migrate_apply(s, flags, err);
	if(rc) {
		store_close(s);
		return rc;
	}
	*out = s;
	return STYR_OK;
}

void store_close(struct store *s)
{
	if(!s)
		return;
	if(s->db)
		s->drv->close(s);
	free(s->user);
	free(s->path);
	free(s);
}

void store_set_user(struct store *s, const char *who)
{
	free(s->user);
	s->user = xstrdup(who);
}

const char *store_user(const struct store *s)
{
	return s->user;
}

enum styr_rc store_begin(struct store *s, struct styr_error *err)
{
	return s->drv->exec(s, "BEGIN IMMEDIATE", err);
}

enum styr_rc store_commit(struct store *s, struct styr_error *err)
{
	return s->drv->exec(s, "COMMIT", err);
}

void store_rollback(struct store *s)
{
	struct styr_error ignored;
	s->drv->exec(s, "ROLLBACK", &ignored);
}

enum styr_rc store_exec(struct store *s, const char *sql, struct styr_error *err)
{
	return s->drv->exec(s, sql, err);
}

enum styr_rc store_prepare(struct store *s, const char *sql,
                           struct store_stmt **out, struct styr_error *err)
{
	return s->drv->prepare(s, sql, out, err);
}

enum styr_rc store_query_int(struct store *s, const char *sql, int64_t *out,
                             struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, sql, &st, err);
	if(rc)
		return rc;
	rc = stmt_step(st, &row, err);
	if(!rc && row)
		*out = stmt_int(st, 0);
	stmt_finalize(st);
	return rc;
}

void stmt_bind_int(struct store_stmt *st, int idx, int64_t v) { st->store->drv->bind_int(st, idx, v); }
void stmt_bind_text(struct store_stmt *st, int idx, const char *v) { st->store->drv->bind_text(st, idx, v); }
void stmt_bind_null(struct store_stmt *st, int idx) { st->store->drv->bind_null(st, idx); }

enum styr_rc stmt_step(struct store_stmt *st, bool *row, struct styr_error *err)
{
	return st->store->drv->step(st, row, err);
}

bool stmt_is_null(struct store_stmt *st, int col) { return st->store->drv->is_null(st, col); }
int64_t stmt_int(struct store_stmt *st, int col) { return st->store->drv->col_int(st, col); }
const char *stmt_text(struct store_stmt *st, int col) { return st->store->drv->col_text(st, col); }
void stmt_reset(struct store_stmt *st) { st->store->drv->reset(st); }

void stmt_finalize(struct store_stmt *st)
{
	if(st)
		st->store->drv->finalize(st);
}

int64_t store_last_insert_id(struct store *s)
{
	return s->drv->last_insert_id(s);
}

enum styr_rc store_audit(struct store *s, const char *table, const char *key,
                         const char *old_value, const char *new_value,
                         struct styr_error *err)
{
	struct store_stmt *st;
	enum styr_rc rc;
	bool row;
	char when[CLOCK_TIMESTAMP_SIZE];

	clock_timestamp(when);
	rc = store_prepare(s, "INSERT INTO audit_log(at, who, tbl, key, old_value, new_value)"
	                      " VALUES(?, ?, ?, ?, ?, ?)", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, when);
	stmt_bind_text(st, 2, s->user);
	stmt_bind_text(st, 3, table);
	stmt_bind_text(st, 4, key);
	stmt_bind_text(st, 5, old_value);
	stmt_bind_text(st, 6, new_value);
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	return rc;
}

enum styr_rc store_audit_each(struct store *s, const char *table, int limit,
                              enum styr_rc (*fn)(void *ctx, const struct audit_entry *e),
                              void *ctx, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT id, at, who, tbl, key, old_value, new_value FROM ("
	    " SELECT * FROM audit_log WHERE ?1 IS NULL OR tbl = ?1"
	    " ORDER BY id DESC LIMIT CASE WHEN ?2 > 0 THEN ?2 ELSE -1 END"
	    ") ORDER BY id", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, table);
	stmt_bind_int(st, 2, limit);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct audit_entry e = {
			stmt_int(st, 0), stmt_text(st, 1), stmt_text(st, 2), stmt_text(st, 3),
			stmt_text(st, 4), stmt_text(st, 5), stmt_text(st, 6)
		};
		rc = fn(ctx, &e);
		if(rc)
			break;
	}
	stmt_finalize(st);
	return rc;
}

int store_schema_version(struct store *s)
{
	return s->schema_version;
}
