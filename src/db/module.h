/*
** module.h — what a domain module brings to styr, and the one list of them.
**
** A domain module is a folder (src/org, src/goals, ...) holding its pure
** rules, its schema and data sections, its domain calls, its checks, the
** document sections it contributes and its commands. It describes itself
** once in a `const struct module` (<name>/module_<name>.c), and the
** program lists every module in dependency order in src/modules.c. The
** database layer reads migrations, sections and checks from that list;
** the command line reads commands from it. Nothing below the modules
** includes a module header: adding a module is a folder plus one line in
** src/modules.c.
*/
#ifndef STYR_MODULE_H
#define STYR_MODULE_H

#include <stddef.h>

#include "base/error.h"
#include "base/findings.h"

struct store;
struct migration;
struct section_desc;
struct cli_command;

/* Consistency check of one module for `styr check`: findings accumulate
** in f; a non-OK return means the check itself could not run. */
typedef enum styr_rc (*module_check_fn)(struct store *s, struct findings *f,
                                        struct styr_error *err);

struct module {
	const char *name;          /* folder name: "goals" */
	const char *title;         /* what it holds, for people: "goals and indicators" */
	const char *title_sv;      /* the same in Swedish, for the web: "Mål och indikatorer" */
	/* Modules this one uses beyond the foundation (base, db, doc, org);
	** NULL-terminated. Only these may be included (tests/check_layers). */
	const char *const *depends;
	/* Its schema migrations (NULL-terminated). Versions are global and
	** never reused: the next free number is one more than the highest in
	** any module (store_schema_latest). */
	const struct migration *const *migrations;
	/* Its data sections in dependency order (NULL-terminated); a section
	** may refer to sections of this module above it and of the modules it
	** depends on. */
	const struct section_desc *const *sections;
	module_check_fn check;     /* NULL when it has none */
	/* Its `styr` commands in help order (NULL-terminated). */
	const struct cli_command *const *commands;
};

/* Every module of this program in dependency order, NULL-terminated.
** Defined by the program (src/modules.c), not by any library, so a test
** may link its own list. */
extern const struct module *const styr_modules[];

/* The module named name, or NULL. */
const struct module *module_find(const char *name);

#endif
