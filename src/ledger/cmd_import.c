/*
** cmd_import.c — `styr import sie|csv DB FILE`: read a ledger file into
** the database (one transaction) and print what was read.
*/
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "ledger/ledger.h"
#include "ledger/ledger_csv.h"
#include "ledger/sie.h"
#include "db/store.h"

extern const struct cli_command cmd_import;

extern const struct cli_command cmd_import_sie;
extern const struct cli_command cmd_import_csv;

static void print_sie(struct cli_ctx *ctx, const char *file, const struct sie_stats *st)
{
	FILE *o = ctx->out;
	fprintf(o, "Fil: %s (%ld rader, teckenkodning %s)\n", file, st->lines, st->encoding);
	fprintf(o, "Företag: %s", st->company ? st->company : "(saknas)");
	if(st->orgnr)
		fprintf(o, " (%s)", st->orgnr);
	fputc('\n', o);
	if(st->program)
		fprintf(o, "Program: %s\n", st->program);
	if(st->sie_type)
		fprintf(o, "SIE-typ: %d\n", st->sie_type);
	fprintf(o, "Räkenskapsår:%s\n", st->nyears ? "" : " (inga #RAR)");
	for(size_t i = 0; i < st->nyears; i++)
		fprintf(o, "  %3d  %s – %s\n", st->years[i].index, st->years[i].start, st->years[i].end);
	fprintf(o, "Poster:\n");
	for(size_t i = 0; i < st->ncounts; i++) {
		struct strbuf sb = STRBUF_INIT;
		fmt_int_sv(&sb, (int64_t)st->counts[i].n);
		fprintf(o, "  %-10s %10s\n", st->counts[i].label, sb.buf);
		strbuf_release(&sb);
	}
	fprintf(o, "Överhoppade poster: %zu", st->skipped);
	for(size_t i = 0; i < st->nskipped_by; i++)
		fprintf(o, "%s%s %zu", i ? ", " : " (", st->skipped_by[i].label, st->skipped_by[i].n);
	fprintf(o, "%s\n", st->nskipped_by ? ")" : "");
	fprintf(o, "Obalanserade verifikationer: %zu\n", st->unbalanced);
	for(size_t i = 0; i < st->unbalanced && i < SIE_MAX_UNBALANCED_SHOWN; i++) {
		struct strbuf sb = STRBUF_INIT;
		fmt_decimal_sv(&sb, st->shown[i].sum, 2);
		fprintf(o, "  rad %ld: serie %s nr %s, summa %s kr\n", st->shown[i].line,
		        st->shown[i].series, st->shown[i].number, sb.buf);
		strbuf_release(&sb);
	}
	fprintf(o, "Kontrollsumma (#KSUMMA): %s\n", st->checksum ? "stämmer" : "saknas");
}

/* What an import shows, printed before it is committed (ledger_hook). */
struct shown {
	struct cli_ctx *ctx;
	const char *file;
	bool json;
	const struct sie_stats *sie;
	const struct ledger_csv_stats *csv;
	const char *kind;
};

/* The output must reach standard output whole, or the import is rolled
** back: exit status 2 then means the database is unchanged. */
static enum styr_rc flushed(struct cli_ctx *ctx, struct styr_error *err)
{
	if(fflush(ctx->out) || ferror(ctx->out))
		return styr_error_set(err, STYR_EIO, "writing output: %s (nothing was imported)",
		                      strerror(errno));
	return STYR_OK;
}

static enum styr_rc show_sie(void *vp, struct styr_error *err)
{
	struct shown *sh = vp;
	if(sh->json) {
		struct jsonw w;
		cli_json_init(sh->ctx, &w);
		sie_stats_write(sh->sie, sh->file, &w);
		jsonw_finish(&w);
	} else {
		print_sie(sh->ctx, sh->file, sh->sie);
	}
	return flushed(sh->ctx, err);
}

static int run_sie(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int npos, r;
	bool json = false;
	struct store *s;
	struct styr_error err;
	struct sie_stats st;
	const struct cli_opt opts[] = { { "--json", .flag = &json }, { NULL } };

	r = cli_parse(ctx, &cmd_import_sie, argc, argv, opts, pos, 2, 2, &npos);
	if(r)
		return r == CLI_HELP_SHOWN ? 0 : r;
	styr_error_init(&err);
	s = ctx->store;
	struct shown shown = { ctx, pos[1], json, &st, NULL, NULL };
	struct ledger_hook hook = { show_sie, &shown };
	FILE *f = fopen(pos[1], "rb");
	if(!f) {
		styr_error_set(&err, STYR_EIO, "%s: cannot open: %s", pos[1], strerror(errno));
		return cli_fail(ctx, &err);
	}
	r = sie_import_stream(s, f, pos[1], &hook, &st, &err) ? cli_fail(ctx, &err) : 0;
	fclose(f);
	sie_stats_release(&st);
	return r;
}

static enum styr_rc show_csv(void *vp, struct styr_error *err);

/* A 1-based column number option; 0 when absent. */
static bool column_opt(const char *s, int *out)
{
	char *end;
	long v;
	if(!s) {
		*out = 0;
		return true;
	}
	v = strtol(s, &end, 10);
	if(*end || end == s || v < 1 || v > 10000)
		return false;
	*out = (int)v;
	return true;
}

static int run_csv(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2], *account = NULL, *amount = NULL, *period = NULL, *year = NULL;
	const char *object = NULL, *object_dim = NULL, *kind = "outcome", *sep = NULL;
	int npos, r;
	bool json = false, header = false;
	struct ledger_csv_opts o = { 0 };
	struct ledger_csv_stats st;
	struct store *s;
	struct styr_error err;
	const struct cli_opt opts[] = {
		{ "--account", &account }, { "--amount", &amount }, { "--period", &period },
		{ "--year", &year }, { "--object", &object }, { "--object-dim", &object_dim },
		{ "--kind", &kind }, { "--separator", &sep }, { "--header", .flag = &header },
		{ "--json", .flag = &json }, { NULL } };

	r = cli_parse(ctx, &cmd_import_csv, argc, argv, opts, pos, 2, 2, &npos);
	if(r)
		return r == CLI_HELP_SHOWN ? 0 : r;
	if(!account || !amount)
		return cli_usage_error(ctx, &cmd_import_csv, "csv: --account and --amount are required");
	if(!column_opt(account, &o.account_col) || !column_opt(amount, &o.amount_col) ||
	   !column_opt(period, &o.period_col) || !column_opt(object, &o.object_col))
		return cli_usage_error(ctx, &cmd_import_csv,
		                       "csv: expected a column number from 1 for --account, --amount, --period and --object");
	if(!period && !year)
		return cli_usage_error(ctx, &cmd_import_csv, "csv: give --period COLUMN or --year YEAR");
	if(year && !cli_parse_year(year, &o.year))
		return cli_usage_error(ctx, &cmd_import_csv, "--year: expected a year such as 2024, found '%s'", year);
	if(object && (!object_dim || !column_opt(object_dim, &o.object_dim)))
		return cli_usage_error(ctx, &cmd_import_csv, "csv: --object needs --object-dim DIMENSION (a number from 1)");
	if(strcmp(kind, "outcome") && strcmp(kind, "budget"))
		return cli_usage_error(ctx, &cmd_import_csv, "--kind: expected outcome or budget, found '%s'", kind);
	if(sep && strcmp(sep, ";") && strcmp(sep, ","))
		return cli_usage_error(ctx, &cmd_import_csv, "--separator: expected ';' or ',', found '%s'", sep);
	o.kind = kind;
	o.header = header;
	o.sep = sep ? sep[0] : 0;
	styr_error_init(&err);
	s = ctx->store;
	struct shown shown = { ctx, pos[1], json, NULL, &st, kind };
	struct ledger_hook hook = { show_csv, &shown };
	o.hook = &hook;
	if(ledger_csv_import(s, pos[1], &o, &st, &err))
		return cli_fail(ctx, &err);
	return 0;
}

static enum styr_rc show_csv(void *vp, struct styr_error *err)
{
	struct shown *sh = vp;
	struct cli_ctx *ctx = sh->ctx;
	const struct ledger_csv_stats st = *sh->csv; /* filled in before the commit */
	const char *kind = sh->kind;
	if(sh->json) {
		struct jsonw w;
		struct strbuf sb = STRBUF_INIT;
		char sepstr[2] = { st.sep, 0 };
		money_format_kronor(&sb, st.sum);
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "file", sh->file);
		jsonw_kv_int(&w, "import", st.import_id);
		jsonw_kv_string(&w, "kind", kind);
		jsonw_kv_string(&w, "encoding", st.encoding);
		jsonw_kv_string(&w, "separator", sepstr);
		jsonw_kv_int(&w, "rows", st.rows);
		jsonw_kv_int(&w, "blank", st.blank);
		jsonw_key(&w, "sum");
		jsonw_number_text(&w, sb.buf);
		jsonw_object_end(&w);
		jsonw_finish(&w);
		strbuf_release(&sb);
	} else {
		struct strbuf sb = STRBUF_INIT;
		fmt_decimal_sv(&sb, st.sum, 2);
		fprintf(ctx->out, "Fil: %s (teckenkodning %s, avgränsare '%c')\n", sh->file,
		        st.encoding, st.sep);
		fprintf(ctx->out, "%s: %ld rader", !strcmp(kind, "budget") ? "Budget" : "Utfall", st.rows);
		if(st.rows && st.last_year != st.first_year)
			fprintf(ctx->out, ", år %d–%d", st.first_year, st.last_year);
		else if(st.rows)
			fprintf(ctx->out, ", år %d", st.first_year);
		fprintf(ctx->out, ", summa %s kr\n", sb.buf);
		if(st.blank)
			fprintf(ctx->out, "Tomma rader: %ld\n", st.blank);
		strbuf_release(&sb);
	}
	return flushed(ctx, err);
}
const struct cli_command cmd_import_sie = {
	"import sie", "read an SIE 4 file (types 1-4) into the ledger",
	"usage: styr import sie DB FILE [--json]\n\n"
	"Read an SIE file (SIE 4, or the balance files of types 1-3) into the\n"
	"ledger tables: fiscal years (#RAR), accounts (#KONTO, #KTYP, #SRU),\n"
	"dimensions and objects, balances (#IB, #UB, #RES), period balances and\n"
	"budgets (#PSALDO, #PBUDGET) and vouchers (#VER with #TRANS). #FORMAT PC8\n"
	"means CP437. Prints the company, the fiscal years, the count of each\n"
	"record type, the skipped records (types styr does not store) and the\n"
	"vouchers whose lines do not sum to zero. #KSUMMA is verified when present.\n"
	"The import is one transaction: an error names file:line:column and what\n"
	"was expected, and leaves the database unchanged.\n",
	run_sie, CLI_DB_WRITE
};

const struct cli_command cmd_import_csv = {
	"import csv", "read outcome or budget rows from a CSV file",
	"usage: styr import csv DB FILE --account N --amount N [--period N | --year Y]\n"
	"                       [--kind outcome|budget] [--header] [--separator ';'|',']\n"
	"                       [--object-dim D --object N] [--json]\n\n"
	"Read outcome or budget rows from a CSV file as Swedish Excel saves\n"
	"it (';' or ',', quotes, decimal comma, UTF-8 with or without BOM, or\n"
	"Windows-1252). Columns are numbered from 1: --account and --amount name\n"
	"theirs, --period a column holding YYYYMM, YYYY-MM or a date (or --year\n"
	"gives one year for every row), --object-dim D with --object N an object\n"
	"of dimension D. --header skips the first line. --kind is outcome (the\n"
	"default) or budget. The import is one transaction: an error names\n"
	"file:line:column and what was expected, and leaves the database unchanged.\n",
	run_csv, CLI_DB_WRITE
};

static const struct cli_command *const subcommands[] = {
	&cmd_import_sie, &cmd_import_csv,
};

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_run_subcommand(ctx, &cmd_import, subcommands,
	                          sizeof(subcommands) / sizeof(subcommands[0]), argc, argv);
}

const struct cli_command cmd_import = {
	"import", "import a ledger file: SIE 4 (types 1–4) or CSV outcome/budget",
	"usage: styr import sie|csv DB FILE [options] [--json]\n\n"
	"Read a ledger file into the database, in one transaction.\n",
	run
};
