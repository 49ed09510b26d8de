/*
** cmd_ops.c — `styr ops import|imports|kpi|controls|apply|sources`: the
** front door of the operational data (see ops.h). Each subcommand parses
** its arguments, makes one domain call and prints a document (through
** sec_ops.c) or JSON.
*/
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "base/money.h"
#include "cli/cli.h"
#include "db/store.h"
#include "ops/ops.h"
#include "ops/ops_doc.h"

extern const struct cli_command cmd_ops;
extern const struct cli_command cmd_ops_import, cmd_ops_imports, cmd_ops_kpi,
	cmd_ops_controls, cmd_ops_apply, cmd_ops_sources;

static bool date_opt(struct cli_ctx *ctx, const struct cli_command *cmd, const char *name,
                     const char *s, struct date *d, int *r)
{
	if(!s)
		return true;
	if(date_parse_iso(s, d))
		return true;
	*r = cli_usage_error(ctx, cmd, "%s: expected a date YYYY-MM-DD, found '%s'", name, s);
	return false;
}

static bool seed_opt(struct cli_ctx *ctx, const struct cli_command *cmd, const char *s,
                     uint64_t *seed, int *r)
{
	char *end;
	if(!s)
		return true;
	*seed = strtoull(s, &end, 10);
	if(*s >= '0' && *s <= '9' && !*end)
		return true;
	*r = cli_usage_error(ctx, cmd, "--seed: expected a whole number, found '%s'", s);
	return false;
}

/* ---- import ---- */

static void import_text(struct cli_ctx *ctx, const char *file, const struct ops_import_opts *o,
                        const struct ops_import_result *r)
{
	char a[11], b[11];
	struct strbuf sb = STRBUF_INIT;
	date_format_iso(r->from, a);
	date_format_iso(r->to, b);
	fprintf(ctx->out, "Import #%" PRId64 ": %s (%s, profil %s), period %s–%s\n", r->id, file,
	        ops_source_names[o->source], o->profile, a, b);
	fprintf(ctx->out, "Teckenkodning %s, avgränsare '%c'\n", r->encoding, r->sep ? r->sep : ';');
	fmt_int_sv(&sb, r->rows);
	fprintf(ctx->out, "%s: %s rader\n", o->source == OPS_SRC_HISTORY ? "Händelser" : "Lagrade",
	        sb.buf);
	if(r->skipped)
		fprintf(ctx->out, "Överhoppade: %ld (ord som profilen säger ignore, eller inte en"
		        " dator i bruk)\n", r->skipped);
	if(r->ignored_events)
		fprintf(ctx->out, "Händelser som inte används: %ld%s%s%s\n", r->ignored_events,
		        *r->ignored_fields ? " (okända fält: " : "", r->ignored_fields,
		        *r->ignored_fields ? ")" : "");
	if(r->flagged)
		fprintf(ctx->out, "Flaggade: %ld tider i den dubblerade timmen 02:00–03:00 när"
		        " sommartiden slutar (första på rad %ld), lästa som sommartid tills klockan"
		        " går tillbaka i filen\n", r->flagged, r->first_flagged_line);
	if(r->replaced)
		fprintf(ctx->out, "Ersätter import #%" PRId64 " av samma period\n", r->replaced);
	strbuf_release(&sb);
}

static void import_json(struct cli_ctx *ctx, const char *file, const struct ops_import_opts *o,
                        const struct ops_import_result *r)
{
	struct jsonw w;
	char a[11], b[11], sep[2] = { r->sep ? r->sep : ';', 0 };
	date_format_iso(r->from, a);
	date_format_iso(r->to, b);
	cli_json_init(ctx, &w);
	jsonw_object_begin(&w);
	jsonw_kv_int(&w, "import", r->id);
	jsonw_kv_string(&w, "file", file);
	jsonw_kv_string(&w, "source", ops_source_names[o->source]);
	jsonw_kv_string(&w, "profile", o->profile);
	jsonw_kv_string(&w, "from", a);
	jsonw_kv_string(&w, "to", b);
	jsonw_kv_int(&w, "rows", r->rows);
	jsonw_kv_int(&w, "skipped", r->skipped);
	jsonw_kv_int(&w, "ignored_events", r->ignored_events);
	jsonw_kv_string(&w, "ignored_fields", r->ignored_fields);
	jsonw_key(&w, "repeated_hour");
	jsonw_object_begin(&w);
	jsonw_kv_int(&w, "count", r->flagged);
	jsonw_kv_int(&w, "first_line", r->first_flagged_line);
	jsonw_object_end(&w);
	jsonw_kv_string(&w, "encoding", r->encoding);
	jsonw_kv_string(&w, "separator", sep);
	if(r->replaced)
		jsonw_kv_int(&w, "replaced", r->replaced);
	else {
		jsonw_key(&w, "replaced");
		jsonw_null(&w);
	}
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

static int run_import(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2], *source = NULL, *profile = NULL, *from_s = NULL, *to_s = NULL;
	bool json = false;
	int npos, r;
	struct ops_import_opts o = { 0 };
	struct ops_import_result res;
	struct styr_error err;
	const struct cli_opt opts[] = {
		{ "--source", .value = &source }, { "--profile", .value = &profile },
		{ "--from", .value = &from_s }, { "--to", .value = &to_s },
		{ "--json", .flag = &json }, { NULL }
	};
	r = cli_parse(ctx, &cmd_ops_import, argc, argv, opts, pos, 2, 2, &npos);
	if(r)
		return r;
	if(!source || !profile)
		return cli_usage_error(ctx, &cmd_ops_import, "give --source and --profile");
	o.source = OPS_NSOURCES;
	for(int i = 0; i < OPS_NSOURCES; i++)
		if(!strcmp(ops_source_names[i], source))
			o.source = (enum ops_source)i;
	if(o.source == OPS_NSOURCES)
		return cli_usage_error(ctx, &cmd_ops_import, "--source: expected tickets, ticket-history,"
		                       " calls, availability, assets, invoices or backup-jobs, found '%s'",
		                       source);
	if(!date_opt(ctx, &cmd_ops_import, "--from", from_s, &o.from, &r) ||
	   !date_opt(ctx, &cmd_ops_import, "--to", to_s, &o.to, &r))
		return r;
	o.path = pos[1];
	o.profile = profile;
	styr_error_init(&err);
	if(ops_import_file(ctx->store, &o, &res, &err))
		return cli_fail(ctx, &err);
	if(json)
		import_json(ctx, pos[1], &o, &res);
	else
		import_text(ctx, pos[1], &o, &res);
	return 0;
}

/* ---- imports ---- */

static int run_imports(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	bool json = false;
	int npos, r;
	struct ops_import_row *v;
	size_t n;
	struct styr_error err;
	const struct cli_opt opts[] = { { "--json", .flag = &json }, { NULL } };
	r = cli_parse(ctx, &cmd_ops_imports, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	if(ops_imports(ctx->store, &v, &n, &err))
		return cli_fail(ctx, &err);
	if(json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		jsonw_array_begin(&w);
		for(size_t i = 0; i < n; i++) {
			jsonw_object_begin(&w);
			jsonw_kv_int(&w, "import", v[i].id);
			jsonw_kv_string(&w, "source", v[i].source);
			jsonw_kv_string(&w, "profile", v[i].profile);
			jsonw_kv_string(&w, "file", v[i].file);
			jsonw_kv_string(&w, "from", v[i].from);
			jsonw_kv_string(&w, "to", v[i].to);
			jsonw_kv_int(&w, "rows", v[i].rows);
			jsonw_kv_int(&w, "repeated_hour", v[i].flagged);
			jsonw_kv_string(&w, "imported_at", v[i].imported_at);
			jsonw_kv_string(&w, "imported_by", v[i].imported_by);
			jsonw_object_end(&w);
		}
		jsonw_array_end(&w);
		jsonw_finish(&w);
	} else {
		if(!n)
			fprintf(ctx->out, "Inga importer.\n");
		for(size_t i = 0; i < n; i++)
			fprintf(ctx->out, "#%-4" PRId64 " %-14s %-10s %s–%s %8ld rader  %s\n", v[i].id,
			        v[i].source, v[i].profile, v[i].from, v[i].to, v[i].rows, v[i].file);
	}
	ops_imports_free(v, n);
	return 0;
}

/* ---- kpi ---- */

static void figure_json(struct jsonw *w, const struct ops_figure *g)
{
	struct strbuf sb = STRBUF_INIT;
	jsonw_object_begin(w);
	jsonw_kv_string(w, "measure", g->measure);
	if(g->argument)
		jsonw_kv_string(w, "argument", g->argument);
	jsonw_kv_string(w, "title", g->title);
	if(g->has_value) {
		ops_figure_format(g, -1, &sb);
		jsonw_kv_string(w, "value", sb.buf);
		jsonw_kv_int(w, "scaled", g->value);
		jsonw_kv_int(w, "decimals", g->decimals);
	} else {
		jsonw_key(w, "value");
		jsonw_null(w);
	}
	jsonw_kv_string(w, "unit", g->unit);
	if(g->den) {
		jsonw_kv_int(w, "numerator", g->num);
		jsonw_kv_int(w, "denominator", g->den);
	}
	jsonw_kv_string(w, "detail", g->detail);
	jsonw_key(w, "provenance");
	jsonw_object_begin(w);
	jsonw_kv_string(w, "definition", g->definition);
	jsonw_kv_int(w, "version", g->version);
	jsonw_kv_string(w, "files", g->files);
	jsonw_kv_int(w, "rows", g->rows);
	jsonw_object_end(w);
	jsonw_object_end(w);
	strbuf_release(&sb);
}

static int run_kpi(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *from_s = NULL, *to_s = NULL;
	bool json = false;
	int npos, r;
	struct date from, to;
	struct ops_kpi k;
	struct styr_error err;
	const struct cli_opt opts[] = {
		{ "--from", .value = &from_s }, { "--to", .value = &to_s }, { "--json", .flag = &json },
		{ NULL }
	};
	r = cli_parse(ctx, &cmd_ops_kpi, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	if(!from_s || !to_s)
		return cli_usage_error(ctx, &cmd_ops_kpi, "give --from and --to");
	if(!date_opt(ctx, &cmd_ops_kpi, "--from", from_s, &from, &r) ||
	   !date_opt(ctx, &cmd_ops_kpi, "--to", to_s, &to, &r))
		return r;
	styr_error_init(&err);
	if(ops_kpi(ctx->store, from, to, &k, &err))
		return cli_fail(ctx, &err);
	if(json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "from", from_s);
		jsonw_kv_string(&w, "to", to_s);
		jsonw_kv_string(&w, "calendar", k.calendar);
		jsonw_key(&w, "indicators");
		jsonw_array_begin(&w);
		for(size_t i = 0; i < k.nfig; i++)
			figure_json(&w, &k.fig[i]);
		jsonw_array_end(&w);
		jsonw_object_end(&w);
		jsonw_finish(&w);
		ops_kpi_release(&k);
		return 0;
	}
	struct doc *d = doc_new("Serviceindikatorer");
	ops_doc_kpi(d, &k);
	ops_kpi_release(&k);
	return cli_print_doc(ctx, d);
}

/* ---- controls ---- */

static void runs_json(struct jsonw *w, const struct ops_control_run *v, size_t n)
{
	jsonw_array_begin(w);
	for(size_t i = 0; i < n; i++) {
		char iso[11], seed[24];
		date_format_iso(v[i].date, iso);
		jsonw_object_begin(w);
		jsonw_kv_string(w, "moment", v[i].moment);
		jsonw_kv_string(w, "controls", v[i].controls);
		jsonw_kv_string(w, "label", v[i].label);
		jsonw_kv_string(w, "date", iso);
		jsonw_kv_string(w, "status", *v[i].status ? v[i].status : NULL);
		jsonw_kv_string(w, "comment", v[i].comment);
		jsonw_key(w, "findings");
		jsonw_array_begin(w);
		for(size_t f = 0; f < v[i].nfindings; f++)
			jsonw_string(w, v[i].findings[f]);
		jsonw_array_end(w);
		if(v[i].has_seed) {
			snprintf(seed, sizeof(seed), "%" PRIu64, v[i].seed);
			jsonw_kv_string(w, "seed", seed);
		}
		jsonw_kv_string(w, "files", v[i].files);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
}

static int run_controls(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *at_s = NULL, *seed_s = NULL;
	bool json = false;
	int npos, r;
	struct date at;
	uint64_t seed;
	struct ops_control_run *v;
	size_t n;
	struct styr_error err;
	const struct cli_opt opts[] = {
		{ "--at", .value = &at_s }, { "--seed", .value = &seed_s }, { "--json", .flag = &json },
		{ NULL }
	};
	r = cli_parse(ctx, &cmd_ops_controls, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	if(!at_s)
		return cli_usage_error(ctx, &cmd_ops_controls, "give --at DATE");
	if(!date_opt(ctx, &cmd_ops_controls, "--at", at_s, &at, &r) ||
	   !seed_opt(ctx, &cmd_ops_controls, seed_s, &seed, &r))
		return r;
	styr_error_init(&err);
	if(ops_controls_run(ctx->store, at, 0, seed_s ? &seed : NULL, &v, &n, &err))
		return cli_fail(ctx, &err);
	if(json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		runs_json(&w, v, n);
		jsonw_finish(&w);
		ops_control_runs_free(v, n);
		return 0;
	}
	struct doc *d = doc_new("Kontroller");
	doc_paraf(d, "Interna kontroller per %s (inget sparat; styr ops apply skriver dem som"
	          " uppföljningar).", at_s);
	ops_doc_controls(d, v, n);
	ops_control_runs_free(v, n);
	return cli_print_doc(ctx, d);
}

/* ---- apply ---- */

static int run_apply(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *occ_s = NULL, *seed_s = NULL;
	bool json = false;
	int npos, r;
	uint64_t seed;
	struct occasion o;
	struct ops_apply_result res;
	struct styr_error err;
	const struct cli_opt opts[] = {
		{ "--occasion", .value = &occ_s }, { "--seed", .value = &seed_s },
		{ "--json", .flag = &json }, { NULL }
	};
	r = cli_parse(ctx, &cmd_ops_apply, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	if(!occ_s)
		return cli_usage_error(ctx, &cmd_ops_apply, "give --occasion");
	if(!seed_opt(ctx, &cmd_ops_apply, seed_s, &seed, &r))
		return r;
	styr_error_init(&err);
	if(org_occasion_resolve(ctx->store, &(struct occasion_query){ occ_s, 0, OCC_FOLLOW_UP }, &o,
	                        &err))
		return cli_fail(ctx, &err);
	if(ops_apply(ctx->store, &o, seed_s ? &seed : NULL, &res, &err)) {
		occasion_release(&o);
		return cli_fail(ctx, &err);
	}
	char a[11], b[11];
	date_format_iso(res.from, a);
	date_format_iso(res.to, b);
	if(json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "occasion", o.key);
		jsonw_kv_string(&w, "from", a);
		jsonw_kv_string(&w, "to", b);
		jsonw_key(&w, "values");
		jsonw_array_begin(&w);
		for(size_t i = 0; i < res.nvalues; i++) {
			jsonw_object_begin(&w);
			jsonw_kv_string(&w, "indicator", res.values[i].indicator);
			jsonw_kv_string(&w, "measure", res.values[i].measure);
			jsonw_kv_string(&w, "value", res.values[i].value);
			jsonw_kv_bool(&w, "changed", res.values[i].changed);
			jsonw_object_end(&w);
		}
		jsonw_array_end(&w);
		jsonw_key(&w, "followups");
		runs_json(&w, res.runs, res.nruns);
		jsonw_kv_int(&w, "followups_new", (int64_t)res.followups_new);
		jsonw_kv_int(&w, "followups_changed", (int64_t)res.followups_changed);
		jsonw_kv_int(&w, "followups_same", (int64_t)res.followups_same);
		jsonw_object_end(&w);
		jsonw_finish(&w);
	} else {
		fprintf(ctx->out, "Tillfälle %s: värden för %s–%s\n", o.key, a, b);
		for(size_t i = 0; i < res.nvalues; i++)
			fprintf(ctx->out, "  %-28s %-20s %s%s\n", res.values[i].indicator,
			        res.values[i].measure,
			        res.values[i].value ? res.values[i].value : "saknar värde (inte skrivet)",
			        res.values[i].value && !res.values[i].changed ? " (oförändrat)" : "");
		for(size_t i = 0; i < res.nruns; i++)
			fprintf(ctx->out, "  uppföljning %s \"%s\": %s, %zu avvikelser\n",
			        res.runs[i].moment, res.runs[i].label,
			        *res.runs[i].status ? res.runs[i].status : "utan status",
			        res.runs[i].nfindings);
		fprintf(ctx->out, "Uppföljningar: %zu nya, %zu ändrade, %zu oförändrade\n",
		        res.followups_new, res.followups_changed, res.followups_same);
	}
	ops_apply_result_release(&res);
	occasion_release(&o);
	return 0;
}

/* ---- sources ---- */

static int run_sources(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *occ_s = NULL;
	bool json = false, found;
	int npos, r;
	struct occasion o;
	struct styr_error err;
	const struct cli_opt opts[] = {
		{ "--occasion", .value = &occ_s }, { "--json", .flag = &json }, { NULL }
	};
	r = cli_parse(ctx, &cmd_ops_sources, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	if(!occ_s)
		return cli_usage_error(ctx, &cmd_ops_sources, "give --occasion");
	styr_error_init(&err);
	if(org_occasion_resolve(ctx->store, &(struct occasion_query){ occ_s, 0, 0 }, &o, &err))
		return cli_fail(ctx, &err);
	if(json) {
		struct ops_source_row *v;
		size_t n;
		struct jsonw w;
		if(ops_sources(ctx->store, &o, &v, &n, &err)) {
			occasion_release(&o);
			return cli_fail(ctx, &err);
		}
		cli_json_init(ctx, &w);
		jsonw_array_begin(&w);
		for(size_t i = 0; i < n; i++) {
			jsonw_object_begin(&w);
			jsonw_kv_string(&w, "indicator", v[i].indicator);
			jsonw_kv_string(&w, "value", v[i].value);
			jsonw_kv_string(&w, "measure", v[i].measure);
			jsonw_kv_string(&w, "definition", v[i].definition);
			jsonw_kv_int(&w, "version", v[i].version);
			jsonw_kv_string(&w, "from", v[i].from);
			jsonw_kv_string(&w, "to", v[i].to);
			jsonw_kv_string(&w, "files", v[i].files);
			jsonw_kv_int(&w, "rows", v[i].rows);
			jsonw_kv_string(&w, "detail", v[i].detail);
			jsonw_kv_string(&w, "applied_at", v[i].applied_at);
			jsonw_kv_string(&w, "applied_by", v[i].applied_by);
			jsonw_object_end(&w);
		}
		jsonw_array_end(&w);
		jsonw_finish(&w);
		ops_sources_free(v, n);
		occasion_release(&o);
		return 0;
	}
	struct doc *d = doc_new("Källor");
	if(ops_doc_sources(d, ctx->store, &o, &found, &err)) {
		doc_free(d);
		occasion_release(&o);
		return cli_fail(ctx, &err);
	}
	if(!found)
		doc_paraf(d, "Inga värden från driftdata vid %s (styr ops apply).", o.key);
	occasion_release(&o);
	return cli_print_doc(ctx, d);
}

const struct cli_command cmd_ops_import = {
	"ops import", "read an export of tickets, history, calls, availability, assets, invoices or backup runs",
	"usage: styr ops import DB FILE --source SOURCE --profile NAME [--from DATE --to DATE] [--json]\n\n"
	"Read FILE, a CSV export (';' or ',', UTF-8 or Windows-1252), through the\n"
	"profile NAME (loaded with 'styr load DB data/ops-profiles/NAME.json').\n"
	"SOURCE is tickets, ticket-history, calls, availability, assets, invoices\n"
	"or backup-jobs. The period is --from..--to (every row must fall in it),\n"
	"else the first to the last day of the rows; an asset list is a snapshot of\n"
	"the day --to (default today). Importing the same period again replaces it;\n"
	"an overlapping one is refused. All or nothing: on bad input nothing is\n"
	"stored, the message names file, line and column, and the exit status is 2.\n",
	run_import, CLI_DB_WRITE, 0
};

const struct cli_command cmd_ops_imports = {
	"ops imports", "the imports stored, with their periods",
	"usage: styr ops imports DB [--json]\n\n"
	"Every import: its number, source, profile, period, rows and file.\n",
	run_imports, CLI_DB_READ, 0
};

const struct cli_command cmd_ops_kpi = {
	"ops kpi", "every service indicator of a period, with its sources",
	"usage: styr ops kpi DB --from DATE --to DATE [--json]\n\n"
	"Every indicator of docs/ops-indicators.md for the days FROM to TO: handling\n"
	"time, first response per priority, service-desk resolution, open tickets at\n"
	"the end of TO, orders delivered in time, calls answered in time and\n"
	"availability, each with how it was counted and the imports it came from.\n",
	run_kpi, CLI_DB_READ, 0
};

const struct cli_command cmd_ops_controls = {
	"ops controls", "run the internal controls mapped to control moments, storing nothing",
	"usage: styr ops controls DB --at DATE [--seed N] [--json]\n\n"
	"Run the controls mapped in ops_control_map to the control moments of the\n"
	"plan of DATE's year, as of DATE: old tickets, tickets without a solution,\n"
	"tickets that skipped the status routine, computers in the register against\n"
	"the management system, a random sample of supplier invoices (--seed gives\n"
	"the seed; the same seed gives the same sample) and the backup-job log.\n",
	run_controls, CLI_DB_READ, 0
};

const struct cli_command cmd_ops_apply = {
	"ops apply", "write the figures and controls of an occasion, with their provenance",
	"usage: styr ops apply DB --occasion OCCASION [--seed N] [--json]\n\n"
	"Compute the figures from 1 January to the occasion's cut-off and write them\n"
	"as the values of the indicators mapped in ops_indicator_map, and run the\n"
	"controls of ops_control_map and write them as follow-ups of their control\n"
	"moments; each with its provenance (styr ops sources). One transaction. The\n"
	"seed of an invoice sample is recorded: applying again draws the same sample.\n",
	run_apply, CLI_DB_WRITE, 0
};

const struct cli_command cmd_ops_sources = {
	"ops sources", "where each figure applied at an occasion came from",
	"usage: styr ops sources DB --occasion OCCASION [--json]\n\n"
	"Every indicator value styr ops apply wrote at the occasion: definition and\n"
	"version, period, the imports and rows it was computed from.\n",
	run_sources, CLI_DB_READ, 0
};

const struct cli_command cmd_ops = {
	"ops", "service indicators and internal controls computed from operational data",
	"usage: styr ops SUBCOMMAND DB [arguments] [--json]\n\n"
	"Exports of the service desk, telephony, monitoring and asset systems read\n"
	"through profiles; indicators and internal controls computed from them the\n"
	"same way every time, each figure with its source (docs/ops-indicators.md).\n",
	.subs = (const struct cli_command *const[]){
		&cmd_ops_import, &cmd_ops_imports, &cmd_ops_kpi, &cmd_ops_controls, &cmd_ops_apply,
		&cmd_ops_sources, NULL },
};
