/*
** load.h — read styr's JSON data documents into the store.
**
** A document is a JSON object whose keys are section names (section.h)
** and whose values are arrays of rows. `path` is one file or a directory,
** whose *.json files are read in name order. All files are parsed first;
** then every section is loaded in registry order, file by file, in ONE
** transaction: either everything lands or the database is unchanged.
**
** Errors read "file:line: key: what was expected". The format is described
** for people in docs/data-format.md.
*/
#ifndef STYR_LOAD_H
#define STYR_LOAD_H

#include <stddef.h>

#include "base/error.h"

struct store;

struct load_stats {
	size_t files;
	size_t rows;
};

enum styr_rc load_path(struct store *s, const char *path, struct load_stats *stats,
                       struct styr_error *err);

/* Read a whole file into memory (caller frees *buf). Used by importers. */
enum styr_rc read_file(const char *path, char **buf, size_t *len,
                       struct styr_error *err);

#endif
