/*
** cmd_economy_ledger.c — `styr economy ledger DB --year Y [--until DATE]
** [--mapping NAME] [--json]`: the outcome per report line summed from the
** imported SIE ledger (economy/economy_ledger.h), beside the outcome the
** operating account stores for the occasion with that cut-off, and the
** result accounts no report line covers. Dispatched from cmd_economy.c.
*/
#include <string.h>

#include "cli/cli.h"
#include "base/jsonw.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "economy/economy_ledger.h"
#include "db/store.h"

extern const struct cli_command cmd_economy_ledger;

#define NAME_W 40
#define COL_W 12

static void col_tkr(FILE *out, money_t v)
{
	struct strbuf sb = STRBUF_INIT;
	fmt_tkr(&sb, v);
	cli_put_right(out, sb.buf, COL_W);
	strbuf_release(&sb);
}

static void jmoney(struct jsonw *w, const char *key, money_t v)
{
	struct strbuf sb = STRBUF_INIT;
	money_format_kronor(&sb, v);
	jsonw_key(w, key);
	jsonw_number_text(w, sb.buf);
	strbuf_release(&sb);
}

static void print_json(struct cli_ctx *ctx, const struct econ_ledger *l)
{
	struct jsonw w;
	char a[11], b[11];
	date_format_iso(l->start, a);
	date_format_iso(l->until, b);
	cli_json_init(ctx, &w);
	jsonw_object_begin(&w);
	jsonw_kv_int(&w, "year", l->year);
	jsonw_kv_string(&w, "mapping", l->mapping);
	jsonw_kv_bool(&w, "builtin_mapping", l->builtin);
	jsonw_kv_int(&w, "import", l->import_id);
	jsonw_kv_string(&w, "format", l->format);
	jsonw_kv_string(&w, "file", l->file);
	jsonw_kv_string(&w, "from", a);
	jsonw_kv_string(&w, "until", b);
	if(l->occasion[0])
		jsonw_kv_string(&w, "occasion", l->occasion);
	jsonw_key(&w, "lines");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < l->nlines; i++) {
		const struct econ_ledger_line *r = &l->lines[i];
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "line", r->line);
		jmoney(&w, "ledger", r->outcome);
		if(r->has_stated) {
			jmoney(&w, "stated", r->stated);
			jmoney(&w, "difference", r->outcome - r->stated);
		}
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "unmapped");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < l->nunmapped; i++) {
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "account", l->unmapped[i].number);
		jsonw_kv_string(&w, "name", l->unmapped[i].name);
		jmoney(&w, "amount", l->unmapped[i].amount);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jmoney(&w, "total", l->total);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

static void print_text(struct cli_ctx *ctx, const struct econ_ledger *l)
{
	FILE *out = ctx->out;
	char a[11], b[11];
	date_format_iso(l->start, a);
	date_format_iso(l->until, b);
	fprintf(out, "Utfall ur huvudboken %d, %s – %s (%simport %lld: %s), rader enligt %s%s\n",
	        l->year, a, b, strcmp(l->format, "csv") ? "" : "CSV-", (long long)l->import_id,
	        l->file, l->mapping, l->builtin ? " (inbyggd: Kommun-Bas kontoklass 3–8, SKR)" : "");
	if(l->occasion[0])
		fprintf(out, "Jämfört med lagrat utfall vid tillfälle %s\n\n", l->occasion);
	else
		fprintf(out, "Inget rapporttillfälle har brytdatum %s\n\n", b);
	cli_put_left(out, "Rad", NAME_W);
	fprintf(out, "%*s%*s%*s\n", COL_W, "Huvudbok", COL_W, "Lagrat", COL_W, "Skillnad");
	for(size_t i = 0; i < l->nlines; i++) {
		const struct econ_ledger_line *r = &l->lines[i];
		cli_put_left(out, r->line, NAME_W);
		col_tkr(out, r->outcome);
		if(r->has_stated) {
			col_tkr(out, r->stated);
			col_tkr(out, r->outcome - r->stated);
		}
		fputc('\n', out);
	}
	cli_put_left(out, "Summa resultatkonton", NAME_W);
	col_tkr(out, l->total);
	fputc('\n', out);
	if(!l->nunmapped)
		return;
	fputs("\nKonton utanför raderna:\n", out);
	for(size_t i = 0; i < l->nunmapped; i++) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "%s %s", l->unmapped[i].number, l->unmapped[i].name);
		cli_put_left(out, sb.buf, NAME_W);
		col_tkr(out, l->unmapped[i].amount);
		fputc('\n', out);
		strbuf_release(&sb);
	}
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *year_s = NULL, *until_s = NULL, *mapping = "kommun-bas";
	int npos, r, year = 0;
	bool json = false;
	struct date until;
	struct store *s;
	struct styr_error err;
	struct econ_ledger l;
	enum styr_rc rc;
	const struct cli_opt opts[] = {
		{ "--year", .value = &year_s }, { "--until", .value = &until_s },
		{ "--mapping", .value = &mapping }, { "--json", .flag = &json }, { NULL }
	};
	r = cli_parse(ctx, &cmd_economy_ledger, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r == CLI_HELP_SHOWN ? 0 : r;
	if(!year_s)
		return cli_usage_error(ctx, &cmd_economy_ledger, "--year is required");
	if(!cli_parse_year(year_s, &year))
		return cli_usage_error(ctx, &cmd_economy_ledger,
		                       "--year \"%s\": expected a year such as 2024", year_s);
	if(until_s && !date_parse_iso(until_s, &until))
		return cli_usage_error(ctx, &cmd_economy_ledger,
		                       "--until \"%s\": expected a date YYYY-MM-DD", until_s);
	s = ctx->store;
	rc = econ_ledger_get(s, year, until_s ? &until : NULL, mapping, &l, &err);
	if(!rc) {
		if(json)
			print_json(ctx, &l);
		else
			print_text(ctx, &l);
	}
	econ_ledger_release(&l);
	return rc ? cli_fail(ctx, &err) : 0;
}

const struct cli_command cmd_economy_ledger = {
	"economy ledger", "the outcome per report line from the imported ledger",
	"usage: styr economy ledger DB --year Y [--until YYYY-MM-DD] [--mapping NAME] [--json]\n\n"
	"Sums the outcome of the newest import holding year Y up to --until\n"
	"(default the year's last day): the #TRANS lines of an SIE import whose\n"
	"fiscal year (#RAR 0) starts in Y, or the outcome rows of a CSV import of\n"
	"Y (whole months: --until a month's last day). The sums are over the\n"
	"account ranges of each report line of the mapping (default kommun-bas;\n"
	"a committee without line_mappings gets the built-in Kommun-Bas lines),\n"
	"in tkr. Beside each line: the outcome the operating account stores for\n"
	"the occasion whose cut-off is that date, and the difference (ledger −\n"
	"stored). Result accounts (classes 3–8) no line covers are listed.\n",
	run, CLI_DB_READ
};
