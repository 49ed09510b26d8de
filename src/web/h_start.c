/*
** h_start.c — GET /: the start page, each module with its registers and
** the latest changes.
*/
#include "web/web.h"

#include "db/module.h"
#include "db/section.h"
#include "db/store.h"
#include "doc/html.h"

static enum styr_rc change_item(void *ctx, const struct change_set *c)
{
	struct html *h = ctx;
	html_open(h, "li", NULL);
	html_textf(h, "%s %s: %s (%lld poster)", c->at, c->who, c->command ? c->command : "–",
	           (long long)c->rows);
	html_close(h);
	return STYR_OK;
}

static void handle(struct web_req *r)
{
	struct html h;
	struct styr_error err;

	styr_error_init(&err);
	page_begin(r, &h, "Start");
	html_elem_text(&h, "h2", "Moduler", NULL);
	html_open(&h, "ul", "class", "cards", NULL);
	for(size_t m = 0; styr_modules[m]; m++) {
		const struct module *mod = styr_modules[m];
		if(!mod->sections || !mod->sections[0])
			continue;
		html_open(&h, "li", NULL);
		html_elem_text(&h, "h3", mod->title, NULL);
		html_open(&h, "ul", NULL);
		for(size_t k = 0; mod->sections[k]; k++) {
			struct strbuf link = STRBUF_INIT;
			strbuf_addf(&link, "/sections/%s", mod->sections[k]->name);
			html_open(&h, "li", NULL);
			html_elem_text(&h, "a", mod->sections[k]->name, "href", link.buf, NULL);
			html_close(&h);
			strbuf_release(&link);
		}
		html_close(&h);
		html_close(&h);
	}
	html_close(&h);
	html_elem_text(&h, "h2", "Senaste ändringar", NULL);
	html_open(&h, "ul", NULL);
	if(store_change_set_each(r->store, NULL, 5, change_item, &h, &err))
		page_message(&h, "error", err.msg);
	html_close(&h);
	page_end(r, &h);
}

const struct web_route route_start = {
	"GET", "/", WEB_LOGIN, true, handle, "the start page"
};
