/*
** fuzz_money.c — libFuzzer harness for Swedish numbers and amounts
** (base/money.h). What parses must format and parse back to the same
** value; rescaling is checked, never wrapped; an amount in öre is within
** MONEY_MAX; comparison is antisymmetric and agrees with exact 128-bit
** arithmetic. The input is two texts separated by the first newline.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/money.h"
#include "base/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_number(const char *s)
{
	struct sv_number n, back;
	struct styr_error err;
	struct strbuf sb = STRBUF_INIT;
	int64_t v;
	money_t ore;

	if(sv_number_parse(s, &n, &err))
		return;
	if(n.decimals < 0 || n.decimals > 9)
		abort();
	if(n.percent)
		fmt_percent_sv(&sb, n.value, n.decimals);
	else
		fmt_decimal_sv(&sb, n.value, n.decimals);
	if(sv_number_parse(sb.buf, &back, &err) || back.value != n.value ||
	   back.decimals != n.decimals || back.percent != n.percent)
		abort();
	if(sv_number_cmp(&n, &back) != 0)
		abort();
	for(int d = 0; d <= 9; d++) {
		__int128 exact = n.value;
		for(int i = n.decimals; i < d; i++)
			exact *= 10;
		if(sv_number_rescale(&n, d, &v)) {
			if(d >= n.decimals && (__int128)v != exact)
				abort();
		} else if(d >= n.decimals && exact >= INT64_MIN && exact <= INT64_MAX) {
			abort(); /* refused what fits */
		}
	}
	if(!sv_number_ore(&n, &ore, &err)) {
		if(!money_in_range(ore) || n.percent)
			abort();
		struct sv_number o = { ore, 2, false };
		if(sv_number_cmp(&o, &n) != 0)
			abort();
	}
	strbuf_release(&sb);
}

static void check_kronor(const char *s)
{
	struct styr_error err;
	struct strbuf sb = STRBUF_INIT;
	money_t m, back;
	if(money_parse_kronor(s, &m, &err))
		return;
	if(!money_in_range(m))
		abort();
	money_format_kronor(&sb, m);
	if(money_parse_kronor(sb.buf, &back, &err) || back != m)
		abort();
	strbuf_release(&sb);
}

static void check_pair(const char *a, const char *b)
{
	struct sv_number x, y;
	struct styr_error err;
	if(sv_number_parse(a, &x, &err) || sv_number_parse(b, &y, &err))
		return;
	int c = sv_number_cmp(&x, &y);
	if(c != -sv_number_cmp(&y, &x))
		abort();
	int64_t s = x.value;
	__int128 sum = (__int128)x.value + y.value;
	if(money_add(&s, y.value) != (sum >= INT64_MIN && sum <= INT64_MAX))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *b;
	memcpy(s, data, size);
	s[size] = '\0';
	b = strchr(s, '\n');
	if(b)
		*b++ = '\0';
	check_number(s);
	check_kronor(s);
	if(b) {
		check_number(b);
		check_pair(s, b);
	}
	free(s);
	return 0;
}
