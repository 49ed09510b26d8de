/*
** h_economy.c — GET /ekonomi?occasion=K: the operating account and the
** investments at an occasion, the capital costs and the result split of
** its year: the reports' own tables (economy_doc.h), drawn as the
** reports draw them. Ledger imports stay on the command line
** (`styr import`).
*/
#include "web/web.h"

#include <stdlib.h>

#include "doc/doc.h"
#include "doc/html.h"
#include "economy/economy_doc.h"
#include "org/org.h"

static void handle(struct web_req *r)
{
	struct styr_error err;
	struct occasion o = { 0 };
	struct occasion *all = NULL;
	size_t n = 0;
	struct strbuf title = STRBUF_INIT;
	struct doc *d;
	struct html h;
	bool found;
	enum styr_rc rc;

	styr_error_init(&err);
	if(!web_occasion(r, OCC_FOLLOW_UP, &o))
		return;
	strbuf_addf(&title, "Ekonomi – %s", o.title ? o.title : o.key);
	page_begin(r, &h, title.buf);
	if(!org_occasions(r->store, 0, &all, &n, &err)) {
		html_open(&h, "nav", "aria-label", "Tillfällen", NULL);
		html_open(&h, "ul", "class", "inline", NULL);
		for(size_t i = 0; i < n; i++) {
			struct strbuf link = STRBUF_INIT;
			if(!(OCC_FOLLOW_UP & OCC_BIT(all[i].kind)))
				continue;
			strbuf_addf(&link, "/ekonomi?occasion=%s", all[i].key);
			html_open(&h, "li", NULL);
			html_elem_text(&h, "a", all[i].title ? all[i].title : all[i].key, "href",
			               link.buf, "aria-current", all[i].id == o.id ? "page" : NULL, NULL);
			html_close(&h);
			strbuf_release(&link);
		}
		html_close_to(&h, h.depth - 2);
		occasions_free(all, n);
	}
	html_open(&h, "p", NULL);
	html_elem_text(&h, "a", "Läs in en huvudbok (SIE)", "href", "/ekonomi/import", NULL);
	html_close(&h);
	d = doc_new(title.buf);
	rc = economy_doc_drift(d, r->store, &o, "Driftredovisning", NULL, &found, &err);
	if(!rc)
		rc = economy_doc_invest(d, r->store, &o, "Investeringsredovisning", &found, &err);
	if(!rc)
		rc = economy_doc_capital(d, r->store, o.year, &found, &err);
	if(!rc)
		rc = economy_doc_split(d, r->store, o.year, &found, &err);
	if(rc)
		page_message(&h, "error", err.msg);
	if(!d->nblocks)
		html_elem_text(&h, "p", "Tillfället har inga ekonomiska tabeller.", NULL);
	render_html_blocks(d, &h);
	page_end(r, &h);
	doc_free(d);
	occasion_release(&o);
	strbuf_release(&title);
}

const struct web_route route_economy = {
	"GET", "/ekonomi", WEB_LOGIN, true, handle, "operating account, investments, capital, split"
};
