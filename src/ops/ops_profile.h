/*
** ops_profile.h — what an export holds and how a profile reads it (pure:
** no I/O, no store).
**
** A source is a kind of export (tickets, ticket history, calls, ...) with
** canonical fields; a profile says which column of a system's export
** holds each field (by its heading in the first line) and what the
** system's words mean: its statuses, priorities, ticket types and so on,
** each mapped onto a canonical meaning. Profiles are data (the sections
** ops_profiles, ops_profile_columns and ops_profile_values, shipped as
** data/ops-profiles/<name>.json); docs/ops-indicators.md lists the fields
** and meanings.
*/
#ifndef STYR_OPS_PROFILE_H
#define STYR_OPS_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

enum ops_source {
	OPS_SRC_TICKETS, OPS_SRC_HISTORY, OPS_SRC_CALLS, OPS_SRC_AVAILABILITY,
	OPS_SRC_ASSETS, OPS_SRC_INVOICES, OPS_SRC_BACKUP, OPS_NSOURCES
};
extern const char *const ops_source_names[]; /* "tickets", "ticket-history", ... */

/* How a field's text is read. */
enum ops_field_kind {
	OPS_FK_TEXT,      /* kept as written */
	OPS_FK_STAMP,     /* a timestamp (ops_time.h) */
	OPS_FK_DATE,      /* a date */
	OPS_FK_SECONDS,   /* a duration */
	OPS_FK_MONEY,     /* kronor, Swedish number */
	OPS_FK_WORD       /* a word of a vocabulary */
};

enum ops_vocab {
	OPS_VOC_TYPE, OPS_VOC_PRIORITY, OPS_VOC_STATUS, OPS_VOC_FIELD, OPS_VOC_VISIBILITY,
	OPS_VOC_CALL, OPS_VOC_OUTAGE, OPS_VOC_ASSET_TYPE, OPS_VOC_ASSET_STATUS,
	OPS_VOC_BACKUP, OPS_NVOCABS
};
extern const char *const ops_vocab_names[];    /* "type", "priority", ... */

struct ops_field_def {
	const char *name;     /* "created" */
	bool required;
	enum ops_field_kind kind;
	int vocab;            /* OPS_FK_WORD: enum ops_vocab */
	const char *help;
};

#define OPS_MAX_FIELDS 12

/* The index of each field in its source's list (ops_source_fields). */
enum { OPS_T_ID, OPS_T_TYPE, OPS_T_PRIORITY, OPS_T_CREATED, OPS_T_STATUS, OPS_T_RESOLVED,
       OPS_T_CLOSED, OPS_T_GROUP, OPS_T_SOLUTION, OPS_T_DELIVERED };
enum { OPS_H_TICKET, OPS_H_AT, OPS_H_FIELD, OPS_H_NEW, OPS_H_OLD, OPS_H_VISIBILITY };
enum { OPS_C_AT, OPS_C_WAIT, OPS_C_RESULT, OPS_C_QUEUE, OPS_C_ID };
enum { OPS_A_SERVICE, OPS_A_START, OPS_A_END, OPS_A_KIND, OPS_A_CATEGORY };
enum { OPS_S_NAME, OPS_S_SERIAL, OPS_S_TYPE, OPS_S_STATUS };
enum { OPS_I_NUMBER, OPS_I_SUPPLIER, OPS_I_DATE, OPS_I_AMOUNT, OPS_I_TEXT };
enum { OPS_B_JOB, OPS_B_START, OPS_B_END, OPS_B_RESULT };

/* The fields of a source (at most OPS_MAX_FIELDS). */
const struct ops_field_def *ops_source_fields(enum ops_source src, size_t *n);

/* Index of field `name` in the source, or -1. */
int ops_field_index(enum ops_source src, const char *name);

/* Every field name of every source, NULL-terminated (for the section). */
extern const char *const ops_all_field_names[];

/* The canonical meanings of a vocabulary ("incident", ...), with their
** codes: meaning i has code codes[i]. A code of 0 means "ignore the row
** or event". */
const char *const *ops_vocab_meanings(enum ops_vocab v, const int **codes);

/* The code of meaning m in vocabulary v; false when v has no such meaning. */
bool ops_vocab_code(enum ops_vocab v, const char *m, int *code);

/* Meanings of OPS_VOC_FIELD, OPS_VOC_VISIBILITY, OPS_VOC_ASSET_TYPE and
** OPS_VOC_ASSET_STATUS (the others use ops_rules.h's enums). */
enum { OPS_VIS_PUBLIC = 1, OPS_VIS_INTERNAL };
enum { OPS_ASSET_COMPUTER = 1, OPS_ASSET_OTHER };
enum { OPS_ASSET_ACTIVE = 1, OPS_ASSET_RETIRED };
enum { OPS_CALL_ANSWERED = 1, OPS_CALL_ABANDONED };

/* ---- a loaded profile ---- */

struct ops_word {
	char *value;          /* as compared: trimmed, lower-case */
	char *written;        /* as the profile writes it, for messages */
	int code;
};

struct ops_profile {
	char *name, *system;
	bool utc;             /* the exports write UTC, not Stockholm time */
	char *column[OPS_NSOURCES][OPS_MAX_FIELDS]; /* heading per field; NULL: none */
	struct ops_word *words[OPS_NVOCABS];        /* sorted by value */
	size_t nwords[OPS_NVOCABS];
};

void ops_profile_init(struct ops_profile *p);
void ops_profile_release(struct ops_profile *p);

/* Set a column or a word (copied). ops_profile_word returns false when
** the meaning is not one of the vocabulary's. */
void ops_profile_column(struct ops_profile *p, enum ops_source src, int field,
                        const char *heading);
bool ops_profile_word(struct ops_profile *p, enum ops_vocab v, const char *value,
                      const char *meaning);

/* The code of a word as exported (compared trimmed and without regard to
** case: ASCII and the Latin-1 letters Å, Ä, Ö, É ...); false when the
** profile does not know it. */
bool ops_profile_lookup(const struct ops_profile *p, enum ops_vocab v, const char *value,
                        int *code);

/* The words the profile knows for v, "a, b, c", for messages (into buf). */
void ops_profile_known(const struct ops_profile *p, enum ops_vocab v, char *buf, size_t n);

/* Heading comparison: trimmed, case ignored as above, a UTF-8 BOM ignored. */
bool ops_heading_equal(const char *heading, const char *cell);

#endif
