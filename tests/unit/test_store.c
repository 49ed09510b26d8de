/*
** test_store.c — the store opens, migrates, identifies its files, keeps
** an append-only audit log, and generic sections insert and resolve.
*/
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <cmocka.h>

#include "org/org.h"
#include "db/section.h"
#include "db/store.h"
#include "testutil.h"

static void path(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/%s", testutil_dir, name);
}

static void test_create_and_reopen(void **state)
{
	(void)state;
	char p[256];
	struct store *s;
	struct styr_error err;
	path(p, sizeof(p), "a.db");
	assert_int_equal(store_open(p, 0, &s, &err), STYR_EDB); /* no such file */
	assert_int_equal(store_open(p, STORE_CREATE, &s, &err), STYR_OK);
	assert_int_equal(store_schema_version(s), store_schema_latest());
	store_close(s);
	assert_int_equal(store_open(p, 0, &s, &err), STYR_OK);
	store_close(s);
}

static void test_refuses_foreign(void **state)
{
	(void)state;
	char p[256];
	struct store *s;
	struct styr_error err;
	FILE *f;

	path(p, sizeof(p), "text.db");
	f = fopen(p, "w");
	fputs("this is not a database, it is a letter to the committee\n", f);
	fclose(f);
	assert_int_equal(store_open(p, 0, &s, &err), STYR_EDB);
	assert_non_null(strstr(err.msg, "not a styr database"));

	/* An SQLite file of some other program. */
	path(p, sizeof(p), "other.db");
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "sqlite3 %s 'CREATE TABLE t(x)'", p);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(store_open(p, STORE_CREATE, &s, &err), STYR_EDB);
	assert_non_null(strstr(err.msg, "not a styr database"));
}

static void test_refuses_newer(void **state)
{
	(void)state;
	char p[256], cmd[512];
	struct store *s;
	struct styr_error err;

	path(p, sizeof(p), "newer.db");
	assert_int_equal(store_open(p, STORE_CREATE, &s, &err), STYR_OK);
	store_close(s);
	snprintf(cmd, sizeof(cmd),
	         "sqlite3 %s \"INSERT INTO schema_migrations(version, name) VALUES(999, 'future')\"", p);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(store_open(p, 0, &s, &err), STYR_EDB);
	assert_non_null(strstr(err.msg, "newer than this styr"));
}

static void test_sections_and_audit(void **state)
{
	(void)state;
	char p[256];
	struct store *s;
	struct styr_error err;
	struct field_value v[4] = { { .s = "1814" }, { .s = "Lekeberg" }, { .i = 1 }, { .null = true } };
	struct field_value key = { .s = "1814" };
	int64_t id = 0;

	path(p, sizeof(p), "sec.db");
	assert_int_equal(store_open(p, STORE_CREATE, &s, &err), STYR_OK);
	store_set_user(s, "tester");
	assert_int_equal(store_section_insert(s, &section_municipalities, v, &err), STYR_OK);
	assert_int_equal(store_section_insert(s, &section_municipalities, v, &err), STYR_ECONFLICT);
	assert_int_equal(store_section_resolve(s, &section_municipalities, &key, &id, &err), STYR_OK);
	assert_true(id > 0);
	key.s = "9999";
	assert_int_equal(store_section_resolve(s, &section_municipalities, &key, &id, &err),
	                 STYR_ENOTFOUND);

	struct store_stmt *st;
	bool row;
	assert_int_equal(store_prepare(s, "SELECT who, tbl, key, new_value, change_set, section, row_id FROM audit_log", &st, &err), 0);
	assert_int_equal(stmt_step(st, &row, &err), 0);
	assert_true(row);
	assert_string_equal(stmt_text(st, 0), "tester");
	assert_string_equal(stmt_text(st, 1), "municipality");
	assert_string_equal(stmt_text(st, 2), "1814");
	/* In data-file form, in a change set of its own, naming the row. */
	assert_string_equal(stmt_text(st, 3), "{\"code\":\"1814\",\"name\":\"Lekeberg\",\"member\":true}");
	assert_int_equal(stmt_int(st, 4), 1);
	assert_string_equal(stmt_text(st, 5), "municipalities");
	assert_int_equal(stmt_int(st, 6), id);
	stmt_finalize(st);
	assert_int_equal(store_exec(s, "DELETE FROM audit_log", &err), STYR_ECONFLICT);
	assert_non_null(strstr(err.msg, "append-only"));
	store_close(s);
}

/* A statement of the cache comes back reset with no bindings, and one
** still in use is not handed out twice. */
static void test_statement_cache(void **state)
{
	(void)state;
	char p[256];
	struct store *s;
	struct store_stmt *a, *b, *c;
	struct styr_error err;
	bool row;
	const char *sql = "SELECT ?1 IS NULL, ?1";

	path(p, sizeof(p), "cache.db");
	assert_int_equal(store_open(p, STORE_CREATE, &s, &err), STYR_OK);
	assert_int_equal(store_prepare_cached(s, sql, &a, &err), STYR_OK);
	stmt_bind_text(a, 1, "bound");
	assert_int_equal(stmt_step(a, &row, &err), STYR_OK);
	assert_true(row);
	/* a is in use (stepped, not given back): a second is another one. */
	assert_int_equal(store_prepare_cached(s, sql, &b, &err), STYR_OK);
	assert_ptr_not_equal(a, b);
	assert_int_equal(stmt_step(b, &row, &err), STYR_OK);
	assert_int_equal(stmt_int(b, 0), 1);
	assert_string_equal(stmt_text(a, 1), "bound");
	stmt_finalize(b);
	stmt_finalize(a);
	/* Given back: the same statement, reset, its binding cleared. */
	assert_int_equal(store_prepare_cached(s, sql, &c, &err), STYR_OK);
	assert_ptr_equal(c, a);
	assert_int_equal(stmt_step(c, &row, &err), STYR_OK);
	assert_true(row);
	assert_int_equal(stmt_int(c, 0), 1);
	stmt_finalize(c);
	/* Another text is another statement; a bad one is refused as by
	** store_prepare, and not kept. */
	assert_int_equal(store_prepare_cached(s, "SELECT 2", &c, &err), STYR_OK);
	assert_ptr_not_equal(c, a);
	stmt_finalize(c);
	assert_int_equal(store_prepare_cached(s, "SELEKT 2", &c, &err), STYR_EDB);
	assert_int_equal(store_prepare_cached(s, "SELEKT 2", &c, &err), STYR_EDB);
	store_close(s);
}

/* A read snapshot sees one state until it ends; a write ends it first and
** sees the newest rows. */
static void test_read_snapshot(void **state)
{
	(void)state;
	char p[256];
	struct store *r, *w;
	struct styr_error err;
	int64_t n = -1;

	path(p, sizeof(p), "snap.db");
	assert_int_equal(store_open(p, STORE_CREATE, &w, &err), STYR_OK);
	assert_int_equal(store_exec(w, "CREATE TABLE t(x INTEGER)", &err), STYR_OK);
	assert_int_equal(store_open(p, 0, &r, &err), STYR_OK);

	assert_int_equal(store_read_begin(r, &err), STYR_OK);
	assert_false(store_in_transaction(r));
	assert_int_equal(store_query_int(r, "SELECT count(*) FROM t", &n, &err), STYR_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_exec(w, "INSERT INTO t VALUES(1)", &err), STYR_OK);
	assert_int_equal(store_query_int(r, "SELECT count(*) FROM t", &n, &err), STYR_OK);
	assert_int_equal(n, 0); /* still the snapshot */
	store_read_end(r);
	assert_int_equal(store_query_int(r, "SELECT count(*) FROM t", &n, &err), STYR_OK);
	assert_int_equal(n, 1);
	store_read_end(r); /* none open: nothing */

	/* a write inside one ends it: it counts the row written meanwhile */
	assert_int_equal(store_read_begin(r, &err), STYR_OK);
	assert_int_equal(store_query_int(r, "SELECT count(*) FROM t", &n, &err), STYR_OK);
	assert_int_equal(store_exec(w, "INSERT INTO t VALUES(2)", &err), STYR_OK);
	assert_int_equal(store_begin(r, &err), STYR_OK);
	assert_int_equal(store_exec(r, "INSERT INTO t SELECT count(*) FROM t", &err), STYR_OK);
	assert_int_equal(store_commit(r, &err), STYR_OK);
	assert_int_equal(store_query_int(w, "SELECT max(x) FROM t", &n, &err), STYR_OK);
	assert_int_equal(n, 2);
	store_read_end(r);
	store_close(r);
	store_close(w);
}

/* Insert a row into t from another process, as the command line does
** beside a running server. */
static void insert_elsewhere(const char *p)
{
	pid_t pid = fork();
	int status;
	assert_true(pid >= 0);
	if(pid == 0) {
		struct store *o;
		struct styr_error e;
		_exit(store_open(p, 0, &o, &e) || store_exec(o, "INSERT INTO t VALUES(7)", &e) ? 1 : 0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* The stamp changes with every commit, whoever makes it, and not with
** reads or checkpoints; a new log after a checkpoint still changes it,
** even with as many frames as before. */
static void test_stamp(void **state)
{
	(void)state;
	char p[256];
	struct store *r, *w;
	struct store_stamp a, b, c;
	struct styr_error err;
	int64_t n;

	path(p, sizeof(p), "stamp.db");
	assert_int_equal(store_open(p, STORE_CREATE, &w, &err), STYR_OK);
	assert_int_equal(store_exec(w, "CREATE TABLE t(x INTEGER)", &err), STYR_OK);
	assert_int_equal(store_open(p, 0, &r, &err), STYR_OK);

	assert_true(store_stamp(r, &a));
	assert_true(store_stamp(w, &b));
	assert_true(store_stamp_equal(&a, &b)); /* two connections agree */
	assert_int_equal(store_query_int(r, "SELECT count(*) FROM t", &n, &err), STYR_OK);
	assert_true(store_stamp(r, &b));
	assert_true(store_stamp_equal(&a, &b)); /* a read changes nothing */

	assert_int_equal(store_exec(w, "INSERT INTO t VALUES(1)", &err), STYR_OK);
	assert_true(store_stamp(r, &b));
	assert_false(store_stamp_equal(&a, &b));

	insert_elsewhere(p);
	assert_true(store_stamp(r, &c));
	assert_false(store_stamp_equal(&b, &c));

	/* a rolled-back write commits nothing */
	assert_int_equal(store_begin(w, &err), STYR_OK);
	assert_int_equal(store_exec(w, "INSERT INTO t VALUES(2)", &err), STYR_OK);
	store_rollback(w);
	assert_true(store_stamp(r, &a));
	assert_true(store_stamp_equal(&a, &c));

	/* the log starts over: the next commit writes as many frames as the
	** first one did, and the stamp still differs */
	assert_int_equal(store_exec(w, "PRAGMA wal_checkpoint(TRUNCATE)", &err), STYR_OK);
	assert_true(store_stamp(r, &a));
	assert_int_equal(store_exec(w, "INSERT INTO t VALUES(3)", &err), STYR_OK);
	assert_true(store_stamp(r, &b));
	assert_false(store_stamp_equal(&a, &b));
	assert_false(store_stamp_equal(&b, &c));
	store_close(r);
	store_close(w);

	/* a read-only store has none */
	assert_int_equal(store_open(p, STORE_READONLY, &r, &err), STYR_OK);
	assert_false(store_stamp(r, &a));
	store_close(r);
}

/* A writer that holds its transaction for a while, in a thread of its own. */
struct holder {
	const char *path;
	int hold_ms;
	volatile int begun;
};

static void *hold(void *arg)
{
	struct holder *h = arg;
	struct store *a;
	struct styr_error e;
	if(store_open(h->path, 0, &a, &e) || store_begin(a, &e))
		return NULL;
	store_exec(a, "INSERT INTO t VALUES(1)", &e);
	h->begun = 1;
	usleep((useconds_t)h->hold_ms * 1000);
	store_commit(a, &e);
	store_close(a);
	return NULL;
}

/* The writers of one process wait for each other in store_begin: the
** second begins once the first has committed, and sees its row; one that
** waits longer than its busy timeout is told so, and nothing is stored. */
static void test_writers_queue(void **state)
{
	(void)state;
	char p[256];
	struct store *b;
	struct styr_error err;
	struct holder h = { p, 100, 0 };
	pthread_t t;
	int64_t n = -1;

	path(p, sizeof(p), "queue.db");
	assert_int_equal(store_open(p, STORE_CREATE, &b, &err), STYR_OK);
	assert_int_equal(store_exec(b, "CREATE TABLE t(x INTEGER)", &err), STYR_OK);

	assert_int_equal(pthread_create(&t, NULL, hold, &h), 0);
	while(!h.begun)
		usleep(1000);
	assert_int_equal(store_begin(b, &err), STYR_OK);
	assert_int_equal(store_query_int(b, "SELECT count(*) FROM t", &n, &err), STYR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_commit(b, &err), STYR_OK);
	pthread_join(t, NULL);

	h.hold_ms = 300;
	h.begun = 0;
	b->busy_ms = 30;
	assert_int_equal(pthread_create(&t, NULL, hold, &h), 0);
	while(!h.begun)
		usleep(1000);
	assert_int_equal(store_begin(b, &err), STYR_EBUSY);
	assert_non_null(strstr(err.msg, "busy writing another change; nothing was stored"));
	assert_false(store_in_transaction(b));
	pthread_join(t, NULL);
	assert_int_equal(store_query_int(b, "SELECT count(*) FROM t", &n, &err), STYR_OK);
	assert_int_equal(n, 2);
	store_close(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_and_reopen),
		cmocka_unit_test(test_refuses_foreign),
		cmocka_unit_test(test_refuses_newer),
		cmocka_unit_test(test_sections_and_audit),
		cmocka_unit_test(test_statement_cache),
		cmocka_unit_test(test_read_snapshot),
		cmocka_unit_test(test_stamp),
		cmocka_unit_test(test_writers_queue),
	};
	return cmocka_run_group_tests_name("store", tests, testutil_setup, testutil_teardown);
}
