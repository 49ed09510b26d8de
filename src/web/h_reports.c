/*
** h_reports.c — the reports: every type in every format.
**
**   GET /rapporter             the types, the occasions, years and meetings
**                              they are about, with links
**   GET /rapporter/TYPE        the report: ?occasion=, ?year=, ?meeting=,
**                              ?paragraph= as `styr report` takes them;
**                              ?format=html|pdf|xlsx|text downloads the
**                              file, without it the report is the page
**
** The document is the report type's own (reports/report.h), drawn by the
** same renderers as `styr report`, so a download is byte for byte what the
** command line writes.
*/
#include "web/web.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "doc/doc.h"
#include "doc/html.h"
#include "meetings/meetings.h"
#include "org/org.h"
#include "reports/report.h"

static void link_to(struct html *h, const char *type, const char *param, const char *value,
                    const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "/rapporter/%s?%s=%s", type, param, value);
	html_elem_text(h, "a", text, "href", sb.buf, NULL);
	strbuf_release(&sb);
}

static void list(struct web_req *r)
{
	size_t ntypes, nocc = 0, nmeet = 0;
	const struct report_type *const *types = report_types(&ntypes);
	struct occasion *occ = NULL;
	struct date *meetings = NULL;
	struct styr_error err;
	struct html h;
	char iso[11], year[8];

	styr_error_init(&err);
	org_occasions(r->store, 0, &occ, &nocc, &err);
	meeting_dates_list(r->store, &meetings, &nmeet, &err);
	page_begin(r, &h, "Rapporter");
	html_elem_text(&h, "p", "Varje rapport som sida eller fil (HTML, PDF, Excel, text),"
	               " byggd av samma kod som kommandot styr report.", NULL);
	for(size_t t = 0; t < ntypes; t++) {
		const struct report_type *rt = types[t];
		html_elem_text(&h, "h2", rt->name, NULL);
		html_elem_text(&h, "p", rt->summary, NULL);
		html_open(&h, "ul", NULL);
		if(rt->selectors & REPORT_BY_OCCASION)
			for(size_t i = 0; i < nocc; i++) {
				if(!occ[i].date.year)
					continue;
				html_open(&h, "li", NULL);
				link_to(&h, rt->name, "occasion", occ[i].key,
				        occ[i].title ? occ[i].title : occ[i].key);
				html_close(&h);
			}
		else if(rt->selectors & REPORT_BY_YEAR) {
			int last = 0;
			for(size_t i = 0; i < nocc; i++) {
				if(occ[i].year == last)
					continue;
				last = occ[i].year;
				snprintf(year, sizeof(year), "%d", occ[i].year);
				html_open(&h, "li", NULL);
				link_to(&h, rt->name, "year", year, year);
				html_close(&h);
			}
		}
		if(rt->selectors & REPORT_BY_MEETING)
			for(size_t i = 0; i < nmeet; i++) {
				date_format_iso(meetings[i], iso);
				html_open(&h, "li", NULL);
				if(!strcmp(rt->name, "utdrag")) {
					struct strbuf sb = STRBUF_INIT, text = STRBUF_INIT;
					strbuf_addf(&sb, "/rapporter/utdrag?meeting=%s&paragraph=1", iso);
					strbuf_addf(&text, "Sammanträde %s, § 1", iso);
					html_elem_text(&h, "a", text.buf, "href", sb.buf, NULL);
					strbuf_release(&sb);
					strbuf_release(&text);
				} else {
					struct strbuf text = STRBUF_INIT;
					strbuf_addf(&text, "Sammanträde %s", iso);
					link_to(&h, rt->name, "meeting", iso, text.buf);
					strbuf_release(&text);
				}
				html_close(&h);
			}
		html_close(&h);
	}
	page_end(r, &h);
	occasions_free(occ, nocc);
	free(meetings);
}

static const struct { const char *format, *type, *ext; } formats[] = {
	{ "html", "text/html; charset=utf-8", "html" },
	{ "pdf", "application/pdf", "pdf" },
	{ "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx" },
	{ "text", "text/plain; charset=utf-8", "txt" },
};

void web_report_answer(struct web_req *r, const struct report_type *rt,
                       const struct report_args *a, const char *format, const char *self)
{
	struct styr_error err;
	struct doc *d = NULL;
	struct html h;
	size_t f = 0;
	enum styr_rc rc;

	if(format) {
		for(f = 0; f < sizeof(formats) / sizeof(formats[0]); f++)
			if(!strcmp(formats[f].format, format))
				break;
		if(f == sizeof(formats) / sizeof(formats[0])) {
			web_fail(r, 400, "format", "format: expected html, pdf, xlsx or text, found '%s'",
			         format);
			return;
		}
	}
	styr_error_init(&err);
	if((rc = report_build(rt, r->store, a, &d, &err))) {
		web_fail(r, web_status_for(rc) == 500 ? 500 : 404, NULL, "%s", err.msg);
		return;
	}
	if(format) {
		doc_renderer render = doc_renderer_find(format);
		struct strbuf out = STRBUF_INIT;
		char year[8];
		snprintf(year, sizeof(year), "%d", a->year);
		/* a protocol's PDF with its decided documents, as `styr report` */
		rc = report_render(r->store, d, render, &out, &err);
		if(rc) {
			web_fail(r, 500, NULL, "%s", err.msg);
		} else {
			strbuf_reset(&r->out);
			strbuf_add(&r->out, out.buf ? out.buf : "", out.len);
			r->type = formats[f].type;
			snprintf(r->disposition, sizeof(r->disposition),
			         "attachment; filename=\"%s-%s.%s\"", rt->name,
			         a->occasion ? a->occasion : a->meeting ? a->meeting : a->year ? year : "styr",
			         formats[f].ext);
		}
		strbuf_release(&out);
	} else {
		struct strbuf base = STRBUF_INIT;
		page_begin(r, &h, d->title);
		/* The query of this page, for the download links. */
		for(int i = 0; i < r->nparams; i++)
			if(strcmp(r->params[i].name, "format"))
				strbuf_addf(&base, "%s=%s&", r->params[i].name, r->params[i].value);
		html_open(&h, "p", NULL);
		html_text(&h, "Ladda ned: ");
		for(size_t k = 0; k < sizeof(formats) / sizeof(formats[0]); k++) {
			struct strbuf sb = STRBUF_INIT;
			strbuf_addf(&sb, "%s?%sformat=%s", self, base.buf, formats[k].format);
			if(k)
				html_text(&h, " · ");
			html_elem_text(&h, "a", formats[k].ext, "href", sb.buf, NULL);
			strbuf_release(&sb);
		}
		html_close(&h);
		if(d->subtitle)
			html_elem_text(&h, "p", d->subtitle, NULL);
		render_html_blocks(d, &h);
		page_end(r, &h);
		strbuf_release(&base);
	}
	doc_free(d);
}

static void build(struct web_req *r)
{
	const struct report_type *rt = report_type_find(r->parts[0]);
	const char *y = web_param(r, "year"), *p = web_param(r, "paragraph");
	struct report_args a = { 0 };
	struct strbuf self = STRBUF_INIT;

	if(!rt) {
		web_fail(r, 404, NULL, "det finns ingen rapport '%s'", r->parts[0]);
		return;
	}
	a.occasion = web_param(r, "occasion");
	a.meeting = web_param(r, "meeting");
	if(y && (!(a.year = atoi(y)) || strlen(y) != 4)) {
		web_fail(r, 400, "year", "year: expected a year such as 2020, found '%s'", y);
		return;
	}
	if(p && (a.paragraph = atoi(p)) < 1) {
		web_fail(r, 400, "paragraph", "paragraph: expected a § number, found '%s'", p);
		return;
	}
	strbuf_addf(&self, "/rapporter/%s", rt->name);
	web_report_answer(r, rt, &a, web_param(r, "format"), self.buf);
	strbuf_release(&self);
}

const struct web_route route_reports = {
	"GET", "/rapporter", WEB_LOGIN, true, list, "the reports"
};
const struct web_route route_report = {
	"GET", "/rapporter/*", WEB_LOGIN, true, build, "one report as a page or a file"
};
