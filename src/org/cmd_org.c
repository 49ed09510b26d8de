/*
** cmd_org.c — `styr org DB`: the committee, its members with population,
** persons and report occasions.
*/
#include <stdlib.h>

#include "cli/cli.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "org/org.h"
#include "db/store.h"

static void print_text(struct cli_ctx *ctx, const struct committee *c,
                       const struct occasion *occ, size_t nocc,
                       struct member *const *pop, const int *years, size_t nyears,
                       size_t nmem)
{
	fprintf(ctx->out, "%s (%s), diarieprefix %s, värdkommun %s\n\n", c->name,
	        c->short_name, c->case_prefix, c->host_code);
	fprintf(ctx->out, "Medlemskommuner, folkmängd 31 december\n");
	fprintf(ctx->out, "%-6s %-12s", "Kod", "Kommun");
	for(size_t y = 0; y < nyears; y++)
		fprintf(ctx->out, " %8d", years[y]);
	fputc('\n', ctx->out);
	for(size_t m = 0; m < nmem; m++) {
		fprintf(ctx->out, "%-6s %-12s", pop[0][m].code, pop[0][m].name);
		for(size_t y = 0; y < nyears; y++) {
			struct strbuf sb = STRBUF_INIT;
			if(pop[y][m].population >= 0)
				fmt_int_sv(&sb, pop[y][m].population);
			else
				strbuf_addstr(&sb, "–");
			fprintf(ctx->out, " %8s", sb.buf);
			strbuf_release(&sb);
		}
		fputc('\n', ctx->out);
	}
	fprintf(ctx->out, "\nRapporttillfällen\n");
	for(size_t i = 0; i < nocc; i++) {
		char d[11] = "";
		if(occ[i].date.year)
			date_format_iso(occ[i].date, d);
		fprintf(ctx->out, "%-16s %-14s %4d %-10s %s\n", occ[i].key, occasion_kind_names[occ[i].kind],
		        occ[i].year, d, occ[i].title);
	}
}

static void print_json(struct cli_ctx *ctx, const struct committee *c,
                       const struct occasion *occ, size_t nocc,
                       struct member *const *pop, const int *years, size_t nyears,
                       size_t nmem)
{
	struct jsonw w;
	cli_json_init(ctx, &w);
	jsonw_object_begin(&w);
	jsonw_key(&w, "committee");
	jsonw_object_begin(&w);
	jsonw_kv_string(&w, "short_name", c->short_name);
	jsonw_kv_string(&w, "name", c->name);
	jsonw_kv_string(&w, "case_prefix", c->case_prefix);
	jsonw_kv_string(&w, "host_municipality", c->host_code);
	jsonw_object_end(&w);
	jsonw_key(&w, "members");
	jsonw_array_begin(&w);
	for(size_t m = 0; m < nmem; m++) {
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "code", pop[0][m].code);
		jsonw_kv_string(&w, "name", pop[0][m].name);
		jsonw_key(&w, "population");
		jsonw_object_begin(&w);
		for(size_t y = 0; y < nyears; y++) {
			char key[16];
			if(pop[y][m].population < 0)
				continue;
			snprintf(key, sizeof(key), "%d-12-31", years[y]);
			jsonw_kv_int(&w, key, pop[y][m].population);
		}
		jsonw_object_end(&w);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "occasions");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < nocc; i++) {
		char d[11];
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "key", occ[i].key);
		jsonw_kv_string(&w, "kind", occasion_kind_names[occ[i].kind]);
		jsonw_kv_int(&w, "year", occ[i].year);
		if(occ[i].date.year) {
			date_format_iso(occ[i].date, d);
			jsonw_kv_string(&w, "date", d);
		}
		jsonw_kv_string(&w, "title", occ[i].title);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

extern const struct cli_command cmd_org;

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos, r;
	bool json = false;
	struct store *s;
	struct styr_error err;
	struct committee c = { 0 };
	struct occasion *occ = NULL;
	size_t nocc = 0, nmem = 0;
	enum { FIRST_YEAR = 2015, NYEARS = 15 };
	struct member *pop[NYEARS] = { NULL };
	int years[NYEARS];
	size_t ny = 0;
	const struct cli_opt opts[] = { { "--json", .flag = &json }, { NULL } };

	r = cli_parse(ctx, &cmd_org, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	s = ctx->store;
	enum styr_rc rc = org_committee(s, &c, &err);
	if(!rc)
		rc = org_occasions(s, 0, &occ, &nocc, &err);
	/* Years with any recorded population, so the table has no empty columns. */
	for(int y = FIRST_YEAR; !rc && y < FIRST_YEAR + NYEARS; y++) {
		struct date d = { y, 12, 31 };
		struct member *m;
		size_t n;
		bool any = false;
		rc = org_members(s, d, &m, &n, &err);
		if(rc)
			break;
		for(size_t i = 0; i < n; i++)
			any |= m[i].population >= 0;
		if(!any) {
			members_free(m, n);
			continue;
		}
		pop[ny] = m;
		years[ny++] = y;
		nmem = n;
	}
	if(!rc && !ny) {
		struct date d = { FIRST_YEAR, 12, 31 };
		rc = org_members(s, d, &pop[0], &nmem, &err);
	}
	if(!rc && json)
		print_json(ctx, &c, occ, nocc, pop, years, ny, nmem);
	else if(!rc)
		print_text(ctx, &c, occ, nocc, pop, years, ny, nmem);
	committee_release(&c);
	occasions_free(occ, nocc);
	for(size_t y = 0; y < NYEARS; y++)
		members_free(pop[y], nmem);
	return rc ? cli_fail(ctx, &err) : 0;
}

const struct cli_command cmd_org = {
	"org", "show the committee, its members with population, and report occasions",
	"usage: styr org DB [--json]\n\n"
	"Show the committee, the member municipalities with their population on\n"
	"31 December of each recorded year (the key for splitting a surplus or\n"
	"deficit), and the report occasions with their cut-off dates.\n",
	run, CLI_DB_READ
};
