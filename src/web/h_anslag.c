/*
** h_anslag.c — GET /anslagstavla: the committee's digital anslagstavla
** (kommunallagen 8 kap. 10-12 §§), public, no login.
**
** Each justerat protokoll is shown from the day it was posted through
** the day after the last day of appeal (the law's removal day), with the
** day posted, the last day of appeal and that day; after it the protocol
** stays in the archive below. The dates
** are the meetings module's legal dates (meeting_deadlines), computed
** from the recorded anslag, never typed in here.
*/
#include "web/web.h"

#include <stdlib.h>

#include "base/clock.h"
#include "base/date.h"
#include "doc/html.h"
#include "meetings/meetings.h"
#include "meetings/meetings_doc.h"
#include "doc/doc.h"
#include "db/section.h"
#include "org/org.h"
#include "reports/report.h"
#include <string.h>

struct notice {
	struct date meeting, justering, posted, last_day, down;
};

static void notice_rows(struct html *h, const struct notice *v, size_t n, bool current,
                        struct date today)
{
	char iso[11];
	bool any = false;
	html_open(h, "div", "class", "table-wrap", NULL);
	html_open(h, "table", NULL);
	html_elem_text(h, "caption", current ? "Anslagna protokoll" : "Arkiv", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem_text(h, "th", "Protokoll", "scope", "col", NULL);
	html_elem_text(h, "th", "Justerat", "scope", "col", NULL);
	html_elem_text(h, "th", "Anslaget", "scope", "col", NULL);
	html_elem_text(h, "th", "Sista dag att överklaga", "scope", "col", NULL);
	html_elem_text(h, "th", "Tas ned", "scope", "col", NULL);
	html_close_to(h, h->depth - 2);
	html_open(h, "tbody", NULL);
	for(size_t i = 0; i < n; i++) {
		bool up = date_cmp(v[i].posted, today) <= 0 && date_cmp(today, v[i].down) <= 0;
		bool past = date_cmp(v[i].down, today) < 0;
		struct strbuf link = STRBUF_INIT;
		if(current ? !up : !past)
			continue;
		any = true;
		date_format_iso(v[i].meeting, iso);
		strbuf_addf(&link, "/anslagstavla/%s", iso);
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_open(h, "a", "href", link.buf, NULL);
		html_textf(h, "Sammanträde %s", iso);
		html_close_to(h, h->depth - 2);
		if(v[i].justering.year) {
			date_format_iso(v[i].justering, iso);
			html_elem_text(h, "td", iso, NULL);
		} else
			html_elem_text(h, "td", "uppgift saknas", NULL);
		date_format_iso(v[i].posted, iso);
		html_elem_text(h, "td", iso, NULL);
		date_format_iso(v[i].last_day, iso);
		html_elem_text(h, "td", iso, NULL);
		date_format_iso(v[i].down, iso);
		html_elem_text(h, "td", iso, NULL);
		html_close(h);
		strbuf_release(&link);
	}
	html_close_to(h, h->depth - 3);
	if(!any)
		html_elem_text(h, "p", current ? "Inga protokoll är anslagna i dag."
		                               : "Arkivet är tomt.", NULL);
}

/* The report type of an occasion's kind, or NULL. */
static const struct report_type *type_of(enum occasion_kind k)
{
	switch(k) {
	case OCC_PROGNOS: return report_type_find("prognos");
	case OCC_DELAR: return report_type_find("delar");
	case OCC_ARSREDOVISNING: return report_type_find("arsredovisning");
	default: return NULL;
	}
}

struct fixed_ctx {
	struct web_req *r;
	struct html *h;
	int n;
};

static enum styr_rc fixed_item(void *ctx, const struct section_desc *d,
                               const struct field_value vals[])
{
	struct fixed_ctx *c = ctx;
	struct strbuf occ = STRBUF_INIT, state = STRBUF_INIT, link = STRBUF_INIT;
	struct occasion o = { 0 };
	struct styr_error err;
	styr_error_init(&err);
	section_value_text(section_field(d, "occasion"), &vals[0], &occ);
	section_value_text(section_field(d, "state"), &vals[3], &state);
	if(!strcmp(state.buf, "fastställd")
	   && !org_occasion_resolve(c->r->store, &(struct occasion_query){ occ.buf, 0, 0 }, &o, &err)
	   && type_of(o.kind)) {
		strbuf_addf(&link, "/anslagstavla/rapport/%s", o.key);
		html_open(c->h, "li", NULL);
		html_elem_text(c->h, "a", o.title ? o.title : o.key, "href", link.buf, NULL);
		html_close(c->h);
		c->n++;
	}
	occasion_release(&o);
	strbuf_release(&occ);
	strbuf_release(&state);
	strbuf_release(&link);
	return STYR_OK;
}

/* The fastställda reports: those whose decision is fastställd. */
static void fixed_reports(struct web_req *r, struct html *h)
{
	struct fixed_ctx c = { r, h, 0 };
	struct styr_error err;
	styr_error_init(&err);
	html_open(h, "ul", NULL);
	store_section_each(r->store, store_section_find("report_decisions"), fixed_item, &c, &err);
	html_close(h);
	if(!c.n)
		html_elem_text(h, "p", "Ingen rapport är fastställd ännu.", NULL);
}

/* A fastställd report, public: the page or a file. */
static void fixed_report(struct web_req *r)
{
	const struct section_desc *dd = store_section_find("report_decisions");
	struct occasion o = { 0 };
	struct styr_error err;
	struct strbuf img = STRBUF_INIT, self = STRBUF_INIT;
	struct report_args a = { 0 };
	int64_t id;
	bool found = false;

	styr_error_init(&err);
	if(org_occasion_resolve(r->store, &(struct occasion_query){ r->parts[0], 0, 0 }, &o, &err)
	   || !type_of(o.kind) || store_row_find(r->store, dd, o.key, &id, &err)
	   || store_row_image(r->store, dd, id, &img, NULL, &found, &err) || !found
	   || !strstr(img.buf, "\"state\":\"fastställd\"")) {
		web_fail(r, 404, NULL, "det finns ingen fastställd rapport för %s", r->parts[0]);
		goto out;
	}
	a.occasion = o.key;
	strbuf_addf(&self, "/anslagstavla/rapport/%s", o.key);
	web_report_answer(r, type_of(o.kind), &a, web_param(r, "format"), self.buf);
out:
	occasion_release(&o);
	strbuf_release(&img);
	strbuf_release(&self);
}

static void board(struct web_req *r)
{
	struct styr_error err;
	struct date *dates = NULL, today = clock_today();
	struct notice *v = NULL;
	size_t n = 0, nv = 0;
	struct html h;
	char iso[11];

	styr_error_init(&err);
	if(meeting_dates_list(r->store, &dates, &n, &err)) {
		web_fail(r, 500, NULL, "%s", err.msg);
		return;
	}
	v = xcalloc(n ? n : 1, sizeof(*v));
	for(size_t i = n; i-- > 0;) {
		struct protocol p;
		struct meeting_deadlines dl;
		date_format_iso(dates[i], iso);
		if(meeting_protocol(r->store, iso, &p, &err))
			continue;
		meeting_deadlines(&p, p.nanslag, &dl, NULL);
		/* A posted anslag is a justerat protokoll (the justering date
		** itself is not always recorded). */
		if(p.nanslag && dl.has_appeal) {
			struct date first = p.anslag[0].date;
			for(size_t a = 1; a < p.nanslag; a++)
				if(date_cmp(p.anslag[a].date, first) < 0)
					first = p.anslag[a].date;
			v[nv].meeting = p.date;
			v[nv].justering = p.justering;
			v[nv].posted = first;
			v[nv].last_day = dl.appeal.last_day;
			v[nv].down = dl.appeal.removal;
			nv++;
		}
		protocol_release(&p);
	}
	page_begin(r, &h, "Anslagstavla");
	date_format_iso(today, iso);
	html_open(&h, "p", NULL);
	html_textf(&h, "Nämndens digitala anslagstavla enligt kommunallagen 8 kap. Ett justerat"
	           " protokoll sitter uppe från den dag det anslås till den dag det tas ned, dagen efter sista dag"
	           " att överklaga, och finns sedan kvar i arkivet. I dag är det %s.", iso);
	html_close(&h);
	notice_rows(&h, v, nv, true, today);
	html_elem_text(&h, "h2", "Arkiv", NULL);
	notice_rows(&h, v, nv, false, today);
	html_elem_text(&h, "h2", "Fastställda rapporter", NULL);
	fixed_reports(r, &h);
	page_end(r, &h);
	free(dates);
	free(v);
}

/* One protocol, public: the protocol document as the report draws it. */
static void protocol(struct web_req *r)
{
	struct styr_error err;
	struct protocol p;
	struct doc *d;
	struct html h;
	struct strbuf title = STRBUF_INIT;

	styr_error_init(&err);
	if(meeting_protocol(r->store, r->parts[0], &p, &err)) {
		web_fail(r, 404, NULL, "%s", err.msg);
		return;
	}
	if(!p.nanslag) {
		protocol_release(&p);
		web_fail(r, 404, NULL, "protokollet från %s är inte anslaget", r->parts[0]);
		return;
	}
	d = meetings_doc_protocol(&p);
	strbuf_addf(&title, "Protokoll %s", r->parts[0]);
	page_begin(r, &h, title.buf);
	render_html_blocks(d, &h);
	page_end(r, &h);
	doc_free(d);
	protocol_release(&p);
	strbuf_release(&title);
}

const struct web_route route_anslag = {
	"GET", "/anslagstavla", WEB_PUBLIC, true, board, "the public notice board"
};
const struct web_route route_anslag_report = {
	"GET", "/anslagstavla/rapport/*", WEB_PUBLIC, true, fixed_report,
	"a fastställd report, public, as a page or a file"
};
const struct web_route route_anslag_protocol = {
	"GET", "/anslagstavla/*", WEB_PUBLIC, true, protocol, "a justerat protokoll, public"
};
