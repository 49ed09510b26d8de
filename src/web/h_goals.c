/*
** h_goals.c — goals and indicators: the follow-up of an occasion with its
** traffic lights, and value entry per indicator and occasion.
**
**   GET  /mal?occasion=K            the follow-up at occasion K (default: the
**                                   policy of org_occasion_resolve), drawn by
**                                   the reports' own document section, and
**                                   each indicator's verdict
**   GET  /mal/indikator/KEY?occasion=K   the indicator: its targets and
**                                   values over time, and the value form
**   POST /mal/indikator/KEY         set outcome, forecast, analysis text and
**                                   a verdict by hand with its motivation
**                                   (goals_value_set, as `styr value set`)
*/
#include "web/web.h"

#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "doc/html.h"
#include "base/money.h"
#include "goals/assess.h"
#include "goals/target.h"
#include "goals/goals.h"
#include "goals/goals_doc.h"
#include "org/org.h"

/* The traffic light of verdict v: a coloured box that also says it. */
void web_verdict_light(struct html *h, int verdict)
{
	enum verdict v = verdict >= 0 && verdict < VERDICT_COUNT ? (enum verdict)verdict
	                                                         : VERDICT_UNASSESSABLE;
	static const char *const cls[VERDICT_COUNT] = {
		"light uppfyllt", "light delvis", "light ej", "light saknas", "light saknas"
	};
	html_elem_text(h, "span", verdict_name(v), "class", cls[v], NULL);
}

static bool resolve(struct web_req *r, struct occasion *o)
{
	return web_occasion(r, OCC_FOLLOW_UP, o);
}

static void occasion_links(struct web_req *r, struct html *h, const char *base,
                           const struct occasion *current)
{
	struct occasion *v = NULL;
	size_t n = 0;
	struct styr_error err;
	styr_error_init(&err);
	if(org_occasions(r->store, 0, &v, &n, &err))
		return;
	html_open(h, "nav", "aria-label", "Tillfällen", NULL);
	html_open(h, "ul", "class", "inline", NULL);
	for(size_t i = 0; i < n; i++) {
		struct strbuf link = STRBUF_INIT;
		if(!(OCC_FOLLOW_UP & OCC_BIT(v[i].kind)))
			continue;
		strbuf_addf(&link, "%s?occasion=%s", base, v[i].key);
		html_open(h, "li", NULL);
		html_elem_text(h, "a", v[i].title ? v[i].title : v[i].key, "href", link.buf,
		               "aria-current", current && current->id == v[i].id ? "page" : NULL,
		               NULL);
		html_close(h);
		strbuf_release(&link);
	}
	html_close(h);
	html_close(h);
	occasions_free(v, n);
}

static void followup(struct web_req *r)
{
	struct occasion o = { 0 };
	struct goal_year y = { 0 };
	struct styr_error err;
	struct strbuf title = STRBUF_INIT;
	struct doc *d;
	struct html h;
	bool found = false, edit = web_may_write(r, "goals");

	if(!resolve(r, &o))
		return;
	styr_error_init(&err);
	strbuf_addf(&title, "Mål och indikatorer – %s", o.title ? o.title : o.key);
	page_begin(r, &h, title.buf);
	occasion_links(r, &h, "/mal", &o);
	if(!goals_year(r->store, o.year, &o, &y, &err)) {
		html_elem_text(&h, "h2", "Indikatorer", NULL);
		html_elem_text(&h, "p", y.summary, NULL);
		html_open(&h, "div", "class", "table-wrap", NULL);
		html_open(&h, "table", NULL);
		html_elem_text(&h, "caption", "Indikatorernas bedömning", NULL);
		html_open(&h, "thead", NULL);
		html_open(&h, "tr", NULL);
		html_elem_text(&h, "th", "Indikator", "scope", "col", NULL);
		html_elem_text(&h, "th", "Målvärde", "scope", "col", NULL);
		html_elem_text(&h, "th", "Utfall", "scope", "col", NULL);
		html_elem_text(&h, "th", "Bedömning", "scope", "col", NULL);
		html_close_to(&h, h.depth - 2);
		html_open(&h, "tbody", NULL);
		for(size_t i = 0; i < y.nind; i++) {
			const struct goal_indicator *g = &y.ind[i];
			struct strbuf link = STRBUF_INIT;
			strbuf_addf(&link, "/mal/indikator/%s?occasion=%s", g->key, o.key);
			html_open(&h, "tr", NULL);
			html_open(&h, "th", "scope", "row", NULL);
			html_elem_text(&h, "a", g->name, "href", link.buf, NULL);
			html_close(&h);
			html_elem_text(&h, "td", g->target ? g->target : "–", NULL);
			html_elem_text(&h, "td", g->used ? g->used : "–", NULL);
			html_open(&h, "td", NULL);
			web_verdict_light(&h, g->verdict);
			if(g->manual)
				html_text(&h, " (satt för hand)");
			html_close(&h);
			html_close(&h);
			strbuf_release(&link);
		}
		html_close_to(&h, h.depth - 3);
		if(edit)
			html_elem_text(&h, "p", "Välj en indikator för att ange utfall, analys och"
			               " bedömning.", NULL);
	}
	/* The follow-up as the report shows it. */
	d = doc_new(title.buf);
	if(!goals_doc_followup(d, r->store, &o, &(struct goals_doc_view){ true }, &found, &err)
	   && found) {
		html_elem_text(&h, "h2", "Som i rapporten", NULL);
		render_html_blocks(d, &h);
	} else if(err.code)
		page_message(&h, "error", err.msg);
	doc_free(d);
	page_end(r, &h);
	goal_year_release(&y);
	occasion_release(&o);
	strbuf_release(&title);
}

/* The indicator's history as a line chart, drawn by the reports' chart
** renderer (with the same figures as a table): the value judged at each
** occasion that has one as a number; nothing for a yes/no indicator or
** fewer than two values. */
static void history_chart(struct html *h, const struct indicator_detail *det)
{
	static const char *const units[UNIT_KINDS] = { "%", "st", "tkr", "", "" };
	const char **labels;
	int64_t *v;
	bool *present;
	int dec = 0;
	size_t have = 0;
	struct styr_error err;
	struct doc *d;
	char title[160];

	if(det->unit == UNIT_YESNO || det->nvalues < 2)
		return;
	labels = xcalloc(det->nvalues, sizeof(*labels));
	v = xcalloc(det->nvalues, sizeof(*v));
	present = xcalloc(det->nvalues, sizeof(*present));
	for(size_t i = 0; i < det->nvalues; i++) {
		struct sv_number num;
		const char *val = det->values[i].forecast ? det->values[i].forecast
		                                          : det->values[i].outcome;
		if(val && !sv_number_parse(val, &num, &err) && num.decimals > dec)
			dec = num.decimals > 3 ? 3 : num.decimals;
	}
	for(size_t i = 0; i < det->nvalues; i++) {
		struct sv_number num;
		const char *val = det->values[i].forecast ? det->values[i].forecast
		                                          : det->values[i].outcome;
		labels[i] = det->values[i].occasion;
		if(val && !sv_number_parse(val, &num, &err)) {
			v[i] = sv_number_scaled(&num, dec);
			present[i] = true;
			have++;
		}
	}
	if(have >= 2) {
		snprintf(title, sizeof(title), "Värden över tid: %s", det->name);
		d = doc_new(title);
		doc_chart_begin(d, DOC_CHART_LINE, title, units[det->unit], dec, labels, det->nvalues);
		doc_chart_source(d, "indikatorns prognos, annars utfall, vid varje rapporttillfälle");
		doc_chart_series(d, det->name, v, present);
		render_html_blocks(d, h);
		doc_free(d);
	}
	free(labels);
	free(v);
	free(present);
}

static void value_input(struct html *h, const char *name, const char *label,
                        const char *value, bool area)
{
	char id[32];
	snprintf(id, sizeof(id), "v-%s", name);
	html_elem_text(h, "label", label, "for", id, NULL);
	if(area) {
		html_open(h, "textarea", "id", id, "name", name, NULL);
		html_text(h, value ? value : "");
		html_close(h);
	} else
		html_void(h, "input", "id", id, "name", name, "type", "text", "value",
		          value ? value : "", NULL);
}

static void indicator_page(struct web_req *r, const char *message, bool ok)
{
	struct occasion o = { 0 };
	struct indicator_detail det = { 0 };
	struct goal_year y = { 0 };
	const struct goal_indicator *g = NULL;
	struct styr_error err;
	struct html h;
	struct strbuf action = STRBUF_INIT;
	enum styr_rc rc;

	if(!resolve(r, &o))
		return;
	styr_error_init(&err);
	if((rc = goals_indicator(r->store, r->parts[0], &det, &err))) {
		web_fail(r, web_status_for(rc), NULL, "%s", err.msg);
		occasion_release(&o);
		return;
	}
	if(!goals_year(r->store, o.year, &o, &y, &err))
		for(size_t i = 0; i < y.nind; i++)
			if(!strcmp(y.ind[i].key, det.key))
				g = &y.ind[i];
	page_begin(r, &h, det.name);
	if(message)
		page_message(&h, ok ? "ok" : "error", message);
	html_open(&h, "p", NULL);
	html_textf(&h, "%s%s%s", det.council_name ? det.council_name : "",
	           det.goal_name ? " – " : "", det.goal_name ? det.goal_name : "");
	html_close(&h);
	if(g) {
		html_open(&h, "p", NULL);
		html_textf(&h, "%s: ", o.title ? o.title : o.key);
		web_verdict_light(&h, g->verdict);
		if(g->manual)
			html_textf(&h, " (satt för hand; beräknad: %s)", verdict_name(g->computed));
		html_close(&h);
	}
	/* Its history: targets and values at every occasion. */
	html_open(&h, "div", "class", "table-wrap", NULL);
	html_open(&h, "table", NULL);
	html_elem_text(&h, "caption", "Värden över tid", NULL);
	html_open(&h, "thead", NULL);
	html_open(&h, "tr", NULL);
	html_elem_text(&h, "th", "Tillfälle", "scope", "col", NULL);
	html_elem_text(&h, "th", "Utfall", "scope", "col", NULL);
	html_elem_text(&h, "th", "Prognos", "scope", "col", NULL);
	html_elem_text(&h, "th", "Bedömning", "scope", "col", NULL);
	html_elem_text(&h, "th", "Analys", "scope", "col", NULL);
	html_close_to(&h, h.depth - 2);
	html_open(&h, "tbody", NULL);
	for(size_t i = 0; i < det.nvalues; i++) {
		const struct indicator_value_row *v = &det.values[i];
		html_open(&h, "tr", NULL);
		html_elem_text(&h, "th", v->title ? v->title : v->occasion, "scope", "row", NULL);
		html_elem_text(&h, "td", v->outcome ? v->outcome : "–", NULL);
		html_elem_text(&h, "td", v->forecast ? v->forecast : "–", NULL);
		html_open(&h, "td", NULL);
		if(v->manual) {
			web_verdict_light(&h, v->verdict);
			html_text(&h, " (satt för hand)");
		} else
			html_text(&h, "beräknas");
		html_close(&h);
		html_elem_text(&h, "td", v->comment ? v->comment : "", NULL);
		html_close(&h);
	}
	html_close_to(&h, h.depth - 3);
	history_chart(&h, &det);
	html_open(&h, "p", NULL);
	html_text(&h, "Målvärden: ");
	for(size_t i = 0; i < det.ntargets; i++)
		html_textf(&h, "%s%d: %s", i ? "; " : "", det.targets[i].year,
		           det.targets[i].target ? det.targets[i].target : "–");
	html_close(&h);
	if(web_may_write(r, "goals")) {
		const char *manual = g && g->manual ? verdict_name(g->manual_verdict) : "";
		html_elem_text(&h, "h2", "Ange värde", NULL);
		strbuf_addf(&action, "/mal/indikator/%s?occasion=%s", det.key, o.key);
		html_open(&h, "form", "class", "edit", "method", "post", "action", action.buf, NULL);
		page_csrf(r, &h);
		value_input(&h, "outcome", "Utfall", g ? g->outcome : NULL, false);
		value_input(&h, "forecast", "Prognos", g ? g->forecast : NULL, false);
		value_input(&h, "comment", "Analys", g ? g->comment : NULL, true);
		html_elem_text(&h, "label", "Bedömning satt för hand", "for", "v-verdict", NULL);
		html_open(&h, "select", "id", "v-verdict", "name", "verdict", NULL);
		html_elem_text(&h, "option", "ingen: styr bedömer", "value", "",
		               "selected", !*manual ? "" : NULL, NULL);
		for(int v = 0; v < VERDICT_COUNT; v++)
			html_elem_text(&h, "option", verdict_name((enum verdict)v), "value",
			               verdict_name((enum verdict)v),
			               "selected", !strcmp(manual, verdict_name((enum verdict)v)) ? "" : NULL,
			               NULL);
		html_close(&h);
		value_input(&h, "motivation", "Motivering (krävs för en bedömning satt för hand)",
		            g ? g->motivation : NULL, true);
		html_elem_text(&h, "button", "Spara", "class", "primary", "type", "submit", NULL);
		html_close(&h);
	}
	page_end(r, &h);
	strbuf_release(&action);
	goal_year_release(&y);
	indicator_detail_release(&det);
	occasion_release(&o);
}

static void get_indicator(struct web_req *r)
{
	indicator_page(r, web_param(r, "saved") ? "Sparat." : NULL, true);
}

static void post_indicator(struct web_req *r)
{
	struct occasion o = { 0 };
	struct value_change c = {
		web_param(r, "outcome"), web_param(r, "forecast"), web_param(r, "comment"),
		web_param(r, "verdict"), web_param(r, "motivation"),
	};
	struct styr_error err;
	struct strbuf loc = STRBUF_INIT;
	enum styr_rc rc;

	if(!web_may_write(r, "goals")) {
		web_fail(r, 403, NULL, "%s får inte ange värden för mål", r->user.name);
		return;
	}
	if(!resolve(r, &o))
		return;
	/* An empty verdict is no verdict set by hand (and so is its motivation). */
	if(c.verdict && !*c.verdict && (!c.motivation || !*c.motivation))
		c.verdict = c.motivation = NULL;
	styr_error_init(&err);
	rc = goals_value_set(r->store, r->parts[0], &o, &c, &err);
	if(rc) {
		indicator_page(r, err.msg, false);
		r->status = web_status_for(rc);
	} else {
		strbuf_addf(&loc, "/mal/indikator/%s?occasion=%s&saved=1", r->parts[0], o.key);
		web_redirect(r, loc.buf);
	}
	strbuf_release(&loc);
	occasion_release(&o);
}

const struct web_route route_goals = {
	"GET", "/mal", WEB_LOGIN, true, followup, "goals and indicators at an occasion"
};
const struct web_route route_indicator = {
	"GET", "/mal/indikator/*", WEB_LOGIN, true, get_indicator, "an indicator and its value form"
};
const struct web_route route_indicator_save = {
	"POST", "/mal/indikator/*", WEB_WRITE, true, post_indicator, "set an indicator's value"
};
