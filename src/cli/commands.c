/*
** commands.c — the registry of `styr` commands, in help order.
** One line per command; each module adds its own block.
*/
#include <string.h>

#include "cli/cli.h"

extern const struct cli_command cmd_meeting; /* meetings and protocols */

/* Descriptors of the module commands, one block per module (the
** foundation's are declared in cli.h). */
/* calendar */
extern const struct cli_command cmd_calendar;
/* goals and indicators */
extern const struct cli_command cmd_goals, cmd_value, cmd_assess, cmd_plan;
/* economy */
extern const struct cli_command cmd_economy;
/* ledger import */
extern const struct cli_command cmd_import;
/* cases, assignments, internal control */
extern const struct cli_command cmd_case, cmd_assignments, cmd_control;
/* meetings and protocols */
/* reports */
extern const struct cli_command cmd_report;

static const struct cli_command *const registry[] = {
	/* foundation */
	&cmd_help,
	&cmd_init,
	&cmd_load,
	&cmd_dump,
	&cmd_check,
	&cmd_org,
	&cmd_log,

	/* calendar */
	&cmd_calendar,

	/* goals and indicators */
	&cmd_goals,
	&cmd_value,
	&cmd_assess,
	&cmd_plan,

	/* economy */
	&cmd_economy,

	/* ledger import */
	&cmd_import,

	/* cases, assignments, internal control */
	&cmd_case,
	&cmd_assignments,
	&cmd_control,

	/* meetings and protocols */
	&cmd_meeting,

	/* reports */
	&cmd_report,
};

const struct cli_command *const *cli_commands(size_t *count)
{
	*count = sizeof(registry) / sizeof(registry[0]);
	return registry;
}

const struct cli_command *cli_command_find(const char *name)
{
	for(size_t i = 0; i < sizeof(registry) / sizeof(registry[0]); i++)
		if(!strcmp(registry[i]->name, name))
			return registry[i];
	return NULL;
}
