/*
** money.c — money in öre and Swedish numbers (see money.h).
*/
#include "core/money.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

int64_t money_to_tkr(money_t ore)
{
	if(ore >= 0)
		return (ore + ORE_PER_TKR / 2) / ORE_PER_TKR;
	return -((-ore + ORE_PER_TKR / 2) / ORE_PER_TKR);
}

money_t money_from_tkr(int64_t tkr)
{
	return tkr * ORE_PER_TKR;
}

enum styr_rc money_parse_kronor(const char *s, money_t *out,
                                struct styr_error *err)
{
	const char *p = s;
	bool neg = false;
	int64_t whole = 0, frac = 0;
	int nfrac = 0, nwhole = 0;

	if(*p == '-') {
		neg = true;
		p++;
	}
	while(*p >= '0' && *p <= '9') {
		if(whole > (INT64_MAX / 100 - 9) / 10)
			return styr_error_set(err, STYR_EINVAL, "amount \"%s\" is too large", s);
		whole = whole * 10 + (*p++ - '0');
		nwhole++;
	}
	if(*p == '.') {
		p++;
		while(*p >= '0' && *p <= '9') {
			if(++nfrac > 2)
				return styr_error_set(err, STYR_EINVAL,
				    "amount \"%s\" has more than two decimals (öre is the smallest unit)", s);
			frac = frac * 10 + (*p++ - '0');
		}
		if(nfrac == 0)
			return styr_error_set(err, STYR_EINVAL, "amount \"%s\": expected digits after the point", s);
	}
	if(*p || nwhole == 0)
		return styr_error_set(err, STYR_EINVAL,
		    "expected an amount in kronor such as -34559000 or 12.50, found \"%s\"", s);
	if(nfrac == 1)
		frac *= 10;
	*out = (whole * 100 + frac) * (neg ? -1 : 1);
	return STYR_OK;
}

void money_format_kronor(struct strbuf *sb, money_t ore)
{
	uint64_t a = ore < 0 ? (uint64_t)0 - (uint64_t)ore : (uint64_t)ore;
	if(ore < 0)
		strbuf_addch(sb, '-');
	strbuf_addf(sb, "%" PRIu64, a / 100);
	if(a % 100)
		strbuf_addf(sb, ".%02" PRIu64, a % 100);
}

void fmt_int_sv(struct strbuf *sb, int64_t v)
{
	char digits[24];
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	int n = snprintf(digits, sizeof(digits), "%" PRIu64, a);

	if(v < 0)
		strbuf_addch(sb, '-');
	for(int i = 0; i < n; i++) {
		if(i > 0 && (n - i) % 3 == 0)
			strbuf_addch(sb, ' ');
		strbuf_addch(sb, digits[i]);
	}
}
