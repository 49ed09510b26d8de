/*
** cli.c — helpers shared by the commands (see cli.h).
*/
#define _GNU_SOURCE /* fopencookie */
#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/limits.h"
#include "base/strbuf.h"
#include "db/store.h"
#include "doc/doc.h"

/* Print msg on err with what could act on a terminal written as \xNN. */
static void put_printable(FILE *err, const char *msg)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_add_printable(&sb, msg);
	fputs(sb.buf, err);
	strbuf_release(&sb);
}

int cli_usage_error(struct cli_ctx *ctx, const struct cli_command *cmd,
                    const char *fmt, ...)
{
	struct strbuf msg = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	fprintf(ctx->err, "styr %s: ", cmd->name);
	put_printable(ctx->err, msg.buf);
	fprintf(ctx->err, "\n%s", cmd->usage);
	strbuf_release(&msg);
	return 2;
}

/* The subcommand part of a descriptor named "<parent> <sub>". */
static const char *sub_name(const struct cli_command *parent, const struct cli_command *sub)
{
	return sub->name + strlen(parent->name) + 1;
}

/* The parent's usage, then one line per subcommand with its summary. */
static void list_subcommands(FILE *out, const struct cli_command *parent,
                             const struct cli_command *const *subs, size_t n)
{
	int width = 0;
	for(size_t i = 0; i < n; i++) {
		int len = (int)strlen(sub_name(parent, subs[i]));
		if(len > width)
			width = len;
	}
	fputs(parent->usage, out);
	fputs("\nSubcommands:\n", out);
	for(size_t i = 0; i < n; i++)
		fprintf(out, "  %-*s %s\n", width + 1, sub_name(parent, subs[i]), subs[i]->summary);
	fprintf(out, "\nRun 'styr %s SUBCOMMAND --help' for its options.\n", parent->name);
}

/* ---- a command that changes the database, run again after a conflict ---- */

/* What the command prints is held in the buffer of a stream of its own
** (HELD_SIZE bytes) and written out when it ends, or dropped when it is
** run again. A flush the command asks for (an import makes sure its
** summary is written before it commits) or more output than the buffer
** holds goes out at once: the command is then not run again. */
#define HELD_SIZE (1u << 20)

struct held {
	int fd;            /* where it goes */
	bool out;          /* something went out */
	FILE *f;
	char *buf;
};

static ssize_t held_write(void *cookie, const char *p, size_t n)
{
	struct held *h = cookie;
	size_t done = 0;
	h->out = true;
	while(done < n) {
		ssize_t w = write(h->fd, p + done, n - done);
		if(w < 0 && errno == EINTR)
			continue;
		if(w < 0)
			return -1;
		done += (size_t)w;
	}
	return (ssize_t)n;
}

static FILE *held_open(struct held *h, int fd)
{
	cookie_io_functions_t io = { .write = held_write };
	h->fd = fd;
	h->out = false;
	h->buf = xmalloc(HELD_SIZE);
	h->f = fopencookie(h, "w", io);
	if(!h->f)
		abort();
	setvbuf(h->f, h->buf, _IOFBF, HELD_SIZE);
	return h->f;
}

/* Write out what is held (or drop it); 0, or EOF when it could not be
** written. */
static int held_close(struct held *h, bool drop)
{
	int rc;
	if(drop)
		__fpurge(h->f);
	rc = fclose(h->f);
	free(h->buf);
	return rc;
}

/* Run a command that changes the database: again from its start, for as
** long as store_retry says (its transaction lost to another writer, it
** stored nothing), when it has printed nothing yet that went out and has
** not read standard input (which cannot be read again). */
static int run_retrying(struct cli_ctx *ctx, const struct cli_command *cmd, int argc,
                        char **argv)
{
	FILE *out = ctx->out, *err = ctx->err;
	struct held ho, he;
	int status;

	fflush(out);
	fflush(err);
	for(int attempt = 1;; attempt++) {
		bool again;
		ctx->out = held_open(&ho, fileno(out));
		ctx->err = held_open(&he, fileno(err));
		status = cmd->run(ctx, argc, argv);
		again = status > 0 && !ho.out && !he.out && !__fbufsize(stdin)
		        && store_retry(ctx->store, attempt);
		/* Messages first, as an unbuffered stderr prints them first. */
		if(held_close(&he, again) && !again)
			status = 2;
		if(held_close(&ho, again) && !again) {
			fprintf(err, "styr: writing output: %s\n", strerror(errno));
			status = 2;
		}
		ctx->out = out;
		ctx->err = err;
		if(!again)
			return status;
	}
}

int cli_run(struct cli_ctx *ctx, const struct cli_command *cmd, int argc, char **argv)
{
	size_t n = 0;
	if(!cmd->subs)
		return cmd->db == CLI_DB_WRITE ? run_retrying(ctx, cmd, argc, argv)
		                               : cmd->run(ctx, argc, argv);
	while(cmd->subs[n])
		n++;
	return cli_run_subcommand(ctx, cmd, cmd->subs, n, argc, argv);
}

int cli_run_subcommand(struct cli_ctx *ctx, const struct cli_command *parent,
                       const struct cli_command *const *subs, size_t n,
                       int argc, char **argv)
{
	if(argc < 2) {
		list_subcommands(ctx->err, parent, subs, n);
		return 2;
	}
	if(!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		list_subcommands(ctx->out, parent, subs, n);
		return CLI_HELP_SHOWN;
	}
	for(size_t i = 0; i < n; i++)
		if(!strcmp(sub_name(parent, subs[i]), argv[1]))
			return cli_run(ctx, subs[i], argc - 1, argv + 1);
	fprintf(ctx->err, "styr %s: '", parent->name);
	put_printable(ctx->err, argv[1]);
	fprintf(ctx->err, "' is not a subcommand of styr %s\n", parent->name);
	list_subcommands(ctx->err, parent, subs, n);
	return 2;
}

/* The number of UTF-8 characters in s. */
static int utf8_chars(const char *s)
{
	int n = 0;
	for(; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

void cli_put_left(FILE *out, const char *s, int width)
{
	fputs(s, out);
	for(int n = utf8_chars(s); n < width; n++)
		fputc(' ', out);
}

void cli_put_right(FILE *out, const char *s, int width)
{
	for(int n = utf8_chars(s); n < width; n++)
		fputc(' ', out);
	fputs(s, out);
}

int cli_fail(struct cli_ctx *ctx, const struct styr_error *err)
{
	/* A message may quote a file or an argument: nothing in it may act on
	** the terminal. */
	fputs("styr: ", ctx->err);
	put_printable(ctx->err, err->msg[0] ? err->msg : "failed");
	fputc('\n', ctx->err);
	return styr_rc_exit_status(err->code ? err->code : STYR_EINVAL);
}

/* Open the database the descriptor names, once per process. */
static int open_store(struct cli_ctx *ctx, const struct cli_command *cmd,
                      const char **pos, int npos)
{
	static const unsigned flags[] = {
		[CLI_DB_READ] = STORE_READONLY, [CLI_DB_WRITE] = 0,
		[CLI_DB_NEW] = STORE_CREATE | STORE_NEW,
	};
	struct styr_error err;

	if(cmd->db == CLI_DB_NONE || ctx->store)
		return 0;
	if(cmd->db_arg >= npos)
		return cli_usage_error(ctx, cmd, "missing argument DB");
	styr_error_init(&err);
	if(store_open(pos[cmd->db_arg], flags[cmd->db], &ctx->store, &err))
		return cli_fail(ctx, &err);
	store_set_user(ctx->store, ctx->user);
	if(cmd->db != CLI_DB_READ)
		store_set_command(ctx->store, ctx->command);
	return 0;
}

static const struct cli_opt *find_opt(const struct cli_opt *opts, const char *name)
{
	for(; opts && opts->name; opts++)
		if(!strcmp(opts->name, name))
			return opts;
	return NULL;
}

/* The one check of what a person types: every argument is text
** (text_valid: UTF-8 without control characters but tab and line breaks)
** of at most LIMIT_ARG bytes, or the command is refused naming the
** option or the argument, before anything is opened or stored. */
static int check_arg(struct cli_ctx *ctx, const struct cli_command *cmd,
                     const char *option, int position, const char *a)
{
	struct styr_error why;
	char what[80];
	size_t len = strlen(a);
	if(option)
		snprintf(what, sizeof(what), "%s", option);
	else
		snprintf(what, sizeof(what), "argument %d", position);
	if(len > LIMIT_ARG)
		return cli_usage_error(ctx, cmd, "%s: longer than %llu bytes, the limit of an "
		                       "argument (docs/limits.md)", what,
		                       (unsigned long long)LIMIT_ARG);
	if(!text_valid(a, len, &why))
		return cli_usage_error(ctx, cmd, "%s: expected text, found %s", what, why.msg);
	return 0;
}

int cli_parse(struct cli_ctx *ctx, const struct cli_command *cmd, int argc,
              char **argv, const struct cli_opt *opts, const char **pos,
              int minpos, int maxpos, int *npos)
{
	int n = 0, r;
	bool only_pos = false;

	for(int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if(!only_pos && (!strcmp(a, "--help") || !strcmp(a, "-h"))) {
			fputs(cmd->usage, ctx->out);
			return CLI_HELP_SHOWN;
		}
		if(!only_pos && !strcmp(a, "--")) {
			only_pos = true;
			continue;
		}
		if(!only_pos && a[0] == '-' && a[1] != '\0') {
			char name[64];
			const char *eq = strchr(a, '=');
			const char *val = NULL;
			size_t len = eq ? (size_t)(eq - a) : strlen(a);
			if(len >= sizeof(name))
				return cli_usage_error(ctx, cmd, "unknown option '%s'", a);
			memcpy(name, a, len);
			name[len] = '\0';
			const struct cli_opt *o = find_opt(opts, name);
			if(!o)
				return cli_usage_error(ctx, cmd, "unknown option '%s'", name);
			if(o->flag) {
				if(eq)
					return cli_usage_error(ctx, cmd, "option '%s' takes no value", name);
				*o->flag = true;
				continue;
			}
			if(eq) {
				val = eq + 1;
			} else {
				if(i + 1 >= argc)
					return cli_usage_error(ctx, cmd, "option '%s' needs a value", name);
				val = argv[++i];
			}
			if((r = check_arg(ctx, cmd, name, 0, val)))
				return r;
			if(o->value) {
				*o->value = val;
			} else {
				if(*o->nvalues >= o->max)
					return cli_usage_error(ctx, cmd, "option '%s' given more than %d times",
					                       name, o->max);
				o->values[(*o->nvalues)++] = val;
			}
			continue;
		}
		if(n >= maxpos)
			return cli_usage_error(ctx, cmd, "unexpected argument '%s'", a);
		if((r = check_arg(ctx, cmd, NULL, n + 1, a)))
			return r;
		pos[n++] = a;
	}
	if(n < minpos)
		return cli_usage_error(ctx, cmd, "missing argument");
	*npos = n;
	return open_store(ctx, cmd, pos, n);
}

void cli_close_store(struct cli_ctx *ctx)
{
	store_close(ctx->store);
	ctx->store = NULL;
}

int cli_print_doc(struct cli_ctx *ctx, struct doc *d)
{
	struct strbuf sb = STRBUF_INIT;
	struct styr_error err;
	enum styr_rc rc = render_text(d, &sb, &err);
	if(!rc)
		fwrite(sb.buf, 1, sb.len, ctx->out);
	strbuf_release(&sb);
	doc_free(d);
	return rc ? cli_fail(ctx, &err) : 0;
}

static void file_sink(void *ctx, const char *data, size_t n)
{
	fwrite(data, 1, n, ctx);
}

void cli_json_init(struct cli_ctx *ctx, struct jsonw *w)
{
	jsonw_init(w, file_sink, ctx->out, true);
}

bool cli_parse_year(const char *s, int *year)
{
	char *end;
	long v = strtol(s, &end, 10);
	if(*end || end == s || v < 1900 || v > 2199)
		return false;
	*year = (int)v;
	return true;
}
