/*
** pool.h — a pool of open stores for a server with many threads (the web
** application), and transactions that retry.
**
** A pool holds up to `size` stores on one database, opened as needed and
** kept open: store_pool_get hands one to the calling thread alone (waiting
** while all are in use), store_pool_put gives it back. A store is used by
** one thread at a time; the pool is the only part that is shared. On
** SQLite every store is a connection to the same file (writers take turns
** at the file's lock); on PostgreSQL each is a server connection, and
** writers run side by side, serialized row by row.
*/
#ifndef STYR_POOL_H
#define STYR_POOL_H

#include <stddef.h>

#include "base/error.h"

struct store;
struct store_pool;

/* A pool of up to size (1-1024) stores on path, opened with flags
** (store_open's). The first store is opened now, so a database that
** cannot be opened is refused here with store_open's message. */
enum styr_rc store_pool_new(const char *path, unsigned flags, size_t size,
                            struct store_pool **out, struct styr_error *err);

/* Close every store (none may be out) and free the pool. */
void store_pool_free(struct store_pool *p);

/* A store for this thread alone, waiting up to $STYR_BUSY_TIMEOUT (as
** store_open reads it) for one to come back; STYR_EBUSY after that. The
** user and command of the store are reset to "styr" and none. */
enum styr_rc store_pool_get(struct store_pool *p, struct store **out, struct styr_error *err);

/* Give s back. A store left inside a transaction is rolled back; one
** whose connection broke is closed and reopened at a later get. */
void store_pool_put(struct store_pool *p, struct store *s);

/* Run fn(ctx) inside one transaction on s and commit it, again from the
** start when the database refused it for a conflict with another writer
** that a new attempt may not meet (a PostgreSQL serialization failure or
** deadlock), as store_retry (store.h) says: up to STORE_RETRIES times
** more, waiting a little longer each time. fn must do nothing outside the
** store that a retry would repeat. Any other failure is returned as it
** is, with the transaction rolled back. */
enum styr_rc store_transaction(struct store *s,
                               enum styr_rc (*fn)(struct store *s, void *ctx,
                                                  struct styr_error *err),
                               void *ctx, struct styr_error *err);

#endif
