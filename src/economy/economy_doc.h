/*
** economy_doc.h — the document sections of the economy module (sec_economy.c),
** drawn by the reports and by `styr economy` alike: one table definition
** for the operating account, the investment tables, the capital costs of
** an investment budget and the split of a year's result.
*/
#ifndef STYR_ECONOMY_DOC_H
#define STYR_ECONOMY_DOC_H

#include <stdbool.h>
#include <stdint.h>

#include "base/error.h"
#include "doc/doc.h"

struct store;
struct occasion;

/* How a section is drawn (bits of `flags`). The reports draw each table
** as its document prints it (0); `styr economy` asks for the detail. */
enum economy_doc_flags {
	/* Every figure styr has, not only those the document prints: deviation
	** and percent used in every investment table that has budget and
	** outcome, and
	** under each table a list of the figures the data states where they
	** differ from what styr shows (which the reports keep in the cells'
	** sources), with the range of a capital cost the data leaves open. */
	ECONOMY_DOC_DETAIL = 1u << 0,
};

/*
** Economy sections. Each appends its table(s) and sets *found, or appends
** nothing and sets *found false when the store holds no such data for the
** occasion/year; err then says so (code STYR_ENOTFOUND) though the call
** returns STYR_OK. Any other failure is returned with nothing appended.
**
** caption: the table's caption (the sheet name in XLSX); first_col: the
** title of the operating account's name column. The calls without _with
** are the _with calls with flags 0.
*/
enum styr_rc economy_doc_drift_with(struct doc *d, struct store *s, const struct occasion *o,
                                    const char *caption, const char *first_col,
                                    unsigned flags, bool *found, struct styr_error *err);
enum styr_rc economy_doc_invest_with(struct doc *d, struct store *s, const struct occasion *o,
                                     const char *caption, unsigned flags, bool *found,
                                     struct styr_error *err);
enum styr_rc economy_doc_capital_with(struct doc *d, struct store *s, int year,
                                      unsigned flags, bool *found, struct styr_error *err);
enum styr_rc economy_doc_split_with(struct doc *d, struct store *s, int year,
                                    unsigned flags, bool *found, struct styr_error *err);

enum styr_rc economy_doc_drift(struct doc *d, struct store *s, const struct occasion *o,
                               const char *caption, const char *first_col,
                               bool *found, struct styr_error *err);
enum styr_rc economy_doc_invest(struct doc *d, struct store *s, const struct occasion *o,
                                const char *caption, bool *found, struct styr_error *err);
enum styr_rc economy_doc_capital(struct doc *d, struct store *s, int year,
                                 bool *found, struct styr_error *err);
enum styr_rc economy_doc_split(struct doc *d, struct store *s, int year, bool *found,
                               struct styr_error *err);

#endif
