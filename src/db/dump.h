/*
** dump.h — write the whole database as one JSON data document, in the
** form `styr load` reads: sections in registry order, rows in each
** section's key order, keys in field order, null fields left out. So
** load -> dump -> load -> dump gives the same bytes.
*/
#ifndef STYR_DUMP_H
#define STYR_DUMP_H

#include "base/error.h"
#include "base/jsonw.h"

struct store;

enum styr_rc dump_store(struct store *s, struct jsonw *w, struct styr_error *err);

#endif
