/*
** store.h — the one interface to stored data.
**
** A `struct store` is an open database behind a driver table of function
** pointers (Dovecot lib-sql style): SQLite (store_sqlite.c) for a file
** path, PostgreSQL (store_pg.c, its dialect in pg_sql.c) for a
** postgresql:// URL, behind the same calls. SQL text lives only in this layer's files
** and in each module's domain calls (<module>/<module>*.c, schema_*.c);
** commands, document sections and report types speak in domain calls.
**
** Opening a database applies the numbered migrations it lacks (migrate.c)
** and refuses a file that is not a styr database or that was written by a
** newer styr.
**
** Every committed change to the rows of a data section (section.h) is
** recorded by the store itself, whichever code made it (changes.c): at
** store_commit the rows the transaction touched are read before and after
** in data-file form, and each one that differs becomes a row of the
** append-only audit log in the current change set (who, when, the command
** or request), and the row's version goes up by one. So every write of
** every module is logged, versioned and can be undone (undo.c) without
** that module writing a line of audit code.
**
** Writers take the write lock at store_begin (SQLite: BEGIN IMMEDIATE;
** PostgreSQL: a serializable transaction, whose rows are locked as it
** writes them). Another writer waits up to $STYR_BUSY_TIMEOUT milliseconds
** (default 5000) and then fails with STYR_EBUSY: "the database is busy
** writing another change; nothing was stored"; so does a PostgreSQL
** transaction that lost a serialization conflict or a deadlock, which the
** command line and the web server then run again (store_retry).
*/
#ifndef STYR_STORE_H
#define STYR_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/error.h"

struct store;
struct store_stmt;

#define STORE_CREATE   1u  /* create the file when it does not exist */
#define STORE_READONLY 2u
/* With STORE_CREATE: the database must be new. A file that exists must be
** an empty database (what an interrupted init leaves); anything else is
** refused with STYR_ECONFLICT and left untouched. */
#define STORE_NEW      4u

/* Open (and migrate) the database at path. On failure *out is NULL and
** err says why; a file that is not a styr database is never modified.
** $STYR_BUSY_TIMEOUT (milliseconds, 0-3600000) sets how long a writer
** waits for another; a value that is not such a number is refused. */
enum styr_rc store_open(const char *path, unsigned flags, struct store **out,
                        struct styr_error *err);
void store_close(struct store *s);

/* Who is making changes, for the audit log: "styr" until the front door
** sets the person (the command line: $STYR_USER, else $USER). The string
** is copied. */
void store_set_user(struct store *s, const char *who);
const char *store_user(const struct store *s);

/* What is making the changes, for the change set: the command line
** ("styr set a.db persons anna party=S") or the web request. Every commit
** from now until the next call (or store_close) belongs to one change set,
** created at the first commit that changes something. Without a call each
** commit is its own change set with no command. The string is copied. It
** also begins the work that store_retry may run again. */
void store_set_command(struct store *s, const char *command);

/* The change set of the last commit that changed something, or 0. */
int64_t store_last_change_set(const struct store *s);

/* Transactions. store_begin takes the write lock (STYR_EBUSY when
** another writer held it past the busy timeout). A failed step inside a
** transaction leaves it open: the caller rolls back, and the database is
** as it was before store_begin. They nest: store_begin inside a
** transaction opens a savepoint, whose commit keeps its changes for the
** outer commit and whose rollback undoes only them, so a domain call that
** makes its own transaction can be one step of a caller's all-or-nothing
** change. The outermost store_commit first records the change set (see
** above); when that fails the transaction is still open. */
enum styr_rc store_begin(struct store *s, struct styr_error *err);
enum styr_rc store_commit(struct store *s, struct styr_error *err);
void store_rollback(struct store *s);
bool store_in_transaction(const struct store *s);

/* Begin the outermost transaction of a bulk write whose references hold
** by construction: each row it stores refers only to rows stored before
** it by the same writer in the same transaction, or to rows that existed
** before. The database then need not look up the row referred to for
** every row written (on SQLite, foreign keys are not enforced until this
** transaction ends, by commit or rollback; PostgreSQL checks them as
** always). Otherwise like store_begin; inside a transaction it is one. */
enum styr_rc store_begin_bulk(struct store *s, struct styr_error *err);

/* One state of the database for the reads that follow, until
** store_read_end or the next store_begin (which ends it first, so a
** write always sees the newest rows): what a web request reads is then
** one snapshot, and SQLite takes its read lock once, not once a
** statement. Only outside a transaction; nothing on a driver without
** read_begin_sql. store_read_end does nothing when none is open. */
enum styr_rc store_read_begin(struct store *s, struct styr_error *err);
void store_read_end(struct store *s);

/* A stamp of the committed state, read without a transaction or a lock,
** for what a server keeps from one request to the next: two equal stamps
** taken while s stayed open mean that nothing was committed in between,
** by this process or another (stamps of two open stores of one database
** compare too). False when the driver cannot tell (PostgreSQL, an SQLite
** file not in WAL mode, a commit being written just then): the caller
** reads as it would without one. Take the stamp before the reads it
** vouches for: a commit between the two then only makes the kept result
** newer than its stamp, never older. */
#define STORE_STAMP_SIZE 48
struct store_stamp {
	unsigned char b[STORE_STAMP_SIZE];
};
bool store_stamp(struct store *s, struct store_stamp *out);
static inline bool store_stamp_equal(const struct store_stamp *a, const struct store_stamp *b)
{
	return !memcmp(a->b, b->b, STORE_STAMP_SIZE);
}

/* STYR_EBUSY with the sentence for a write that waited too long for
** another: the one wording of every driver. */
enum styr_rc store_busy_error(struct store *s, struct styr_error *err);

/* Whether the transaction begun last (its outermost store_begin) failed
** for a conflict with another writer that the same transaction, run again
** from its start, may not meet (PostgreSQL's serialization failures and
** deadlocks; never on SQLite, whose writers wait their turn). */
bool store_retryable(const struct store *s);

/* Running work again that lost to another writer. The work is what a
** front door asked of s since store_set_command (a command, a request), or
** since store_open: its transactions and whatever it did around them. It
** failed; store_retry says whether to run all of it again from its start,
** and waits first: true when its last transaction was refused for a
** conflict (store_retryable), it has committed nothing (so a new run
** repeats nothing that was stored), and this is retry `attempt` (1 for the
** first) of at most STORE_RETRIES. The wait grows with each attempt (2, 4,
** 8 … 128 ms) and is as long again at random, so that writers that
** collided do not collide again in step. A transaction left open is rolled
** back. The caller must be able to run the work again: do nothing outside
** the store that a second run would repeat (what it prints it holds back
** until the end; the command line and the web server do). */
#define STORE_RETRIES 20
bool store_retry(struct store *s, int attempt);

/* Whether the connection to the database is gone (a server's). */
bool store_broken(const struct store *s);

/* Run SQL with no parameters and no result rows (migrations). */
enum styr_rc store_exec(struct store *s, const char *sql, struct styr_error *err);

/* Run SQL with no parameters that returns one integer (a count, a max, a
** pragma) into *out; *out is unchanged when there is no row. The
** statement comes from the cache (store_prepare_cached): the SQL recurs. */
enum styr_rc store_query_int(struct store *s, const char *sql, int64_t *out,
                             struct styr_error *err);

/* Prepared statements. Parameters are bound by index from 1. */
enum styr_rc store_prepare(struct store *s, const char *sql,
                           struct store_stmt **out, struct styr_error *err);
/* The same, from the store's statement cache, keyed by the SQL text: a
** statement prepared once is reused by every later call with that text
** (preparing costs more than running the short statements of the row
** operations and key lookups). stmt_finalize gives it back, reset and with
** its bindings cleared. A statement of the cache still in use (a call that
** nests into itself) is not handed out twice: the caller gets a fresh one.
** For SQL that recurs; SQL that embeds values belongs to store_prepare. */
enum styr_rc store_prepare_cached(struct store *s, const char *sql,
                                  struct store_stmt **out, struct styr_error *err);
void stmt_bind_int(struct store_stmt *st, int idx, int64_t v);
void stmt_bind_text(struct store_stmt *st, int idx, const char *v); /* NULL binds null */
/* The same without a copy, for bulk writers: v must stay as it is until the
** statement has been stepped and reset (or bound again). */
void stmt_bind_text_static(struct store_stmt *st, int idx, const char *v);
void stmt_bind_null(struct store_stmt *st, int idx);
/* Step: *row is true while a result row is available. A violated
** constraint or a refusing trigger gives STYR_ECONFLICT (and the kind in
** store_violation), a held lock STYR_EBUSY. */
enum styr_rc stmt_step(struct store_stmt *st, bool *row, struct styr_error *err);
bool stmt_is_null(struct store_stmt *st, int col);     /* columns from 0 */
int64_t stmt_int(struct store_stmt *st, int col);
const char *stmt_text(struct store_stmt *st, int col); /* NULL for null; valid until next step */
void stmt_reset(struct store_stmt *st);
/* Reset st to run again with the same bindings (stmt_reset clears them):
** for a bulk writer that binds every parameter of every row. */
void stmt_rewind(struct store_stmt *st);
/* Free st, or give it back to the cache it came from (store_prepare_cached). */
void stmt_finalize(struct store_stmt *st);

/* Run a statement that returns no rows, binding text or int parameters. */
int64_t store_last_insert_id(struct store *s);

/* Ids for n new rows of table (whose key is an INTEGER PRIMARY KEY id),
** for a bulk writer that stores rows with their id given instead of
** asking for each row's id after it: ids[0..n), increasing, that no
** other row has or will be given. Inside a transaction only. On SQLite
** they are the ids after the largest stored, as the database would give
** (the transaction holds the write lock: the caller stores the rows of
** these ids before asking again, or is given the ones it left unused
** again); on PostgreSQL they come from the table's identity sequence. */
enum styr_rc store_reserve_ids(struct store *s, const char *table, size_t n, int64_t *ids,
                               struct styr_error *err);

/* What the last STYR_ECONFLICT of a statement was, for a message in
** styr's words (section.c builds them from the section description). */
enum store_violation_kind {
	STORE_VIOLATION_NONE,
	STORE_VIOLATION_UNIQUE,      /* detail: "table.column, table.column" */
	STORE_VIOLATION_FOREIGN_KEY, /* detail: empty */
	STORE_VIOLATION_CHECK,       /* detail: the constraint's text or name */
	STORE_VIOLATION_NOT_NULL,    /* detail: "table.column" */
	STORE_VIOLATION_RULE,        /* a trigger refused; detail: its message */
};
struct store_violation {
	enum store_violation_kind kind;
	char detail[512];
};
const struct store_violation *store_violation(const struct store *s);

/* Append a row that is not a section's to the audit log, in the current
** change set (a ledger import, say). old_value/new_value are JSON text or
** NULL. An entry for a section's table is left out: the store logs those
** rows itself at commit, in data-file form. */
enum styr_rc store_audit(struct store *s, const char *table, const char *key,
                         const char *old_value, const char *new_value,
                         struct styr_error *err);

/* One entry of the audit log. Strings are valid during the call. */
struct audit_entry {
	int64_t id;
	const char *at, *who, *table, *key, *old_value, *new_value;
	int64_t change_set;   /* 0 for entries older than change sets */
	const char *section;  /* NULL for entries that are no section's row */
	int64_t row_id;       /* the row's id, 0 when section is NULL */
};

/* Call fn for each audit entry, oldest first, of `table` (a table or a
** section name; all when NULL), at most `limit` of the newest (all when
** 0). Stops at fn's first non-OK. */
enum styr_rc store_audit_each(struct store *s, const char *table, int limit,
                              enum styr_rc (*fn)(void *ctx, const struct audit_entry *e),
                              void *ctx, struct styr_error *err);

/* One change set: what one command or request changed. */
struct change_set {
	int64_t id;
	const char *at, *who, *command; /* command NULL when none was set */
	int64_t undoes;       /* the change set this one undid, or 0 */
	int64_t undone_by;    /* the latest change set that undid this one, or 0 */
	int64_t rows;         /* its audit entries */
};

/* Call fn for each change set, oldest first: those touching `table` (a
** table or section name; all when NULL), at most `limit` of the newest
** (all when 0). */
enum styr_rc store_change_set_each(struct store *s, const char *table, int limit,
                                   enum styr_rc (*fn)(void *ctx, const struct change_set *c),
                                   void *ctx, struct styr_error *err);

/* Change set id: fn once with it, then entry for each of its audit
** entries in order. STYR_ENOTFOUND (message naming it) when there is none. */
enum styr_rc store_change_set_get(struct store *s, int64_t id,
                                  enum styr_rc (*fn)(void *ctx, const struct change_set *c),
                                  enum styr_rc (*entry)(void *ctx, const struct audit_entry *e),
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
	void (*bind_text_static)(struct store_stmt *st, int idx, const char *v);
	void (*bind_null)(struct store_stmt *st, int idx);
	enum styr_rc (*step)(struct store_stmt *st, bool *row, struct styr_error *err);
	bool (*is_null)(struct store_stmt *st, int col);
	int64_t (*col_int)(struct store_stmt *st, int col);
	const char *(*col_text)(struct store_stmt *st, int col);
	void (*reset)(struct store_stmt *st);
	void (*rewind)(struct store_stmt *st);
	void (*finalize)(struct store_stmt *st);
	int64_t (*last_insert_id)(struct store *s);
	/* The dialect: the few statements that differ between databases,
	** each in one place, here, rather than in branches across modules. */
	const char *begin_sql;  /* the outermost store_begin: take the write lock */
	const char *read_begin_sql; /* store_read_begin; NULL: statements read alone */
	/* Run before and after the transaction of store_begin_bulk, outside
	** any transaction; NULL for nothing. */
	const char *bulk_begin_sql, *bulk_end_sql;
	/* Whether the database is styr's: its application id (0 for none) and
	** how many tables, indexes and triggers it holds. Fails only when the
	** store cannot be read as a database of the driver's kind at all. */
	enum styr_rc (*identity)(struct store *s, int64_t *app_id, int64_t *objects,
	                         struct styr_error *err);
	/* Mark a fresh database as styr's. */
	enum styr_rc (*set_identity)(struct store *s, int64_t app_id, struct styr_error *err);
	/* Per-connection settings after the identity check (foreign keys,
	** journal, read-only). */
	enum styr_rc (*setup)(struct store *s, bool readonly, struct styr_error *err);
	/* The change capture (changes.h): make the table styr_dirty(seq, tbl,
	** row_id, op) that exists for this connection only, and the triggers
	** that note in it each row an INSERT ('I'), UPDATE ('U') or DELETE ('D')
	** of the named tables touches, once per (tbl, row_id), in order. */
	enum styr_rc (*capture_install)(struct store *s, const char *const *tables, size_t n,
	                                struct styr_error *err);
	bool (*broken)(const struct store *s);  /* NULL: never */
	/* For store_copy (copy.h): each table of styr's data, oldest first,
	** with its columns and the tables it refers to ("a,b,c", "" for none)
	** and the expression its rows are read in stored order by. */
	enum styr_rc (*tables)(struct store *s,
	                       enum styr_rc (*fn)(void *ctx, const char *table, const char *columns,
	                                          const char *refs, const char *order),
	                       void *ctx, struct styr_error *err);
	/* After rows were stored with their ids: new rows of table get ids
	** after them. NULL when the database sees to that itself. */
	enum styr_rc (*ids_taken)(struct store *s, const char *table, struct styr_error *err);
	/* store_reserve_ids */
	enum styr_rc (*reserve_ids)(struct store *s, const char *table, size_t n, int64_t *ids,
	                            struct styr_error *err);
	bool (*stamp)(struct store *s, unsigned char out[STORE_STAMP_SIZE]); /* NULL: cannot */
	/* The database takes one writer at a time, and one that finds it
	** taken polls for it: the writers of one process then wait for each
	** other in store_begin instead, each woken when the one before ends. */
	bool one_writer;
};

extern const struct store_driver store_sqlite_driver;
/* in the module styr-pg.so, loaded by store_open (base/loadable.h) */
extern const struct store_driver store_pg_driver;

/* Whether path names a PostgreSQL database: a postgresql:// or
** postgres:// URL, or "postgres:" followed by libpq connection keywords
** (or nothing: libpq's PG* environment variables say where). */
bool store_path_is_pg(const char *path);

struct store {
	const struct store_driver *drv;
	void *db;          /* driver's handle */
	void *drv_state;   /* driver's own, beside the handle (freed by its close) */
	char *user;
	char *path;        /* as messages name it (a URL without its password) */
	char *target;      /* as the driver opens it */
	int schema_version;
	unsigned flags;    /* STORE_* it was opened with */
	int busy_ms;       /* how long a writer waits for another */
	struct store_violation violation;
	bool retryable;    /* set by the driver at a failure: see store_retryable */
	int work_commits;  /* outermost commits since store_set_command or store_open */
	unsigned retry_seed; /* for store_retry's waits */
	/* change capture (changes.c) */
	int tx_depth;      /* open store_begin()s: 0 outside a transaction */
	bool read_snapshot;/* store_read_begin's transaction is open */
	bool writer;       /* holds the process's turn to write (one_writer) */
	bool bulk;         /* the open transaction is store_begin_bulk's */
	bool capture;      /* rows of sections are captured (writable, migrated) */
	bool capture_ready;/* the capture's temporary triggers exist */
	struct store *snap;/* a second connection reading the committed state */
	char *command;     /* store_set_command; NULL for none */
	bool grouped;      /* commits share one change set until the next command */
	int64_t change_set;/* the open change set, 0 before the first change */
	int change_set_depth; /* the depth it was made at; a rollback there drops it */
	int64_t undoes;    /* the change set store_undo is reverting, or 0 */
	/* the time and person of change set stamp_id as stored, which its
	** audit entries repeat (changes.c) */
	int64_t stamp_id;
	char stamp_at[32];
	char *stamp_who;
	int64_t last_change_set;
	/* statement cache (store_prepare_cached), finalized at store_close */
	struct stmt_cache_entry *cache;
	size_t ncache, cache_alloc;
	/* ids found by key in the open transaction (store_resolved_*) */
	struct resolved_entry *resolved;
	size_t nresolved, resolved_alloc;
};

/* The ids store_section_resolve (section.c) found by key in the open
** transaction, so that a load naming the same record a hundred times asks
** once. Forgotten at a statement that may change or remove rows (anything
** but SELECT and a plain INSERT), any rollback, and the transaction's end.
** get: whether key (its text) of section d is known, and its id. */
bool store_resolved_get(struct store *s, const void *d, const char *key, int64_t *id);
void store_resolved_put(struct store *s, const void *d, const char *key, int64_t id);

struct resolved_entry {
	const void *d;
	char *key;
	int64_t id;
};

struct stmt_cache_entry {
	char *sql;
	uint64_t hash;     /* of sql */
	struct store_stmt *st;
	bool busy;         /* handed out, not yet given back */
};

struct store_stmt {
	struct store *store;
	void *handle;      /* driver's statement */
	long slot;         /* its entry in store->cache, or -1 (set by store.c) */
	bool forgets;      /* may change or remove rows: see store_resolved_get */
};

#endif
