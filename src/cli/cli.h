/*
** cli.h — the `styr` front door: command descriptors and shared helpers.
**
** One file per command (tmux/git style): cmd_<name>.c exports a
** `const struct cli_command cmd_<name>` and commands.c lists it. A command
** gets a context (no globals), parses its arguments with cli_parse(),
** calls store and core, and prints. No business rule lives here.
**
** Exit status: 0 success, 1 findings (styr check), 2 bad input or failure.
*/
#ifndef STYR_CLI_H
#define STYR_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "base/error.h"
#include "base/jsonw.h"

struct store;

struct cli_ctx {
	FILE *out;   /* standard output */
	FILE *err;   /* standard error */
};

struct cli_command {
	const char *name;     /* "load" */
	const char *summary;  /* one line for `styr help` */
	const char *usage;    /* full usage text for `styr <name> --help` */
	int (*run)(struct cli_ctx *ctx, int argc, char **argv); /* argv[0] is the name */
};

/* The registry (commands.c), in the order `styr help` lists them. */
const struct cli_command *const *cli_commands(size_t *count);
const struct cli_command *cli_command_find(const char *name);

/* An option of a command. Exactly one of value, flag, values is set. */
struct cli_opt {
	const char *name;       /* "--year", or a short "-o" */
	const char **value;     /* takes one value, stored here */
	bool *flag;             /* no value; set to true */
	const char **values;    /* takes a value, may repeat: up to max */
	int *nvalues;
	int max;
};

/* Parse argv[1..] into options and positional arguments (at most maxpos,
** at least minpos). Returns 0 to go on, CLI_HELP_SHOWN when --help was
** asked (usage printed to out), or 2 after printing a usage error. */
#define CLI_HELP_SHOWN (-1)
int cli_parse(struct cli_ctx *ctx, const struct cli_command *cmd, int argc,
              char **argv, const struct cli_opt *opts, const char **pos,
              int minpos, int maxpos, int *npos);

/* Print "styr <cmd>: <message>" and the usage line; returns 2. */
int cli_usage_error(struct cli_ctx *ctx, const struct cli_command *cmd,
                    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Run the subcommand argv[1] of parent: subs[0..n) are descriptors named
** "<parent> <sub>" and get argv from the subcommand on. With no
** subcommand, or an unknown one, print the parent's usage and the list of
** subcommands to err and return 2; with --help or -h print them to out and
** return CLI_HELP_SHOWN. Otherwise the subcommand's exit status. */
int cli_run_subcommand(struct cli_ctx *ctx, const struct cli_command *parent,
                       const struct cli_command *const *subs, size_t n,
                       int argc, char **argv);

/* Print "styr: <err->msg>"; returns the exit status for err->code. */
int cli_fail(struct cli_ctx *ctx, const struct styr_error *err);

/* Open a database for a command (never creating it). */
enum styr_rc cli_open_store(const char *path, bool readonly, struct store **out,
                            struct styr_error *err);

/* A pretty JSON writer on ctx->out. */
void cli_json_init(struct cli_ctx *ctx, struct jsonw *w);

/* Print s padded with spaces to width columns, counting UTF-8 characters
** rather than bytes ("Laxå" is four): cli_put_left puts the spaces after s,
** cli_put_right before it. A longer s is printed whole. */
void cli_put_left(FILE *out, const char *s, int width);
void cli_put_right(FILE *out, const char *s, int width);

/* Parse a year argument ("2020"); false when it is not a year. */
bool cli_parse_year(const char *s, int *year);

/* Registered commands. */
extern const struct cli_command cmd_help, cmd_init, cmd_load, cmd_dump, cmd_calendar,
	cmd_check, cmd_log;

#endif
