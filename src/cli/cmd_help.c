/*
** cmd_help.c — `styr help [COMMAND]`.
*/
#include <string.h>

#include "cli/cli.h"

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	size_t n;
	const struct cli_command *const *all = cli_commands(&n);

	if(argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		fputs(cmd_help.usage, ctx->out);
		return 0;
	}
	if(argc >= 2) {
		const struct cli_command *c = cli_command_find(argv[1]);
		if(!c) {
			fprintf(ctx->err, "styr: '%s' is not a styr command\n", argv[1]);
			return 2;
		}
		/* The same screen as `styr COMMAND --help`, subcommands included. */
		char *args[] = { argv[1], "--help", NULL };
		return cli_run(ctx, c, 2, args);
	}
	fputs("usage: styr <command> [options] [arguments]\n\n"
	      "styr keeps a Swedish municipal committee's goals, economy, internal\n"
	      "control, assignments and meetings, and produces its reports.\n\n"
	      "Commands:\n", ctx->out);
	for(size_t i = 0; i < n; i++)
		fprintf(ctx->out, "  %-12s %s\n", all[i]->name, all[i]->summary);
	fputs("\nRun 'styr <command> --help' for the options of a command.\n", ctx->out);
	return 0;
}

const struct cli_command cmd_help = {
	"help", "list the commands, or show the usage of one",
	"usage: styr help [COMMAND]\n",
	run
};
