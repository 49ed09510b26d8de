/*
** section.h — data sections: how a table is written in styr's JSON data,
** and the generic row operations every section gets from its description.
**
** `styr load`, `styr dump` and editing (show, list, set, rm, undo) are
** generic: each domain module describes its tables as sections (a JSON
** array of flat objects per table) and this layer checks keys, types and
** references from the description and generates the SQL. A field that
** refers to another section is written as that section's key value
** ("municipality": "1814") and stored as the row id. Sections are loaded
** and dumped in module order (module.h), which is therefore dependency
** order.
**
** Stored forms: TEXT, DATE (ISO text), NUMBER (the JSON lexeme as text,
** for measured values such as 6.72), ENUM (text from a fixed list) as TEXT;
** INT, BOOL (0/1), MONEY (öre; kronor with up to two decimals in JSON) as
** INTEGER; REF as the INTEGER id of the referred row.
**
** Three forms of a row meet here:
**   data-file form  the JSON object a data file holds, dump writes and the
**                   audit log keeps (section_row_json writes it);
**   text form       a FIELD=VALUE of the command line or a URL, turned
**                   into the data-file form by section_value_from_text;
**   stored form     struct field_value per field, REFs as row ids;
**                   section_value_convert is the one way from data-file
**                   form to stored form, for every front door.
**
** A record is named by its natural key, the values of its FIELD_KEY fields
** in field order joined by "/" ("1814/2018-12-31"), references written as
** the referred row's key; a part is empty when its field is null, and "\"
** escapes a "/" or "\" inside a part (the last part may hold "/" as is).
** Messages name a record by its section's label ("§ 5 in the meeting of
** 2021-02-10") or else "<section> <key>".
**
** Rules: an insert or update runs the section's after_write hook inside
** the transaction, a removal its before_delete hook; SQL constraints and
** triggers back them, and a violation is reported in styr's words built
** from the description, never SQLite's text. Every change is logged and
** versioned by the store at commit (store.h), whichever path made it.
*/
#ifndef STYR_SECTION_H
#define STYR_SECTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/error.h"

struct store;
struct json;
struct jsonw;
struct strbuf;

enum field_type {
	FIELD_TEXT, FIELD_INT, FIELD_MONEY, FIELD_NUMBER, FIELD_DATE,
	FIELD_BOOL, FIELD_ENUM, FIELD_REF
};

#define FIELD_REQUIRED 1u
#define FIELD_KEY      2u  /* part of the natural key (unique; names the record) */

struct field_desc {
	const char *key;          /* JSON key */
	const char *column;       /* SQL column (for FIELD_REF the id column) */
	enum field_type type;
	unsigned flags;
	const char *ref_section;  /* FIELD_REF: the section referred to; it must
	                             have exactly one FIELD_KEY field */
	const char *const *allowed; /* FIELD_ENUM: NULL-terminated values */
	const char *help;         /* what is expected, for messages */
	/* For the web application's forms and tables, in Swedish: the
	** field's name ("Kommun") and what is expected ("kommunkod, t.ex.
	** 1814"). Messages of the command line stay with key and help. */
	const char *label_sv, *help_sv;
	/* FIELD_ENUM whose values are English words: what a person reads for
	** each of allowed, in the same order ("intäkt" for "revenue"); NULL
	** when the values read well as they are. */
	const char *const *allowed_sv;
};

/* One value of a row, by field type: s for TEXT, NUMBER, DATE, ENUM and
** (in data-file form) a REF whose target key is text; i for INT, MONEY,
** BOOL and REF ids in stored form (or int-keyed REF targets in data-file
** form). In stored form a REF may also carry in s the key text it was
** written with. */
struct field_value {
	bool null;
	int64_t i;
	const char *s;
};

/* A rule of a section that the field types cannot say, run inside the
** caller's transaction with the row's id and its values in stored form
** (all fields, parallel to d->fields). It refuses (an error naming the
** field and what is allowed; the caller rolls back) or fills columns
** derived from the row. */
typedef enum styr_rc (*section_rule_fn)(struct store *s, int64_t id,
                                        const struct field_value vals[],
                                        struct styr_error *err);

struct section_desc {
	const char *name;         /* JSON section name, e.g. "municipalities" */
	const char *table;        /* SQL table; has an INTEGER PRIMARY KEY id */
	const struct field_desc *fields;
	size_t nfields;
	const char *order_by;     /* SQL ORDER BY for dump, over the table's columns */
	const char *help;         /* one line on what a row is */
	/* Optional: called right after every INSERT and UPDATE of a row
	** through this layer (load, set, undo), so a rule holds on every
	** write. NULL for most sections. */
	section_rule_fn after_write;
	/* Optional: called before a row is removed (rm, load --prune, undo),
	** for a rule that references alone cannot say. */
	section_rule_fn before_delete;
	/* Optional: how a record is named for people, with {field} standing
	** for a key field's value: "§ {paragraph} in the meeting of {meeting}".
	** NULL: "<name> <key>". */
	const char *label;
	/* For the web application, in Swedish: the register's name
	** ("Personer") and what a row is ("en ledamot, ersättare eller
	** tjänsteperson"). */
	const char *title_sv, *help_sv;
};

/* ---- the registry (registry.c) ---- */

/* Every module's sections in dependency order. */
const struct section_desc *const *store_sections(size_t *count);
const struct section_desc *store_section_find(const char *name);
/* The section whose SQL table is table, or NULL. */
const struct section_desc *store_section_by_table(const char *table);

/* The FIELD_KEY field of a section that can be referred to, or NULL. */
const struct field_desc *section_key_field(const struct section_desc *d);
/* The field of d with JSON key `key`, or NULL. */
const struct field_desc *section_field(const struct section_desc *d, const char *key);
/* Whether d has a natural key (at least one FIELD_KEY field). */
bool section_has_key(const struct section_desc *d);
/* "code, name, member, note": the field keys of d, for messages. */
void section_list_fields(const struct section_desc *d, struct strbuf *sb);
/* "municipality/date": the key fields of d as a key is written. */
void section_key_format(const struct section_desc *d, struct strbuf *sb);

/* ---- values (value.c): data-file and text form to stored form ---- */

/* Convert one data-file value v of field f to its stored form in *out;
** a REF is resolved to the referred row's id. Errors read
** "<where>:<line>: <field>: what was expected", the line being v's when
** lines is true (a file) and left out otherwise (a command line). Strings
** of *out point into v. */
enum styr_rc section_value_convert(struct store *s, const char *where, bool lines,
                                   const struct field_desc *f, const struct json *v,
                                   struct field_value *out, struct styr_error *err);

/* The data-file value that text stands for as a value of field f, as a
** person writes it on a command line: text as is for TEXT, DATE, ENUM
** and a text-keyed REF; a Swedish number for INT, NUMBER and MONEY
** ("1 234,50", "−852", "6.72"); true/false or ja/nej for BOOL; the empty
** text is null. Returns a JSON tree (json_free) or NULL with err set to
** "<where>: <field>: what was expected". */
struct json *section_value_from_text(const struct field_desc *f, const char *text,
                                     const char *where, struct styr_error *err);

/* Convert a data-file row (a JSON object) of section d to stored form.
** Unknown keys are refused. With set NULL the object is a whole row:
** missing fields are null, and a required one missing is an error. With
** set non-NULL the object holds changes: set[i] tells whether field i was
** given, and vals[i] is untouched when it was not. lines as for
** section_value_convert. */
enum styr_rc section_row_convert(struct store *s, const struct section_desc *d,
                                 const char *where, bool lines, const struct json *obj,
                                 struct field_value vals[], bool set[],
                                 struct styr_error *err);

/* ---- reading rows (section.c) ---- */

/* A row in stored form that owns its strings (section_row_release). */
struct section_row {
	const struct section_desc *d;
	int64_t id;
	struct field_value *vals;  /* d->nfields of them */
	char **owned;
};
void section_row_release(struct section_row *row);

/* Read row id of d in stored form. STYR_ENOTFOUND (no message) when
** there is none. */
enum styr_rc store_row_get(struct store *s, const struct section_desc *d, int64_t id,
                           struct section_row *row, struct styr_error *err);

/* Write a row given in data-file form (as store_section_each passes it)
** as a JSON object: the one writer of rows for dump, show, list and the
** audit log. */
void section_row_json(struct jsonw *w, const struct section_desc *d,
                      const struct field_value vals[]);

/* Row id of d as compact data-file JSON into json (the audit log's form)
** and its key into key (either may be NULL); *found is false, and both
** are untouched, when there is no such row. */
enum styr_rc store_row_image(struct store *s, const struct section_desc *d, int64_t id,
                             struct strbuf *json, struct strbuf *key, bool *found,
                             struct styr_error *err);

/* The same for the rows ids[0..n) of d, read STORE_ROW_IMAGES to a
** statement: fn(ctx, id, json, key) for each of them that exists, in no
** particular order (the strings are valid during the call). Stops at
** fn's first non-OK. */
#define STORE_ROW_IMAGES 32
enum styr_rc store_row_images(struct store *s, const struct section_desc *d,
                              const int64_t *ids, size_t n,
                              enum styr_rc (*fn)(void *ctx, int64_t id, const char *json,
                                                 const char *key),
                              void *ctx, struct styr_error *err);

/* Write row id of d as a data-file JSON object on w. */
enum styr_rc store_row_write(struct store *s, const struct section_desc *d, int64_t id,
                             struct jsonw *w, struct styr_error *err);

/* Call row() for every row of d in dump order; refs come back as the
** referred row's key value (data-file form). Stops at the first non-OK
** return of row(). */
typedef enum styr_rc (*section_row_fn)(void *ctx, const struct section_desc *d,
                                       const struct field_value vals[]);
enum styr_rc store_section_each(struct store *s, const struct section_desc *d,
                                section_row_fn row, void *ctx,
                                struct styr_error *err);

/* As store_section_each, with each row's id and key text. */
typedef enum styr_rc (*section_keyed_fn)(void *ctx, const struct section_desc *d,
                                         int64_t id, const char *key,
                                         const struct field_value vals[]);
enum styr_rc store_section_each_keyed(struct store *s, const struct section_desc *d,
                                      section_keyed_fn row, void *ctx,
                                      struct styr_error *err);

/* fn for row id of d alone, with its key text; *found is false, and fn
** not called, when there is none. One read for what needs both. */
enum styr_rc store_row_keyed(struct store *s, const struct section_desc *d, int64_t id,
                             section_keyed_fn fn, void *ctx, bool *found,
                             struct styr_error *err);

/* Row count of a section's table. */
enum styr_rc store_section_count(struct store *s, const struct section_desc *d,
                                 int64_t *count, struct styr_error *err);

/* ---- keys and names ---- */

/* A value in data-file form as plain text ("Lekeberg", "12.50", "true");
** nothing for null. */
void section_value_text(const struct field_desc *f, const struct field_value *v,
                        struct strbuf *sb);

/* The key text of a row given in data-file form (key parts escaped). */
void section_key_text(const struct section_desc *d, const struct field_value vals[],
                      struct strbuf *key);

/* How a person reads the record with key text `key`: the section's label
** filled in, or "<name> <key>". */
void section_label(const struct section_desc *d, const char *key, struct strbuf *sb);

/* Find the id of the row of d whose natural key is the key text `key`.
** STYR_ENOTFOUND naming the section and the key when there is none;
** STYR_EINVAL when the text has the wrong parts for d's key. */
enum styr_rc store_row_find(struct store *s, const struct section_desc *d,
                            const char *key, int64_t *id, struct styr_error *err);

/* Find the id of the row whose key fields equal those of vals (stored
** form, all fields of d; only the key fields are read). STYR_ENOTFOUND
** without a message when there is none. */
enum styr_rc store_row_lookup(struct store *s, const struct section_desc *d,
                              const struct field_value vals[], int64_t *id,
                              struct styr_error *err);

/* Find the id of the row of section d (single key field) whose key field
** equals key (stored form). STYR_ENOTFOUND without a message. */
enum styr_rc store_section_resolve(struct store *s, const struct section_desc *d,
                                   const struct field_value *key, int64_t *id,
                                   struct styr_error *err);

/* ---- writing rows ---- */
/* Each call is a transaction of its own, nested as a savepoint in the
** caller's when there is one (store_begin): a refusal names the record
** and leaves the database, and the caller's transaction, as they were
** before the call. */

/* Insert a row (vals parallel to d->fields, stored form) with the id
** want_id, or a new one when want_id is 0; its id into *id (may be NULL).
** STYR_ECONFLICT "<record> already exists" when its key is taken. */
enum styr_rc store_row_insert(struct store *s, const struct section_desc *d,
                              const struct field_value vals[], int64_t want_id,
                              int64_t *id, struct styr_error *err);

/* store_row_insert with a new id, for a caller that has just found no
** record with this key (store_row_lookup gave STYR_ENOTFOUND) inside its
** own transaction, so the key is not looked up again: on PostgreSQL that
** lookup was one of the three round trips of every row `styr load`
** adds. A key taken all the same is refused by the table's constraint. */
enum styr_rc store_row_insert_absent(struct store *s, const struct section_desc *d,
                                     const struct field_value vals[], int64_t *id,
                                     struct styr_error *err);

/* store_row_insert with a new id (load, modules' bulk inserts). */
enum styr_rc store_section_insert(struct store *s, const struct section_desc *d,
                                  const struct field_value vals[],
                                  struct styr_error *err);

/* Give row id the values vals (all fields, stored form): only the fields
** that differ are written, and *changed says whether any did (nothing is
** written, and no hook runs, when none did). A key that becomes another
** record's is refused. */
enum styr_rc store_row_update(struct store *s, const struct section_desc *d, int64_t id,
                              const struct field_value vals[], bool *changed,
                              struct styr_error *err);

/* The rows of other sections that refer to row id of d: fn once per
** referring row with its section and id. */
typedef enum styr_rc (*section_ref_fn)(void *ctx, const struct section_desc *d,
                                       int64_t id, const struct field_desc *via);
enum styr_rc store_row_referrers(struct store *s, const struct section_desc *d, int64_t id,
                                 section_ref_fn fn, void *ctx, struct styr_error *err);

#define STORE_ROW_CASCADE 1u  /* remove the rows that refer to it first */

/* Remove row id of d. Without STORE_ROW_CASCADE it is refused
** (STYR_ECONFLICT) while rows of other sections refer to it, naming them;
** with it they are removed first, depth first, and `removed` (may be NULL)
** is called for each row removed, the row itself last, with its key. */
typedef void (*section_removed_fn)(void *ctx, const struct section_desc *d,
                                   const char *key);
enum styr_rc store_row_delete(struct store *s, const struct section_desc *d, int64_t id,
                              unsigned flags, section_removed_fn removed, void *ctx,
                              struct styr_error *err);

/* ---- versions and changes ---- */

/* Who last changed a row and its version (1 for a row never changed
** since versions were kept; then change_set is 0 and at, who NULL). */
struct row_version {
	int64_t version;
	int64_t change_set;
	char *at, *who, *command;
};
void row_version_release(struct row_version *v);
enum styr_rc store_row_version(struct store *s, const struct section_desc *d, int64_t id,
                               struct row_version *v, struct styr_error *err);

/* Refuse (STYR_ECONFLICT) unless row id of d is at version `expected`:
** "<record> was changed since version N: it is version M, changed by WHO
** at WHEN (change set C); nothing was stored". */
enum styr_rc store_row_check_version(struct store *s, const struct section_desc *d,
                                     int64_t id, int64_t expected, struct styr_error *err);

/* One changed row of the open transaction, in data-file form. */
struct row_change {
	const struct section_desc *d;
	int64_t id;
	const char *key;       /* the record's key (after, or before when removed) */
	const char *old_json;  /* the row before; NULL when it was added */
	const char *new_json;  /* the row now; NULL when it was removed */
};
typedef enum styr_rc (*row_change_fn)(void *ctx, const struct row_change *c);

/* Call fn for every row the open transaction has changed so far, in the
** order they were first touched: what store_commit will log. Rows written
** back to what they were are left out. */
enum styr_rc store_pending_changes(struct store *s, row_change_fn fn, void *ctx,
                                   struct styr_error *err);

/* Revert change set `id` in one transaction of its own, through the same
** row operations (so every rule holds): rows it added are removed, rows
** it removed come back with their ids, changed rows get their old values.
** Refused (STYR_ECONFLICT, naming the records and the change sets that
** touched them) when a later change has touched the same rows; refused
** (STYR_EINVAL) for a change set that holds no section rows or holds
** changes undo cannot revert (a ledger import). The undo is a change set
** itself, marked as undoing `id` (store_last_change_set). fn (may be
** NULL) sees each row the undo changes before it commits. */
enum styr_rc store_undo(struct store *s, int64_t id, row_change_fn fn, void *ctx,
                        struct styr_error *err);

#endif
