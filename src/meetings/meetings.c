/*
** meetings.c — reading a protocol, its legal dates and the meetings check
** (see meetings.h). Changes are in meetings_edit.c.
*/
#include "meetings/meetings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control/casenum.h"
#include "base/strbuf.h"
#include "control/control.h"
#include "org/org.h"
#include "db/store.h"

const char *const attendee_role_names[ROLE_NKINDS + 1] = {
	"ordinarie", "tjänstgörande ersättare", "ersättare", "tjänsteperson", NULL
};

bool attendee_role_parse(const char *s, enum attendee_role *out)
{
	for(int r = 0; s && r < ROLE_NKINDS; r++)
		if(!strcmp(s, attendee_role_names[r])) {
			*out = (enum attendee_role)r;
			return true;
		}
	return false;
}

static const char *const default_before[] = {
	"Val av justerare", "Förvaltningschefen informerar", NULL };
static const char *const default_after[] = {
	"Redovisning av delegeringsbeslut", "Meddelanden för kännedom", "Övriga frågor", NULL };

static char **dup_list(const char *const *v, size_t *n)
{
	size_t k = 0;
	while(v[k])
		k++;
	char **out = xcalloc(k + 1, sizeof(*out));
	for(size_t i = 0; i < k; i++)
		out[i] = xstrdup(v[i]);
	*n = k;
	return out;
}

enum styr_rc meeting_standard_items(struct store *s, char ***before, size_t *nbefore,
                                    char ***after, size_t *nafter, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	char **v[2] = { NULL, NULL };
	size_t n[2] = { 0, 0 };
	enum styr_rc rc = store_prepare(s, "SELECT place, title FROM standard_item"
	                                " ORDER BY place DESC, position", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		int k = strcmp(stmt_text(st, 0), "before") ? 1 : 0;
		v[k] = xrealloc(v[k], (n[k] + 2) * sizeof(*v[k]));
		v[k][n[k]++] = xstrdup(stmt_text(st, 1));
		v[k][n[k]] = NULL;
	}
	stmt_finalize(st);
	for(int k = 0; k < 2; k++)
		if(!v[k])
			v[k] = xcalloc(1, sizeof(*v[k]));
	if(!rc && !n[0] && !n[1]) {
		free(v[0]);
		free(v[1]);
		v[0] = dup_list(default_before, &n[0]);
		v[1] = dup_list(default_after, &n[1]);
	}
	*before = v[0];
	*nbefore = n[0];
	*after = v[1];
	*nafter = n[1];
	return rc;
}

static char *dup_col(struct store_stmt *st, int col)
{
	const char *t = stmt_text(st, col);
	return t ? xstrdup(t) : NULL;
}

static struct date date_col(struct store_stmt *st, int col)
{
	struct date d = { 0, 0, 0 };
	const char *t = stmt_text(st, col);
	if(t)
		date_parse_iso(t, &d);
	return d;
}

enum styr_rc meeting_dates_list(struct store *s, struct date **out, size_t *count,
                                struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t n = 0, cap = 0;
	struct date *v = NULL;
	enum styr_rc rc = store_prepare(s, "SELECT date FROM meeting ORDER BY date", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(v, n, cap);
		v[n++] = date_col(st, 0);
	}
	stmt_finalize(st);
	if(rc) {
		free(v);
		return rc;
	}
	*out = v;
	*count = n;
	return STYR_OK;
}

static enum styr_rc not_found(struct store *s, const char *date, struct styr_error *err)
{
	struct date *all = NULL;
	size_t n = 0;
	struct strbuf known = STRBUF_INIT;
	if(!meeting_dates_list(s, &all, &n, err)) {
		for(size_t i = 0; i < n; i++) {
			char iso[11];
			date_format_iso(all[i], iso);
			strbuf_addf(&known, "%s%s", i ? ", " : "", iso);
		}
		free(all);
	}
	enum styr_rc rc = styr_error_set(err, STYR_ENOTFOUND, "no meeting on '%s' (known: %s)",
	                                 date, known.len ? known.buf : "none");
	strbuf_release(&known);
	return rc;
}

enum styr_rc meeting_find(struct store *s, const char *date, int64_t *id,
                          struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, "SELECT id FROM meeting WHERE date = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, date);
	rc = stmt_step(st, &row, err);
	if(!rc && row)
		*id = stmt_int(st, 0);
	stmt_finalize(st);
	if(!rc && !row)
		rc = not_found(s, date, err);
	return rc;
}

static enum styr_rc read_meeting(struct store *s, const char *date, struct protocol *p,
                                 int64_t *id, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT m.id, m.date, m.start_time, m.end_time, m.place, m.remote,"
	    " c.name, s.name, m.justering_date, (SELECT name FROM committee ORDER BY id LIMIT 1)"
	    " FROM meeting m LEFT JOIN person c ON c.id = m.chair_id"
	    " LEFT JOIN person s ON s.id = m.secretary_id WHERE m.date = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, date);
	rc = stmt_step(st, &row, err);
	if(!rc && row) {
		*id = stmt_int(st, 0);
		p->date = date_col(st, 1);
		p->start = dup_col(st, 2);
		p->end = dup_col(st, 3);
		p->place = dup_col(st, 4);
		p->remote = stmt_int(st, 5) != 0;
		p->chair = dup_col(st, 6);
		p->secretary = dup_col(st, 7);
		p->justering = date_col(st, 8);
		p->committee = dup_col(st, 9);
	}
	stmt_finalize(st);
	if(!rc && !row)
		rc = not_found(s, date, err);
	return rc;
}

static enum styr_rc read_people(struct store *s, int64_t id, struct protocol *p,
                                struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	enum styr_rc rc = store_prepare(s,
	    "SELECT p.key, p.name, a.role, coalesce(a.title, p.title),"
	    " coalesce(a.party, p.party), mu.name, sf.name, a.remote"
	    " FROM meeting_attendance a JOIN person p ON p.id = a.person_id"
	    " LEFT JOIN municipality mu ON mu.id = coalesce(a.municipality_id, p.municipality_id)"
	    " LEFT JOIN person sf ON sf.id = a.serving_for_id"
	    " WHERE a.meeting_id = ? ORDER BY a.id", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(p->people, p->npeople, cap);
		struct attendee *a = &p->people[p->npeople++];
		a->key = dup_col(st, 0);
		a->name = dup_col(st, 1);
		if(!attendee_role_parse(stmt_text(st, 2), &a->role)) {
			rc = styr_error_set(err, STYR_EDB, "meeting_attendance %s: unknown role '%s'",
			                    a->key, stmt_text(st, 2) ? stmt_text(st, 2) : "");
			break;
		}
		a->title = dup_col(st, 3);
		a->party = dup_col(st, 4);
		a->municipality = dup_col(st, 5);
		a->serving_for = dup_col(st, 6);
		a->remote = stmt_int(st, 7) != 0;
	}
	stmt_finalize(st);
	if(rc)
		return rc;

	cap = 0;
	rc = store_prepare(s, "SELECT p.name FROM meeting_justerare j JOIN person p"
	                      " ON p.id = j.person_id WHERE j.meeting_id = ? ORDER BY j.id", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(p->justerare, p->njusterare, cap);
		p->justerare[p->njusterare++] = dup_col(st, 0);
	}
	stmt_finalize(st);
	return rc;
}

static struct agenda_entry *item_by_number(struct protocol *p, int number)
{
	for(size_t i = 0; i < p->nitems; i++)
		if(p->items[i].number == number)
			return &p->items[i];
	return NULL;
}

/* One list of a § (basis documents, delegation decisions, messages). */
static enum styr_rc read_lists(struct store *s, int64_t id, struct protocol *p,
                               struct styr_error *err)
{
	static const char *const sql[] = {
		"SELECT paragraph, title, file, report FROM basis_document WHERE meeting_id = ? ORDER BY id",
		"SELECT paragraph, title, case_number, decided FROM delegation_decision"
		" WHERE meeting_id = ? ORDER BY id",
		"SELECT paragraph, title, NULL, NULL FROM meeting_message WHERE meeting_id = ? ORDER BY id",
	};
	enum styr_rc rc = STYR_OK;
	for(size_t k = 0; !rc && k < 3; k++) {
		struct store_stmt *st;
		bool row;
		rc = store_prepare(s, sql[k], &st, err);
		if(rc)
			return rc;
		stmt_bind_int(st, 1, id);
		while(!(rc = stmt_step(st, &row, err)) && row) {
			struct agenda_entry *it = item_by_number(p, (int)stmt_int(st, 0));
			if(!it)
				continue; /* cannot happen: triggers keep paragraphs valid */
			if(k == 0) {
				it->basis = xrealloc(it->basis, (it->nbasis + 1) * sizeof(*it->basis));
				it->basis_file = xrealloc(it->basis_file, (it->nbasis + 1) * sizeof(char *));
				it->basis_report = xrealloc(it->basis_report, (it->nbasis + 1) * sizeof(char *));
				it->basis_file[it->nbasis] = dup_col(st, 2);
				it->basis_report[it->nbasis] = dup_col(st, 3);
				it->basis[it->nbasis++] = dup_col(st, 1);
			} else if(k == 1) {
				it->delegations = xrealloc(it->delegations,
				    (it->ndelegations + 1) * sizeof(*it->delegations));
				struct delegation_item *d = &it->delegations[it->ndelegations++];
				d->title = dup_col(st, 1);
				d->case_number = dup_col(st, 2);
				d->date = date_col(st, 3);
			} else {
				it->messages = xrealloc(it->messages, (it->nmessages + 1) * sizeof(*it->messages));
				it->messages[it->nmessages++] = dup_col(st, 1);
			}
		}
		stmt_finalize(st);
	}
	return rc;
}

static enum styr_rc read_items(struct store *s, int64_t id, struct protocol *p,
                               struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	enum styr_rc rc = store_prepare(s,
	    "SELECT number, title, heading, case_number, description, proposal, decision,"
	    " period_from, period_to, (SELECT name FROM person WHERE id = officer_id), consequences"
	    " FROM agenda_item WHERE meeting_id = ? ORDER BY number",
	    &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(p->items, p->nitems, cap);
		struct agenda_entry *it = &p->items[p->nitems++];
		memset(it, 0, sizeof(*it));
		it->number = (int)stmt_int(st, 0);
		it->title = dup_col(st, 1);
		it->heading = dup_col(st, 2);
		it->case_number = dup_col(st, 3);
		it->description = dup_col(st, 4);
		it->proposal = dup_col(st, 5);
		it->decision = dup_col(st, 6);
		it->period_from = date_col(st, 7);
		it->period_to = date_col(st, 8);
		it->officer = dup_col(st, 9);
		it->consequences = dup_col(st, 10);
	}
	stmt_finalize(st);
	if(!rc)
		rc = read_lists(s, id, p, err);
	return rc;
}

static enum styr_rc read_anslag(struct store *s, int64_t id, struct protocol *p,
                                struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	enum styr_rc rc = store_prepare(s,
	    "SELECT mu.code, mu.name, a.date, a.stated_until, a.storage_place, pb.name"
	    " FROM anslag a JOIN municipality mu ON mu.id = a.municipality_id"
	    " LEFT JOIN person pb ON pb.id = a.posted_by_id"
	    " WHERE a.meeting_id = ? ORDER BY mu.code", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, id);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(p->anslag, p->nanslag, cap);
		struct anslag_entry *a = &p->anslag[p->nanslag++];
		a->code = dup_col(st, 0);
		a->municipality = dup_col(st, 1);
		a->date = date_col(st, 2);
		a->stated_until = date_col(st, 3);
		a->storage_place = dup_col(st, 4);
		a->posted_by = dup_col(st, 5);
	}
	stmt_finalize(st);
	return rc;
}

enum styr_rc meeting_protocol(struct store *s, const char *date, struct protocol *out,
                              struct styr_error *err)
{
	int64_t id = 0;
	memset(out, 0, sizeof(*out));
	enum styr_rc rc = read_meeting(s, date, out, &id, err);
	if(!rc)
		rc = read_people(s, id, out, err);
	if(!rc)
		rc = read_items(s, id, out, err);
	if(!rc)
		rc = read_anslag(s, id, out, err);
	if(!rc)
		rc = org_member_count(s, &out->nmembers, err);
	if(rc)
		protocol_release(out);
	return rc;
}

static void free_strings(char **v, size_t n)
{
	for(size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void protocol_release(struct protocol *p)
{
	free(p->committee);
	free(p->start);
	free(p->end);
	free(p->place);
	free(p->chair);
	free(p->secretary);
	for(size_t i = 0; i < p->npeople; i++) {
		struct attendee *a = &p->people[i];
		free(a->key); free(a->name); free(a->title);
		free(a->party); free(a->municipality); free(a->serving_for);
	}
	free(p->people);
	free_strings(p->justerare, p->njusterare);
	for(size_t i = 0; i < p->nitems; i++) {
		struct agenda_entry *it = &p->items[i];
		free(it->title); free(it->heading); free(it->case_number);
		free(it->description); free(it->proposal); free(it->decision);
		free(it->officer); free(it->consequences);
		free_strings(it->basis_file, it->nbasis);
		free_strings(it->basis_report, it->nbasis);
		free_strings(it->basis, it->nbasis);
		for(size_t k = 0; k < it->ndelegations; k++) {
			free(it->delegations[k].case_number);
			free(it->delegations[k].title);
		}
		free(it->delegations);
		free_strings(it->messages, it->nmessages);
	}
	free(p->items);
	for(size_t i = 0; i < p->nanslag; i++) {
		struct anslag_entry *a = &p->anslag[i];
		free(a->code); free(a->municipality); free(a->storage_place); free(a->posted_by);
	}
	free(p->anslag);
	memset(p, 0, sizeof(*p));
}

/* What a warning adds when lag 1930:173 moved the deadline. */
#define MOVED_WORDS ", moved to the next working day by lag 1930:173"

void meeting_deadlines(const struct protocol *p, size_t nmembers,
                       struct meeting_deadlines *out, struct findings *warn)
{
	char m[11], a[11], b[11];
	struct findings ignored = FINDINGS_INIT;
	if(!warn)
		warn = &ignored;
	date_format_iso(p->date, m);
	memset(out, 0, sizeof(*out));
	out->justering_deadline = legal_justering_deadline(p->date);
	out->anslag_deadline = legal_anslag_deadline(p->justering.year ? p->justering
	                                                                 : out->justering_deadline);
	if(p->justering.year && date_cmp(p->justering, out->justering_deadline) > 0) {
		date_format_iso(p->justering, a);
		date_format_iso(out->justering_deadline, b);
		findings_add(warn, "meeting %s: justering %s is after the deadline %s (meeting + %d days%s)",
		             m, a, b, LEGAL_JUSTERING_DAYS,
		             legal_moved(p->date, LEGAL_JUSTERING_DAYS, out->justering_deadline)
		             ? MOVED_WORDS : "");
	}
	struct date from = p->justering.year ? p->justering : out->justering_deadline;
	const char *moved = legal_moved(from, LEGAL_ANSLAG_DAYS, out->anslag_deadline)
	                    ? MOVED_WORDS : "";
	struct date *posted = p->nanslag ? xmalloc(p->nanslag * sizeof(*posted)) : NULL;
	for(size_t i = 0; i < p->nanslag; i++) {
		posted[i] = p->anslag[i].date;
		if(date_cmp(p->anslag[i].date, out->anslag_deadline) > 0) {
			date_format_iso(p->anslag[i].date, a);
			date_format_iso(out->anslag_deadline, b);
			findings_add(warn, "meeting %s: anslag in %s %s is after the deadline %s "
			             "(justering + %d days%s)", m, p->anslag[i].municipality, a, b,
			             LEGAL_ANSLAG_DAYS, moved);
		}
	}
	if(p->nanslag) {
		out->has_appeal = true;
		legal_appeal(posted, p->nanslag, NULL, &out->appeal);
	}
	free(posted);
	out->missing_members = nmembers > p->nanslag ? nmembers - p->nanslag : 0;
	/* The "till och med" a document printed for the appeal period: a day
	** later tells the citizen a day too many, an earlier one too few. The
	** report prints the lawful day. */
	for(size_t i = 0; i < p->nanslag; i++) {
		const struct anslag_entry *e = &p->anslag[i];
		int c = e->stated_until.year ? date_cmp(e->stated_until, out->appeal.last_day) : 0;
		if(!c)
			continue;
		char f[11];
		date_format_iso(e->stated_until, a);
		date_format_iso(out->appeal.last_day, b);
		date_format_iso(out->appeal.anslag, f);
		findings_add(warn, "meeting %s: the anslag in %s states the appeal period until %s, "
		             "%s than the law gives: the last day of appeal is %s (%s + %d days, lag "
		             "1930:173); the report prints %s", m, e->municipality, a,
		             c > 0 ? "later" : "earlier", b, f, LEGAL_APPEAL_DAYS, b);
	}
	findings_release(&ignored);
}

const struct anslag_entry *protocol_anslag(const struct protocol *p, const char *code)
{
	for(size_t i = 0; i < p->nanslag; i++)
		if(!strcmp(p->anslag[i].code, code))
			return &p->anslag[i];
	return NULL;
}

enum styr_rc meeting_year_first(struct store *s, int year, int *first, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	*first = 1;
	enum styr_rc rc = store_prepare(s, "SELECT first FROM paragraph_start WHERE year = ?",
	                                &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, year);
	rc = stmt_step(st, &row, err);
	if(!rc && row)
		*first = (int)stmt_int(st, 0);
	stmt_finalize(st);
	return rc;
}

/* § numbers of the year: from the year's first (1, or its
** paragraph_starts) at the first meeting, no gaps. */
static enum styr_rc check_numbering(struct store *s, struct findings *f,
                                    struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	int year = 0, last = 0, first = 1;
	enum styr_rc rc = store_prepare(s,
	    "SELECT m.date, i.number FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id"
	    " ORDER BY m.date, i.number", &st, err);
	if(rc)
		return rc;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		const char *date = stmt_text(st, 0);
		int y = atoi(date), n = (int)stmt_int(st, 1);
		if(y != year) {
			year = y;
			rc = meeting_year_first(s, y, &first, err);
			if(rc)
				break;
			last = first - 1;
			if(n != first)
				findings_add(f, "meeting %s: the year's first § is §%d, expected §%d (§ "
				             "numbers run from %d at the year's first meeting%s)", date, n,
				             first, first, first == 1 ? "; a year that starts later says so "
				             "in paragraph_starts" : ", as paragraph_starts says");
			last = n;
			continue;
		}
		if(n != last + 1)
			findings_add(f, "meeting %s: §%d follows §%d of %d (§ numbers run on through the "
			             "year without gaps)", date, n, last, y);
		last = n;
	}
	stmt_finalize(st);
	return rc;
}

/* Is the case number (any spelling) among the registered cases? */
static bool case_known(const struct case_style *style, const struct case_row *cases, size_t n,
                       const char *number)
{
	struct casenum c;
	struct strbuf norm = STRBUF_INIT;
	bool found = false;
	if(!case_style_parse(style, number, &c) && !casenum_parse(number, NULL, CASENUM_ANY, &c))
		return false;
	casenum_normalise(&c, &norm);
	casenum_release(&c);
	for(size_t i = 0; i < n && !found; i++)
		found = !strcmp(cases[i].norm, norm.buf);
	strbuf_release(&norm);
	return found;
}

/* The case numbers of a protocol must be registered cases, once the
** cases section holds any (the cases module owns the register). */
static void check_cases(const struct protocol *p, const struct case_style *style,
                        const struct case_row *cases, size_t n, struct findings *f)
{
	char iso[11];
	if(!n)
		return;
	date_format_iso(p->date, iso);
	for(size_t i = 0; i < p->nitems; i++) {
		const struct agenda_entry *it = &p->items[i];
		if(it->case_number && !case_known(style, cases, n, it->case_number))
			findings_add(f, "meeting %s §%d: case %s is not in the case register",
			             iso, it->number, it->case_number);
		for(size_t k = 0; k < it->ndelegations; k++) {
			const char *c = it->delegations[k].case_number;
			if(c && !case_known(style, cases, n, c))
				findings_add(f, "meeting %s §%d: delegation decision %s is not in the case "
				             "register", iso, it->number, c);
		}
	}
}

/* Delegation decisions reported at a § fall within its period. */
static void check_periods(const struct protocol *p, struct findings *f)
{
	char iso[11], a[11], b[11], c[11];
	date_format_iso(p->date, iso);
	for(size_t i = 0; i < p->nitems; i++) {
		const struct agenda_entry *it = &p->items[i];
		if(!it->period_from.year || !it->period_to.year)
			continue;
		date_format_iso(it->period_from, a);
		date_format_iso(it->period_to, b);
		if(date_cmp(it->period_from, it->period_to) > 0)
			findings_add(f, "meeting %s §%d: delegation period %s – %s ends before it begins",
			             iso, it->number, a, b);
		for(size_t k = 0; k < it->ndelegations; k++) {
			const struct delegation_item *d = &it->delegations[k];
			if(!d->date.year || (date_cmp(d->date, it->period_from) >= 0
			                     && date_cmp(d->date, it->period_to) <= 0))
				continue;
			date_format_iso(d->date, c);
			findings_add(f, "meeting %s §%d: delegation decision %s of %s is outside the "
			             "period reported, %s – %s", iso, it->number,
			             d->case_number ? d->case_number : d->title, c, a, b);
		}
	}
}

enum styr_rc meetings_check(struct store *s, struct findings *f, struct styr_error *err)
{
	struct case_row *cases = NULL;
	size_t ncases = 0;
	struct date *dates = NULL;
	size_t n = 0;
	struct case_style style = { NULL, CASENUM_ANY };
	enum styr_rc rc = case_list(s, NULL, &cases, &ncases, err);
	if(!rc)
		rc = control_case_style(s, &style, err);
	if(!rc)
		rc = meeting_dates_list(s, &dates, &n, err);
	for(size_t i = 0; !rc && i < n; i++) {
		struct protocol p;
		struct member *mem = NULL;
		size_t nmem = 0;
		struct meeting_deadlines dl;
		char iso[11];
		date_format_iso(dates[i], iso);
		rc = meeting_protocol(s, iso, &p, err);
		if(rc)
			break;
		rc = org_members(s, dates[i], &mem, &nmem, err);
		members_free(mem, nmem);
		if(!rc) {
			meeting_deadlines(&p, nmem, &dl, f);
			bool chair_present = !p.chair;
			for(size_t k = 0; k < p.npeople; k++)
				if(p.chair && !strcmp(p.people[k].name, p.chair))
					chair_present = true;
			if(!chair_present)
				findings_add(f, "meeting %s: the chair %s is not in the attendance", iso, p.chair);
			check_cases(&p, &style, cases, ncases, f);
			check_periods(&p, f);
		}
		protocol_release(&p);
	}
	free(dates);
	case_rows_free(cases, ncases);
	case_style_release(&style);
	if(!rc)
		rc = check_numbering(s, f, err);
	return rc;
}
