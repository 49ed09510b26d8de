/*
** load.c — load JSON data documents through the section registry
** (see load.h): each row is checked and converted by the section's
** values (value.c) and written by its row operations (row.c).
*/
#include "db/load.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/json.h"
#include "base/limits.h"
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
	while((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if(sb.len + n > LIMIT_DATA_FILE) {
			fclose(f);
			strbuf_release(&sb);
			return styr_error_set(err, STYR_EINVAL, "%s: the file is larger than %llu bytes, "
			                      "the limit of a data file (docs/limits.md)", path,
			                      (unsigned long long)LIMIT_DATA_FILE);
		}
		strbuf_add(&sb, chunk, n);
	}
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

/* The rows the files name, by id, and where each was named: an open
** addressing set per section (ids are never 0). */
struct seen {
	int64_t id;
	const struct doc *doc;
	int line;
};

struct seen_set {
	struct seen *v;
	size_t cap, n;
};

static struct seen *seen_slot(struct seen_set *h, int64_t id)
{
	size_t i = (size_t)((uint64_t)id * 0x9E3779B97F4A7C15ull) & (h->cap - 1);
	while(h->v[i].id && h->v[i].id != id)
		i = (i + 1) & (h->cap - 1);
	return &h->v[i];
}

static const struct seen *seen_find(struct seen_set *h, int64_t id)
{
	if(!h->cap)
		return NULL;
	struct seen *e = seen_slot(h, id);
	return e->id ? e : NULL;
}

static void seen_add(struct seen_set *h, int64_t id, const struct doc *doc, int line)
{
	if(2 * (h->n + 1) > h->cap) {
		struct seen_set g = { xcalloc(h->cap ? 2 * h->cap : 64, sizeof(struct seen)),
		                      h->cap ? 2 * h->cap : 64, h->n };
		for(size_t i = 0; i < h->cap; i++)
			if(h->v[i].id)
				*seen_slot(&g, h->v[i].id) = h->v[i];
		free(h->v);
		*h = g;
	}
	struct seen *e = seen_slot(h, id);
	if(!e->id)
		h->n++;
	*e = (struct seen){ id, doc, line };
}

/* One row of a file: added when its key is new, else its changed fields
** written; a second row with the same key in the files is refused. */
static enum styr_rc load_row(struct store *s, const struct doc *doc,
                             const struct section_desc *d, const struct json *row,
                             struct field_value *vals, struct seen_set *seen,
                             struct load_stats *stats, struct styr_error *err)
{
	int64_t id = 0;
	bool changed;
	enum styr_rc rc = section_row_convert(s, d, doc->name, true, row, vals, NULL, err);

	if(rc)
		return rc;
	rc = section_has_key(d) ? store_row_lookup(s, d, vals, &id, err) : STYR_ENOTFOUND;
	if(!rc) {
		const struct seen *twice = seen_find(seen, id);
		if(twice) {
			struct strbuf key = STRBUF_INIT, label = STRBUF_INIT;
			bool found;
			store_row_image(s, d, id, NULL, &key, &found, err);
			section_label(d, key.buf, &label);
			rc = at(err, doc, row->line, label.buf, "given twice (also at %s:%d)",
			        twice->doc->name, twice->line);
			strbuf_release(&key);
			strbuf_release(&label);
			return rc;
		}
		rc = store_row_update(s, d, id, vals, &changed, err);
		if(!rc && changed)
			stats->changed++;
		else if(!rc)
			stats->unchanged++;
	} else if(rc == STYR_ENOTFOUND) {
		rc = section_has_key(d) ? store_row_insert_absent(s, d, vals, &id, err)
		                        : store_row_insert(s, d, vals, 0, &id, err);
		if(!rc)
			stats->added++;
	}
	if(rc) {
		styr_error_prefix(err, "%s:%d", doc->name, row->line);
		return rc;
	}
	seen_add(seen, id, doc, row->line);
	return STYR_OK;
}

static void count_removed(void *ctx, const struct section_desc *d, const char *key)
{
	(void)d;
	(void)key;
	((struct load_stats *)ctx)->removed++;
}

/* --prune: remove the rows of d that no file named. */
static enum styr_rc prune(struct store *s, const struct section_desc *d,
                          struct seen_set *seen, struct load_stats *stats,
                          struct styr_error *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	bool row;
	enum styr_rc rc;

	strbuf_addf(&sql, "SELECT id FROM %s ORDER BY id", d->table);
	rc = store_prepare(s, sql.buf, &st, err);
	strbuf_release(&sql);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		int64_t id = stmt_int(st, 0);
		if(seen_find(seen, id))
			continue;
		ALLOC_GROW(ids, n, cap);
		ids[n++] = id;
	}
	stmt_finalize(st);
	for(size_t i = 0; !rc && i < n; i++) {
		bool still;
		rc = store_row_image(s, d, ids[i], NULL, NULL, &still, err);
		if(!rc && still)
			rc = store_row_delete(s, d, ids[i], 0, count_removed, stats, err);
	}
	if(rc)
		styr_error_prefix(err, "--prune");
	free(ids);
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

enum styr_rc load_apply(struct store *s, const char *path, const struct load_options *opt,
                        struct load_stats *stats, struct styr_error *err)
{
	char **files = NULL;
	size_t nfiles = 0, nsec;
	struct doc *docs;
	struct seen_set *seen;
	bool *held;
	enum styr_rc rc;
	const struct section_desc *const *secs = store_sections(&nsec);

	memset(stats, 0, sizeof(*stats));
	rc = list_files(path, &files, &nfiles, err);
	if(rc)
		return rc;
	docs = xcalloc(nfiles, sizeof(*docs));
	seen = xcalloc(nsec ? nsec : 1, sizeof(*seen));
	held = xcalloc(nsec ? nsec : 1, sizeof(*held));
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
				held[k] |= rows != NULL;
				for(size_t r = 0; rows && !rc && r < rows->count; r++) {
					rc = load_row(s, &docs[i], secs[k], rows->items[r], vals, &seen[k],
					              stats, err);
					stats->rows++;
				}
			}
			free(vals);
		}
		/* Children before parents, so a pruned parent has none left. */
		for(size_t k = nsec; opt->prune && !rc && k-- > 0;)
			if(held[k])
				rc = prune(s, secs[k], &seen[k], stats, err);
		if(!rc && opt->changes)
			rc = store_pending_changes(s, opt->changes, opt->ctx, err);
		if(!rc && !opt->dry_run)
			rc = store_commit(s, err);
		if(rc || opt->dry_run)
			store_rollback(s);
	}
	stats->files = nfiles;
	for(size_t i = 0; i < nfiles; i++) {
		json_free(docs[i].root);
		free(files[i]);
	}
	for(size_t k = 0; k < nsec; k++)
		free(seen[k].v);
	free(seen);
	free(held);
	free(docs);
	free(files);
	return rc;
}

enum styr_rc load_path(struct store *s, const char *path, struct load_stats *stats,
                       struct styr_error *err)
{
	static const struct load_options plain = { false, false, NULL, NULL };
	return load_apply(s, path, &plain, stats, err);
}
