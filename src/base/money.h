/*
** money.h — money as integer öre, and Swedish numbers as people write them.
**
** Money is never floating point: an amount is an int64_t count of öre
** (1 krona = 100 öre). Reports show thousands of kronor (tkr), rounded half
** away from zero. Swedish formatting: a space between groups of three
** digits ("1 923"), decimal comma ("6,72"), a space before "%" ("6,72 %").
**
** Parsing accepts what people type: "1 923", "1923", "6,72", "72,25 %",
** "−852" (U+2212 minus), a non-breaking space (U+00A0, U+202F) as group
** separator.
*/
#ifndef STYR_MONEY_H
#define STYR_MONEY_H

#include <stdbool.h>
#include <stdint.h>

#include "base/error.h"
#include "base/strbuf.h"

typedef int64_t money_t; /* öre */

#define ORE_PER_KRONA 100
#define ORE_PER_TKR   100000

/* The range of an amount styr stores: at most 999 999 999 999 999,99 kr
** either way, ±(10^17 − 1) öre (docs/limits.md). An amount outside it is
** refused where it is read, with the field named. Any sum of up to 92
** amounts in range fits in an int64_t; a longer sum goes through
** money_add. */
#define MONEY_MAX ((money_t)99999999999999999)

/* Whether ore lies within ±MONEY_MAX. */
bool money_in_range(int64_t ore);

/* *acc += v, checked: false (and *acc unchanged) when the sum does not fit
** in an int64_t. */
bool money_add(int64_t *acc, int64_t v);

/* Thousands of kronor, rounded half away from zero: 149999 öre -> 1 tkr?
** no: 1 tkr = 100 000 öre; 150 000 öre -> 2 tkr, -150 000 -> -2. */
int64_t money_to_tkr(money_t ore);

/* Exact conversion from whole tkr (for data given in tkr). */
money_t money_from_tkr(int64_t tkr);

/* Round a value with `from` decimals to `to` decimals, half away from
** zero: decimal_round(1714, 2, 1) == 171, decimal_round(-85250, 2, 0)
** == -853. When to > from the value is scaled up exactly (the caller
** keeps it in range). 0 <= from, to <= 18. */
int64_t decimal_round(int64_t v, int from, int to);

/* decimal_round, checked: false (and *out unset) when the result does not
** fit in an int64_t, as when 9 223 372 036 854 775 807 kr becomes öre. */
bool decimal_rescale(int64_t v, int from, int to, int64_t *out);

/* The quotient num / den with `decimals` decimals, rounded half away from
** zero, exact for any int64 operands (no floating point): percent used
** 851 / 2773 with one decimal is decimal_div(851 * 100, 2773, 1) == 307
** (30,7 %). den must not be 0; the result must fit in int64. */
int64_t decimal_div(int64_t num, int64_t den, int decimals);

/* Append an integer in Swedish form: 1923 -> "1 923", -852 -> "-852". */
void fmt_int_sv(struct strbuf *sb, int64_t v);

/* Append a fixed-point value with `decimals` decimals in Swedish form:
** fmt_decimal_sv(sb, 672, 2) -> "6,72"; fmt_decimal_sv(sb, 123456, 1)
** -> "12 345,6". */
void fmt_decimal_sv(struct strbuf *sb, int64_t v, int decimals);

/* Append an amount as whole tkr in Swedish form: -85 200 000 öre -> "-852". */
void fmt_tkr(struct strbuf *sb, money_t ore);

/* Append a percentage with a space before the sign: (672, 2) -> "6,72 %". */
void fmt_percent_sv(struct strbuf *sb, int64_t v, int decimals);

/* A number as a person wrote it: value scaled by 10^decimals. */
struct sv_number {
	int64_t value;
	int decimals;   /* digits after the decimal comma as written */
	bool percent;   /* a trailing "%" was present */
};

/* Parse a Swedish number ("1 923", "6,72", "72,25 %", "6,72%", "−852").
** Spaces around the number and before "%" are ignored; inside it a space
** (ASCII, U+00A0, U+202F or U+2009) may only separate groups of three
** digits ("12 5" is refused). The minus may be "-", U+2212 or U+2013 (a
** word processor's dash). A decimal point is accepted too ("6.72") when
** there is no comma. At most 9 decimals. Fails with STYR_EINVAL and a
** message naming the text when it is not a number; *out is then unset. */
enum styr_rc sv_number_parse(const char *s, struct sv_number *out,
                             struct styr_error *err);

/* The number rescaled to `decimals` decimals (rounded half away from zero
** when decimals is smaller than n->decimals). The caller knows that it
** fits; sv_number_rescale is the checked form. */
int64_t sv_number_scaled(const struct sv_number *n, int decimals);

/* The number rescaled to `decimals` decimals into *out; false when it does
** not fit in an int64_t ("92 233 720 368 547 758,08" as öre). */
bool sv_number_rescale(const struct sv_number *n, int decimals, int64_t *out);

/* Compare two numbers exactly, whatever their decimals and size: <0, 0,
** >0 as a is below, equal to, above b. */
int sv_number_cmp(const struct sv_number *a, const struct sv_number *b);

/* The number as an amount in öre: at most two decimals (more are refused
** unless they are zeros: "12,500"), within ±MONEY_MAX, not a percentage.
** Fails with STYR_EINVAL and a message saying which of these it breaks. */
enum styr_rc sv_number_ore(const struct sv_number *n, money_t *out,
                           struct styr_error *err);

/* Parse an amount in kronor as written in styr's JSON data ("-34559000",
** "12.5", "12.50"): at most two decimals, decimal point, within
** ±MONEY_MAX. More decimals, a larger amount, or anything else, fail with
** STYR_EINVAL. */
enum styr_rc money_parse_kronor(const char *s, money_t *out,
                                struct styr_error *err);

/* Append an amount in kronor in the canonical JSON form: whole kronor with
** no decimals ("-34559000"), otherwise exactly two decimals ("12.50"). */
void money_format_kronor(struct strbuf *sb, money_t ore);

#endif
