/*
** ledger_csv.h — outcome or budget rows from a CSV file into the ledger.
**
** The file is read in chunks through the core CSV parser (base/csv.h), so
** its size does not matter; which column holds what is given by the
** caller. Each row becomes a ledger_period row (kind "outcome" or
** "budget") of a new ledger import, all in one transaction. Amounts are
** Swedish numbers ("-1 234,50", a decimal point is accepted too) with at
** most two decimals, in kronor.
*/
#ifndef STYR_LEDGER_CSV_H
#define STYR_LEDGER_CSV_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/error.h"

struct store;
struct ledger_hook;

struct ledger_csv_opts {
	int account_col;      /* 1-based; required */
	int amount_col;       /* 1-based; required */
	int period_col;       /* 1-based, 0 when absent: YYYYMM, YYYY-MM, YYYY-MM-DD or YYYY */
	int year;             /* the year of every row when period_col is 0 */
	int object_col;       /* 1-based, 0 when absent */
	int object_dim;       /* the dimension of object_col's codes */
	const char *kind;     /* "outcome" or "budget" */
	bool header;          /* the first record holds headings */
	char sep;             /* ';', ',' or 0 to detect */
	const struct ledger_hook *hook; /* before the commit (ledger.h); NULL for none */
};

struct ledger_csv_stats {
	int64_t import_id;
	long rows;            /* rows stored */
	long blank;           /* rows without account and amount, skipped */
	int64_t sum;          /* öre */
	int first_year, last_year;
	char sep;
	const char *encoding; /* static string */
};

/* Import path as described above. On failure err reads
** "file:line:column: column-name: expected …" and nothing is stored. */
enum styr_rc ledger_csv_import(struct store *s, const char *path,
                               const struct ledger_csv_opts *o,
                               struct ledger_csv_stats *st, struct styr_error *err);

/* The same from an open stream f (read to its end, not closed), named
** `name` in messages. */
enum styr_rc ledger_csv_import_stream(struct store *s, FILE *f, const char *name,
                                      const struct ledger_csv_opts *o,
                                      struct ledger_csv_stats *st, struct styr_error *err);

#endif
