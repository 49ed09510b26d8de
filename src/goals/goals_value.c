/*
** goals_value.c — `styr value set`: change an indicator's value at a
** report occasion, checked against the indicator's unit, with its audit
** entry in the same transaction (see goals.h).
*/
#include "goals/goals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/jsonw.h"
#include "base/strbuf.h"
#include "db/store.h"

static const char *const value_cols[] = { "outcome", "forecast", "comment", "verdict",
                                          "motivation" };
#define NCOLS 5

/* The stored row as JSON for the audit log; *exists false when none. */
static enum styr_rc read_row(struct store *s, int64_t ind, int64_t occ, char *vals[NCOLS],
                             bool *exists, struct strbuf *json, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT outcome, forecast, comment, verdict, motivation FROM indicator_value"
	    " WHERE indicator_id = ? AND occasion_id = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, ind);
	stmt_bind_int(st, 2, occ);
	rc = stmt_step(st, &row, err);
	*exists = !rc && row;
	if(*exists) {
		struct jsonw w;
		jsonw_init(&w, jsonw_strbuf_sink, json, false);
		jsonw_object_begin(&w);
		for(int i = 0; i < NCOLS; i++) {
			const char *t = stmt_text(st, i);
			vals[i] = t ? xstrdup(t) : NULL;
			if(t)
				jsonw_kv_string(&w, value_cols[i], t);
		}
		jsonw_object_end(&w);
	}
	stmt_finalize(st);
	return rc;
}

static void new_json(struct strbuf *json, char *const vals[NCOLS])
{
	struct jsonw w;
	jsonw_init(&w, jsonw_strbuf_sink, json, false);
	jsonw_object_begin(&w);
	for(int i = 0; i < NCOLS; i++)
		if(vals[i])
			jsonw_kv_string(&w, value_cols[i], vals[i]);
	jsonw_object_end(&w);
}

static enum styr_rc find_indicator(struct store *s, const char *key, int64_t *id,
                                   enum ind_unit *unit, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, "SELECT id, unit FROM indicator WHERE key = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, key);
	rc = stmt_step(st, &row, err);
	if(!rc && !row)
		rc = styr_error_set(err, STYR_ENOTFOUND,
		                    "no indicator '%s' (see 'styr goals list DB --year Y')", key);
	if(!rc) {
		*id = stmt_int(st, 0);
		unit_from_name(stmt_text(st, 1), unit);
	}
	stmt_finalize(st);
	return rc;
}

static enum styr_rc validate(const char *key, enum ind_unit unit, char *const vals[NCOLS],
                             struct styr_error *err)
{
	enum verdict v;
	enum styr_rc rc = measure_check_unit(vals[0] ? vals[0] : "", unit, key, err);
	if(!rc)
		rc = measure_check_unit(vals[1] ? vals[1] : "", unit, key, err);
	if(rc)
		return rc;
	if(vals[3] && !verdict_from_name(vals[3], &v)) {
		struct strbuf names = STRBUF_INIT;
		for(int k = 0; verdict_names[k]; k++)
			strbuf_addf(&names, "%s%s", k ? ", " : "", verdict_names[k]);
		rc = styr_error_set(err, STYR_EINVAL, "indicator %s: verdict \"%s\" is not one of %s",
		                    key, vals[3], names.buf);
		strbuf_release(&names);
		return rc;
	}
	if(vals[3] && !vals[4])
		return styr_error_set(err, STYR_EINVAL,
		                      "indicator %s: a verdict set by hand needs a motivation "
		                      "(--motivation TEXT)", key);
	return STYR_OK;
}

enum styr_rc goals_value_set(struct store *s, const char *key, const struct occasion *occ,
                             const struct value_change *c, struct styr_error *err)
{
	int64_t ind = 0;
	enum ind_unit unit = UNIT_NUMBER;
	char *vals[NCOLS] = { NULL };
	const char *changes[NCOLS] = { c->outcome, c->forecast, c->comment, c->verdict,
	                               c->motivation };
	struct strbuf old = STRBUF_INIT, neu = STRBUF_INIT, akey = STRBUF_INIT;
	bool exists = false, row;
	struct store_stmt *st;
	enum styr_rc rc;

	rc = find_indicator(s, key, &ind, &unit, err);
	if(!rc)
		rc = store_begin(s, err);
	if(rc)
		return rc;
	rc = read_row(s, ind, occ->id, vals, &exists, &old, err);
	for(int i = 0; !rc && i < NCOLS; i++) {
		if(!changes[i])
			continue;
		free(vals[i]);
		vals[i] = *changes[i] ? xstrdup(changes[i]) : NULL;
	}
	if(!rc)
		rc = validate(key, unit, vals, err);
	if(!rc)
		rc = store_prepare(s, exists
		    ? "UPDATE indicator_value SET outcome = ?3, forecast = ?4, comment = ?5,"
		      " verdict = ?6, motivation = ?7 WHERE indicator_id = ?1 AND occasion_id = ?2"
		    : "INSERT INTO indicator_value(indicator_id, occasion_id, outcome, forecast,"
		      " comment, verdict, motivation) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err);
	if(!rc) {
		stmt_bind_int(st, 1, ind);
		stmt_bind_int(st, 2, occ->id);
		for(int i = 0; i < NCOLS; i++)
			stmt_bind_text(st, 3 + i, vals[i]);
		rc = stmt_step(st, &row, err);
		stmt_finalize(st);
	}
	if(!rc) {
		new_json(&neu, vals);
		strbuf_addf(&akey, "%s/%s", key, occ->key);
		rc = store_audit(s, "indicator_value", akey.buf, exists ? old.buf : NULL, neu.buf, err);
	}
	if(!rc)
		rc = store_commit(s, err);
	if(rc)
		store_rollback(s);
	for(int i = 0; i < NCOLS; i++)
		free(vals[i]);
	strbuf_release(&old);
	strbuf_release(&neu);
	strbuf_release(&akey);
	return rc;
}
