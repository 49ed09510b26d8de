/*
** commands.c — the `styr` commands in help order: the foundation's own
** (below), then each module's in module order (module.h). Gathered once,
** at the first call, before any thread starts.
*/
#include <string.h>

#include "cli/cli.h"
#include "db/module.h"

static const struct cli_command *const foundation[] = {
	&cmd_help, &cmd_init, &cmd_load, &cmd_dump, &cmd_show, &cmd_list, &cmd_set, &cmd_rm,
	&cmd_undo, &cmd_log, &cmd_check, &cmd_copy, &cmd_calendar,
};

#define MAX_COMMANDS 128

static const struct cli_command *registry[MAX_COMMANDS];
static size_t ncommands;

static void add(const struct cli_command *c)
{
	if(ncommands < MAX_COMMANDS)
		registry[ncommands++] = c;
}

const struct cli_command *const *cli_commands(size_t *count)
{
	if(!ncommands) {
		for(size_t i = 0; i < sizeof(foundation) / sizeof(foundation[0]); i++)
			add(foundation[i]);
		for(const struct module *const *m = styr_modules; *m; m++)
			for(const struct cli_command *const *c = (*m)->commands; c && *c; c++)
				add(*c);
	}
	*count = ncommands;
	return registry;
}

const struct cli_command *cli_command_find(const char *name)
{
	size_t n;
	const struct cli_command *const *all = cli_commands(&n);
	for(size_t i = 0; i < n; i++)
		if(!strcmp(all[i]->name, name))
			return all[i];
	return NULL;
}
