/*
** economy_rules.c — economic rules (see economy_rules.h). Integer
** arithmetic only.
*/
#include "economy/economy_rules.h"

#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"

const char *const econ_kind_names[ECON_NKINDS + 1] = {
	[ECON_KIND_REVENUE] = "revenue", [ECON_KIND_CONTRIBUTION] = "contribution",
	[ECON_KIND_COST] = "cost", [ECON_KIND_NET] = "net", [ECON_NKINDS] = NULL,
};

bool econ_kind_parse(const char *s, enum econ_kind *out)
{
	for(int k = 0; s && k < ECON_NKINDS; k++) {
		if(!strcmp(s, econ_kind_names[k])) {
			*out = (enum econ_kind)k;
			return true;
		}
	}
	return false;
}

bool econ_kind_sums(enum econ_kind total, enum econ_kind line)
{
	switch(total) {
	case ECON_KIND_NET:
		return true;
	case ECON_KIND_REVENUE:
		return line == ECON_KIND_REVENUE || line == ECON_KIND_CONTRIBUTION;
	case ECON_KIND_COST:
		return line == ECON_KIND_COST;
	default:
		return false;
	}
}

money_t econ_deviation(money_t budget, money_t actual)
{
	return budget - actual;
}

/* num / den rounded half away from zero; den != 0. */
static __int128 div_round(__int128 num, __int128 den)
{
	bool neg = (num < 0) != (den < 0);
	__int128 an = num < 0 ? -num : num, ad = den < 0 ? -den : den;
	__int128 q = (2 * an + ad) / (2 * ad);
	return neg ? -q : q;
}

bool econ_percent_used(money_t outcome, money_t budget, int decimals, int64_t *out)
{
	__int128 scale = 100;
	if(budget == 0 || decimals < 0 || decimals > 6)
		return false;
	for(int i = 0; i < decimals; i++)
		scale *= 10;
	*out = (int64_t)div_round((__int128)outcome * scale, budget);
	return true;
}

enum styr_rc econ_capital_cost(const struct capital_part *parts, size_t n,
                               int rate_e2, int activation_month, money_t *out,
                               struct styr_error *err)
{
	__int128 sum = 0;
	int months = 13 - activation_month;
	if(activation_month < 1 || activation_month > 12)
		return styr_error_set(err, STYR_EINVAL,
		                      "activation month %d: expected 1-12", activation_month);
	if(rate_e2 < 0)
		return styr_error_set(err, STYR_EINVAL,
		                      "interest rate must not be negative");
	/* cost = amount × months/12 × (1/life + rate_e2/10000), summed exactly
	** over the common denominator 12 × 10000 × lcm(lives), rounded once. */
	for(size_t i = 0; i < n; i++)
		if(parts[i].life_years <= 0 || parts[i].life_years > 100)
			return styr_error_set(err, STYR_EINVAL,
			                      "depreciation life %d years: expected 1-100",
			                      parts[i].life_years);
	__int128 den = 12 * 10000;
	__int128 lcm = 1;
	for(size_t i = 0; i < n; i++) {
		__int128 a = lcm, b = parts[i].life_years;
		while(b) {
			__int128 t = a % b;
			a = b;
			b = t;
		}
		lcm = lcm / a * parts[i].life_years;
	}
	for(size_t i = 0; i < n; i++) {
		__int128 l = parts[i].life_years;
		sum += (__int128)parts[i].amount * months * (10000 + (__int128)rate_e2 * l)
		       * (lcm / l);
	}
	*out = (money_t)div_round(sum, den * lcm);
	return STYR_OK;
}

static const struct econ_line_range kommun_bas[] = {
	{ "VERKSAMHETENS INTÄKTER", 3000, 3999 },
	{ "KÖP AV VAROR OCH TJÄNSTER", 4000, 4999 },
	{ "PERSONALKOSTNADER", 5000, 5999 },
	{ "ÖVRIGA VERKSAMHETSKOSTNADER", 6000, 7999 },
	{ "FINANSIELLA POSTER OCH AVSKRIVNINGAR", 8000, 8999 },
};

const struct econ_line_range *econ_builtin_mapping(size_t *n)
{
	*n = sizeof(kommun_bas) / sizeof(kommun_bas[0]);
	return kommun_bas;
}

const char *const split_key_names[SPLIT_NKEYS + 1] = {
	[SPLIT_POPULATION] = "population", [SPLIT_SHARES] = "shares", [SPLIT_KEY] = "key", NULL
};

bool split_key_parse(const char *s, enum split_key *out)
{
	if(!s) {
		*out = SPLIT_POPULATION;
		return true;
	}
	for(int k = 0; k < SPLIT_NKEYS; k++)
		if(!strcmp(s, split_key_names[k])) {
			*out = (enum split_key)k;
			return true;
		}
	return false;
}

#define SPLIT_MAX_DECIMALS 6

enum styr_rc econ_split_weights(const char *const *values, size_t n, int64_t *weights,
                                int64_t *sum, int *decimals, struct styr_error *err)
{
	struct sv_number *v = xcalloc(n ? n : 1, sizeof(*v));
	int d = 0;
	enum styr_rc rc = STYR_OK;
	*sum = 0;
	for(size_t i = 0; !rc && i < n; i++) {
		struct styr_error e;
		if(sv_number_parse(values[i], &v[i], &e) || v[i].percent || v[i].value < 0
		   || v[i].decimals > SPLIT_MAX_DECIMALS)
			rc = styr_error_set(err, STYR_EINVAL, "split key %zu: expected a number 0 or "
			                    "more with at most %d decimals, found \"%s\"", i,
			                    SPLIT_MAX_DECIMALS, values[i]);
		else if(v[i].decimals > d)
			d = v[i].decimals;
	}
	for(size_t i = 0; !rc && i < n; i++) {
		weights[i] = sv_number_scaled(&v[i], d);
		if(weights[i] > INT64_MAX / 4 / (int64_t)(n ? n : 1))
			rc = styr_error_set(err, STYR_EINVAL, "split key %zu: \"%s\" is too large", i,
			                    values[i]);
		else
			*sum += weights[i];
	}
	*decimals = d;
	free(v);
	return rc;
}

enum styr_rc econ_split(int64_t total, const int64_t *weights, size_t n,
                        int64_t *out, struct styr_error *err)
{
	__int128 wsum = 0;
	int64_t abs_total = total < 0 ? -total : total, given = 0;
	__int128 *rem;
	for(size_t i = 0; i < n; i++) {
		if(weights[i] < 0)
			return styr_error_set(err, STYR_EINVAL,
			                      "split key %zu is negative (%lld)", i,
			                      (long long)weights[i]);
		wsum += weights[i];
	}
	if(wsum == 0)
		return styr_error_set(err, STYR_EINVAL, "split key is empty (all weights zero)");
	rem = xcalloc(n, sizeof(*rem));
	for(size_t i = 0; i < n; i++) {
		__int128 p = (__int128)abs_total * weights[i];
		out[i] = (int64_t)(p / wsum);
		rem[i] = p % wsum;
		given += out[i];
	}
	for(int64_t left = abs_total - given; left > 0; left--) {
		size_t best = n;
		for(size_t i = 0; i < n; i++) {
			if(rem[i] < 0)
				continue;   /* already got its extra unit */
			if(best == n || rem[i] > rem[best] ||
			   (rem[i] == rem[best] && weights[i] > weights[best]))
				best = i;
		}
		out[best]++;
		rem[best] = -1;
	}
	free(rem);
	if(total < 0)
		for(size_t i = 0; i < n; i++)
			out[i] = -out[i];
	return STYR_OK;
}
