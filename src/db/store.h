/*
** store.h — the one interface to stored data.
**
** A `struct store` is an open database behind a driver table of function
** pointers (Dovecot lib-sql style): SQLite now (store_sqlite.c), PostgreSQL
** later behind the same calls. SQL text lives only in this layer's files
** and in each module's domain calls (<module>/<module>*.c, schema_*.c);
** commands, document sections and report types speak in domain calls.
**
** Opening a database applies the numbered migrations it lacks (migrate.c)
** and refuses a file that is not a styr database or that was written by a
** newer styr. Every change to stored data writes a row to the append-only
** audit log (store_audit): who, when, table, key, old and new value.
*/
#ifndef STYR_STORE_H
#define STYR_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/error.h"

struct store;
struct store_stmt;

#define STORE_CREATE   1u  /* create the file when it does not exist */
#define STORE_READONLY 2u

/* Open (and migrate) the database at path. On failure *out is NULL and
** err says why; a file that is not a styr database is never modified. */
enum styr_rc store_open(const char *path, unsigned flags, struct store **out,
                        struct styr_error *err);
void store_close(struct store *s);

/* Who is making changes, for the audit log: "styr" until the front door
** sets the person (the command line: $STYR_USER, else $USER). The string
** is copied. */
void store_set_user(struct store *s, const char *who);
const char *store_user(const struct store *s);

/* Transactions. A failed step inside a transaction leaves it open: the
** caller rolls back, and the database is as it was before store_begin. */
enum styr_rc store_begin(struct store *s, struct styr_error *err);
enum styr_rc store_commit(struct store *s, struct styr_error *err);
void store_rollback(struct store *s);

/* Run SQL with no parameters and no result rows (migrations). */
enum styr_rc store_exec(struct store *s, const char *sql, struct styr_error *err);

/* Run SQL with no parameters that returns one integer (a count, a max, a
** pragma) into *out; *out is unchanged when there is no row. */
enum styr_rc store_query_int(struct store *s, const char *sql, int64_t *out,
                             struct styr_error *err);

/* Prepared statements. Parameters are bound by index from 1. */
enum styr_rc store_prepare(struct store *s, const char *sql,
                           struct store_stmt **out, struct styr_error *err);
void stmt_bind_int(struct store_stmt *st, int idx, int64_t v);
void stmt_bind_text(struct store_stmt *st, int idx, const char *v); /* NULL binds null */
void stmt_bind_null(struct store_stmt *st, int idx);
/* Step: *row is true while a result row is available. A unique or
** foreign-key violation gives STYR_ECONFLICT. */
enum styr_rc stmt_step(struct store_stmt *st, bool *row, struct styr_error *err);
bool stmt_is_null(struct store_stmt *st, int col);     /* columns from 0 */
int64_t stmt_int(struct store_stmt *st, int col);
const char *stmt_text(struct store_stmt *st, int col); /* NULL for null; valid until next step */
void stmt_reset(struct store_stmt *st);
void stmt_finalize(struct store_stmt *st);

/* Run a statement that returns no rows, binding text or int parameters. */
int64_t store_last_insert_id(struct store *s);

/* Append one row to the audit log. old_value/new_value are JSON text or
** NULL (insert has no old value, delete no new one). */
enum styr_rc store_audit(struct store *s, const char *table, const char *key,
                         const char *old_value, const char *new_value,
                         struct styr_error *err);

/* One entry of the audit log. */
struct audit_entry {
	int64_t id;
	const char *at, *who, *table, *key, *old_value, *new_value; /* valid during the call */
};

/* Call fn for each audit entry, oldest first, of `table` (all when NULL),
** at most `limit` of the newest (all when 0). Stops at fn's first non-OK. */
enum styr_rc store_audit_each(struct store *s, const char *table, int limit,
                              enum styr_rc (*fn)(void *ctx, const struct audit_entry *e),
                              void *ctx, struct styr_error *err);

/* Schema version of the open database and the newest this binary knows. */
int store_schema_version(struct store *s);
int store_schema_latest(void);

/* ---- driver interface (for backends; not for callers) ---- */
struct store_driver {
	const char *name;
	enum styr_rc (*open)(struct store *s, const char *path, unsigned flags,
	                     struct styr_error *err);
	void (*close)(struct store *s);
	enum styr_rc (*exec)(struct store *s, const char *sql, struct styr_error *err);
	enum styr_rc (*prepare)(struct store *s, const char *sql,
	                        struct store_stmt **out, struct styr_error *err);
	void (*bind_int)(struct store_stmt *st, int idx, int64_t v);
	void (*bind_text)(struct store_stmt *st, int idx, const char *v);
	void (*bind_null)(struct store_stmt *st, int idx);
	enum styr_rc (*step)(struct store_stmt *st, bool *row, struct styr_error *err);
	bool (*is_null)(struct store_stmt *st, int col);
	int64_t (*col_int)(struct store_stmt *st, int col);
	const char *(*col_text)(struct store_stmt *st, int col);
	void (*reset)(struct store_stmt *st);
	void (*finalize)(struct store_stmt *st);
	int64_t (*last_insert_id)(struct store *s);
};

extern const struct store_driver store_sqlite_driver;

struct store {
	const struct store_driver *drv;
	void *db;          /* driver's handle */
	char *user;
	char *path;
	int schema_version;
};

struct store_stmt {
	struct store *store;
	void *handle;      /* driver's statement */
};

#endif
