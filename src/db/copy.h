/*
** copy.h — copy a whole database into a new one, between stores of
** either kind (SQLite file, PostgreSQL).
**
** Every table of styr's data is copied row by row as stored, ids and all:
** the sections, the audit log, change sets and row versions, ledger
** imports. The copy is made in one transaction on the target, which is
** new (a file that does not exist or is empty, or a PostgreSQL database
** or schema without tables) and gets the same schema version; the copy
** itself is no change of the target's log. A dump of the copy equals a
** dump of the source, byte for byte.
*/
#ifndef STYR_COPY_H
#define STYR_COPY_H

#include <stddef.h>

#include "base/error.h"

struct store;

struct copy_stats {
	size_t tables, rows;
};

/* Copy src into the new database at dst_path. On failure nothing of the
** source's data is in the target (a file this call made is removed). */
enum styr_rc store_copy(struct store *src, const char *dst_path, struct copy_stats *stats,
                        struct styr_error *err);

#endif
