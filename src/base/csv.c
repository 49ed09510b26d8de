/*
** csv.c — streaming CSV parser (see csv.h).
**
** A byte-at-a-time state machine with a fast path for the inside of an
** unquoted field. Field bytes are collected raw; when a record ends they
** are converted to UTF-8 together and handed to the callback.
*/
#include "base/csv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/limits.h"

enum { S_FIELD_START, S_UNQUOTED, S_QUOTED, S_QUOTE_IN_QUOTED };

/* Windows-1252 0x80..0x9f as Unicode code points; undefined bytes keep
** their C1 code point, as the WHATWG encoding standard does. */
static const uint16_t cp1252_c1[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

void csv_init(struct csv_parser *p, char sep, csv_record_fn fn, void *ctx)
{
	memset(p, 0, sizeof(*p));
	p->sep = sep;
	p->detecting = sep == 0;
	p->fn = fn;
	p->ctx = ctx;
	p->line = 1;
	strbuf_init(&p->pending);
	strbuf_init(&p->raw);
	strbuf_init(&p->utf8);
}

void csv_release(struct csv_parser *p)
{
	strbuf_release(&p->pending);
	strbuf_release(&p->raw);
	strbuf_release(&p->utf8);
	free(p->fields);
	p->fields = NULL;
	p->nfields = p->afields = 0;
}

const char *csv_encoding_name(const struct csv_parser *p)
{
	switch(p->enc) {
	case CSV_ENC_UTF8: return "UTF-8";
	case CSV_ENC_CP1252: return "Windows-1252";
	default: return "ASCII";
	}
}

static void add_utf8(struct strbuf *sb, unsigned cp)
{
	if(cp < 0x80) {
		strbuf_addch(sb, (int)cp);
	} else if(cp < 0x800) {
		strbuf_addch(sb, (int)(0xc0 | cp >> 6));
		strbuf_addch(sb, (int)(0x80 | (cp & 0x3f)));
	} else {
		strbuf_addch(sb, (int)(0xe0 | cp >> 12));
		strbuf_addch(sb, (int)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addch(sb, (int)(0x80 | (cp & 0x3f)));
	}
}

/* Start a field at the current position; STYR_EINVAL beyond
** LIMIT_CSV_FIELDS fields. */
static enum styr_rc field_begin(struct csv_parser *p, struct styr_error *err)
{
	if(p->nfields == LIMIT_CSV_FIELDS)
		return styr_error_set(err, STYR_EINVAL,
		    "%ld:%d: the record has more than %d fields, the limit of a CSV record "
		    "(docs/limits.md)", p->line, p->col, LIMIT_CSV_FIELDS);
	ALLOC_GROW(p->fields, p->nfields, p->afields);
	/* text holds the offset into raw until the record is converted */
	p->fields[p->nfields++] = (struct csv_field){ (const char *)(uintptr_t)p->raw.len, 0,
	                                              p->line, p->col };
	return STYR_OK;
}

/* STYR_EINVAL once the record's bytes pass LIMIT_CSV_RECORD. */
static enum styr_rc record_size(struct csv_parser *p, struct styr_error *err)
{
	if(p->raw.len <= LIMIT_CSV_RECORD)
		return STYR_OK;
	return styr_error_set(err, STYR_EINVAL,
	    "%ld:%d: the record is longer than %llu bytes, the limit of a CSV record "
	    "(docs/limits.md)", p->fields[0].line, p->fields[0].column,
	    (unsigned long long)LIMIT_CSV_RECORD);
}

static void field_end(struct csv_parser *p)
{
	struct csv_field *f = &p->fields[p->nfields - 1];
	f->len = p->raw.len - (uintptr_t)f->text;
	strbuf_addch(&p->raw, '\0');
}

static enum styr_rc record_end(struct csv_parser *p, struct styr_error *err)
{
	struct csv_record rec;
	enum styr_rc rc;
	size_t *offs;

	if(p->nfields == 0)
		return STYR_OK;
	if(p->nfields == 1 && p->fields[0].len == 0) { /* blank line */
		p->nfields = 0;
		strbuf_reset(&p->raw);
		return STYR_OK;
	}
	strbuf_reset(&p->utf8);
	offs = xmalloc(p->nfields * sizeof(*offs));
	for(size_t i = 0; i < p->nfields; i++) {
		struct csv_field *f = &p->fields[i];
		const unsigned char *s = (const unsigned char *)p->raw.buf + (uintptr_t)f->text;
		bool high = false;
		for(size_t k = 0; k < f->len && !high; k++)
			high = s[k] >= 0x80;
		if(high && p->enc == CSV_ENC_UNKNOWN)
			p->enc = utf8_valid(s, f->len) ? CSV_ENC_UTF8 : CSV_ENC_CP1252;
		offs[i] = p->utf8.len;
		if(!high || p->enc == CSV_ENC_UTF8) {
			if(high && !utf8_valid(s, f->len)) {
				free(offs);
				return styr_error_set(err, STYR_EINVAL,
				    "%ld:%d: expected UTF-8 text like the rest of the file",
				    f->line, f->column);
			}
			strbuf_add(&p->utf8, s, f->len);
		} else {
			for(size_t k = 0; k < f->len; k++) {
				unsigned c = s[k];
				add_utf8(&p->utf8, c >= 0x80 && c < 0xa0 ? cp1252_c1[c - 0x80] : c);
			}
		}
		strbuf_addch(&p->utf8, '\0');
	}
	for(size_t i = 0; i < p->nfields; i++) {
		struct csv_field *f = &p->fields[i];
		struct styr_error why;
		f->text = p->utf8.buf + offs[i];
		f->len = strlen(f->text);
		if(!text_valid(f->text, f->len, &why)) {
			free(offs);
			return styr_error_set(err, STYR_EINVAL, "%ld:%d: column %zu: expected text, found %s",
			                      f->line, f->column, i + 1, why.msg);
		}
	}
	free(offs);
	rec.fields = p->fields;
	rec.n = p->nfields;
	rec.line = p->fields[0].line;
	rc = p->fn(p->ctx, &rec, err);
	p->nfields = 0;
	strbuf_reset(&p->raw);
	return rc;
}

static enum styr_rc parse(struct csv_parser *p, const char *data, size_t n,
                          struct styr_error *err)
{
	enum styr_rc rc;
	for(size_t i = 0; i < n; i++) {
		char c = data[i];
		if(p->skip_lf) {
			p->skip_lf = false;
			if(c == '\n')
				continue;
		}
		p->col++;
		if(c == '\0')
			return styr_error_set(err, STYR_EINVAL,
			    "%ld:%d: a NUL byte is not text (a UTF-16 file? save it as CSV UTF-8)",
			    p->line, p->col);
		switch(p->state) {
		case S_FIELD_START:
			if((rc = field_begin(p, err)))
				return rc;
			if(c == '"') {
				p->state = S_QUOTED;
				p->quote_line = p->line;
				p->quote_col = p->col;
				break;
			}
			p->state = S_UNQUOTED;
			/* fall through */
		case S_UNQUOTED:
			if(c != p->sep && c != '\n' && c != '\r') {
				/* fast path: the rest of a plain field */
				size_t j = i + 1;
				while(j < n && data[j] != p->sep && data[j] != '\n' && data[j] != '\r' &&
				      data[j] != '\0')
					j++;
				strbuf_add(&p->raw, data + i, j - i);
				p->col += (int)(j - i - 1);
				i = j - 1;
				if((rc = record_size(p, err)))
					return rc;
				break;
			}
			field_end(p);
			if(c == p->sep) {
				p->state = S_FIELD_START;
				break;
			}
			goto line_end;
		case S_QUOTED:
			if(c == '"') {
				p->state = S_QUOTE_IN_QUOTED;
			} else {
				strbuf_addch(&p->raw, c);
				/* CR, LF and CRLF each end one line, even when
				** the CRLF is split over two chunks */
				if(c == '\r' || c == '\n') {
					p->line += c == '\r' || !p->quoted_cr;
					p->col = 0;
				}
				if((rc = record_size(p, err)))
					return rc;
			}
			p->quoted_cr = c == '\r';
			break;
		case S_QUOTE_IN_QUOTED:
			if(c == '"') {
				strbuf_addch(&p->raw, '"');
				p->state = S_QUOTED;
				break;
			}
			field_end(p);
			if(c == p->sep) {
				p->state = S_FIELD_START;
				break;
			}
			if(c == '\n' || c == '\r')
				goto line_end;
			return styr_error_set(err, STYR_EINVAL,
			    "%ld:%d: expected '%c' or the end of the line after the closing quote",
			    p->line, p->col, p->sep);
		}
		continue;
line_end:
		p->state = S_FIELD_START;
		p->skip_lf = c == '\r';
		rc = record_end(p, err);
		if(rc)
			return rc;
		p->line++;
		p->col = 0;
	}
	return STYR_OK;
}

/* The separator of the first record in p->pending: ';' when it has one
** outside quotes, else ','. 0 while that is not known yet: no ';' and no
** line break outside quotes so far, and more input may come (!final).
** The scan goes on where the last call stopped. */
static char detect(struct csv_parser *p, bool final)
{
	const char *s = p->pending.buf;
	for(; p->detect_pos < p->pending.len; p->detect_pos++) {
		char c = s[p->detect_pos];
		if(c == '"')
			p->detect_quoted = !p->detect_quoted;
		else if(!p->detect_quoted && c == ';')
			return ';';
		else if(!p->detect_quoted && (c == '\n' || c == '\r'))
			return ',';
		else if(c == '\0')
			return ','; /* the parse refuses it where it stands */
	}
	return final ? ',' : 0;
}

enum styr_rc csv_feed(struct csv_parser *p, const char *data, size_t n,
                      struct styr_error *err)
{
	if(!p->started) {
		/* the byte-order mark may arrive split over chunks: collect 3 */
		strbuf_add(&p->pending, data, n);
		if(p->pending.len < 3 && n > 0)
			return STYR_OK;
		p->started = true;
		data = p->pending.buf;
		n = p->pending.len;
		if(n >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) {
			p->enc = CSV_ENC_UTF8;
			memmove(p->pending.buf, p->pending.buf + 3, n - 3);
			p->pending.len = n - 3;
			p->pending.buf[p->pending.len] = '\0';
		}
		if(!p->detecting) {
			struct strbuf first = p->pending;
			strbuf_init(&p->pending);
			enum styr_rc rc = parse(p, first.buf, first.len, err);
			strbuf_release(&first);
			return rc;
		}
		data = NULL;
		n = 0;
	}
	if(p->detecting) {
		if(n)
			strbuf_add(&p->pending, data, n);
		if(!(p->sep = detect(p, false))) {
			if(p->pending.len > LIMIT_CSV_RECORD)
				return styr_error_set(err, STYR_EINVAL,
				    "1:1: the record is longer than %llu bytes, the limit of a CSV "
				    "record (docs/limits.md)", (unsigned long long)LIMIT_CSV_RECORD);
			return STYR_OK;
		}
		p->detecting = false;
		struct strbuf first = p->pending;
		strbuf_init(&p->pending);
		enum styr_rc rc = parse(p, first.buf, first.len, err);
		strbuf_release(&first);
		return rc;
	}
	return parse(p, data, n, err);
}

enum styr_rc csv_finish(struct csv_parser *p, struct styr_error *err)
{
	enum styr_rc rc = STYR_OK;
	if(!p->started) {
		p->started = true;
		if(p->pending.len >= 3 && !memcmp(p->pending.buf, "\xef\xbb\xbf", 3)) {
			p->enc = CSV_ENC_UTF8;
			memmove(p->pending.buf, p->pending.buf + 3, p->pending.len - 3);
			p->pending.len -= 3;
		}
		if(!p->detecting) {
			struct strbuf first = p->pending;
			strbuf_init(&p->pending);
			rc = parse(p, first.buf, first.len, err);
			strbuf_release(&first);
		}
	}
	if(!rc && p->detecting) {
		p->sep = detect(p, true);
		p->detecting = false;
		struct strbuf first = p->pending;
		strbuf_init(&p->pending);
		rc = parse(p, first.buf, first.len, err);
		strbuf_release(&first);
	}
	if(rc)
		return rc;
	if(p->state == S_QUOTED)
		return styr_error_set(err, STYR_EINVAL,
		    "%ld:%d: expected a closing quote for the field that starts here",
		    p->quote_line, p->quote_col);
	if(p->state == S_UNQUOTED || p->state == S_QUOTE_IN_QUOTED)
		field_end(p);
	else if(p->nfields) { /* "a;" at the very end: one more empty field */
		if((rc = field_begin(p, err)))
			return rc;
		field_end(p);
	}
	p->state = S_FIELD_START;
	return record_end(p, err);
}
