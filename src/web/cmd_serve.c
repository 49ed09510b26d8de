/*
** cmd_serve.c — `styr serve DB [--listen ADDR:PORT]`: the web application.
*/
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "web/accounts.h"
#include "web/web.h"

extern const struct cli_command cmd_serve;

static bool number(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if(!*s || *end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *listen = "127.0.0.1:8080", *threads_s = NULL, *body_s = NULL,
	           *timeout_s = NULL;
	bool secure = false, quiet = false;
	const struct cli_opt opts[] = {
		{ "--listen", .value = &listen }, { "--threads", .value = &threads_s },
		{ "--max-body", .value = &body_s }, { "--timeout", .value = &timeout_s },
		{ "--secure-cookies", .flag = &secure }, { "--quiet", .flag = &quiet }, { NULL }
	};
	struct web_config cfg = { 0 };
	struct styr_error err;
	const struct web_module *w;
	long threads = 4, body = 1 << 20, timeout = 30;
	int npos, r;

	r = cli_parse(ctx, &cmd_serve, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	if(threads_s && !number(threads_s, 1, 64, &threads))
		return cli_usage_error(ctx, &cmd_serve, "--threads: expected 1 to 64, found '%s'",
		                       threads_s);
	if(body_s && !number(body_s, 1024, 64L << 20, &body))
		return cli_usage_error(ctx, &cmd_serve, "--max-body: expected bytes from 1024 to"
		                       " 67108864, found '%s'", body_s);
	if(timeout_s && !number(timeout_s, 1, 3600, &timeout))
		return cli_usage_error(ctx, &cmd_serve, "--timeout: expected seconds from 1 to"
		                       " 3600, found '%s'", timeout_s);
	cfg.db_path = pos[0];
	cfg.listen = listen;
	cfg.threads = (unsigned)threads;
	cfg.max_body = (size_t)body;
	cfg.timeout = (unsigned)timeout;
	cfg.secure_cookies = secure;
	cfg.log = quiet ? NULL : ctx->out;
	cfg.err = ctx->err;
	styr_error_init(&err);
	if(!(w = web_module(&err)) || w->serve(&cfg, &err))
		return cli_fail(ctx, &err);
	return 0;
}

const struct cli_command cmd_serve = {
	"serve", "serve the web application and its JSON API",
	"usage: styr serve DB [--listen ADDRESS:PORT] [--threads N] [--max-body BYTES]\n"
	"                     [--timeout SECONDS] [--secure-cookies] [--quiet]\n\n"
	"Serve DB over HTTP: the pages for people (log in with an account of\n"
	"'styr user'), the public anslagstavla and the JSON API under /api/v1/\n"
	"(docs/api.md). Runs until SIGTERM or SIGINT, then finishes the requests in\n"
	"flight. One access-log line per request goes to standard output.\n"
	"Put it behind a TLS reverse proxy (docs/deploy.md) and use --secure-cookies.\n\n"
	"  --listen ADDRESS:PORT  where to listen (default 127.0.0.1:8080; port 0\n"
	"                         lets the system choose, printed at start)\n"
	"  --threads N            worker threads (default 4)\n"
	"  --max-body BYTES       larger requests are refused with 413 (default 1 MiB)\n"
	"  --timeout SECONDS      an idle connection is closed (default 30)\n"
	"  --secure-cookies       mark the session cookie Secure (behind TLS)\n"
	"  --quiet                no access log\n",
	run, CLI_DB_NONE, 0
};
