/*
** store.c — driver-independent part of the store (see store.h): dispatch
** to the driver, transactions with the change capture, the audit log and
** change sets, and opening with migrations.
*/
#include "db/store.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/loadable.h"
#include "base/strbuf.h"
#include "db/changes.h"
#include "db/migrate.h"
#include "db/section.h"

#define BUSY_DEFAULT_MS 5000
#define BUSY_MAX_MS     3600000

/* $STYR_BUSY_TIMEOUT in milliseconds, or the default. */
static enum styr_rc busy_timeout(int *ms, struct styr_error *err)
{
	const char *v = getenv("STYR_BUSY_TIMEOUT");
	char *end;
	long n;

	*ms = BUSY_DEFAULT_MS;
	if(!v || !*v)
		return STYR_OK;
	errno = 0;
	n = strtol(v, &end, 10);
	if(*end || errno || n < 0 || n > BUSY_MAX_MS || end == v)
		return styr_error_set(err, STYR_EINVAL, "STYR_BUSY_TIMEOUT: '%s' is not a time to"
		                      " wait, expected milliseconds 0-%d", v, BUSY_MAX_MS);
	*ms = (int)n;
	return STYR_OK;
}

bool store_path_is_pg(const char *path)
{
	return !strncmp(path, "postgresql://", 13) || !strncmp(path, "postgres:", 9);
}

/* A URL as messages show it: without its password. */
static char *display_url(const char *url)
{
	const char *scheme = strstr(url, "://"), *at, *colon;
	struct strbuf b = STRBUF_INIT;

	if(!scheme)
		return xstrdup(url);
	at = strchr(scheme + 3, '@');
	colon = strchr(scheme + 3, ':');
	if(!at || !colon || colon > at || strchr(scheme + 3, '/') < at)
		return xstrdup(url);
	strbuf_add(&b, url, (size_t)(colon - url));
	strbuf_addstr(&b, at);
	return strbuf_detach(&b);
}

static void resolved_forget(struct store *s);

/* The driver of path: SQLite's, in the program, or PostgreSQL's, in the
** module styr-pg.so (store_pg.c, with libpq; base/loadable.h) so that a
** program that opens SQLite files does not load libpq. NULL with err set
** when the module cannot be loaded. */
static const struct store_driver *driver_for(const char *path, struct styr_error *err)
{
	if(!store_path_is_pg(path))
		return &store_sqlite_driver;
	return loadable_symbol("styr-pg.so", "store_pg_driver", err);
}

static struct store *store_new(const struct store_driver *drv, const char *path, unsigned flags)
{
	struct store *s = xcalloc(1, sizeof(*s));
	s->drv = drv;
	s->user = xstrdup("styr");
	s->target = xstrdup(path);
	s->path = store_path_is_pg(path) ? display_url(path) : xstrdup(path);
	s->flags = flags;
	return s;
}

enum styr_rc store_open(const char *path, unsigned flags, struct store **out,
                        struct styr_error *err)
{
	const struct store_driver *drv;
	struct store *s;
	int ms;
	enum styr_rc rc;

	*out = NULL;
	rc = busy_timeout(&ms, err);
	if(rc)
		return rc;
	if(!(drv = driver_for(path, err)))
		return STYR_EIO;
	s = store_new(drv, path, flags);
	s->busy_ms = ms;
	rc = s->drv->open(s, path, flags, err);
	if(!rc)
		rc = migrate_apply(s, flags, err);
	if(rc) {
		store_close(s);
		return rc;
	}
	s->capture = !(flags & STORE_READONLY);
	s->work_commits = 0;
	s->retry_seed = (unsigned)(uintptr_t)s ^ (unsigned)getpid() ^ (unsigned)time(NULL);
	*out = s;
	return STYR_OK;
}

enum styr_rc store_open_snapshot(struct store *s, struct styr_error *err)
{
	struct store *r;
	enum styr_rc rc;

	if(s->snap)
		return STYR_OK;
	r = store_new(s->drv, s->target, STORE_READONLY);
	r->busy_ms = s->busy_ms;
	rc = r->drv->open(r, s->target, STORE_READONLY, err);
	if(rc) {
		store_close(r);
		return rc;
	}
	s->snap = r;
	return STYR_OK;
}

void store_close(struct store *s)
{
	if(!s)
		return;
	while(s->tx_depth)
		store_rollback(s);
	for(size_t i = 0; i < s->ncache; i++) {
		s->drv->finalize(s->cache[i].st);
		free(s->cache[i].sql);
	}
	free(s->cache);
	resolved_forget(s);
	free(s->resolved);
	store_close(s->snap);
	if(s->db)
		s->drv->close(s);
	free(s->stamp_who);
	free(s->user);
	free(s->path);
	free(s->target);
	free(s->command);
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

void store_set_command(struct store *s, const char *command)
{
	free(s->command);
	s->command = command ? xstrdup(command) : NULL;
	s->grouped = true;
	s->work_commits = 0;
	s->retryable = false;
	if(!s->tx_depth)
		s->change_set = 0;
}

int64_t store_last_change_set(const struct store *s)
{
	return s->last_change_set;
}

const struct store_violation *store_violation(const struct store *s)
{
	return &s->violation;
}

bool store_retryable(const struct store *s)
{
	return s->retryable;
}

bool store_retry(struct store *s, int attempt)
{
	long base, ms;
	struct timespec t;

	if(!s || !s->retryable || s->work_commits || attempt < 1 || attempt > STORE_RETRIES)
		return false;
	while(s->tx_depth)
		store_rollback(s);
	base = 1L << (attempt < 7 ? attempt : 7);
	ms = base + rand_r(&s->retry_seed) % base;
	t = (struct timespec){ ms / 1000, (ms % 1000) * 1000000L };
	while(nanosleep(&t, &t) && errno == EINTR)
		;
	return true;
}

bool store_broken(const struct store *s)
{
	return !s->db || (s->drv->broken && s->drv->broken(s));
}

bool store_in_transaction(const struct store *s)
{
	return s->tx_depth > 0;
}

static void resolved_forget(struct store *s)
{
	for(size_t i = 0; i < s->nresolved; i++)
		free(s->resolved[i].key);
	s->nresolved = 0;
}

bool store_resolved_get(struct store *s, const void *d, const char *key, int64_t *id)
{
	for(size_t i = 0; i < s->nresolved; i++)
		if(s->resolved[i].d == d && !strcmp(s->resolved[i].key, key)) {
			*id = s->resolved[i].id;
			return true;
		}
	return false;
}

void store_resolved_put(struct store *s, const void *d, const char *key, int64_t id)
{
	/* Only inside a transaction: outside it others may change the rows. */
	if(!s->tx_depth || s->nresolved >= 4096)
		return;
	ALLOC_GROW(s->resolved, s->nresolved, s->resolved_alloc);
	s->resolved[s->nresolved++] = (struct resolved_entry){ d, xstrdup(key), id };
}

/* Whether text holds word (upper case) in any case. */
static bool holds(const char *text, const char *word)
{
	size_t n = strlen(word);
	for(; *text; text++)
		if(!strncasecmp(text, word, n))
			return true;
	return false;
}

/* Whether sql may change or remove rows that exist: all but SELECT and an
** INSERT that replaces or updates nothing. */
static bool may_change_rows(const char *sql)
{
	const char *p = sql + strspn(sql, " \t\n");
	if(!strncasecmp(p, "SELECT", 6) || !strncasecmp(p, "SAVEPOINT", 9)
	   || !strncasecmp(p, "RELEASE", 7))
		return false;
	if(!strncasecmp(p, "INSERT", 6))
		return holds(p, "ON CONFLICT") || holds(p, "OR REPLACE");
	return true;
}

/* Run a statement of no parameters that recurs (a savepoint and its
** release, one of each per row operation) from the statement cache. */
static enum styr_rc exec_cached(struct store *s, const char *sql, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare_cached(s, sql, &st, err);
	if(rc)
		return rc;
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	return rc;
}

/* After the outermost transaction of store_begin_bulk: the checks it
** left out are on again for what the connection writes next. */
static void bulk_end(struct store *s)
{
	struct styr_error ignored;
	if(!s->bulk)
		return;
	s->bulk = false;
	s->drv->exec(s, s->drv->bulk_end_sql, &ignored);
}

enum styr_rc store_read_begin(struct store *s, struct styr_error *err)
{
	enum styr_rc rc;
	if(s->tx_depth || s->read_snapshot || !s->drv->read_begin_sql)
		return STYR_OK;
	rc = exec_cached(s, s->drv->read_begin_sql, err);
	if(!rc)
		s->read_snapshot = true;
	return rc;
}

void store_read_end(struct store *s)
{
	struct styr_error ignored;
	if(!s->read_snapshot)
		return;
	s->read_snapshot = false;
	exec_cached(s, "COMMIT", &ignored);
}

bool store_stamp(struct store *s, struct store_stamp *out)
{
	return s->drv->stamp && s->drv->stamp(s, out->b);
}

/* The turn to write of the process's one_writer stores. SQLite's busy
** handler sleeps 1, 2, 5, 10 ms ... between tries, so 32 writers of a
** web server that wait for each other's short transactions left the
** processors idle and a write's 99th percentile at 1.6 s; on this lock
** they wait in order. One lock for every such database: a process of
** styr writes one at a time (the server one database, copy only its
** target); recursive, for a thread that writes a second store. A writer
** of another process is still waited for by the busy handler. */
static pthread_mutex_t writer_mu;
static pthread_once_t writer_once = PTHREAD_ONCE_INIT;

static void writer_init(void)
{
	pthread_mutexattr_t a;
	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&writer_mu, &a);
	pthread_mutexattr_destroy(&a);
}

static enum styr_rc writer_take(struct store *s, struct styr_error *err)
{
	struct timespec until;
	if(!s->drv->one_writer)
		return STYR_OK;
	pthread_once(&writer_once, writer_init);
	until = clock_wait_until(s->busy_ms);
	if(pthread_mutex_timedlock(&writer_mu, &until))
		return store_busy_error(s, err);
	s->writer = true;
	return STYR_OK;
}

static void writer_give(struct store *s)
{
	if(!s->writer)
		return;
	s->writer = false;
	pthread_mutex_unlock(&writer_mu);
}

enum styr_rc store_busy_error(struct store *s, struct styr_error *err)
{
	return styr_error_set(err, STYR_EBUSY, "%s: the database is busy writing another"
	                      " change; nothing was stored", s->path);
}

/* The outermost transaction is BEGIN IMMEDIATE ... COMMIT; one begun
** inside it is a savepoint. */
enum styr_rc store_begin(struct store *s, struct styr_error *err)
{
	char sql[48];
	enum styr_rc rc = STYR_OK;

	store_read_end(s);

	if(s->tx_depth) {
		snprintf(sql, sizeof(sql), "SAVEPOINT styr_%d", s->tx_depth);
		rc = exec_cached(s, sql, err);
		if(!rc)
			s->tx_depth++;
		return rc;
	}
	s->retryable = false;
	resolved_forget(s);
	if(s->capture && !s->capture_ready)
		rc = changes_install(s, err);
	if(!rc)
		rc = writer_take(s, err);
	if(!rc && (rc = s->drv->exec(s, s->drv->begin_sql, err)))
		writer_give(s);
	if(rc)
		return rc;
	s->tx_depth = 1;
	if(s->capture_ready)
		rc = changes_reset(s, err);
	if(rc)
		store_rollback(s);
	return rc;
}

enum styr_rc store_begin_bulk(struct store *s, struct styr_error *err)
{
	enum styr_rc rc;

	if(s->tx_depth || !s->drv->bulk_begin_sql)
		return store_begin(s, err);
	rc = s->drv->exec(s, s->drv->bulk_begin_sql, err);
	if(rc)
		return rc;
	s->bulk = true;
	rc = store_begin(s, err);
	if(rc)
		bulk_end(s);
	return rc;
}

enum styr_rc store_commit(struct store *s, struct styr_error *err)
{
	char sql[48];
	enum styr_rc rc = STYR_OK;

	if(s->tx_depth > 1) {
		snprintf(sql, sizeof(sql), "RELEASE styr_%d", s->tx_depth - 1);
		rc = exec_cached(s, sql, err);
		if(rc)
			return rc;
		s->tx_depth--;
		if(s->change_set_depth > s->tx_depth)
			s->change_set_depth = s->tx_depth;
		return STYR_OK;
	}
	if(s->capture_ready && s->tx_depth)
		rc = changes_record(s, err);
	if(!rc)
		rc = s->drv->exec(s, "COMMIT", err);
	if(rc)
		return rc;
	s->tx_depth = 0;
	writer_give(s);
	bulk_end(s);
	s->work_commits++;
	resolved_forget(s);
	if(s->change_set)
		s->last_change_set = s->change_set;
	s->change_set_depth = 0;
	if(!s->grouped)
		s->change_set = 0;
	s->undoes = 0;
	return STYR_OK;
}

void store_rollback(struct store *s)
{
	struct styr_error ignored;
	char sql[80];

	resolved_forget(s);
	if(s->tx_depth > 1) {
		/* Two statements: a driver may send each with what follows. */
		snprintf(sql, sizeof(sql), "ROLLBACK TO styr_%d", s->tx_depth - 1);
		s->drv->exec(s, sql, &ignored);
		snprintf(sql, sizeof(sql), "RELEASE styr_%d", s->tx_depth - 1);
		s->drv->exec(s, sql, &ignored);
	} else {
		s->drv->exec(s, "ROLLBACK", &ignored);
	}
	/* A change set made inside what was rolled back is gone with it. */
	if(s->change_set && s->change_set_depth >= s->tx_depth && s->tx_depth)
		s->change_set = 0;
	if(s->tx_depth)
		s->tx_depth--;
	if(!s->tx_depth) {
		s->undoes = 0;
		writer_give(s);
		bulk_end(s);
	}
}

enum styr_rc store_exec(struct store *s, const char *sql, struct styr_error *err)
{
	resolved_forget(s);
	return s->drv->exec(s, sql, err);
}

enum styr_rc store_prepare(struct store *s, const char *sql,
                           struct store_stmt **out, struct styr_error *err)
{
	enum styr_rc rc = s->drv->prepare(s, sql, out, err);
	if(!rc) {
		(*out)->slot = -1;
		(*out)->forgets = may_change_rows(sql);
	}
	return rc;
}

/* The cache holds at most this many statements; SQL past it is prepared
** each time, as store_prepare does. */
#define STMT_CACHE_MAX 256

static uint64_t sql_hash(const char *sql)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for(const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	return h;
}

enum styr_rc store_prepare_cached(struct store *s, const char *sql,
                                  struct store_stmt **out, struct styr_error *err)
{
	uint64_t h = sql_hash(sql);
	bool known = false;
	enum styr_rc rc;

	for(size_t i = 0; i < s->ncache; i++) {
		struct stmt_cache_entry *e = &s->cache[i];
		if(e->hash != h || strcmp(e->sql, sql))
			continue;
		known = true;
		if(e->busy)
			continue;
		e->busy = true;
		*out = e->st;
		return STYR_OK;
	}
	rc = store_prepare(s, sql, out, err);
	if(rc || known || s->ncache >= STMT_CACHE_MAX)
		return rc;
	ALLOC_GROW(s->cache, s->ncache, s->cache_alloc);
	s->cache[s->ncache] = (struct stmt_cache_entry){ xstrdup(sql), h, *out, true };
	(*out)->slot = (long)s->ncache++;
	return STYR_OK;
}

enum styr_rc store_query_int(struct store *s, const char *sql, int64_t *out,
                             struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare_cached(s, sql, &st, err);
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
void stmt_bind_text_static(struct store_stmt *st, int idx, const char *v)
{
	st->store->drv->bind_text_static(st, idx, v);
}
void stmt_bind_null(struct store_stmt *st, int idx) { st->store->drv->bind_null(st, idx); }

enum styr_rc stmt_step(struct store_stmt *st, bool *row, struct styr_error *err)
{
	if(st->forgets)
		resolved_forget(st->store);
	return st->store->drv->step(st, row, err);
}

bool stmt_is_null(struct store_stmt *st, int col) { return st->store->drv->is_null(st, col); }
int64_t stmt_int(struct store_stmt *st, int col) { return st->store->drv->col_int(st, col); }
const char *stmt_text(struct store_stmt *st, int col) { return st->store->drv->col_text(st, col); }
void stmt_reset(struct store_stmt *st) { st->store->drv->reset(st); }
void stmt_rewind(struct store_stmt *st) { st->store->drv->rewind(st); }

void stmt_finalize(struct store_stmt *st)
{
	if(!st)
		return;
	if(st->slot >= 0) {
		st->store->drv->reset(st);
		st->store->cache[st->slot].busy = false;
		return;
	}
	st->store->drv->finalize(st);
}

int64_t store_last_insert_id(struct store *s)
{
	return s->drv->last_insert_id(s);
}

enum styr_rc store_reserve_ids(struct store *s, const char *table, size_t n, int64_t *ids,
                               struct styr_error *err)
{
	return s->drv->reserve_ids(s, table, n, ids, err);
}

enum styr_rc store_audit(struct store *s, const char *table, const char *key,
                         const char *old_value, const char *new_value,
                         struct styr_error *err)
{
	/* The store logs the rows of sections itself, at commit, in data-file
	** form; an entry of a module's own for such a row would say it twice. */
	if(s->capture && store_section_by_table(table))
		return STYR_OK;
	return changes_audit(s, table, key, old_value, new_value, NULL, 0, err);
}

static enum styr_rc audit_rows(struct store_stmt *st,
                               enum styr_rc (*fn)(void *ctx, const struct audit_entry *e),
                               void *ctx, struct styr_error *err)
{
	bool row;
	enum styr_rc rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct audit_entry e = {
			stmt_int(st, 0), stmt_text(st, 1), stmt_text(st, 2), stmt_text(st, 3),
			stmt_text(st, 4), stmt_text(st, 5), stmt_text(st, 6),
			stmt_int(st, 7), stmt_text(st, 8), stmt_int(st, 9)
		};
		rc = fn(ctx, &e);
		if(rc)
			break;
	}
	return rc;
}

enum styr_rc store_audit_each(struct store *s, const char *table, int limit,
                              enum styr_rc (*fn)(void *ctx, const struct audit_entry *e),
                              void *ctx, struct styr_error *err)
{
	struct store_stmt *st;
	enum styr_rc rc = store_prepare(s,
	    "SELECT id, at, who, tbl, key, old_value, new_value, change_set, section, row_id FROM ("
	    " SELECT * FROM audit_log WHERE CAST(?1 AS TEXT) IS NULL OR tbl = ?1 OR section = ?1"
	    " ORDER BY id DESC LIMIT CASE WHEN ?2 > 0 THEN ?2 ELSE 9223372036854775807 END"
	    ") r ORDER BY id", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, table);
	stmt_bind_int(st, 2, limit);
	rc = audit_rows(st, fn, ctx, err);
	stmt_finalize(st);
	return rc;
}

#define CHANGE_SET_COLUMNS \
	"c.id, c.at, c.who, c.command, c.undoes," \
	" (SELECT max(u.id) FROM change_set u WHERE u.undoes = c.id)," \
	" (SELECT count(*) FROM audit_log a WHERE a.change_set = c.id)"

static struct change_set change_set_row(struct store_stmt *st)
{
	struct change_set c = {
		stmt_int(st, 0), stmt_text(st, 1), stmt_text(st, 2), stmt_text(st, 3),
		stmt_int(st, 4), stmt_int(st, 5), stmt_int(st, 6)
	};
	return c;
}

enum styr_rc store_change_set_each(struct store *s, const char *table, int limit,
                                   enum styr_rc (*fn)(void *ctx, const struct change_set *c),
                                   void *ctx, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT * FROM (SELECT " CHANGE_SET_COLUMNS " FROM change_set c"
	    " WHERE CAST(?1 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM audit_log a WHERE a.change_set = c.id"
	    "   AND (a.tbl = ?1 OR a.section = ?1))"
	    " ORDER BY c.id DESC LIMIT CASE WHEN ?2 > 0 THEN ?2 ELSE 9223372036854775807 END) r ORDER BY 1",
	    &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, table);
	stmt_bind_int(st, 2, limit);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct change_set c = change_set_row(st);
		rc = fn(ctx, &c);
		if(rc)
			break;
	}
	stmt_finalize(st);
	return rc;
}

enum styr_rc store_change_set_get(struct store *s, int64_t id,
                                  enum styr_rc (*fn)(void *ctx, const struct change_set *c),
                                  enum styr_rc (*entry)(void *ctx, const struct audit_entry *e),
                                  void *ctx, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, "SELECT " CHANGE_SET_COLUMNS
	                                " FROM change_set c WHERE c.id = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, id);
	rc = stmt_step(st, &row, err);
	if(!rc && !row)
		rc = styr_error_set(err, STYR_ENOTFOUND, "no change set %lld (see styr log)",
		                    (long long)id);
	if(!rc) {
		struct change_set c = change_set_row(st);
		rc = fn ? fn(ctx, &c) : STYR_OK;
	}
	stmt_finalize(st);
	if(rc || !entry)
		return rc;
	rc = store_prepare(s, "SELECT id, at, who, tbl, key, old_value, new_value, change_set,"
	                   " section, row_id FROM audit_log WHERE change_set = ? ORDER BY id",
	                   &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, id);
	rc = audit_rows(st, entry, ctx, err);
	stmt_finalize(st);
	return rc;
}

int store_schema_version(struct store *s)
{
	return s->schema_version;
}
