/*
** cli.h — the `styr` front door: command descriptors and shared helpers.
**
** One file per command (tmux/git style): cmd_<name>.c exports a
** `const struct cli_command cmd_<name>`; the foundation's are listed in
** commands.c, a module's in its descriptor (db/module.h). A command gets
** a context (no globals), parses its arguments with cli_parse(), calls its
** module and prints. No business rule lives here.
**
** The frame owns the database: a descriptor says whether its command
** reads or writes one (and which argument names it); cli_parse opens it
** into ctx->store with the audit user of ctx->user and the command line
** of ctx->command (so all a command writes is one change set), and main
** closes it after the command has run. A command never opens or closes a
** store.
**
** Exit status: 0 success, 1 findings (styr check), 2 bad input or failure.
*/
#ifndef STYR_CLI_H
#define STYR_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/error.h"
#include "base/jsonw.h"

struct store;

struct cli_ctx {
	FILE *out;           /* standard output */
	FILE *err;           /* standard error */
	const char *user;    /* who is making changes, for the audit log */
	struct store *store; /* the command's database, opened by cli_parse */
	const char *command; /* the command line, for the change set (may be NULL) */
};

/* What a command does with a database. */
enum cli_db {
	CLI_DB_NONE,    /* no database */
	CLI_DB_READ,    /* reads one (opened read-only) */
	CLI_DB_WRITE,   /* changes one */
	CLI_DB_NEW,     /* creates a new one; an existing file is refused */
};

struct cli_command {
	const char *name;     /* "load" */
	const char *summary;  /* one line for `styr help` */
	const char *usage;    /* full usage text for `styr <name> --help` */
	int (*run)(struct cli_ctx *ctx, int argc, char **argv); /* argv[0] is the name */
	enum cli_db db;       /* what it does with the database */
	int db_arg;           /* which positional argument names it (from 0) */
	/* A command made of subcommands names them here (NULL-terminated,
	** each named "<name> <sub>") and has no run of its own: cli_run
	** dispatches. */
	const struct cli_command *const *subs;
};

/* Run cmd with argv[0] its name: its own run, or the subcommand argv[1]
** names (cli_run_subcommand). */
int cli_run(struct cli_ctx *ctx, const struct cli_command *cmd, int argc, char **argv);

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
** asked (usage printed to out), or 2 after printing a usage error. When
** the command's descriptor names a database, it is opened into
** ctx->store; when it cannot be, the message is printed and the exit
** status returned. */
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

/* Close ctx->store, if open (main, after the command). */
void cli_close_store(struct cli_ctx *ctx);

struct doc;
/* Print document d as text on ctx->out (the text renderer the reports
** use, so a command's view and the report's section are one table) and
** free it. Returns the exit status: 0, or 2 after printing the error. */
int cli_print_doc(struct cli_ctx *ctx, struct doc *d);

/* A pretty JSON writer on ctx->out. */
void cli_json_init(struct cli_ctx *ctx, struct jsonw *w);

/* Print s padded with spaces to width columns, counting UTF-8 characters
** rather than bytes ("Laxå" is four): cli_put_left puts the spaces after s,
** cli_put_right before it. A longer s is printed whole. */
void cli_put_left(FILE *out, const char *s, int width);
void cli_put_right(FILE *out, const char *s, int width);

/* Parse a year argument ("2020"); false when it is not a year. */
bool cli_parse_year(const char *s, int *year);

/* ---- editing records (edit.c) ---- */
struct section_desc;
struct row_change;

/* The section named name; NULL after printing "unknown section" with the
** list of sections (exit status 2). */
const struct section_desc *cli_section(struct cli_ctx *ctx, const struct cli_command *cmd,
                                       const char *name);

/* Print one changed row after indent: "added <record>", "removed
** <record>", or "changed <record>" and a line "  field: old → new" per
** changed field, values in data-file form. */
void cli_print_change(struct cli_ctx *ctx, const struct row_change *c, const char *indent);

/* A row_change_fn printing each change with cli_print_change (ctx is the
** struct cli_ctx). */
enum styr_rc cli_change_printer(void *ctx, const struct row_change *c);

/* Parse a positive whole number (a version, a change set); false when
** s is not one. */
bool cli_parse_id(const char *s, int64_t *out);

/* Registered commands. */
extern const struct cli_command cmd_help, cmd_init, cmd_load, cmd_dump, cmd_calendar,
	cmd_check, cmd_log, cmd_show, cmd_list, cmd_set, cmd_rm, cmd_undo, cmd_copy;

#endif
