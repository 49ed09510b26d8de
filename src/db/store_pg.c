/*
** store_pg.c — the PostgreSQL driver of the store (see store.h).
**
** One libpq connection per store. The SQL text of styr is written once
** and rewritten here for PostgreSQL as it is prepared (pg_sql.c); the few
** statements that differ altogether (the identity of a styr database, the
** change capture's triggers) are this file's. A statement runs at its
** first step with its parameters sent as text, so PostgreSQL infers their
** types from where they stand, as SQLite's affinity would.
**
** Round trips: every statement costs one, and on a busy machine the wait
** for the server is most of a command's time, so none is spent on what
** returns nothing. BEGIN, SAVEPOINT, RELEASE and ROLLBACK TO (store.c's
** transactions and savepoints, and the savepoint round each write in a
** transaction) wait in pg->pending and go to the server with the next
** statement, in one round trip (libpq's pipeline mode); a failure among
** them is reported by that statement. A statement of the store's cache
** (store_prepare_cached) is prepared on the server once, at its first
** run, and then only run (no parsing and planning each time).
**
** Messages: a violated constraint is STYR_ECONFLICT with its kind and
** detail in s->violation worded as the SQLite driver words them
** ("table.column" lists, the CHECK's text), so section.c's sentences are
** the same on both. A lock that waited past the busy timeout, a
** serialization failure or a deadlock is STYR_EBUSY; a lost connection is
** STYR_EDB saying so. PostgreSQL's own text reaches a person only for
** failures styr has no words for.
*/
#include "db/store.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/strbuf.h"
#include "db/pg_sql.h"

#define BOOLOID 16
#define TEXTOID 25

struct pg {
	PGconn *conn;
	int64_t last_id;
	/* Tables known to have (or lack) an id column, for RETURNING id. */
	char **id_tables;
	bool *has_id;
	size_t ntables, cap;
	/* Commands that return nothing, not sent yet (see above). */
	char **pending;
	size_t npending, pending_cap;
	/* The savepoint made last when nothing was written since it, or "":
	** rolling back to it undoes a failed write alone, as a savepoint of
	** the write's own would. */
	char fresh[64];
	unsigned long prepared;   /* server-side statements named so far */
	/* A CHECK constraint that refused a write, whose text the detail of
	** the violation is to give once the transaction is usable again
	** (name_check): its name and table, or "". */
	char check_name[128], check_table[128];
};

struct pgstmt {
	char *sql;
	int nparams;
	char **vals;
	Oid *types;          /* 0 (inferred) or text for an unused parameter */
	PGresult *res;
	int row, nrows;
	bool returning_id;   /* " RETURNING id" was added: rows are not the caller's */
	bool writes;         /* INSERT, UPDATE or DELETE */
	bool deferred;       /* returns nothing: waits in pg->pending */
	bool done;           /* a deferred statement was stepped */
	char name[32];       /* its name on the server once prepared there, or "" */
};

static void ignore_notice(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/* The first line of a libpq message, without "ERROR:  " or "FATAL:  ". */
static void first_line(char *buf, size_t size, const char *msg)
{
	const char *p = msg ? msg : "";
	size_t n;
	if(!strncmp(p, "ERROR:  ", 8) || !strncmp(p, "FATAL:  ", 8))
		p += 8;
	n = strcspn(p, "\n");
	if(n >= size)
		n = size - 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
}

static enum styr_rc pg_result_error(struct store *s, PGresult *r, const char *what,
                                    struct styr_error *err)
{
	struct pg *pg = s->db;
	struct store_violation *v = &s->violation;
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *table = r ? PQresultErrorField(r, PG_DIAG_TABLE_NAME) : NULL;
	char msg[400];

	v->kind = STORE_VIOLATION_NONE;
	v->detail[0] = '\0';
	first_line(msg, sizeof(msg), r ? PQresultErrorMessage(r) : PQerrorMessage(pg->conn));
	/* The server went away: shut down, or the connection broke. */
	if(PQstatus(pg->conn) == CONNECTION_BAD || (state && (!strncmp(state, "57P", 3)
	   || !strncmp(state, "08", 2))))
		return styr_error_set(err, STYR_EDB, "%s: the connection to the database server was"
		                      " lost (%s); nothing was stored", s->path, msg);
	if(!state)
		state = "";
	if(!strcmp(state, "23505")) {
		/* "Key (a, b)=(x, y) already exists." -> "t.a, t.b" */
		const char *d = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL);
		struct strbuf cols = STRBUF_INIT;
		if(d && !strncmp(d, "Key (", 5)) {
			const char *p = d + 5, *e = strstr(p, ")=");
			while(p && e && p < e) {
				size_t n = strcspn(p, ",)");
				if(p + n > e)
					n = (size_t)(e - p);
				strbuf_addf(&cols, "%s%s.%.*s", cols.len ? ", " : "", table ? table : "",
				            (int)n, p);
				p += n;
				while(p < e && (*p == ',' || *p == ' '))
					p++;
			}
		}
		v->kind = STORE_VIOLATION_UNIQUE;
		str_copy(v->detail, sizeof(v->detail), cols.buf);
		strbuf_release(&cols);
		return styr_error_set(err, STYR_ECONFLICT, "already stored: another record has the"
		                      " same %s", v->detail);
	}
	if(!strcmp(state, "23503")) {
		v->kind = STORE_VIOLATION_FOREIGN_KEY;
		return styr_error_set(err, STYR_ECONFLICT, "refers to a record that does not exist,"
		                      " or is referred to by another record");
	}
	if(!strcmp(state, "23514")) {
		const char *name = PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME);
		v->kind = STORE_VIOLATION_CHECK;
		str_copy(v->detail, sizeof(v->detail), name ? name : "");
		/* Its text is read once the failed write is undone (name_check). */
		str_copy(pg->check_name, sizeof(pg->check_name), name ? name : "");
		str_copy(pg->check_table, sizeof(pg->check_table), table ? table : "");
		return styr_error_set(err, STYR_ECONFLICT, "breaks a rule of the table (%s)", v->detail);
	}
	if(!strcmp(state, "23502")) {
		const char *col = PQresultErrorField(r, PG_DIAG_COLUMN_NAME);
		v->kind = STORE_VIOLATION_NOT_NULL;
		snprintf(v->detail, sizeof(v->detail), "%s.%s", table ? table : "", col ? col : "");
		return styr_error_set(err, STYR_ECONFLICT, "%s is required", v->detail);
	}
	if(!strcmp(state, "P0001")) {
		/* RAISE EXCEPTION in a trigger: the message is styr's own. */
		v->kind = STORE_VIOLATION_RULE;
		str_copy(v->detail, sizeof(v->detail), PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY));
		return styr_error_set(err, STYR_ECONFLICT, "%s", v->detail);
	}
	/* A conflict another attempt may not meet: the transaction it
	** happened in is the one to run again (store_retryable). */
	if(!strcmp(state, "40001") || !strcmp(state, "40P01"))
		s->retryable = true;
	if(!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03"))
		return store_busy_error(s, err);
	return styr_error_set(err, STYR_EDB, "%s: %s: %s", s->path, what, msg);
}

/* libpq connection text of a path: a URL as it is, "postgres:KEYWORDS"
** as the keywords. */
static const char *conninfo(const char *path)
{
	if(!strncmp(path, "postgres:", 9) && strncmp(path, "postgres://", 11))
		return path + 9;
	return path;
}

/* ---- round trips ---- */

/* Whether translated sql is one command that returns nothing and may wait
** for the next statement: BEGIN, SAVEPOINT, RELEASE, ROLLBACK TO. Not
** COMMIT or ROLLBACK: they end a transaction, whose locks must go now. */
static bool deferrable(const char *sql)
{
	const char *p = sql + strspn(sql, " \t\n");
	if(strchr(p, ';'))
		return false;
	return !strncasecmp(p, "BEGIN", 5) || !strncasecmp(p, "SAVEPOINT ", 10)
	       || !strncasecmp(p, "RELEASE ", 8) || !strncasecmp(p, "ROLLBACK TO ", 12);
}

/* Keep pg->fresh up to date for a command or statement sql that is sent
** (writes: it may change rows). */
static void track(struct pg *pg, const char *sql, bool writes)
{
	const char *p = sql + strspn(sql, " \t\n");
	if(!strncasecmp(p, "SAVEPOINT ", 10)) {
		str_copy(pg->fresh, sizeof(pg->fresh), p + 10);
	} else if(!strncasecmp(p, "ROLLBACK TO ", 12)) {
		p += 12;
		if(!strncasecmp(p, "SAVEPOINT ", 10))
			p += 10;
		str_copy(pg->fresh, sizeof(pg->fresh), p);
	} else if(writes) {
		pg->fresh[0] = '\0';
	}
}

static void defer(struct pg *pg, const char *sql)
{
	track(pg, sql, true);
	if(pg->npending == pg->pending_cap) {
		pg->pending_cap = pg->pending_cap ? 2 * pg->pending_cap : 16;
		pg->pending = xrealloc(pg->pending, pg->pending_cap * sizeof(*pg->pending));
	}
	pg->pending[pg->npending++] = xstrdup(sql);
}

static void drop_pending(struct pg *pg)
{
	for(size_t i = 0; i < pg->npending; i++)
		free(pg->pending[i]);
	pg->npending = 0;
}

/* A statement to send after the pending commands. */
struct call {
	const char *sql;         /* translated text: to run, or to prepare as name */
	const char *name;        /* run the server's statement of this name, or NULL */
	bool prepare;            /* prepare sql as name first */
	int nparams;
	const Oid *types;
	const char *const *vals;
	bool guard;              /* a write in a transaction: under a savepoint of its own */
	bool writes;             /* may change rows */
};

static void name_check(struct store *s, struct styr_error *err);

static void debug_failed(const struct styr_error *err, const char *sql)
{
	if(getenv("STYR_PG_DEBUG"))
		fprintf(stderr, "--- %s\n%s\n", err->msg, sql ? sql : "(no statement)");
}

/* Send the pending commands and c (a single statement) in one round trip,
** in libpq's pipeline mode. *res is c's result (the caller clears it);
** on a failure it is NULL and err says why, and nothing sent after the
** failed command ran. *prepared says whether c.name now exists on the
** server.
**
** A write under a guard is as SQLite's statements are: when it fails, the
** transaction is as it was before it, not refusing all that follows. Its
** savepoint is sent before it; the RELEASE (or the ROLLBACK TO that undoes
** a failed write) waits for the next statement. Right after a savepoint
** (store_begin's, say) with nothing written since, that one serves. */
static enum styr_rc call(struct store *s, const struct call *c, PGresult **res,
                         bool *prepared, const char *what, struct styr_error *err)
{
	struct pg *pg = s->db;
	PGconn *conn = pg->conn;
	size_t nsent = 0, at_guard = SIZE_MAX, at_prepare = SIZE_MAX, at_stmt = SIZE_MAX;
	size_t failed_at = SIZE_MAX;
	PGresult *failed = NULL;
	bool ok, synced = false;
	enum styr_rc rc = STYR_OK;
	char fresh[sizeof(pg->fresh)];
	bool guard = c->guard && !pg->fresh[0];

	*res = NULL;
	*prepared = false;
	str_copy(fresh, sizeof(fresh), c->guard ? pg->fresh : "");
	ok = PQenterPipelineMode(conn);
	for(size_t i = 0; ok && i < pg->npending; i++)
		if((ok = PQsendQueryParams(conn, pg->pending[i], 0, NULL, NULL, NULL, NULL, 0)))
			nsent++;
	if(ok && guard) {
		at_guard = nsent;
		if((ok = PQsendQueryParams(conn, "SAVEPOINT styr_stmt", 0, NULL, NULL, NULL, NULL, 0)))
			nsent++;
	}
	if(ok && c->prepare) {
		at_prepare = nsent;
		if((ok = PQsendPrepare(conn, c->name, c->sql, c->nparams, c->types)))
			nsent++;
	}
	if(ok) {
		at_stmt = nsent;
		ok = c->name ? PQsendQueryPrepared(conn, c->name, c->nparams, c->vals, NULL, NULL, 0)
		             : PQsendQueryParams(conn, c->sql, c->nparams, c->types, c->vals,
		                                 NULL, NULL, 0);
		if(ok)
			nsent++;
	}
	if(nsent)
		synced = PQpipelineSync(conn);
	if(!ok || !synced)
		failed_at = nsent;  /* not sent: the connection failed */
	for(size_t i = 0; synced && i < nsent; i++) {
		PGresult *r, *first = NULL;
		ExecStatusType st;
		while((r = PQgetResult(conn))) {
			if(!first)
				first = r;
			else
				PQclear(r);
		}
		st = first ? PQresultStatus(first) : PGRES_FATAL_ERROR;
		if(st == PGRES_FATAL_ERROR || st == PGRES_NONFATAL_ERROR || st == PGRES_BAD_RESPONSE) {
			if(failed_at == SIZE_MAX || failed_at > i) {
				failed_at = i;
				PQclear(failed);
				failed = first;
				first = NULL;
			}
		} else if(i == at_stmt && (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)) {
			*res = first;
			first = NULL;
		} else if(i == at_prepare && st == PGRES_COMMAND_OK) {
			*prepared = true;
		}
		PQclear(first);
		if(PQstatus(conn) == CONNECTION_BAD)
			break;
	}
	if(synced && PQstatus(conn) != CONNECTION_BAD)
		PQclear(PQgetResult(conn));  /* the sync */
	PQexitPipelineMode(conn);
	if(failed_at != SIZE_MAX) {
		PQclear(*res);
		*res = NULL;
		rc = pg_result_error(s, failed, what, err);
		debug_failed(err, failed_at < pg->npending ? pg->pending[failed_at]
		                  : failed_at == at_guard ? "SAVEPOINT styr_stmt" : c->sql);
		PQclear(failed);
	}
	drop_pending(pg);
	track(pg, c->sql, c->writes);
	if(guard && (failed_at == SIZE_MAX || failed_at > at_guard)) {
		if(failed_at != SIZE_MAX)
			defer(pg, "ROLLBACK TO SAVEPOINT styr_stmt");
		defer(pg, "RELEASE SAVEPOINT styr_stmt");
	} else if(fresh[0] && failed_at != SIZE_MAX && failed_at >= at_stmt) {
		struct strbuf back = STRBUF_INIT;
		strbuf_addf(&back, "ROLLBACK TO SAVEPOINT %s", fresh);
		defer(pg, back.buf);
		strbuf_release(&back);
	}
	if(rc == STYR_ECONFLICT)
		name_check(s, err);
	return rc;
}

static enum styr_rc exec_text(struct store *s, const char *sql, PGresult **res,
                              const char *what, struct styr_error *err);

/* The violation of a CHECK constraint as SQLite words it, the
** constraint's text: read from the catalogue after the write it refused
** (by name, on its index), not for every connection that may write. */
static void name_check(struct store *s, struct styr_error *err)
{
	struct pg *pg = s->db;
	char name[sizeof(pg->check_name)], table[sizeof(pg->check_table)];
	const char *p[2] = { name, table };
	struct styr_error ignored;
	PGresult *r;
	bool prepared;

	if(!pg->check_name[0])
		return;
	str_copy(name, sizeof(name), pg->check_name);
	str_copy(table, sizeof(table), pg->check_table);
	pg->check_name[0] = '\0';
	if(!call(s, &(struct call){ .sql = "SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c"
	                            " WHERE c.conname = $1 AND c.conrelid = to_regclass($2)",
	                            .nparams = 2, .vals = p }, &r, &prepared,
	         "reading a constraint", &ignored)) {
		if(PQntuples(r)) {
			str_copy(s->violation.detail, sizeof(s->violation.detail), PQgetvalue(r, 0, 0));
			styr_error_set(err, STYR_ECONFLICT, "breaks a rule of the table (%s)",
			               s->violation.detail);
		}
		PQclear(r);
	}
}

/* Run translated sql without parameters after the pending commands, in
** one round trip: a single statement (no ';') in the pipeline, several as
** one simple query (whose result is the last statement's). *res as for
** call. */
static enum styr_rc exec_text(struct store *s, const char *sql, PGresult **res,
                              const char *what, struct styr_error *err)
{
	struct pg *pg = s->db;
	struct strbuf t = STRBUF_INIT;
	ExecStatusType st;
	PGresult *r;
	bool prepared;
	enum styr_rc rc = STYR_OK;

	if(!strchr(sql, ';'))
		return call(s, &(struct call){ .sql = sql, .writes = strncasecmp(sql, "SELECT", 6) != 0 },
		            res, &prepared, what, err);
	for(size_t i = 0; i < pg->npending; i++)
		strbuf_addf(&t, "%s; ", pg->pending[i]);
	strbuf_addstr(&t, sql);
	drop_pending(pg);
	pg->fresh[0] = '\0';
	r = PQexec(pg->conn, t.buf);
	st = PQresultStatus(r);
	if(st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
		rc = pg_result_error(s, r, what, err);
		debug_failed(err, t.buf);
		PQclear(r);
		r = NULL;
		if(rc == STYR_ECONFLICT)
			name_check(s, err);
	}
	strbuf_release(&t);
	*res = r;
	return rc;
}

/* Run already translated SQL. */
static enum styr_rc run(struct store *s, const char *sql, struct styr_error *err)
{
	PGresult *r;
	enum styr_rc rc = exec_text(s, sql, &r, "executing SQL", err);
	PQclear(r);
	return rc;
}

/* ---- the driver ---- */

static void pgd_open_settings(struct pg *pg, int busy_ms, bool readonly)
{
	char sql[64];
	defer(pg, "SET client_min_messages = warning");
	snprintf(sql, sizeof(sql), "SET lock_timeout = %d", busy_ms);
	defer(pg, sql);
	defer(pg, "SET TIME ZONE 'UTC'");
	if(readonly)
		defer(pg, "SET default_transaction_read_only = on");
}

static enum styr_rc pgd_open(struct store *s, const char *path, unsigned flags,
                             struct styr_error *err)
{
	const char *keys[] = { "dbname", "connect_timeout", "application_name", NULL };
	const char *vals[] = { conninfo(path), "10", "styr", NULL };
	struct pg *pg;
	char msg[400];
	PGconn *c = PQconnectdbParams(keys, vals, 1);

	(void)err;
	if(!c || PQstatus(c) != CONNECTION_OK) {
		first_line(msg, sizeof(msg), c ? PQerrorMessage(c) : "out of memory");
		/* "connection to server on socket ... failed: FATAL:  why": why. */
		if(!strncmp(msg, "connection to server ", 21) && strstr(msg, "failed: "))
			memmove(msg, strstr(msg, "failed: ") + 8, strlen(strstr(msg, "failed: ") + 8) + 1);
		if(!strncmp(msg, "FATAL:  ", 8))
			memmove(msg, msg + 8, strlen(msg + 8) + 1);
		PQfinish(c);
		return styr_error_set(err, STYR_EDB, "%s: cannot connect to the database server: %s",
		                      s->path, msg);
	}
	PQsetNoticeProcessor(c, ignore_notice, NULL);
	pg = xcalloc(1, sizeof(*pg));
	pg->conn = c;
	s->db = pg;
	/* Sent with the first statement (the identity check). */
	pgd_open_settings(pg, s->busy_ms, (flags & STORE_READONLY) != 0);
	return STYR_OK;
}

static void forget_tables(struct pg *pg)
{
	for(size_t i = 0; i < pg->ntables; i++)
		free(pg->id_tables[i]);
	pg->ntables = 0;
}

static void pgd_close(struct store *s)
{
	struct pg *pg = s->db;
	PQfinish(pg->conn);
	forget_tables(pg);
	free(pg->id_tables);
	free(pg->has_id);
	drop_pending(pg);
	free(pg->pending);
	free(pg);
	s->db = NULL;
}

/* Whether translated sql may make or change tables: anything but the
** statements that read and write rows and run transactions. */
static bool may_change_tables(const char *sql)
{
	static const char *const rows[] = {
		"SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "BEGIN", "SAVEPOINT", "RELEASE",
		"ROLLBACK", "COMMIT", "SET ", NULL
	};
	const char *p = sql + strspn(sql, " \t\n");
	for(size_t i = 0; rows[i]; i++)
		if(!strncasecmp(p, rows[i], strlen(rows[i])))
			return false;
	return true;
}

static enum styr_rc pgd_exec(struct store *s, const char *sql, struct styr_error *err)
{
	struct pg *pg = s->db;
	struct strbuf t = STRBUF_INIT;
	int np;
	enum styr_rc rc = STYR_OK;

	pg_sql_translate(sql, &t, &np, NULL);
	if(may_change_tables(t.buf))
		forget_tables(pg);
	if(deferrable(t.buf)) {
		defer(pg, t.buf);
	} else if(!strcasecmp(t.buf, "COMMIT")) {
		PGresult *r;
		rc = exec_text(s, t.buf, &r, "committing", err);
		/* A transaction a failed statement had spoiled ends as ROLLBACK. */
		if(!rc && !strcmp(PQcmdStatus(r), "ROLLBACK"))
			rc = styr_error_set(err, STYR_EDB, "%s: the database server rolled the change"
			                    " back after a failed statement; nothing was stored", s->path);
		PQclear(r);
	} else {
		rc = run(s, t.buf, err);
	}
	strbuf_release(&t);
	return rc;
}

/* Whether table has a column id: asked once per table, and again after
** a statement that may have changed the tables. (One question for all
** the schema's tables would read all of pg_class, which holds every
** schema's tables: slower than a few questions by name.) */
static bool table_has_id(struct store *s, const char *table)
{
	struct pg *pg = s->db;
	const char *p[1] = { table };
	struct styr_error ignored;
	PGresult *r;
	bool prepared, yes;

	for(size_t i = 0; i < pg->ntables; i++)
		if(!strcmp(pg->id_tables[i], table))
			return pg->has_id[i];
	if(call(s, &(struct call){ .sql = "SELECT 1 FROM pg_attribute WHERE attrelid ="
	                          " to_regclass($1) AND attname = 'id' AND NOT attisdropped",
	                          .nparams = 1, .vals = p }, &r, &prepared,
	        "reading the tables", &ignored))
		return false;
	yes = PQntuples(r) > 0;
	PQclear(r);
	if(pg->ntables == pg->cap) {
		pg->cap = pg->cap ? 2 * pg->cap : 16;
		pg->id_tables = xrealloc(pg->id_tables, pg->cap * sizeof(*pg->id_tables));
		pg->has_id = xrealloc(pg->has_id, pg->cap * sizeof(*pg->has_id));
	}
	pg->id_tables[pg->ntables] = xstrdup(table);
	pg->has_id[pg->ntables++] = yes;
	return yes;
}

/* For store_last_insert_id: an INSERT INTO a table with an id column and
** no RETURNING of its own returns the id. */
static bool add_returning(struct store *s, struct strbuf *sql)
{
	const char *p = sql->buf;
	char table[128];
	size_t n;

	while(*p == ' ' || *p == '\n' || *p == '\t')
		p++;
	if(strncasecmp(p, "INSERT", 6) || strstr(p, "RETURNING") || strstr(p, "returning"))
		return false;
	p += 6;
	while(*p == ' ')
		p++;
	if(strncasecmp(p, "INTO ", 5))
		return false;
	p += 5;
	while(*p == ' ')
		p++;
	n = strspn(p, "abcdefghijklmnopqrstuvwxyz_0123456789");
	if(!n || n >= sizeof(table) || strchr(sql->buf, ';'))
		return false;
	memcpy(table, p, n);
	table[n] = '\0';
	if(!table_has_id(s, table))
		return false;
	strbuf_addstr(sql, " RETURNING id");
	return true;
}

static enum styr_rc pgd_prepare(struct store *s, const char *sql,
                                struct store_stmt **out, struct styr_error *err)
{
	struct pgstmt *h = xcalloc(1, sizeof(*h));
	struct strbuf t = STRBUF_INIT;

	(void)err;
	bool *used;
	pg_sql_translate(sql, &t, &h->nparams, &used);
	/* A parameter the text does not use has no type to infer: text. */
	h->types = xcalloc(h->nparams ? (size_t)h->nparams : 1, sizeof(*h->types));
	for(int i = 0; i < h->nparams; i++)
		if(!used[i])
			h->types[i] = TEXTOID;
	free(used);
	h->deferred = !h->nparams && deferrable(t.buf);
	if(!h->deferred)
		h->returning_id = add_returning(s, &t);
	{
		const char *p = t.buf + strspn(t.buf, " \t\n");
		h->writes = !strncasecmp(p, "INSERT", 6) || !strncasecmp(p, "UPDATE", 6)
		            || !strncasecmp(p, "DELETE", 6) || !strncasecmp(p, "WITH", 4);
	}
	h->sql = strbuf_detach(&t);
	h->vals = xcalloc(h->nparams ? (size_t)h->nparams : 1, sizeof(*h->vals));
	*out = xmalloc(sizeof(**out));
	(*out)->store = s;
	(*out)->handle = h;
	return STYR_OK;
}

static void set_param(struct store_stmt *st, int idx, char *v)
{
	struct pgstmt *h = st->handle;
	if(idx < 1 || idx > h->nparams) {
		free(v);
		return;
	}
	free(h->vals[idx - 1]);
	h->vals[idx - 1] = v;
}

static void pgd_bind_int(struct store_stmt *st, int idx, int64_t v)
{
	char buf[24];
	snprintf(buf, sizeof(buf), "%lld", (long long)v);
	set_param(st, idx, xstrdup(buf));
}

static void pgd_bind_text(struct store_stmt *st, int idx, const char *v)
{
	set_param(st, idx, v ? xstrdup(v) : NULL);
}

static void pgd_bind_null(struct store_stmt *st, int idx)
{
	set_param(st, idx, NULL);
}

static enum styr_rc pgd_step(struct store_stmt *st, bool *row, struct styr_error *err)
{
	struct pgstmt *h = st->handle;
	struct pg *pg = st->store->db;

	*row = false;
	if(h->deferred) {
		if(!h->done)
			defer(pg, h->sql);
		h->done = true;
		return STYR_OK;
	}
	if(!h->res) {
		struct call c = {
			.sql = h->sql, .nparams = h->nparams, .types = h->types,
			.vals = (const char *const *)h->vals,
			.guard = h->writes && (st->store->tx_depth > 0
			                       || PQtransactionStatus(pg->conn) != PQTRANS_IDLE),
			.writes = h->writes,
		};
		bool prepared;
		enum styr_rc rc;
		/* A statement of the cache runs again: the server keeps it. */
		if(st->slot >= 0) {
			if(!h->name[0]) {
				snprintf(h->name, sizeof(h->name), "styr_%lu", ++pg->prepared);
				c.prepare = true;
			}
			c.name = h->name;
		}
		rc = call(st->store, &c, &h->res, &prepared, "running statement", err);
		if(c.prepare && !prepared)
			h->name[0] = '\0';
		if(rc)
			return rc;
		h->nrows = PQresultStatus(h->res) == PGRES_TUPLES_OK ? PQntuples(h->res) : 0;
		h->row = -1;
		if(h->returning_id) {
			if(h->nrows)
				pg->last_id = strtoll(PQgetvalue(h->res, h->nrows - 1, 0), NULL, 10);
			h->nrows = 0;
		}
	}
	if(h->row < h->nrows)
		h->row++;
	*row = h->row < h->nrows;
	return STYR_OK;
}

static bool pgd_is_null(struct store_stmt *st, int col)
{
	struct pgstmt *h = st->handle;
	return !h->res || h->row >= h->nrows || col >= PQnfields(h->res)
	       || PQgetisnull(h->res, h->row, col);
}

static const char *pgd_col_text(struct store_stmt *st, int col)
{
	struct pgstmt *h = st->handle;
	const char *v;
	if(pgd_is_null(st, col))
		return NULL;
	v = PQgetvalue(h->res, h->row, col);
	/* A comparison is a boolean here, an integer in SQLite. */
	if(PQftype(h->res, col) == BOOLOID)
		return *v == 't' ? "1" : "0";
	return v;
}

static int64_t pgd_col_int(struct store_stmt *st, int col)
{
	const char *v = pgd_col_text(st, col);
	return v ? strtoll(v, NULL, 10) : 0;
}

static void pgd_reset(struct store_stmt *st)
{
	struct pgstmt *h = st->handle;
	PQclear(h->res);
	h->res = NULL;
	h->done = false;
	for(int i = 0; i < h->nparams; i++) {
		free(h->vals[i]);
		h->vals[i] = NULL;
	}
}

/* Run again with the same bindings: only the result goes. */
static void pgd_rewind(struct store_stmt *st)
{
	struct pgstmt *h = st->handle;
	PQclear(h->res);
	h->res = NULL;
	h->done = false;
}

static void pgd_finalize(struct store_stmt *st)
{
	struct pgstmt *h = st->handle;
	pgd_reset(st);
	free(h->vals);
	free(h->types);
	free(h->sql);
	free(h);
	free(st);
}

static int64_t pgd_last_insert_id(struct store *s)
{
	return ((struct pg *)s->db)->last_id;
}

/* One integer from already translated SQL with no parameters. */
static enum styr_rc query_int(struct store *s, const char *sql, int64_t *out,
                              struct styr_error *err)
{
	PGresult *r;
	enum styr_rc rc = exec_text(s, sql, &r, "reading the database", err);

	if(!rc && PQntuples(r) && !PQgetisnull(r, 0, 0))
		*out = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return rc;
}

/* A styr database on PostgreSQL is a schema (the connection's current
** one, normally public) holding the table styr_database with styr's
** application id. Whether it does is asked by name (to_regclass: no
** query of the catalogue to plan, which took a new server process
** 0.7–1 ms); what else the schema holds (*objects 0 or 1: whether it is
** empty) only when it does not (styr init, a foreign schema), since that
** reads every schema's tables. */
static enum styr_rc pgd_identity(struct store *s, int64_t *app_id, int64_t *objects,
                                 struct styr_error *err)
{
	int64_t marked = 0;
	enum styr_rc rc = query_int(s, "SELECT CASE WHEN to_regclass(quote_ident(current_schema())"
	                            " || '.styr_database') IS NULL THEN 0 ELSE 1 END", &marked, err);
	*app_id = 0;
	*objects = 0;
	if(rc)
		return rc;
	if(marked) {
		*objects = 1;
		return query_int(s, "SELECT application_id FROM styr_database", app_id, err);
	}
	return query_int(s, "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n"
	                 " ON c.relnamespace = n.oid WHERE n.nspname = current_schema())"
	                 " THEN 1 ELSE 0 END", objects, err);
}

static enum styr_rc pgd_set_identity(struct store *s, int64_t app_id, struct styr_error *err)
{
	char sql[160];
	snprintf(sql, sizeof(sql), "CREATE TABLE styr_database(application_id BIGINT NOT NULL);"
	         " INSERT INTO styr_database VALUES(%lld)", (long long)app_id);
	return run(s, sql, err);
}

static enum styr_rc pgd_setup(struct store *s, bool readonly, struct styr_error *err)
{
	(void)s;
	(void)readonly;
	(void)err;
	return STYR_OK;
}

/* The temporary table is the connection's; the triggers are the
** database's (PostgreSQL has no temporary triggers on a table), made once
** and noting rows only in a connection that has the table. One round
** trip makes the table and looks whether the function and every trigger
** exist; a second makes what is missing (the first write to a database,
** or after a migration). */
static enum styr_rc pgd_capture_install(struct store *s, const char *const *tables, size_t n,
                                        struct styr_error *err)
{
	struct pg *pg = s->db;
	struct strbuf sql = STRBUF_INIT;
	PGresult *r;
	bool complete = false;
	enum styr_rc rc = STYR_OK;

	for(size_t i = 0; i < pg->npending; i++)
		strbuf_addf(&sql, "%s; ", pg->pending[i]);
	drop_pending(pg);
	pg->fresh[0] = '\0';
	strbuf_addstr(&sql,
	    "CREATE TEMP TABLE IF NOT EXISTS styr_dirty(seq BIGSERIAL,"
	    " tbl TEXT NOT NULL, row_id BIGINT NOT NULL, op TEXT NOT NULL, PRIMARY KEY(tbl, row_id));"
	    " SELECT EXISTS (SELECT 1 FROM pg_proc p WHERE p.proname = 'styr_note_dirty'"
	    "   AND p.pronamespace = n.oid)"
	    "  AND (SELECT count(*) FROM unnest(ARRAY[''");
	for(size_t k = 0; k < n; k++)
		strbuf_addf(&sql, ", '%s'", tables[k]);
	/* by name, on the indexes of pg_class and pg_trigger */
	strbuf_addf(&sql, "]) AS w(name) JOIN pg_class c ON c.relname = w.name AND"
	            " c.relnamespace = n.oid JOIN pg_trigger t ON t.tgrelid = c.oid"
	            " AND t.tgname = 'styr_dirty_' || w.name) = %zu"
	            " FROM pg_namespace n WHERE n.nspname = current_schema()", n);
	/* Several statements, each with its result. */
	if(!PQsendQuery(pg->conn, sql.buf))
		rc = pg_result_error(s, NULL, "executing SQL", err);
	while((r = PQgetResult(pg->conn))) {
		ExecStatusType st = PQresultStatus(r);
		if(rc) {
			/* a failure was reported: the rest are dropped */
		} else if(st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
			rc = pg_result_error(s, r, "executing SQL", err);
			debug_failed(err, sql.buf);
		} else if(st == PGRES_TUPLES_OK && PQntuples(r) == 1) {
			complete = *PQgetvalue(r, 0, 0) == 't';
		}
		PQclear(r);
	}
	if(rc || complete) {
		strbuf_release(&sql);
		return rc;
	}
	strbuf_reset(&sql);
	strbuf_addstr(&sql,
	    "DO $styr$ BEGIN"
	    " IF NOT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
	    "   WHERE p.proname = 'styr_note_dirty' AND n.nspname = current_schema()) THEN"
	    " BEGIN"
	    "  CREATE FUNCTION styr_note_dirty() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN"
	    "   IF to_regclass('pg_temp.styr_dirty') IS NOT NULL THEN"
	    "    IF TG_OP = 'INSERT' THEN"
	    "     INSERT INTO pg_temp.styr_dirty(tbl, row_id, op) VALUES(TG_TABLE_NAME, NEW.id, 'I')"
	    "      ON CONFLICT DO NOTHING;"
	    "    ELSE"
	    "     INSERT INTO pg_temp.styr_dirty(tbl, row_id, op)"
	    "      VALUES(TG_TABLE_NAME, OLD.id, left(TG_OP, 1)) ON CONFLICT DO NOTHING;"
	    "    END IF;"
	    "   END IF;"
	    "   RETURN NULL;"
	    "  END $f$;"
	    " EXCEPTION WHEN duplicate_function THEN NULL; END;"
	    " END IF;");
	for(size_t k = 0; k < n; k++)
		strbuf_addf(&sql,
		    " IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'styr_dirty_%s'"
		    "   AND tgrelid = to_regclass('%s')) THEN BEGIN"
		    "  CREATE TRIGGER styr_dirty_%s AFTER INSERT OR UPDATE OR DELETE ON %s"
		    "   FOR EACH ROW EXECUTE FUNCTION styr_note_dirty();"
		    " EXCEPTION WHEN duplicate_object THEN NULL; END; END IF;",
		    tables[k], tables[k], tables[k], tables[k]);
	strbuf_addstr(&sql, " END $styr$");
	rc = run(s, sql.buf, err);
	strbuf_release(&sql);
	return rc;
}

/* Tables of the current schema in the order they were made (their oids),
** but the database's identity. */
static enum styr_rc pgd_tables(struct store *s,
                               enum styr_rc (*fn)(void *ctx, const char *table,
                                                  const char *columns, const char *refs,
                                                  const char *order),
                               void *ctx, struct styr_error *err)
{
	PGresult *r;
	enum styr_rc rc = exec_text(s,
	    "SELECT c.relname,"
	    " (SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_attribute a"
	    "  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),"
	    " coalesce((SELECT string_agg(DISTINCT f.confrelid::regclass::text, ',')"
	    "  FROM pg_constraint f WHERE f.conrelid = c.oid AND f.contype = 'f'"
	    "  AND f.confrelid <> c.oid), ''),"
	    " CASE WHEN EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid"
	    "  AND a.attname = 'id' AND NOT a.attisdropped) THEN 'id' ELSE 'ctid' END"
	    " FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace"
	    " AND c.relkind = 'r' AND c.relname <> 'styr_database' ORDER BY c.oid",
	    &r, "listing the tables", err);

	for(int i = 0; !rc && i < PQntuples(r); i++)
		rc = fn(ctx, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), PQgetvalue(r, i, 2),
		        PQgetvalue(r, i, 3));
	PQclear(r);
	return rc;
}

static enum styr_rc pgd_ids_taken(struct store *s, const char *table, struct styr_error *err)
{
	char sql[400];
	if(!table_has_id(s, table))
		return STYR_OK;
	snprintf(sql, sizeof(sql), "SELECT setval(pg_get_serial_sequence('%s', 'id'),"
	         " (SELECT max(id) FROM %s)) WHERE EXISTS (SELECT 1 FROM %s)", table, table, table);
	return run(s, sql, err);
}

/* nextval of the identity sequence, as n default ids would be taken. */
static enum styr_rc pgd_reserve_ids(struct store *s, const char *table, size_t n,
                                   int64_t *ids, struct styr_error *err)
{
	char sql[300];
	PGresult *r;
	enum styr_rc rc;

	snprintf(sql, sizeof(sql), "SELECT nextval(pg_get_serial_sequence('%s', 'id'))"
	         " FROM generate_series(1, %zu) ORDER BY 1", table, n);
	rc = exec_text(s, sql, &r, "reserving ids", err);
	if(!rc && (size_t)PQntuples(r) != n)
		rc = styr_error_set(err, STYR_EDB, "%s: reserving ids of %s: %d of %zu",
		                    s->path, table, PQntuples(r), n);
	for(size_t i = 0; !rc && i < n; i++)
		ids[i] = strtoll(PQgetvalue(r, (int)i, 0), NULL, 10);
	PQclear(r);
	return rc;
}

static bool pgd_broken(const struct store *s)
{
	return PQstatus(((struct pg *)s->db)->conn) != CONNECTION_OK;
}

const struct store_driver store_pg_driver = {
	.name = "postgresql",
	.open = pgd_open,
	.close = pgd_close,
	.exec = pgd_exec,
	.prepare = pgd_prepare,
	.bind_int = pgd_bind_int,
	.bind_text = pgd_bind_text,
	.bind_text_static = pgd_bind_text, /* libpq copies parameters anyway */
	.bind_null = pgd_bind_null,
	.step = pgd_step,
	.is_null = pgd_is_null,
	.col_int = pgd_col_int,
	.col_text = pgd_col_text,
	.reset = pgd_reset,
	.rewind = pgd_rewind,
	.finalize = pgd_finalize,
	.last_insert_id = pgd_last_insert_id,
	.begin_sql = "BEGIN ISOLATION LEVEL SERIALIZABLE",
	.identity = pgd_identity,
	.set_identity = pgd_set_identity,
	.setup = pgd_setup,
	.capture_install = pgd_capture_install,
	.broken = pgd_broken,
	.tables = pgd_tables,
	.ids_taken = pgd_ids_taken,
	.reserve_ids = pgd_reserve_ids,
};
