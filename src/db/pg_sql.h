/*
** pg_sql.h — rewriting styr's SQL text for PostgreSQL (pg_sql.c lists
** each rewrite). For the PostgreSQL driver only.
*/
#ifndef STYR_PG_SQL_H
#define STYR_PG_SQL_H

#include <stdbool.h>
#include <stdint.h>

#include "base/strbuf.h"

/* Append to out the PostgreSQL text of sql (one or more statements
** separated by ';'); *nparams is the highest parameter number used and
** *used (when not NULL) is a new array of *nparams flags, [n-1] true for
** each $n used; the caller frees it. */
void pg_sql_translate(const char *sql, struct strbuf *out, int *nparams, bool **used);

#endif
