/*
** h_start.c — GET /: the start page. The year's indicator verdicts as
** traffic lights (at the latest follow-up occasion), what is due next
** (meetings and the law's dates of their protocols), the modules with
** their pages and registers, and the latest changes.
*/
#include "web/web.h"

#include <stdlib.h>

#include "base/clock.h"
#include "base/date.h"
#include "db/module.h"
#include "db/section.h"
#include "db/store.h"
#include "doc/html.h"
#include "goals/assess.h"
#include "goals/goals.h"
#include "meetings/meetings.h"
#include "org/org.h"

static enum styr_rc change_item(void *ctx, const struct change_set *c)
{
	struct html *h = ctx;
	html_open(h, "li", NULL);
	web_time(h, c->at);
	html_textf(h, " %s: %s (%lld poster)", c->who, c->command ? c->command : "–",
	           (long long)c->rows);
	html_close(h);
	return STYR_OK;
}

static void lights(struct web_req *r, struct html *h)
{
	struct occasion o = { 0 };
	struct goal_year y = { 0 };
	struct styr_error err;
	struct strbuf link = STRBUF_INIT;

	styr_error_init(&err);
	if(web_occasion_find(r, OCC_FOLLOW_UP, &o, &err))
		return;  /* no occasion yet: the page goes on without lights */
	html_open(h, "section", "aria-labelledby", "h-lights", NULL);
	html_open(h, "h2", "id", "h-lights", NULL);
	html_textf(h, "Målen – %s", o.title ? o.title : o.key);
	html_close(h);
	if(goals_year(r->store, o.year, &o, &y, &err))
		html_elem_text(h, "p", "Året har inga indikatorer.", NULL);
	else {
		html_elem_text(h, "p", y.summary, NULL);
		html_open(h, "ul", "class", "inline", NULL);
		for(int v = 0; v < VERDICT_COUNT; v++) {
			if(!y.counts[v])
				continue;
			html_open(h, "li", NULL);
			web_verdict_light(h, v);
			html_textf(h, " %zu", y.counts[v]);
			html_close(h);
		}
		html_close(h);
		strbuf_addf(&link, "/mal?occasion=%s", o.key);
		html_open(h, "p", NULL);
		html_elem_text(h, "a", "Alla indikatorer och värden", "href", link.buf, NULL);
		html_close(h);
	}
	{
		int klar, total;
		bool fixed;
		strbuf_reset(&link);
		strbuf_addf(&link, "/rapporter/arbete?occasion=%s", o.key);
		html_open(h, "p", NULL);
		if(web_workflow_progress(r, &o, &klar, &total, &fixed))
			html_textf(h, "Rapportarbetet: %d av %d delar klara%s. ", klar, total,
			           fixed ? "; rapporten är fastställd" : "");
		else
			html_text(h, "Rapportarbetet har inte börjat. ");
		html_elem_text(h, "a", "Rapportarbetet", "href", link.buf, NULL);
		html_close(h);
	}
	html_close(h);
	goal_year_release(&y);
	occasion_release(&o);
	strbuf_release(&link);
}

static void due(struct web_req *r, struct html *h)
{
	struct styr_error err;
	struct date *dates = NULL, today = clock_today();
	size_t n = 0;
	bool any = false;
	char iso[11], a[11], b[11];

	styr_error_init(&err);
	html_open(h, "section", "aria-labelledby", "h-due", NULL);
	html_elem_text(h, "h2", "På gång", "id", "h-due", NULL);
	html_open(h, "ul", NULL);
	if(!meeting_dates_list(r->store, &dates, &n, &err))
		for(size_t i = 0; i < n; i++) {
			struct protocol p;
			struct meeting_deadlines dl;
			date_format_iso(dates[i], iso);
			if(meeting_protocol(r->store, iso, &p, &err))
				continue;
			meeting_deadlines(&p, p.nanslag, &dl, NULL);
			if(date_cmp(dates[i], today) >= 0) {
				any = true;
				html_open(h, "li", NULL);
				html_textf(h, "Sammanträde %s", iso);
				html_close(h);
			} else if(!p.justering.year && !dl.has_appeal
			          && date_cmp(dl.justering_deadline, today) >= 0) {
				any = true;
				date_format_iso(dl.justering_deadline, a);
				html_open(h, "li", NULL);
				html_textf(h, "Justering av protokollet från %s senast %s", iso, a);
				html_close(h);
			} else if(dl.has_appeal && date_cmp(dl.appeal.removal, today) >= 0) {
				any = true;
				date_format_iso(dl.appeal.last_day, a);
				date_format_iso(dl.appeal.removal, b);
				html_open(h, "li", NULL);
				html_textf(h, "Protokollet från %s: sista dag att överklaga %s, anslaget tas ned %s",
				           iso, a, b);
				html_close(h);
			}
			protocol_release(&p);
		}
	if(!any)
		html_elem_text(h, "li", "Inga kommande sammanträden eller frister.", NULL);
	html_close(h);
	html_close(h);
	free(dates);
}

static void handle(struct web_req *r)
{
	struct html h;
	struct styr_error err;

	struct strbuf key = STRBUF_INIT;
	size_t from;

	styr_error_init(&err);
	page_begin(r, &h, "Start");
	/* The content is the same for everyone until the data or the day
	** changes: render it once per state. */
	strbuf_addf(&key, "start|occasion=%s|year=%s",
	            web_param(r, "occasion") ? web_param(r, "occasion") : "",
	            web_param(r, "year") ? web_param(r, "year") : "");
	web_data_key(r, &key);
	if(web_cache_get(r, key.buf, &r->out)) {
		page_end(r, &h);
		strbuf_release(&key);
		return;
	}
	from = r->out.len;
	lights(r, &h);
	due(r, &h);
	html_elem_text(&h, "h2", "Register", NULL);
	html_open(&h, "ul", "class", "cards", NULL);
	for(size_t m = 0; styr_modules[m]; m++) {
		const struct module *mod = styr_modules[m];
		if(!mod->sections || !mod->sections[0])
			continue;
		html_open(&h, "li", NULL);
		html_elem_text(&h, "h3", web_module_title(mod), NULL);
		html_open(&h, "ul", NULL);
		for(size_t k = 0; mod->sections[k]; k++) {
			struct strbuf link = STRBUF_INIT;
			strbuf_addf(&link, "/sections/%s", mod->sections[k]->name);
			html_open(&h, "li", NULL);
			html_elem_text(&h, "a", web_section_title(mod->sections[k]), "href", link.buf,
			               NULL);
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
	if(!err.code)
		web_cache_put(r, key.buf, r->out.buf + from, r->out.len - from);
	page_end(r, &h);
	strbuf_release(&key);
}

const struct web_route route_start = {
	"GET", "/", WEB_LOGIN, true, handle, "the start page"
};
