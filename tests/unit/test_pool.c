/*
** test_pool.c — many threads writing through a pool of stores lose no
** update: each reads a count and writes it back one higher in a
** transaction that store_transaction retries when the database refused it
** for another writer's sake. On SQLite, and on PostgreSQL too when
** $STYR_TEST_PG names a test server (tests/run-pg).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <cmocka.h>
#include <libpq-fe.h>

#include "db/load.h"
#include "db/pool.h"
#include "db/store.h"
#include "testutil.h"

#define THREADS 8
#define EACH    25

static const char *const row_sql = "SELECT p.id FROM population p JOIN municipality m"
                                   " ON m.id = p.municipality_id WHERE m.code = '1814'"
                                   " AND p.date = '2018-12-31'";

static int64_t one_int(struct store *s, const char *sql)
{
	int64_t v = -1;
	struct styr_error err;
	assert_int_equal(store_query_int(s, sql, &v, &err), STYR_OK);
	return v;
}

/* Read the count, then write it back one higher: two statements, so two
** writers at once would lose an update were they not kept apart. */
static enum styr_rc increment(struct store *s, void *ctx, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	int64_t id = 0, count = 0;
	enum styr_rc rc;
	char sql[300];

	(void)ctx;
	snprintf(sql, sizeof(sql), "SELECT p.id, p.count FROM population p WHERE p.id = (%s)", row_sql);
	rc = store_prepare(s, sql, &st, err);
	if(rc)
		return rc;
	rc = stmt_step(st, &row, err);
	if(!rc && row) {
		id = stmt_int(st, 0);
		count = stmt_int(st, 1);
	}
	stmt_finalize(st);
	if(rc)
		return rc;
	rc = store_prepare(s, "UPDATE population SET count = ? WHERE id = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, count + 1);
	stmt_bind_int(st, 2, id);
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	return rc;
}

struct worker {
	struct store_pool *pool;
	int failures;
	char msg[1100];
};

static void *work(void *arg)
{
	struct worker *w = arg;
	for(int i = 0; i < EACH; i++) {
		struct store *s;
		struct styr_error err;
		enum styr_rc rc = store_pool_get(w->pool, &s, &err);
		if(!rc) {
			store_set_user(s, "pool");
			rc = store_transaction(s, increment, NULL, &err);
			store_pool_put(w->pool, s);
		}
		if(rc) {
			w->failures++;
			snprintf(w->msg, sizeof(w->msg), "%s", err.msg);
		}
	}
	return NULL;
}

static void many_writers(const char *path)
{
	struct store *s;
	struct store_pool *pool;
	struct styr_error err;
	struct load_stats ls;
	struct worker w[THREADS];
	pthread_t t[THREADS];
	char sql[300];

	assert_int_equal(store_open(path, STORE_CREATE, &s, &err), STYR_OK);
	if(load_path(s, STYR_SOURCE_ROOT "/examples/sydnarke", &ls, &err))
		fail_msg("%s", err.msg);
	store_close(s);

	assert_int_equal(store_pool_new(path, 0, 4, &pool, &err), STYR_OK);
	for(int i = 0; i < THREADS; i++) {
		memset(&w[i], 0, sizeof(w[i]));
		w[i].pool = pool;
		pthread_create(&t[i], NULL, work, &w[i]);
	}
	for(int i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		if(w[i].failures)
			fail_msg("writer %d: %d failed: %s", i, w[i].failures, w[i].msg);
	}
	store_pool_free(pool);

	assert_int_equal(store_open(path, STORE_READONLY, &s, &err), STYR_OK);
	/* 8 116 inhabitants (SCB, 2018-12-31) and one more for each write. */
	snprintf(sql, sizeof(sql), "SELECT count FROM population WHERE id = (%s)", row_sql);
	assert_int_equal(one_int(s, sql), 8116 + THREADS * EACH);
	/* Every write was its own change, logged and versioned. */
	snprintf(sql, sizeof(sql), "SELECT version FROM row_version WHERE tbl = 'population'"
	         " AND row_id = (%s)", row_sql);
	assert_int_equal(one_int(s, sql), 1 + THREADS * EACH);
	assert_int_equal(one_int(s, "SELECT count(*) FROM audit_log WHERE tbl = 'population'"
	                         " AND who = 'pool'"), THREADS * EACH);
	store_close(s);
}

static void test_sqlite(void **state)
{
	char p[256];
	(void)state;
	snprintf(p, sizeof(p), "%s/pool.db", testutil_dir);
	many_writers(p);
}

static void test_postgresql(void **state)
{
	const char *base = getenv("STYR_TEST_PG");
	char url[1024];
	PGconn *c;
	(void)state;

	if(!base || !*base)
		skip();
	c = PQconnectdb(base);
	assert_int_equal(PQstatus(c), CONNECTION_OK);
	PQclear(PQexec(c, "SET client_min_messages = warning;"
	               " DROP SCHEMA IF EXISTS unit_pool CASCADE; CREATE SCHEMA unit_pool"));
	PQfinish(c);
	snprintf(url, sizeof(url), "%s&options=-csearch_path%%3Dunit_pool", base);
	many_writers(url);
}

static void test_pool_size(void **state)
{
	struct store_pool *pool;
	struct styr_error err;
	(void)state;
	assert_int_equal(store_pool_new("/nonexistent/x.db", 0, 0, &pool, &err), STYR_EINVAL);
	assert_int_equal(store_pool_new("/nonexistent/x.db", 0, 2, &pool, &err), STYR_EDB);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pool_size),
		cmocka_unit_test(test_sqlite),
		cmocka_unit_test(test_postgresql),
	};
	return cmocka_run_group_tests(tests, testutil_setup, testutil_teardown);
}
