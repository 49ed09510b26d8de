/*
** org.h — the organisation: committee, member municipalities with their
** population, persons, roles and report occasions (domain calls over
** schema_org.c).
*/
#ifndef STYR_ORG_H
#define STYR_ORG_H

#include <stddef.h>
#include <stdint.h>

#include "base/date.h"
#include "base/error.h"
#include "base/findings.h"

struct store;
struct section_desc;

extern const struct section_desc section_municipalities;
extern const struct section_desc section_committee;
extern const struct section_desc section_population;
extern const struct section_desc section_persons;
extern const struct section_desc section_roles;
extern const struct section_desc section_occasions;

struct committee {
	int64_t id;
	char short_name[64];
	char name[160];
	char case_prefix[32];
	char host_code[8];
};

/* The committee of this database; STYR_ENOTFOUND when none is loaded. */
enum styr_rc org_committee(struct store *s, struct committee *out,
                           struct styr_error *err);

struct member {
	int64_t id;
	char code[8];
	char name[64];
	int64_t population;   /* on the date asked for; -1 when not recorded */
};

/* Member municipalities ordered by code, each with its population on
** `date` (-1 where none is recorded). Caller frees *out. */
enum styr_rc org_members(struct store *s, struct date date, struct member **out,
                         size_t *count, struct styr_error *err);

enum occasion_kind_id { OCC_MER_PLAN, OCC_PROGNOS, OCC_DELAR, OCC_ARSREDOVISNING };

struct occasion {
	int64_t id;
	char key[32];
	char kind[20];        /* "prognos", "delar", "arsredovisning", "mer-plan" */
	int year;
	struct date date;     /* cut-off; year 0 when the occasion has none */
	char title[160];
	struct date document_date; /* year 0 when not recorded */
};

/* An occasion named on the command line: its key ("2020-04-30",
** "mer-plan-2023") or its cut-off date. STYR_ENOTFOUND names the known
** occasions. */
enum styr_rc org_occasion_find(struct store *s, const char *name,
                               struct occasion *out, struct styr_error *err);

/* The last occasion of a year by cut-off date (the year's default). */
enum styr_rc org_occasion_last(struct store *s, int year, struct occasion *out,
                               struct styr_error *err);

/* All occasions of a year (every year when year is 0), by date. Caller frees. */
enum styr_rc org_occasions(struct store *s, int year, struct occasion **out,
                           size_t *count, struct styr_error *err);

/* Consistency checks of the organisation data, for `styr check`. */
enum styr_rc org_check(struct store *s, struct findings *f, struct styr_error *err);

#endif
