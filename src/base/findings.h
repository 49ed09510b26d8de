/*
** findings.h — what `styr check` found: one line per finding.
**
** A finding names where (table and row, or file and line) and the figures
** that disagree, e.g. "investment 2020 total: percent used 17,14 in the
** data, 21,0 computed". Each domain module appends its own findings.
*/
#ifndef STYR_FINDINGS_H
#define STYR_FINDINGS_H

#include <stddef.h>

struct findings {
	size_t count;
	size_t alloc;
	char **lines;   /* owned */
};

#define FINDINGS_INIT { 0, 0, NULL }

void findings_add(struct findings *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void findings_release(struct findings *f);

#endif
