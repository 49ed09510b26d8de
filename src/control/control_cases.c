/*
** control_cases.c — the case register: list, search and number new
** cases (see control.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "control/casenum.h"
#include "base/jsonw.h"
#include "base/strbuf.h"
#include "control/control.h"
#include "db/section.h"
#include "db/store.h"

#define CASE_COLUMNS "id, number, number_norm, year, seq, coalesce(doc, 0), title," \
	" registered, coalesce(status, ?3), closed"

static enum styr_rc read_case(struct store_stmt *st, struct case_row *c,
                              struct styr_error *err)
{
	memset(c, 0, sizeof(*c));
	c->id = stmt_int(st, 0);
	c->number = xstrdup(stmt_text(st, 1));
	c->norm = xstrdup(stmt_text(st, 2));
	c->year = (int)stmt_int(st, 3);
	c->seq = (long)stmt_int(st, 4);
	c->doc = (long)stmt_int(st, 5);
	c->title = xstrdup(stmt_text(st, 6));
	if(stmt_text(st, 7))
		date_parse_iso(stmt_text(st, 7), &c->registered);
	int status = control_name_index(case_status_names, stmt_text(st, 8));
	if(status < 0)
		return styr_error_set(err, STYR_EDB, "case %s: unknown status '%s'", c->number,
		                      stmt_text(st, 8));
	c->status = (enum case_status)status;
	if(stmt_text(st, 9))
		date_parse_iso(stmt_text(st, 9), &c->closed);
	return STYR_OK;
}

void case_row_release(struct case_row *c)
{
	free(c->number);
	free(c->norm);
	free(c->title);
	memset(c, 0, sizeof(*c));
}

void case_rows_free(struct case_row *v, size_t n)
{
	for(size_t i = 0; i < n; i++)
		case_row_release(&v[i]);
	free(v);
}

enum styr_rc case_list(struct store *s, const char *search, struct case_row **out,
                       size_t *count, struct styr_error *err)
{
	struct store_stmt *st;
	struct casenum cn = { 0 };
	struct strbuf norm = STRBUF_INIT, like = STRBUF_INIT;
	struct case_style style;
	bool row;
	size_t n = 0, cap = 0;
	struct case_row *v = NULL;
	enum styr_rc rc = control_case_style(s, &style, err);

	if(rc)
		return rc;
	/* A case number in any spelling finds the case and its documents. */
	if(search && (case_style_parse(&style, search, &cn)
	              || casenum_parse(search, NULL, CASENUM_ANY, &cn))) {
		casenum_normalise(&cn, &norm);
		strbuf_addf(&like, "%s-%%", norm.buf);
	} else if(search) {
		strbuf_addf(&like, "%%%s%%", search);
	}
	rc = store_prepare(s, "SELECT " CASE_COLUMNS " FROM case_file"
	    " WHERE (CAST(?1 AS TEXT) IS NOT NULL AND (number_norm = ?1 OR number_norm LIKE ?2))"
	    "  OR (?1 IS NULL AND (CAST(?2 AS TEXT) IS NULL OR title LIKE ?2))"
	    " ORDER BY year, seq, coalesce(doc, 0), number", &st, err);
	if(!rc) {
		stmt_bind_text(st, 1, norm.len ? norm.buf : NULL);
		stmt_bind_text(st, 2, like.len ? like.buf : NULL);
		stmt_bind_text(st, 3, case_status_names[CASE_OPEN]);
		while(!rc && !(rc = stmt_step(st, &row, err)) && row) {
			ALLOC_GROW(v, n, cap);
			rc = read_case(st, &v[n++], err);
		}
		stmt_finalize(st);
	}
	strbuf_release(&norm);
	strbuf_release(&like);
	case_style_release(&style);
	casenum_release(&cn);
	if(rc) {
		case_rows_free(v, n);
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
	    "INSERT INTO case_file(number, title, registered, status) VALUES(?, ?, ?, ?)",
	    &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, number);
	stmt_bind_text(st, 2, title);
	stmt_bind_text(st, 4, case_status_names[CASE_OPEN]);
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
	struct case_style style = { NULL, CASENUM_ANY };
	struct casenum cn = { 0 };
	struct strbuf number = STRBUF_INIT, json = STRBUF_INIT;
	struct case_row *found = NULL;
	size_t nfound = 0;
	int64_t next = 0;
	enum casenum_form form = CASENUM_YY_N;
	enum styr_rc rc;

	memset(out, 0, sizeof(*out));
	if(!title || !*title)
		return styr_error_set(err, STYR_EINVAL, "title: expected the title of the case");
	if(!registered.year)
		registered = clock_today();
	if(!parent && !year)
		year = registered.year;
	rc = org_committee(s, &c, err);
	if(rc)
		return rc;
	rc = control_case_style(s, &style, err);
	if(!rc)
		form = (enum casenum_form)style.form;
	if(!rc && parent && (!case_style_parse(&style, parent, &cn) || cn.doc)) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "\"%s %s\"", c.case_prefix, casenum_form_names[form]);
		rc = styr_error_set(err, STYR_EINVAL, "--in: \"%s\" is not a case number:"
		                    " expected %s", parent, sb.buf);
		strbuf_release(&sb);
	} else if(!rc && !parent && (year < 2000 || year > 2099)) {
		rc = styr_error_set(err, STYR_EINVAL, "--year: expected a year 2000-2099, found %d",
		                    year);
	}
	if(!rc)
		rc = store_begin(s, err);
	if(rc) {
		committee_release(&c);
		case_style_release(&style);
		casenum_release(&cn);
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
		cn.form = form;
		cn.year = casenum_year(form, year);
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
		struct field_value v[] = { { false, 0, number.buf }, { false, 0, title },
		                           { true, 0, NULL }, { true, 0, NULL }, { true, 0, NULL },
		                           { true, 0, NULL } };
		rc = section_cases.after_write(s, store_last_insert_id(s), v, err);
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
		jsonw_kv_string(&w, "status", case_status_names[CASE_OPEN]);
		jsonw_object_end(&w);
		rc = store_audit(s, "case_file", number.buf, NULL, json.buf, err);
	}
	if(!rc)
		rc = store_commit(s, err);
	if(rc)
		store_rollback(s);
	if(!rc)
		rc = case_list(s, number.buf, &found, &nfound, err);
	if(!rc && nfound) {
		*out = found[0];   /* moved: found[0]'s strings are now the caller's */
		memset(&found[0], 0, sizeof(found[0]));
	}
	case_rows_free(found, nfound);
	committee_release(&c);
	case_style_release(&style);
	casenum_release(&cn);
	strbuf_release(&number);
	strbuf_release(&json);
	return rc;
}

enum styr_rc case_close(struct store *s, const char *number, struct date closed,
                        struct case_row *out, struct styr_error *err)
{
	struct case_style style;
	struct casenum cn = { 0 };
	struct strbuf norm = STRBUF_INIT;
	struct case_row *v = NULL;
	size_t n = 0;
	char iso[11];
	enum styr_rc rc;

	memset(out, 0, sizeof(*out));
	if(!closed.year)
		closed = clock_today();
	rc = control_case_style(s, &style, err);
	if(rc)
		return rc;
	if(!case_style_parse(&style, number, &cn) && !casenum_parse(number, NULL, CASENUM_ANY, &cn)) {
		struct strbuf sb = STRBUF_INIT;
		case_style_expected(&style, &sb);
		rc = styr_error_set(err, STYR_EINVAL, "case number: \"%s\" is not a case number:"
		                    " expected %s", number, sb.buf);
		strbuf_release(&sb);
	}
	case_style_release(&style);
	if(!rc) {
		casenum_normalise(&cn, &norm);
		rc = store_begin(s, err);
	}
	casenum_release(&cn);
	if(rc) {
		strbuf_release(&norm);
		return rc;
	}
	rc = case_list(s, number, &v, &n, err);
	size_t k = 0;
	while(!rc && k < n && strcmp(v[k].norm, norm.buf))
		k++;
	if(!rc && k == n)
		rc = styr_error_set(err, STYR_ENOTFOUND, "no case %s in the register", number);
	if(!rc && v[k].status == CASE_CLOSED) {
		char when[11] = "";
		if(v[k].closed.year)
			date_format_iso(v[k].closed, when);
		rc = styr_error_set(err, STYR_ECONFLICT, "case %s is closed already%s%s%s",
		                    v[k].number, when[0] ? " (on " : "", when, when[0] ? ")" : "");
	}
	if(!rc && v[k].registered.year && date_cmp(closed, v[k].registered) < 0) {
		char a[11], b[11];
		date_format_iso(closed, a);
		date_format_iso(v[k].registered, b);
		rc = styr_error_set(err, STYR_EINVAL, "case %s: closed %s is before its registration %s",
		                    v[k].number, a, b);
	}
	if(!rc) {
		struct store_stmt *st;
		bool row;
		date_format_iso(closed, iso);
		rc = store_prepare(s, "UPDATE case_file SET status = ?, closed = ? WHERE id = ?",
		                   &st, err);
		if(!rc) {
			stmt_bind_text(st, 1, case_status_names[CASE_CLOSED]);
			stmt_bind_text(st, 2, iso);
			stmt_bind_int(st, 3, v[k].id);
			rc = stmt_step(st, &row, err);
			stmt_finalize(st);
		}
	}
	if(!rc)   /* the store logs the row's change at commit */
		rc = store_commit(s, err);
	if(rc)
		store_rollback(s);
	if(!rc) {
		*out = v[k];     /* moved: its strings are now the caller's */
		memset(&v[k], 0, sizeof(v[k]));
		out->status = CASE_CLOSED;
		out->closed = closed;
	}
	case_rows_free(v, n);
	strbuf_release(&norm);
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
