/*
** checks.c — registry of `styr check` checks (see checks.h). One line per
** module; each module's check lives beside its other domain calls.
*/
#include "store/checks.h"

#include <stddef.h>

#include "store/control.h"
#include "store/org.h"
#include "store/meetings.h" /* meetings and protocols */
#include "store/goals.h"
#include "store/economy.h"

static const struct store_check registry[] = {
	{ "organisation", org_check },
	/* goals and indicators */
	{ "goals and indicators", goals_check },
	{ "economy", economy_check },
	{ "cases, assignments, internal control", control_check },
	{ "meetings and protocols", meetings_check },
	/* reports */
};

const struct store_check *store_checks(size_t *count)
{
	*count = sizeof(registry) / sizeof(registry[0]);
	return registry;
}

enum styr_rc store_check_all(struct store *s, struct findings *f,
                             struct styr_error *err)
{
	size_t n;
	const struct store_check *c = store_checks(&n);
	for(size_t i = 0; i < n; i++) {
		enum styr_rc rc = c[i].run(s, f, err);
		if(rc) {
			styr_error_prefix(err, "check %s", c[i].name);
			return rc;
		}
	}
	return STYR_OK;
}
