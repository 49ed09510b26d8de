/*
** test_edit.c — generic editing over the whole section registry: every
** section of every module is shown, listed, set, removed (or refused with
** a reason) and undone, and the example files reload after one field of
** every section was edited. A new module's sections are covered by the
** loops below without a line of new test code; a section the example data
** leaves empty must get a row in EXTRA below, or the test fails.
**
** Also: keys with "/" in them, versions, two writers, the change capture
** of a module's own SQL.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/json.h"
#include "base/jsonw.h"
#include "base/strbuf.h"
#include "db/dump.h"
#include "db/load.h"
#include "db/module.h"
#include "db/section.h"
#include "db/store.h"
#include "testutil.h"

#define EXAMPLES STYR_SOURCE_ROOT "/examples/sydnarke"

/* Rows for the sections the example data leaves empty. */
static const char EXTRA[] =
	"{ \"accounts\": [ { \"number\": 5011, \"name\": \"Månadslöner\", \"kind\": \"cost\" } ],\n"
	"  \"control_actions\": [ { \"plan\": 2020, \"number\": 1,\n"
	"    \"text\": \"Rutinen för säkerhetskopiering ses över\", \"risk\": \"2020-backup\" } ],\n"
	"  \"ops_profiles\": [ { \"name\": \"efecte\", \"system\": \"Efecte\" } ],\n"
	"  \"ops_profile_columns\": [ { \"profile\": \"efecte\", \"source\": \"tickets\",\n"
	"    \"field\": \"created\", \"heading\": \"Skapad\" } ],\n"
	"  \"ops_profile_values\": [ { \"profile\": \"efecte\", \"vocabulary\": \"status\",\n"
	"    \"value\": \"Väntar på kund\", \"meaning\": \"paused\" } ],\n"
	"  \"ops_hours\": [ { \"valid_from\": \"2020-01-01\", \"weekday\": 1, \"open\": \"08:00\",\n"
	"    \"close\": \"17:00\" } ],\n"
	"  \"ops_days_off\": [ { \"date\": \"2020-05-22\", \"name\": \"Klämdag\" } ],\n"
	"  \"ops_settings\": [ { \"name\": \"service-desk\", \"value\": \"Servicedesk\" } ],\n"
	"  \"ops_services\": [ { \"name\": \"SRV-FIL01\", \"category\": \"servrar\" } ],\n"
	"  \"ops_backup_jobs\": [ { \"job\": \"Filserver\", \"schedule\": \"daily\" } ],\n"
	"  \"ops_indicator_map\": [ { \"indicator\": \"2024-incidenter\", \"measure\": \"open.incidents\" } ],\n"
	"  \"ops_control_map\": [ { \"moment\": \"2020-support-rutin\", \"control\": \"old-tickets\" } ],\n"
	"  \"report_parts\": [ { \"occasion\": \"2020-04-30\", \"part\": \"inledning\",\n"
	"    \"responsible\": \"adam-kolthoff\", \"status\": \"pågår\" } ],\n"
	"  \"report_decisions\": [ { \"occasion\": \"2024-12-31\", \"meeting\": \"2021-02-10\",\n"
	"    \"paragraph\": 3, \"state\": \"återöppnad\", \"reason\": \"ett test\" } ],\n"
	"  \"result_split_keys\": [ { \"year\": 2024, \"municipality\": \"1814\", \"value\": 1 } ],\n"
	"  \"role_kinds\": [ { \"name\": \"lönechef\" } ],\n"
	"  \"control_plans\": [ { \"year\": 2030, \"title\": \"Plan 2030\" } ],\n"
	"  \"risk_grades\": [ { \"plan\": 2030, \"axis\": \"probability\", \"grade\": 1, \"label\": \"Låg\" } ],\n"
	"  \"control_areas\": [ { \"plan\": 2030, \"name\": \"Lön\" } ],\n"
	"  \"words\": [ { \"key\": \"governance_model\", \"text\": \"MER-styrning\" } ],\n"
	"  \"standard_items\": [ { \"place\": \"after\", \"position\": 1, \"title\": \"Övriga frågor\" } ],\n"
	"  \"paragraph_starts\": [ { \"year\": 2030, \"first\": 5 } ] }\n";

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
}

static void path(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/%s", testutil_dir, name);
}

static void load(struct store *s, const char *p)
{
	struct load_stats st;
	struct styr_error err;
	if(load_path(s, p, &st, &err))
		fail_msg("%s", err.msg);
}

/* A database with the example and EXTRA loaded. */
static struct store *example(const char *name)
{
	char p[256], x[256];
	struct store *s;
	struct styr_error err;
	path(p, sizeof(p), name);
	path(x, sizeof(x), "extra.json");
	write_file(x, EXTRA, strlen(EXTRA));
	assert_int_equal(store_open(p, STORE_CREATE, &s, &err), STYR_OK);
	store_set_user(s, "tester");
	load(s, EXAMPLES);
	load(s, x);
	return s;
}

static void dump(struct store *s, struct strbuf *out)
{
	struct jsonw w;
	struct styr_error err;
	strbuf_reset(out);
	jsonw_init(&w, jsonw_strbuf_sink, out, true);
	if(dump_store(s, &w, &err))
		fail_msg("%s", err.msg);
}

static int64_t change_sets(struct store *s)
{
	int64_t n = 0;
	struct styr_error err;
	assert_int_equal(store_query_int(s, "SELECT count(*) FROM change_set", &n, &err), 0);
	return n;
}

struct first {
	int64_t id;
	struct strbuf key;
	struct strbuf json;
};

static enum styr_rc take_first(void *ctx, const struct section_desc *d, int64_t id,
                               const char *key, const struct field_value vals[])
{
	struct first *f = ctx;
	struct jsonw w;
	if(f->id)
		return STYR_OK;
	f->id = id;
	strbuf_addstr(&f->key, key);
	jsonw_init(&w, jsonw_strbuf_sink, &f->json, false);
	section_row_json(&w, d, vals);
	return STYR_OK;
}

/* Another stored value for field f than cur, or false for none (REF). */
static bool other_value(const struct field_desc *f, const struct field_value *was,
                        struct field_value *out, struct strbuf *text)
{
	struct field_value c = *was, *cur = &c;
	struct strbuf old = STRBUF_INIT;
	if(!c.null && c.s) {
		strbuf_addstr(&old, c.s);
		c.s = old.buf;
	}
	*out = (struct field_value){ false, 0, NULL };
	strbuf_reset(text);
	switch(f->type) {
	case FIELD_TEXT:
		strbuf_addf(text, "%s%s", cur->null ? "" : cur->s, cur->null ? "ändrad" : " (ändrad)");
		break;
	case FIELD_NUMBER:
		strbuf_addstr(text, cur->null || strcmp(cur->s, "1.5") ? "1.5" : "2.5");
		break;
	case FIELD_DATE:
		if(cur->null)
			strbuf_addstr(text, "2020-06-15");
		else
			strbuf_addf(text, "%.8s%s", cur->s, strcmp(cur->s + 8, "15") ? "15" : "16");
		break;
	case FIELD_ENUM:
		for(size_t i = 0; f->allowed[i]; i++)
			if(cur->null || strcmp(cur->s, f->allowed[i])) {
				strbuf_addstr(text, f->allowed[i]);
				break;
			}
		break;
	case FIELD_INT:
		out->i = cur->null ? 1 : cur->i + 1;
		break;
	case FIELD_MONEY:
		out->i = cur->null ? 100 : cur->i + 100;
		break;
	case FIELD_BOOL:
		out->i = cur->null ? 1 : !cur->i;
		break;
	case FIELD_REF:
		strbuf_release(&old);
		return false;
	}
	if(f->type != FIELD_INT && f->type != FIELD_MONEY && f->type != FIELD_BOOL)
		out->s = text->buf;
	strbuf_release(&old);
	return true;
}

/* Change one non-key field of row id (the first one whose rules accept
** another value) and commit; the field's index, or -1 when d has no
** non-key field to change. */
static int set_one_field(struct store *s, const struct section_desc *d, int64_t id)
{
	struct strbuf text = STRBUF_INIT;
	struct styr_error err;
	int done = -1;
	bool any = false;

	for(size_t i = 0; done < 0 && i < d->nfields; i++) {
		struct section_row row;
		bool changed = false;
		if(d->fields[i].flags & FIELD_KEY)
			continue;
		any = true;
		assert_int_equal(store_begin(s, &err), 0);
		assert_int_equal(store_row_get(s, d, id, &row, &err), 0);
		if(other_value(&d->fields[i], &row.vals[i], &row.vals[i], &text)
		   && !store_row_update(s, d, id, row.vals, &changed, &err)) {
			assert_true(changed);
			assert_int_equal(store_commit(s, &err), 0);
			done = (int)i;
		} else {
			store_rollback(s);
		}
		section_row_release(&row);
	}
	strbuf_release(&text);
	if(done < 0 && any)
		fail_msg("section %s: no field took another value", d->name);
	return done;
}

static enum styr_rc count_entries(void *ctx, const struct audit_entry *e)
{
	(void)e;
	(*(int *)ctx)++;
	return STYR_OK;
}

/* Every section: show, list, set + undo, remove (or refusal) + undo. */
static void test_every_section(void **state)
{
	(void)state;
	struct store *s = example("every.db");
	struct strbuf d0 = STRBUF_INIT, now = STRBUF_INIT;
	struct styr_error err;
	size_t n;
	const struct section_desc *const *all = store_sections(&n);

	dump(s, &d0);
	for(size_t k = 0; k < n; k++) {
		const struct section_desc *d = all[k];
		struct first f = { 0, STRBUF_INIT, STRBUF_INIT };
		struct strbuf img = STRBUF_INIT;
		struct row_version v;
		int64_t id = 0;
		bool found;

		assert_true(section_has_key(d));
		/* list: the first record in dump order */
		assert_int_equal(store_section_each_keyed(s, d, take_first, &f, &err), 0);
		if(!f.id)
			fail_msg("section %s has no row in the example or in EXTRA", d->name);
		/* show: found by its key, in the form dump writes */
		if(store_row_find(s, d, f.key.buf, &id, &err))
			fail_msg("%s %s: %s", d->name, f.key.buf, err.msg);
		assert_int_equal(id, f.id);
		assert_int_equal(store_row_image(s, d, id, &img, NULL, &found, &err), 0);
		assert_true(found);
		assert_string_equal(img.buf, f.json.buf);
		assert_int_equal(store_row_version(s, d, id, &v, &err), 0);
		int64_t version = v.version;
		row_version_release(&v);

		/* set, then undo: the dump is back, byte for byte */
		int64_t before = change_sets(s);
		int field = set_one_field(s, d, id);
		if(field >= 0) {
			int64_t cs = store_last_change_set(s);
			int entries = 0;
			assert_int_equal(change_sets(s), before + 1);
			assert_int_equal(store_change_set_get(s, cs, NULL, count_entries, &entries, &err), 0);
			assert_int_equal(entries, 1);
			assert_int_equal(store_row_version(s, d, id, &v, &err), 0);
			assert_int_equal(v.version, version + 1);
			assert_int_equal(v.change_set, cs);
			row_version_release(&v);
			dump(s, &now);
			assert_string_not_equal(now.buf, d0.buf);
			if(store_undo(s, cs, NULL, NULL, &err))
				fail_msg("%s: undo of set %s: %s", d->name, d->fields[field].key, err.msg);
			dump(s, &now);
			assert_string_equal(now.buf, d0.buf);
		}

		/* remove: done, or refused naming the record; undone either way */
		enum styr_rc rc = store_row_delete(s, d, id, 0, NULL, NULL, &err);
		if(rc == STYR_ECONFLICT) {
			assert_non_null(strstr(err.msg, "is referred to by"));
			rc = store_row_delete(s, d, id, STORE_ROW_CASCADE, NULL, NULL, &err);
		}
		if(rc) {
			struct strbuf label = STRBUF_INIT;
			section_label(d, f.key.buf, &label);
			assert_int_equal(rc, STYR_ECONFLICT);
			if(!strstr(err.msg, label.buf))
				fail_msg("%s: refusal does not name %s: %s", d->name, label.buf, err.msg);
			strbuf_release(&label);
		} else {
			if(store_undo(s, store_last_change_set(s), NULL, NULL, &err))
				fail_msg("%s: undo of rm: %s", d->name, err.msg);
		}
		dump(s, &now);
		assert_string_equal(now.buf, d0.buf);
		strbuf_release(&f.key);
		strbuf_release(&f.json);
		strbuf_release(&img);
	}
	strbuf_release(&d0);
	strbuf_release(&now);
	store_close(s);
}

/* One field edited in every section, dumped, loaded over a fresh copy of
** the example: the dump is the edited one; the example files loaded again
** bring the original back; loaded once more, they change nothing. */
static void test_reload_after_editing_every_section(void **state)
{
	(void)state;
	struct store *s = example("edit.db");
	struct strbuf d0 = STRBUF_INIT, e = STRBUF_INIT, now = STRBUF_INIT;
	char p[256], x[256];
	size_t n;
	const struct section_desc *const *all = store_sections(&n);
	int edited = 0, editable = 0;

	dump(s, &d0);
	for(size_t k = 0; k < n; k++) {
		struct first f = { 0, STRBUF_INIT, STRBUF_INIT };
		struct styr_error err;
		assert_int_equal(store_section_each_keyed(s, all[k], take_first, &f, &err), 0);
		edited += set_one_field(s, all[k], f.id) >= 0;
		for(size_t i = 0; i < all[k]->nfields; i++)
			if(!(all[k]->fields[i].flags & FIELD_KEY)) {
				editable++;
				break;
			}
		strbuf_release(&f.key);
		strbuf_release(&f.json);
	}
	assert_int_equal(edited, editable);
	assert_true(edited >= (int)n - 2);
	dump(s, &e);
	store_close(s);
	path(p, sizeof(p), "edited.json");
	write_file(p, e.buf, e.len);

	s = example("fresh.db");
	load(s, p);
	dump(s, &now);
	assert_string_equal(now.buf, e.buf);
	path(x, sizeof(x), "extra.json");
	load(s, EXAMPLES);
	load(s, x);
	dump(s, &now);
	assert_string_equal(now.buf, d0.buf);
	int64_t sets = change_sets(s);
	load(s, EXAMPLES);
	load(s, x);
	assert_int_equal(change_sets(s), sets);
	strbuf_release(&d0);
	strbuf_release(&e);
	strbuf_release(&now);
	store_close(s);
}

/* Every foreign key of a section's table is a reference its description
** knows, so that a removal finds every record that refers to it. */
static void test_references_described(void **state)
{
	(void)state;
	struct store *s = example("refs.db");
	struct styr_error err;
	size_t n;
	const struct section_desc *const *all = store_sections(&n);
	int checked = 0;

	for(size_t k = 0; k < n; k++) {
		struct strbuf sql = STRBUF_INIT;
		struct store_stmt *st;
		bool row;
		strbuf_addf(&sql, "SELECT \"table\", \"from\" FROM pragma_foreign_key_list('%s')",
		            all[k]->table);
		assert_int_equal(store_prepare(s, sql.buf, &st, &err), 0);
		while(!stmt_step(st, &row, &err) && row) {
			const char *to = stmt_text(st, 0), *col = stmt_text(st, 1);
			bool described = false;
			for(size_t i = 0; i < all[k]->nfields; i++) {
				const struct field_desc *f = &all[k]->fields[i];
				const struct section_desc *t = f->type == FIELD_REF
				                               ? store_section_find(f->ref_section) : NULL;
				described |= t && !strcmp(f->column, col) && !strcmp(t->table, to);
			}
			if(!described)
				fail_msg("%s.%s refers to %s but no field of section %s says so",
				         all[k]->table, col, to, all[k]->name);
			checked++;
		}
		stmt_finalize(st);
		strbuf_release(&sql);
	}
	assert_true(checked >= 40);
	store_close(s);
}

/* The web application is in Swedish: every module with registers, every
** register and every field has its Swedish name and help (the *_sv
** members), so a new one cannot reach a page in English. */
static void test_swedish_names(void **state)
{
	(void)state;
	size_t n, fields = 0;
	const struct section_desc *const *all = store_sections(&n);
#define SAID(s) ((s) && *(s))
	for(size_t m = 0; styr_modules[m]; m++)
		if(styr_modules[m]->sections && styr_modules[m]->sections[0] &&
		   !SAID(styr_modules[m]->title_sv))
			fail_msg("module %s has no title_sv", styr_modules[m]->name);
	for(size_t k = 0; k < n; k++) {
		if(!SAID(all[k]->title_sv) || !SAID(all[k]->help_sv))
			fail_msg("section %s has no title_sv or help_sv", all[k]->name);
		for(size_t i = 0; i < all[k]->nfields; i++, fields++) {
			const struct field_desc *f = &all[k]->fields[i];
			if(!SAID(f->label_sv) || !SAID(f->help_sv))
				fail_msg("%s.%s has no label_sv or help_sv", all[k]->name, f->key);
			/* a Swedish name for each value, no more and no fewer */
			for(size_t a = 0; f->allowed_sv && (f->allowed[a] || f->allowed_sv[a]); a++)
				if(!f->allowed[a] || !SAID(f->allowed_sv[a]))
					fail_msg("%s.%s: allowed_sv does not match allowed at %zu",
					         all[k]->name, f->key, a);
		}
	}
#undef SAID
	assert_true(n >= 60 && fields >= 300);
}

/* Keys: composite, with "/" and "\" in a part, null parts. */
static void test_keys(void **state)
{
	(void)state;
	struct store *s = example("keys.db");
	const struct section_desc *d = store_section_find("line_mappings");
	struct field_value v[5] = {
		{ .s = "a/b\\c" }, { .s = "RAD / MED SNEDSTRECK" }, { .i = 3000 }, { .i = 3999 },
		{ .null = true }
	};
	struct strbuf key = STRBUF_INIT, label = STRBUF_INIT;
	struct styr_error err;
	int64_t id, found;
	bool ok;

	assert_non_null(d);
	assert_int_equal(store_row_insert(s, d, v, 0, &id, &err), 0);
	assert_int_equal(store_row_image(s, d, id, NULL, &key, &ok, &err), 0);
	assert_string_equal(key.buf, "a\\/b\\\\c/RAD \\/ MED SNEDSTRECK/3000");
	assert_int_equal(store_row_find(s, d, key.buf, &found, &err), 0);
	assert_int_equal(found, id);
	assert_int_equal(store_row_find(s, d, "kommun-bas/X", &found, &err), STYR_EINVAL);
	assert_non_null(strstr(err.msg, "expected mapping/line/from"));
	assert_int_equal(store_row_find(s, d, "kommun-bas/X/3000", &found, &err), STYR_ENOTFOUND);
	assert_string_equal(err.msg, "line_mappings: no record with key \"kommun-bas/X/3000\""
	                    " (the key is mapping/line/from)");
	/* A reference in a key is the referred record's key. */
	d = store_section_find("population");
	assert_int_equal(store_row_find(s, d, "1814/2018-12-31", &found, &err), 0);
	assert_int_equal(store_row_find(s, d, "9999/2018-12-31", &found, &err), STYR_ENOTFOUND);
	section_label(d, "1814/2018-12-31", &label);
	assert_string_equal(label.buf, "population 1814/2018-12-31");
	strbuf_release(&key);
	strbuf_release(&label);
	store_close(s);
}

/* Versions: a stale update is refused, naming who changed it and when. */
static void test_versions(void **state)
{
	(void)state;
	struct store *s = example("ver.db");
	const struct section_desc *d = store_section_find("persons");
	struct section_row row;
	struct styr_error err;
	int64_t id;
	bool changed;

	assert_int_equal(store_row_find(s, d, "magnus-andersson", &id, &err), 0);
	assert_int_equal(store_row_check_version(s, d, id, 1, &err), 0);
	store_set_user(s, "anna");
	store_set_command(s, "styr set a.db persons magnus-andersson party=M");
	assert_int_equal(store_row_get(s, d, id, &row, &err), 0);
	row.vals[2].s = "M";
	assert_int_equal(store_row_update(s, d, id, row.vals, &changed, &err), 0);
	assert_true(changed);
	section_row_release(&row);
	assert_int_equal(store_row_check_version(s, d, id, 2, &err), 0);
	assert_int_equal(store_row_check_version(s, d, id, 1, &err), STYR_ECONFLICT);
	assert_non_null(strstr(err.msg, "persons magnus-andersson was changed since version 1:"
	                       " it is version 2, changed by anna at "));
	/* Writing the same values again is no change: no version, no log. */
	int64_t sets = change_sets(s);
	assert_int_equal(store_row_get(s, d, id, &row, &err), 0);
	assert_int_equal(store_row_update(s, d, id, row.vals, &changed, &err), 0);
	assert_false(changed);
	section_row_release(&row);
	assert_int_equal(change_sets(s), sets);
	store_close(s);
}

/* A module's own SQL is captured like the generic path. */
static void test_capture_of_module_sql(void **state)
{
	(void)state;
	struct store *s = example("sql.db");
	struct styr_error err;
	const struct section_desc *d = store_section_find("municipalities");
	struct row_version v;
	int64_t id;

	store_set_command(s, "a module's own command");
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_exec(s, "UPDATE municipality SET name = 'Laxå kommun'"
	                            " WHERE code = '1860'", &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(store_row_find(s, d, "1860", &id, &err), 0);
	assert_int_equal(store_row_version(s, d, id, &v, &err), 0);
	assert_int_equal(v.version, 2);
	assert_string_equal(v.command, "a module's own command");
	row_version_release(&v);
	assert_int_equal(store_undo(s, store_last_change_set(s), NULL, NULL, &err), 0);
	int64_t n = 0;
	assert_int_equal(store_query_int(s, "SELECT count(*) FROM municipality WHERE name = 'Laxå'",
	                                 &n, &err), 0);
	assert_int_equal(n, 1);
	store_close(s);
}

/* Two writers: the second waits, then gets styr's sentence; nothing of it
** is stored. */
static void test_busy(void **state)
{
	(void)state;
	struct store *a = example("busy.db"), *b;
	struct styr_error err;
	char p[256];

	path(p, sizeof(p), "busy.db");
	setenv("STYR_BUSY_TIMEOUT", "50", 1);
	assert_int_equal(store_open(p, 0, &b, &err), STYR_OK);
	unsetenv("STYR_BUSY_TIMEOUT");
	assert_int_equal(store_begin(a, &err), 0);
	assert_int_equal(store_begin(b, &err), STYR_EBUSY);
	assert_non_null(strstr(err.msg, "the database is busy writing another change;"
	                       " nothing was stored"));
	store_rollback(a);
	assert_int_equal(store_begin(b, &err), 0);
	store_rollback(b);
	store_close(b);
	setenv("STYR_BUSY_TIMEOUT", "soon", 1);
	assert_int_equal(store_open(p, 0, &b, &err), STYR_EINVAL);
	assert_non_null(strstr(err.msg, "STYR_BUSY_TIMEOUT: 'soon' is not a time to wait"));
	unsetenv("STYR_BUSY_TIMEOUT");
	store_close(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_section),
		cmocka_unit_test(test_reload_after_editing_every_section),
		cmocka_unit_test(test_references_described),
		cmocka_unit_test(test_swedish_names),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_capture_of_module_sql),
		cmocka_unit_test(test_busy),
	};
	return cmocka_run_group_tests_name("edit", tests, testutil_setup, testutil_teardown);
}
