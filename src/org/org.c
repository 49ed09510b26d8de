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
	enum styr_rc rc;

	memset(out, 0, sizeof(*out));
	rc = store_prepare(s,
	    "SELECT c.id, c.short_name, c.name, c.case_prefix, m.code, m.name,"
	    " c.letterhead, c.logo, c.colour, c.case_format"
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
		out->short_name = xstrdup(stmt_text(st, 1));
		out->name = xstrdup(stmt_text(st, 2));
		out->case_prefix = xstrdup(stmt_text(st, 3));
		out->host_code = xstrdup(stmt_text(st, 4));
		out->host_name = xstrdup(stmt_text(st, 5));
		if(stmt_text(st, 6) && *stmt_text(st, 6)) {
			out->letterhead = xstrdup(stmt_text(st, 6));
		} else {
			struct strbuf sb = STRBUF_INIT;
			org_municipality_name(&sb, out->host_name);
			out->letterhead = strbuf_detach(&sb);
		}
		if(stmt_text(st, 7) && *stmt_text(st, 7))
			out->logo = xstrdup(stmt_text(st, 7));
		if(stmt_text(st, 8) && strlen(stmt_text(st, 8)) == 7)
			out->colour = (uint32_t)strtoul(stmt_text(st, 8) + 1, NULL, 16);
		out->case_format = stmt_text(st, 9) ? xstrdup(stmt_text(st, 9)) : NULL;
	}
	stmt_finalize(st);
	return rc;
}

enum styr_rc org_role_holder(struct store *s, const char *role, struct date date,
                             char **name, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	char iso[11] = "";
	enum styr_rc rc = store_prepare(s,
	    "SELECT p.name FROM role r JOIN person p ON p.id = r.person_id"
	    " WHERE r.role = ? AND (?2 = '' OR ((r.from_date IS NULL OR r.from_date <= ?2)"
	    "   AND (r.to_date IS NULL OR r.to_date >= ?2)))"
	    " ORDER BY r.from_date DESC, r.id LIMIT 1", &st, err);
	*name = NULL;
	if(rc)
		return rc;
	if(date.year)
		date_format_iso(date, iso);
	stmt_bind_text(st, 1, role);
	stmt_bind_text(st, 2, iso);
	rc = stmt_step(st, &row, err);
	if(!rc && row && stmt_text(st, 0))
		*name = xstrdup(stmt_text(st, 0));
	stmt_finalize(st);
	return rc;
}

void org_municipality_name(struct strbuf *sb, const char *name)
{
	static const char *const no_s[] = { "a", "e", "i", "o", "u", "y", "s", "x", "z",
	                                    "å", "ä", "ö", NULL };
	size_t len = strlen(name);
	bool add_s = true;
	for(size_t i = 0; no_s[i]; i++) {
		size_t k = strlen(no_s[i]);
		if(len >= k && !strcmp(name + len - k, no_s[i]))
			add_s = false;
	}
	strbuf_addf(sb, "%s%s kommun", name, add_s ? "s" : "");
}

void committee_release(struct committee *c)
{
	free(c->short_name);
	free(c->name);
	free(c->case_prefix);
	free(c->case_format);
	free(c->host_code);
	free(c->host_name);
	free(c->letterhead);
	free(c->logo);
	memset(c, 0, sizeof(*c));
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
		v[n].code = xstrdup(stmt_text(st, 1));
		v[n].name = xstrdup(stmt_text(st, 2));
		v[n].population = stmt_is_null(st, 3) ? -1 : stmt_int(st, 3);
		n++;
	}
	stmt_finalize(st);
	if(rc) {
		members_free(v, n);
		return rc;
	}
	*out = v;
	*count = n;
	return STYR_OK;
}

void members_free(struct member *v, size_t n)
{
	for(size_t i = 0; v && i < n; i++) {
		free(v[i].code);
		free(v[i].name);
	}
	free(v);
}

const char *const occasion_kind_names[OCC_NKINDS + 1] = {
	[OCC_MER_PLAN] = "mer-plan", [OCC_PROGNOS] = "prognos", [OCC_DELAR] = "delar",
	[OCC_ARSREDOVISNING] = "arsredovisning", [OCC_NKINDS] = NULL,
};

bool occasion_kind_parse(const char *s, enum occasion_kind *out)
{
	for(int k = 0; s && k < OCC_NKINDS; k++) {
		if(!strcmp(s, occasion_kind_names[k])) {
			*out = (enum occasion_kind)k;
			return true;
		}
	}
	return false;
}

void occasion_release(struct occasion *o)
{
	free(o->key);
	free(o->title);
	memset(o, 0, sizeof(*o));
}

void occasion_copy(struct occasion *dst, const struct occasion *src)
{
	*dst = *src;
	dst->key = src->key ? xstrdup(src->key) : NULL;
	dst->title = src->title ? xstrdup(src->title) : NULL;
}

void occasions_free(struct occasion *v, size_t n)
{
	for(size_t i = 0; v && i < n; i++)
		occasion_release(&v[i]);
	free(v);
}

#define OCCASION_COLUMNS "id, key, kind, year, date, title, document_date"

static void read_occasion(struct store_stmt *st, struct occasion *o)
{
	o->id = stmt_int(st, 0);
	o->key = xstrdup(stmt_text(st, 1));
	if(!occasion_kind_parse(stmt_text(st, 2), &o->kind))
		o->kind = OCC_PROGNOS;   /* the schema's CHECK allows only the four */
	o->year = (int)stmt_int(st, 3);
	o->date = text_date(stmt_text(st, 4));
	o->title = xstrdup(stmt_text(st, 5));
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
		occasions_free(v, n);
		return rc;
	}
	*out = v;
	*count = n;
	return STYR_OK;
}

/* "prognos or delar" for the accepted kinds of a query. */
static void kinds_text(struct strbuf *sb, unsigned kinds)
{
	int written = 0, total = 0;
	for(int k = 0; k < OCC_NKINDS; k++)
		total += !!(kinds & OCC_BIT(k));
	for(int k = 0; k < OCC_NKINDS; k++) {
		if(!(kinds & OCC_BIT(k)))
			continue;
		if(written)
			strbuf_addstr(sb, written == total - 1 ? " or " : ", ");
		strbuf_addstr(sb, occasion_kind_names[k]);
		written++;
	}
}

static enum styr_rc not_found(struct store *s, const char *name, struct styr_error *err)
{
	struct occasion *all = NULL;
	size_t n = 0;
	struct strbuf known = STRBUF_INIT;
	struct styr_error ignored;
	if(!org_occasions(s, 0, &all, &n, &ignored)) {
		for(size_t i = 0; i < n; i++)
			strbuf_addf(&known, "%s%s", i ? ", " : "", all[i].key);
		occasions_free(all, n);
	}
	styr_error_set(err, STYR_ENOTFOUND, "no report occasion '%s' (known: %s)", name,
	               known.len ? known.buf : "none");
	strbuf_release(&known);
	return STYR_ENOTFOUND;
}

static enum styr_rc find_by_name(struct store *s, const char *name, struct occasion *out,
                                 struct styr_error *err)
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
	if(!rc && !row)
		rc = not_found(s, name, err);
	return rc;
}

enum styr_rc org_occasion_resolve(struct store *s, const struct occasion_query *q,
                                  struct occasion *out, struct styr_error *err)
{
	unsigned kinds = q->kinds ? q->kinds : (1u << OCC_NKINDS) - 1;
	struct strbuf sb = STRBUF_INIT;
	enum styr_rc rc;

	memset(out, 0, sizeof(*out));
	if(q->name) {
		rc = find_by_name(s, q->name, out, err);
		if(!rc && !(kinds & OCC_BIT(out->kind))) {
			kinds_text(&sb, kinds);
			rc = styr_error_set(err, STYR_EINVAL, "occasion %s is a %s occasion, not %s",
			                    out->key, occasion_kind_names[out->kind], sb.buf);
		} else if(!rc && q->year && out->year != q->year) {
			rc = styr_error_set(err, STYR_EINVAL, "occasion %s belongs to %d, not to %d",
			                    out->key, out->year, q->year);
		}
	} else if(q->year) {
		struct occasion *all = NULL;
		size_t n = 0;
		rc = org_occasions(s, q->year, &all, &n, err);
		for(size_t i = n; !rc && i-- > 0;) {
			if(kinds & OCC_BIT(all[i].kind)) {   /* the last in policy order */
				occasion_copy(out, &all[i]);
				break;
			}
		}
		if(!rc && !out->key) {
			kinds_text(&sb, kinds);
			rc = styr_error_set(err, STYR_ENOTFOUND, "no %s occasion in %d",
			                    q->kinds ? sb.buf : "report", q->year);
		}
		occasions_free(all, n);
	} else {
		rc = styr_error_set(err, STYR_EINVAL, "give --occasion or --year");
	}
	strbuf_release(&sb);
	if(rc)
		occasion_release(out);
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

const char *const org_word_names[WORD_NWORDS + 1] = {
	[WORD_GOVERNANCE_MODEL] = "governance_model", [WORD_ACCOUNT_LINE] = "account_line", NULL
};

const char *const org_word_defaults[WORD_NWORDS] = {
	[WORD_GOVERNANCE_MODEL] = "MER-styrning", [WORD_ACCOUNT_LINE] = "Kontotext",
};

enum styr_rc org_word(struct store *s, enum org_word w, char **out, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	*out = NULL;
	enum styr_rc rc = store_prepare(s, "SELECT text FROM committee_word WHERE key = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, org_word_names[w]);
	rc = stmt_step(st, &row, err);
	if(!rc)
		*out = xstrdup(row ? stmt_text(st, 0) : org_word_defaults[w]);
	stmt_finalize(st);
	return rc;
}

enum styr_rc org_member_count(struct store *s, size_t *count, struct styr_error *err)
{
	int64_t n = 0;
	enum styr_rc rc = store_query_int(s, "SELECT count(*) FROM municipality WHERE member = 1",
	                                  &n, err);
	*count = rc ? 0 : (size_t)n;
	return rc;
}
