/*
** section.c — SQL for generic sections (see section.h).
*/
#include "db/section.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "base/jsonw.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "db/store.h"

const struct field_desc *section_key_field(const struct section_desc *d)
{
	const struct field_desc *k = NULL;
	for(size_t i = 0; i < d->nfields; i++) {
		if(d->fields[i].flags & FIELD_KEY) {
			if(k)
				return NULL; /* composite keys cannot be referred to */
			k = &d->fields[i];
		}
	}
	return k;
}

static bool stored_as_int(enum field_type t)
{
	return t == FIELD_INT || t == FIELD_MONEY || t == FIELD_BOOL || t == FIELD_REF;
}

static void bind_value(struct store_stmt *st, int idx, const struct field_desc *f,
                       const struct field_value *v)
{
	if(v->null)
		stmt_bind_null(st, idx);
	else if(stored_as_int(f->type))
		stmt_bind_int(st, idx, v->i);
	else
		stmt_bind_text(st, idx, v->s);
}

/* The row as compact JSON for the audit log, and its key for the log. */
static void audit_text(const struct section_desc *d, const struct field_value vals[],
                       struct strbuf *json, struct strbuf *key)
{
	struct jsonw w;
	jsonw_init(&w, jsonw_strbuf_sink, json, false);
	jsonw_object_begin(&w);
	for(size_t i = 0; i < d->nfields; i++) {
		const struct field_desc *f = &d->fields[i];
		const struct field_value *v = &vals[i];
		if(v->null)
			continue;
		/* A reference is logged by the key it was given with, so the
		** log reads the way the data was written. */
		bool by_key = f->type == FIELD_REF && v->s;
		jsonw_key(&w, by_key ? f->key : f->column);
		if(stored_as_int(f->type) && !by_key)
			jsonw_int(&w, v->i);
		else
			jsonw_string(&w, v->s);
		if(f->flags & FIELD_KEY) {
			if(key->len)
				strbuf_addch(key, '/');
			if(stored_as_int(f->type) && !by_key)
				strbuf_addf(key, "%" PRId64, v->i);
			else
				strbuf_addstr(key, v->s);
		}
	}
	jsonw_object_end(&w);
}

enum styr_rc store_section_insert(struct store *s, const struct section_desc *d,
                                  const struct field_value vals[],
                                  struct styr_error *err)
{
	struct strbuf sql = STRBUF_INIT, json = STRBUF_INIT, key = STRBUF_INIT;
	struct store_stmt *st;
	enum styr_rc rc;
	bool row;

	strbuf_addf(&sql, "INSERT INTO %s(", d->table);
	for(size_t i = 0; i < d->nfields; i++)
		strbuf_addf(&sql, "%s%s", i ? ", " : "", d->fields[i].column);
	strbuf_addstr(&sql, ") VALUES(");
	for(size_t i = 0; i < d->nfields; i++)
		strbuf_addstr(&sql, i ? ", ?" : "?");
	strbuf_addch(&sql, ')');
	rc = store_prepare(s, sql.buf, &st, err);
	strbuf_release(&sql);
	if(rc)
		return rc;
	for(size_t i = 0; i < d->nfields; i++)
		bind_value(st, (int)i + 1, &d->fields[i], &vals[i]);
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	if(!rc && d->after_insert)
		rc = d->after_insert(s, store_last_insert_id(s), vals, err);
	if(rc)
		return rc;
	audit_text(d, vals, &json, &key);
	if(!key.len)
		strbuf_addf(&key, "%" PRId64, store_last_insert_id(s));
	rc = store_audit(s, d->table, key.buf, NULL, json.buf, err);
	strbuf_release(&json);
	strbuf_release(&key);
	return rc;
}

enum styr_rc store_section_resolve(struct store *s, const struct section_desc *d,
                                   const struct field_value *key, int64_t *id,
                                   struct styr_error *err)
{
	const struct field_desc *k = section_key_field(d);
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	enum styr_rc rc;
	bool row;

	if(!k)
		return styr_error_set(err, STYR_EINVAL, "section %s cannot be referred to", d->name);
	strbuf_addf(&sql, "SELECT id FROM %s WHERE %s = ?", d->table, k->column);
	rc = store_prepare(s, sql.buf, &st, err);
	strbuf_release(&sql);
	if(rc)
		return rc;
	bind_value(st, 1, k, key);
	rc = stmt_step(st, &row, err);
	if(!rc && !row)
		rc = STYR_ENOTFOUND;
	if(!rc)
		*id = stmt_int(st, 0);
	stmt_finalize(st);
	return rc;
}

enum styr_rc store_section_each(struct store *s, const struct section_desc *d,
                                section_row_fn fn, void *ctx,
                                struct styr_error *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	struct field_value *vals;
	enum styr_rc rc;
	bool row;

	strbuf_addstr(&sql, "SELECT ");
	for(size_t i = 0; i < d->nfields; i++) {
		const struct field_desc *f = &d->fields[i];
		if(i)
			strbuf_addstr(&sql, ", ");
		if(f->type == FIELD_REF) {
			const struct section_desc *t = store_section_find(f->ref_section);
			const struct field_desc *k = t ? section_key_field(t) : NULL;
			if(!k)
				return styr_error_set(err, STYR_EINVAL, "section %s: field %s refers "
				                      "to %s, which has no single key", d->name,
				                      f->key, f->ref_section);
			strbuf_addf(&sql, "(SELECT r.%s FROM %s r WHERE r.id = t.%s)",
			            k->column, t->table, f->column);
		} else {
			strbuf_addf(&sql, "t.%s", f->column);
		}
	}
	strbuf_addf(&sql, " FROM %s t ORDER BY %s", d->table, d->order_by ? d->order_by : "t.id");
	rc = store_prepare(s, sql.buf, &st, err);
	strbuf_release(&sql);
	if(rc)
		return rc;
	vals = xcalloc(d->nfields, sizeof(*vals));
	while(!(rc = stmt_step(st, &row, err)) && row) {
		for(size_t i = 0; i < d->nfields; i++) {
			const struct field_desc *f = &d->fields[i];
			vals[i].null = stmt_is_null(st, (int)i);
			vals[i].i = 0;
			vals[i].s = NULL;
			if(vals[i].null)
				continue;
			bool as_int = stored_as_int(f->type);
			if(f->type == FIELD_REF) {
				const struct section_desc *t = store_section_find(f->ref_section);
				as_int = stored_as_int(section_key_field(t)->type);
			}
			if(as_int)
				vals[i].i = stmt_int(st, (int)i);
			else
				vals[i].s = stmt_text(st, (int)i);
		}
		rc = fn(ctx, d, vals);
		if(rc)
			break;
	}
	free(vals);
	stmt_finalize(st);
	return rc;
}

enum styr_rc store_section_count(struct store *s, const struct section_desc *d,
                                 int64_t *count, struct styr_error *err)
{
	struct strbuf sql = STRBUF_INIT;
	enum styr_rc rc;

	strbuf_addf(&sql, "SELECT count(*) FROM %s", d->table);
	*count = 0;
	rc = store_query_int(s, sql.buf, count, err);
	strbuf_release(&sql);
	return rc;
}
