/*
** sections.c — the registry of data sections, in dependency order: a
** section may refer only to sections above it. One block per module.
*/
#include <string.h>

#include "store/org.h"
#include "store/section.h"

static const struct section_desc *const registry[] = {
	/* foundation */
	&section_municipalities,
	&section_committee,
	&section_population,
	&section_persons,
	&section_roles,
	&section_occasions,

	/* goals and indicators */

	/* economy */

	/* cases, assignments, internal control */

	/* meetings and protocols */

	/* reports (narrative texts) */
};

const struct section_desc *const *store_sections(size_t *count)
{
	*count = sizeof(registry) / sizeof(registry[0]);
	return registry;
}

const struct section_desc *store_section_find(const char *name)
{
	for(size_t i = 0; i < sizeof(registry) / sizeof(registry[0]); i++)
		if(!strcmp(registry[i]->name, name))
			return registry[i];
	return NULL;
}
