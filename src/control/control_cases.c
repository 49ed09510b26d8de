/*
** control_cases.c — the case register: list, search and number new
** cases (see control.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control/casenum.h"
#include "base/jsonw.h"
#include "base/strbuf.h"
#include "control/control.h"
#include "db/section.h"
#include "db/store.h"

#define CASE_COLUMNS "id, number, number_norm, year, seq, coalesce(doc, 0), title," \
	" registered, coalesce(status, 'öppet')"

static void read_case(struct store_stmt *st, struct case_row *c)
{
	c->id = stmt_int(st, 0);
	str_copy(c->number, sizeof(c->number), stmt_text(st, 1));
	str_copy(c->norm, sizeof(c->norm), stmt_text(st, 2));
	c->year = (int)stmt_int(st, 3);
	c->seq = (long)stmt_int(st, 4);
	c->doc = (long)stmt_int(st, 5);
	str_copy(c->title, sizeof(c->title), stmt_text(st, 6));
	memset(&c->registered, 0, sizeof(c->registered));
	if(stmt_text(st, 7))
		date_parse_iso(stmt_text(st, 7), &c->registered);
	str_copy(c->status, sizeof(c->status), stmt_text(st, 8));
}

enum styr_rc case_list(struct store *s, const char *search, struct case_row **out,
                       size_t *count, struct styr_error *err)
{
	struct store_stmt *st;
	struct casenum cn;
	struct strbuf norm = STRBUF_INIT, like = STRBUF_INIT;
	struct committee c = { 0 };
	struct styr_error e;
	bool row;
	size_t n = 0, cap = 0;
	struct case_row *v = NULL;
	enum styr_rc rc;

	/* A case number in any spelling finds the case and its documents. */
	if(search && casenum_parse(search, org_committee(s, &c, &e) ? NULL : c.case_prefix, &cn)) {
		casenum_normalise(&cn, &norm);
		strbuf_addf(&like, "%s-%%", norm.buf);
	} else if(search) {
		strbuf_addf(&like, "%%%s%%", search);
	}
	rc = store_prepare(s, "SELECT " CASE_COLUMNS " FROM case_file"
	    " WHERE (?1 IS NOT NULL AND (number_norm = ?1 OR number_norm LIKE ?2))"
	    "  OR (?1 IS NULL AND (?2 IS NULL OR title LIKE ?2))"
	    " ORDER BY year, seq, coalesce(doc, 0), number", &st, err);
	if(!rc) {
		stmt_bind_text(st, 1, norm.len ? norm.buf : NULL);
		stmt_bind_text(st, 2, like.len ? like.buf : NULL);
		while(!(rc = stmt_step(st, &row, err)) && row) {
			ALLOC_GROW(v, n, cap);
			read_case(st, &v[n++]);
		}
		stmt_finalize(st);
	}
	strbuf_release(&norm);
	strbuf_release(&like);
	committee_release(&c);
	if(rc) {
		free(v);
		return rc;
	}
	*out = v;
	*count = n;
	return STYR_OK;
}

/* One integer from sql with parameters a and (when b >= 0) b; 0 for null. */
static enum styr_rc max_of(struct store *s, const char *sql, int64_t a, int64_t b,
                           int64_t *out, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, sql, &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, a);
	if(b >= 0)
		stmt_bind_int(st, 2, b);
	rc = stmt_step(st, &row, err);
	*out = !rc && row && !stmt_is_null(st, 0) ? stmt_int(st, 0) : 0;
	stmt_finalize(st);
	return rc;
}

static enum styr_rc insert_case(struct store *s, const char *number, const char *title,
                                struct date registered, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	char iso[11];
	enum styr_rc rc = store_prepare(s,
	    "INSERT INTO case_file(number, title, registered, status) VALUES(?, ?, ?, 'öppet')",
	    &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, number);
	stmt_bind_text(st, 2, title);
	if(registered.year) {
		date_format_iso(registered, iso);
		stmt_bind_text(st, 3, iso);
	} else {
		stmt_bind_null(st, 3);
	}
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	return rc;
}

enum styr_rc case_new(struct store *s, int year, const char *parent, const char *title,
                      struct date registered, struct case_row *out,
                      struct styr_error *err)
{
	struct committee c;
	struct casenum cn;
	struct strbuf number = STRBUF_INIT, json = STRBUF_INIT;
	struct case_row *found = NULL;
	size_t nfound = 0;
	int64_t next = 0;
	enum styr_rc rc;

	if(!title || !*title)
		return styr_error_set(err, STYR_EINVAL, "title: expected the title of the case");
	rc = org_committee(s, &c, err);
	if(rc)
		return rc;
	if(parent && (!casenum_parse(parent, c.case_prefix, &cn) || cn.doc)) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "\"%s YY-N\"", c.case_prefix);
		rc = styr_error_set(err, STYR_EINVAL, "--in: \"%s\" is not a case number:"
		                    " expected %s", parent, sb.buf);
		strbuf_release(&sb);
	} else if(!parent && (year < 2000 || year > 2099)) {
		rc = styr_error_set(err, STYR_EINVAL, "--year: expected a year 2000-2099, found %d",
		                    year);
	}
	if(!rc)
		rc = store_begin(s, err);
	if(rc) {
		committee_release(&c);
		return rc;
	}
	if(parent) {
		/* The case is known by its own row or by documents already in it. */
		int64_t known = 0;
		rc = max_of(s, "SELECT count(*) FROM case_file WHERE year = ? AND seq = ?",
		            cn.year, cn.seq, &known, err);
		if(!rc && !known)
			rc = styr_error_set(err, STYR_ENOTFOUND, "--in: no case %s in the register",
			                    parent);
		if(!rc)
			rc = max_of(s, "SELECT max(doc) FROM case_file WHERE year = ? AND seq = ?",
			            cn.year, cn.seq, &next, err);
		cn.doc = (long)next + 1;
	} else {
		cn.year = year % 100;
		rc = max_of(s, "SELECT max(seq) FROM case_file WHERE year = ?", cn.year, -1,
		            &next, err);
		long used = (long)next;
		cn.seq = casenum_next_seq(&used, 1);
		cn.doc = 0;
	}
	if(!rc) {
		casenum_format(&cn, c.case_prefix, &number);
		rc = insert_case(s, number.buf, title, registered, err);
	}
	/* Normal form and parts come from the section rule, as on load. */
	if(!rc) {
		struct field_value v = { false, 0, number.buf };
		rc = section_cases.after_insert(s, store_last_insert_id(s), &v, err);
	}
	if(!rc) {
		struct jsonw w;
		jsonw_init(&w, jsonw_strbuf_sink, &json, false);
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "number", number.buf);
		jsonw_kv_string(&w, "title", title);
		if(registered.year) {
			char iso[11];
			date_format_iso(registered, iso);
			jsonw_kv_string(&w, "registered", iso);
		}
		jsonw_kv_string(&w, "status", "öppet");
		jsonw_object_end(&w);
		rc = store_audit(s, "case_file", number.buf, NULL, json.buf, err);
	}
	if(!rc)
		rc = store_commit(s, err);
	if(rc)
		store_rollback(s);
	if(!rc)
		rc = case_list(s, number.buf, &found, &nfound, err);
	if(!rc && nfound)
		*out = found[0];
	free(found);
	committee_release(&c);
	strbuf_release(&number);
	strbuf_release(&json);
	return rc;
}

enum styr_rc case_assignments(struct store *s, const char *norm, char ***keys,
                              char ***texts, size_t *count, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t n = 0;
	char **k = NULL, **t = NULL;
	enum styr_rc rc = store_prepare(s, "SELECT key, text FROM assignment WHERE case_norm = ?"
	                                " ORDER BY key", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, norm);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		k = xrealloc(k, (n + 1) * sizeof(*k));
		t = xrealloc(t, (n + 1) * sizeof(*t));
		k[n] = xstrdup(stmt_text(st, 0));
		t[n++] = xstrdup(stmt_text(st, 1));
	}
	stmt_finalize(st);
	*keys = k;
	*texts = t;
	*count = n;
	return rc;
}
