/*
** economy_doc.h — the document sections of the economy module (sec_economy.c),
** drawn by the reports and by `styr economy` alike.
*/
#ifndef STYR_ECONOMY_DOC_H
#define STYR_ECONOMY_DOC_H

#include <stdbool.h>
#include <stdint.h>

#include "base/error.h"
#include "doc/doc.h"

struct store;
struct occasion;

/* Economy sections (sec_economy.c). Each appends its table and sets
** *found, or appends nothing and sets *found false when the store holds
** no such data for the occasion/year. */
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
