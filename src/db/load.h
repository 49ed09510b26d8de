/*
** load.h — read styr's JSON data documents into the store.
**
** A document is a JSON object whose keys are section names (section.h)
** and whose values are arrays of rows. `path` is one file or a directory,
** whose *.json files are read in name order. All files are parsed first;
** then every section is loaded in registry order, file by file, in ONE
** transaction: either everything lands or the database is unchanged.
**
** Loading applies the files: a row whose key is new is added, a stored
** row with the same key gets the file's values field by field (a field
** the row leaves out becomes null), an unchanged row is not written at
** all — so loading the same files twice changes nothing and logs nothing.
** Two rows with the same key in the files are refused.
**
** Errors read "file:line: key: what was expected", or "file:line: record:
** rule" when a rule of the section refuses the row. The format is
** described for people in docs/data-format.md, editing in docs/editing.md.
*/
#ifndef STYR_LOAD_H
#define STYR_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "base/error.h"

struct store;

#include "db/section.h"

struct load_stats {
	size_t files;
	size_t rows;       /* rows in the files */
	size_t added, changed, unchanged;
	size_t removed;    /* by prune */
};

struct load_options {
	/* Also remove the stored rows of each section the files hold that no
	** file names any more (children first; a row other sections still
	** refer to is refused, naming them). */
	bool prune;
	/* Do everything, report it through `changes`, then roll back. */
	bool dry_run;
	/* Called (may be NULL) for each changed row before the commit or the
	** dry run's rollback. */
	row_change_fn changes;
	void *ctx;
};

/* Load path with options; stats counts what it did (or would do). */
enum styr_rc load_apply(struct store *s, const char *path, const struct load_options *opt,
                        struct load_stats *stats, struct styr_error *err);

/* load_apply without options. */
enum styr_rc load_path(struct store *s, const char *path, struct load_stats *stats,
                       struct styr_error *err);

/* Read a whole file into memory (caller frees *buf). Used by importers. */
enum styr_rc read_file(const char *path, char **buf, size_t *len,
                       struct styr_error *err);

#endif
