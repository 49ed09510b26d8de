/*
** ops_controls.c — rules of the internal controls that run themselves
** (see ops_controls.h). Pure.
*/
#include "ops/ops_controls.h"

#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "ops/ops_time.h"

const char *const ops_backup_result_names[] = { NULL, "success", "warning", "failed", NULL };
const char *const ops_schedule_names[] = { "daily", "workdays", NULL };

const char *ops_control_status(long findings, long minor_from, long major_from)
{
	if(minor_from < 1)
		minor_from = 1;
	if(major_from > 0 && findings >= major_from)
		return "Större avvikelser";
	if(findings >= minor_from)
		return "Mindre avvikelser";
	return "Inga avvikelser";
}

void ops_asset_key(const char *name, char *out, size_t n)
{
	static const struct { const char *lo, *up; } sv[] = {
		{ "å", "Å" }, { "ä", "Ä" }, { "ö", "Ö" }, { "é", "É" }
	};
	size_t o = 0;
	while(*name == ' ' || *name == '\t')
		name++;
	size_t len = strlen(name);
	while(len && (name[len - 1] == ' ' || name[len - 1] == '\t'))
		len--;
	for(size_t i = 0; i < len && o + 1 < n;) {
		bool done = false;
		for(size_t k = 0; k < sizeof(sv) / sizeof(sv[0]); k++) {
			if(i + 2 <= len && !memcmp(name + i, sv[k].lo, 2) && o + 3 <= n) {
				memcpy(out + o, sv[k].up, 2);
				o += 2;
				i += 2;
				done = true;
				break;
			}
		}
		if(done)
			continue;
		char c = name[i++];
		out[o++] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
	}
	out[o] = '\0';
}

void ops_asset_compare(const char *const *a, size_t na, const char *const *b, size_t nb,
                       ops_diff_fn fn, void *ctx, struct ops_diff_counts *out)
{
	size_t i = 0, j = 0;
	memset(out, 0, sizeof(*out));
	out->a = (long)na;
	out->b = (long)nb;
	while(i < na || j < nb) {
		int c = i == na ? 1 : j == nb ? -1 : strcmp(a[i], b[j]);
		const char *key = c <= 0 ? a[i] : b[j];
		size_t ra = 0, rb = 0;
		while(c <= 0 && i < na && !strcmp(a[i], key)) {
			i++;
			ra++;
		}
		while(c >= 0 && j < nb && !strcmp(b[j], key)) {
			j++;
			rb++;
		}
		if(ra > 1) {
			out->twice_a++;
			fn(ctx, key, OPS_TWICE_A);
		}
		if(rb > 1) {
			out->twice_b++;
			fn(ctx, key, OPS_TWICE_B);
		}
		if(ra && rb) {
			out->both++;
		} else if(ra) {
			out->only_a++;
			fn(ctx, key, OPS_ONLY_A);
		} else {
			out->only_b++;
			fn(ctx, key, OPS_ONLY_B);
		}
	}
}

uint64_t ops_splitmix64(uint64_t *s)
{
	uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

uint64_t ops_random_below(uint64_t *s, uint64_t n)
{
	/* reject the top part that would favour small values */
	uint64_t limit = UINT64_MAX - UINT64_MAX % n;
	uint64_t x;
	do
		x = ops_splitmix64(s);
	while(x >= limit);
	return x % n;
}

size_t ops_sample(size_t n, const char *const *group, bool distinct, uint64_t seed,
                  size_t want, size_t *out)
{
	size_t *perm = xmalloc((n ? n : 1) * sizeof(*perm)), got = 0;
	uint64_t s = seed;
	for(size_t i = 0; i < n; i++)
		perm[i] = i;
	for(size_t i = n; i > 1; i--) {
		size_t j = (size_t)ops_random_below(&s, i);
		size_t t = perm[i - 1];
		perm[i - 1] = perm[j];
		perm[j] = t;
	}
	for(size_t i = n; i-- > 0 && got < want;) {
		size_t k = perm[i];
		bool taken = false;
		for(size_t g = 0; distinct && group && g < got; g++)
			if(group[out[g]] && group[k] && !strcmp(group[out[g]], group[k]))
				taken = true;
		if(!taken)
			out[got++] = k;
	}
	free(perm);
	return got;
}

long ops_backup_check(struct ops_calendar *cal, const struct ops_backup_run *runs, size_t n,
                      enum ops_schedule schedule, struct date from, struct date to,
                      ops_backup_fn fn, void *ctx)
{
	long findings = 0;
	size_t i = 0;
	for(struct date d = from; date_cmp(d, to) <= 0; d = date_add_days(d, 1)) {
		int64_t a = ops_midnight(d), b = ops_midnight(date_add_days(d, 1));
		bool any = false, ok = false;
		while(i < n && runs[i].start < a)
			i++;
		for(size_t k = i; k < n && runs[k].start < b; k++) {
			any = true;
			if(runs[k].result == OPS_BACKUP_OK || runs[k].result == OPS_BACKUP_WARNING)
				ok = true;
		}
		if(schedule == OPS_WORKDAYS && !ops_calendar_is_working_day(cal, d) && !any)
			continue;
		if(!any || !ok) {
			findings++;
			fn(ctx, d, any ? OPS_BACKUP_ALL_FAILED : OPS_BACKUP_MISSED);
		}
	}
	return findings;
}
