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

/* Add a token whose text starts at text; the caller has room for it. */
static inline void push(struct sie_line *l, enum sie_tok_kind kind, const char *text,
                        size_t len, int column, bool quoted)
{
	if(l->n == l->alloc)
		ALLOC_GROW(l->tok, l->n, l->alloc);
	struct sie_token *t = &l->tok[l->n++];
	t->kind = kind;
	t->text = text;
	t->len = len;
	t->column = column;
	t->quoted = quoted;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* The bytes that end a word: a separator or a brace. */
static const bool word_end[256] = { [' '] = true, ['\t'] = true, ['{'] = true, ['}'] = true };

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
	char *o;

	l->n = 0;
	/* Each token's text (unescaped, never longer than what it was read
	** from) and its NUL: at most two bytes for each byte of the line, so
	** the buffer does not move while the line is split. */
	strbuf_reset(&l->text);
	strbuf_grow(&l->text, 2 * len + 1);
	o = l->text.buf;
	*o = '\0';
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
				push(l, c == '{' ? SIE_OPEN : SIE_CLOSE, o, 0, col, false);
				*o++ = '\0';
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
			push(l, c == '{' ? SIE_OPEN : SIE_CLOSE, o, 0, col, false);
			*o++ = '\0';
			i++;
			continue;
		}
		char *start = o;
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
					*o++ = line[i + 1];
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
				memcpy(o, line + i, j - i);
				o += j - i;
				i = j;
			}
			push(l, SIE_FIELD, start, (size_t)(o - start), col, true);
		} else {
			/* a quote inside a word is part of it (Leverant"rsskulder) */
			while(i < len && !word_end[(unsigned char)line[i]])
				*o++ = line[i++];
			push(l, SIE_FIELD, start, (size_t)(o - start), col, false);
		}
		*o++ = '\0';
	}
	l->text.len = o > l->text.buf ? (size_t)(o - l->text.buf) - 1 : 0;
	if(open_col) {
		*column = (int)len + 1;
		return styr_error_set(err, STYR_EINVAL,
		    "expected } closing the object list of column %d", open_col);
	}
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
