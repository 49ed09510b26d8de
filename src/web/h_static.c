/*
** h_static.c — GET /static/styr.css, the style sheet of every page.
*/
#include "web/web.h"

static void handle(struct web_req *r)
{
	strbuf_addstr(&r->out, page_css);
	r->type = "text/css; charset=utf-8";
	r->cache = "public, max-age=3600";
}

const struct web_route route_css = {
	"GET", "/static/styr.css", WEB_PUBLIC, false, handle, "the style sheet"
};
