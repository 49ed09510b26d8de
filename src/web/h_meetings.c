/*
** h_meetings.c — the meetings: GET /sammantraden lists them with their
** legal dates (justering, anslag, the last day of appeal) and the dates
** that break the law's deadlines; GET /sammantraden/DATE is the protocol
** as `styr report protokoll` draws it, with agenda, attendance and
** decisions.
*/
#include "web/web.h"

#include <stdlib.h>

#include "base/date.h"
#include "base/findings.h"
#include "doc/doc.h"
#include "doc/html.h"
#include "meetings/meetings.h"
#include "meetings/meetings_doc.h"

static void date_cell(struct html *h, struct date d, const char *none)
{
	char iso[11];
	if(!d.year) {
		html_elem_text(h, "td", none, NULL);
		return;
	}
	date_format_iso(d, iso);
	html_elem_text(h, "td", iso, NULL);
}

static void list(struct web_req *r)
{
	struct styr_error err;
	struct date *dates = NULL;
	size_t n = 0;
	struct html h;
	char iso[11];

	styr_error_init(&err);
	if(meeting_dates_list(r->store, &dates, &n, &err)) {
		web_fail(r, 500, NULL, "%s", err.msg);
		return;
	}
	page_begin(r, &h, "Sammanträden");
	html_open(&h, "div", "class", "table-wrap", NULL);
	html_open(&h, "table", NULL);
	html_elem_text(&h, "caption", "Sammanträden och lagens datum", NULL);
	html_open(&h, "thead", NULL);
	html_open(&h, "tr", NULL);
	html_elem_text(&h, "th", "Sammanträde", "scope", "col", NULL);
	html_elem_text(&h, "th", "Justering senast", "scope", "col", NULL);
	html_elem_text(&h, "th", "Justerat", "scope", "col", NULL);
	html_elem_text(&h, "th", "Anslag senast", "scope", "col", NULL);
	html_elem_text(&h, "th", "Anslaget", "scope", "col", NULL);
	html_elem_text(&h, "th", "Sista dag att överklaga", "scope", "col", NULL);
	html_elem_text(&h, "th", "Avvikelser", "scope", "col", NULL);
	html_close_to(&h, h.depth - 2);
	html_open(&h, "tbody", NULL);
	for(size_t i = 0; i < n; i++) {
		struct protocol p;
		struct meeting_deadlines dl;
		struct findings warn = FINDINGS_INIT;
		struct strbuf link = STRBUF_INIT, w = STRBUF_INIT;
		date_format_iso(dates[i], iso);
		if(meeting_protocol(r->store, iso, &p, &err))
			continue;
		meeting_deadlines(&p, p.nanslag, &dl, &warn);
		for(size_t k = 0; k < warn.count; k++)
			strbuf_addf(&w, "%s%s", k ? "; " : "", warn.lines[k]);
		strbuf_addf(&link, "/sammantraden/%s", iso);
		html_open(&h, "tr", NULL);
		html_open(&h, "th", "scope", "row", NULL);
		html_elem_text(&h, "a", iso, "href", link.buf, NULL);
		html_close(&h);
		date_cell(&h, dl.justering_deadline, "–");
		date_cell(&h, p.justering, "uppgift saknas");
		date_cell(&h, dl.anslag_deadline, "–");
		date_cell(&h, dl.has_appeal ? dl.appeal.anslag : (struct date){ 0 }, "ej anslaget");
		date_cell(&h, dl.has_appeal ? dl.appeal.last_day : (struct date){ 0 }, "–");
		html_elem_text(&h, "td", w.len ? w.buf : "inga", NULL);
		html_close(&h);
		findings_release(&warn);
		protocol_release(&p);
		strbuf_release(&link);
		strbuf_release(&w);
	}
	html_close_to(&h, h.depth - 3);
	page_end(r, &h);
	free(dates);
}

static void show(struct web_req *r)
{
	struct styr_error err;
	struct protocol p;
	struct doc *d;
	struct html h;
	struct strbuf title = STRBUF_INIT;
	enum styr_rc rc;

	styr_error_init(&err);
	if((rc = meeting_protocol(r->store, r->parts[0], &p, &err))) {
		web_fail(r, web_status_for(rc), NULL, "%s", err.msg);
		return;
	}
	d = meetings_doc_protocol(&p);
	strbuf_addf(&title, "Sammanträde %s", r->parts[0]);
	page_begin(r, &h, title.buf);
	render_html_blocks(d, &h);
	page_end(r, &h);
	doc_free(d);
	protocol_release(&p);
	strbuf_release(&title);
}

const struct web_route route_meetings = {
	"GET", "/sammantraden", WEB_LOGIN, true, list, "the meetings and their legal dates"
};
const struct web_route route_meeting = {
	"GET", "/sammantraden/*", WEB_LOGIN, true, show, "one meeting's protocol"
};
