/*
** checks.h — every consistency check of `styr check`, module by module.
*/
#ifndef STYR_CHECKS_H
#define STYR_CHECKS_H

#include "core/error.h"
#include "core/findings.h"

struct store;

typedef enum styr_rc (*store_check_fn)(struct store *s, struct findings *f,
                                       struct styr_error *err);

struct store_check {
	const char *name;    /* module, e.g. "organisation" */
	store_check_fn run;
};

/* The registry (checks.c). */
const struct store_check *store_checks(size_t *count);

/* Run every check; findings accumulate in f. */
enum styr_rc store_check_all(struct store *s, struct findings *f,
                             struct styr_error *err);

#endif
