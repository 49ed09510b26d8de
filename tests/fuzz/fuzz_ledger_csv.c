/*
** fuzz_ledger_csv.c — libFuzzer harness for the ledger's CSV import
** (ledger/ledger_csv.h) into an in-memory store, each input inside an
** outer transaction rolled back afterwards. The first four bytes choose
** the columns, separator, header and kind; the rest is the file. A failed
** import stores nothing; a successful one stores as many rows as it
** reports, whose amounts sum to the sum it reports, all within range.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/money.h"
#include "db/store.h"
#include "ledger/ledger_csv.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *db;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct styr_error err;
	(void)argc;
	(void)argv;
	if(clock_init(&err) || store_open(":memory:", STORE_CREATE, &db, &err)) {
		fprintf(stderr, "fuzz_ledger_csv: %s\n", err.msg);
		abort();
	}
	return 0;
}

static int64_t query(const char *sql)
{
	struct styr_error err;
	int64_t n = -1;
	if(store_query_int(db, sql, &n, &err))
		abort();
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char seps[] = { 0, ';', ',' };
	struct styr_error err;
	struct ledger_csv_stats st;
	struct ledger_csv_opts o = { 0 };
	FILE *f;
	if(size < 5)
		return 0;
	o.account_col = data[0] % 4 + 1;
	o.amount_col = data[0] / 4 % 4 + 1;
	o.period_col = data[1] % 5;
	o.object_col = data[1] / 5 % 5;
	o.object_dim = 1;
	o.year = 2024;
	o.sep = seps[data[2] % 3];
	o.header = data[2] & 4;
	o.kind = data[3] & 1 ? "budget" : "outcome";
	f = fmemopen((void *)(data + 4), size - 4, "rb");
	if(!f)
		abort();
	if(store_begin(db, &err))
		abort();
	enum styr_rc rc = ledger_csv_import_stream(db, f, "fuzz.csv", &o, &st, &err);
	fclose(f);
	if(rc) {
		if(query("SELECT count(*) FROM ledger_import") != 0 ||
		   query("SELECT count(*) FROM ledger_period") != 0)
			abort();
	} else {
		if(query("SELECT count(*) FROM ledger_period") != st.rows || st.rows < 1)
			abort();
		if(query("SELECT coalesce(sum(amount), 0) FROM ledger_period") != st.sum)
			abort();
		if(query("SELECT count(*) FROM ledger_period WHERE abs(amount) > 99999999999999999") != 0)
			abort();
	}
	store_rollback(db);
	return 0;
}
