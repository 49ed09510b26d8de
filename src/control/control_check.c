/*
** control_check.c — `styr check` for cases, assignments and internal
** control (see control.h). "Today" is the clock's (base/clock.h), so
** that tests and checks of an earlier day repeat with $STYR_NOW.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control/control_scales.h"
#include "base/clock.h"
#include "base/strbuf.h"
#include "control/control.h"
#include "db/store.h"

static void today_iso(char buf[static 11])
{
	date_format_iso(clock_today(), buf);
}

/* Run sql (binding ?1, ?2 to the texts of args, NULL-terminated, when not
** NULL) and add one finding per row, formatted from up to four text
** columns. */
static enum styr_rc each_row(struct store *s, const char *sql, const char *const *args,
                             struct findings *f, const char *fmt, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, sql, &st, err);
	if(rc)
		return rc;
	for(int i = 0; args && args[i]; i++)
		stmt_bind_text(st, i + 1, args[i]);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		const char *c[4];
		for(int i = 0; i < 4; i++)
			c[i] = stmt_text(st, i) ? stmt_text(st, i) : "";
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		findings_add(f, fmt, c[0], c[1], c[2], c[3]);
#pragma GCC diagnostic pop
	}
	stmt_finalize(st);
	return rc;
}

static enum styr_rc check_counts(struct store *s, struct findings *f, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	char **keys = NULL;
	size_t n = 0;
	enum styr_rc rc = store_prepare(s, "SELECT o.key FROM assignment_report r"
	    " JOIN occasion o ON o.id = r.occasion_id ORDER BY o.year, o.date, o.key", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		keys = xrealloc(keys, (n + 1) * sizeof(*keys));
		keys[n++] = xstrdup(stmt_text(st, 0));
	}
	stmt_finalize(st);
	for(size_t i = 0; i < n; i++) {
		struct assignment_table t;
		struct occasion occ;
		struct occasion_query q = { keys[i], 0, 0 };
		if(!rc)
			rc = org_occasion_resolve(s, &q, &occ, err);
		if(!rc) {
			rc = control_assignment_table(s, &occ, &t, err);
			occasion_release(&occ);
		}
		if(!rc) {
			if(t.stated_ongoing >= 0 && t.stated_ongoing != t.ongoing)
				findings_add(f, "assignments %s: %d ongoing stated, %d in the table",
				             keys[i], t.stated_ongoing, t.ongoing);
			if(t.stated_finished >= 0 && t.stated_finished != t.finished)
				findings_add(f, "assignments %s: %d finished stated, %d in the table",
				             keys[i], t.stated_finished, t.finished);
			if(t.stated_new >= 0 && t.new_known && t.stated_new != t.new_count)
				findings_add(f, "assignments %s: %d new stated, %d new since %s",
				             keys[i], t.stated_new, t.new_count, t.previous.key);
			assignment_table_release(&t);
		}
		free(keys[i]);
	}
	free(keys);
	return rc;
}

/* The risks of a plan fit its scales and areas (an edit of a grade or
** an area after the risks were written may leave one outside). */
static enum styr_rc check_risks_fit(struct store *s, int64_t plan, const struct risk_scale *prob,
                                    const struct risk_scale *cons, struct findings *f,
                                    struct styr_error *err)
{
	char **areas = NULL;
	size_t nareas = 0;
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = control_plan_areas(s, plan, &areas, &nareas, NULL, err);
	if(!rc)
		rc = store_prepare(s, "SELECT key, area, coalesce(probability, 0),"
		                   " coalesce(consequence, 0) FROM risk WHERE plan_id = ? ORDER BY key",
		                   &st, err);
	if(!rc) {
		stmt_bind_int(st, 1, plan);
		while(!(rc = stmt_step(st, &row, err)) && row) {
			const char *key = stmt_text(st, 0), *area = stmt_text(st, 1);
			bool known = false;
			for(size_t i = 0; i < nareas; i++)
				known |= !strcmp(areas[i], area);
			if(!known)
				findings_add(f, "risk %s: area \"%s\" is not one of its plan's areas", key,
				             area);
			if(stmt_int(st, 2) > prob->n || stmt_int(st, 3) > cons->n)
				findings_add(f, "risk %s: probability %lld × consequence %lld is outside its "
				             "plan's %d × %d scales", key, (long long)stmt_int(st, 2),
				             (long long)stmt_int(st, 3), prob->n, cons->n);
		}
		stmt_finalize(st);
	}
	for(size_t i = 0; i < nareas; i++)
		free(areas[i]);
	free(areas);
	return rc;
}

/* Each plan's own scales run from 1 without gaps (control_plan_scales),
** and its risks fit its scales and areas. */
static enum styr_rc check_scales(struct store *s, struct findings *f, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	int64_t *ids = NULL;
	size_t n = 0;
	enum styr_rc rc = store_prepare(s, "SELECT id FROM control_plan ORDER BY year",
	                                &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ids = xrealloc(ids, (n + 1) * sizeof(*ids));
		ids[n++] = stmt_int(st, 0);
	}
	stmt_finalize(st);
	for(size_t i = 0; !rc && i < n; i++) {
		struct risk_scale prob, cons;
		rc = control_plan_scales(s, ids[i], &prob, &cons, err);
		if(rc == STYR_EINVAL) {
			findings_add(f, "%s", err->msg);
			rc = STYR_OK;
		} else if(!rc) {
			rc = check_risks_fit(s, ids[i], &prob, &cons, f, err);
		}
		risk_scale_release(&prob);
		risk_scale_release(&cons);
	}
	free(ids);
	return rc;
}

enum styr_rc control_check(struct store *s, struct findings *f, struct styr_error *err)
{
	char today[11];
	enum styr_rc rc;

	today_iso(today);
	const char *const finished[] = { assignment_status_names[ASSIGNMENT_FINISHED], NULL };
	const char *const late[] = { today, followup_status_names[FOLLOWUP_NOT_STARTED], NULL };
	rc = check_counts(s, f, err);
	if(!rc)
		rc = check_scales(s, f, err);
	if(!rc)
		rc = each_row(s,
		    "SELECT a.key, o.key FROM assignment_status x JOIN assignment a ON a.id = x.assignment_id"
		    " JOIN occasion o ON o.id = x.occasion_id WHERE x.status IS NULL ORDER BY a.key, o.key",
		    NULL, f, "assignment %s: no status for occasion %s%s%s", err);
	/* Open at one occasion, missing from the next that follows assignments up. */
	if(!rc)
		rc = each_row(s,
		    "SELECT a.key, o1.key, o2.key FROM assignment a"
		    " JOIN assignment_status s1 ON s1.assignment_id = a.id"
		    "  AND coalesce(s1.status, '') <> ?1"
		    " JOIN occasion o1 ON o1.id = s1.occasion_id"
		    " JOIN occasion o2 ON o2.date > o1.date AND EXISTS (SELECT 1 FROM assignment_status x"
		    "  WHERE x.occasion_id = o2.id)"
		    " WHERE NOT EXISTS (SELECT 1 FROM assignment_status y JOIN occasion oy"
		    "  ON oy.id = y.occasion_id WHERE y.assignment_id = a.id AND oy.date > o1.date"
		    "  AND oy.date <= o2.date)"
		    " AND NOT EXISTS (SELECT 1 FROM occasion om WHERE om.date > o1.date AND om.date < o2.date"
		    "  AND EXISTS (SELECT 1 FROM assignment_status z WHERE z.occasion_id = om.id))"
		    " ORDER BY a.key",
		    finished, f, "assignment %s: open at %s but no status for occasion %s%s", err);
	if(!rc)
		rc = each_row(s,
		    "SELECT key, stated_value, probability * consequence, p.year FROM risk"
		    " JOIN control_plan p ON p.id = risk.plan_id"
		    " WHERE stated_value IS NOT NULL AND probability IS NOT NULL"
		    " AND consequence IS NOT NULL AND stated_value <> probability * consequence"
		    " ORDER BY key",
		    NULL, f, "risk %s: risk value %s stated, probability × consequence is %s%s", err);
	if(!rc)
		rc = each_row(s,
		    "SELECT key, stated_value FROM risk WHERE stated_value IS NOT NULL"
		    " AND (probability IS NULL OR consequence IS NULL) ORDER BY key",
		    NULL, f, "risk %s: risk value %s stated without probability and consequence%s%s", err);
	if(!rc)
		rc = each_row(s,
		    "SELECT r.key, p.year, CASE WHEN r.probability IS NULL AND r.consequence IS NULL"
		    "  THEN 'probability and consequence' WHEN r.probability IS NULL THEN 'probability'"
		    "  ELSE 'consequence' END, r.text FROM risk r JOIN control_plan p ON p.id = r.plan_id"
		    " WHERE r.probability IS NULL OR r.consequence IS NULL ORDER BY r.key",
		    NULL, f, "risk %s (%s): %s not assessed (\"%s\")", err);
	if(!rc)
		rc = each_row(s,
		    "SELECT m.key, f.label, f.date, CASE WHEN f.status IS NULL THEN 'without a status'"
		    "  ELSE 'and is still ' || ?2 END FROM control_followup f"
		    " JOIN control_moment m ON m.id = f.moment_id"
		    " WHERE f.date < ?1 AND (f.status IS NULL OR f.status = ?2)"
		    " ORDER BY m.key, f.date, f.label",
		    late, f, "control moment %s: %s dated %s has passed %s", err);
	/* A responsible person removed from the organisation, or whose roles
	** had all ended by the date. */
	if(!rc)
		rc = each_row(s,
		    "SELECT m.key, f.label, coalesce(f.responsible_text, p.name), f.date"
		    " FROM control_followup f JOIN control_moment m ON m.id = f.moment_id"
		    " LEFT JOIN person p ON p.id = f.responsible_id"
		    " WHERE f.responsible_text LIKE '%(borttagen)%'"
		    "  OR (EXISTS (SELECT 1 FROM role r WHERE r.person_id = p.id)"
		    "   AND NOT EXISTS (SELECT 1 FROM role r WHERE r.person_id = p.id"
		    "    AND (r.from_date IS NULL OR r.from_date <= f.date)"
		    "    AND (r.to_date IS NULL OR r.to_date >= f.date)))"
		    " ORDER BY m.key, f.date",
		    NULL, f, "control moment %s: %s is recorded for %s, who is not in the"
		    " organisation on %s", err);
	return rc;
}
