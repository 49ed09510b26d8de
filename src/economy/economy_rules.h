/*
** economy_rules.h — the economic rules of DESIGN.md ("Economy"), pure: the
** kinds of operating-account rows and what a total sums, deviation,
** percent used, capital cost of a year's investments and the split of a
** surplus or deficit among the members by population key.
**
** Sign convention: revenue negative, cost positive; deviation = budget −
** outcome (or forecast). Amounts are öre (money_t) unless said otherwise.
*/
#ifndef STYR_ECONOMY_H
#define STYR_ECONOMY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/error.h"
#include "base/money.h"

/* The kind of a row of an operating account (drift). A line is revenue,
** contribution (a member's driftbidrag, which is revenue too) or cost; a
** total sums the revenue, the cost or every line (net). The names are the
** stored and written forms ("revenue", ...), one table for every use. */
enum econ_kind {
	ECON_KIND_REVENUE, ECON_KIND_CONTRIBUTION, ECON_KIND_COST, ECON_KIND_NET,
	ECON_NKINDS
};
extern const char *const econ_kind_names[ECON_NKINDS + 1]; /* NULL-terminated */

/* The kind named s; false when s names none (*out unchanged). */
bool econ_kind_parse(const char *s, enum econ_kind *out);

/* Whether a total of kind `total` sums a line of kind `line`: a revenue
** total the revenue and contribution lines, a cost total the cost lines,
** a net total every line. */
bool econ_kind_sums(enum econ_kind total, enum econ_kind line);

/* Deviation of a line: budget − actual (outcome or forecast). */
money_t econ_deviation(money_t budget, money_t actual);

/* Percent used = outcome / budget × 100, scaled by 10^decimals and rounded
** half away from zero: (2261, 10769, 1) -> 210 ("21,0"). False when the
** budget is zero (no percent). */
bool econ_percent_used(money_t outcome, money_t budget, int decimals, int64_t *out);

/* One part of an investment with its depreciation life. */
struct capital_part {
	money_t amount;
	int life_years;     /* > 0 */
};

/* Capital cost in the activation year: straight-line depreciation plus
** interest on the whole amount, both for the months from the activation
** month to December ((13 − month)/12 of a year; month 7 = half a year).
** rate_e2 is the interest rate in hundredths of a percent (1,25 % -> 125).
** Summed over the parts before rounding to öre, half away from zero:
** 3 000 tkr, 3 years, 1,25 %, July -> 518 750 kr (519 tkr). Fails with
** STYR_EINVAL on a life or month out of range. */
enum styr_rc econ_capital_cost(const struct capital_part *parts, size_t n,
                               int rate_e2, int activation_month, money_t *out,
                               struct styr_error *err);

/* What a year's result is split by (the split's `key`): the members'
** population on a date (the default), fixed shares in percent that add up
** to 100, or any other numeric key per member (employees, payslips). The
** names are the stored and written forms. */
enum split_key { SPLIT_POPULATION, SPLIT_SHARES, SPLIT_KEY, SPLIT_NKEYS };
extern const char *const split_key_names[SPLIT_NKEYS + 1]; /* NULL-terminated */

/* The key named s; NULL gives the default, population. False when s
** names none (*out unchanged). */
bool split_key_parse(const char *s, enum split_key *out);

/* The key values as written ("62,5", "40", "1 214"), n of them, as
** integer weights on one scale (every value times 10^d, d the most
** decimals among them, at most 6) into weights[]; the sum of the values
** at that scale into *sum and d into *decimals. STYR_EINVAL naming the
** value (by index) that is no number, is a percentage sign or is
** negative. */
enum styr_rc econ_split_weights(const char *const *values, size_t n, int64_t *weights,
                                int64_t *sum, int *decimals, struct styr_error *err);

/* A report line mapped from a range of account numbers. */
struct econ_line_range {
	const char *line;        /* report line (kontotext) */
	int64_t from, to;        /* account numbers, both included */
};

/* The built-in mapping "kommun-bas", used by a committee that has no
** line_mappings of its own: one report line per kontoklass of Kommun-Bas,
** the chart of accounts for municipalities of Sveriges Kommuner och
** Regioner (SKR, https://skr.se/ekonomijuridikstatistik/ekonomi/
** redovisning/kommunbas.24254.html): 3 intäkter, 4 kostnader för
** material, varor och köpta tjänster, 5 kostnader för arbetskraft, 6-7
** övriga verksamhetskostnader, 8 övriga intäkter och kostnader
** (finansiella poster). The lines are named as the example committee's
** mapping names them. n receives the number of rows. */
#define ECON_BUILTIN_MAPPING "kommun-bas"
const struct econ_line_range *econ_builtin_mapping(size_t *n);

/* Split `total` (whole units, e.g. tkr, any sign) among n parties in
** proportion to weights (population), so that the parts add up exactly
** to total: each gets the floor of its share of |total|, the units left
** go one each to the largest remainders (ties: larger weight, then
** earlier index), and the sign of total is put back. 823 over 2018's
** population -> 163, 113, 227, 320. STYR_EINVAL when a weight is negative
** or all are zero. */
enum styr_rc econ_split(int64_t total, const int64_t *weights, size_t n,
                        int64_t *out, struct styr_error *err);

#endif
