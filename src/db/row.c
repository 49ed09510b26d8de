/*
** row.c — writing the rows of a section: insert, update, remove with the
** references checked, and row versions (see section.h).
**
** Every refusal names the record in styr's words. Constraints of the SQL
** schema and its triggers stay the last line of defence; when one of them
** refuses, the message is built here from the section description (the
** field keys, the record's key, the trigger's own sentence), never from
** the database's text.
*/
#include "db/section.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "db/store.h"

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

static bool same_value(const struct field_desc *f, const struct field_value *a,
                       const struct field_value *b)
{
	if(a->null || b->null)
		return a->null == b->null;
	if(stored_as_int(f->type))
		return a->i == b->i;
	return !strcmp(a->s, b->s);
}

/* ---- a transaction (or savepoint) of each operation's own ---- */

/* Each operation is a transaction, nested in the caller's when there is
** one (store_begin): a refusal leaves the caller's transaction as it was
** before it. leave() ends it: committed when rc is OK. */
static enum styr_rc leave(struct store *s, enum styr_rc rc, struct styr_error *err)
{
	if(!rc)
		rc = store_commit(s, err);
	if(rc)
		store_rollback(s);
	return rc;
}

/* ---- names ---- */

/* The key text of a row given in stored form: REFs by the key they were
** written with, or looked up. */
static void stored_key_text(struct store *s, const struct section_desc *d,
                            const struct field_value vals[], struct strbuf *key)
{
	struct field_value *kv = xcalloc(d->nfields ? d->nfields : 1, sizeof(*kv));
	struct strbuf *texts = xcalloc(d->nfields ? d->nfields : 1, sizeof(*texts));
	for(size_t i = 0; i < d->nfields; i++) {
		const struct field_desc *f = &d->fields[i];
		kv[i] = vals[i];
		strbuf_init(&texts[i]);
		if(!(f->flags & FIELD_KEY) || f->type != FIELD_REF || vals[i].null || vals[i].s)
			continue;
		const struct section_desc *t = store_section_find(f->ref_section);
		struct styr_error e;
		bool found = false;
		if(t)
			store_row_image(s, t, vals[i].i, NULL, &texts[i], &found, &e);
		if(found)
			kv[i].s = texts[i].buf;
	}
	section_key_text(d, kv, key);
	for(size_t i = 0; i < d->nfields; i++)
		strbuf_release(&texts[i]);
	free(texts);
	free(kv);
}

/* The record named for people, from its stored values. */
static void stored_label(struct store *s, const struct section_desc *d,
                         const struct field_value vals[], struct strbuf *sb)
{
	struct strbuf key = STRBUF_INIT;
	stored_key_text(s, d, vals, &key);
	section_label(d, key.buf, sb);
	strbuf_release(&key);
}

/* The record named for people, from its id. */
static void id_label(struct store *s, const struct section_desc *d, int64_t id,
                     struct strbuf *sb)
{
	struct strbuf key = STRBUF_INIT;
	struct styr_error e;
	bool found = false;
	store_row_image(s, d, id, NULL, &key, &found, &e);
	if(found)
		section_label(d, key.buf, sb);
	else
		strbuf_addf(sb, "%s row %" PRId64, d->name, id);
	strbuf_release(&key);
}

/* Whether column appears in text as a whole word. */
static bool mentions(const char *text, const char *column)
{
	size_t n = strlen(column);
	for(const char *p = strstr(text, column); p; p = strstr(p + 1, column)) {
		bool before = p > text && (p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z')
		                           || (p[-1] >= '0' && p[-1] <= '9'));
		char c = p[n];
		bool after = c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if(!before && !after)
			return true;
	}
	return false;
}

/* A section rule (after_write, before_delete) refused the record `label`:
** its own message, after the record's name. */
static enum styr_rc rule_refused(const char *label, enum styr_rc rc,
                                 struct styr_error *err)
{
	if(rc != STYR_EBUSY && rc != STYR_EDB)
		styr_error_prefix(err, "%s", label);
	return rc;
}

/* A statement on the record `label` failed: a violated constraint in
** styr's words, worded from d (the fields it names, the record). */
static enum styr_rc refused(struct store *s, const struct section_desc *d,
                            const char *label, enum styr_rc rc, struct styr_error *err)
{
	const struct store_violation *v = store_violation(s);
	const struct field_desc *hit = NULL;
	struct strbuf keys = STRBUF_INIT;

	if(rc != STYR_ECONFLICT || v->kind == STORE_VIOLATION_NONE)
		return rule_refused(label, rc, err);
	/* The fields the constraint names, not-key fields first. */
	for(int pass = 0; pass < 2; pass++)
		for(size_t i = 0; i < d->nfields; i++) {
			const struct field_desc *f = &d->fields[i];
			if(((f->flags & FIELD_KEY) != 0) != (pass == 1) || !mentions(v->detail, f->column))
				continue;
			if(!hit)
				hit = f;
			strbuf_addf(&keys, "%s%s", keys.len ? ", " : "", f->key);
		}
	switch(v->kind) {
	case STORE_VIOLATION_UNIQUE:
		styr_error_set(err, STYR_ECONFLICT, "%s: another record has the same %s", label,
		               keys.len ? keys.buf : "key");
		break;
	case STORE_VIOLATION_CHECK:
		if(hit)
			styr_error_set(err, STYR_ECONFLICT, "%s: %s: not allowed: expected %s", label,
			               hit->key, hit->help);
		else
			styr_error_set(err, STYR_ECONFLICT, "%s: breaks a rule of %s", label, d->name);
		break;
	case STORE_VIOLATION_NOT_NULL:
		styr_error_set(err, STYR_ECONFLICT, "%s: %s: required: expected %s", label,
		               hit ? hit->key : v->detail, hit ? hit->help : "a value");
		break;
	case STORE_VIOLATION_FOREIGN_KEY:
		styr_error_set(err, STYR_ECONFLICT, "%s: refers to a record that does not exist,"
		               " or other records refer to it", label);
		break;
	default:
		styr_error_set(err, STYR_ECONFLICT, "%s: %s", label, v->detail);
		break;
	}
	strbuf_release(&keys);
	return STYR_ECONFLICT;
}

static enum styr_rc exists_already(struct store *s, const struct section_desc *d,
                                   const struct field_value vals[], struct styr_error *err)
{
	struct strbuf label = STRBUF_INIT;
	stored_label(s, d, vals, &label);
	styr_error_set(err, STYR_ECONFLICT, "%s already exists", label.buf);
	strbuf_release(&label);
	return STYR_ECONFLICT;
}

/* ---- insert and update ---- */

/* Insert; the key is looked up first (a taken key named as such) unless
** the caller knows it is free (absent). */
static enum styr_rc do_insert(struct store *s, const struct section_desc *d,
                              const struct field_value vals[], int64_t want_id,
                              bool absent, int64_t *id, struct styr_error *err)
{
	struct strbuf sql = STRBUF_INIT, label = STRBUF_INIT;
	struct store_stmt *st;
	int64_t other;
	enum styr_rc rc;
	bool row;
	int idx = 0;

	if(!absent) {
		rc = store_row_lookup(s, d, vals, &other, err);
		if(!rc)
			return exists_already(s, d, vals, err);
		if(rc != STYR_ENOTFOUND)
			return rc;
	}
	strbuf_addf(&sql, "INSERT INTO %s(%s", d->table, want_id ? "id" : "");
	for(size_t i = 0; i < d->nfields; i++)
		strbuf_addf(&sql, "%s%s", i || want_id ? ", " : "", d->fields[i].column);
	strbuf_addstr(&sql, ") VALUES(");
	for(size_t i = 0; i < d->nfields + (want_id != 0); i++)
		strbuf_addstr(&sql, i ? ", ?" : "?");
	strbuf_addch(&sql, ')');
	rc = store_prepare_cached(s, sql.buf, &st, err);
	strbuf_release(&sql);
	if(rc)
		return rc;
	if(want_id)
		stmt_bind_int(st, ++idx, want_id);
	for(size_t i = 0; i < d->nfields; i++)
		bind_value(st, ++idx, &d->fields[i], &vals[i]);
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	if(rc) {
		stored_label(s, d, vals, &label);
		rc = refused(s, d, label.buf, rc, err);
		strbuf_release(&label);
		return rc;
	}
	int64_t new_id = want_id ? want_id : store_last_insert_id(s);
	if(d->after_write)
		rc = d->after_write(s, new_id, vals, err);
	if(rc) {
		stored_label(s, d, vals, &label);
		rc = rule_refused(label.buf, rc, err);
		strbuf_release(&label);
		return rc;
	}
	if(id)
		*id = new_id;
	return STYR_OK;
}

enum styr_rc store_row_insert(struct store *s, const struct section_desc *d,
                              const struct field_value vals[], int64_t want_id,
                              int64_t *id, struct styr_error *err)
{
	enum styr_rc rc = store_begin(s, err);
	if(rc)
		return rc;
	rc = do_insert(s, d, vals, want_id, false, id, err);
	return leave(s, rc, err);
}

enum styr_rc store_row_insert_absent(struct store *s, const struct section_desc *d,
                                     const struct field_value vals[], int64_t *id,
                                     struct styr_error *err)
{
	enum styr_rc rc = store_begin(s, err);
	if(rc)
		return rc;
	rc = do_insert(s, d, vals, 0, true, id, err);
	return leave(s, rc, err);
}

enum styr_rc store_section_insert(struct store *s, const struct section_desc *d,
                                  const struct field_value vals[],
                                  struct styr_error *err)
{
	return store_row_insert(s, d, vals, 0, NULL, err);
}

static enum styr_rc do_update(struct store *s, const struct section_desc *d, int64_t id,
                              const struct field_value vals[], bool *changed,
                              struct styr_error *err)
{
	struct section_row cur;
	struct strbuf sql = STRBUF_INIT, label = STRBUF_INIT;
	struct store_stmt *st;
	bool key_changed = false, row;
	size_t n = 0;
	int idx = 0;
	enum styr_rc rc = store_row_get(s, d, id, &cur, err);

	*changed = false;
	if(rc == STYR_ENOTFOUND)
		return styr_error_set(err, STYR_ENOTFOUND, "%s: the record was removed meanwhile",
		                      d->name);
	if(rc)
		return rc;
	strbuf_addf(&sql, "UPDATE %s SET ", d->table);
	for(size_t i = 0; i < d->nfields; i++) {
		if(same_value(&d->fields[i], &cur.vals[i], &vals[i]))
			continue;
		strbuf_addf(&sql, "%s%s = ?", n++ ? ", " : "", d->fields[i].column);
		key_changed |= (d->fields[i].flags & FIELD_KEY) != 0;
	}
	strbuf_addstr(&sql, " WHERE id = ?");
	if(n && key_changed) {
		int64_t other;
		rc = store_row_lookup(s, d, vals, &other, err);
		if(!rc && other != id)
			rc = exists_already(s, d, vals, err);
		else if(rc == STYR_ENOTFOUND || !rc)
			rc = STYR_OK;
	}
	if(n && !rc)
		rc = store_prepare_cached(s, sql.buf, &st, err);
	if(n && !rc) {
		for(size_t i = 0; i < d->nfields; i++)
			if(!same_value(&d->fields[i], &cur.vals[i], &vals[i]))
				bind_value(st, ++idx, &d->fields[i], &vals[i]);
		stmt_bind_int(st, ++idx, id);
		rc = stmt_step(st, &row, err);
		stmt_finalize(st);
		/* A refusal names the record as it is known: by its key before. */
		if(rc) {
			stored_label(s, d, cur.vals, &label);
			rc = refused(s, d, label.buf, rc, err);
		} else if(d->after_write) {
			rc = d->after_write(s, id, vals, err);
			if(rc) {
				stored_label(s, d, cur.vals, &label);
				rc = rule_refused(label.buf, rc, err);
			}
		}
		*changed = !rc;
	}
	strbuf_release(&sql);
	strbuf_release(&label);
	section_row_release(&cur);
	return rc;
}

enum styr_rc store_row_update(struct store *s, const struct section_desc *d, int64_t id,
                              const struct field_value vals[], bool *changed,
                              struct styr_error *err)
{
	enum styr_rc rc = store_begin(s, err);
	if(rc)
		return rc;
	rc = do_update(s, d, id, vals, changed, err);
	return leave(s, rc, err);
}

/* ---- references and removal ---- */

enum styr_rc store_row_referrers(struct store *s, const struct section_desc *d, int64_t id,
                                 section_ref_fn fn, void *ctx, struct styr_error *err)
{
	size_t n;
	const struct section_desc *const *all = store_sections(&n);
	enum styr_rc rc = STYR_OK;

	for(size_t k = 0; !rc && k < n; k++) {
		const struct section_desc *r = all[k];
		for(size_t i = 0; !rc && i < r->nfields; i++) {
			const struct field_desc *f = &r->fields[i];
			struct strbuf sql = STRBUF_INIT;
			struct store_stmt *st;
			bool row;
			if(f->type != FIELD_REF || strcmp(f->ref_section, d->name))
				continue;
			strbuf_addf(&sql, "SELECT id FROM %s WHERE %s = ? ORDER BY id", r->table,
			            f->column);
			rc = store_prepare_cached(s, sql.buf, &st, err);
			strbuf_release(&sql);
			if(rc)
				break;
			stmt_bind_int(st, 1, id);
			while(!(rc = stmt_step(st, &row, err)) && row) {
				rc = fn(ctx, r, stmt_int(st, 0), f);
				if(rc)
					break;
			}
			stmt_finalize(st);
		}
	}
	return rc;
}

/* The referring rows, collected (each row once). */
struct ref_list {
	struct ref { const struct section_desc *d; int64_t id; const struct field_desc *via; } *v;
	size_t n, cap;
};

static enum styr_rc collect_ref(void *ctx, const struct section_desc *d, int64_t id,
                                const struct field_desc *via)
{
	struct ref_list *l = ctx;
	for(size_t i = 0; i < l->n; i++)
		if(l->v[i].d == d && l->v[i].id == id)
			return STYR_OK;
	ALLOC_GROW(l->v, l->n, l->cap);
	l->v[l->n++] = (struct ref){ d, id, via };
	return STYR_OK;
}

/* The position of d in the registry (dependency order). */
static size_t section_index(const struct section_desc *d)
{
	size_t n;
	const struct section_desc *const *all = store_sections(&n);
	for(size_t i = 0; i < n; i++)
		if(all[i] == d)
			return i;
	return n;
}

/* Later sections first, then by id: a section may depend on the ones
** above it in more ways than its references say (a § and its basis
** documents), so removing in reverse registry order is always safe, and
** undo, which goes backwards, puts them back in registry order. */
static int by_section_desc(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;
	size_t i = section_index(x->d), j = section_index(y->d);
	if(i != j)
		return i < j ? 1 : -1;
	return (x->id > y->id) - (x->id < y->id);
}

#define MAX_NAMED 10
#define MAX_DEPTH 32

static enum styr_rc do_delete(struct store *s, const struct section_desc *d, int64_t id,
                              unsigned flags, section_removed_fn removed, void *ctx,
                              int depth, struct styr_error *err)
{
	struct ref_list refs = { NULL, 0, 0 };
	struct strbuf label = STRBUF_INIT, key = STRBUF_INIT, sql = STRBUF_INIT;
	struct section_row cur;
	struct store_stmt *st;
	bool found = false, row;
	enum styr_rc rc;

	if(depth > MAX_DEPTH)
		return styr_error_set(err, STYR_EINVAL, "%s: references nest deeper than %d",
		                      d->name, MAX_DEPTH);
	rc = store_row_image(s, d, id, NULL, &key, &found, err);
	if(!rc && !found)
		rc = styr_error_set(err, STYR_ENOTFOUND, "%s: the record was removed meanwhile",
		                    d->name);
	if(rc)
		goto out;
	section_label(d, key.buf, &label);
	rc = store_row_referrers(s, d, id, collect_ref, &refs, err);
	if(!rc && refs.n && !(flags & STORE_ROW_CASCADE)) {
		struct strbuf names = STRBUF_INIT;
		for(size_t i = 0; i < refs.n && i < MAX_NAMED; i++) {
			if(i)
				strbuf_addstr(&names, ", ");
			id_label(s, refs.v[i].d, refs.v[i].id, &names);
			strbuf_addf(&names, " (%s)", refs.v[i].via->key);
		}
		if(refs.n > MAX_NAMED)
			strbuf_addf(&names, " and %zu more", refs.n - MAX_NAMED);
		rc = styr_error_set(err, STYR_ECONFLICT, "%s is referred to by %zu record%s: %s;"
		                    " remove or change them first, or remove them with it (cascade)",
		                    label.buf, refs.n, refs.n == 1 ? "" : "s", names.buf);
		strbuf_release(&names);
	}
	if(refs.n)
		qsort(refs.v, refs.n, sizeof(*refs.v), by_section_desc);
	for(size_t i = 0; !rc && i < refs.n; i++) {
		bool still = false;
		rc = store_row_image(s, refs.v[i].d, refs.v[i].id, NULL, NULL, &still, err);
		if(!rc && still)
			rc = do_delete(s, refs.v[i].d, refs.v[i].id, flags, removed, ctx, depth + 1, err);
	}
	if(!rc && d->before_delete) {
		rc = store_row_get(s, d, id, &cur, err);
		if(!rc) {
			rc = d->before_delete(s, id, cur.vals, err);
			section_row_release(&cur);
			if(rc)
				rc = rule_refused(label.buf, rc, err);
		}
	}
	if(rc)
		goto out;
	strbuf_addf(&sql, "DELETE FROM %s WHERE id = ?", d->table);
	rc = store_prepare_cached(s, sql.buf, &st, err);
	if(!rc) {
		stmt_bind_int(st, 1, id);
		rc = stmt_step(st, &row, err);
		stmt_finalize(st);
		if(rc)
			rc = refused(s, d, label.buf, rc, err);
	}
	if(!rc && removed)
		removed(ctx, d, key.buf);
out:
	free(refs.v);
	strbuf_release(&label);
	strbuf_release(&key);
	strbuf_release(&sql);
	return rc;
}

enum styr_rc store_row_delete(struct store *s, const struct section_desc *d, int64_t id,
                              unsigned flags, section_removed_fn removed, void *ctx,
                              struct styr_error *err)
{
	enum styr_rc rc = store_begin(s, err);
	if(rc)
		return rc;
	rc = do_delete(s, d, id, flags, removed, ctx, 0, err);
	return leave(s, rc, err);
}

/* ---- versions ---- */

void row_version_release(struct row_version *v)
{
	free(v->at);
	free(v->who);
	free(v->command);
	memset(v, 0, sizeof(*v));
}

enum styr_rc store_row_version(struct store *s, const struct section_desc *d, int64_t id,
                               struct row_version *v, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare_cached(s,
	    "SELECT v.version, v.change_set, c.at, c.who, c.command FROM row_version v"
	    " JOIN change_set c ON c.id = v.change_set WHERE v.tbl = ? AND v.row_id = ?",
	    &st, err);

	memset(v, 0, sizeof(*v));
	v->version = 1;
	if(rc)
		return rc;
	stmt_bind_text(st, 1, d->table);
	stmt_bind_int(st, 2, id);
	rc = stmt_step(st, &row, err);
	if(!rc && row) {
		v->version = stmt_int(st, 0);
		v->change_set = stmt_int(st, 1);
		v->at = xstrdup(stmt_text(st, 2));
		v->who = xstrdup(stmt_text(st, 3));
		v->command = stmt_is_null(st, 4) ? NULL : xstrdup(stmt_text(st, 4));
	}
	stmt_finalize(st);
	return rc;
}

enum styr_rc store_row_check_version(struct store *s, const struct section_desc *d,
                                     int64_t id, int64_t expected, struct styr_error *err)
{
	struct row_version v;
	struct strbuf label = STRBUF_INIT;
	enum styr_rc rc = store_row_version(s, d, id, &v, err);

	if(!rc && v.version != expected) {
		struct strbuf by = STRBUF_INIT;
		id_label(s, d, id, &label);
		if(v.change_set)
			strbuf_addf(&by, ", changed by %s at %s (change set %" PRId64 ")", v.who, v.at,
			            v.change_set);
		if(v.version > expected)
			rc = styr_error_set(err, STYR_ECONFLICT, "%s was changed since version %" PRId64
			                    ": it is version %" PRId64 "%s; nothing was stored",
			                    label.buf, expected, v.version, by.buf);
		else
			rc = styr_error_set(err, STYR_ECONFLICT, "%s is version %" PRId64 ", not %" PRId64
			                    "%s; nothing was stored", label.buf, v.version, expected, by.buf);
		strbuf_release(&by);
	}
	row_version_release(&v);
	strbuf_release(&label);
	return rc;
}
