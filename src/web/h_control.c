/*
** h_control.c — GET /internkontroll?year=Y: the internal-control plan of
** a year with its risk matrix, controls and follow-ups, and the
** assignments at the year's latest follow-up occasion: the reports' own
** sections (control_doc.h).
*/
#include "web/web.h"

#include <stdlib.h>

#include "doc/doc.h"
#include "doc/html.h"
#include "control/control_doc.h"
#include "db/section.h"
#include "org/org.h"

static enum styr_rc plan_link(void *ctx, const struct section_desc *d,
                              const struct field_value vals[])
{
	struct html *h = ctx;
	const struct field_desc *f = section_field(d, "year");
	struct strbuf link = STRBUF_INIT, text = STRBUF_INIT;
	if(!f)
		return STYR_OK;
	section_value_text(f, &vals[f - d->fields], &text);
	strbuf_addf(&link, "/internkontroll?year=%s", text.buf);
	html_open(h, "li", NULL);
	html_elem_text(h, "a", text.buf, "href", link.buf, NULL);
	html_close(h);
	strbuf_release(&link);
	strbuf_release(&text);
	return STYR_OK;
}

static void handle(struct web_req *r)
{
	struct styr_error err;
	const char *y = web_param(r, "year");
	int year = y ? atoi(y) : 0;
	struct occasion o = { 0 };
	struct strbuf title = STRBUF_INIT;
	struct doc *d;
	struct html h;
	bool found = false;
	enum styr_rc rc;

	styr_error_init(&err);
	if(!web_occasion(r, OCC_FOLLOW_UP, &o))
		return;
	if(!year)
		year = o.year;
	strbuf_addf(&title, "Internkontroll och uppdrag %d", year);
	page_begin(r, &h, title.buf);
	/* The years that have a plan. */
	if(store_section_find("control_plans")) {
		html_open(&h, "nav", "aria-label", "År med internkontrollplan", NULL);
		html_open(&h, "ul", "class", "inline", NULL);
		store_section_each(r->store, store_section_find("control_plans"), plan_link, &h, &err);
		html_close_to(&h, h.depth - 2);
	}
	d = doc_new(title.buf);
	rc = control_doc_plan(d, r->store, year, NULL, NULL, &found, &err);
	if(!rc && !found)
		html_elem_text(&h, "p", "Året har ingen internkontrollplan.", NULL);
	if(!rc)
		rc = control_doc_assignments(d, r->store, &o, &found, &err);
	if(rc)
		page_message(&h, "error", err.msg);
	render_html_blocks(d, &h);
	page_end(r, &h);
	doc_free(d);
	occasion_release(&o);
	strbuf_release(&title);
}

const struct web_route route_control = {
	"GET", "/internkontroll", WEB_LOGIN, true, handle, "internal-control plan and assignments"
};
