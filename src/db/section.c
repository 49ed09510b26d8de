/*
** section.c — reading sections: the SQL that reads a section's rows in
** stored and data-file form, keys and the names of records (see
** section.h). Writing rows is row.c; values are value.c.
*/
#include "db/section.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
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

const struct field_desc *section_field(const struct section_desc *d, const char *key)
{
	for(size_t i = 0; i < d->nfields; i++)
		if(!strcmp(d->fields[i].key, key))
			return &d->fields[i];
	return NULL;
}

bool section_has_key(const struct section_desc *d)
{
	for(size_t i = 0; i < d->nfields; i++)
		if(d->fields[i].flags & FIELD_KEY)
			return true;
	return false;
}

void section_list_fields(const struct section_desc *d, struct strbuf *sb)
{
	for(size_t i = 0; i < d->nfields; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", d->fields[i].key);
}

void section_key_format(const struct section_desc *d, struct strbuf *sb)
{
	bool first = true;
	for(size_t i = 0; i < d->nfields; i++)
		if(d->fields[i].flags & FIELD_KEY) {
			strbuf_addf(sb, "%s%s", first ? "" : "/", d->fields[i].key);
			first = false;
		}
}

static bool stored_as_int(enum field_type t)
{
	return t == FIELD_INT || t == FIELD_MONEY || t == FIELD_BOOL || t == FIELD_REF;
}

/* Whether a REF field's value is an integer in data-file form (the
** referred section's key is). */
static bool ref_key_is_int(const struct field_desc *f)
{
	const struct section_desc *t = store_section_find(f->ref_section);
	const struct field_desc *k = t ? section_key_field(t) : NULL;
	return k && stored_as_int(k->type);
}

/* ---- data-file form ---- */

void section_row_json(struct jsonw *w, const struct section_desc *d,
                      const struct field_value vals[])
{
	jsonw_object_begin(w);
	for(size_t i = 0; i < d->nfields; i++) {
		const struct field_desc *f = &d->fields[i];
		const struct field_value *v = &vals[i];
		if(v->null)
			continue;
		jsonw_key(w, f->key);
		switch(f->type) {
		case FIELD_TEXT:
		case FIELD_DATE:
		case FIELD_ENUM:
			jsonw_string(w, v->s);
			break;
		case FIELD_NUMBER:
			jsonw_number_text(w, v->s);
			break;
		case FIELD_INT:
			jsonw_int(w, v->i);
			break;
		case FIELD_BOOL:
			jsonw_bool(w, v->i != 0);
			break;
		case FIELD_MONEY: {
			struct strbuf sb = STRBUF_INIT;
			money_format_kronor(&sb, v->i);
			jsonw_number_text(w, sb.buf);
			strbuf_release(&sb);
			break;
		}
		case FIELD_REF:
			if(v->s)
				jsonw_string(w, v->s);
			else
				jsonw_int(w, v->i);
			break;
		}
	}
	jsonw_object_end(w);
}

/* Append one part of a key, escaping "\" and (unless it is the last part)
** "/". */
static void add_part(struct strbuf *key, const char *text, bool last)
{
	for(const char *p = text; *p; p++) {
		if(*p == '\\' || (*p == '/' && !last))
			strbuf_addch(key, '\\');
		strbuf_addch(key, *p);
	}
}

void section_value_text(const struct field_desc *f, const struct field_value *v,
                        struct strbuf *sb)
{
	if(v->null)
		return;
	switch(f->type) {
	case FIELD_MONEY:
		money_format_kronor(sb, v->i);
		break;
	case FIELD_BOOL:
		strbuf_addstr(sb, v->i ? "true" : "false");
		break;
	case FIELD_INT:
		strbuf_addf(sb, "%" PRId64, v->i);
		break;
	case FIELD_REF:
		if(v->s)
			strbuf_addstr(sb, v->s);
		else
			strbuf_addf(sb, "%" PRId64, v->i);
		break;
	default:
		strbuf_addstr(sb, v->s);
		break;
	}
}

void section_key_text(const struct section_desc *d, const struct field_value vals[],
                      struct strbuf *key)
{
	size_t last = 0, n = 0;
	struct strbuf part = STRBUF_INIT;
	for(size_t i = 0; i < d->nfields; i++)
		if(d->fields[i].flags & FIELD_KEY)
			last = i;
	for(size_t i = 0; i < d->nfields; i++) {
		if(!(d->fields[i].flags & FIELD_KEY))
			continue;
		if(n++)
			strbuf_addch(key, '/');
		strbuf_reset(&part);
		section_value_text(&d->fields[i], &vals[i], &part);
		add_part(key, part.buf, i == last);
	}
	strbuf_release(&part);
}

/* Split key text into the parts of d's key fields (unescaped; the caller
** frees each and the array). False when the number of parts is wrong. */
static bool split_key(const struct section_desc *d, const char *text, char ***out,
                      size_t *count)
{
	size_t nkey = 0, n = 0;
	for(size_t i = 0; i < d->nfields; i++)
		nkey += (d->fields[i].flags & FIELD_KEY) != 0;
	char **parts = xcalloc(nkey ? nkey : 1, sizeof(*parts));
	struct strbuf sb = STRBUF_INIT;
	const char *p = text;
	for(;;) {
		bool last = n + 1 == nkey;
		if(*p == '\\' && p[1]) {
			strbuf_addch(&sb, p[1]);
			p += 2;
			continue;
		}
		if(*p == '/' && !last) {
			parts[n++] = strbuf_detach(&sb);
			p++;
			continue;
		}
		if(!*p) {
			if(n < nkey)
				parts[n++] = strbuf_detach(&sb);
			break;
		}
		strbuf_addch(&sb, *p++);
	}
	strbuf_release(&sb);
	*out = parts;
	*count = nkey;
	if(n == nkey && nkey)
		return true;
	for(size_t i = 0; i < nkey; i++)
		free(parts[i]);
	free(parts);
	*out = NULL;
	return false;
}

void section_label(const struct section_desc *d, const char *key, struct strbuf *sb)
{
	char **parts;
	size_t n;
	if(!d->label || !split_key(d, key, &parts, &n)) {
		strbuf_addf(sb, "%s %s", d->name, key);
		return;
	}
	for(const char *p = d->label; *p; p++) {
		const char *end = *p == '{' ? strchr(p, '}') : NULL;
		if(!end) {
			strbuf_addch(sb, *p);
			continue;
		}
		size_t k = 0;
		bool done = false;
		for(size_t i = 0; i < d->nfields && !done; i++) {
			if(!(d->fields[i].flags & FIELD_KEY))
				continue;
			if(strlen(d->fields[i].key) == (size_t)(end - p - 1)
			   && !strncmp(d->fields[i].key, p + 1, (size_t)(end - p - 1))) {
				strbuf_addstr(sb, parts[k]);
				done = true;
			}
			k++;
		}
		if(!done)
			strbuf_add(sb, p, (size_t)(end - p + 1));
		p = end;
	}
	for(size_t i = 0; i < n; i++)
		free(parts[i]);
	free(parts);
}

/* ---- reading rows ---- */

/* "SELECT t.id, <fields in data-file form> FROM <table> t". */
static enum styr_rc select_sql(const struct section_desc *d, struct strbuf *sql,
                               struct styr_error *err)
{
	strbuf_addstr(sql, "SELECT t.id");
	for(size_t i = 0; i < d->nfields; i++) {
		const struct field_desc *f = &d->fields[i];
		if(f->type == FIELD_REF) {
			const struct section_desc *t = store_section_find(f->ref_section);
			const struct field_desc *k = t ? section_key_field(t) : NULL;
			if(!k)
				return styr_error_set(err, STYR_EINVAL, "section %s: field %s refers "
				                      "to %s, which has no single key", d->name,
				                      f->key, f->ref_section);
			/* pieces, not a format: this text is made for every row
			** the web serves, and vfprintf was most of its cost */
			strbuf_addstr(sql, ", (SELECT r.");
			strbuf_addstr(sql, k->column);
			strbuf_addstr(sql, " FROM ");
			strbuf_addstr(sql, t->table);
			strbuf_addstr(sql, " r WHERE r.id = t.");
			strbuf_addstr(sql, f->column);
			strbuf_addch(sql, ')');
		} else {
			strbuf_addstr(sql, ", t.");
			strbuf_addstr(sql, f->column);
		}
	}
	strbuf_addstr(sql, " FROM ");
	strbuf_addstr(sql, d->table);
	strbuf_addstr(sql, " t");
	return STYR_OK;
}

/* Step st (columns as select_sql) and call fn for each row. */
static enum styr_rc each_selected(struct store_stmt *st, const struct section_desc *d,
                                  section_keyed_fn fn, void *ctx, struct styr_error *err)
{
	struct field_value *vals = xcalloc(d->nfields ? d->nfields : 1, sizeof(*vals));
	struct strbuf key = STRBUF_INIT;
	enum styr_rc rc;
	bool row;

	while(!(rc = stmt_step(st, &row, err)) && row) {
		for(size_t i = 0; i < d->nfields; i++) {
			const struct field_desc *f = &d->fields[i];
			int col = (int)i + 1;
			vals[i].null = stmt_is_null(st, col);
			vals[i].i = 0;
			vals[i].s = NULL;
			if(vals[i].null)
				continue;
			bool as_int = f->type == FIELD_REF ? ref_key_is_int(f) : stored_as_int(f->type);
			if(as_int)
				vals[i].i = stmt_int(st, col);
			else
				vals[i].s = stmt_text(st, col);
		}
		strbuf_reset(&key);
		section_key_text(d, vals, &key);
		rc = fn(ctx, d, stmt_int(st, 0), key.buf, vals);
		if(rc)
			break;
	}
	strbuf_release(&key);
	free(vals);
	return rc;
}

enum styr_rc store_section_each_keyed(struct store *s, const struct section_desc *d,
                                      section_keyed_fn fn, void *ctx,
                                      struct styr_error *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	enum styr_rc rc = select_sql(d, &sql, err);

	if(!rc) {
		strbuf_addf(&sql, " ORDER BY %s", d->order_by ? d->order_by : "t.id");
		rc = store_prepare_cached(s, sql.buf, &st, err);
	}
	strbuf_release(&sql);
	if(rc)
		return rc;
	rc = each_selected(st, d, fn, ctx, err);
	stmt_finalize(st);
	return rc;
}

struct plain_each {
	section_row_fn fn;
	void *ctx;
};

static enum styr_rc plain_row(void *ctx, const struct section_desc *d, int64_t id,
                              const char *key, const struct field_value vals[])
{
	struct plain_each *p = ctx;
	(void)id;
	(void)key;
	return p->fn(p->ctx, d, vals);
}

enum styr_rc store_section_each(struct store *s, const struct section_desc *d,
                                section_row_fn fn, void *ctx,
                                struct styr_error *err)
{
	struct plain_each p = { fn, ctx };
	return store_section_each_keyed(s, d, plain_row, &p, err);
}

struct found_row {
	section_keyed_fn fn;
	void *ctx;
	bool found;
};

static enum styr_rc found_row(void *ctx, const struct section_desc *d, int64_t id,
                              const char *key, const struct field_value vals[])
{
	struct found_row *f = ctx;
	f->found = true;
	return f->fn(f->ctx, d, id, key, vals);
}

/* fn for row id of d only; *found whether there was one. */
enum styr_rc store_row_keyed(struct store *s, const struct section_desc *d, int64_t id,
                             section_keyed_fn fn, void *ctx, bool *found,
                             struct styr_error *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	struct found_row fr = { fn, ctx, false };
	enum styr_rc rc = select_sql(d, &sql, err);

	if(!rc) {
		strbuf_addstr(&sql, " WHERE t.id = ?");
		rc = store_prepare_cached(s, sql.buf, &st, err);
	}
	strbuf_release(&sql);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, id);
	rc = each_selected(st, d, found_row, &fr, err);
	stmt_finalize(st);
	*found = fr.found;
	return rc;
}

struct image_out {
	struct strbuf *json, *key;
};

static enum styr_rc image_row(void *ctx, const struct section_desc *d, int64_t id,
                              const char *key, const struct field_value vals[])
{
	struct image_out *o = ctx;
	(void)id;
	if(o->json) {
		struct jsonw w;
		jsonw_init(&w, jsonw_strbuf_sink, o->json, false);
		section_row_json(&w, d, vals);
	}
	if(o->key)
		strbuf_addstr(o->key, key);
	return STYR_OK;
}

enum styr_rc store_row_image(struct store *s, const struct section_desc *d, int64_t id,
                             struct strbuf *json, struct strbuf *key, bool *found,
                             struct styr_error *err)
{
	struct image_out o = { json, key };
	return store_row_keyed(s, d, id, image_row, &o, found, err);
}

struct images_out {
	enum styr_rc (*fn)(void *ctx, int64_t id, const char *json, const char *key);
	void *ctx;
	struct strbuf json;
};

static enum styr_rc images_row(void *ctx, const struct section_desc *d, int64_t id,
                               const char *key, const struct field_value vals[])
{
	struct images_out *o = ctx;
	struct jsonw w;
	strbuf_reset(&o->json);
	jsonw_init(&w, jsonw_strbuf_sink, &o->json, false);
	section_row_json(&w, d, vals);
	return o->fn(o->ctx, id, o->json.buf, key);
}

enum styr_rc store_row_images(struct store *s, const struct section_desc *d,
                              const int64_t *ids, size_t n,
                              enum styr_rc (*fn)(void *ctx, int64_t id, const char *json,
                                                 const char *key),
                              void *ctx, struct styr_error *err)
{
	struct images_out o = { fn, ctx, STRBUF_INIT };
	enum styr_rc rc = STYR_OK;

	for(size_t at = 0; !rc && at < n; at += STORE_ROW_IMAGES) {
		size_t k = n - at < STORE_ROW_IMAGES ? n - at : STORE_ROW_IMAGES;
		struct strbuf sql = STRBUF_INIT;
		struct store_stmt *st;
		rc = select_sql(d, &sql, err);
		if(rc) {
			strbuf_release(&sql);
			break;
		}
		strbuf_addstr(&sql, " WHERE t.id IN (");
		for(size_t i = 0; i < k; i++)
			strbuf_addstr(&sql, i ? ", ?" : "?");
		strbuf_addch(&sql, ')');
		/* A whole batch's text recurs, and one row's; others are rarer. */
		rc = k == STORE_ROW_IMAGES || k == 1 ? store_prepare_cached(s, sql.buf, &st, err)
		                                     : store_prepare(s, sql.buf, &st, err);
		strbuf_release(&sql);
		if(rc)
			break;
		for(size_t i = 0; i < k; i++)
			stmt_bind_int(st, (int)i + 1, ids[at + i]);
		rc = each_selected(st, d, images_row, &o, err);
		stmt_finalize(st);
	}
	strbuf_release(&o.json);
	return rc;
}

static enum styr_rc write_row(void *ctx, const struct section_desc *d, int64_t id,
                              const char *key, const struct field_value vals[])
{
	(void)id;
	(void)key;
	section_row_json(ctx, d, vals);
	return STYR_OK;
}

enum styr_rc store_row_write(struct store *s, const struct section_desc *d, int64_t id,
                             struct jsonw *w, struct styr_error *err)
{
	bool found;
	enum styr_rc rc = store_row_keyed(s, d, id, write_row, w, &found, err);
	if(!rc && !found)
		rc = styr_error_set(err, STYR_ENOTFOUND, "%s: no row %" PRId64, d->name, id);
	return rc;
}

void section_row_release(struct section_row *row)
{
	if(!row->vals)
		return;
	for(size_t i = 0; i < row->d->nfields; i++)
		free(row->owned[i]);
	free(row->owned);
	free(row->vals);
	row->vals = NULL;
	row->owned = NULL;
}

enum styr_rc store_row_get(struct store *s, const struct section_desc *d, int64_t id,
                           struct section_row *row, struct styr_error *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	enum styr_rc rc;
	bool found;

	memset(row, 0, sizeof(*row));
	strbuf_addstr(&sql, "SELECT id");
	for(size_t i = 0; i < d->nfields; i++)
		strbuf_addf(&sql, ", %s", d->fields[i].column);
	strbuf_addf(&sql, " FROM %s WHERE id = ?", d->table);
	rc = store_prepare_cached(s, sql.buf, &st, err);
	strbuf_release(&sql);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, id);
	rc = stmt_step(st, &found, err);
	if(!rc && !found)
		rc = STYR_ENOTFOUND;
	if(!rc) {
		row->d = d;
		row->id = id;
		row->vals = xcalloc(d->nfields ? d->nfields : 1, sizeof(*row->vals));
		row->owned = xcalloc(d->nfields ? d->nfields : 1, sizeof(*row->owned));
		for(size_t i = 0; i < d->nfields; i++) {
			int col = (int)i + 1;
			row->vals[i].null = stmt_is_null(st, col);
			if(row->vals[i].null)
				continue;
			if(stored_as_int(d->fields[i].type))
				row->vals[i].i = stmt_int(st, col);
			else
				row->vals[i].s = row->owned[i] = xstrdup(stmt_text(st, col));
		}
	}
	stmt_finalize(st);
	return rc;
}

/* ---- finding rows ---- */

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

enum styr_rc store_row_lookup(struct store *s, const struct section_desc *d,
                              const struct field_value vals[], int64_t *id,
                              struct styr_error *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	enum styr_rc rc;
	bool row, any = false;
	int n = 0;

	/* "= ?" or "IS NULL" for each part, not "IS ?": PostgreSQL finds
	** "a IS NOT DISTINCT FROM $1" by reading the whole table, and a
	** serializable transaction that read a whole table conflicts with
	** every other that writes a row of it. */
	strbuf_addf(&sql, "SELECT id FROM %s WHERE ", d->table);
	for(size_t i = 0; i < d->nfields; i++)
		if(d->fields[i].flags & FIELD_KEY) {
			strbuf_addf(&sql, "%s%s %s", any ? " AND " : "", d->fields[i].column,
			            vals[i].null ? "IS NULL" : "= ?");
			any = true;
		}
	if(!any) {
		strbuf_release(&sql);
		return STYR_ENOTFOUND;
	}
	strbuf_addstr(&sql, " ORDER BY id LIMIT 1");
	rc = store_prepare_cached(s, sql.buf, &st, err);
	strbuf_release(&sql);
	if(rc)
		return rc;
	for(size_t i = 0; i < d->nfields; i++)
		if((d->fields[i].flags & FIELD_KEY) && !vals[i].null)
			bind_value(st, ++n, &d->fields[i], &vals[i]);
	rc = stmt_step(st, &row, err);
	if(!rc && !row)
		rc = STYR_ENOTFOUND;
	if(!rc)
		*id = stmt_int(st, 0);
	stmt_finalize(st);
	return rc;
}

static enum styr_rc no_record(const struct section_desc *d, const char *key,
                              struct styr_error *err)
{
	struct strbuf fmt = STRBUF_INIT;
	section_key_format(d, &fmt);
	styr_error_set(err, STYR_ENOTFOUND, "%s: no record with key \"%s\" (the key is %s)",
	               d->name, key, fmt.buf);
	strbuf_release(&fmt);
	return STYR_ENOTFOUND;
}

enum styr_rc store_row_find(struct store *s, const struct section_desc *d,
                            const char *key, int64_t *id, struct styr_error *err)
{
	char **parts;
	size_t n, k = 0;
	struct json **trees;
	struct field_value *vals;
	struct strbuf where = STRBUF_INIT;
	enum styr_rc rc = STYR_OK;

	if(!section_has_key(d))
		return styr_error_set(err, STYR_EINVAL, "%s: its records have no key, so one cannot"
		                      " be named", d->name);
	if(!split_key(d, key, &parts, &n)) {
		struct strbuf fmt = STRBUF_INIT;
		section_key_format(d, &fmt);
		styr_error_set(err, STYR_EINVAL, "%s: \"%s\" is not a key: expected %s", d->name,
		               key, fmt.buf);
		strbuf_release(&fmt);
		return STYR_EINVAL;
	}
	strbuf_addf(&where, "%s %s", d->name, key);
	trees = xcalloc(n, sizeof(*trees));
	vals = xcalloc(d->nfields, sizeof(*vals));
	for(size_t i = 0; !rc && i < d->nfields; i++) {
		const struct field_desc *f = &d->fields[i];
		if(!(f->flags & FIELD_KEY))
			continue;
		trees[k] = section_value_from_text(f, parts[k], where.buf, err);
		if(!trees[k]) {
			rc = STYR_EINVAL;
		} else if(f->type == FIELD_REF && trees[k]->type != JSON_NULL) {
			/* Resolve here: a part naming no record means no such record. */
			const struct section_desc *t = store_section_find(f->ref_section);
			const struct field_desc *tk = section_key_field(t);
			struct field_value kv;
			rc = section_value_convert(s, where.buf, false, tk, trees[k], &kv, err);
			if(!rc)
				rc = store_section_resolve(s, t, &kv, &vals[i].i, err);
			if(rc == STYR_ENOTFOUND)
				rc = no_record(d, key, err);
		} else {
			rc = section_value_convert(s, where.buf, false, f, trees[k], &vals[i], err);
		}
		k++;
	}
	if(!rc) {
		rc = store_row_lookup(s, d, vals, id, err);
		if(rc == STYR_ENOTFOUND)
			no_record(d, key, err);
	}
	for(size_t i = 0; i < n; i++) {
		json_free(trees[i]);
		free(parts[i]);
	}
	free(parts);
	free(trees);
	free(vals);
	strbuf_release(&where);
	return rc;
}

enum styr_rc store_section_resolve(struct store *s, const struct section_desc *d,
                                   const struct field_value *key, int64_t *id,
                                   struct styr_error *err)
{
	const struct field_desc *k = section_key_field(d);
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	char text[256] = "";
	enum styr_rc rc;
	bool row;

	if(!k)
		return styr_error_set(err, STYR_EINVAL, "section %s cannot be referred to", d->name);
	/* Known already in this transaction (a load names a record often)? */
	if(!key->null && stored_as_int(k->type))
		snprintf(text, sizeof(text), "%" PRId64, key->i);
	else if(!key->null)
		str_copy(text, sizeof(text), key->s);
	if(!key->null && strlen(text) < sizeof(text) - 1 && store_resolved_get(s, d, text, id))
		return STYR_OK;
	strbuf_addf(&sql, "SELECT id FROM %s WHERE %s = ?", d->table, k->column);
	rc = store_prepare_cached(s, sql.buf, &st, err);
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
	if(!rc && !key->null && strlen(text) < sizeof(text) - 1)
		store_resolved_put(s, d, text, *id);
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
