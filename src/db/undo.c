/*
** undo.c — revert a change set (see store_undo in section.h).
**
** The audit entries of a change set hold each row before and after in
** data-file form. Undo puts the "before" back through the same row
** operations that load and set use, in the reverse order of the entries
** (so a removed parent comes back before its children, and added children
** go before their parent), with each removed row given its old id back:
** the dump after an undo is byte-identical to the dump before the change
** set. It first checks that every row is still exactly as the change set
** left it; a row a later change touched is named with that change, and
** nothing is done.
*/
#include "db/section.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/strbuf.h"
#include "db/store.h"

struct entry {
	const struct section_desc *d;
	int64_t row_id;
	char *table, *key, *old_json, *new_json;
	bool last;    /* the last entry of its row in the change set */
};

struct entries {
	struct entry *v;
	size_t n, cap;
	const char *foreign_table, *foreign_key; /* an entry undo cannot revert */
	char *buf[2];
};

static enum styr_rc collect(void *ctx, const struct audit_entry *e)
{
	struct entries *l = ctx;
	const struct section_desc *d = e->section ? store_section_find(e->section) : NULL;
	if(!d) {
		/* Entries a module wrote beside the captured rows of its own
		** tables say nothing undo needs; any other is a change (a ledger
		** import) that only its own command can revert. */
		if(!store_section_by_table(e->table) && !l->foreign_table) {
			l->buf[0] = xstrdup(e->table);
			l->buf[1] = xstrdup(e->key);
			l->foreign_table = l->buf[0];
			l->foreign_key = l->buf[1];
		}
		return STYR_OK;
	}
	ALLOC_GROW(l->v, l->n, l->cap);
	l->v[l->n++] = (struct entry){
		d, e->row_id, xstrdup(e->table), xstrdup(e->key),
		e->old_value ? xstrdup(e->old_value) : NULL,
		e->new_value ? xstrdup(e->new_value) : NULL, true
	};
	return STYR_OK;
}

static void entries_release(struct entries *l)
{
	for(size_t i = 0; i < l->n; i++) {
		free(l->v[i].table);
		free(l->v[i].key);
		free(l->v[i].old_json);
		free(l->v[i].new_json);
	}
	free(l->v);
	free(l->buf[0]);
	free(l->buf[1]);
}

/* Name, in names, the row of e that is no longer as the change set left
** it, with the change that last wrote it. */
static enum styr_rc name_conflict(struct store *s, const struct entry *e, const char *why,
                                  struct strbuf *names, struct styr_error *err)
{
	struct row_version v;
	enum styr_rc rc = store_row_version(s, e->d, e->row_id, &v, err);
	if(rc)
		return rc;
	if(names->len)
		strbuf_addstr(names, "; ");
	section_label(e->d, e->key, names);
	strbuf_addf(names, " %s", why);
	if(v.change_set)
		strbuf_addf(names, " (change set %" PRId64 ", %s at %s)", v.change_set, v.who, v.at);
	row_version_release(&v);
	return STYR_OK;
}

/* Whether each row is still as the change set left it; the others named. */
static enum styr_rc check_rows(struct store *s, struct entries *l, struct strbuf *names,
                               struct styr_error *err)
{
	struct strbuf now = STRBUF_INIT;
	enum styr_rc rc = STYR_OK;

	for(size_t i = 0; !rc && i < l->n; i++) {
		struct entry *e = &l->v[i];
		bool found = false;
		if(!e->last)
			continue;
		strbuf_reset(&now);
		rc = store_row_image(s, e->d, e->row_id, &now, NULL, &found, err);
		if(rc)
			break;
		if(e->new_json && !found)
			rc = name_conflict(s, e, "was removed later", names, err);
		else if(e->new_json && strcmp(now.buf, e->new_json))
			rc = name_conflict(s, e, "was changed later", names, err);
		else if(!e->new_json && found)
			rc = name_conflict(s, e, "was added again later", names, err);
		else if(!e->new_json && section_has_key(e->d)) {
			int64_t other;
			enum styr_rc frc = store_row_find(s, e->d, e->key, &other, err);
			if(!frc) {
				struct entry again = *e;
				again.row_id = other;
				rc = name_conflict(s, &again, "was added again later", names, err);
			} else if(frc != STYR_ENOTFOUND) {
				rc = frc;
			}
		}
	}
	strbuf_release(&now);
	return rc;
}

/* Put the row of e back as it was before the change set. */
static enum styr_rc revert(struct store *s, int64_t cs, const struct entry *e,
                           struct styr_error *err)
{
	struct strbuf where = STRBUF_INIT;
	struct field_value *vals = NULL;
	struct json *old = NULL;
	enum styr_rc rc = STYR_OK;
	bool changed;

	strbuf_addf(&where, "change set %" PRId64 ": %s %s", cs, e->d->name, e->key);
	if(!e->old_json) {
		rc = store_row_delete(s, e->d, e->row_id, 0, NULL, NULL, err);
		goto out;
	}
	old = json_parse(e->old_json, strlen(e->old_json), where.buf, err);
	if(!old) {
		rc = STYR_EDB;
		goto out;
	}
	vals = xcalloc(e->d->nfields ? e->d->nfields : 1, sizeof(*vals));
	rc = section_row_convert(s, e->d, where.buf, false, old, vals, NULL, err);
	if(!rc && !e->new_json)
		rc = store_row_insert(s, e->d, vals, e->row_id, NULL, err);
	else if(!rc)
		rc = store_row_update(s, e->d, e->row_id, vals, &changed, err);
out:
	json_free(old);
	free(vals);
	strbuf_release(&where);
	return rc;
}

static enum styr_rc no_changes(void *ctx, const struct change_set *c)
{
	(void)ctx;
	(void)c;
	return STYR_OK;
}

enum styr_rc store_undo(struct store *s, int64_t id, row_change_fn fn, void *ctx,
                        struct styr_error *err)
{
	struct entries l = { 0 };
	struct strbuf names = STRBUF_INIT;
	enum styr_rc rc;

	/* An undo is a change set of its own, never a step of another. */
	if(store_in_transaction(s))
		return styr_error_set(err, STYR_EINVAL, "undo runs in a transaction of its own");
	rc = store_begin(s, err);
	if(rc)
		return rc;
	rc = store_change_set_get(s, id, no_changes, collect, &l, err);
	if(!rc && l.foreign_table)
		rc = styr_error_set(err, STYR_EINVAL, "change set %" PRId64 " cannot be undone: it"
		                    " changed %s %s, which only its own command can revert",
		                    id, l.foreign_table, l.foreign_key);
	if(!rc && !l.n)
		rc = styr_error_set(err, STYR_EINVAL, "change set %" PRId64 " changed no records"
		                    " that undo can revert", id);
	/* Only the last entry of a row says how the change set left it. */
	for(size_t i = 0; !rc && i < l.n; i++)
		for(size_t j = i + 1; j < l.n; j++)
			if(l.v[j].d == l.v[i].d && l.v[j].row_id == l.v[i].row_id) {
				l.v[i].last = false;
				break;
			}
	if(!rc)
		rc = check_rows(s, &l, &names, err);
	if(!rc && names.len)
		rc = styr_error_set(err, STYR_ECONFLICT, "change set %" PRId64 " cannot be undone:"
		                    " later changes touched its records: %s; undo those first;"
		                    " nothing was changed", id, names.buf);
	s->undoes = id;
	for(size_t i = l.n; !rc && i-- > 0;)
		rc = revert(s, id, &l.v[i], err);
	if(!rc && fn)
		rc = store_pending_changes(s, fn, ctx, err);
	if(!rc)
		rc = store_commit(s, err);
	if(rc)
		store_rollback(s);
	entries_release(&l);
	strbuf_release(&names);
	return rc;
}
