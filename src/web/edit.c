/*
** edit.c — changing records from a form or the API (see edit.h).
*/
#include "web/edit.h"

#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "db/section.h"
#include "db/store.h"

const char *edit_field_of(const struct section_desc *d, const char *msg)
{
	for(size_t i = 0; i < d->nfields; i++) {
		struct strbuf pat = STRBUF_INIT;
		bool hit;
		strbuf_addf(&pat, ": %s: ", d->fields[i].key);
		hit = strstr(msg, pat.buf) || !strncmp(msg, pat.buf + 2, pat.len - 2);
		strbuf_release(&pat);
		if(hit)
			return d->fields[i].key;
	}
	return NULL;
}

/* Convert the text values onto vals (all fields of d). */
static enum styr_rc from_text(struct store *s, const struct section_desc *d, const char *where,
                              const struct edit_text *t, struct field_value vals[],
                              struct json *trees[], bool is_new, const char **field,
                              struct styr_error *err)
{
	for(int i = 0; i < t->n; i++) {
		const struct field_desc *f = section_field(d, t->name[i]);
		size_t k;
		if(!f) {
			struct strbuf sb = STRBUF_INIT;
			section_list_fields(d, &sb);
			styr_error_set(err, STYR_EINVAL, "%s: unknown field '%s', expected one of %s",
			               d->name, t->name[i], sb.buf);
			strbuf_release(&sb);
			return STYR_EINVAL;
		}
		k = (size_t)(f - d->fields);
		*field = f->key;
		if(!(trees[k] = section_value_from_text(f, t->value[i], where, err)))
			return STYR_EINVAL;
		if(section_value_convert(s, where, false, f, trees[k], &vals[k], err))
			return err->code;
	}
	if(is_new)
		for(size_t k = 0; k < d->nfields; k++)
			if((d->fields[k].flags & FIELD_REQUIRED) && vals[k].null) {
				*field = d->fields[k].key;
				return styr_error_set(err, STYR_EINVAL, "%s: %s: a value is required: %s",
				                      where, d->fields[k].key, d->fields[k].help);
			}
	*field = NULL;
	return STYR_OK;
}

enum styr_rc edit_row(struct store *s, const struct section_desc *d, const char *key,
                      int64_t version, const struct edit_text *text, const struct json *obj,
                      int64_t *id, const char **field, char unknown[64],
                      struct styr_error *err)
{
	struct json **trees = xcalloc(d->nfields, sizeof(*trees));
	struct field_value *newvals = NULL;
	bool *set = xcalloc(d->nfields, sizeof(*set)), changed;
	struct section_row row = { 0 };
	struct strbuf where = STRBUF_INIT;
	enum styr_rc rc;

	*field = NULL;
	*id = 0;
	if(key)
		strbuf_addf(&where, "%s %s", d->name, key);
	else
		strbuf_addf(&where, "new %s", d->name);
	rc = store_begin(s, err);
	if(rc)
		goto out;
	if(key) {
		rc = store_row_find(s, d, key, id, err);
		if(!rc && version)
			rc = store_row_check_version(s, d, *id, version, err);
		if(!rc)
			rc = store_row_get(s, d, *id, &row, err);
		if(!rc && text)
			rc = from_text(s, d, where.buf, text, row.vals, trees, false, field, err);
		else if(!rc)
			rc = section_row_convert(s, d, where.buf, false, obj, row.vals, set, err);
		if(!rc)
			rc = store_row_update(s, d, *id, row.vals, &changed, err);
	} else {
		newvals = xcalloc(d->nfields, sizeof(*newvals));
		for(size_t k = 0; k < d->nfields; k++)
			newvals[k].null = true;
		if(text)
			rc = from_text(s, d, where.buf, text, newvals, trees, true, field, err);
		else
			rc = section_row_convert(s, d, where.buf, false, obj, newvals, NULL, err);
		if(!rc)
			rc = store_row_insert(s, d, newvals, 0, id, err);
	}
	if(!rc)
		rc = store_commit(s, err);
	if(rc) {
		store_rollback(s);
		if(!*field)
			*field = edit_field_of(d, err->msg);
		/* An unknown field: "<where>: NAME: unknown field ...". */
		if(!*field && !strncmp(err->msg, where.buf, where.len)
		   && !strncmp(err->msg + where.len, ": ", 2)) {
			const char *name = err->msg + where.len + 2;
			size_t n = strcspn(name, ": ");
			if(name[n] == ':' && n < 64) {
				memcpy(unknown, name, n);
				unknown[n] = 0;
				*field = unknown;
			}
		}
	}
out:
	for(size_t k = 0; k < d->nfields; k++)
		json_free(trees[k]);
	free(trees);
	free(set);
	free(newvals);
	section_row_release(&row);
	strbuf_release(&where);
	return rc;
}

enum styr_rc edit_delete(struct store *s, const struct section_desc *d, const char *key,
                         int64_t version, struct styr_error *err)
{
	int64_t id;
	enum styr_rc rc = store_begin(s, err);
	if(rc)
		return rc;
	rc = store_row_find(s, d, key, &id, err);
	if(!rc && version)
		rc = store_row_check_version(s, d, id, version, err);
	if(!rc)
		rc = store_row_delete(s, d, id, 0, NULL, NULL, err);
	if(!rc)
		rc = store_commit(s, err);
	if(rc)
		store_rollback(s);
	return rc;
}
