/*
** cmd_report.c — `styr report TYPE DB (--year Y | --occasion O | --meeting
** D [--paragraph N]) --format html|pdf|docx|xlsx|text -o FILE`: build the
** report's document (reports/rt_*.c) and render it. `-o -` writes to
** standard output. The file is written whole or not at all: the report
** is rendered into memory first and written to FILE.tmp, then renamed.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/strbuf.h"
#include "reports/report.h"
#include "db/store.h"

static enum styr_rc write_out(struct cli_ctx *ctx, const char *path, const struct strbuf *sb,
                              struct styr_error *err)
{
	if(!strcmp(path, "-")) {
		if(fwrite(sb->buf, 1, sb->len, ctx->out) != sb->len || fflush(ctx->out))
			return styr_error_set(err, STYR_EIO, "standard output: write failed");
		return STYR_OK;
	}
	struct strbuf tmp = STRBUF_INIT;
	strbuf_addf(&tmp, "%s.tmp", path);
	FILE *f = fopen(tmp.buf, "wb");
	enum styr_rc rc = STYR_OK;
	if(!f) {
		rc = styr_error_set(err, STYR_EIO, "%s: %s", path, strerror(errno));
	} else {
		bool bad = fwrite(sb->buf, 1, sb->len, f) != sb->len;
		if(fclose(f) || bad)
			rc = styr_error_set(err, STYR_EIO, "%s: write failed", path);
		else if(rename(tmp.buf, path))
			rc = styr_error_set(err, STYR_EIO, "%s: %s", path, strerror(errno));
		if(rc)
			remove(tmp.buf);
	}
	strbuf_release(&tmp);
	return rc;
}

extern const struct cli_command cmd_report;

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *year = NULL, *occasion = NULL, *meeting = NULL, *paragraph = NULL;
	const char *format = NULL, *output = NULL;
	const struct cli_opt opts[] = {
		{ "--year", .value = &year },
		{ "--occasion", .value = &occasion },
		{ "--meeting", .value = &meeting },
		{ "--paragraph", .value = &paragraph },
		{ "--format", .value = &format },
		{ "-o", .value = &output },
		{ NULL }
	};
	const char *pos[2];
	int npos, r;
	struct report_args a = { 0 };
	struct styr_error err;

	styr_error_init(&err);
	r = cli_parse(ctx, &cmd_report, argc, argv, opts, pos, 2, 2, &npos);
	if(r)
		return r == CLI_HELP_SHOWN ? 0 : r;
	const struct report_type *t = report_type_find(pos[0]);
	if(!t) {
		size_t n;
		const struct report_type *const *all = report_types(&n);
		struct strbuf names = STRBUF_INIT;
		for(size_t i = 0; i < n; i++)
			strbuf_addf(&names, "%s%s", i ? ", " : "", all[i]->name);
		r = cli_usage_error(ctx, &cmd_report, "unknown report type \"%s\" (expected one of %s)",
		                    pos[0], names.buf);
		strbuf_release(&names);
		return r;
	}
	if(!format)
		return cli_usage_error(ctx, &cmd_report, "--format is required (html, pdf, docx, xlsx or text)");
	doc_renderer render = doc_renderer_find(format);
	if(!render)
		return cli_usage_error(ctx, &cmd_report,
		                       "unknown --format \"%s\" (expected html, pdf, docx, xlsx or text)", format);
	if(!output)
		return cli_usage_error(ctx, &cmd_report, "-o FILE is required (- for standard output)");
	int nsel = (year != NULL) + (occasion != NULL) + (meeting != NULL);
	if(nsel != 1)
		return cli_usage_error(ctx, &cmd_report,
		                       "give exactly one of --year, --occasion and --meeting");
	if(year && !cli_parse_year(year, &a.year))
		return cli_usage_error(ctx, &cmd_report, "--year: expected a year such as 2020, found \"%s\"", year);
	if(paragraph) {
		char *end;
		long v = strtol(paragraph, &end, 10);
		if(*end || v <= 0 || v > 100000)
			return cli_usage_error(ctx, &cmd_report,
			                       "--paragraph: expected a § number such as 3, found \"%s\"", paragraph);
		a.paragraph = (int)v;
	}
	a.occasion = occasion;
	a.meeting = meeting;
	unsigned sel = year ? REPORT_BY_YEAR : occasion ? REPORT_BY_OCCASION : REPORT_BY_MEETING;
	if(!(t->selectors & sel))
		return cli_usage_error(ctx, &cmd_report, "report %s is chosen by %s", t->name,
		                       (t->selectors & REPORT_BY_MEETING) ? "--meeting DATE"
		                                                          : "--year Y or --occasion DATE");

	struct store *s;
	s = ctx->store;
	struct doc *d = NULL;
	struct strbuf out = STRBUF_INIT;
	enum styr_rc rc = report_build(t, s, &a, &d, &err);
	if(!rc)
		rc = render(d, &out, &err);
	/* a protocol's decided documents follow its pages in the PDF */
	if(!rc && render == doc_renderer_find("pdf") && d->natt)
		rc = report_append_attachments(s, d, &out, 0, &err);
	if(!rc)
		rc = write_out(ctx, output, &out, &err);
	doc_free(d);
	strbuf_release(&out);
	return rc ? cli_fail(ctx, &err) : 0;
}

const struct cli_command cmd_report = {
	"report", "render a report (MER-plan, prognos, delår, årsredovisning, protokoll …)",
	"usage: styr report TYPE DB (--year Y | --occasion DATE | --meeting DATE [--paragraph N])\n"
	"                   --format html|pdf|docx|xlsx|text -o FILE\n"
	"\n"
	"Types: mer-plan (--year), prognos and delar (--occasion or --year),\n"
	"arsredovisning and internkontroll (--year), protokoll (--meeting),\n"
	"utdrag (--meeting and --paragraph), tjansteskrivelse (--meeting and\n"
	"--paragraph). -o - writes to standard output. A protocol's PDF has the\n"
	"documents its items decided on appended, each with a bookmark.\n",
	run, CLI_DB_READ, 1
};
