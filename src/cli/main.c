/*
** main.c — entry point of `styr`: find the command and run it.
*/
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/strbuf.h"
#include "cli/cli.h"

#if defined(__SANITIZE_ADDRESS__)
/* Fontconfig parses its configuration once per process (pango starts it
** on a thread of its own) and keeps it until exit; LeakSanitizer counts
** those blocks as leaks. Everything else pango and cairo allocate for a
** render is freed, or held by the thread's font map, so only fontconfig's
** own process-lifetime data is excused. The sanitizer asks the program
** for this, not a module (styr-pdf.so's copy was never asked), so it is
** here and in the unit tests' tests/unit/testutil.c. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}
#endif

/* Who is at the keyboard, for the audit log. */
static const char *user(void)
{
	const char *who = getenv("STYR_USER");
	if(!who || !*who)
		who = getenv("USER");
	return who && *who ? who : "styr";
}

/* The command line as a person would type it again: "styr" and the
** arguments, each quoted for the shell when it needs to be. */
static void command_line(struct strbuf *sb, int argc, char **argv)
{
	strbuf_addstr(sb, "styr");
	for(int i = 1; i < argc; i++) {
		const char *a = argv[i];
		strbuf_addch(sb, ' ');
		if(*a && !a[strcspn(a, " \t\n'\"\\$`*?[]{}()<>|&;#~!")]) {
			strbuf_addstr(sb, a);
			continue;
		}
		strbuf_addch(sb, '\'');
		for(; *a; a++) {
			if(*a == '\'')
				strbuf_addstr(sb, "'\\''");
			else
				strbuf_addch(sb, *a);
		}
		strbuf_addch(sb, '\'');
	}
}

int main(int argc, char **argv)
{
	struct strbuf line = STRBUF_INIT;
	struct cli_ctx ctx = { stdout, stderr, user(), NULL, NULL };
	const struct cli_command *cmd;
	struct styr_error err, why;
	int status;

	setlocale(LC_CTYPE, "C.UTF-8");
	styr_error_init(&err);
	if(clock_init(&err))
		return cli_fail(&ctx, &err);
	/* The person goes into the audit log: text, as every argument is. */
	if(!text_valid(ctx.user, strlen(ctx.user), &why)) {
		styr_error_set(&err, STYR_EINVAL, "STYR_USER or USER: expected text, found %s", why.msg);
		return cli_fail(&ctx, &err);
	}
	if(argc < 2) {
		char *help[] = { "help", NULL };
		cmd_help.run(&ctx, 1, help);
		return 2;
	}
	if(!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		argv[1] = "help";
	if(!strcmp(argv[1], "--version")) {
		printf("styr 0.1.0\n");
		return 0;
	}
	cmd = cli_command_find(argv[1]);
	if(!cmd) {
		fprintf(stderr, "styr: '%s' is not a styr command; see 'styr help'\n", argv[1]);
		return 2;
	}
	command_line(&line, argc, argv);
	ctx.command = line.buf;
	status = cli_run(&ctx, cmd, argc - 1, argv + 1);
	cli_close_store(&ctx);
	strbuf_release(&line);
	if(status == CLI_HELP_SHOWN)
		status = 0;
	if(fflush(stdout) != 0) {
		perror("styr: writing output");
		return 2;
	}
	return status;
}
