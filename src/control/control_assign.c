/*
** control_assign.c — the follow-up table of political assignments at a
** report occasion, with its counts (see control.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control/control_scales.h"
#include "base/strbuf.h"
#include "control/control.h"
#include "db/store.h"

/* The occasion of the previous follow-up: the one the report names, else
** the latest earlier occasion with any assignment status. */
static enum styr_rc find_previous(struct store *s, struct assignment_table *t,
                                  struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT coalesce((SELECT o.key FROM assignment_report r JOIN occasion o"
	    "   ON o.id = r.previous_id WHERE r.occasion_id = ?1),"
	    " (SELECT o.key FROM occasion o WHERE o.date < (SELECT date FROM occasion WHERE id = ?1)"
	    "   AND EXISTS (SELECT 1 FROM assignment_status x WHERE x.occasion_id = o.id)"
	    "   ORDER BY o.date DESC LIMIT 1))", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, t->occasion.id);
	rc = stmt_step(st, &row, err);
	char *key = !rc && row ? xstrdup(stmt_text(st, 0)) : NULL;
	stmt_finalize(st);
	if(!rc && key) {
		struct occasion_query q = { key, 0, 0 };
		rc = org_occasion_resolve(s, &q, &t->previous, err);
		t->has_previous = !rc;
	}
	free(key);
	return rc;
}

static enum styr_rc stated(struct store *s, struct assignment_table *t,
                           struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT stated_ongoing, stated_finished, stated_new, text FROM assignment_report"
	    " WHERE occasion_id = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, t->occasion.id);
	rc = stmt_step(st, &row, err);
	if(!rc && row) {
		t->stated_ongoing = stmt_is_null(st, 0) ? -1 : (int)stmt_int(st, 0);
		t->stated_finished = stmt_is_null(st, 1) ? -1 : (int)stmt_int(st, 1);
		t->stated_new = stmt_is_null(st, 2) ? -1 : (int)stmt_int(st, 2);
		t->stated_text = xstrdup(stmt_text(st, 3));
	}
	stmt_finalize(st);
	return rc;
}

enum styr_rc control_assignment_table(struct store *s, const struct occasion *occasion,
                                      struct assignment_table *t,
                                      struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	enum styr_rc rc;

	memset(t, 0, sizeof(*t));
	t->stated_ongoing = t->stated_finished = t->stated_new = -1;
	occasion_copy(&t->occasion, occasion);
	rc = find_previous(s, t, err);
	if(!rc)
		rc = stated(s, t, err);
	if(!rc && t->has_previous) {
		int64_t n = 0;
		rc = store_prepare(s, "SELECT count(*) FROM assignment_status WHERE occasion_id = ?",
		                   &st, err);
		if(!rc) {
			stmt_bind_int(st, 1, t->previous.id);
			rc = stmt_step(st, &row, err);
			if(!rc && row)
				n = stmt_int(st, 0);
			stmt_finalize(st);
		}
		t->new_known = n > 0;
	}
	/* Open first, oldest first: by the meeting's date, else the case's
	** year and number; then the order they were recorded in. */
	if(!rc)
		rc = store_prepare(s,
	    "SELECT a.key, a.text, a.case_number, a.meeting_date, a.paragraph, a.responsible,"
	    " x.status, x.comment,"
	    " NOT EXISTS (SELECT 1 FROM assignment_status p WHERE p.assignment_id = a.id"
	    "   AND p.occasion_id = ?2)"
	    " FROM assignment_status x JOIN assignment a ON a.id = x.assignment_id"
	    " WHERE x.occasion_id = ?1"
	    " ORDER BY coalesce(x.status, '') = ?3,"
	    "  coalesce(CAST(substr(a.meeting_date, 1, 4) AS INTEGER), 2000 + a.case_year, 9999),"
	    "  coalesce(a.meeting_date, ''), coalesce(a.case_seq, 0), a.id", &st, err);
	if(rc) {
		assignment_table_release(t);
		return rc;
	}
	stmt_bind_int(st, 1, t->occasion.id);
	stmt_bind_int(st, 2, t->has_previous ? t->previous.id : -1);
	stmt_bind_text(st, 3, assignment_status_names[ASSIGNMENT_FINISHED]);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		struct assignment_row *r;
		ALLOC_GROW(t->rows, t->count, cap);
		r = &t->rows[t->count++];
		memset(r, 0, sizeof(*r));
		r->key = xstrdup(stmt_text(st, 0));
		r->text = xstrdup(stmt_text(st, 1));
		r->case_number = xstrdup(stmt_text(st, 2));
		if(stmt_text(st, 3))
			date_parse_iso(stmt_text(st, 3), &r->meeting);
		r->paragraph = stmt_is_null(st, 4) ? 0 : (int)stmt_int(st, 4);
		r->responsible = xstrdup(stmt_text(st, 5));
		r->status = control_name_index(assignment_status_names, stmt_text(st, 6));
		r->comment = xstrdup(stmt_text(st, 7));
		r->is_new = t->new_known && stmt_int(st, 8);
		if(stmt_text(st, 6) && r->status == ASSIGNMENT_NO_STATUS) {
			rc = styr_error_set(err, STYR_EDB, "assignment %s: unknown status '%s' at %s",
			                    r->key, stmt_text(st, 6), t->occasion.key);
			break;
		}
		if(r->status == ASSIGNMENT_NO_STATUS)
			t->without_status++;
		else if(assignment_status_open(r->status))
			t->ongoing++;
		else
			t->finished++;
		t->new_count += r->is_new;
	}
	stmt_finalize(st);
	if(rc)
		assignment_table_release(t);
	return rc;
}

void assignment_table_release(struct assignment_table *t)
{
	for(size_t i = 0; i < t->count; i++) {
		struct assignment_row *r = &t->rows[i];
		free(r->key);
		free(r->text);
		free(r->case_number);
		free(r->responsible);
		free(r->comment);
	}
	free(t->rows);
	free(t->stated_text);
	occasion_release(&t->occasion);
	occasion_release(&t->previous);
	t->rows = NULL;
	t->stated_text = NULL;
	t->count = 0;
}
