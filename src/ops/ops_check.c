/*
** ops_check.c — the checks of `styr check` for the operational data
** (see ops.h): mappings that cannot be computed, and indicator values
** changed by hand after `styr ops apply` wrote them.
*/
#include "ops/ops.h"

#include <stdlib.h>
#include <string.h>

#include "db/section.h"
#include "db/store.h"
#include "goals/goals.h"

/* A mapping to a service or category that does not name one. */
static enum styr_rc map_row(void *ctx, const struct section_desc *d,
                            const struct field_value vals[])
{
	struct findings *f = ctx;
	(void)d;
	/* indicator, measure, argument, decimals, note */
	if(strcmp(vals[1].s, "availability.category") && strcmp(vals[1].s, "availability.service"))
		return STYR_OK;
	if(vals[2].null || !*vals[2].s)
		findings_add(f, "ops_indicator_map %s: measure %s needs an argument naming the %s",
		             vals[0].s, vals[1].s, strstr(vals[1].s, "service") ? "service" : "category");
	return STYR_OK;
}

/* Values written by apply and changed since. */
static enum styr_rc applied(struct store *s, struct findings *f, struct styr_error *err)
{
	struct store_stmt *st;
	struct occasion *occ = NULL;
	size_t nocc = 0;
	bool row;
	enum styr_rc rc = org_occasions(s, 0, &occ, &nocc, err);
	if(!rc)
		rc = store_prepare(s, "SELECT indicator, occasion_id, value FROM ops_applied"
		                   " ORDER BY indicator, occasion_id", &st, err);
	if(rc) {
		occasions_free(occ, nocc);
		return rc;
	}
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct indicator_detail d;
		struct styr_error e;
		const char *key = NULL, *ind = stmt_text(st, 0), *value = stmt_text(st, 2);
		for(size_t i = 0; i < nocc; i++)
			if(occ[i].id == stmt_int(st, 1))
				key = occ[i].key;
		if(!key)
			continue;
		if(goals_indicator(s, ind, &d, &e)) {
			findings_add(f, "ops_applied %s at %s: no such indicator any more", ind, key);
			continue;
		}
		for(size_t i = 0; i < d.nvalues; i++)
			if(!strcmp(d.values[i].occasion, key) &&
			   (!d.values[i].outcome || strcmp(d.values[i].outcome, value)))
				findings_add(f, "indicator %s at %s: value %s, but styr ops apply wrote %s"
				             " (changed by hand since; run the apply again or keep it)", ind,
				             key, d.values[i].outcome ? d.values[i].outcome : "(none)", value);
		indicator_detail_release(&d);
	}
	stmt_finalize(st);
	occasions_free(occ, nocc);
	return rc;
}

enum styr_rc ops_check(struct store *s, struct findings *f, struct styr_error *err)
{
	enum styr_rc rc = store_section_each(s, &section_ops_indicator_map, map_row, f, err);
	if(!rc)
		rc = applied(s, f, err);
	return rc;
}
