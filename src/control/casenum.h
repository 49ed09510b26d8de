/*
** casenum.h — case numbers (diarienummer) of a committee.
**
** A case number is `PREFIX YY-N`: the committee's prefix ("Syd-IT"), the
** two-digit year and a sequence number that starts at 1 each year. A
** document in a case adds `-M`: `Syd-IT 20-6-11` is document 11 of case
** 20-6. Documents write the prefix in any case and with or without the
** space ("SYD-IT14-26", "Syd-IT 18-27"): styr keeps the number as it was
** written and compares numbers by their normal form, the upper-case
** prefix, one space and the digits without leading zeros
** ("SYD-IT 14-26").
*/
#ifndef STYR_CASENUM_H
#define STYR_CASENUM_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"

struct casenum {
	char *prefix;     /* as written, e.g. "SYD-IT"; owned */
	int year;         /* two-digit year, 0..99 */
	long seq;         /* sequence number in the year, >= 1 */
	long doc;         /* document number in the case; 0 for the case itself */
};

/* Parse text as a case number. When prefix is not NULL the number must
** start with it (ASCII letters compared without regard to case, the space
** after it optional); when NULL the prefix is whatever precedes the year.
** Returns false, with *out zeroed, when text is not `PREFIX YY-N` or
** `PREFIX YY-N-M` with N, M >= 1 and at most six digits each. On success
** release *out with casenum_release. */
bool casenum_parse(const char *text, const char *prefix, struct casenum *out);

/* Free the prefix of c (and zero it); a zeroed casenum is fine. */
void casenum_release(struct casenum *c);

/* Append the normal form of c to out: upper-case prefix, a space,
** "YY-N" or "YY-N-M" ("SYD-IT 20-6-11"). */
void casenum_normalise(const struct casenum *c, struct strbuf *out);

/* Append c written with the committee's prefix as given ("Syd-IT 21-1"). */
void casenum_format(const struct casenum *c, const char *prefix, struct strbuf *out);

/* The next sequence number of a year given those in use (any order,
** documents excluded by the caller): one more than the largest, 1 when
** none. */
long casenum_next_seq(const long *used, size_t n);

/* The expected form of a case number with this prefix, for messages:
** "\"Syd-IT YY-N\" or \"Syd-IT YY-N-M\" (YY the year, N the case, M the
** document)". */
void casenum_expected(const char *prefix, struct strbuf *out);

#endif
