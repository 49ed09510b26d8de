/*
** ledger_csv.c — outcome and budget rows from CSV (see ledger_csv.h).
*/
#include "ledger/ledger_csv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv.h"
#include "base/date.h"
#include "base/jsonw.h"
#include "base/limits.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "ledger/ledger.h"

struct ctx {
	const char *path;
	const struct ledger_csv_opts *o;
	struct ledger_csv_stats *st;
	struct ledger_writer *w;
	bool first;
	struct strbuf objs;
};

/* Field col (1-based) of rec, or NULL with err set. */
static const struct csv_field *column(struct ctx *c, const struct csv_record *rec,
                                      int col, const char *what, struct styr_error *err)
{
	if(col <= (int)rec->n)
		return &rec->fields[col - 1];
	const struct csv_field *last = &rec->fields[rec->n - 1];
	styr_error_set(err, STYR_EINVAL, "%s:%ld:%d: %s: expected column %d, the row has %zu",
	               c->path, last->line, last->column + (int)last->len, what, col, rec->n);
	return NULL;
}

static enum styr_rc bad(struct ctx *c, const struct csv_field *f, struct styr_error *err,
                        const char *what, const char *expected)
{
	return styr_error_set(err, STYR_EINVAL, "%s:%ld:%d: %s: expected %s, found \"%s\"",
	                      c->path, f->line, f->column, what, expected, f->text);
}

/* "202403", "2024-03", "2024-03-31" or "2024" (month 0). */
static bool parse_period(const char *s, int *year, int *month)
{
	size_t n = strlen(s);
	struct date d;
	char buf[11];
	if(n == 4 && strspn(s, "0123456789") == 4) {
		*year = atoi(s);
		*month = 0;
		return *year >= 1900;
	}
	if(n == 6 && strspn(s, "0123456789") == 6) {
		snprintf(buf, sizeof(buf), "%.4s-%.2s-01", s, s + 4);
	} else if(n == 7 && s[4] == '-') {
		snprintf(buf, sizeof(buf), "%.7s-01", s);
	} else if(n == 10) {
		snprintf(buf, sizeof(buf), "%s", s);
	} else {
		return false;
	}
	if(!date_parse_iso(buf, &d))
		return false;
	*year = d.year;
	*month = d.month;
	return true;
}

static enum styr_rc on_record(void *vctx, const struct csv_record *rec, struct styr_error *err)
{
	struct ctx *c = vctx;
	const struct ledger_csv_opts *o = c->o;
	const struct csv_field *acct, *amt, *per = NULL, *obj = NULL;
	struct sv_number num;
	struct styr_error why;
	int64_t ore;
	int year = o->year, month = 0;
	const char *objs = NULL;

	if(c->first && o->header) {
		c->first = false;
		return STYR_OK;
	}
	c->first = false;
	if(!(acct = column(c, rec, o->account_col, "account", err)) ||
	   !(amt = column(c, rec, o->amount_col, "amount", err)))
		return STYR_EINVAL;
	if(!acct->len && !amt->len) {
		c->st->blank++;
		return STYR_OK;
	}
	if(!acct->len)
		return bad(c, acct, err, "account", "an account number");
	if(sv_number_parse(amt->text, &num, &why) || num.percent)
		return bad(c, amt, err, "amount", "an amount in kronor such as -1 234,50");
	if(sv_number_ore(&num, &ore, &why))
		return styr_error_set(err, STYR_EINVAL, "%s:%ld:%d: amount: %s, found \"%s\"",
		                      c->path, amt->line, amt->column, why.msg, amt->text);
	if(o->period_col) {
		if(!(per = column(c, rec, o->period_col, "period", err)))
			return STYR_EINVAL;
		if(!parse_period(per->text, &year, &month))
			return bad(c, per, err, "period", "a period YYYYMM, YYYY-MM, a date YYYY-MM-DD or a year");
	}
	if(o->object_col) {
		if(!(obj = column(c, rec, o->object_col, "object", err)))
			return STYR_EINVAL;
		if(obj->len) {
			strbuf_reset(&c->objs);
			strbuf_addf(&c->objs, "%d \"", o->object_dim);
			for(const char *p = obj->text; *p; p++) {
				if(*p == '"' || *p == '\\')
					strbuf_addch(&c->objs, '\\');
				strbuf_addch(&c->objs, *p);
			}
			strbuf_addch(&c->objs, '"');
			objs = c->objs.buf;
		}
	}
	if(!money_add(&c->st->sum, ore))
		return styr_error_set(err, STYR_EINVAL,
		    "%s:%ld:%d: amount: the sum of the amounts so far leaves the range of "
		    "±92 233 720 368 547 758,07 kr", c->path, amt->line, amt->column);
	enum styr_rc rc = ledger_put_period(c->w, o->kind, 0, 0, year, month, acct->text,
	                                    objs, ore, NULL, err);
	if(rc)
		return rc;
	c->st->rows++;
	if(!c->st->first_year || year < c->st->first_year)
		c->st->first_year = year;
	if(year > c->st->last_year)
		c->st->last_year = year;
	return STYR_OK;
}

enum styr_rc ledger_csv_import(struct store *s, const char *path,
                               const struct ledger_csv_opts *o,
                               struct ledger_csv_stats *st, struct styr_error *err)
{
	FILE *f = fopen(path, "rb");
	enum styr_rc rc;
	if(!f) {
		memset(st, 0, sizeof(*st));
		return styr_error_set(err, STYR_EIO, "%s: cannot open: %s", path, strerror(errno));
	}
	rc = ledger_csv_import_stream(s, f, path, o, st, err);
	fclose(f);
	return rc;
}

enum styr_rc ledger_csv_import_stream(struct store *s, FILE *f, const char *path,
                                      const struct ledger_csv_opts *o,
                                      struct ledger_csv_stats *st, struct styr_error *err)
{
	struct ctx c = { path, o, st, NULL, true, STRBUF_INIT };
	struct csv_parser p;
	char buf[65536];
	size_t n;
	uint64_t bytes = 0;
	enum styr_rc rc;

	memset(st, 0, sizeof(*st));
	rc = ledger_writer_begin(s, "csv", path, &c.w, err);
	if(rc)
		return rc;
	csv_init(&p, o->sep, on_record, &c);
	while(!rc && (n = fread(buf, 1, sizeof(buf), f)) > 0) {
		bytes += n;
		if(bytes > LIMIT_IMPORT_FILE)
			rc = styr_error_set(err, STYR_EINVAL, "%s: the file is larger than %llu bytes, "
			                    "the limit of a CSV file (docs/limits.md)", path,
			                    (unsigned long long)LIMIT_IMPORT_FILE);
		else
			rc = csv_feed(&p, buf, n, err);
	}
	if(!rc && ferror(f))
		rc = styr_error_set(err, STYR_EIO, "%s: read error: %s", path, strerror(errno));
	if(!rc)
		rc = csv_finish(&p, err);
	if(!rc && !st->rows)
		rc = styr_error_set(err, STYR_EINVAL, "%s: no rows with an account and an amount "
		                    "(the file is empty%s)", path,
		                    st->blank || o->header ? " but for headings or blank rows" : "");
	if(rc)
		rc = ledger_writer_fail(c.w, rc, err);
	/* Parser errors read "line:column: …" and need the file name. */
	if(rc == STYR_EINVAL && strncmp(err->msg, path, strlen(path))) {
		char msg[sizeof(err->msg)];
		memcpy(msg, err->msg, sizeof(msg));
		styr_error_set(err, STYR_EINVAL, "%s:%s", path, msg);
	}
	st->sep = p.sep;
	st->encoding = csv_encoding_name(&p);
	csv_release(&p);
	strbuf_release(&c.objs);
	if(rc)
		return rc;
	st->import_id = ledger_writer_import_id(c.w);
	ledger_writer_header(c.w, NULL, NULL, NULL, 0, st->encoding);
	struct strbuf js = STRBUF_INIT;
	struct jsonw w;
	jsonw_init(&w, jsonw_strbuf_sink, &js, false);
	jsonw_object_begin(&w);
	jsonw_kv_string(&w, "file", path);
	jsonw_kv_string(&w, "kind", o->kind);
	jsonw_kv_int(&w, "rows", st->rows);
	jsonw_object_end(&w);
	rc = ledger_writer_commit(c.w, js.buf, o->hook, err);
	strbuf_release(&js);
	return rc;
}
