/*
** copy.c — copy a whole database into a new one (see copy.h).
**
** The tables come from the source's driver in the order they were made,
** each moved after the tables it refers to (the audit log, made first,
** refers to change sets, made later), so every row's references and the
** rules of the triggers hold as it is stored, as they held when it was
** first written. Rows are read in stored order (id, or SQLite's rowid)
** and bound as text: each database turns them into its column's type.
*/
#include "db/copy.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "db/store.h"

struct table {
	char *name, *columns, *refs, *order;
	bool placed;
};

struct tables {
	struct table *v;
	size_t n, cap;
};

static enum styr_rc add_table(void *ctx, const char *table, const char *columns,
                              const char *refs, const char *order)
{
	struct tables *t = ctx;
	/* Each store keeps its own record of migrations. */
	if(!strcmp(table, "schema_migrations"))
		return STYR_OK;
	ALLOC_GROW(t->v, t->n, t->cap);
	t->v[t->n++] = (struct table){ xstrdup(table), xstrdup(columns ? columns : ""),
	                               xstrdup(refs ? refs : ""), xstrdup(order), false };
	return STYR_OK;
}

static void free_tables(struct tables *t)
{
	for(size_t i = 0; i < t->n; i++) {
		free(t->v[i].name);
		free(t->v[i].columns);
		free(t->v[i].refs);
		free(t->v[i].order);
	}
	free(t->v);
}

static struct table *find(struct tables *t, const char *name, size_t len)
{
	for(size_t i = 0; i < t->n; i++)
		if(strlen(t->v[i].name) == len && !strncmp(t->v[i].name, name, len))
			return &t->v[i];
	return NULL;
}

/* Whether every table that t refers to (among ts) is placed. */
static bool refs_placed(struct tables *ts, const struct table *t)
{
	const char *p = t->refs;
	while(*p) {
		size_t n = strcspn(p, ",");
		struct table *r = find(ts, p, n);
		if(r && !r->placed)
			return false;
		p += n;
		if(*p == ',')
			p++;
	}
	return true;
}

/* Rows are stored many to a statement (up to COPY_BATCH, and about
** COPY_VALUES values): one statement per row would cost a round trip
** each on a database server. */
#define COPY_BATCH  100
#define COPY_VALUES 1000

/* Store rows vals[0 .. k*ncol) of t with one INSERT. */
static enum styr_rc store_rows(struct store *dst, const char *table, const char *cols,
                               int ncol, char **vals, size_t k, struct store_stmt **keep,
                               struct styr_error *err)
{
	struct strbuf ins = STRBUF_INIT;
	struct store_stmt *to = *keep;
	bool done;
	enum styr_rc rc = STYR_OK;

	if(!to) {
		strbuf_addf(&ins, "INSERT INTO \"%s\"(%s) VALUES", table, cols);
		for(size_t r = 0; r < k; r++) {
			strbuf_addstr(&ins, r ? ", (" : " (");
			for(int i = 0; i < ncol; i++)
				strbuf_addstr(&ins, i ? ", ?" : "?");
			strbuf_addch(&ins, ')');
		}
		rc = store_prepare(dst, ins.buf, &to, err);
		strbuf_release(&ins);
		if(rc)
			return rc;
	}
	for(size_t v = 0; v < k * (size_t)ncol; v++)
		stmt_bind_text(to, (int)v + 1, vals[v]);
	rc = stmt_step(to, &done, err);
	stmt_reset(to);
	*keep = to;
	return rc;
}

static enum styr_rc copy_table(struct store *src, struct store *dst, const struct table *t,
                               size_t *rows, struct styr_error *err)
{
	struct strbuf q = STRBUF_INIT, cols = STRBUF_INIT;
	struct store_stmt *from = NULL, *full = NULL, *rest = NULL;
	char **vals;
	size_t per, k = 0;
	int ncol = 1;
	bool row;
	enum styr_rc rc;

	/* Columns quoted: a column may be named by a keyword ("end"). */
	strbuf_addch(&cols, '"');
	for(const char *p = t->columns; *p; p++) {
		if(*p == ',') {
			ncol++;
			strbuf_addstr(&cols, "\", \"");
		} else {
			strbuf_addch(&cols, *p);
		}
	}
	strbuf_addch(&cols, '"');
	per = COPY_VALUES / (size_t)ncol;
	per = per < 1 ? 1 : per > COPY_BATCH ? COPY_BATCH : per;
	vals = xcalloc(per * (size_t)ncol, sizeof(*vals));
	strbuf_addf(&q, "SELECT %s FROM \"%s\" ORDER BY %s", cols.buf, t->name, t->order);
	rc = store_prepare(src, q.buf, &from, err);
	while(!rc && !(rc = stmt_step(from, &row, err)) && row) {
		for(int i = 0; i < ncol; i++)
			vals[k * (size_t)ncol + (size_t)i] = stmt_is_null(from, i) ? NULL
			                                     : xstrdup(stmt_text(from, i));
		if(++k < per)
			continue;
		rc = store_rows(dst, t->name, cols.buf, ncol, vals, k, &full, err);
		for(size_t v = 0; v < k * (size_t)ncol; v++) {
			free(vals[v]);
			vals[v] = NULL;
		}
		if(!rc)
			*rows += k;
		k = 0;
	}
	if(!rc && k) {
		rc = store_rows(dst, t->name, cols.buf, ncol, vals, k, &rest, err);
		if(!rc)
			*rows += k;
	}
	for(size_t v = 0; v < k * (size_t)ncol; v++)
		free(vals[v]);
	free(vals);
	if(rc)
		styr_error_prefix(err, "copying %s", t->name);
	if(!rc && dst->drv->ids_taken)
		rc = dst->drv->ids_taken(dst, t->name, err);
	stmt_finalize(from);
	stmt_finalize(full);
	stmt_finalize(rest);
	strbuf_release(&q);
	strbuf_release(&cols);
	return rc;
}

/* The target has each of the source's tables with the same columns. */
static enum styr_rc same_tables(struct store *src, struct tables *from, struct tables *to,
                                const char *dst_path, struct styr_error *err)
{
	for(size_t i = 0; i < from->n; i++) {
		struct table *t = find(to, from->v[i].name, strlen(from->v[i].name));
		if(!t || strcmp(t->columns, from->v[i].columns))
			return styr_error_set(err, STYR_EDB, "%s: table %s is not as in %s (%s);"
			                      " nothing was copied", dst_path, from->v[i].name,
			                      src->path, t ? t->columns : "missing");
	}
	return STYR_OK;
}

enum styr_rc store_copy(struct store *src, const char *dst_path, struct copy_stats *stats,
                        struct styr_error *err)
{
	struct tables from = { NULL, 0, 0 }, to = { NULL, 0, 0 };
	struct store *dst = NULL;
	struct stat st;
	bool file = !store_path_is_pg(dst_path);
	bool existed = file && stat(dst_path, &st) == 0;
	enum styr_rc rc;

	memset(stats, 0, sizeof(*stats));
	if(store_schema_version(src) != store_schema_latest())
		return styr_error_set(err, STYR_EDB, "%s: schema version %d, this styr writes %d:"
		                      " let a writing command of this styr (styr load, say) bring it"
		                      " up to date first", src->path, store_schema_version(src),
		                      store_schema_latest());
	rc = src->drv->tables(src, add_table, &from, err);
	if(!rc)
		rc = store_open(dst_path, STORE_CREATE | STORE_NEW, &dst, err);
	if(!rc) {
		/* The copy is the source's history, not a change of the target. */
		dst->capture = false;
		rc = dst->drv->tables(dst, add_table, &to, err);
	}
	if(!rc)
		rc = same_tables(src, &from, &to, dst_path, err);
	if(!rc)
		rc = store_begin(dst, err);
	for(size_t placed = 0; !rc && placed < from.n; placed++) {
		struct table *next = NULL;
		for(size_t i = 0; i < from.n && !next; i++)
			if(!from.v[i].placed && refs_placed(&from, &from.v[i]))
				next = &from.v[i];
		if(!next) /* tables that refer to each other: in the order made */
			for(size_t i = 0; i < from.n && !next; i++)
				if(!from.v[i].placed)
					next = &from.v[i];
		next->placed = true;
		rc = copy_table(src, dst, next, &stats->rows, err);
		stats->tables++;
	}
	if(!rc)
		rc = store_commit(dst, err);
	if(rc && dst && store_in_transaction(dst))
		store_rollback(dst);
	store_close(dst);
	if(rc && file && !existed)
		unlink(dst_path);
	free_tables(&from);
	free_tables(&to);
	return rc;
}
