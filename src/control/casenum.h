/*
** casenum.h — case numbers (diarienummer) of a committee.
**
** A case number is the committee's prefix, the year and a sequence
** number that starts at 1 each year, in one of the forms registers use
** (the form is committee data, `case_format`):
**
**   YY-N        Syd-IT 21-1        two-digit year, dash (the default)
**   YYYY/N      GLN 2025/14        four-digit year, slash
**   YYYY.N      BN 2025.14         four-digit year, full stop
**   YYYY-NNNN   KS 2025-0014       four-digit year, dash, four digits
**
** A document in a case adds `-M`: `Syd-IT 20-6-11` is document 11 of case
** 20-6, `GLN 2025/14-3` document 3 of case 2025/14. Documents write the
** prefix in any case and with or without the space ("SYD-IT14-26",
** "Syd-IT 18-27"): styr keeps the number as it was written and compares
** numbers by their normal form, the upper-case prefix, one space and the
** form's digits without leading zeros (NNNN: padded to four)
** ("SYD-IT 14-26", "GLN 2025/14", "KS 2025-0014"). A prefix may hold
** digits and spaces ("N2", "Bygg N").
*/
#ifndef STYR_CASENUM_H
#define STYR_CASENUM_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"

/* The forms of a case number. The names are the stored and written forms
** of the committee's `case_format` (org's schema lists the same names). */
enum casenum_form {
	CASENUM_YY_N,          /* "YY-N" */
	CASENUM_YYYY_SLASH,    /* "YYYY/N" */
	CASENUM_YYYY_DOT,      /* "YYYY.N" */
	CASENUM_YYYY_NNNN,     /* "YYYY-NNNN" */
	CASENUM_NFORMS
};
#define CASENUM_ANY (-1)   /* for casenum_parse: whichever form the text has */
extern const char *const casenum_form_names[CASENUM_NFORMS + 1]; /* NULL-terminated */

/* The form named s; NULL gives the default, YY-N. False when s names
** none (*out unchanged). */
bool casenum_form_parse(const char *s, enum casenum_form *out);

struct casenum {
	char *prefix;     /* as written, e.g. "SYD-IT"; owned */
	enum casenum_form form;
	int year;         /* as written: 0..99 for YY-N, four digits otherwise */
	long seq;         /* sequence number in the year, >= 1 */
	long doc;         /* document number in the case; 0 for the case itself */
};

/* Parse text as a case number of form (CASENUM_ANY: any of them). When
** prefix is not NULL the number must start with it (ASCII letters
** compared without regard to case, the space after it optional); when
** NULL the prefix is the shortest start of text after which the rest is
** a number of the form. Returns false, with *out zeroed, when text is no
** such number: N and M are >= 1 with at most six digits each. On success
** release *out with casenum_release. */
bool casenum_parse(const char *text, const char *prefix, int form, struct casenum *out);

/* Free the prefix of c (and zero it); a zeroed casenum is fine. */
void casenum_release(struct casenum *c);

/* Append the normal form of c to out: upper-case prefix, a space, the
** number in c's form ("SYD-IT 20-6-11", "GLN 2025/14-3"). */
void casenum_normalise(const struct casenum *c, struct strbuf *out);

/* Append c written with the committee's prefix as given ("Syd-IT 21-1",
** "KS 2025-0014"). */
void casenum_format(const struct casenum *c, const char *prefix, struct strbuf *out);

/* The year of form as written for calendar year (2021 -> 21 for YY-N). */
int casenum_year(enum casenum_form form, int year);

/* The next sequence number of a year given those in use (any order,
** documents excluded by the caller): one more than the largest, 1 when
** none. */
long casenum_next_seq(const long *used, size_t n);

/* The expected form of a case number with this prefix, for messages:
** "\"Syd-IT YY-N\" or \"Syd-IT YY-N-M\" (YY the year, N the case, M the
** document)". */
void casenum_expected(const char *prefix, enum casenum_form form, struct strbuf *out);

#endif
