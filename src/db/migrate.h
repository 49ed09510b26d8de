/*
** migrate.h — numbered schema migrations, applied when a database opens.
**
** Each domain module owns one or more migrations (schema_<module>.c) and
** lists them in its module descriptor (module.h); the database layer owns
** its own (schema_db.c). A migration is applied once, in its own
** transaction, and recorded in schema_migrations; a database holding a
** version this binary does not know is refused (it was written by a newer
** styr). Numbers are never reused or changed once landed.
*/
#ifndef STYR_MIGRATE_H
#define STYR_MIGRATE_H

#include <stddef.h>

#include "base/error.h"

struct store;

struct migration {
	int version;
	const char *name;
	const char *sql;
};

/* PRAGMA application_id of a styr database: "styr" in ASCII. */
#define STYR_APPLICATION_ID 0x73747972

/* Identify the database, refuse foreign or newer ones, apply what is
** missing. A refused database is not modified. */
enum styr_rc migrate_apply(struct store *s, unsigned flags, struct styr_error *err);

/* The database layer's own migrations (schema_db.c), NULL-terminated:
** change sets and row versions. Numbered in the one global sequence. */
extern const struct migration *const store_db_migrations[];

/* The database layer's and every module's migrations (module.h) sorted by
** version (registry.c). */
const struct migration *const *store_migrations(size_t *count);

#endif
