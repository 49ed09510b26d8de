/*
** economy_ledger.c — the outcome per report line from the imported ledger
** (see economy/economy_ledger.h for the rule).
**
** SQL sums the import's totals per account and voucher date (ledger_total,
** which the importer writes) per account; the accounts are then put on
** report lines here, so that an account number that is not a number, or
** one no range covers, is listed rather than lost. An account that two
** overlapping ranges cover counts once, on the range that starts first
** (`styr check` reports the overlap).
*/
#include "economy/economy_ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "economy/economy_rules.h"
#include "org/org.h"
#include "db/store.h"

struct range {
	int64_t from, to;
	size_t line;        /* index into out->lines */
};

/* The newest import holding the year's outcome: an SIE import whose
** #RAR 0 starts in year, or a CSV import with outcome rows of the year
** (its fiscal year the calendar year). */
static enum styr_rc find_import(struct store *s, struct econ_ledger *out,
                                struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	char y[8];
	enum styr_rc rc = store_prepare(s,
	    "SELECT i.id, i.file, i.format,"
	    " coalesce(y.start_date, ?1 || '-01-01'), coalesce(y.end_date, ?1 || '-12-31')"
	    " FROM ledger_import i"
	    " LEFT JOIN ledger_year y ON y.import_id = i.id AND y.year_index = 0"
	    " WHERE (i.format = 'sie' AND substr(y.start_date, 1, 4) = ?1)"
	    "  OR (i.format = 'csv' AND EXISTS (SELECT 1 FROM ledger_period p"
	    "   WHERE p.import_id = i.id AND p.kind = 'outcome' AND p.year = CAST(?1 AS INTEGER)))"
	    " ORDER BY i.id DESC LIMIT 1", &st, err);
	if(rc)
		return rc;
	snprintf(y, sizeof(y), "%04d", out->year);
	stmt_bind_text(st, 1, y);
	rc = stmt_step(st, &row, err);
	if(!rc && !row)
		rc = styr_error_set(err, STYR_ENOTFOUND,
		                    "no import with the outcome of %d: import an SIE file with "
		                    "fiscal year %d (#RAR 0) with `styr import sie`, or outcome rows "
		                    "of %d with `styr import csv`", out->year, out->year, out->year);
	if(!rc) {
		out->import_id = stmt_int(st, 0);
		free(out->file);
		out->file = xstrdup(stmt_text(st, 1) ? stmt_text(st, 1) : "");
		free(out->format);
		out->format = xstrdup(stmt_text(st, 2));
		if(!date_parse_iso(stmt_text(st, 3), &out->start) ||
		   !date_parse_iso(stmt_text(st, 4), &out->until))
			rc = styr_error_set(err, STYR_EINVAL, "ledger_year of import %lld: bad date",
			                    (long long)out->import_id);
	}
	stmt_finalize(st);
	return rc;
}

/* The report lines and ranges of the mapping, lines ordered by the first
** account they cover. */
static enum styr_rc load_ranges(struct store *s, struct econ_ledger *out,
                                struct range **rp, size_t *np, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t n = 0, cap = 0, lcap = 0;
	struct range *r = NULL;
	enum styr_rc rc = store_prepare(s,
	    "SELECT line, account_from, account_to,"
	    " min(account_from) OVER (PARTITION BY line) AS first"
	    " FROM econ_line_map WHERE mapping = ?"
	    " ORDER BY first, line, account_from", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, out->mapping);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		const char *line = stmt_text(st, 0);
		if(!out->nlines || strcmp(out->lines[out->nlines - 1].line, line)) {
			ALLOC_GROW(out->lines, out->nlines, lcap);
			memset(&out->lines[out->nlines], 0, sizeof(*out->lines));
			out->lines[out->nlines].line = xstrdup(line ? line : "");
			out->nlines++;
		}
		ALLOC_GROW(r, n, cap);
		r[n++] = (struct range){ stmt_int(st, 1), stmt_int(st, 2), out->nlines - 1 };
	}
	stmt_finalize(st);
	int64_t any = 0;
	if(!rc && !n)
		rc = store_query_int(s, "SELECT count(*) FROM econ_line_map", &any, err);
	/* A committee without a mapping of its own: the built-in one. */
	if(!rc && !n && !any && !strcmp(out->mapping, ECON_BUILTIN_MAPPING)) {
		size_t nb;
		const struct econ_line_range *b = econ_builtin_mapping(&nb);
		out->builtin = true;
		for(size_t i = 0; i < nb; i++) {
			ALLOC_GROW(out->lines, out->nlines, lcap);
			memset(&out->lines[out->nlines], 0, sizeof(*out->lines));
			out->lines[out->nlines].line = xstrdup(b[i].line);
			ALLOC_GROW(r, n, cap);
			r[n++] = (struct range){ b[i].from, b[i].to, out->nlines++ };
		}
	}
	if(!rc && !n)
		rc = styr_error_set(err, STYR_ENOTFOUND, "no line_mappings rows for mapping \"%s\"",
		                    out->mapping);
	*rp = r;
	*np = n;
	return rc;
}

/* The line of the first range (by its start) that covers number, or -1. */
static long find_line(const struct range *r, size_t n, int64_t number)
{
	long best = -1;
	int64_t from = 0;
	for(size_t i = 0; i < n; i++)
		if(number >= r[i].from && number <= r[i].to && (best < 0 || r[i].from < from)) {
			best = (long)r[i].line;
			from = r[i].from;
		}
	return best;
}

/* A result account: digits only, class 3–8. */
static bool result_account(const char *a, int64_t *number)
{
	if(!a || a[0] < '3' || a[0] > '8' || strlen(a) > 18)
		return false;
	*number = 0;
	for(const char *p = a; *p; p++) {
		if(*p < '0' || *p > '9')
			return false;
		*number = *number * 10 + (*p - '0');
	}
	return true;
}

/* A CSV import holds whole months (and maybe whole years): the cut-off
** must be a month's last day, and the year's last when it has year rows. */
static enum styr_rc csv_cutoff(struct store *s, const struct econ_ledger *out,
                               struct styr_error *err)
{
	char u[11];
	int64_t year_rows = 0;
	struct store_stmt *st;
	bool row;
	date_format_iso(out->until, u);
	if(out->until.day != date_days_in_month(out->until.year, out->until.month))
		return styr_error_set(err, STYR_EINVAL, "--until %s: import %lld (%s) is a CSV file "
		                      "of whole months; expected the last day of a month such as "
		                      "%04d-%02d-%02d", u, (long long)out->import_id, out->file,
		                      out->until.year, out->until.month,
		                      date_days_in_month(out->until.year, out->until.month));
	if(out->until.month == 12)
		return STYR_OK;
	enum styr_rc rc = store_prepare(s, "SELECT count(*) FROM ledger_period WHERE import_id = ?"
	                                " AND kind = 'outcome' AND year = ? AND month IS NULL",
	                                &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, out->import_id);
	stmt_bind_int(st, 2, out->year);
	rc = stmt_step(st, &row, err);
	if(!rc && row)
		year_rows = stmt_int(st, 0);
	stmt_finalize(st);
	if(!rc && year_rows)
		rc = styr_error_set(err, STYR_EINVAL, "--until %s: import %lld (%s) holds %lld "
		                    "whole-year rows of %d, which cannot be cut at %s; expected "
		                    "%d-12-31", u, (long long)out->import_id, out->file,
		                    (long long)year_rows, out->year, u, out->year);
	return rc;
}

/* Sum the transactions (SIE) or outcome rows (CSV) per account and put
** each on its line. */
static enum styr_rc sum_ledger(struct store *s, struct econ_ledger *out,
                               const struct range *r, size_t nr, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	char from[11], to[11];
	size_t ucap = 0;
	bool csv = !strcmp(out->format, "csv");
	enum styr_rc rc = csv ? csv_cutoff(s, out, err) : STYR_OK;
	if(!rc)
		rc = store_prepare(s, csv
	    ? "SELECT account, NULL, sum(amount) FROM ledger_period"
	      " WHERE import_id = ?1 AND kind = 'outcome' AND year = CAST(substr(?2, 1, 4) AS INTEGER)"
	      " AND (month IS NULL AND substr(?3, 6, 2) = '12'"
	      "  OR month <= CAST(substr(?3, 6, 2) AS INTEGER))"
	      " GROUP BY account ORDER BY account"
	    : "SELECT t.account, (SELECT a.name FROM ledger_account a"
	      "  WHERE a.import_id = ?1 AND a.number = t.account), sum(t.amount)"
	      " FROM ledger_total t WHERE t.import_id = ?1 AND t.date BETWEEN ?2 AND ?3"
	      " GROUP BY t.account ORDER BY t.account", &st, err);
	if(rc)
		return rc;
	date_format_iso(out->start, from);
	date_format_iso(out->until, to);
	stmt_bind_int(st, 1, out->import_id);
	stmt_bind_text(st, 2, from);
	stmt_bind_text(st, 3, to);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		const char *acct = stmt_text(st, 0);
		money_t amount = stmt_int(st, 2);
		int64_t number;
		long line;
		if(!result_account(acct, &number))
			continue;
		out->total += amount;
		line = find_line(r, nr, number);
		if(line >= 0) {
			out->lines[line].outcome += amount;
		} else if(amount) {
			struct econ_ledger_account *u;
			ALLOC_GROW(out->unmapped, out->nunmapped, ucap);
			u = &out->unmapped[out->nunmapped++];
			u->number = xstrdup(acct);
			u->name = xstrdup(stmt_text(st, 1) ? stmt_text(st, 1) : "");
			u->amount = amount;
		}
	}
	stmt_finalize(st);
	return rc;
}

/* The stored outcome of each line at the occasion of year whose cut-off is
** out->until: the drift line with the report line's name (and the same
** mapping, or none). */
static enum styr_rc stated_outcomes(struct store *s, struct econ_ledger *out,
                                    struct styr_error *err)
{
	struct occasion *occ = NULL;
	size_t n = 0;
	int64_t occ_id = -1;
	struct store_stmt *st = NULL;
	bool row;
	enum styr_rc rc = org_occasions(s, out->year, &occ, &n, err);
	for(size_t i = 0; !rc && i < n; i++)
		if(occ[i].date.year && !date_cmp(occ[i].date, out->until)) {
			occ_id = occ[i].id;
			free(out->occasion);
			out->occasion = xstrdup(occ[i].key);
			break;
		}
	occasions_free(occ, n);
	if(rc || occ_id < 0)
		return rc;
	rc = store_prepare(s,
	    "SELECT outcome FROM econ_drift_line WHERE occasion_id = ? AND name = ?"
	    " AND (mapping IS NULL OR mapping = ?) AND outcome IS NOT NULL"
	    " ORDER BY position LIMIT 1", &st, err);
	for(size_t i = 0; !rc && i < out->nlines; i++) {
		stmt_reset(st);
		stmt_bind_int(st, 1, occ_id);
		stmt_bind_text(st, 2, out->lines[i].line);
		stmt_bind_text(st, 3, out->mapping);
		rc = stmt_step(st, &row, err);
		if(!rc && row) {
			out->lines[i].has_stated = true;
			out->lines[i].stated = stmt_int(st, 0);
		}
	}
	stmt_finalize(st);
	return rc;
}

enum styr_rc econ_ledger_get(struct store *s, int year, const struct date *until,
                             const char *mapping, struct econ_ledger *out,
                             struct styr_error *err)
{
	struct range *r = NULL;
	size_t nr = 0;
	struct date end;
	enum styr_rc rc;
	memset(out, 0, sizeof(*out));
	out->year = year;
	out->mapping = xstrdup(mapping);
	out->file = xstrdup("");
	out->format = xstrdup("");
	out->occasion = xstrdup("");
	rc = find_import(s, out, err);
	end = out->until;
	if(!rc && until) {
		char a[11], b[11], u[11];
		date_format_iso(out->start, a);
		date_format_iso(end, b);
		date_format_iso(*until, u);
		if(date_cmp(*until, out->start) < 0 || date_cmp(*until, end) > 0)
			rc = styr_error_set(err, STYR_EINVAL,
			                    "--until %s: expected a date in fiscal year %d (%s–%s)",
			                    u, year, a, b);
		else
			out->until = *until;
	}
	if(!rc)
		rc = load_ranges(s, out, &r, &nr, err);
	if(!rc)
		rc = sum_ledger(s, out, r, nr, err);
	if(!rc)
		rc = stated_outcomes(s, out, err);
	free(r);
	return rc;
}

void econ_ledger_release(struct econ_ledger *l)
{
	for(size_t i = 0; i < l->nlines; i++)
		free(l->lines[i].line);
	for(size_t i = 0; i < l->nunmapped; i++) {
		free(l->unmapped[i].number);
		free(l->unmapped[i].name);
	}
	free(l->lines);
	free(l->unmapped);
	free(l->mapping);
	free(l->file);
	free(l->format);
	free(l->occasion);
	l->lines = NULL;
	l->unmapped = NULL;
	l->mapping = l->file = l->format = l->occasion = NULL;
	l->nlines = l->nunmapped = 0;
}
