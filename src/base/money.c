/*
** money.c — money in öre and Swedish numbers (see money.h).
*/
#include "base/money.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* 10^n for 0 <= n <= 18. */
static int64_t pow10i(int n)
{
	int64_t p = 1;
	assert(n >= 0 && n <= 18);
	while(n-- > 0)
		p *= 10;
	return p;
}

int64_t decimal_round(int64_t v, int from, int to)
{
	int64_t p, q, r;
	if(to >= from)
		return v * pow10i(to - from);
	p = pow10i(from - to);
	q = v / p;
	r = v % p; /* same sign as v, |r| < p */
	if(r >= 0 ? r >= p - r : -r >= p + r)
		q += v < 0 ? -1 : 1;
	return q;
}

bool decimal_rescale(int64_t v, int from, int to, int64_t *out)
{
	if(to >= from)
		return !__builtin_mul_overflow(v, pow10i(to - from), out);
	*out = decimal_round(v, from, to);
	return true;
}

bool money_in_range(int64_t ore)
{
	return ore >= -MONEY_MAX && ore <= MONEY_MAX;
}

bool money_add(int64_t *acc, int64_t v)
{
	int64_t r;
	if(__builtin_add_overflow(*acc, v, &r))
		return false;
	*acc = r;
	return true;
}

int64_t decimal_div(int64_t num, int64_t den, int decimals)
{
	__int128 n = (__int128)num * pow10i(decimals), q, r;
	assert(den != 0);
	if(den < 0) {
		n = -n;
		den = -den;
	}
	q = n / den;
	r = n % den;
	if((r < 0 ? -r : r) * 2 >= den)
		q += n < 0 ? -1 : 1;
	return (int64_t)q;
}

int64_t money_to_tkr(money_t ore)
{
	return decimal_round(ore, 5, 0); /* 1 tkr = 10^5 öre */
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
		whole = whole * 10 + (*p++ - '0');
		if(whole > MONEY_MAX / 100)
			return styr_error_set(err, STYR_EINVAL,
			    "amount \"%s\" is out of range (at most 999999999999999.99 kronor either way)", s);
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

/* Append the digits of a in groups of three separated by a space. */
static void add_grouped(struct strbuf *sb, uint64_t a)
{
	char digits[24];
	int n = snprintf(digits, sizeof(digits), "%" PRIu64, a);
	for(int i = 0; i < n; i++) {
		if(i > 0 && (n - i) % 3 == 0)
			strbuf_addch(sb, ' ');
		strbuf_addch(sb, digits[i]);
	}
}

static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

void fmt_int_sv(struct strbuf *sb, int64_t v)
{
	if(v < 0)
		strbuf_addch(sb, '-');
	add_grouped(sb, magnitude(v));
}

void fmt_decimal_sv(struct strbuf *sb, int64_t v, int decimals)
{
	uint64_t a = magnitude(v), scale = (uint64_t)pow10i(decimals);
	if(v < 0)
		strbuf_addch(sb, '-');
	add_grouped(sb, a / scale);
	if(decimals > 0)
		strbuf_addf(sb, ",%0*" PRIu64, decimals, a % scale);
}

void fmt_tkr(struct strbuf *sb, money_t ore)
{
	fmt_int_sv(sb, money_to_tkr(ore));
}

void fmt_percent_sv(struct strbuf *sb, int64_t v, int decimals)
{
	fmt_decimal_sv(sb, v, decimals);
	strbuf_addstr(sb, " %");
}

/* --- parsing Swedish numbers ------------------------------------------- */

/* Length of a space at p as people type or paste it: ASCII space or tab,
** U+00A0 no-break space, U+2009 thin space, U+202F narrow no-break space;
** 0 when p is not at a space. */
static size_t space_len(const char *p)
{
	if(*p == ' ' || *p == '\t')
		return 1;
	if(!strncmp(p, "\xC2\xA0", 2))
		return 2;
	if(!strncmp(p, "\xE2\x80\xAF", 3) || !strncmp(p, "\xE2\x80\x89", 3))
		return 3;
	return 0;
}

static const char *skip_spaces(const char *p)
{
	size_t n;
	while((n = space_len(p)))
		p += n;
	return p;
}

/* Length of a minus sign at p: "-", U+2212 minus, U+2013 en dash (what
** word processors make of a typed "-"); 0 when there is none. */
static size_t minus_len(const char *p)
{
	if(*p == '-')
		return 1;
	if(!strncmp(p, "\xE2\x88\x92", 3) || !strncmp(p, "\xE2\x80\x93", 3))
		return 3;
	return 0;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Add one digit to *v; false on overflow. */
static bool push_digit(int64_t *v, char c)
{
	if(*v > (INT64_MAX - (c - '0')) / 10)
		return false;
	*v = *v * 10 + (c - '0');
	return true;
}

enum styr_rc sv_number_parse(const char *s, struct sv_number *out,
                             struct styr_error *err)
{
	const char *p = skip_spaces(s);
	int64_t v = 0;
	int decimals = 0, group = 0;
	bool neg = false, grouped = false, percent = false;
	size_t n;

	if((n = minus_len(p))) {
		neg = true;
		p = skip_spaces(p + n);
	} else if(*p == '+') {
		p = skip_spaces(p + 1);
	}
	if(!is_digit(*p))
		goto bad;
	/* The integer part: digits, optionally in groups of three after the
	** first group, separated by single spaces. */
	for(;;) {
		if(is_digit(*p)) {
			if(!push_digit(&v, *p++))
				goto big;
			if(++group > 3 && grouped)
				goto bad;
			continue;
		}
		n = space_len(p);
		if(n && is_digit(p[n])) {
			if(grouped ? group != 3 : group > 3)
				goto bad;
			grouped = true;
			group = 0;
			p += n;
			continue;
		}
		break;
	}
	if(grouped && group != 3)
		goto bad;
	if(*p == ',' || (*p == '.' && !strchr(p + 1, ','))) {
		p++;
		if(!is_digit(*p))
			goto bad;
		while(is_digit(*p)) {
			if(++decimals > 9 || !push_digit(&v, *p++))
				goto big;
		}
	}
	p = skip_spaces(p);
	if(*p == '%') {
		percent = true;
		p = skip_spaces(p + 1);
	}
	if(*p)
		goto bad;
	out->value = neg ? -v : v;
	out->decimals = decimals;
	out->percent = percent;
	return STYR_OK;
bad:
	return styr_error_set(err, STYR_EINVAL,
	    "expected a number such as 1 923, -852, 6,72 or 72,25 %%, found \"%s\"", s);
big:
	return styr_error_set(err, STYR_EINVAL,
	    "number \"%s\" is too large or has more than 9 decimals", s);
}

int64_t sv_number_scaled(const struct sv_number *n, int decimals)
{
	return decimal_round(n->value, n->decimals, decimals);
}

bool sv_number_rescale(const struct sv_number *n, int decimals, int64_t *out)
{
	return decimal_rescale(n->value, n->decimals, decimals, out);
}

int sv_number_cmp(const struct sv_number *a, const struct sv_number *b)
{
	/* At most 18 decimals either side: 9.3e18 × 10^18 fits in 128 bits. */
	__int128 x = a->value, y = b->value;
	for(int i = a->decimals; i < b->decimals; i++)
		x *= 10;
	for(int i = b->decimals; i < a->decimals; i++)
		y *= 10;
	return x < y ? -1 : x > y;
}

enum styr_rc sv_number_ore(const struct sv_number *n, money_t *out,
                           struct styr_error *err)
{
	int64_t v;
	if(n->percent)
		return styr_error_set(err, STYR_EINVAL, "expected an amount in kronor, not a percentage");
	if(n->decimals > 2 && n->value % pow10i(n->decimals - 2))
		return styr_error_set(err, STYR_EINVAL,
		                      "expected an amount with at most two decimals (öre)");
	if(!sv_number_rescale(n, 2, &v) || !money_in_range(v))
		return styr_error_set(err, STYR_EINVAL,
		    "expected an amount within ±999 999 999 999 999,99 kr");
	*out = v;
	return STYR_OK;
}
