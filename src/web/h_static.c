/*
** h_static.c — GET /static/styr.css, the style sheet of every page.
*/
#include "web/web.h"

#include "doc/html.h"

static void handle(struct web_req *r)
{
	/* The reports' rules first (tables, verdicts, charts, the risk
	** matrix), then the pages' own, which win where both speak. */
	strbuf_addstr(&r->out, render_html_style());
	strbuf_addstr(&r->out, page_css);
	r->type = "text/css; charset=utf-8";
	r->cache = "public, max-age=3600";
}

const struct web_route route_css = {
	"GET", "/static/styr.css", WEB_PUBLIC, false, handle, "the style sheet"
};
