/*
** ops_controls.h — the rules of the internal controls that run
** themselves (pure: no I/O, no store): the status a count of findings
** gives, the comparison of two asset lists, a reproducible random sample
** and the backup-job log. The ticket controls (old tickets, no solution,
** skipped status routine) read the facts of ops_rules.h.
*/
#ifndef STYR_OPS_CONTROLS_H
#define STYR_OPS_CONTROLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/date.h"
#include "ops/ops_hours.h"

/* The follow-up status for a count of findings: "Inga avvikelser" below
** minor_from, "Större avvikelser" from major_from (0: never), else
** "Mindre avvikelser". minor_from < 1 counts as 1. */
const char *ops_control_status(long findings, long minor_from, long major_from);

/* ---- assets ---- */

/* The key an asset is compared by: surrounding spaces dropped, letters
** upper-cased (ASCII and å, ä, ö, é). Written into out (size n). */
void ops_asset_key(const char *name, char *out, size_t n);

enum ops_diff_side {
	OPS_ONLY_A,        /* in the first list (the register) only */
	OPS_ONLY_B,        /* in the second (the management system) only */
	OPS_TWICE_A,       /* listed more than once in the first */
	OPS_TWICE_B
};

typedef void (*ops_diff_fn)(void *ctx, const char *key, enum ops_diff_side side);

struct ops_diff_counts {
	long a, b;         /* rows in each list */
	long both;         /* keys in both */
	long only_a, only_b, twice_a, twice_b;
};

/* Compare two lists of keys, each sorted by strcmp; fn is called for each
** difference in key order. */
void ops_asset_compare(const char *const *a, size_t na, const char *const *b, size_t nb,
                       ops_diff_fn fn, void *ctx, struct ops_diff_counts *out);

/* ---- a reproducible random sample ---- */

/* SplitMix64: the next number of the sequence whose state is *s. */
uint64_t ops_splitmix64(uint64_t *s);

/* A number in [0, n) from the sequence, without modulo bias. n > 0. */
uint64_t ops_random_below(uint64_t *s, uint64_t n);

/*
** Pick up to `want` of the n items (given in a canonical order, e.g. by
** invoice number) with the seed: the items are shuffled by Fisher–Yates
** driven by SplitMix64(seed), and taken in shuffled order, skipping an
** item whose group (supplier) was already taken when distinct is set.
** out[] receives the indices picked, in pick order; returns how many.
** The same seed and items give the same sample on any machine.
*/
size_t ops_sample(size_t n, const char *const *group, bool distinct, uint64_t seed,
                  size_t want, size_t *out);

/* ---- backup jobs ---- */

enum ops_backup_result { OPS_BACKUP_OK = 1, OPS_BACKUP_WARNING, OPS_BACKUP_FAILED };
extern const char *const ops_backup_result_names[];

enum ops_schedule { OPS_DAILY, OPS_WORKDAYS };
extern const char *const ops_schedule_names[];

struct ops_backup_run {
	int64_t start;     /* instant */
	int result;        /* enum ops_backup_result */
};

enum ops_backup_finding { OPS_BACKUP_MISSED, OPS_BACKUP_ALL_FAILED };

typedef void (*ops_backup_fn)(void *ctx, struct date day, enum ops_backup_finding what);

/* One job's runs sorted by start: every expected day of [from, to] (local
** days; every day, or the working days of cal) must have a run that
** succeeded (with or without warnings). A day without a run is MISSED; a
** day whose runs all failed is ALL_FAILED. Returns the findings. */
long ops_backup_check(struct ops_calendar *cal, const struct ops_backup_run *runs, size_t n,
                      enum ops_schedule schedule, struct date from, struct date to,
                      ops_backup_fn fn, void *ctx);

#endif
