/*
** fuzz_date.c — libFuzzer harness for dates (base/date.h), the calendar
** and the legal deadlines computed from a date. A date that parses writes
** back as the same text, its day number goes there and back, and every
** date computed from it (next working day, justering, anslag, appeal) is
** a real date after it, never one wrapped past 9999-12-31.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/calendar.h"
#include "base/date.h"
#include "base/legaldates.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void after(struct date from, struct date d, int at_most)
{
	if(!date_valid(d.year, d.month, d.day) || date_cmp(d, from) < 0 ||
	   date_diff_days(from, d) > at_most)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[16], back[11];
	struct date d, e;
	size_t n = size < sizeof(s) - 1 ? size : sizeof(s) - 1;
	memcpy(s, data, n);
	s[n] = '\0';
	if(date_parse_iso(s, &d)) {
		date_format_iso(d, back);
		if(strcmp(s, back))
			abort();
		if(d.year < DATE_YEAR_MIN || d.year > DATE_YEAR_MAX)
			abort();
		e = date_from_days(date_to_days(d));
		if(date_cmp(d, e))
			abort();
		if(date_weekday(d) < 1 || date_weekday(d) > 7)
			abort();
		struct date next = calendar_next_workday(d, NULL);
		after(d, next, 10);
		if(!calendar_is_workday(next, NULL))
			abort();
		/* deadlines moved past days of rest (lag 1930:173) land on working days */
		struct date j = legal_justering_deadline(d), k = legal_anslag_deadline(d);
		after(d, j, LEGAL_JUSTERING_DAYS + 10);
		after(d, k, LEGAL_ANSLAG_DAYS + 10);
		if(!calendar_is_workday(j, NULL) || !calendar_is_workday(k, NULL))
			abort();
		struct appeal_dates a;
		legal_appeal(&d, 1, NULL, &a);
		after(d, a.nominal, LEGAL_APPEAL_DAYS);
		after(a.nominal, a.last_day, 10);
		after(a.last_day, a.removal, 1);
		date_format_iso(a.removal, back);
		if(back[0] == '0')
			abort(); /* a year wrapped to 0000 */
	}
	if(size >= 4) {
		/* any day number of the range goes there and back */
		uint32_t raw;
		memcpy(&raw, data, 4);
		int32_t lo = date_to_days((struct date){ DATE_YEAR_MIN, 1, 1 });
		int32_t hi = date_to_days((struct date){ DATE_YEAR_MAX, 12, 31 });
		int32_t z = lo + (int32_t)(raw % (uint32_t)(hi - lo + 1));
		d = date_from_days(z);
		if(!date_valid(d.year, d.month, d.day) || date_to_days(d) != z)
			abort();
		date_format_iso(d, back);
		if(!date_parse_iso(back, &e) || date_cmp(d, e))
			abort();
	}
	return 0;
}
