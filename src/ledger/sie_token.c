/*
** sie_token.c — splitting one SIE line into fields (see sie.h).
**
** Fields are separated by spaces or tabs. A field in double quotes may hold
** spaces; inside it \" is a quote and \\ a backslash, any other backslash
** is kept as written ("1820\A012"). `{` and `}` delimit an object list and
** may not nest. The tokenizer works on the file's bytes; conversion to
** UTF-8 happens afterwards, so columns are byte columns of the file.
** Leniency for real files: a quote inside a text that is not followed by
** a separator, or that would leave an odd number of quotes after it, is
** part of the text (SoftOne XE writes "F"rskott till Lind" Park").
*/
#include "ledger/sie.h"

#include <stdlib.h>

#include "base/money.h"
#include <string.h>

void sie_line_init(struct sie_line *l)
{
	memset(l, 0, sizeof(*l));
	strbuf_init(&l->text);
}

void sie_line_release(struct sie_line *l)
{
	free(l->tok);
	strbuf_release(&l->text);
	memset(l, 0, sizeof(*l));
	strbuf_init(&l->text);
}

static void push(struct sie_line *l, enum sie_tok_kind kind, size_t off,
                 size_t len, int column, bool quoted)
{
	ALLOC_GROW(l->tok, l->n, l->alloc);
	/* text holds the offset until the line is done (the buffer may move) */
	l->tok[l->n++] = (struct sie_token){ kind, (const char *)(uintptr_t)off, len,
	                                     column, quoted };
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* True when s[0..n) holds an even number of unescaped quotes. */
static bool quotes_paired(const char *s, size_t n)
{
	size_t q = 0;
	for(size_t i = 0; i < n; i++) {
		if(s[i] == '\\' && i + 1 < n && (s[i + 1] == '"' || s[i + 1] == '\\'))
			i++;
		else if(s[i] == '"')
			q++;
	}
	return q % 2 == 0;
}

enum styr_rc sie_tokenize(struct sie_line *l, const char *line, size_t len,
                          int *column, struct styr_error *err)
{
	size_t i = 0;
	int open_col = 0;

	l->n = 0;
	strbuf_reset(&l->text);
	*column = 0;
	while(i < len) {
		char c = line[i];
		int col = (int)i + 1;
		if(is_space(c)) {
			i++;
			continue;
		}
		if(c == '{' || c == '}') {
			if(l->n == 0) {
				/* a voucher block's own line: "{" or "}" */
				push(l, c == '{' ? SIE_OPEN : SIE_CLOSE, l->text.len, 0, col, false);
				strbuf_addch(&l->text, '\0');
				i++;
				continue;
			}
			if(c == '{' && open_col) {
				*column = col;
				return styr_error_set(err, STYR_EINVAL,
				    "expected } closing the object list of column %d before another {",
				    open_col);
			}
			if(c == '}' && !open_col) {
				*column = col;
				return styr_error_set(err, STYR_EINVAL,
				    "expected { before }");
			}
			open_col = c == '{' ? col : 0;
			push(l, c == '{' ? SIE_OPEN : SIE_CLOSE, l->text.len, 0, col, false);
			strbuf_addch(&l->text, '\0');
			i++;
			continue;
		}
		size_t off = l->text.len;
		if(c == '"') {
			i++;
			for(;;) {
				if(i >= len) {
					*column = (int)len + 1;
					return styr_error_set(err, STYR_EINVAL,
					    "expected \" closing the text that starts at column %d", col);
				}
				if(line[i] == '\\' && i + 1 < len &&
				   (line[i + 1] == '"' || line[i + 1] == '\\')) {
					strbuf_addch(&l->text, line[i + 1]);
					i += 2;
					continue;
				}
				/* A quote ends the text only before a separator and
				** when the rest of the line has its quotes in pairs:
				** some writers leave a bare " inside a text
				** ("leverant"r", "Lind" Park"). */
				if(line[i] == '"' && (i + 1 == len || is_space(line[i + 1]) ||
				                      line[i + 1] == '{' || line[i + 1] == '}') &&
				   quotes_paired(line + i + 1, len - i - 1)) {
					i++;
					break;
				}
				size_t j = i + 1; /* a run of plain text */
				while(j < len && line[j] != '"' && line[j] != '\\')
					j++;
				strbuf_add(&l->text, line + i, j - i);
				i = j;
			}
			push(l, SIE_FIELD, off, l->text.len - off, col, true);
		} else {
			/* a quote inside a word is part of it (Leverant"rsskulder) */
			size_t j = i;
			while(j < len && !is_space(line[j]) && line[j] != '{' && line[j] != '}')
				j++;
			strbuf_add(&l->text, line + i, j - i);
			i = j;
			push(l, SIE_FIELD, off, l->text.len - off, col, false);
		}
		strbuf_addch(&l->text, '\0');
	}
	if(open_col) {
		*column = (int)len + 1;
		return styr_error_set(err, STYR_EINVAL,
		    "expected } closing the object list of column %d", open_col);
	}
	for(size_t k = 0; k < l->n; k++)
		l->tok[k].text = l->text.buf + (uintptr_t)l->tok[k].text;
	return STYR_OK;
}

int sie_parse_amount(const char *s, int64_t *ore)
{
	const char *p = s;
	bool neg = false;
	int64_t v = 0;
	int ndig = 0, nfrac = 0;
	bool beyond = false, big = false;

	if(*p == '-' || *p == '+')
		neg = *p++ == '-';
	for(; *p >= '0' && *p <= '9'; p++, ndig++) {
		v = v * 10 + (*p - '0');
		if(v > MONEY_MAX / 100)
			big = true, v = 0; /* read on: it may still not be a number */
	}
	v *= 100;
	if(*p == '.') {
		for(p++; *p >= '0' && *p <= '9'; p++, nfrac++) {
			if(nfrac == 0)
				v += (*p - '0') * 10;
			else if(nfrac == 1)
				v += *p - '0';
			else if(*p != '0')
				beyond = true;
		}
		if(nfrac == 0)
			return 1;
	}
	if(*p || ndig == 0)
		return 1;
	if(big)
		return 3;
	if(beyond)
		return 2;
	*ore = neg ? -v : v;
	return 0;
}
