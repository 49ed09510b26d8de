/*
** casenum.c — parse, normalise and number case numbers (see casenum.h).
*/
#include "control/casenum.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const casenum_form_names[CASENUM_NFORMS + 1] = {
	[CASENUM_YY_N] = "YY-N", [CASENUM_YYYY_SLASH] = "YYYY/N",
	[CASENUM_YYYY_DOT] = "YYYY.N", [CASENUM_YYYY_NNNN] = "YYYY-NNNN", NULL
};

bool casenum_form_parse(const char *s, enum casenum_form *out)
{
	if(!s) {
		*out = CASENUM_YY_N;
		return true;
	}
	for(int f = 0; f < CASENUM_NFORMS; f++)
		if(!strcmp(s, casenum_form_names[f])) {
			*out = (enum casenum_form)f;
			return true;
		}
	return false;
}

/* Read 1..max digits at *p into *v (no more digits may follow); advance
** *p; *n is how many were read. */
static bool digits(const char **p, int max, long *v, int *n)
{
	const char *s = *p;
	long x = 0;
	int k = 0;
	while(isdigit((unsigned char)s[k]) && k < max)
		x = x * 10 + (s[k++] - '0');
	if(!k || isdigit((unsigned char)s[k]))
		return false;
	*p = s + k;
	*v = x;
	*n = k;
	return true;
}

/* The year digits and the separator before the sequence of each form. */
static const struct {
	int year_digits;
	char sep;
} forms[CASENUM_NFORMS] = {
	[CASENUM_YY_N] = { 2, '-' }, [CASENUM_YYYY_SLASH] = { 4, '/' },
	[CASENUM_YYYY_DOT] = { 4, '.' }, [CASENUM_YYYY_NNNN] = { 4, '-' },
};

/* The number after the prefix (and its optional space) in form f. */
static bool parse_tail(const char *p, enum casenum_form f, int *year, long *seq, long *doc)
{
	long y, n, m = 0;
	int k;
	if(!digits(&p, forms[f].year_digits, &y, &k) || k != forms[f].year_digits
	   || *p++ != forms[f].sep)
		return false;
	if(!digits(&p, 6, &n, &k) || n < 1)
		return false;
	if(*p == '-') {
		p++;
		if(!digits(&p, 6, &m, &k) || m < 1)
			return false;
	}
	if(*p)
		return false;
	*year = (int)y;
	*seq = n;
	*doc = m;
	return true;
}

/* The tail p (after the prefix) in form, or any form when form < 0. */
static bool parse_rest(const char *p, int form, struct casenum *out)
{
	if(*p == ' ')
		p++;
	if(!isdigit((unsigned char)*p))
		return false;
	for(int f = 0; f < CASENUM_NFORMS; f++) {
		if(form >= 0 && f != form)
			continue;
		if(parse_tail(p, (enum casenum_form)f, &out->year, &out->seq, &out->doc)) {
			out->form = (enum casenum_form)f;
			return true;
		}
	}
	return false;
}

bool casenum_parse(const char *text, const char *prefix, int form, struct casenum *out)
{
	size_t plen = 0;
	bool ok = false;

	memset(out, 0, sizeof(*out));
	if(!text)
		return false;
	if(prefix) {
		plen = strlen(prefix);
		ok = plen && !strncasecmp(text, prefix, plen) && parse_rest(text + plen, form, out);
	} else {
		/* The shortest prefix after which the rest is a number. */
		size_t len = strlen(text);
		for(plen = 1; plen < len && !ok; plen++)
			ok = text[plen - 1] != ' ' && parse_rest(text + plen, form, out);
		plen--;
	}
	if(!ok) {
		memset(out, 0, sizeof(*out));
		return false;
	}
	out->prefix = xmalloc(plen + 1);
	memcpy(out->prefix, text, plen);
	out->prefix[plen] = '\0';
	return true;
}

void casenum_release(struct casenum *c)
{
	free(c->prefix);
	memset(c, 0, sizeof(*c));
}

static void tail(const struct casenum *c, struct strbuf *out)
{
	if(c->form == CASENUM_YY_N)
		strbuf_addf(out, " %02d-%ld", c->year, c->seq);
	else if(c->form == CASENUM_YYYY_NNNN)
		strbuf_addf(out, " %04d-%04ld", c->year, c->seq);
	else
		strbuf_addf(out, " %04d%c%ld", c->year, forms[c->form].sep, c->seq);
	if(c->doc)
		strbuf_addf(out, "-%ld", c->doc);
}

void casenum_normalise(const struct casenum *c, struct strbuf *out)
{
	for(const char *s = c->prefix; *s; s++)
		strbuf_addch(out, toupper((unsigned char)*s));
	tail(c, out);
}

void casenum_format(const struct casenum *c, const char *prefix, struct strbuf *out)
{
	strbuf_addstr(out, prefix);
	tail(c, out);
}

int casenum_year(enum casenum_form form, int year)
{
	return form == CASENUM_YY_N ? year % 100 : year;
}

long casenum_next_seq(const long *used, size_t n)
{
	long max = 0;
	for(size_t i = 0; i < n; i++)
		if(used[i] > max)
			max = used[i];
	return max + 1;
}

void casenum_expected(const char *prefix, enum casenum_form form, struct strbuf *out)
{
	const char *f = casenum_form_names[form];
	strbuf_addf(out, "\"%s %s\" or \"%s %s-M\" (%s the year, %s the case, M the document)",
	            prefix, f, prefix, f, form == CASENUM_YY_N ? "YY" : "YYYY",
	            form == CASENUM_YYYY_NNNN ? "NNNN" : "N");
}
