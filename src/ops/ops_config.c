/*
** ops_config.c — profiles, settings, the business-hours calendar,
** services and backup jobs read from the store (see ops.h).
*/
#include "ops/ops.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/store.h"
#include "ops/ops_controls.h"
#include "ops/ops_time.h"

enum styr_rc ops_profile_load(struct store *s, const char *name, struct ops_profile *out,
                              struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	int64_t id = 0;
	ops_profile_init(out);
	enum styr_rc rc = store_prepare(s, "SELECT id, name, system, timezone FROM ops_profile"
	                                " WHERE name = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, name);
	rc = stmt_step(st, &row, err);
	if(!rc && row) {
		id = stmt_int(st, 0);
		out->name = xstrdup(stmt_text(st, 1));
		out->system = xstrdup(stmt_text(st, 2));
		out->utc = stmt_text(st, 3) && !strcmp(stmt_text(st, 3), "UTC");
	}
	stmt_finalize(st);
	if(rc)
		return rc;
	if(!id) {
		struct strbuf known = STRBUF_INIT;
		rc = store_prepare(s, "SELECT name FROM ops_profile ORDER BY name", &st, err);
		while(!rc && !(rc = stmt_step(st, &row, err)) && row)
			strbuf_addf(&known, "%s%s", known.len ? ", " : "", stmt_text(st, 0));
		if(!rc)
			stmt_finalize(st);
		styr_error_set(err, STYR_ENOTFOUND, "no profile '%s' in the database (it has: %s);"
		               " the shipped profiles (efecte, topdesk, servicenow, jira, glpi, sccm,"
		               " generic) are loaded with 'styr load DB data/ops-profiles/NAME.json'",
		               name, known.len ? known.buf : "none");
		strbuf_release(&known);
		return STYR_ENOTFOUND;
	}
	rc = store_prepare(s, "SELECT source, field, heading FROM ops_profile_column"
	                   " WHERE profile_id = ?", &st, err);
	if(!rc) {
		stmt_bind_int(st, 1, id);
		while(!(rc = stmt_step(st, &row, err)) && row) {
			for(int src = 0; src < OPS_NSOURCES; src++) {
				if(strcmp(ops_source_names[src], stmt_text(st, 0)))
					continue;
				int f = ops_field_index((enum ops_source)src, stmt_text(st, 1));
				if(f >= 0)
					ops_profile_column(out, (enum ops_source)src, f, stmt_text(st, 2));
			}
		}
		stmt_finalize(st);
	}
	if(!rc)
		rc = store_prepare(s, "SELECT vocabulary, value, meaning FROM ops_profile_value"
		                   " WHERE profile_id = ?", &st, err);
	if(!rc) {
		stmt_bind_int(st, 1, id);
		while(!(rc = stmt_step(st, &row, err)) && row)
			for(int v = 0; v < OPS_NVOCABS; v++)
				if(!strcmp(ops_vocab_names[v], stmt_text(st, 0)))
					ops_profile_word(out, (enum ops_vocab)v, stmt_text(st, 1),
					                 stmt_text(st, 2));
		stmt_finalize(st);
	}
	if(rc)
		ops_profile_release(out);
	return rc;
}

static void push(char ***v, size_t *n, const char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = s ? xstrdup(s) : NULL;
}

static enum styr_rc settings(struct store *s, struct ops_config *c, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, "SELECT name, value FROM ops_setting ORDER BY id", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		const char *name = stmt_text(st, 0), *v = stmt_text(st, 1);
		int64_t n = 0;
		bool num = ops_seconds_parse(v, &n);
		for(int p = OPS_CRITICAL; p <= OPS_LOW; p++) {
			char key[32];
			snprintf(key, sizeof(key), "response-%s", ops_prio_names[p]);
			if(!strcmp(name, key))
				c->rules.limit[p] = num ? n * 60 : -1;
		}
		if(!strcmp(name, "service-desk"))
			push(&c->desk, &c->ndesk, v);
		else if(!strcmp(name, "calls-variant"))
			for(int i = 0; ops_calls_variant_names[i]; i++)
				if(!strcmp(v, ops_calls_variant_names[i]))
					c->variant = (enum ops_calls_variant)i;
		if(!num)
			continue;
		if(!strcmp(name, "calls-short-abandon"))
			c->short_abandon = (int)n;
		else if(!strcmp(name, "calls-level1"))
			c->levels[0] = (int)n;
		else if(!strcmp(name, "calls-level2"))
			c->levels[1] = (int)n;
		else if(!strcmp(name, "order-days"))
			c->rules.order_days = (int)n;
	}
	stmt_finalize(st);
	c->rules.desk = (const char *const *)c->desk;
	c->rules.ndesk = c->ndesk;
	return rc;
}

static enum styr_rc calendar(struct store *s, struct ops_config *c, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, "SELECT valid_from, weekday, open, close FROM ops_hours",
	                                &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct date d;
		int a, b;
		if(date_parse_iso(stmt_text(st, 0), &d) && ops_hhmm_parse(stmt_text(st, 2), &a) &&
		   ops_hhmm_parse(stmt_text(st, 3), &b) &&
		   ops_calendar_add_hours(&c->cal, d, (int)stmt_int(st, 1), a, b)) {
			c->nhours++;
			continue;
		}
		rc = styr_error_set(err, STYR_EINVAL, "ops_hours %s weekday %d %s: the interval"
		                    " overlaps another of the weekday, or the weekday has more than"
		                    " %d", stmt_text(st, 0), (int)stmt_int(st, 1), stmt_text(st, 2),
		                    OPS_MAX_SPANS);
		break;
	}
	stmt_finalize(st);
	if(!rc)
		rc = store_prepare(s, "SELECT date FROM ops_day_off", &st, err);
	if(!rc) {
		while(!(rc = stmt_step(st, &row, err)) && row) {
			struct date d;
			if(date_parse_iso(stmt_text(st, 0), &d)) {
				ops_calendar_add_day_off(&c->cal, d);
				c->ndays_off++;
			}
		}
		stmt_finalize(st);
	}
	return rc;
}

enum styr_rc ops_config_load(struct store *s, struct ops_config *c, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	memset(c, 0, sizeof(*c));
	ops_rules_default(&c->rules);
	ops_calendar_init(&c->cal);
	c->variant = OPS_CALLS_STANDARD;
	c->levels[0] = 20;
	c->levels[1] = 60;
	c->short_abandon = 5;
	enum styr_rc rc = settings(s, c, err);
	if(!rc)
		rc = calendar(s, c, err);
	if(!rc)
		rc = store_prepare(s, "SELECT name, category FROM ops_service ORDER BY name", &st, err);
	if(!rc) {
		size_t nc = 0;
		while(!(rc = stmt_step(st, &row, err)) && row) {
			push(&c->service, &c->nservices, stmt_text(st, 0));
			push(&c->category, &nc, stmt_text(st, 1));
		}
		stmt_finalize(st);
	}
	if(!rc)
		rc = store_prepare(s, "SELECT job, schedule FROM ops_backup_job ORDER BY job", &st, err);
	if(!rc) {
		while(!(rc = stmt_step(st, &row, err)) && row) {
			c->schedule = xrealloc(c->schedule, (c->njobs + 1) * sizeof(*c->schedule));
			c->schedule[c->njobs] = strcmp(stmt_text(st, 1), "workdays") ? OPS_DAILY
			                                                          : OPS_WORKDAYS;
			push(&c->job, &c->njobs, stmt_text(st, 0));
		}
		stmt_finalize(st);
	}
	if(rc)
		ops_config_release(c);
	return rc;
}

static void free_strs(char **v, size_t n)
{
	for(size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void ops_config_release(struct ops_config *c)
{
	free_strs(c->desk, c->ndesk);
	free_strs(c->service, c->nservices);
	free_strs(c->category, c->nservices);
	free_strs(c->job, c->njobs);
	free(c->schedule);
	ops_calendar_release(&c->cal);
	memset(c, 0, sizeof(*c));
}
