/*
** casenum.c — parse, normalise and number case numbers (see casenum.h).
*/
#include "control/casenum.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Read 1..max digits at *p into *v; advance *p. */
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

bool casenum_parse(const char *text, const char *prefix, struct casenum *out)
{
	const char *p = text;
	size_t plen;
	long year, seq, doc = 0;
	int n;

	memset(out, 0, sizeof(*out));
	if(!text)
		return false;
	if(prefix) {
		plen = strlen(prefix);
		if(!plen || strncasecmp(text, prefix, plen))
			return false;
	} else {
		plen = 0;
		while(text[plen] && !isdigit((unsigned char)text[plen]))
			plen++;
		while(plen && text[plen - 1] == ' ')
			plen--;
		if(!plen)
			return false;
	}
	p = text + plen;
	if(*p == ' ')
		p++;
	if(!digits(&p, 2, &year, &n) || n != 2 || *p++ != '-')
		return false;
	if(!digits(&p, 6, &seq, &n) || seq < 1)
		return false;
	if(*p == '-') {
		p++;
		if(!digits(&p, 6, &doc, &n) || doc < 1)
			return false;
	}
	if(*p)
		return false;
	out->prefix = xmalloc(plen + 1);
	memcpy(out->prefix, text, plen);
	out->prefix[plen] = '\0';
	out->year = (int)year;
	out->seq = seq;
	out->doc = doc;
	return true;
}

void casenum_release(struct casenum *c)
{
	free(c->prefix);
	memset(c, 0, sizeof(*c));
}

static void tail(const struct casenum *c, struct strbuf *out)
{
	strbuf_addf(out, " %02d-%ld", c->year, c->seq);
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

long casenum_next_seq(const long *used, size_t n)
{
	long max = 0;
	for(size_t i = 0; i < n; i++)
		if(used[i] > max)
			max = used[i];
	return max + 1;
}

void casenum_expected(const char *prefix, struct strbuf *out)
{
	strbuf_addf(out, "\"%s YY-N\" or \"%s YY-N-M\" (YY the year, N the case, M the document)",
	            prefix, prefix);
}
