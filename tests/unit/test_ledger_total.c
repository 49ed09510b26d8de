/*
** test_ledger_total.c — the totals per import, account and voucher date
** that the SIE importer writes (ledger_total) are the sums of the
** transactions it stored, on random files: many accounts and days (more
** sums than the writer keeps in memory at once), amounts of both signs,
** non-numeric accounts, a second import of the same accounts and days,
** and an import that fails, which leaves no totals. And the rows the
** writer stores refer to what they should.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "db/store.h"
#include "ledger/sie.h"
#include "testutil.h"

/* A tiny deterministic generator, so that a failure can be replayed. */
static uint64_t rng;
static uint32_t next(void)
{
	rng = rng * 6364136223846793005u + 1442695040888963407u;
	return (uint32_t)(rng >> 33);
}

/* Write an SIE 4 file of nvouchers balanced vouchers of 2-5 lines on
** accounts from a pool of naccounts, dated over 2024; with broken set,
** one voucher's #TRANS has an amount that is not one. */
static void write_sie(const char *path, uint64_t seed, int nvouchers, int naccounts,
                      int broken)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	rng = seed;
	fputs("#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#FNAMN \"Test\"\n#RAR 0 20240101 20241231\n", f);
	for(int v = 1; v <= nvouchers; v++) {
		int lines = 2 + (int)(next() % 4), day = (int)(next() % 366);
		int month = 1, mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
		int64_t sum = 0;
		while(day >= mdays[month - 1])
			day -= mdays[month++ - 1];
		fprintf(f, "#VER A %d 2024%02d%02d \"v\"\n{\n", v, month, day + 1);
		for(int l = 0; l < lines; l++) {
			int a = (int)(next() % (uint32_t)naccounts);
			int64_t ore = (int64_t)(next() % 20000000) - 10000000;
			char acct[16];
			if(l == lines - 1)
				ore = -sum;
			sum += ore;
			if(a % 50 == 7)
				snprintf(acct, sizeof(acct), "X%d", a); /* not a number: kept as text */
			else
				snprintf(acct, sizeof(acct), "%d", 1000 + a * 7);
			if(broken && v == nvouchers / 2 && l == 0)
				fprintf(f, "   #TRANS %s {} 12,50\n", acct);
			else
				fprintf(f, "   #TRANS %s {} %s%lld.%02lld\n", acct, ore < 0 ? "-" : "",
				        (long long)(llabs(ore) / 100), (long long)(llabs(ore) % 100));
		}
		fputs("}\n", f);
	}
	fclose(f);
}

/* Rows of the totals that summing the transactions does not give, and the
** other way round; and how many totals there are. */
static void compare(struct store *s, int64_t *missing, int64_t *extra, int64_t *n)
{
	struct styr_error err;
	const char *sums =
	    "SELECT v.import_id, t.account, v.date, sum(t.amount)"
	    " FROM ledger_trans t JOIN ledger_voucher v ON v.id = t.voucher_id"
	    " GROUP BY v.import_id, t.account, v.date";
	char sql[1024];
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM (%s EXCEPT"
	         " SELECT import_id, account, date, amount FROM ledger_total)", sums);
	assert_int_equal(store_query_int(s, sql, missing, &err), STYR_OK);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM (SELECT import_id, account, date,"
	         " amount FROM ledger_total EXCEPT %s)", sums);
	assert_int_equal(store_query_int(s, sql, extra, &err), STYR_OK);
	assert_int_equal(store_query_int(s, "SELECT count(*) FROM ledger_total", n, &err), STYR_OK);
}

static void test_totals_are_the_sums(void **state)
{
	(void)state;
	char db[256], file[256];
	struct store *s;
	struct styr_error err;
	struct sie_stats st;
	int64_t missing, extra, n, before;
	/* seed, vouchers, accounts: the first gives more than 65 536 sums */
	const struct { uint64_t seed; int vouchers, accounts; } files[] = {
		{ 1, 60000, 300 }, { 2, 500, 20 }, { 3, 3000, 150 }, { 2, 500, 20 },
	};

	snprintf(db, sizeof(db), "%s/totals.db", testutil_dir);
	assert_int_equal(store_open(db, STORE_CREATE, &s, &err), STYR_OK);
	for(size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(file, sizeof(file), "%s/r%zu.se", testutil_dir, i);
		write_sie(file, files[i].seed, files[i].vouchers, files[i].accounts, 0);
		memset(&st, 0, sizeof(st));
		assert_int_equal(sie_import(s, file, &st, &err), STYR_OK);
		sie_stats_release(&st);
		compare(s, &missing, &extra, &n);
		assert_int_equal(missing, 0);
		assert_int_equal(extra, 0);
		if(i == 0)
			assert_true(n > 65536);
	}
	/* A file that fails half-way stores no transactions and no totals. */
	before = n;
	snprintf(file, sizeof(file), "%s/broken.se", testutil_dir);
	write_sie(file, 4, 2000, 100, 1);
	memset(&st, 0, sizeof(st));
	assert_int_not_equal(sie_import(s, file, &st, &err), STYR_OK);
	sie_stats_release(&st);
	compare(s, &missing, &extra, &n);
	assert_int_equal(missing, 0);
	assert_int_equal(extra, 0);
	assert_int_equal(n, before);
	store_close(s);
}

/* The writer stores rows in batches from a thread of its own, with the
** voucher ids it reserved and without SQLite checking foreign keys
** (store_begin_bulk): each #TRANS row still belongs to the voucher above
** it in the file, vouchers keep the file's order, nothing refers to a row
** that does not exist, and the connection checks foreign keys again after
** an import that succeeds and after one that fails. The vouchers have
** from 1 to 3 000 lines (more than the writer keeps waiting at once). */
static void test_rows_belong_to_their_vouchers(void **state)
{
	(void)state;
	char db[256], file[256];
	struct store *s, *t;
	struct store_stmt *st;
	struct styr_error err;
	struct sie_stats stats;
	bool row;
	int64_t n = -1, voucher_id;
	const int lines[] = { 1, 3000, 2, 700, 1, 1, 45, 1200, 3, 33, 32, 31, 64, 2, 1 };
	const int nvouchers = 2000, total_lines = 8000;

	snprintf(db, sizeof(db), "%s/refs.db", testutil_dir);
	snprintf(file, sizeof(file), "%s/refs.se", testutil_dir);
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fputs("#FLAGGA 0\n#SIETYP 4\n#RAR 0 20240101 20241231\n", f);
	for(int v = 1; v <= nvouchers; v++) {
		int nl = v <= (int)(sizeof(lines) / sizeof(lines[0])) ? lines[v - 1] : 1 + v % 4;
		fprintf(f, "#VER A %d 20240105 \"v%d\"\n{\n", v, v);
		for(int l = 0; l < nl; l++)
			fprintf(f, "#TRANS %d {} %d.00\n", 1000 + l % 7, v);  /* amount: the voucher */
		fputs("}\n", f);
	}
	fclose(f);

	assert_int_equal(store_open(db, STORE_CREATE, &s, &err), STYR_OK);
	for(int round = 0; round < 2; round++) {
		memset(&stats, 0, sizeof(stats));
		assert_int_equal(sie_import(s, file, &stats, &err), STYR_OK);
		sie_stats_release(&stats);
	}
	/* every line's amount names its voucher, whose number is that too */
	assert_int_equal(store_query_int(s, "SELECT count(*) FROM ledger_trans t"
	                 " JOIN ledger_voucher v ON v.id = t.voucher_id"
	                 " WHERE t.amount <> 100 * CAST(v.number AS INTEGER)", &n, &err), STYR_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_query_int(s, "SELECT count(*) FROM ledger_trans t"
	                 " JOIN ledger_voucher v ON v.id = t.voucher_id", &n, &err), STYR_OK);
	int64_t expect = 0;
	for(int v = 1; v <= nvouchers; v++)
		expect += v <= (int)(sizeof(lines) / sizeof(lines[0])) ? lines[v - 1] : 1 + v % 4;
	assert_true(expect > total_lines);
	assert_int_equal(n, 2 * expect);
	/* vouchers in file order: ids rise with the line they were read from */
	assert_int_equal(store_query_int(s, "SELECT count(*) FROM ledger_voucher a"
	                 " JOIN ledger_voucher b ON b.import_id = a.import_id AND b.id > a.id"
	                 " AND b.line < a.line", &n, &err), STYR_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_query_int(s, "SELECT count(*) FROM pragma_foreign_key_check",
	                 &n, &err), STYR_OK);
	assert_int_equal(n, 0);

	/* a failed import: the last voucher never closes */
	f = fopen(file, "a");
	assert_non_null(f);
	fputs("#VER A 9999 20240105 \"open\"\n{\n#TRANS 1930 {} 1.00\n", f);
	fclose(f);
	memset(&stats, 0, sizeof(stats));
	assert_int_not_equal(sie_import(s, file, &stats, &err), STYR_OK);
	sie_stats_release(&stats);

	/* foreign keys are checked again on this connection */
	assert_int_equal(store_query_int(s, "SELECT max(id) + 1 FROM ledger_voucher", &voucher_id,
	                 &err), STYR_OK);
	assert_int_equal(store_prepare(s, "INSERT INTO ledger_trans(voucher_id, account, amount)"
	                 " VALUES(?, '1930', 100)", &st, &err), STYR_OK);
	stmt_bind_int(st, 1, voucher_id);
	assert_int_equal(stmt_step(st, &row, &err), STYR_ECONFLICT);
	assert_int_equal(store_violation(s)->kind, STORE_VIOLATION_FOREIGN_KEY);
	stmt_finalize(st);
	/* and on a second connection, as always */
	assert_int_equal(store_open(db, 0, &t, &err), STYR_OK);
	assert_int_equal(store_query_int(t, "PRAGMA foreign_keys", &n, &err), STYR_OK);
	assert_int_equal(n, 1);
	store_close(t);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_totals_are_the_sums),
		cmocka_unit_test(test_rows_belong_to_their_vouchers),
	};
	return cmocka_run_group_tests_name("ledger_total", tests, testutil_setup, testutil_teardown);
}
