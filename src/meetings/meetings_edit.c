/*
** meetings_edit.c — the changes of `styr meeting …` (see meetings.h):
** each is one transaction that writes its audit entries, and each refusal
** names the meeting and, where one is concerned, the paragraph.
*/
#include "meetings/meetings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/jsonw.h"
#include "base/strbuf.h"
#include "db/store.h"

/* Run one statement with text parameters (NULL binds null). */
static enum styr_rc exec_text(struct store *s, const char *sql, const char *const *args,
                              int nargs, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, sql, &st, err);
	if(rc)
		return rc;
	for(int i = 0; i < nargs; i++)
		stmt_bind_text(st, i + 1, args[i]);
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	return rc;
}

/* One integer (or text as *text, owned by the caller) from a query with
** text parameters; *found false when there is no row or it is null. */
static enum styr_rc query_one(struct store *s, const char *sql, const char *const *args,
                              int nargs, int64_t *num, char **text, bool *found,
                              struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, sql, &st, err);
	if(rc)
		return rc;
	for(int i = 0; i < nargs; i++)
		stmt_bind_text(st, i + 1, args[i]);
	rc = stmt_step(st, &row, err);
	*found = !rc && row && !stmt_is_null(st, 0);
	if(*found && num)
		*num = stmt_int(st, 0);
	if(*found && text)
		*text = xstrdup(stmt_text(st, 0));
	stmt_finalize(st);
	return rc;
}

/* A JSON object of key/value pairs (values NULL are left out). */
static void json_pairs(struct strbuf *sb, const char *const *kv, size_t n)
{
	struct jsonw w;
	jsonw_init(&w, jsonw_strbuf_sink, sb, false);
	jsonw_object_begin(&w);
	for(size_t i = 0; i + 1 < n; i += 2)
		if(kv[i + 1])
			jsonw_kv_string(&w, kv[i], kv[i + 1]);
	jsonw_object_end(&w);
}

static enum styr_rc audit_pairs(struct store *s, const char *table, const char *key,
                                const char *const *old_kv, size_t nold,
                                const char *const *new_kv, size_t nnew,
                                struct styr_error *err)
{
	struct strbuf o = STRBUF_INIT, n = STRBUF_INIT;
	if(old_kv)
		json_pairs(&o, old_kv, nold);
	if(new_kv)
		json_pairs(&n, new_kv, nnew);
	enum styr_rc rc = store_audit(s, table, key, old_kv ? o.buf : NULL,
	                              new_kv ? n.buf : NULL, err);
	strbuf_release(&o);
	strbuf_release(&n);
	return rc;
}

static enum styr_rc finish(struct store *s, enum styr_rc rc, struct styr_error *err)
{
	if(!rc)
		rc = store_commit(s, err);
	if(rc)
		store_rollback(s);
	return rc;
}

static bool valid_date(const char *s, struct date *d)
{
	return s && date_parse_iso(s, d);
}

static bool valid_time(const char *t)
{
	return t && strlen(t) == 5 && t[0] >= '0' && t[0] <= '2' && t[1] >= '0' && t[1] <= '9'
	    && t[2] == ':' && t[3] >= '0' && t[3] <= '5' && t[4] >= '0' && t[4] <= '9'
	    && (t[0] < '2' || t[1] <= '3');
}

static enum styr_rc person_exists(struct store *s, const char *key, struct styr_error *err)
{
	bool found;
	const char *args[] = { key };
	enum styr_rc rc = query_one(s, "SELECT id FROM person WHERE key = ?", args, 1, NULL,
	                            NULL, &found, err);
	if(!rc && !found)
		rc = styr_error_set(err, STYR_ENOTFOUND, "no person with key '%s' (see styr org)", key);
	return rc;
}

/* What a warning adds when lag 1930:173 moved the deadline. */
#define MOVED_WORDS ", moved to the next working day by lag 1930:173"

enum styr_rc meeting_create(struct store *s, const struct meeting_new *m,
                            struct styr_error *err)
{
	struct date d;
	bool found;
	int64_t id;
	enum styr_rc rc;

	if(!valid_date(m->date, &d))
		return styr_error_set(err, STYR_EINVAL, "meeting date: expected YYYY-MM-DD, found '%s'",
		                      m->date ? m->date : "");
	if((m->start && !valid_time(m->start)) || (m->end && !valid_time(m->end)))
		return styr_error_set(err, STYR_EINVAL, "meeting %s: time: expected HH:MM, found '%s'",
		                      m->date, m->start && !valid_time(m->start) ? m->start : m->end);
	rc = store_begin(s, err);
	if(rc)
		return rc;
	const char *args[] = { m->date };
	rc = query_one(s, "SELECT id FROM meeting WHERE date = ?", args, 1, &id, NULL, &found, err);
	if(!rc && found)
		rc = styr_error_set(err, STYR_ECONFLICT, "meeting %s: already exists", m->date);
	if(!rc && m->chair)
		rc = person_exists(s, m->chair, err);
	if(!rc && m->secretary)
		rc = person_exists(s, m->secretary, err);
	if(!rc) {
		const char *ins[] = { m->date, m->start, m->end, m->place, m->remote ? "1" : "0",
		                      m->chair, m->secretary };
		rc = exec_text(s, "INSERT INTO meeting(date, start_time, end_time, place, remote,"
		               " chair_id, secretary_id) VALUES(?, ?, ?, ?, CAST(? AS INTEGER),"
		               " (SELECT id FROM person WHERE key = ?),"
		               " (SELECT id FROM person WHERE key = ?))", ins, 7, err);
	}
	if(!rc) {
		const char *kv[] = { "date", m->date, "start_time", m->start, "end_time", m->end,
		                     "place", m->place, "remote", m->remote ? "1" : "0",
		                     "chair", m->chair, "secretary", m->secretary };
		rc = audit_pairs(s, "meeting", m->date, NULL, 0, kv, 14, err);
	}
	return finish(s, rc, err);
}

enum styr_rc meeting_attend(struct store *s, const char *date,
                            const struct meeting_attend *a, struct styr_error *err)
{
	enum attendee_role role;
	int64_t id;
	if(!attendee_role_parse(a->role, &role)) {
		struct strbuf sb = STRBUF_INIT;
		for(int r = 0; r < ROLE_NKINDS; r++)
			strbuf_addf(&sb, "%s%s", !r ? "" : r + 1 < ROLE_NKINDS ? ", " : " or ",
			            attendee_role_names[r]);
		enum styr_rc rc = styr_error_set(err, STYR_EINVAL, "meeting %s: role: expected %s, "
		                                 "found '%s'", date, sb.buf, a->role ? a->role : "");
		strbuf_release(&sb);
		return rc;
	}
	if((role == ROLE_SERVING_SUBSTITUTE) != (a->serving_for != NULL))
		return styr_error_set(err, STYR_EINVAL, "meeting %s: %s: a %s, and only one, names "
		                      "the member served for (--for)", date, a->person,
		                      attendee_role_names[ROLE_SERVING_SUBSTITUTE]);
	enum styr_rc rc = store_begin(s, err);
	if(rc)
		return rc;
	rc = meeting_find(s, date, &id, err);
	if(!rc)
		rc = person_exists(s, a->person, err);
	if(!rc && a->serving_for)
		rc = person_exists(s, a->serving_for, err);
	if(!rc) {
		const char *ins[] = { date, a->person, attendee_role_names[role], a->serving_for, a->title,
		                      a->remote ? "1" : "0" };
		rc = exec_text(s, "INSERT INTO meeting_attendance(meeting_id, person_id, role,"
		               " serving_for_id, title, remote) VALUES("
		               " (SELECT id FROM meeting WHERE date = ?), (SELECT id FROM person WHERE key = ?),"
		               " ?, (SELECT id FROM person WHERE key = ?), ?, CAST(? AS INTEGER))", ins, 6, err);
		if(rc == STYR_ECONFLICT)
			rc = styr_error_set(err, STYR_ECONFLICT, "meeting %s: %s is already in the attendance",
			                    date, a->person);
	}
	if(!rc) {
		struct strbuf key = STRBUF_INIT;
		strbuf_addf(&key, "%s/%s", date, a->person);
		const char *kv[] = { "role", attendee_role_names[role], "serving_for", a->serving_for, "title", a->title,
		                     "remote", a->remote ? "1" : "0" };
		rc = audit_pairs(s, "meeting_attendance", key.buf, NULL, 0, kv, 8, err);
		strbuf_release(&key);
	}
	return finish(s, rc, err);
}

/* Max (or min) § of the other meetings of the year before (after) date. */
static enum styr_rc year_bound(struct store *s, const char *date, bool before,
                               int64_t *number, char **other, bool *found,
                               struct styr_error *err)
{
	const char *args[] = { date, date };
	const char *sql = before
	    ? "SELECT i.number, m.date FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id"
	      " WHERE substr(m.date, 1, 4) = substr(?1, 1, 4) AND m.date < ?2"
	      " ORDER BY i.number DESC LIMIT 1"
	    : "SELECT i.number, m.date FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id"
	      " WHERE substr(m.date, 1, 4) = substr(?1, 1, 4) AND m.date > ?2"
	      " ORDER BY i.number LIMIT 1";
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, sql, &st, err);
	if(rc)
		return rc;
	for(int i = 0; i < 2; i++)
		stmt_bind_text(st, i + 1, args[i]);
	rc = stmt_step(st, &row, err);
	*found = !rc && row;
	if(*found) {
		*number = stmt_int(st, 0);
		*other = xstrdup(stmt_text(st, 1));
	}
	stmt_finalize(st);
	return rc;
}

/* "§§6-8 are free" / "§6 is free" / "no § number is free". */
static void free_numbers(struct strbuf *sb, int64_t lo, int64_t hi)
{
	if(hi < lo)
		strbuf_addstr(sb, "no § number is free");
	else if(hi == lo)
		strbuf_addf(sb, "only §%lld is free", (long long)lo);
	else
		strbuf_addf(sb, "§§%lld-%lld are free", (long long)lo, (long long)hi);
}

enum styr_rc meeting_add_items(struct store *s, const char *date,
                               const char *const *titles, const char *const *cases,
                               size_t n, int *first_out, struct styr_error *err)
{
	int64_t id, prev = 0, own = 0, next = 0;
	char *prev_date = NULL, *next_date = NULL;
	bool has_prev = false, has_next = false, has_own = false;
	int year_first = 1;
	enum styr_rc rc = store_begin(s, err);
	if(rc)
		return rc;
	rc = meeting_find(s, date, &id, err);
	if(!rc)
		rc = meeting_year_first(s, atoi(date), &year_first, err);
	if(!rc)
		rc = year_bound(s, date, true, &prev, &prev_date, &has_prev, err);
	if(!rc)
		rc = year_bound(s, date, false, &next, &next_date, &has_next, err);
	if(!rc) {
		const char *args[] = { date };
		rc = query_one(s, "SELECT max(number) FROM agenda_item WHERE meeting_id ="
		               " (SELECT id FROM meeting WHERE date = ?)", args, 1, &own, NULL,
		               &has_own, err);
	}
	if(!has_prev)
		prev = year_first - 1;   /* the year's first meeting starts at its first § */
	int64_t first = (has_own && own > prev ? own : prev) + 1;
	if(!rc && has_next && first + (int64_t)n - 1 >= next) {
		struct strbuf why = STRBUF_INIT;
		if(has_prev)
			strbuf_addf(&why, "between §%lld of %s and §%lld of %s", (long long)prev,
			            prev_date, (long long)next, next_date);
		else
			strbuf_addf(&why, "before §%lld of %s", (long long)next, next_date);
		strbuf_addstr(&why, ", ");
		free_numbers(&why, first, next - 1);
		rc = styr_error_set(err, STYR_ECONFLICT,
		    "meeting %s: %zu item%s do%s not fit %s (§ numbers run on through the year "
		    "and are never reused)", date, n, n == 1 ? "" : "s", n == 1 ? "es" : "", why.buf);
		strbuf_release(&why);
	}
	for(size_t i = 0; !rc && i < n; i++) {
		char num[24];
		snprintf(num, sizeof(num), "%lld", (long long)(first + (int64_t)i));
		if(!titles[i] || !*titles[i]) {
			rc = styr_error_set(err, STYR_EINVAL, "meeting %s: §%s: expected a title", date, num);
			break;
		}
		const char *ins[] = { date, num, titles[i], cases ? cases[i] : NULL };
		rc = exec_text(s, "INSERT INTO agenda_item(meeting_id, number, title, case_number)"
		               " VALUES((SELECT id FROM meeting WHERE date = ?), CAST(? AS INTEGER), ?, ?)",
		               ins, 4, err);
		if(rc == STYR_ECONFLICT)
			rc = styr_error_set(err, STYR_ECONFLICT, "meeting %s: §%s collides with another "
			                    "meeting of the year", date, num);
		if(!rc) {
			struct strbuf key = STRBUF_INIT;
			strbuf_addf(&key, "%s/%s", date, num);
			const char *kv[] = { "number", num, "title", titles[i], "case_number",
			                     cases ? cases[i] : NULL };
			rc = audit_pairs(s, "agenda_item", key.buf, NULL, 0, kv, 6, err);
			strbuf_release(&key);
		}
	}
	free(prev_date);
	free(next_date);
	if(!rc)
		*first_out = (int)first;
	return finish(s, rc, err);
}

/* "§§1-7", "§3" or "no paragraphs" for messages. */
static void paragraph_range(struct store *s, const char *date, struct strbuf *sb)
{
	struct styr_error ignored;
	int64_t lo = 0, hi = 0;
	bool f1 = false, f2 = false;
	const char *args[] = { date };
	query_one(s, "SELECT min(number) FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id"
	          " WHERE m.date = ?", args, 1, &lo, NULL, &f1, &ignored);
	query_one(s, "SELECT max(number) FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id"
	          " WHERE m.date = ?", args, 1, &hi, NULL, &f2, &ignored);
	if(!f1 || !f2)
		strbuf_addstr(sb, "no paragraphs");
	else if(lo == hi)
		strbuf_addf(sb, "§%lld", (long long)lo);
	else
		strbuf_addf(sb, "§§%lld-%lld", (long long)lo, (long long)hi);
}

enum styr_rc meeting_decide(struct store *s, const char *date, int number,
                            const struct meeting_decision *d, struct styr_error *err)
{
	int64_t id, item = 0;
	bool found;
	char num[24];
	enum styr_rc rc = store_begin(s, err);
	if(rc)
		return rc;
	snprintf(num, sizeof(num), "%d", number);
	rc = meeting_find(s, date, &id, err);
	if(!rc) {
		const char *args[] = { date, num };
		rc = query_one(s, "SELECT i.id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id"
		               " WHERE m.date = ? AND i.number = CAST(? AS INTEGER)", args, 2, &item,
		               NULL, &found, err);
		if(!rc && !found) {
			struct strbuf range = STRBUF_INIT;
			paragraph_range(s, date, &range);
			rc = styr_error_set(err, STYR_ENOTFOUND, "meeting %s: no §%d (the meeting has %s)",
			                    date, number, range.buf);
			strbuf_release(&range);
		}
	}
	char *old[3] = { NULL, NULL, NULL };
	if(!rc) {
		struct store_stmt *st;
		bool row;
		rc = store_prepare(s, "SELECT description, proposal, decision FROM agenda_item"
		                      " WHERE id = ?", &st, err);
		if(!rc) {
			stmt_bind_int(st, 1, item);
			rc = stmt_step(st, &row, err);
			for(int k = 0; !rc && row && k < 3; k++)
				old[k] = stmt_text(st, k) ? xstrdup(stmt_text(st, k)) : NULL;
			stmt_finalize(st);
		}
	}
	if(!rc) {
		const char *upd[] = { d->description, d->proposal, d->decision, date, num };
		rc = exec_text(s, "UPDATE agenda_item SET description = coalesce(?, description),"
		               " proposal = coalesce(?, proposal), decision = coalesce(?, decision)"
		               " WHERE id = (SELECT i.id FROM agenda_item i JOIN meeting m"
		               " ON m.id = i.meeting_id WHERE m.date = ? AND i.number = CAST(? AS INTEGER))",
		               upd, 5, err);
	}
	struct strbuf key = STRBUF_INIT;
	strbuf_addf(&key, "%s/%d", date, number);
	if(!rc) {
		const char *okv[] = { "description", old[0], "proposal", old[1], "decision", old[2] };
		const char *nkv[] = { "description", d->description ? d->description : old[0],
		                      "proposal", d->proposal ? d->proposal : old[1],
		                      "decision", d->decision ? d->decision : old[2] };
		rc = audit_pairs(s, "agenda_item", key.buf, okv, 6, nkv, 6, err);
	}
	for(size_t i = 0; !rc && i < d->nbasis; i++) {
		const char *ins[] = { date, num, d->basis[i] };
		rc = exec_text(s, "INSERT INTO basis_document(meeting_id, paragraph, title) VALUES("
		               "(SELECT id FROM meeting WHERE date = ?), CAST(? AS INTEGER), ?)", ins, 3, err);
		if(!rc) {
			const char *kv[] = { "paragraph", num, "title", d->basis[i] };
			rc = audit_pairs(s, "basis_document", key.buf, NULL, 0, kv, 4, err);
		}
	}
	strbuf_release(&key);
	for(int k = 0; k < 3; k++)
		free(old[k]);
	return finish(s, rc, err);
}

/* The names of those present who may justera, for a message. */
static void present_members(struct store *s, const char *date, struct strbuf *sb)
{
	struct store_stmt *st;
	struct styr_error ignored;
	bool row;
	if(store_prepare(s, "SELECT p.key FROM meeting_attendance a JOIN person p ON p.id = a.person_id"
	                    " JOIN meeting m ON m.id = a.meeting_id WHERE m.date = ?"
	                    " AND a.role <> ? ORDER BY a.id", &st, &ignored))
		return;
	stmt_bind_text(st, 1, date);
	stmt_bind_text(st, 2, attendee_role_names[ROLE_OFFICIAL]);
	while(!stmt_step(st, &row, &ignored) && row)
		strbuf_addf(sb, "%s%s", sb->len ? ", " : "", stmt_text(st, 0));
	stmt_finalize(st);
	if(!sb->len)
		strbuf_addstr(sb, "nobody recorded");
}

enum styr_rc meeting_justera(struct store *s, const char *date, const char *justering,
                             const char *const *persons, size_t n,
                             struct findings *warn, struct styr_error *err)
{
	struct date md, jd;
	int64_t id;
	bool found;
	char *first_anslag = NULL;
	enum styr_rc rc;

	if(!valid_date(justering, &jd))
		return styr_error_set(err, STYR_EINVAL, "meeting %s: justering date: expected "
		                      "YYYY-MM-DD, found '%s'", date, justering ? justering : "");
	rc = store_begin(s, err);
	if(rc)
		return rc;
	rc = meeting_find(s, date, &id, err);
	date_parse_iso(date, &md);
	if(!rc && date_cmp(jd, md) < 0)
		rc = styr_error_set(err, STYR_EINVAL, "meeting %s: justering %s is before the meeting",
		                    date, justering);
	if(!rc) {
		const char *args[] = { date };
		rc = query_one(s, "SELECT min(a.date) FROM anslag a JOIN meeting m ON m.id = a.meeting_id"
		               " WHERE m.date = ?", args, 1, NULL, &first_anslag, &found, err);
		if(!rc && found && strcmp(first_anslag, justering) < 0)
			rc = styr_error_set(err, STYR_EINVAL, "meeting %s: anslag %s is recorded before "
			                    "the justering %s", date, first_anslag, justering);
	}
	for(size_t i = 0; !rc && i < n; i++) {
		int64_t pid;
		const char *args[] = { date, persons[i], attendee_role_names[ROLE_OFFICIAL] };
		rc = person_exists(s, persons[i], err);
		if(!rc)
			rc = query_one(s, "SELECT a.id FROM meeting_attendance a JOIN meeting m"
			               " ON m.id = a.meeting_id JOIN person p ON p.id = a.person_id"
			               " WHERE m.date = ? AND p.key = ? AND a.role <> ?",
			               args, 3, &pid, NULL, &found, err);
		if(!rc && !found) {
			struct strbuf present = STRBUF_INIT;
			present_members(s, date, &present);
			rc = styr_error_set(err, STYR_EINVAL, "meeting %s: justerare %s was not present as "
			                    "a member or substitute (present: %s)", date, persons[i],
			                    present.buf);
			strbuf_release(&present);
		}
		if(!rc)
			rc = exec_text(s, "INSERT INTO meeting_justerare(meeting_id, person_id)"
			               " SELECT m.id, p.id FROM meeting m, person p WHERE m.date = ?1"
			               " AND p.key = ?2 AND NOT EXISTS (SELECT 1 FROM meeting_justerare j"
			               " WHERE j.meeting_id = m.id AND j.person_id = p.id)", args, 2, err);
		if(!rc) {
			struct strbuf key = STRBUF_INIT;
			strbuf_addf(&key, "%s/%s", date, persons[i]);
			rc = audit_pairs(s, "meeting_justerare", key.buf, NULL, 0, NULL, 0, err);
			strbuf_release(&key);
		}
	}
	char *old = NULL;
	if(!rc) {
		const char *args[] = { date };
		rc = query_one(s, "SELECT justering_date FROM meeting WHERE date = ?", args, 1, NULL,
		               &old, &found, err);
	}
	if(!rc) {
		const char *upd[] = { justering, date };
		rc = exec_text(s, "UPDATE meeting SET justering_date = ? WHERE date = ?", upd, 2, err);
	}
	if(!rc) {
		const char *okv[] = { "justering_date", old };
		const char *nkv[] = { "justering_date", justering };
		rc = audit_pairs(s, "meeting", date, okv, 2, nkv, 2, err);
	}
	free(old);
	free(first_anslag);
	struct date deadline = legal_justering_deadline(md);
	if(!rc && date_cmp(jd, deadline) > 0) {
		char b[11];
		date_format_iso(deadline, b);
		findings_add(warn, "meeting %s: justering %s is after the deadline %s (meeting + %d days%s)",
		             date, justering, b, LEGAL_JUSTERING_DAYS,
		             legal_moved(md, LEGAL_JUSTERING_DAYS, deadline) ? MOVED_WORDS : "");
	}
	return finish(s, rc, err);
}

enum styr_rc meeting_set_anslag(struct store *s, const char *date,
                                const struct meeting_anslag *a,
                                struct findings *warn, struct styr_error *err)
{
	struct date md, ad, ud, jd = { 0, 0, 0 };
	int64_t id;
	bool found;
	char *code = NULL, *just = NULL;
	enum styr_rc rc;

	if(!valid_date(a->date, &ad))
		return styr_error_set(err, STYR_EINVAL, "meeting %s: anslag date: expected YYYY-MM-DD, "
		                      "found '%s'", date, a->date ? a->date : "");
	if(a->until && !valid_date(a->until, &ud))
		return styr_error_set(err, STYR_EINVAL, "meeting %s: until: expected YYYY-MM-DD, "
		                      "found '%s'", date, a->until);
	rc = store_begin(s, err);
	if(rc)
		return rc;
	rc = meeting_find(s, date, &id, err);
	date_parse_iso(date, &md);
	if(!rc) {
		const char *args[] = { a->municipality ? a->municipality : "" };
		rc = query_one(s, "SELECT code FROM municipality WHERE code = ?1 OR name = ?1", args, 1,
		               NULL, &code, &found, err);
		if(!rc && !found)
			rc = styr_error_set(err, STYR_ENOTFOUND, "meeting %s: no municipality '%s' "
			                    "(expected a code such as 1814 or a name)", date, args[0]);
	}
	if(!rc && a->posted_by)
		rc = person_exists(s, a->posted_by, err);
	if(!rc) {
		const char *args[] = { date };
		rc = query_one(s, "SELECT justering_date FROM meeting WHERE date = ?", args, 1, NULL,
		               &just, &found, err);
		if(just)
			date_parse_iso(just, &jd);
	}
	if(!rc && date_cmp(ad, md) < 0)
		rc = styr_error_set(err, STYR_EINVAL, "meeting %s: anslag %s is before the meeting",
		                    date, a->date);
	if(!rc && jd.year && date_cmp(ad, jd) < 0)
		rc = styr_error_set(err, STYR_EINVAL, "meeting %s: anslag %s is before the justering %s",
		                    date, a->date, just);
	char *old = NULL;
	if(!rc) {
		const char *args[] = { date, code };
		rc = query_one(s, "SELECT a.date FROM anslag a JOIN meeting m ON m.id = a.meeting_id"
		               " JOIN municipality mu ON mu.id = a.municipality_id"
		               " WHERE m.date = ? AND mu.code = ?", args, 2, NULL, &old, &found, err);
	}
	if(!rc) {
		const char *args[] = { date, code };
		rc = exec_text(s, "DELETE FROM anslag WHERE meeting_id = (SELECT id FROM meeting WHERE"
		               " date = ?) AND municipality_id = (SELECT id FROM municipality WHERE code = ?)",
		               args, 2, err);
	}
	if(!rc) {
		const char *ins[] = { date, code, a->date, a->until, a->storage_place, a->posted_by };
		rc = exec_text(s, "INSERT INTO anslag(meeting_id, municipality_id, date, stated_until,"
		               " storage_place, posted_by_id) VALUES((SELECT id FROM meeting WHERE date = ?),"
		               " (SELECT id FROM municipality WHERE code = ?), ?, ?, ?,"
		               " (SELECT id FROM person WHERE key = ?))", ins, 6, err);
	}
	if(!rc) {
		struct strbuf key = STRBUF_INIT;
		strbuf_addf(&key, "%s/%s", date, code);
		const char *kv[] = { "date", a->date, "until", a->until, "storage_place",
		                     a->storage_place, "posted_by", a->posted_by };
		const char *okv[] = { "date", old };
		rc = audit_pairs(s, "anslag", key.buf, old ? okv : NULL, 2, kv, 8, err);
		strbuf_release(&key);
	}
	struct date from = jd.year ? jd : legal_justering_deadline(md);
	struct date deadline = legal_anslag_deadline(from);
	if(!rc && date_cmp(ad, deadline) > 0) {
		char b[11];
		date_format_iso(deadline, b);
		findings_add(warn, "meeting %s: anslag %s in %s is after the deadline %s (justering + %d days%s)",
		             date, a->date, code, b, LEGAL_ANSLAG_DAYS,
		             legal_moved(from, LEGAL_ANSLAG_DAYS, deadline) ? MOVED_WORDS : "");
	}
	free(old);
	free(code);
	free(just);
	return finish(s, rc, err);
}
