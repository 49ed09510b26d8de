/*
** economy.h — domain calls of the economy (over schema_economy.c): the
** operating account of an occasion, the investment table of an occasion,
** the capital costs of a year's investment budget and the split of a
** year's result, each with the figures the document states and those styr
** computes; and the economy's checks for `styr check`.
**
** Reports and commands call these; amounts are öre. Result structs own
** their strings (malloc'ed, "" when the data has none, freed by the
** _release call): nothing is cut to a fixed size.
*/
#ifndef STYR_STORE_ECONOMY_H
#define STYR_STORE_ECONOMY_H

#include <stdbool.h>
#include <stddef.h>

#include "base/date.h"
#include "base/error.h"
#include "base/findings.h"
#include "base/money.h"
#include "economy/economy_rules.h"
#include "org/org.h"

struct store;
struct section_desc;
struct migration;

extern const struct migration migration_economy, migration_economy_split_key;
extern const struct section_desc section_accounts, section_line_mappings,
	section_drift_lines, section_drift_totals, section_contributions,
	section_investment_projects, section_investment_rows,
	section_investment_totals, section_capital_parameters,
	section_capital_projects, section_result_splits, section_result_split_keys,
	section_result_split_parts;

/* Which figures of a row are present (bits of econ_figures.have). */
enum {
	ECON_BUDGET = 1, ECON_BUDGET_PREV = 2, ECON_OUTCOME = 4, ECON_FORECAST = 8,
	ECON_DEVIATION = 16, ECON_CHANGE = 32, ECON_FORECAST_DEVIATION = 64,
	ECON_REMAINING = 128
};

struct econ_figures {
	unsigned have;
	money_t budget, budget_prev, outcome, forecast;
	money_t stated_deviation, stated_change;        /* as printed */
	money_t stated_forecast_deviation, remaining;   /* investments */
};

/* A line or a total row of an operating-account table. */
struct econ_drift_row {
	int position;
	char *name;
	enum econ_kind kind;    /* lines: revenue, contribution, cost;
	                           totals: revenue, cost, net */
	char *municipality;     /* member code of a contribution line, or "" */
	struct econ_figures f;
};

struct econ_drift {
	struct occasion occ;
	struct econ_drift_row *lines, *totals;
	size_t nlines, ntotals;
};

/* The operating-account table of an occasion (lines and stated totals in
** document order); STYR_ENOTFOUND when the occasion has none. Release
** with econ_drift_release(). */
enum styr_rc econ_drift_get(struct store *s, const struct occasion *occ,
                            struct econ_drift *out, struct styr_error *err);
void econ_drift_release(struct econ_drift *d);

/* The computed figures of a total of `kind` over d's lines (the lines
** econ_kind_sums names). */
void econ_drift_sum(const struct econ_drift *d, enum econ_kind kind,
                    struct econ_figures *out);

/* The deviation of a row as styr computes it: budget − forecast when a
** forecast is given, else budget − outcome; false when neither is. */
bool econ_row_deviation(const struct econ_figures *f, money_t *out);

/* A project row or a total row of an investment table. */
struct econ_invest_row {
	int position;
	char *project;          /* project key; "" for a total */
	char *name;             /* as printed */
	char *programme;        /* "" for the main table */
	char *municipality;     /* member code, or "" */
	struct econ_figures f;
	char *stated_percent;   /* as in the data ("9.3"), or "" */
};

struct econ_invest {
	struct occasion occ;
	struct econ_invest_row *rows, *totals;
	size_t nrows, ntotals;
};

enum styr_rc econ_invest_get(struct store *s, const struct occasion *occ,
                             struct econ_invest *out, struct styr_error *err);
void econ_invest_release(struct econ_invest *v);

/* Sum of the rows of a programme ("" for the main table). */
void econ_invest_sum(const struct econ_invest *v, const char *programme,
                     struct econ_figures *out);

struct econ_capital_row {
	int position;
	char *project;
	char *name;
	money_t amount;
	int life_years, other_life_years;    /* other 0 when one life */
	bool split_known;                    /* false: other_life_amount unknown */
	money_t other_life_amount;
	bool has_stated;
	money_t stated_cost;
	money_t cost;                        /* computed when split_known */
	money_t cost_min, cost_max;          /* bounds over every split otherwise */
};

struct econ_capital {
	int year;
	char *rate;                          /* as in the data, "1.25" */
	int rate_e2;                         /* hundredths of a percent */
	int activation_month;
	unsigned have;                       /* ECON_BUDGET: stated_total_amount,
	                                        ECON_OUTCOME: stated_total_cost */
	money_t stated_total_amount, stated_total_cost;
	struct econ_capital_row *rows;
	size_t nrows;
};

/* The capital costs of year's investment budget, computed with
** economy/economy_rules.h; STYR_ENOTFOUND when the year has no parameters. */
enum styr_rc econ_capital_get(struct store *s, int year, struct econ_capital *out,
                              struct styr_error *err);
void econ_capital_release(struct econ_capital *c);

struct econ_split_part {
	char *code;
	char *name;
	int64_t population;      /* SPLIT_POPULATION: on key_date */
	char *key;               /* the member's key as written ("8 116", "62.5") */
	int64_t tkr;             /* computed part in whole tkr */
	bool has_stated;
	money_t stated;
};

struct econ_split {
	int year;
	money_t amount;          /* as the document gives it */
	enum split_key key;      /* what the result is split by */
	char *key_name;          /* SPLIT_KEY: what the key counts ("anställda"); may be NULL */
	struct date key_date;    /* SPLIT_POPULATION: the population date used */
	bool key_date_default;   /* none was given: 31 December two years before */
	struct econ_split_part *parts;
	size_t nparts;
};

/* The split of year's result among the members (largest remainder in
** whole tkr over the key: population on key_date, fixed shares, or the
** members' key values); STYR_ENOTFOUND when the year has no split or the
** committee has fewer than two members (one member has no split);
** STYR_EINVAL when a member lacks its key, or shares do not add up to
** 100. Release with econ_split_release. */
enum styr_rc econ_split_get(struct store *s, int year, struct econ_split *out,
                            struct styr_error *err);
void econ_split_release(struct econ_split *sp);

/* Every consistency check of the economy data, for `styr check`. */
enum styr_rc economy_check(struct store *s, struct findings *f, struct styr_error *err);

#endif
