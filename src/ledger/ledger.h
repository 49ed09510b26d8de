/*
** ledger.h — the ledger read from SIE and CSV files: bulk writing of one
** import.
**
** An import is written through a `struct ledger_writer`: it opens the
** transaction, creates the ledger_import row and prepares each INSERT once,
** so that millions of #TRANS lines cost one bound step each. ledger_put_*
** copy their row and return: a thread of the writer's own writes the rows
** while the caller reads on, and a failure to write is reported by a
** later ledger_put_*, by the commit or by ledger_writer_fail. The caller
** must not use the store between ledger_writer_begin and the commit or
** the failure. Nothing is visible to others until ledger_writer_commit();
** ledger_writer_abort() rolls everything back, leaving the database as it
** was.
**
** Text arguments are UTF-8; NULL stores NULL. Dates are ISO "YYYY-MM-DD".
** Amounts are öre. `objects` is an object list in SIE form (`1 "2" 6 "P1"`)
** or NULL.
*/
#ifndef STYR_LEDGER_H
#define STYR_LEDGER_H

#include <stdint.h>

#include "base/error.h"

struct store;
struct ledger_writer;


/* Begin a transaction and create the import row (format "sie" or "csv",
** the file name as given). On failure nothing is open and *out is NULL. */
enum styr_rc ledger_writer_begin(struct store *s, const char *format,
                                 const char *file, struct ledger_writer **out,
                                 struct styr_error *err);

/* The id of the import being written. */
int64_t ledger_writer_import_id(const struct ledger_writer *w);

/* Describe the file (read from its header records); any may be NULL, and
** sie_type 0 means unknown. Stored at commit. */
void ledger_writer_header(struct ledger_writer *w, const char *company,
                          const char *orgnr, const char *program, int sie_type,
                          const char *encoding);

/* #RAR: fiscal year `year_index` (0 this year, -1 the one before). */
enum styr_rc ledger_put_year(struct ledger_writer *w, int year_index,
                             const char *start, const char *end,
                             struct styr_error *err);

/* #KONTO, #KTYP, #SRU, #ENHET: create the account or fill in the given
** (non-NULL) fields of an existing one. */
enum styr_rc ledger_put_account(struct ledger_writer *w, const char *number,
                                const char *name, const char *type,
                                const char *sru, const char *unit,
                                struct styr_error *err);

/* #DIM (parent < 0) and #UNDERDIM (parent >= 0). */
enum styr_rc ledger_put_dim(struct ledger_writer *w, int dim, const char *name,
                            int parent, struct styr_error *err);

/* #OBJEKT. */
enum styr_rc ledger_put_object(struct ledger_writer *w, int dim, const char *code,
                               const char *name, struct styr_error *err);

/* #IB, #UB, #RES, #OIB, #OUB (kind is the label without '#'). */
enum styr_rc ledger_put_balance(struct ledger_writer *w, const char *kind,
                                int year_index, const char *account,
                                const char *objects, int64_t amount,
                                const char *quantity, struct styr_error *err);

/* #PSALDO (kind "outcome") and #PBUDGET ("budget"), or a CSV row.
** has_index false stores a NULL year index; month 0 a whole year. */
enum styr_rc ledger_put_period(struct ledger_writer *w, const char *kind,
                               int has_index, int year_index, int year, int month,
                               const char *account, const char *objects,
                               int64_t amount, const char *quantity,
                               struct styr_error *err);

/* #VER: a voucher; the #TRANS lines that follow belong to it. `line` is
** its line in the file. */
enum styr_rc ledger_put_voucher(struct ledger_writer *w, const char *series,
                                const char *number, const char *date,
                                const char *text, const char *reg_date,
                                const char *sign, int64_t line,
                                struct styr_error *err);

/* #TRANS: a line of the last voucher put. */
enum styr_rc ledger_put_trans(struct ledger_writer *w, const char *account,
                              const char *objects, int64_t amount,
                              const char *date, const char *text,
                              const char *quantity, const char *sign,
                              struct styr_error *err);

/* What a caller does once the whole file is read and stored, just before
** the import is committed: a non-OK result rolls the import back. The
** command line prints what was read here, so that output it cannot write
** ('> /dev/full') leaves the database unchanged rather than committed
** behind an exit status of 2. */
struct ledger_hook {
	enum styr_rc (*before_commit)(void *ctx, struct styr_error *err);
	void *ctx;
};

/* Write the header, one audit-log row for the whole import (table
** "ledger_import", key the import id, new value `summary_json`), run the
** hook (NULL for none), commit and free w. On failure everything is rolled
** back and w is freed too. */
enum styr_rc ledger_writer_commit(struct ledger_writer *w, const char *summary_json,
                                  const struct ledger_hook *hook, struct styr_error *err);

/* The import fails with rc and err, found reading the file after the rows
** put so far: roll back and free w (NULL is fine). Rows are written in
** the background (ledger.c), so writing one put before may have failed
** too: then that failure, the first in the order of the file, is what
** the import fails with (err is set to it and its code returned); else
** rc. */
enum styr_rc ledger_writer_fail(struct ledger_writer *w, enum styr_rc rc,
                                struct styr_error *err);

/* Roll back and free w (NULL is fine). */
void ledger_writer_abort(struct ledger_writer *w);

#endif
