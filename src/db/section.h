/*
** section.h — data sections: how a table is written in styr's JSON data.
**
** `styr load` and `styr dump` are generic: each domain module describes its
** tables as sections (a JSON array of flat objects per table) and the
** loader checks keys, types and references from the description, while
** this file generates the SQL. A field that refers to another section is
** written as that section's key value ("municipality": "1814") and stored
** as the row id. Sections are loaded and dumped in module order
** (module.h), which is therefore dependency order.
**
** Stored forms: TEXT, DATE (ISO text), NUMBER (the JSON lexeme as text,
** for measured values such as 6.72), ENUM (text from a fixed list) as TEXT;
** INT, BOOL (0/1), MONEY (öre; kronor with up to two decimals in JSON) as
** INTEGER; REF as the INTEGER id of the referred row.
*/
#ifndef STYR_SECTION_H
#define STYR_SECTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/error.h"

struct store;
struct field_value;

enum field_type {
	FIELD_TEXT, FIELD_INT, FIELD_MONEY, FIELD_NUMBER, FIELD_DATE,
	FIELD_BOOL, FIELD_ENUM, FIELD_REF
};

#define FIELD_REQUIRED 1u
#define FIELD_KEY      2u  /* part of the natural key (unique; dump order) */

struct field_desc {
	const char *key;          /* JSON key */
	const char *column;       /* SQL column (for FIELD_REF the id column) */
	enum field_type type;
	unsigned flags;
	const char *ref_section;  /* FIELD_REF: the section referred to; it must
	                             have exactly one FIELD_KEY field */
	const char *const *allowed; /* FIELD_ENUM: NULL-terminated values */
	const char *help;         /* what is expected, for messages */
};

struct section_desc {
	const char *name;         /* JSON section name, e.g. "municipalities" */
	const char *table;        /* SQL table; has an INTEGER PRIMARY KEY id */
	const struct field_desc *fields;
	size_t nfields;
	const char *order_by;     /* SQL ORDER BY for dump, over the table's columns */
	const char *help;         /* one line on what a row is */
	/* Optional: called by store_section_insert right after the INSERT,
	** with the new row's id, inside the caller's transaction. It refuses
	** a row that breaks a rule the field types cannot say (an error
	** naming the field and what is allowed; the caller rolls back) or
	** fills columns derived from the row. NULL for most sections. */
	enum styr_rc (*after_insert)(struct store *s, int64_t id,
	                             const struct field_value *vals,
	                             struct styr_error *err);
};

/* One value of a row, by field type: s for TEXT, NUMBER, DATE, ENUM and
** (on dump) a REF whose target key is text; i for INT, MONEY, BOOL and REF
** ids on insert (or int-keyed REF targets on dump). On insert a REF may
** also carry in s the key text it was written with; the audit log uses it. */
struct field_value {
	bool null;
	int64_t i;
	const char *s;
};

/* Every module's sections in dependency order (registry.c). */
const struct section_desc *const *store_sections(size_t *count);
const struct section_desc *store_section_find(const char *name);

/* The FIELD_KEY field of a section that can be referred to, or NULL. */
const struct field_desc *section_key_field(const struct section_desc *d);

/* Insert one row (vals[] parallel to d->fields, refs already resolved to
** ids) and write its audit entry. STYR_ECONFLICT when a unique key exists. */
enum styr_rc store_section_insert(struct store *s, const struct section_desc *d,
                                  const struct field_value vals[],
                                  struct styr_error *err);

/* Find the id of the row of section d whose key field equals key. */
enum styr_rc store_section_resolve(struct store *s, const struct section_desc *d,
                                   const struct field_value *key, int64_t *id,
                                   struct styr_error *err);

/* Call row() for every row of d in dump order; refs come back as the
** referred row's key value. Stops at the first non-OK return of row(). */
typedef enum styr_rc (*section_row_fn)(void *ctx, const struct section_desc *d,
                                       const struct field_value vals[]);
enum styr_rc store_section_each(struct store *s, const struct section_desc *d,
                                section_row_fn row, void *ctx,
                                struct styr_error *err);

/* Row count of a section's table. */
enum styr_rc store_section_count(struct store *s, const struct section_desc *d,
                                 int64_t *count, struct styr_error *err);

#endif
