/*
** migrate.c — apply schema migrations at open (see migrate.h).
*/
#include "db/migrate.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"

#include "db/store.h"

int store_schema_latest(void)
{
	size_t n;
	const struct migration *const *all = store_migrations(&n);
	return n ? all[n - 1]->version : 0;
}

static const struct migration *find_migration(int version)
{
	size_t n;
	const struct migration *const *all = store_migrations(&n);
	for(size_t i = 0; i < n; i++)
		if(all[i]->version == version)
			return all[i];
	return NULL;
}

static enum styr_rc apply_one(struct store *s, const struct migration *m,
                              struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_begin(s, err);
	if(rc)
		return rc;
	rc = store_exec(s, m->sql, err);
	if(!rc)
		rc = store_prepare(s, "INSERT INTO schema_migrations(version, name) VALUES(?, ?)", &st, err);
	if(!rc) {
		stmt_bind_int(st, 1, m->version);
		stmt_bind_text(st, 2, m->name);
		rc = stmt_step(st, &row, err);
		stmt_finalize(st);
	}
	if(!rc)
		rc = store_commit(s, err);
	if(rc) {
		store_rollback(s);
		styr_error_prefix(err, "migration %d (%s)", m->version, m->name);
	}
	return rc;
}

enum styr_rc migrate_apply(struct store *s, unsigned flags, struct styr_error *err)
{
	int64_t app_id = 0, objects = 0, max_applied = 0;
	int *applied = NULL;
	size_t napplied = 0, applied_alloc = 0;
	enum styr_rc rc;
	bool fresh;

	rc = s->drv->identity(s, &app_id, &objects, err);
	if(rc)
		return rc; /* the driver's message says why: read-only, damaged … */
	fresh = app_id == 0 && objects == 0;
	if(!fresh && (flags & STORE_NEW))
		return styr_error_set(err, STYR_ECONFLICT, "%s: already exists and is not an empty "
		                      "database; it is never overwritten", s->path);
	if(!fresh && app_id != STYR_APPLICATION_ID)
		return styr_error_set(err, STYR_EDB,
		                      "%s: not a styr database (application id %lld, expected %d)",
		                      s->path, (long long)app_id, STYR_APPLICATION_ID);
	if(fresh && !(flags & STORE_CREATE))
		return styr_error_set(err, STYR_EDB,
		                      "%s: not a styr database (empty file; create one with 'styr init')",
		                      s->path);

	/* The versions applied, read once: any this binary lacks means a
	** newer styr wrote the database. */
	if(!fresh) {
		struct store_stmt *st = NULL;
		bool row;
		rc = store_prepare(s, "SELECT version FROM schema_migrations ORDER BY version", &st, err);
		while(!rc && !(rc = stmt_step(st, &row, err)) && row) {
			int v = (int)stmt_int(st, 0);
			if(!find_migration(v)) {
				stmt_finalize(st);
				free(applied);
				return styr_error_set(err, STYR_EDB,
				    "%s: database schema version %d is newer than this styr "
				    "(it knows up to %d); upgrade styr", s->path, v,
				    store_schema_latest());
			}
			ALLOC_GROW(applied, napplied, applied_alloc);
			applied[napplied++] = v;
			if(v > max_applied)
				max_applied = v;
		}
		if(st)
			stmt_finalize(st);
		if(rc) {
			free(applied);
			return styr_error_set(err, STYR_EDB, "%s: damaged styr database: %s",
			                      s->path, err->msg);
		}
	}
	if(flags & STORE_READONLY) {
		free(applied);
		s->schema_version = (int)max_applied;
		return s->drv->setup(s, true, err);
	}
	rc = s->drv->setup(s, false, err);
	/* A new database is made in one transaction (each migration nests in
	** it): an init killed half-way leaves an empty database, which the
	** next init takes, never a half-made one that every command refuses. */
	if(!rc && fresh)
		rc = store_begin(s, err);
	if(!rc && fresh) {
		rc = s->drv->set_identity(s, STYR_APPLICATION_ID, err);
		if(!rc)
			rc = store_exec(s,
			    "CREATE TABLE schema_migrations(version INTEGER PRIMARY KEY,"
			    " name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (datetime('now')))",
			    err);
	}
	size_t nmig;
	const struct migration *const *migrations = store_migrations(&nmig);
	for(size_t i = 0; !rc && i < nmig; i++) {
		bool have = false;
		for(size_t k = 0; k < napplied && !have; k++)
			have = applied[k] == migrations[i]->version;
		if(have)
			continue;
		rc = apply_one(s, migrations[i], err);
		if(!rc && migrations[i]->version > max_applied)
			max_applied = migrations[i]->version;
	}
	free(applied);
	if(fresh && store_in_transaction(s)) {
		if(!rc)
			rc = store_commit(s, err);
		if(rc)
			store_rollback(s);
	}
	s->schema_version = (int)max_applied;
	return rc;
}
