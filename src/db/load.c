/*
** load.c — load JSON data documents through the section registry
** (see load.h).
*/
#include "db/load.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/date.h"
#include "base/json.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "db/section.h"
#include "db/store.h"

struct doc {
	char *name;
	struct json *root;
};

enum styr_rc read_file(const char *path, char **buf, size_t *len,
                       struct styr_error *err)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char chunk[65536];
	size_t n;

	if(!f)
		return styr_error_set(err, STYR_EIO, "%s: cannot open: %s", path, strerror(errno));
	while((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		strbuf_add(&sb, chunk, n);
	if(ferror(f)) {
		fclose(f);
		strbuf_release(&sb);
		return styr_error_set(err, STYR_EIO, "%s: read error", path);
	}
	fclose(f);
	*len = sb.len;
	*buf = strbuf_detach(&sb);
	return STYR_OK;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files named by path: itself, or the *.json files of a directory. */
static enum styr_rc list_files(const char *path, char ***out, size_t *count,
                               struct styr_error *err)
{
	struct stat stt;
	char **v = NULL;
	size_t n = 0, cap = 0;

	if(stat(path, &stt))
		return styr_error_set(err, STYR_EIO, "%s: %s", path, strerror(errno));
	if(!S_ISDIR(stt.st_mode)) {
		v = xmalloc(sizeof(*v));
		v[0] = xstrdup(path);
		*out = v;
		*count = 1;
		return STYR_OK;
	}
	DIR *d = opendir(path);
	if(!d)
		return styr_error_set(err, STYR_EIO, "%s: %s", path, strerror(errno));
	struct dirent *e;
	while((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if(len < 6 || strcmp(e->d_name + len - 5, ".json") || e->d_name[0] == '.')
			continue;
		ALLOC_GROW(v, n, cap);
		struct strbuf p = STRBUF_INIT;
		strbuf_addf(&p, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
		v[n++] = strbuf_detach(&p);
	}
	closedir(d);
	if(!n)
		return styr_error_set(err, STYR_EINVAL, "%s: no .json files in the directory", path);
	qsort(v, n, sizeof(*v), cmp_str);
	*out = v;
	*count = n;
	return STYR_OK;
}

static enum styr_rc at(struct styr_error *err, const struct doc *doc, int line,
                       const char *key, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static enum styr_rc at(struct styr_error *err, const struct doc *doc, int line,
                       const char *key, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	styr_error_set(err, STYR_EINVAL, "%s:%d: %s: %s", doc->name, line, key, sb.buf);
	strbuf_release(&sb);
	return STYR_EINVAL;
}

static void list_keys(struct strbuf *sb, const struct section_desc *d)
{
	for(size_t i = 0; i < d->nfields; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", d->fields[i].key);
}

static void list_allowed(struct strbuf *sb, const char *const *allowed)
{
	for(size_t i = 0; allowed[i]; i++)
		strbuf_addf(sb, "%s\"%s\"", i ? ", " : "", allowed[i]);
}

/* Convert one JSON value to the field's stored form. Strings of the
** returned value point into the JSON tree. */
static enum styr_rc convert(struct store *s, const struct doc *doc,
                            const struct field_desc *f, const struct json *v,
                            struct field_value *out, struct styr_error *err)
{
	memset(out, 0, sizeof(*out));
	if(v->type == JSON_NULL) {
		if(f->flags & FIELD_REQUIRED)
			return at(err, doc, v->line, f->key, "expected %s, found null", f->help);
		out->null = true;
		return STYR_OK;
	}
	switch(f->type) {
	case FIELD_TEXT:
		if(v->type != JSON_STRING)
			return at(err, doc, v->line, f->key, "expected a string (%s), found %s",
			          f->help, json_type_name(v->type));
		out->s = v->text;
		return STYR_OK;
	case FIELD_ENUM:
		if(v->type == JSON_STRING)
			for(size_t i = 0; f->allowed[i]; i++)
				if(!strcmp(f->allowed[i], v->text)) {
					out->s = v->text;
					return STYR_OK;
				}
		{
			struct strbuf sb = STRBUF_INIT;
			list_allowed(&sb, f->allowed);
			at(err, doc, v->line, f->key, "expected one of %s, found %s%s%s", sb.buf,
			   v->type == JSON_STRING ? "\"" : "",
			   v->type == JSON_STRING ? v->text : json_type_name(v->type),
			   v->type == JSON_STRING ? "\"" : "");
			strbuf_release(&sb);
			return STYR_EINVAL;
		}
	case FIELD_DATE: {
		struct date d;
		if(v->type != JSON_STRING || !date_parse_iso(v->text, &d))
			return at(err, doc, v->line, f->key, "expected a date YYYY-MM-DD (%s), found %s%s%s",
			          f->help, v->type == JSON_STRING ? "\"" : "",
			          v->type == JSON_STRING ? v->text : json_type_name(v->type),
			          v->type == JSON_STRING ? "\"" : "");
		out->s = v->text;
		return STYR_OK;
	}
	case FIELD_BOOL:
		if(v->type != JSON_BOOL)
			return at(err, doc, v->line, f->key, "expected true or false (%s), found %s",
			          f->help, json_type_name(v->type));
		out->i = v->boolean;
		return STYR_OK;
	case FIELD_INT: {
		char *end;
		if(v->type != JSON_NUMBER)
			return at(err, doc, v->line, f->key, "expected a whole number (%s), found %s",
			          f->help, json_type_name(v->type));
		errno = 0;
		long long n = strtoll(v->text, &end, 10);
		if(*end || errno)
			return at(err, doc, v->line, f->key, "expected a whole number (%s), found %s",
			          f->help, v->text);
		out->i = n;
		return STYR_OK;
	}
	case FIELD_NUMBER:
		if(v->type != JSON_NUMBER)
			return at(err, doc, v->line, f->key, "expected a number (%s), found %s",
			          f->help, json_type_name(v->type));
		out->s = v->text;
		return STYR_OK;
	case FIELD_MONEY: {
		struct styr_error e2;
		if(v->type != JSON_NUMBER)
			return at(err, doc, v->line, f->key, "expected an amount in kronor (%s), found %s",
			          f->help, json_type_name(v->type));
		if(money_parse_kronor(v->text, &out->i, &e2))
			return at(err, doc, v->line, f->key, "%s", e2.msg);
		return STYR_OK;
	}
	case FIELD_REF: {
		const struct section_desc *t = store_section_find(f->ref_section);
		const struct field_desc *k = t ? section_key_field(t) : NULL;
		struct field_value key;
		enum styr_rc rc;
		if(!k)
			return styr_error_set(err, STYR_EINVAL, "section field %s refers to unknown section %s",
			                      f->key, f->ref_section);
		rc = convert(s, doc, k, v, &key, err);
		if(rc) {
			/* Say what the reference needs, under this field's name. */
			return at(err, doc, v->line, f->key, "expected the %s of an entry in \"%s\" (%s)",
			          k->key, t->name, f->help);
		}
		rc = store_section_resolve(s, t, &key, &out->i, err);
		out->s = v->type == JSON_STRING || v->type == JSON_NUMBER ? v->text : NULL;
		if(rc == STYR_ENOTFOUND) {
			if(v->type == JSON_STRING)
				return at(err, doc, v->line, f->key, "no entry in \"%s\" has %s \"%s\"",
				          t->name, k->key, v->text);
			return at(err, doc, v->line, f->key, "no entry in \"%s\" has %s %s",
			          t->name, k->key, v->text);
		}
		return rc;
	}
	}
	return STYR_EINVAL;
}

static enum styr_rc load_row(struct store *s, const struct doc *doc,
                             const struct section_desc *d, const struct json *row,
                             struct field_value *vals, struct styr_error *err)
{
	enum styr_rc rc;

	if(row->type != JSON_OBJECT)
		return at(err, doc, row->line, d->name, "expected an object (%s), found %s",
		          d->help, json_type_name(row->type));
	for(size_t m = 0; m < row->count; m++) {
		const struct json_member *mem = &row->members[m];
		size_t i;
		for(i = 0; i < d->nfields; i++)
			if(!strcmp(d->fields[i].key, mem->key))
				break;
		if(i == d->nfields) {
			struct strbuf sb = STRBUF_INIT;
			list_keys(&sb, d);
			at(err, doc, mem->line, mem->key, "unknown field of \"%s\", expected one of %s",
			   d->name, sb.buf);
			strbuf_release(&sb);
			return STYR_EINVAL;
		}
	}
	for(size_t i = 0; i < d->nfields; i++) {
		const struct field_desc *f = &d->fields[i];
		const struct json *v = json_get(row, f->key);
		if(!v) {
			if(f->flags & FIELD_REQUIRED)
				return at(err, doc, row->line, f->key, "missing in \"%s\": expected %s",
				          d->name, f->help);
			memset(&vals[i], 0, sizeof(vals[i]));
			vals[i].null = true;
			continue;
		}
		rc = convert(s, doc, f, v, &vals[i], err);
		if(rc)
			return rc;
	}
	rc = store_section_insert(s, d, vals, err);
	if(rc == STYR_ECONFLICT)
		return at(err, doc, row->line, d->name, "conflicts with stored data (%s)", err->msg);
	if(rc)
		styr_error_prefix(err, "%s:%d", doc->name, row->line);
	return rc;
}

static enum styr_rc check_top(const struct doc *doc, struct styr_error *err)
{
	const struct json *root = doc->root;
	if(root->type != JSON_OBJECT)
		return at(err, doc, root->line, "document",
		          "expected an object whose keys are section names");
	for(size_t i = 0; i < root->count; i++) {
		const struct json_member *m = &root->members[i];
		if(!store_section_find(m->key)) {
			struct strbuf sb = STRBUF_INIT;
			size_t n;
			const struct section_desc *const *all = store_sections(&n);
			for(size_t k = 0; k < n; k++)
				strbuf_addf(&sb, "%s%s", k ? ", " : "", all[k]->name);
			at(err, doc, m->line, m->key, "unknown section, expected one of %s", sb.buf);
			strbuf_release(&sb);
			return STYR_EINVAL;
		}
		if(m->value->type != JSON_ARRAY)
			return at(err, doc, m->value->line, m->key, "expected an array of rows, found %s",
			          json_type_name(m->value->type));
	}
	return STYR_OK;
}

enum styr_rc load_path(struct store *s, const char *path, struct load_stats *stats,
                       struct styr_error *err)
{
	char **files = NULL;
	size_t nfiles = 0, nsec;
	struct doc *docs;
	enum styr_rc rc;
	const struct section_desc *const *secs = store_sections(&nsec);

	memset(stats, 0, sizeof(*stats));
	rc = list_files(path, &files, &nfiles, err);
	if(rc)
		return rc;
	docs = xcalloc(nfiles, sizeof(*docs));
	for(size_t i = 0; !rc && i < nfiles; i++) {
		char *buf;
		size_t len;
		docs[i].name = files[i];
		rc = read_file(files[i], &buf, &len, err);
		if(rc)
			break;
		docs[i].root = json_parse(buf, len, files[i], err);
		free(buf);
		if(!docs[i].root)
			rc = STYR_EINVAL;
		else
			rc = check_top(&docs[i], err);
	}
	if(!rc)
		rc = store_begin(s, err);
	if(!rc) {
		for(size_t k = 0; !rc && k < nsec; k++) {
			struct field_value *vals = xcalloc(secs[k]->nfields, sizeof(*vals));
			for(size_t i = 0; !rc && i < nfiles; i++) {
				const struct json *rows = json_get(docs[i].root, secs[k]->name);
				for(size_t r = 0; rows && !rc && r < rows->count; r++) {
					rc = load_row(s, &docs[i], secs[k], rows->items[r], vals, err);
					stats->rows++;
				}
			}
			free(vals);
		}
		if(!rc)
			rc = store_commit(s, err);
		if(rc)
			store_rollback(s);
	}
	stats->files = nfiles;
	for(size_t i = 0; i < nfiles; i++) {
		json_free(docs[i].root);
		free(files[i]);
	}
	free(docs);
	free(files);
	return rc;
}
