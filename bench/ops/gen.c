/*
** gen.c — tickets with history for bench/ops: `gen N DIR` writes
** DIR/tickets.csv and DIR/history.csv in the headings and words of the
** generic profile (docs/ops-indicators.md), N tickets created in 2023 with
** about 4.5 history events each (assignments, replies, priority changes,
** pauses, resolutions, reopenings, closings), the history grouped by
** ticket in time order. Deterministic: the same N gives the same files.
** Times are Stockholm local time and never in the hour the clocks change.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t state = 0x5eed5eed5eedULL;

static uint64_t next(void)
{
	uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in [a, b]. */
static long r(long a, long b)
{
	return a + (long)(next() % (uint64_t)(b - a + 1));
}

static int pct(int p)
{
	return (int)(next() % 100) < p;
}

/* Local seconds (as if UTC) to text; a time in the hour of a change moves
** one hour on. */
static void stamp(long t, char *buf)
{
	time_t x = (time_t)t;
	struct tm tm;
	gmtime_r(&x, &tm);
	if(tm.tm_hour == 2 && tm.tm_wday == 0 && tm.tm_mday >= 25 &&
	   (tm.tm_mon == 2 || tm.tm_mon == 9)) {
		x += 3600;
		gmtime_r(&x, &tm);
	}
	strftime(buf, 32, "%Y-%m-%d %H:%M:%S", &tm);
}

struct ev {
	long at;
	const char *field, *new, *old;
};

static int cmp(const void *a, const void *b)
{
	long x = ((const struct ev *)a)->at, y = ((const struct ev *)b)->at;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	static const char *const prio[] = { "critical", "high", "normal", "low" };
	char path[4096], a[32], b[32];
	if(argc != 3) {
		fprintf(stderr, "usage: gen N DIR\n");
		return 2;
	}
	long n = atol(argv[1]), seq = 0;
	snprintf(path, sizeof(path), "%s/tickets.csv", argv[2]);
	FILE *t = fopen(path, "w");
	snprintf(path, sizeof(path), "%s/history.csv", argv[2]);
	FILE *h = fopen(path, "w");
	if(!t || !h) {
		perror(argv[2]);
		return 2;
	}
	setvbuf(t, NULL, _IOFBF, 1 << 20);
	setvbuf(h, NULL, _IOFBF, 1 << 20);
	fputs("id,type,priority,created,group\n", t);
	fputs("ticket,at,field,new,old,n\n", h);
	const long y2023 = 1672531200L;   /* 2023-01-01 00:00 */
	for(long i = 0; i < n; i++) {
		struct ev e[16];
		int k = 0, p = pct(5) ? 0 : pct(16) ? 1 : pct(75) ? 2 : 3;
		int ty = (int)r(0, 99);
		const char *type = ty < 60 ? "incident" : ty < 87 ? "request" : ty < 90 ? "order" : "change";
		long c = y2023 + r(0, 364) * 86400 + r(7 * 3600, 20 * 3600) + r(0, 59);
		long at = c;
		if(pct(95))
			e[k++] = (struct ev){ c + r(0, 1200), "group", "Servicedesk", "" };
		if(pct(30))
			e[k++] = (struct ev){ c + r(60, 14400), "reply", "Vi har tagit emot ärendet", "" };
		if(p > 0 && pct(20))
			e[k++] = (struct ev){ c + r(0, 7200), "priority", prio[p - 1], prio[p] };
		at = c + r(300, 36000);
		e[k++] = (struct ev){ at, "status", "active", "" };
		if(pct(25)) {
			e[k++] = (struct ev){ at + r(60, 172800), "group", "Nätverk", "" };
			if(pct(10))
				e[k++] = (struct ev){ at + r(172801, 259200), "group", "Servicedesk", "" };
		}
		if(pct(20)) {
			at += r(3600, 86400);
			e[k++] = (struct ev){ at, "status", "paused", "" };
			at += r(3600, 259200);
			e[k++] = (struct ev){ at, "status", "active", "" };
		}
		if(pct(85)) {
			at += r(3600, 20 * 86400);
			e[k++] = (struct ev){ at, "status", "resolved", "" };
			if(pct(10)) {
				at += r(3600, 5 * 86400);
				e[k++] = (struct ev){ at, "status", "active", "" };
				at += r(3600, 5 * 86400);
				e[k++] = (struct ev){ at, "status", "resolved", "" };
			}
			if(pct(40)) {
				at += r(86400, 7 * 86400);
				e[k++] = (struct ev){ at, "status", "closed", "" };
			}
		}
		qsort(e, (size_t)k, sizeof(e[0]), cmp);
		stamp(c, a);
		fprintf(t, "T%08ld,%s,%s,%s,Servicedesk\n", i, type, prio[p], a);
		for(int j = 0; j < k; j++) {
			stamp(e[j].at, b);
			fprintf(h, "T%08ld,%s,%s,%s,%s,%ld\n", i, b, e[j].field, e[j].new, e[j].old, seq++);
		}
	}
	if(fclose(t) || fclose(h)) {
		perror("write");
		return 2;
	}
	return 0;
}
