/*
** store_sqlite.c — the SQLite driver of the store (see store.h).
**
** WAL journal, foreign keys on (but for the transaction of a bulk write
** whose references hold by construction, store_begin_bulk: a lookup per
** row saved), a busy timeout so that the CLI and the web server can share
** a file. A connection is opened with SQLITE_OPEN_NOMUTEX
** (SQLite's multi-thread mode: no mutex around each call; styr never uses
** one connection from two threads at once) and SQLite's memory statistics
** are off: both cost a bulk import a mutex or a counter per call. SQLite's own messages do not reach a person:
** a held lock is STYR_EBUSY with styr's sentence, a violated constraint
** STYR_ECONFLICT with its kind and detail in s->violation (section.c words
** it from the section description) and a plain fallback message here.
*/
#include "db/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/strbuf.h"

/* The text after "<prefix>" in SQLite's message, or "". */
static const char *after(const char *msg, const char *prefix)
{
	size_t n = strlen(prefix);
	return strncmp(msg, prefix, n) ? "" : msg + n;
}

/* Record the kind of a constraint failure and word a fallback message. */
static enum styr_rc constraint_error(struct store *s, int code, struct styr_error *err)
{
	const char *msg = sqlite3_errmsg(s->db);
	struct store_violation *v = &s->violation;
	const char *detail = "";

	switch(code) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		v->kind = STORE_VIOLATION_UNIQUE;
		detail = after(msg, "UNIQUE constraint failed: ");
		break;
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		v->kind = STORE_VIOLATION_FOREIGN_KEY;
		break;
	case SQLITE_CONSTRAINT_CHECK:
		v->kind = STORE_VIOLATION_CHECK;
		detail = after(msg, "CHECK constraint failed: ");
		break;
	case SQLITE_CONSTRAINT_NOTNULL:
		v->kind = STORE_VIOLATION_NOT_NULL;
		detail = after(msg, "NOT NULL constraint failed: ");
		break;
	default:
		/* RAISE(ABORT, '...') in a trigger: the message is styr's own. */
		v->kind = STORE_VIOLATION_RULE;
		detail = msg;
		break;
	}
	str_copy(v->detail, sizeof(v->detail), detail);
	switch(v->kind) {
	case STORE_VIOLATION_UNIQUE:
		return styr_error_set(err, STYR_ECONFLICT, "already stored: another record has the"
		                      " same %s", v->detail);
	case STORE_VIOLATION_FOREIGN_KEY:
		return styr_error_set(err, STYR_ECONFLICT, "refers to a record that does not exist,"
		                      " or is referred to by another record");
	case STORE_VIOLATION_CHECK:
		return styr_error_set(err, STYR_ECONFLICT, "breaks a rule of the table (%s)", v->detail);
	case STORE_VIOLATION_NOT_NULL:
		return styr_error_set(err, STYR_ECONFLICT, "%s is required", v->detail);
	default:
		return styr_error_set(err, STYR_ECONFLICT, "%s", v->detail);
	}
}

static enum styr_rc db_error(struct store *s, int code, const char *what,
                             struct styr_error *err)
{
	s->violation.kind = STORE_VIOLATION_NONE;
	s->violation.detail[0] = '\0';
	if((code & 0xff) == SQLITE_CONSTRAINT)
		return constraint_error(s, code, err);
	if((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return store_busy_error(s, err);
	return styr_error_set(err, STYR_EDB, "%s: %s: %s", s->path, what,
	                      sqlite3_errmsg(s->db));
}

/* Open path with SQLite flags oflags, waiting busy_ms for a lock; false
** with err set when it cannot be. */
static bool open_db(const char *path, int oflags, int busy_ms, sqlite3 **out,
                    struct styr_error *err)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(path, &db, oflags, NULL);
	if(rc != SQLITE_OK) {
		styr_error_set(err, STYR_EDB, "%s: cannot open database: %s", path,
		               db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return false;
	}
	sqlite3_busy_timeout(db, busy_ms);
	sqlite3_extended_result_codes(db, 1);
	*out = db;
	return true;
}

/* Read the schema once: SQLITE_OK, or the code that says why not. */
static int probe(sqlite3 *db)
{
	return sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
}

/* A file: URI for path, reading it as immutable: no lock, no -shm. */
static char *immutable_uri(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, "file:");
	for(const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if(*p == '%' || *p == '?' || *p == '#' || *p < 0x20)
			strbuf_addf(&sb, "%%%02X", *p);
		else
			strbuf_addch(&sb, *p);
	}
	strbuf_addstr(&sb, "?immutable=1");
	return strbuf_detach(&sb);
}

/* Whether path's write-ahead log holds anything (a -wal file longer than
** its header): then the file alone is not the database. */
static bool wal_has_frames(const char *path)
{
	struct strbuf wal = STRBUF_INIT;
	struct stat st;
	strbuf_addf(&wal, "%s-wal", path);
	bool frames = stat(wal.buf, &st) == 0 && st.st_size > 32;
	strbuf_release(&wal);
	return frames;
}

static enum styr_rc lite_open(struct store *s, const char *path, unsigned flags,
                              struct styr_error *err)
{
	int oflags = (flags & STORE_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	sqlite3 *db = NULL;
	int rc;

	static bool configured;

	if(!configured) {
		/* Before SQLite initializes; later it is refused, harmlessly. */
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		configured = true;
	}
	if(flags & STORE_CREATE)
		oflags |= SQLITE_OPEN_CREATE;
	oflags |= SQLITE_OPEN_NOMUTEX;
	if(!open_db(path, oflags, s->busy_ms, &db, err))
		return STYR_EDB;
	rc = probe(db);
	/* A WAL database in a folder this user cannot write to (an archived,
	** read-only copy) cannot be read the usual way: SQLite must create its
	** -shm file. When nothing waits in its log, the file alone is the
	** database and is read as immutable. */
	if((flags & STORE_READONLY) && rc != SQLITE_OK &&
	   ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN) &&
	   !wal_has_frames(path)) {
		char *uri = immutable_uri(path);
		sqlite3_close(db);
		db = NULL;
		bool ok = open_db(uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, s->busy_ms, &db, err);
		free(uri);
		if(!ok)
			return STYR_EDB;
		rc = probe(db);
	}
	if(rc != SQLITE_OK) {
		if((rc & 0xff) == SQLITE_NOTADB && (flags & STORE_NEW))
			styr_error_set(err, STYR_ECONFLICT, "%s: already exists and is not an empty "
			               "database; it is never overwritten", path);
		else if((rc & 0xff) == SQLITE_NOTADB)
			styr_error_set(err, STYR_EDB, "%s: not a styr database (the file is not an "
			               "SQLite database)", path);
		else if(!(flags & STORE_READONLY) && ((rc & 0xff) == SQLITE_READONLY ||
		                                     (rc & 0xff) == SQLITE_CANTOPEN))
			styr_error_set(err, STYR_EDB, "%s: cannot open the database for writing: %s "
			               "(the file or its folder is not writable for this user, and "
			               "this command changes it)", path, sqlite3_errmsg(db));
		else if((flags & STORE_READONLY) && wal_has_frames(path))
			styr_error_set(err, STYR_EDB, "%s: cannot read the database: %s (its "
			               "write-ahead log %s-wal holds changes and its folder is not "
			               "writable: copy the database with its -wal file to a writable "
			               "folder)", path, sqlite3_errmsg(db), path);
		else
			styr_error_set(err, STYR_EDB, "%s: cannot read the database: %s", path,
			               sqlite3_errmsg(db));
		sqlite3_close(db);
		return STYR_EDB;
	}
	if(!(flags & STORE_READONLY) && sqlite3_db_readonly(db, "main") == 1) {
		styr_error_set(err, STYR_EDB, "%s: cannot open the database for writing (the "
		               "file is not writable for this user, and this command changes it)",
		               path);
		sqlite3_close(db);
		return STYR_EDB;
	}
	s->db = db;
	return STYR_OK;
}

static void lite_close(struct store *s)
{
	sqlite3_close(s->db);
	s->db = NULL;
	free(s->drv_state);
	s->drv_state = NULL;
}

static enum styr_rc lite_exec(struct store *s, const char *sql, struct styr_error *err)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	if(rc != SQLITE_OK)
		return db_error(s, rc, "executing SQL", err);
	return STYR_OK;
}

static enum styr_rc lite_prepare(struct store *s, const char *sql,
                                 struct store_stmt **out, struct styr_error *err)
{
	sqlite3_stmt *h = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &h, NULL);
	if(rc != SQLITE_OK) {
		*out = NULL;
		return db_error(s, rc, "preparing statement", err);
	}
	*out = xmalloc(sizeof(**out));
	(*out)->store = s;
	(*out)->handle = h;
	return STYR_OK;
}

static void lite_bind_int(struct store_stmt *st, int idx, int64_t v)
{
	sqlite3_bind_int64(st->handle, idx, v);
}

static void lite_bind_text(struct store_stmt *st, int idx, const char *v)
{
	if(v)
		sqlite3_bind_text(st->handle, idx, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st->handle, idx);
}

static void lite_bind_text_static(struct store_stmt *st, int idx, const char *v)
{
	if(v)
		sqlite3_bind_text(st->handle, idx, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st->handle, idx);
}

static void lite_bind_null(struct store_stmt *st, int idx)
{
	sqlite3_bind_null(st->handle, idx);
}

static enum styr_rc lite_step(struct store_stmt *st, bool *row, struct styr_error *err)
{
	int rc = sqlite3_step(st->handle);
	*row = rc == SQLITE_ROW;
	if(rc == SQLITE_ROW || rc == SQLITE_DONE)
		return STYR_OK;
	sqlite3_reset(st->handle);
	return db_error(st->store, rc, "running statement", err);
}

static bool lite_is_null(struct store_stmt *st, int col)
{
	return sqlite3_column_type(st->handle, col) == SQLITE_NULL;
}

static int64_t lite_col_int(struct store_stmt *st, int col)
{
	return sqlite3_column_int64(st->handle, col);
}

static const char *lite_col_text(struct store_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st->handle, col);
}

static void lite_reset(struct store_stmt *st)
{
	sqlite3_reset(st->handle);
	sqlite3_clear_bindings(st->handle);
}

static void lite_rewind(struct store_stmt *st)
{
	sqlite3_reset(st->handle);
}

static void lite_finalize(struct store_stmt *st)
{
	sqlite3_finalize(st->handle);
	free(st);
}

static int64_t lite_last_insert_id(struct store *s)
{
	return sqlite3_last_insert_rowid(s->db);
}

/* The writer holds the write lock: nobody else adds a row before the
** caller stores these. */
static enum styr_rc lite_reserve_ids(struct store *s, const char *table, size_t n,
                                    int64_t *ids, struct styr_error *err)
{
	char sql[200];
	int64_t last = 0;
	enum styr_rc rc;

	snprintf(sql, sizeof(sql), "SELECT coalesce(max(id), 0) FROM %s", table);
	rc = store_query_int(s, sql, &last, err);
	for(size_t i = 0; !rc && i < n; i++)
		ids[i] = last + 1 + (int64_t)i;
	return rc;
}

static enum styr_rc lite_identity(struct store *s, int64_t *app_id, int64_t *objects,
                                  struct styr_error *err)
{
	enum styr_rc rc = store_query_int(s, "PRAGMA application_id", app_id, err);
	if(!rc)
		rc = store_query_int(s, "SELECT count(*) FROM sqlite_master", objects, err);
	if(rc)
		return styr_error_set(err, STYR_EDB, "%s: not a styr database (%s)",
		                      s->path, "the file is not an SQLite database");
	return STYR_OK;
}

static enum styr_rc lite_set_identity(struct store *s, int64_t app_id, struct styr_error *err)
{
	char sql[64];
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %lld", (long long)app_id);
	return lite_exec(s, sql, err);
}

static void wal_index_find(struct store *s);

/* A read-only store has no stamp: it may be reading the file as
** immutable, without a -shm file. */
static enum styr_rc lite_setup(struct store *s, bool readonly, struct styr_error *err)
{
	enum styr_rc rc = lite_exec(s, readonly ? "PRAGMA foreign_keys = ON"
	                            : "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON", err);
	if(!rc && !readonly)
		wal_index_find(s);
	return rc;
}

/* Temporary triggers: nothing is written to the database file. */
static enum styr_rc lite_capture_install(struct store *s, const char *const *tables, size_t n,
                                         struct styr_error *err)
{
	static const struct { const char *when, *op, *row; } trig[] = {
		{ "INSERT", "I", "NEW.id" }, { "UPDATE", "U", "OLD.id" }, { "DELETE", "D", "OLD.id" },
	};
	struct strbuf sql = STRBUF_INIT;
	enum styr_rc rc;

	strbuf_addstr(&sql, "CREATE TEMP TABLE IF NOT EXISTS styr_dirty("
	              "seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_id INTEGER NOT NULL,"
	              " op TEXT NOT NULL, UNIQUE(tbl, row_id));");
	for(size_t k = 0; k < n; k++)
		for(size_t t = 0; t < sizeof(trig) / sizeof(trig[0]); t++)
			strbuf_addf(&sql, "CREATE TEMP TRIGGER IF NOT EXISTS styr_dirty_%s_%s"
			            " AFTER %s ON main.%s BEGIN INSERT OR IGNORE INTO"
			            " styr_dirty(tbl, row_id, op) VALUES('%s', %s, '%s'); END;",
			            tables[k], trig[t].op, trig[t].when, tables[k],
			            tables[k], trig[t].row, trig[t].op);
	rc = lite_exec(s, sql.buf, err);
	strbuf_release(&sql);
	return rc;
}

static enum styr_rc lite_tables(struct store *s,
                                enum styr_rc (*fn)(void *ctx, const char *table,
                                                   const char *columns, const char *refs,
                                                   const char *order),
                                void *ctx, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = lite_prepare(s,
	    "SELECT m.name, (SELECT group_concat(c.name, ',') FROM pragma_table_info(m.name) c),"
	    " coalesce((SELECT group_concat(DISTINCT f.\"table\") FROM pragma_foreign_key_list(m.name) f"
	    "  WHERE f.\"table\" <> m.name), ''),"
	    " CASE WHEN EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'id')"
	    "  THEN 'id' WHEN m.sql LIKE '%WITHOUT ROWID%' THEN '1' ELSE 'rowid' END"
	    " FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%'"
	    " ORDER BY m.rowid", &st, err);
	if(rc)
		return rc;
	while(!(rc = lite_step(st, &row, err)) && row) {
		rc = fn(ctx, lite_col_text(st, 0), lite_col_text(st, 1), lite_col_text(st, 2),
		        lite_col_text(st, 3));
		if(rc)
			break;
	}
	lite_finalize(st);
	return rc;
}

/* The stamp is the header of the WAL index, which every commit rewrites
** (its frame count, or its salt when the log starts over, and its
** checksum): see https://sqlite.org/walformat.html. SQLite keeps two
** copies, writes the second first and the first last, and a reader that
** finds them equal has one whole header; this is how its own readers
** look at it before they lock. The memory is the VFS's own mapping of the
** -shm file, from xShmMap, which stays while the connection is open. The
** journal mode is asked at open (lite_setup), outside any transaction:
** asked inside a request's read it would begin the snapshot before the
** stamp is taken. */
#define WAL_INDEX_HEADER 48

/* What lite_setup found of the WAL index: whether the file is in WAL
** mode, and the header once SQLite has mapped it (a new file has none
** until its first read). */
struct wal_index {
	bool wal;
	const volatile unsigned char *header;
};

static void wal_index_find(struct store *s)
{
	struct wal_index *w = xcalloc(1, sizeof(*w));
	struct store_stmt *st;
	bool row = false;
	struct styr_error ignored;

	/* Not in WAL mode, xShmMap would make a -shm file that nothing uses. */
	if(!lite_prepare(s, "PRAGMA journal_mode", &st, &ignored)) {
		if(!lite_step(st, &row, &ignored) && row)
			w->wal = !strcmp(lite_col_text(st, 0), "wal");
		lite_finalize(st);
	}
	s->drv_state = w;
}

static const volatile unsigned char *wal_index_header(struct store *s)
{
	struct wal_index *w = s->drv_state;
	sqlite3_file *f = NULL;
	void volatile *region = NULL;

	if(!w || !w->wal)
		return NULL;
	if(!w->header && sqlite3_file_control(s->db, "main", SQLITE_FCNTL_FILE_POINTER, &f) == SQLITE_OK
	   && f && f->pMethods && f->pMethods->iVersion >= 2 && f->pMethods->xShmMap
	   && f->pMethods->xShmMap(f, 0, 32768, 0, &region) == SQLITE_OK)
		w->header = region;
	return w->header;
}

static bool lite_stamp(struct store *s, unsigned char out[STORE_STAMP_SIZE])
{
	const volatile unsigned char *h = wal_index_header(s);
	unsigned char second[WAL_INDEX_HEADER];

	_Static_assert(STORE_STAMP_SIZE == WAL_INDEX_HEADER, "the stamp is the header");
	if(!h)
		return false;
	for(int i = 0; i < WAL_INDEX_HEADER; i++)
		out[i] = h[i];
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	for(int i = 0; i < WAL_INDEX_HEADER; i++)
		second[i] = h[WAL_INDEX_HEADER + i];
	/* isInit (byte 12): 0 while a connection rebuilds the index */
	return !memcmp(out, second, WAL_INDEX_HEADER) && out[12];
}

const struct store_driver store_sqlite_driver = {
	.name = "sqlite",
	.open = lite_open,
	.close = lite_close,
	.exec = lite_exec,
	.prepare = lite_prepare,
	.bind_int = lite_bind_int,
	.bind_text = lite_bind_text,
	.bind_text_static = lite_bind_text_static,
	.bind_null = lite_bind_null,
	.step = lite_step,
	.is_null = lite_is_null,
	.col_int = lite_col_int,
	.col_text = lite_col_text,
	.reset = lite_reset,
	.rewind = lite_rewind,
	.finalize = lite_finalize,
	.last_insert_id = lite_last_insert_id,
	.reserve_ids = lite_reserve_ids,
	.begin_sql = "BEGIN IMMEDIATE",
	.read_begin_sql = "BEGIN DEFERRED",
	.bulk_begin_sql = "PRAGMA foreign_keys = OFF",
	.bulk_end_sql = "PRAGMA foreign_keys = ON",
	.identity = lite_identity,
	.set_identity = lite_set_identity,
	.setup = lite_setup,
	.capture_install = lite_capture_install,
	.tables = lite_tables,
	.stamp = lite_stamp,
	.one_writer = true,
};
