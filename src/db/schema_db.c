/*
** schema_db.c — the database layer's own migration: change sets, the
** audit log's link to them, and row versions.
**
** These tables belong to no module: the store fills them at every commit
** (changes.c) for the rows of every section, so a new module's tables are
** logged, versioned and undoable without a line of its own. Row versions
** sit in one table keyed by table name and row id rather than in a column
** of every module's table, for the same reason. Like the audit log, change
** sets are append-only.
*/
#include "db/migrate.h"

static const struct migration migration_change_sets = { 10, "change sets and row versions",
	"CREATE TABLE change_set("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL, who TEXT NOT NULL, command TEXT,"
	"  undoes INTEGER REFERENCES change_set(id));"
	"CREATE TRIGGER change_set_no_update BEFORE UPDATE ON change_set"
	"  BEGIN SELECT RAISE(ABORT, 'change_set is append-only'); END;"
	"CREATE TRIGGER change_set_no_delete BEFORE DELETE ON change_set"
	"  BEGIN SELECT RAISE(ABORT, 'change_set is append-only'); END;"
	/* An entry of a section's row names the section and the row's id, so
	** undo can put the row back as it was; other entries (a ledger import)
	** leave them null. Entries from before change sets have none. */
	"ALTER TABLE audit_log ADD COLUMN change_set INTEGER REFERENCES change_set(id);"
	"ALTER TABLE audit_log ADD COLUMN section TEXT;"
	"ALTER TABLE audit_log ADD COLUMN row_id INTEGER;"
	"CREATE INDEX audit_log_change_set ON audit_log(change_set);"
	"CREATE INDEX audit_log_row ON audit_log(tbl, row_id);"
	/* The version of a row and the change set that last wrote it. A row
	** with no entry has version 1 (stored before versions were kept). */
	"CREATE TABLE row_version("
	"  tbl TEXT NOT NULL, row_id INTEGER NOT NULL,"
	"  version INTEGER NOT NULL CHECK(version >= 1),"
	"  change_set INTEGER NOT NULL REFERENCES change_set(id),"
	"  PRIMARY KEY(tbl, row_id)) WITHOUT ROWID;"
};

const struct migration *const store_db_migrations[] = {
	&migration_change_sets,
	NULL
};
