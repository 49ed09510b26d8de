/*
** org.c — domain calls for the organisation (see org.h).
*/
#include "org/org.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "db/store.h"

static struct date text_date(const char *s)
{
	struct date d = { 0, 0, 0 };
	if(s)
		date_parse_iso(s, &d);
	return d;
}

enum styr_rc org_committee(struct store *s, struct committee *out,
                           struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT c.id, c.short_name, c.name, c.case_prefix, m.code"
	    " FROM committee c JOIN municipality m ON m.id = c.host_municipality_id"
	    " ORDER BY c.id LIMIT 1", &st, err);
	if(rc)
		return rc;
	rc = stmt_step(st, &row, err);
	if(!rc && !row)
		rc = styr_error_set(err, STYR_ENOTFOUND,
		                    "no committee in the database (load the organisation data first)");
	if(!rc) {
		out->id = stmt_int(st, 0);
		str_copy(out->short_name, sizeof(out->short_name), stmt_text(st, 1));
		str_copy(out->name, sizeof(out->name), stmt_text(st, 2));
		str_copy(out->case_prefix, sizeof(out->case_prefix), stmt_text(st, 3));
		str_copy(out->host_code, sizeof(out->host_code), stmt_text(st, 4));
	}
	stmt_finalize(st);
	return rc;
}

enum styr_rc org_members(struct store *s, struct date date, struct member **out,
                         size_t *count, struct styr_error *err)
{
	struct store_stmt *st;
	char iso[11];
	bool row;
	size_t n = 0, cap = 0;
	struct member *v = NULL;
	enum styr_rc rc = store_prepare(s,
	    "SELECT m.id, m.code, m.name,"
	    " (SELECT p.count FROM population p WHERE p.municipality_id = m.id AND p.date = ?)"
	    " FROM municipality m WHERE m.member = 1 ORDER BY m.code", &st, err);
	if(rc)
		return rc;
	date_format_iso(date, iso);
	stmt_bind_text(st, 1, iso);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(v, n, cap);
		v[n].id = stmt_int(st, 0);
		str_copy(v[n].code, sizeof(v[n].code), stmt_text(st, 1));
		str_copy(v[n].name, sizeof(v[n].name), stmt_text(st, 2));
		v[n].population = stmt_is_null(st, 3) ? -1 : stmt_int(st, 3);
		n++;
	}
	stmt_finalize(st);
	if(rc) {
		free(v);
		return rc;
	}
	*out = v;
	*count = n;
	return STYR_OK;
}

#define OCCASION_COLUMNS "id, key, kind, year, date, title, document_date"

static void read_occasion(struct store_stmt *st, struct occasion *o)
{
	o->id = stmt_int(st, 0);
	str_copy(o->key, sizeof(o->key), stmt_text(st, 1));
	str_copy(o->kind, sizeof(o->kind), stmt_text(st, 2));
	o->year = (int)stmt_int(st, 3);
	o->date = text_date(stmt_text(st, 4));
	str_copy(o->title, sizeof(o->title), stmt_text(st, 5));
	o->document_date = text_date(stmt_text(st, 6));
}

enum styr_rc org_occasions(struct store *s, int year, struct occasion **out,
                           size_t *count, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t n = 0, cap = 0;
	struct occasion *v = NULL;
	enum styr_rc rc = store_prepare(s,
	    "SELECT " OCCASION_COLUMNS " FROM occasion WHERE ?1 = 0 OR year = ?1"
	    " ORDER BY year, date IS NULL DESC, date, key", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, year);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(v, n, cap);
		read_occasion(st, &v[n++]);
	}
	stmt_finalize(st);
	if(rc) {
		free(v);
		return rc;
	}
	*out = v;
	*count = n;
	return STYR_OK;
}

enum styr_rc org_occasion_find(struct store *s, const char *name,
                               struct occasion *out, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT " OCCASION_COLUMNS " FROM occasion WHERE key = ?1"
	    " OR (date = ?1 AND kind <> 'mer-plan') ORDER BY key = ?1 DESC LIMIT 1", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, name);
	rc = stmt_step(st, &row, err);
	if(!rc && row)
		read_occasion(st, out);
	stmt_finalize(st);
	if(!rc && !row) {
		struct occasion *all = NULL;
		size_t n = 0;
		struct strbuf known = STRBUF_INIT;
		if(!org_occasions(s, 0, &all, &n, err)) {
			for(size_t i = 0; i < n; i++)
				strbuf_addf(&known, "%s%s", i ? ", " : "", all[i].key);
			free(all);
		}
		rc = styr_error_set(err, STYR_ENOTFOUND,
		                    "no report occasion '%s' (known: %s)", name,
		                    known.len ? known.buf : "none");
		strbuf_release(&known);
	}
	return rc;
}

enum styr_rc org_occasion_last(struct store *s, int year, struct occasion *out,
                               struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT " OCCASION_COLUMNS " FROM occasion WHERE year = ? AND date IS NOT NULL"
	    " AND kind <> 'mer-plan' ORDER BY date DESC LIMIT 1", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, year);
	rc = stmt_step(st, &row, err);
	if(!rc && row)
		read_occasion(st, out);
	stmt_finalize(st);
	if(!rc && !row)
		rc = styr_error_set(err, STYR_ENOTFOUND, "no report occasion with a cut-off date in %d", year);
	return rc;
}

enum styr_rc org_check(struct store *s, struct findings *f, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc;
	int64_t n = 0;

	rc = store_query_int(s, "SELECT count(*) FROM committee", &n, err);
	if(rc)
		return rc;
	if(n != 1)
		findings_add(f, "committee: %lld rows, expected exactly one", (long long)n);

	/* Every member needs a population figure for each year-end that has one
	** for any member: the split key is useless with a gap. */
	rc = store_prepare(s,
	    "SELECT m.name, d.date FROM municipality m,"
	    " (SELECT DISTINCT date FROM population) d"
	    " WHERE m.member = 1 AND NOT EXISTS (SELECT 1 FROM population p"
	    "   WHERE p.municipality_id = m.id AND p.date = d.date)"
	    " ORDER BY d.date, m.code", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row)
		findings_add(f, "population %s: no figure for member %s", stmt_text(st, 1),
		             stmt_text(st, 0));
	stmt_finalize(st);
	if(rc)
		return rc;

	rc = store_prepare(s,
	    "SELECT key, year, date FROM occasion WHERE date IS NOT NULL"
	    " AND CAST(substr(date, 1, 4) AS INTEGER) <> year ORDER BY key", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row)
		findings_add(f, "occasion %s: cut-off date %s is not in its year %lld",
		             stmt_text(st, 0), stmt_text(st, 2), (long long)stmt_int(st, 1));
	stmt_finalize(st);
	return rc;
}
