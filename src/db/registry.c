/*
** registry.c — the database layer's view of the module list (module.h):
** every module's sections, migrations and checks, gathered in module
** order, the database layer's own migrations first. The lists are gathered once, at the first call; store_open makes
** that call, so a program has them before it starts any thread.
*/
#include "db/module.h"

#include <stdlib.h>
#include <string.h>

#include "db/checks.h"
#include "db/migrate.h"
#include "db/section.h"

/* Upper bounds of the gathered lists; module_registry_test checks them. */
#define MAX_SECTIONS   256
#define MAX_MIGRATIONS 256

static const struct section_desc *sections[MAX_SECTIONS];
static size_t nsections;
static const struct migration *migrations[MAX_MIGRATIONS];
static size_t nmigrations;
static int gathered;

static int by_version(const void *a, const void *b)
{
	const struct migration *x = *(const struct migration *const *)a;
	const struct migration *y = *(const struct migration *const *)b;
	return (x->version > y->version) - (x->version < y->version);
}

static void gather(void)
{
	if(gathered)
		return;
	for(const struct migration *const *g = store_db_migrations; *g; g++)
		if(nmigrations < MAX_MIGRATIONS)
			migrations[nmigrations++] = *g;
	for(const struct module *const *m = styr_modules; *m; m++) {
		for(const struct section_desc *const *d = (*m)->sections; d && *d; d++)
			if(nsections < MAX_SECTIONS)
				sections[nsections++] = *d;
		for(const struct migration *const *g = (*m)->migrations; g && *g; g++)
			if(nmigrations < MAX_MIGRATIONS)
				migrations[nmigrations++] = *g;
	}
	qsort(migrations, nmigrations, sizeof(migrations[0]), by_version);
	gathered = 1;
}

const struct module *module_find(const char *name)
{
	for(const struct module *const *m = styr_modules; *m; m++)
		if(!strcmp((*m)->name, name))
			return *m;
	return NULL;
}

const struct section_desc *const *store_sections(size_t *count)
{
	gather();
	*count = nsections;
	return sections;
}

const struct section_desc *store_section_find(const char *name)
{
	gather();
	for(size_t i = 0; i < nsections; i++)
		if(!strcmp(sections[i]->name, name))
			return sections[i];
	return NULL;
}

const struct section_desc *store_section_by_table(const char *table)
{
	gather();
	for(size_t i = 0; i < nsections; i++)
		if(!strcmp(sections[i]->table, table))
			return sections[i];
	return NULL;
}

const struct migration *const *store_migrations(size_t *count)
{
	gather();
	*count = nmigrations;
	return migrations;
}

enum styr_rc store_check_all(struct store *s, struct findings *f,
                             struct styr_error *err)
{
	for(const struct module *const *m = styr_modules; *m; m++) {
		if(!(*m)->check)
			continue;
		enum styr_rc rc = (*m)->check(s, f, err);
		if(rc) {
			styr_error_prefix(err, "check %s", (*m)->title);
			return rc;
		}
	}
	return STYR_OK;
}
