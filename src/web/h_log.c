/*
** h_log.c — the audit log: GET /log lists the change sets, newest first,
** with who made them and from where; POST /log/ID/undo reverts one
** (administrators only), itself a change set, refused with the reason
** when a later change touched the same records.
*/
#include "web/web.h"

#include <stdlib.h>
#include <string.h>

#include "db/section.h"
#include "db/store.h"
#include "doc/html.h"

struct log_ctx {
	struct web_req *r;
	struct html *h;
};

static enum styr_rc change_row(void *ctx, const struct change_set *c)
{
	struct log_ctx *lc = ctx;
	struct html *h = lc->h;
	char id[32];
	html_open(h, "tr", NULL);
	html_open(h, "td", NULL);
	html_textf(h, "%lld", (long long)c->id);
	html_close(h);
	html_open(h, "td", NULL);
	web_time(h, c->at);
	html_close(h);
	html_elem_text(h, "td", c->who, NULL);
	html_elem_text(h, "td", c->command ? c->command : "", NULL);
	html_open(h, "td", NULL);
	html_textf(h, "%lld", (long long)c->rows);
	html_close(h);
	html_open(h, "td", NULL);
	if(c->undone_by)
		html_textf(h, "ångrad av %lld", (long long)c->undone_by);
	else if(c->undoes)
		html_textf(h, "ångrar %lld", (long long)c->undoes);
	else if(lc->r->user.roles & WEB_ROLE_ADMIN) {
		struct strbuf action = STRBUF_INIT;
		strbuf_addf(&action, "/log/%lld/undo", (long long)c->id);
		snprintf(id, sizeof(id), "Ångra ändring %lld", (long long)c->id);
		html_open(h, "form", "method", "post", "action", action.buf, NULL);
		page_csrf(lc->r, h);
		html_elem_text(h, "button", "Ångra", "type", "submit", "aria-label", id, NULL);
		html_close(h);
		strbuf_release(&action);
	}
	html_close(h);
	html_close(h);
	return STYR_OK;
}

static void page(struct web_req *r, const char *ok, const char *error)
{
	struct html h;
	struct styr_error err;
	struct log_ctx lc = { r, &h };

	styr_error_init(&err);
	page_begin(r, &h, "Ändringslogg");
	if(ok)
		page_message(&h, "ok", ok);
	if(error)
		page_message(&h, "error", error);
	html_elem_text(&h, "p", "Varje ändring från kommandoraden, en sida eller API:t, med vem"
	               " som gjorde den. De senaste 200, äldst först.", NULL);
	html_open(&h, "div", "class", "table-wrap", "tabindex", "0", "role", "region",
	          "aria-label", "Ändringar", NULL);
	html_open(&h, "table", NULL);
	html_elem_text(&h, "caption", "Ändringar", NULL);
	html_open(&h, "thead", NULL);
	html_open(&h, "tr", NULL);
	html_elem_text(&h, "th", "Nr", "scope", "col", NULL);
	html_elem_text(&h, "th", "När", "scope", "col", NULL);
	html_elem_text(&h, "th", "Vem", "scope", "col", NULL);
	html_elem_text(&h, "th", "Vad", "scope", "col", NULL);
	html_elem_text(&h, "th", "Poster", "scope", "col", NULL);
	html_elem_text(&h, "th", "Ångra", "scope", "col", NULL);
	html_close_to(&h, h.depth - 2);
	html_open(&h, "tbody", NULL);
	if(store_change_set_each(r->store, NULL, 200, change_row, &lc, &err)) {
		html_close_to(&h, h.depth - 3);
		page_message(&h, "error", err.msg);
	}
	page_end(r, &h);
}

static void get_log(struct web_req *r)
{
	page(r, NULL, NULL);
}

static void post_undo(struct web_req *r)
{
	struct styr_error err;
	struct strbuf msg = STRBUF_INIT;
	char *end;
	long long id = strtoll(r->parts[0], &end, 10);
	enum styr_rc rc;

	if(*end || id < 1) {
		web_fail(r, 404, NULL, "det finns ingen ändring %s", r->parts[0]);
		return;
	}
	styr_error_init(&err);
	if((rc = store_undo(r->store, id, NULL, NULL, &err))) {
		page(r, NULL, err.msg);
		r->status = web_status_for(rc);
	} else {
		strbuf_addf(&msg, "Ändring %lld är ångrad (ändring %lld).", id,
		            (long long)store_last_change_set(r->store));
		page(r, msg.buf, NULL);
	}
	strbuf_release(&msg);
}

const struct web_route route_log = {
	"GET", "/log", WEB_LOGIN, true, get_log, "the audit log"
};
const struct web_route route_undo = {
	"POST", "/log/*/undo", WEB_ADMIN, true, post_undo, "undo a change set"
};
