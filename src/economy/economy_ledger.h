/*
** economy_ledger.h — the outcome per report line computed from the
** imported ledger (ledger/ledger.h) over the account ranges of a line
** mapping (section line_mappings), beside the outcome the operating
** account states for the same cut-off.
**
** The rule, one for every case: the outcome of a report line is summed
** from the newest import that holds the year's outcome, on the result
** accounts (a number of digits starting with 3–8) its ranges cover, from
** the start of the fiscal year up to the cut-off (default its last day):
**   - an SIE import whose #RAR 0 starts in the year: its #TRANS lines of
**     vouchers dated in that range (#RES and #PSALDO are not read);
**   - a CSV import with outcome rows of the year (the calendar year): its
**     rows of the months up to the cut-off, which must then be a month's
**     last day (a row holds a whole month), and its whole-year rows when
**     the cut-off is the year's end.
** Result accounts no range covers are listed when their sum is not zero.
** The ranges are the mapping's line_mappings rows; a committee with no
** line_mappings at all gets the built-in Kommun-Bas mapping
** (economy_rules.h, ECON_BUILTIN_MAPPING).
** Amounts are öre, sign as in the file (revenue negative, cost positive).
** The result owns its strings ("" when the data has none), freed by
** econ_ledger_release.
*/
#ifndef STYR_STORE_ECONOMY_LEDGER_H
#define STYR_STORE_ECONOMY_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/date.h"
#include "base/error.h"
#include "base/money.h"

struct store;

struct econ_ledger_line {
	char *line;              /* report line (kontotext) */
	money_t outcome;         /* from the ledger */
	bool has_stated;         /* a drift line of the occasion has the name */
	money_t stated;          /* its outcome as stored */
};

struct econ_ledger_account {
	char *number;
	char *name;              /* "" when the file gives none */
	money_t amount;
};

struct econ_ledger {
	int year;
	char *mapping;
	int64_t import_id;
	char *format;            /* "sie" or "csv" */
	char *file;              /* as given to `styr import sie|csv` */
	bool builtin;            /* the ranges are the built-in Kommun-Bas mapping */
	struct date start, until;
	char *occasion;          /* occasion whose cut-off is `until`, or "" */
	struct econ_ledger_line *lines;      /* by first account of their ranges */
	size_t nlines;
	struct econ_ledger_account *unmapped; /* by account number */
	size_t nunmapped;
	money_t total;           /* every result account, mapped or not */
};

/* Compute the ledger outcome of `year` per report line of `mapping` up to
** `until` (NULL: the end of the fiscal year). STYR_ENOTFOUND when no
** import holds the year's outcome or the mapping has no ranges;
** STYR_EINVAL when `until` lies outside the fiscal year, or cuts a month
** of a CSV import. Release with
** econ_ledger_release() (also after a failure). */
enum styr_rc econ_ledger_get(struct store *s, int year, const struct date *until,
                             const char *mapping, struct econ_ledger *out,
                             struct styr_error *err);
void econ_ledger_release(struct econ_ledger *l);

#endif
