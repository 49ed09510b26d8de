/*
** checks.h — `styr check`: every module's consistency check (module.h),
** run in module order.
*/
#ifndef STYR_CHECKS_H
#define STYR_CHECKS_H

#include "base/error.h"
#include "base/findings.h"

struct store;

/* Run every module's check; findings accumulate in f. On failure err
** names the module whose check could not run. */
enum styr_rc store_check_all(struct store *s, struct findings *f,
                             struct styr_error *err);

#endif
