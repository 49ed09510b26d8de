/*
** cmd_case.c — the case register (diarium light): `styr case new` numbers
** a new case or document from the year's sequence, `styr case list` lists
** or searches, `styr case show` shows one case with its documents and the
** assignments that name it. Numbers are printed as written and found in
** any spelling ("syd-it 18-27" finds "SYD-IT 18-27").
*/
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "control/casenum.h"
#include "base/strbuf.h"
#include "control/control.h"
#include "db/store.h"

extern const struct cli_command cmd_case;

extern const struct cli_command cmd_case_new;
extern const struct cli_command cmd_case_list;
extern const struct cli_command cmd_case_show;
extern const struct cli_command cmd_case_close;

static void print_row(FILE *o, const struct case_row *c)
{
	char d[11] = "", e[11] = "";
	if(c->registered.year)
		date_format_iso(c->registered, d);
	if(c->closed.year)
		date_format_iso(c->closed, e);
	fprintf(o, "%-18s %-10s %-8s %s%s%s%s\n", c->number, d, case_status_names[c->status],
	        c->title, e[0] ? " (avslutat " : "", e, e[0] ? ")" : "");
}

static void json_row(struct jsonw *w, const struct case_row *c)
{
	char d[11];
	jsonw_object_begin(w);
	jsonw_kv_string(w, "number", c->number);
	jsonw_kv_string(w, "normalised", c->norm);
	jsonw_kv_string(w, "title", c->title);
	if(c->registered.year) {
		date_format_iso(c->registered, d);
		jsonw_kv_string(w, "registered", d);
	}
	jsonw_kv_string(w, "status", case_status_names[c->status]);
	if(c->closed.year) {
		date_format_iso(c->closed, d);
		jsonw_kv_string(w, "closed", d);
	}
	jsonw_object_end(w);
}

static int list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *search = NULL;
	int npos, r;
	bool json = false;
	struct store *s;
	struct styr_error err;
	struct case_row *v = NULL;
	size_t n = 0;
	const struct cli_opt opts[] = {
		{ "--search", .value = &search }, { "--json", .flag = &json }, { NULL } };

	r = cli_parse(ctx, &cmd_case_list, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	s = ctx->store;
	enum styr_rc rc = case_list(s, search, &v, &n, &err);
	if(rc)
		return cli_fail(ctx, &err);
	if(json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		jsonw_array_begin(&w);
		for(size_t i = 0; i < n; i++)
			json_row(&w, &v[i]);
		jsonw_array_end(&w);
		jsonw_finish(&w);
	} else {
		for(size_t i = 0; i < n; i++)
			print_row(ctx->out, &v[i]);
		if(!n)
			fprintf(ctx->out, "inga ärenden\n");
	}
	case_rows_free(v, n);
	return 0;
}

static int show(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int npos, r;
	bool json = false;
	struct store *s;
	struct styr_error err;
	struct case_row *v = NULL;
	size_t n = 0, na = 0;
	char **keys = NULL, **texts = NULL;
	struct casenum cn;
	struct case_style style;
	struct strbuf norm = STRBUF_INIT;
	const struct cli_opt opts[] = { { "--json", .flag = &json }, { NULL } };

	r = cli_parse(ctx, &cmd_case_show, argc, argv, opts, pos, 2, 2, &npos);
	if(r)
		return r;
	s = ctx->store;
	if(control_case_style(s, &style, &err))
		return cli_fail(ctx, &err);
	/* The committee's prefix first: "N2 25-3" is case 25-3 of N2. */
	if(!case_style_parse(&style, pos[1], &cn) && !casenum_parse(pos[1], NULL, CASENUM_ANY, &cn)) {
		struct strbuf sb = STRBUF_INIT;
		case_style_expected(&style, &sb);
		styr_error_set(&err, STYR_EINVAL, "case number: \"%s\" is not a case number:"
		               " expected %s", pos[1], sb.buf);
		strbuf_release(&sb);
		case_style_release(&style);
		return cli_fail(ctx, &err);
	}
	case_style_release(&style);
	casenum_normalise(&cn, &norm);
	casenum_release(&cn);
	enum styr_rc rc = case_list(s, pos[1], &v, &n, &err);
	if(!rc)
		rc = case_assignments(s, norm.buf, &keys, &texts, &na, &err);
	if(!rc && !n && !na)
		rc = styr_error_set(&err, STYR_ENOTFOUND, "no case %s in the register"
		                    " and no assignment names it", pos[1]);
	if(rc) {
		strbuf_release(&norm);
		case_rows_free(v, n);
		return cli_fail(ctx, &err);
	}
	if(json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "normalised", norm.buf);
		jsonw_key(&w, "register");
		jsonw_array_begin(&w);
		for(size_t i = 0; i < n; i++)
			json_row(&w, &v[i]);
		jsonw_array_end(&w);
		jsonw_key(&w, "assignments");
		jsonw_array_begin(&w);
		for(size_t i = 0; i < na; i++) {
			jsonw_object_begin(&w);
			jsonw_kv_string(&w, "key", keys[i]);
			jsonw_kv_string(&w, "text", texts[i]);
			jsonw_object_end(&w);
		}
		jsonw_array_end(&w);
		jsonw_object_end(&w);
		jsonw_finish(&w);
	} else {
		if(!n)
			fprintf(ctx->out, "%s finns inte i diariet\n", pos[1]);
		for(size_t i = 0; i < n; i++)
			print_row(ctx->out, &v[i]);
		if(na)
			fprintf(ctx->out, "\nUppdrag i ärendet\n");
		for(size_t i = 0; i < na; i++)
			fprintf(ctx->out, "%s: %s\n", keys[i], texts[i]);
	}
	for(size_t i = 0; i < na; i++) {
		free(keys[i]);
		free(texts[i]);
	}
	free(keys);
	free(texts);
	case_rows_free(v, n);
	strbuf_release(&norm);
	return 0;
}

static int new_case(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *year_s = NULL, *title = NULL, *date_s = NULL, *in = NULL;
	int npos, r, year = 0;
	struct store *s;
	struct styr_error err;
	struct case_row c;
	struct date d = { 0, 0, 0 };
	const struct cli_opt opts[] = {
		{ "--year", .value = &year_s }, { "--title", .value = &title },
		{ "--date", .value = &date_s }, { "--in", .value = &in }, { NULL } };

	r = cli_parse(ctx, &cmd_case_new, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	if(!title)
		return cli_usage_error(ctx, &cmd_case_new, "--title is required");
	if(date_s && !date_parse_iso(date_s, &d))
		return cli_usage_error(ctx, &cmd_case_new, "--date: expected YYYY-MM-DD, found \"%s\"", date_s);
	if(year_s && !cli_parse_year(year_s, &year))
		return cli_usage_error(ctx, &cmd_case_new, "--year: expected a year such as 2021");
	if(!in && !year)
		year = d.year;   /* 0: the year of today, the registration date */
	s = ctx->store;
	enum styr_rc rc = case_new(s, year, in, title, d, &c, &err);
	if(rc)
		return cli_fail(ctx, &err);
	fprintf(ctx->out, "%s\n", c.number);
	case_row_release(&c);
	return 0;
}
static int close_case(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2], *date_s = NULL;
	int npos, r;
	struct styr_error err;
	struct case_row c;
	struct date d = { 0, 0, 0 };
	const struct cli_opt opts[] = { { "--date", .value = &date_s }, { NULL } };

	r = cli_parse(ctx, &cmd_case_close, argc, argv, opts, pos, 2, 2, &npos);
	if(r)
		return r;
	if(date_s && !date_parse_iso(date_s, &d))
		return cli_usage_error(ctx, &cmd_case_close, "--date: expected YYYY-MM-DD, found \"%s\"",
		                       date_s);
	if(case_close(ctx->store, pos[1], d, &c, &err))
		return cli_fail(ctx, &err);
	print_row(ctx->out, &c);
	case_row_release(&c);
	return 0;
}

const struct cli_command cmd_case_new = {
	"case new", "register a case or a document in a case",
	"usage: styr case new DB --title TEXT [--year Y | --date YYYY-MM-DD] [--in CASE]\n\n"
	"Register a case with the next number of the year's sequence\n"
	"(\"Syd-IT 21-3\", \"GLN 2025/15\": the committee's prefix and case_format),\n"
	"or with --in a document in that case (\"Syd-IT 20-6-12\"); prints the\n"
	"number. The case is registered on --date, or today; its year is --year,\n"
	"or the year of the registration.\n",
	new_case, CLI_DB_WRITE
};

const struct cli_command cmd_case_close = {
	"case close", "close a case (status avslutat)",
	"usage: styr case close DB NUMBER [--date YYYY-MM-DD]\n\n"
	"Close the case or document NUMBER, written in any spelling, on --date or\n"
	"today: its status becomes avslutat and the day is kept.\n",
	close_case, CLI_DB_WRITE
};

const struct cli_command cmd_case_list = {
	"case list", "every case and document, or those matching a search",
	"usage: styr case list DB [--search TEXT] [--json]\n\n"
	"Every case and document, or those matching a case number in any spelling\n"
	"or a piece of the title.\n",
	list, CLI_DB_READ
};

const struct cli_command cmd_case_show = {
	"case show", "one case, its documents and the assignments that name it",
	"usage: styr case show DB NUMBER [--json]\n\n"
	"One case, its documents and the assignments that name it.\n",
	show, CLI_DB_READ
};

const struct cli_command cmd_case = {
	"case", "the case register: number a new case, list, search, show, close",
	"usage: styr case SUBCOMMAND DB [arguments]\n\n"
	"The case register: case numbers per year in the committee's form\n"
	"(PREFIX YY-N, PREFIX YYYY/N, PREFIX YYYY.N or PREFIX YYYY-NNNN) and\n"
	"documents in a case (PREFIX YY-N-M).\n",
	.subs = (const struct cli_command *const[]){
		&cmd_case_new, &cmd_case_list, &cmd_case_show, &cmd_case_close, NULL },
};
