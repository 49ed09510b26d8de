/*
** occasion.c — the occasion a page is about, from ?occasion= and ?year=
** through org_occasion_resolve (the one policy); without either, the
** latest occasion of the kinds asked for whose cut-off has come (else
** the latest of them), so a start page and a menu link need no argument.
*/
#include "web/web.h"

#include <stdlib.h>

#include "base/clock.h"
#include "db/store.h"
#include "org/org.h"

enum styr_rc web_occasion_find(struct web_req *r, unsigned kinds, struct occasion *o,
                               struct styr_error *err)
{
	const char *name = web_param(r, "occasion"), *y = web_param(r, "year");
	struct occasion_query q = { name, y ? atoi(y) : 0, kinds };
	struct occasion *all = NULL;
	size_t n = 0, pick = (size_t)-1;
	struct date today = clock_today();
	enum styr_rc rc;

	if(name || y)
		return org_occasion_resolve(r->store, &q, o, err);
	if((rc = org_occasions(r->store, 0, &all, &n, err)))
		return rc;
	for(size_t i = 0; i < n; i++)
		if((!kinds || (kinds & OCC_BIT(all[i].kind))) && all[i].date.year
		   && (pick == (size_t)-1 || date_cmp(all[i].date, today) <= 0))
			pick = i;
	if(pick != (size_t)-1)
		occasion_copy(o, &all[pick]);
	occasions_free(all, n);
	if(pick == (size_t)-1)
		return styr_error_set(err, STYR_ENOTFOUND, "there is no report occasion yet");
	return STYR_OK;
}

bool web_occasion(struct web_req *r, unsigned kinds, struct occasion *o)
{
	struct styr_error err;
	enum styr_rc rc;
	styr_error_init(&err);
	if((rc = web_occasion_find(r, kinds, o, &err))) {
		web_fail(r, rc == STYR_ENOTFOUND || rc == STYR_EINVAL ? 404 : 500,
		         web_param(r, "year") ? "year" : "occasion", "%s", err.msg);
		return false;
	}
	return true;
}

/* The newest change set under the stamp this thread saw it at. */
static __thread struct {
	struct store_stamp stamp;
	int64_t change_set;
	bool set;
} last_change;

void web_data_key(struct web_req *r, struct strbuf *key)
{
	struct styr_error err;
	struct store_stamp now;
	int64_t cs = -1;
	char today[11];

	styr_error_init(&err);
	/* The request's stamp still holds when nothing was committed since it
	** was taken, this request's own writes included. */
	if(r->stamp && last_change.set && store_stamp_equal(&last_change.stamp, r->stamp)
	   && store_stamp(r->store, &now) && store_stamp_equal(&now, r->stamp))
		cs = last_change.change_set;
	else if(store_query_int(r->store, "SELECT coalesce(max(id), 0) FROM change_set", &cs, &err))
		cs = -1;
	else if(r->stamp) {
		last_change.stamp = *r->stamp;
		last_change.change_set = cs;
		last_change.set = true;
	}
	date_format_iso(clock_today(), today);
	strbuf_addf(key, "|cs=%lld|schema=%d|day=%s", (long long)cs,
	            store_schema_version(r->store), today);
}
