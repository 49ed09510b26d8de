/*
** ops.h — operational data and the service indicators computed from it:
** domain calls over schema_ops.c.
**
** The flow is one way: `ops_import_file` reads an export (tickets, their
** history, calls, availability, assets, invoices, backup runs) through a
** profile into the store; `ops_kpi` computes every indicator of a period
** from what is stored, each figure with its provenance (definition and
** version, the imports and rows it was computed from); `ops_apply` writes
** the figures of a report occasion as indicator values (goals) and runs
** the internal controls mapped to control moments, writing their
** follow-ups (control). The rules themselves are pure and live in
** ops_rules.h, ops_hours.h, ops_time.h and ops_controls.h.
*/
#ifndef STYR_OPS_H
#define STYR_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/date.h"
#include "base/error.h"
#include "base/findings.h"
#include "base/strbuf.h"
#include "ops/ops_hours.h"
#include "ops/ops_profile.h"
#include "ops/ops_rules.h"
#include "org/org.h"

struct store;
struct migration;
struct section_desc;

extern const struct migration migration_ops;
extern const struct section_desc section_ops_profiles;
extern const struct section_desc section_ops_profile_columns;
extern const struct section_desc section_ops_profile_values;
extern const struct section_desc section_ops_hours;
extern const struct section_desc section_ops_days_off;
extern const struct section_desc section_ops_settings;
extern const struct section_desc section_ops_services;
extern const struct section_desc section_ops_backup_jobs;
extern const struct section_desc section_ops_indicator_map;
extern const struct section_desc section_ops_control_map;

extern const char *const ops_setting_names[];  /* NULL-terminated */
extern const char *const ops_measure_names[];  /* NULL-terminated */
extern const char *const ops_control_names[];  /* NULL-terminated */

/* ---- profiles ---- */

/* The profile named name, from the database. STYR_ENOTFOUND names the
** profiles there and the shipped ones to load (data/ops-profiles). On
** success release it with ops_profile_release. */
enum styr_rc ops_profile_load(struct store *s, const char *name, struct ops_profile *out,
                              struct styr_error *err);

/* ---- import ---- */

struct ops_import_opts {
	const char *path;
	enum ops_source source;
	const char *profile;
	struct date from, to;   /* the period the export covers; year 0 when not given */
};

struct ops_import_result {
	int64_t id;
	long rows;              /* rows stored (events for ticket history) */
	long skipped;           /* rows whose words say "ignore" (or not a computer) */
	long ignored_events;    /* history rows of fields the profile does not use */
	char ignored_fields[256]; /* their headings' values with counts, for people:
	                          ** whole labels, "…" at the end when more do not fit */
	long flagged;           /* times read in the repeated autumn hour */
	long first_flagged_line;
	struct date from, to;   /* the period stored */
	int64_t replaced;       /* the import of the same period replaced; 0 none */
	char sep;
	const char *encoding;   /* static string */
};

/*
** Import the export at o->path as source o->source through profile
** o->profile, streaming (the file's size does not matter), all in one
** transaction with one audit row. The period is o->from..o->to when given
** (every row must fall inside it), else the first to the last day the
** rows are dated (an asset list: the day o->to, else today). An earlier
** import of the same source and profile with the same period is replaced;
** one whose period overlaps otherwise is refused. On any failure nothing
** is stored and err reads "FILE:LINE:COLUMN: field (heading): expected
** …, found …" (or names the overlapping import).
*/
enum styr_rc ops_import_file(struct store *s, const struct ops_import_opts *o,
                             struct ops_import_result *r, struct styr_error *err);

struct ops_import_row {
	int64_t id;
	char *source, *profile, *file, *from, *to, *imported_at, *imported_by;
	long rows, flagged;
};

/* Every import, oldest first. Free with ops_imports_free. */
enum styr_rc ops_imports(struct store *s, struct ops_import_row **out, size_t *n,
                         struct styr_error *err);
void ops_imports_free(struct ops_import_row *v, size_t n);

/* ---- settings ---- */

struct ops_config {
	struct ops_rules rules;
	char **desk;                 /* service-desk groups (rules.desk points here) */
	size_t ndesk;
	struct ops_calendar cal;
	size_t nhours, ndays_off;    /* rows of ops_hours and ops_days_off */
	enum ops_calls_variant variant;
	int levels[2], short_abandon;
	char **service, **category;  /* ops_services */
	size_t nservices;
	char **job;                  /* ops_backup_jobs */
	int *schedule;
	size_t njobs;
};

/* The settings, calendar, services and backup jobs, with the defaults of
** docs/ops-indicators.md where none are given. Release with
** ops_config_release. */
enum styr_rc ops_config_load(struct store *s, struct ops_config *c, struct styr_error *err);
void ops_config_release(struct ops_config *c);

/* ---- indicators ---- */

/* One computed figure with its provenance. */
struct ops_figure {
	const char *measure;    /* "handling.mean", "availability.service", ... */
	char *argument;         /* the service or category; NULL for the others */
	char *title;            /* Swedish, for the table */
	bool has_value;         /* false: no value (nothing to count) */
	int64_t value;          /* scaled by 10^decimals */
	int decimals;
	const char *unit;       /* "h", "%" or "st" */
	long num, den;          /* a share's numerator and denominator; den 0 otherwise */
	char *detail;           /* how it was counted: variant, stops, pending, missing time */
	const char *definition; /* "ops.handling-time" */
	int version;            /* of the definition in docs/ops-indicators.md */
	char *files;            /* the imports used: "#3 tickets.csv (efecte), ..." */
	long rows;              /* rows read for it */
};

struct ops_kpi {
	struct date from, to;
	struct ops_figure *fig;
	size_t nfig;
	char *calendar;         /* the business hours used, for people */
};

/* Every indicator of the period [from, to] (local days), computed from the
** imports. Release with ops_kpi_release. */
enum styr_rc ops_kpi(struct store *s, struct date from, struct date to, struct ops_kpi *out,
                     struct styr_error *err);
void ops_kpi_release(struct ops_kpi *k);

/* The figure of measure (and argument, for a service or category), or NULL. */
const struct ops_figure *ops_kpi_find(const struct ops_kpi *k, const char *measure,
                                      const char *argument);

/* The value as written in a report: "72,25 %", "18 st", "6,3 h" (with
** `decimals`, or the figure's own when negative). */
void ops_figure_format(const struct ops_figure *f, int decimals, struct strbuf *sb);

/* ---- internal controls ---- */

struct ops_control_run {
	char *moment;           /* control moment key */
	char *controls;         /* the controls run, "old-tickets, no-solution" */
	char *label;            /* of the follow-up */
	struct date date;
	char *status;           /* Inga avvikelser, Mindre avvikelser, Större avvikelser */
	char *comment;          /* what was found, in the report's words */
	char **findings;        /* one line per finding */
	size_t nfindings;
	bool has_seed;
	uint64_t seed;          /* of the invoice sample */
	char *files;            /* the imports used */
};

/* Run the controls mapped (ops_control_map) to the control moments of
** the plan of at's year, as of day `at`. A sample's seed is *seed when
** given, else the one recorded for the occasion `occasion_id` (0: none),
** else a new random one. Free with ops_control_runs_free. */
enum styr_rc ops_controls_run(struct store *s, struct date at, int64_t occasion_id,
                              const uint64_t *seed, struct ops_control_run **out, size_t *n,
                              struct styr_error *err);
void ops_control_runs_free(struct ops_control_run *v, size_t n);

/* ---- apply ---- */

struct ops_applied {
	char *indicator, *measure, *value;
	bool changed;           /* differs from the value stored before */
};

struct ops_apply_result {
	struct date from, to;   /* the period of the figures */
	struct ops_applied *values;
	size_t nvalues;
	struct ops_control_run *runs;
	size_t nruns;
	size_t followups_new, followups_changed, followups_same;
};

/*
** Write the figures of the year up to the occasion's cut-off as the
** values of the indicators mapped to them (ops_indicator_map), and the
** controls mapped to the control moments of the year's plan as their
** follow-ups, each with its provenance, in one transaction. A value is
** replaced when the occasion has one; a follow-up an earlier apply wrote
** for the occasion (the same label) is left when it says the same and
** updated when it does not. Release with ops_apply_result_release.
*/
enum styr_rc ops_apply(struct store *s, const struct occasion *o, const uint64_t *seed,
                       struct ops_apply_result *r, struct styr_error *err);
void ops_apply_result_release(struct ops_apply_result *r);

/* ---- provenance of what was applied ---- */

struct ops_source_row {
	char *indicator, *measure, *value, *definition, *from, *to, *files, *detail;
	char *applied_at, *applied_by;
	int version;
	long rows;
};

/* The figures applied at an occasion, by indicator. Free with
** ops_sources_free. */
enum styr_rc ops_sources(struct store *s, const struct occasion *o, struct ops_source_row **out,
                         size_t *n, struct styr_error *err);
void ops_sources_free(struct ops_source_row *v, size_t n);

/* ---- check ---- */

/* For `styr check`: profiles without the required columns of a source
** they are used for, mappings to indicators or moments of years without
** imports, indicator values that differ from what apply wrote. */
enum styr_rc ops_check(struct store *s, struct findings *f, struct styr_error *err);

#endif
