/*
** fuzz_sie_import.c — libFuzzer harness for the SIE import into a store
** (ledger/sie.h): the whole importer, from bytes to rows, into an
** in-memory database. Every input runs inside an outer transaction that
** is rolled back afterwards, so each starts from the same empty ledger.
** A failed import stores nothing; a successful one stores one import
** whose vouchers with a non-zero sum are exactly the unbalanced ones it
** reports; everything stored as text is text (text_valid).
*/
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/strbuf.h"
#include "db/store.h"
#include "ledger/sie.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *db;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct styr_error err;
	(void)argc;
	(void)argv;
	if(clock_init(&err) || store_open(":memory:", STORE_CREATE, &db, &err)) {
		fprintf(stderr, "fuzz_sie_import: %s\n", err.msg);
		abort();
	}
	return 0;
}

static int64_t count(const char *sql)
{
	struct styr_error err;
	int64_t n = -1;
	if(store_query_int(db, sql, &n, &err))
		abort();
	return n;
}

/* Every text of column `col` in `table` is text. */
static void all_text(const char *sql)
{
	struct store_stmt *st;
	struct styr_error err;
	bool row;
	if(store_prepare(db, sql, &st, &err))
		abort();
	while(!stmt_step(st, &row, &err) && row) {
		const char *t = stmt_text(st, 0);
		if(t && !text_valid(t, strlen(t), NULL))
			abort();
	}
	stmt_finalize(st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct styr_error err;
	struct sie_stats st;
	FILE *f;
	if(!size)
		return 0;
	f = fmemopen((void *)data, size, "rb");
	if(!f)
		abort();
	if(store_begin(db, &err))
		abort();
	enum styr_rc rc = sie_import_stream(db, f, "fuzz.se", NULL, &st, &err);
	fclose(f);
	if(rc) {
		if(count("SELECT count(*) FROM ledger_import") != 0 ||
		   count("SELECT count(*) FROM ledger_trans") != 0 ||
		   count("SELECT count(*) FROM audit_log") != 0)
			abort(); /* a failed import stored something */
	} else {
		if(count("SELECT count(*) FROM ledger_import") != 1 || !st.records)
			abort();
		if(count("SELECT count(*) FROM (SELECT v.id FROM ledger_voucher v"
		         " LEFT JOIN ledger_trans t ON t.voucher_id = v.id"
		         " GROUP BY v.id HAVING coalesce(sum(t.amount), 0) != 0)") != (int64_t)st.unbalanced)
			abort(); /* a voucher's sum and the report disagree */
		all_text("SELECT name FROM ledger_account");
		all_text("SELECT text FROM ledger_trans");
		all_text("SELECT objects FROM ledger_trans");
		all_text("SELECT company FROM ledger_import");
		all_text("SELECT new_value FROM audit_log");
	}
	sie_stats_release(&st);
	store_rollback(db);
	return 0;
}
