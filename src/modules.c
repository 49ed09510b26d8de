/*
** modules.c — the domain modules of the `styr` program, in dependency
** order: a module may use only those above it (module.h). Adding a module
** is its folder plus one line here. The last, web, is the web front door.
*/
#include <stddef.h>

#include "db/module.h"

#define STYR_MODULES(X) \
	X(org)          \
	X(ledger)       \
	X(goals)        \
	X(economy)      \
	X(control)      \
	X(meetings)     \
	X(ops)          \
	X(reports)      \
	X(web)

#define DECLARE(name) extern const struct module module_##name;
#define LIST(name) &module_##name,

STYR_MODULES(DECLARE)

const struct module *const styr_modules[] = { STYR_MODULES(LIST) NULL };
