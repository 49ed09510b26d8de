/*
** changes.h — the change capture behind store_begin/store_commit, for the
** database layer only (store.c); callers see it through store.h and
** section.h (store_pending_changes, store_undo).
**
** At the first transaction of a writable store, a temporary table and
** temporary triggers on every section's table (nothing is written to the
** database file) note each row an INSERT, UPDATE or DELETE touches, in the
** order first touched. At commit each noted row is read as it was (on a
** second, read-only connection, which sees the committed state the write
** lock keeps unchanged) and as it is, both in data-file form; a row that
** differs becomes an audit entry of the current change set, and its
** version goes up. So a module's own SQL is logged and versioned exactly
** like the generic row operations.
*/
#ifndef STYR_CHANGES_H
#define STYR_CHANGES_H

#include <stdint.h>

#include "base/error.h"

struct store;

/* Create the temporary table and triggers (once per connection). */
enum styr_rc changes_install(struct store *s, struct styr_error *err);

/* Forget the rows noted so far (the start of a transaction). */
enum styr_rc changes_reset(struct store *s, struct styr_error *err);

/* Log the changed rows of the open transaction in the change set (made
** when there is a first change) and raise their versions. */
enum styr_rc changes_record(struct store *s, struct styr_error *err);

/* The open change set, made now when there is none. */
enum styr_rc changes_change_set(struct store *s, int64_t *id, struct styr_error *err);

/* Append an audit entry to the open change set. */
enum styr_rc changes_audit(struct store *s, const char *table, const char *key,
                           const char *old_value, const char *new_value,
                           const char *section, int64_t row_id, struct styr_error *err);

/* Open s->snap, the read-only connection on the committed state. */
enum styr_rc store_open_snapshot(struct store *s, struct styr_error *err);

#endif
