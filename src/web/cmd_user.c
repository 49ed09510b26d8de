/*
** cmd_user.c — `styr user add|passwd|role|disable|list DB ...` and
** `styr token add DB USER`: the web's accounts from the command line.
** Passwords are read from standard input (one line), never from the
** command line, where other users of the machine could see them.
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "db/store.h"
#include "web/accounts.h"

extern const struct cli_command cmd_user, cmd_user_add, cmd_user_passwd, cmd_user_role,
	cmd_user_disable, cmd_user_list, cmd_token, cmd_token_add;

/* One line of standard input into buf, without its line end. */
static bool read_password(struct cli_ctx *ctx, char *buf, size_t n)
{
	size_t len;
	if(!fgets(buf, (int)n, stdin)) {
		fprintf(ctx->err, "styr: expected the password on standard input\n");
		return false;
	}
	len = strcspn(buf, "\r\n");
	if(buf[len] == 0 && len == n - 1) {
		fprintf(ctx->err, "styr: the password is longer than %zu bytes\n", n - 2);
		return false;
	}
	buf[len] = 0;
	return true;
}

static int finish(struct cli_ctx *ctx, enum styr_rc rc, struct styr_error *err,
                  const char *done, const char *name)
{
	if(rc)
		return cli_fail(ctx, err);
	fprintf(ctx->out, "%s %s\n", done, name);
	return 0;
}

static int user_add(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2], *roles_s = NULL;
	const struct cli_opt opts[] = { { "--role", .value = &roles_s }, { NULL } };
	char password[256];
	unsigned roles;
	struct styr_error err;
	const struct web_module *w;
	int npos, r = cli_parse(ctx, &cmd_user_add, argc, argv, opts, pos, 2, 2, &npos);

	if(r)
		return r;
	if(!roles_s)
		return cli_usage_error(ctx, &cmd_user_add, "--role is required");
	styr_error_init(&err);
	if(accounts_roles_parse(roles_s, &roles, &err) || !(w = web_module(&err)))
		return cli_fail(ctx, &err);
	if(!read_password(ctx, password, sizeof(password)) || w->init(&err))
		return err.code ? cli_fail(ctx, &err) : 2;
	return finish(ctx, w->user_add(ctx->store, pos[1], password, roles, &err), &err,
	              "added user", pos[1]);
}

static int user_passwd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	char password[256];
	struct styr_error err;
	const struct web_module *w;
	int npos, r = cli_parse(ctx, &cmd_user_passwd, argc, argv, NULL, pos, 2, 2, &npos);

	if(r)
		return r;
	styr_error_init(&err);
	if(!(w = web_module(&err)))
		return cli_fail(ctx, &err);
	if(!read_password(ctx, password, sizeof(password)) || w->init(&err))
		return err.code ? cli_fail(ctx, &err) : 2;
	return finish(ctx, w->passwd(ctx->store, pos[1], password, &err), &err,
	              "new password for", pos[1]);
}

static int user_role(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[3];
	unsigned roles;
	struct styr_error err;
	const struct web_module *w;
	int npos, r = cli_parse(ctx, &cmd_user_role, argc, argv, NULL, pos, 3, 3, &npos);

	if(r)
		return r;
	styr_error_init(&err);
	if(accounts_roles_parse(pos[2], &roles, &err) || !(w = web_module(&err)))
		return cli_fail(ctx, &err);
	return finish(ctx, w->set_roles(ctx->store, pos[1], roles, &err), &err,
	              "new roles for", pos[1]);
}

static int user_disable(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	struct styr_error err;
	const struct web_module *w;
	int npos, r = cli_parse(ctx, &cmd_user_disable, argc, argv, NULL, pos, 2, 2, &npos);

	if(r)
		return r;
	styr_error_init(&err);
	if(!(w = web_module(&err)))
		return cli_fail(ctx, &err);
	return finish(ctx, w->disable(ctx->store, pos[1], &err), &err, "disabled user",
	              pos[1]);
}

static int user_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	struct styr_error err;
	struct store_stmt *st;
	bool row;
	enum styr_rc rc;
	int npos, r = cli_parse(ctx, &cmd_user_list, argc, argv, NULL, pos, 1, 1, &npos);

	if(r)
		return r;
	styr_error_init(&err);
	rc = store_prepare(ctx->store, "SELECT name, roles, disabled FROM web_users ORDER BY name",
	                   &st, &err);
	while(!rc && !(rc = stmt_step(st, &row, &err)) && row) {
		struct strbuf sb = STRBUF_INIT;
		accounts_roles_text((unsigned)stmt_int(st, 1), &sb);
		cli_put_left(ctx->out, stmt_text(st, 0), 20);
		fprintf(ctx->out, "  %s%s\n", sb.buf, stmt_int(st, 2) ? "  (disabled)" : "");
		strbuf_release(&sb);
	}
	if(st && !err.code)
		stmt_finalize(st);
	return rc ? cli_fail(ctx, &err) : 0;
}

static int token_add(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	char token[ACCOUNTS_TOKEN_SIZE];
	struct styr_error err;
	const struct web_module *w;
	int npos, r = cli_parse(ctx, &cmd_token_add, argc, argv, NULL, pos, 2, 2, &npos);

	if(r)
		return r;
	styr_error_init(&err);
	if(!(w = web_module(&err)))
		return cli_fail(ctx, &err);
	if(w->init(&err) || w->token_add(ctx->store, pos[1], token, &err))
		return cli_fail(ctx, &err);
	fprintf(ctx->out, "%s\n", token);
	return 0;
}

#define ROLES_HELP \
	"Roles: administratör (everything, undo, users), redaktör:mål,\n" \
	"redaktör:ekonomi, redaktör:internkontroll, redaktör:sammanträden (edit the\n" \
	"registers of that area), läsare (reads); several separated by commas.\n"

const struct cli_command cmd_user_add = {
	"user add", "add a user of the web application",
	"usage: styr user add DB NAME --role ROLE[,ROLE...]\n\n"
	"Add user NAME with the password read from standard input (one line, at\n"
	"least 8 characters; stored as an argon2id hash).\n\n" ROLES_HELP,
	user_add, CLI_DB_WRITE, 0
};
const struct cli_command cmd_user_passwd = {
	"user passwd", "give a user a new password",
	"usage: styr user passwd DB NAME\n\n"
	"Give user NAME the password read from standard input (one line).\n",
	user_passwd, CLI_DB_WRITE, 0
};
const struct cli_command cmd_user_role = {
	"user role", "give a user new roles",
	"usage: styr user role DB NAME ROLE[,ROLE...]\n\n" ROLES_HELP,
	user_role, CLI_DB_WRITE, 0
};
const struct cli_command cmd_user_disable = {
	"user disable", "disable a user: no login, sessions and API tokens end",
	"usage: styr user disable DB NAME\n",
	user_disable, CLI_DB_WRITE, 0
};
const struct cli_command cmd_user_list = {
	"user list", "the users and their roles",
	"usage: styr user list DB\n",
	user_list, CLI_DB_READ, 0
};
const struct cli_command cmd_user = {
	"user", "users of the web application and their roles",
	"usage: styr user SUBCOMMAND DB [arguments]\n\n"
	"The people who log in to 'styr serve', their passwords and roles.\n",
	.subs = (const struct cli_command *const[]){ &cmd_user_add, &cmd_user_passwd,
		&cmd_user_role, &cmd_user_disable, &cmd_user_list, NULL },
};
const struct cli_command cmd_token_add = {
	"token add", "a new API token for a user",
	"usage: styr token add DB USER\n\n"
	"Make an API token that acts as USER (with USER's roles) and print it. It\n"
	"is shown once: only its hash is stored. Send it as\n"
	"'Authorization: Bearer TOKEN' (docs/api.md).\n",
	token_add, CLI_DB_WRITE, 0
};
const struct cli_command cmd_token = {
	"token", "API tokens for scripts",
	"usage: styr token SUBCOMMAND DB [arguments]\n",
	.subs = (const struct cli_command *const[]){ &cmd_token_add, NULL },
};
