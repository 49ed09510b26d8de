/*
** h_api_domain.c — domain reads of the JSON API, beside the sections:
**
**   GET /api/v1/verdicts?occasion=K   the indicators of the occasion's year
**        with target, the value judged and the verdict (computed, or set by
**        hand with its motivation), the nämndmål's verdicts and the summary
**   GET /api/v1/legal-dates/DATE      a meeting's legal dates: the latest
**        justering and anslag, the anslag recorded, the last day of appeal,
**        the day the anslag comes down, and the dates that break the law
**
** Reports as files come from /rapporter/TYPE?format=… with the same token
** (docs/api.md).
*/
#include "web/web.h"

#include "base/date.h"
#include "base/findings.h"
#include "base/jsonw.h"
#include "goals/assess.h"
#include "goals/goals.h"
#include "meetings/meetings.h"
#include "org/org.h"

static void date_kv(struct jsonw *w, const char *key, struct date d)
{
	char iso[11];
	jsonw_key(w, key);
	if(!d.year) {
		jsonw_null(w);
		return;
	}
	date_format_iso(d, iso);
	jsonw_string(w, iso);
}

static void verdicts(struct web_req *r)
{
	struct occasion o = { 0 };
	struct goal_year y = { 0 };
	struct styr_error err;
	struct jsonw w;
	enum styr_rc rc;

	if(!web_occasion(r, OCC_FOLLOW_UP, &o))
		return;
	styr_error_init(&err);
	if((rc = goals_year(r->store, o.year, &o, &y, &err))) {
		web_json_error(r, web_status_for(rc), NULL, "%s", err.msg);
		occasion_release(&o);
		return;
	}
	web_json_begin(r, &w);
	jsonw_object_begin(&w);
	jsonw_kv_string(&w, "occasion", o.key);
	jsonw_kv_int(&w, "year", y.year);
	jsonw_kv_string(&w, "summary", y.summary);
	jsonw_kv_string(&w, "overall", goal_verdict_name(y.overall));
	jsonw_key(&w, "indicators");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < y.nind; i++) {
		const struct goal_indicator *g = &y.ind[i];
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "key", g->key);
		jsonw_kv_string(&w, "name", g->name);
		jsonw_kv_string(&w, "target", g->target);
		jsonw_kv_string(&w, "value", g->used);
		jsonw_kv_string(&w, "verdict", verdict_name(g->verdict));
		jsonw_kv_string(&w, "computed", verdict_name(g->computed));
		jsonw_kv_bool(&w, "manual", g->manual);
		if(g->manual)
			jsonw_kv_string(&w, "motivation", g->motivation);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "goals");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < y.ngoals; i++) {
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "key", y.goals[i].key);
		jsonw_kv_string(&w, "name", y.goals[i].name);
		jsonw_kv_string(&w, "verdict", goal_verdict_name(y.goals[i].verdict));
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
	strbuf_addch(&r->out, '\n');
	goal_year_release(&y);
	occasion_release(&o);
}

static void legal_dates(struct web_req *r)
{
	struct protocol p;
	struct meeting_deadlines dl;
	struct findings warn = FINDINGS_INIT;
	struct styr_error err;
	struct jsonw w;
	enum styr_rc rc;

	styr_error_init(&err);
	if((rc = meeting_protocol(r->store, r->parts[0], &p, &err))) {
		web_json_error(r, web_status_for(rc), NULL, "%s", err.msg);
		return;
	}
	meeting_deadlines(&p, p.nanslag, &dl, &warn);
	web_json_begin(r, &w);
	jsonw_object_begin(&w);
	date_kv(&w, "meeting", p.date);
	date_kv(&w, "justering_deadline", dl.justering_deadline);
	date_kv(&w, "justering", p.justering);
	date_kv(&w, "anslag_deadline", dl.anslag_deadline);
	date_kv(&w, "anslag", dl.has_appeal ? dl.appeal.anslag : (struct date){ 0 });
	date_kv(&w, "last_day_of_appeal", dl.has_appeal ? dl.appeal.last_day : (struct date){ 0 });
	date_kv(&w, "removal", dl.has_appeal ? dl.appeal.removal : (struct date){ 0 });
	jsonw_key(&w, "warnings");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < warn.count; i++)
		jsonw_string(&w, warn.lines[i]);
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
	strbuf_addch(&r->out, '\n');
	findings_release(&warn);
	protocol_release(&p);
}

const struct web_route route_api_verdicts = {
	"GET", "/api/v1/verdicts", WEB_LOGIN, true, verdicts, "the verdicts of an occasion"
};
const struct web_route route_api_legal_dates = {
	"GET", "/api/v1/legal-dates/*", WEB_LOGIN, true, legal_dates, "a meeting's legal dates"
};
