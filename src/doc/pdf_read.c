/*
** pdf_read.c — reading PDF's syntax: values, dictionaries, arrays,
** objects through the cross-reference table, text strings (see
** pdf_read.h).
*/
#include "doc/pdf_read.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

static bool is_space(int c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static bool is_delim(int c)
{
	return c && strchr("()<>[]{}/%", c);
}

static bool is_regular(int c)
{
	return !is_space(c) && !is_delim(c);
}

/* Past white space and comments from i. */
static size_t skip_space(const struct pdf_file *f, size_t i)
{
	while(i < f->n) {
		if(is_space((unsigned char)f->b[i]))
			i++;
		else if(f->b[i] == '%')
			while(i < f->n && f->b[i] != '\n' && f->b[i] != '\r')
				i++;
		else
			break;
	}
	return i;
}

/* The end of the run of regular characters from i (a number, a keyword). */
static size_t token_end(const struct pdf_file *f, size_t i)
{
	while(i < f->n && is_regular((unsigned char)f->b[i]))
		i++;
	return i;
}

/* Whether b[i..end) is the keyword kw. */
static bool token_is(const struct pdf_file *f, size_t i, size_t end, const char *kw)
{
	size_t len = strlen(kw);
	return end - i == len && !memcmp(f->b + i, kw, len);
}

/* The unsigned integer b[i..end) into *num; false when it is not one. */
static bool token_uint(const struct pdf_file *f, size_t i, size_t end, long long *num)
{
	long long v = 0;
	if(i == end || end - i > 15)
		return false;
	for(; i < end; i++) {
		if(f->b[i] < '0' || f->b[i] > '9')
			return false;
		v = v * 10 + (f->b[i] - '0');
	}
	*num = v;
	return true;
}

/* The value at *pos (after white space) into v, *pos after it; false
** when what is there is not a value. */
static bool value(const struct pdf_file *f, size_t *pos, struct pdf_val *v, int depth)
{
	size_t i = skip_space(f, *pos), end;
	const char *b = f->b;

	if(i >= f->n || depth > PDF_MAX_DEPTH)
		return false;
	memset(v, 0, sizeof(*v));
	v->at = i;
	if(b[i] == '<' && i + 1 < f->n && b[i + 1] == '<') {
		v->kind = PDF_DICT;
		for(i += 2;;) {
			struct pdf_val key, x;
			i = skip_space(f, i);
			if(i + 1 < f->n && b[i] == '>' && b[i + 1] == '>') {
				i += 2;
				break;
			}
			if(!value(f, &i, &key, depth + 1) || key.kind != PDF_NAME ||
			   !value(f, &i, &x, depth + 1))
				return false;
		}
	} else if(b[i] == '[') {
		v->kind = PDF_ARRAY;
		for(i++;;) {
			struct pdf_val x;
			i = skip_space(f, i);
			if(i < f->n && b[i] == ']') {
				i++;
				break;
			}
			if(!value(f, &i, &x, depth + 1))
				return false;
		}
	} else if(b[i] == '(') {
		int open = 1;
		v->kind = PDF_STRING;
		for(i++; open; i++) {
			if(i >= f->n)
				return false;
			if(b[i] == '\\')
				i++;
			else if(b[i] == '(')
				open++;
			else if(b[i] == ')')
				open--;
		}
	} else if(b[i] == '<') {
		v->kind = PDF_HEX;
		for(i++; i < f->n && b[i] != '>'; i++)
			if(!g_ascii_isxdigit(b[i]) && !is_space((unsigned char)b[i]))
				return false;
		if(i >= f->n)
			return false;
		i++;
	} else if(b[i] == '/') {
		v->kind = PDF_NAME;
		i = token_end(f, i + 1);
	} else if(is_regular((unsigned char)b[i])) {
		end = token_end(f, i);
		if(token_is(f, i, end, "true") || token_is(f, i, end, "false")) {
			v->kind = PDF_BOOL;
		} else if(token_is(f, i, end, "null")) {
			v->kind = PDF_NULL;
		} else if(token_uint(f, i, end, &v->num)) {
			/* an integer, or "num gen R" */
			size_t g = skip_space(f, end), gend = token_end(f, g), r = skip_space(f, gend);
			v->kind = PDF_INT;
			if(g > end && token_uint(f, g, gend, &v->gen) && r > gend &&
			   token_is(f, r, token_end(f, r), "R")) {
				v->kind = PDF_REF;
				end = r + 1;
			}
		} else {
			/* a real or a signed number: digits, one point, one sign */
			size_t k = i + (b[i] == '+' || b[i] == '-');
			int digits = 0, points = 0;
			for(; k < end; k++) {
				if(b[k] == '.')
					points++;
				else if(b[k] >= '0' && b[k] <= '9')
					digits++;
				else
					return false;
			}
			if(!digits || points > 1)
				return false;
			v->kind = points ? PDF_REAL : PDF_INT;
			v->num = points ? 0 : strtoll(b + i, NULL, 10);
		}
		i = end;
	} else {
		return false;
	}
	v->end = i;
	*pos = i;
	return true;
}

/* Whether the name v is key ("/Root"). */
bool pdf_name_is(const struct pdf_file *f, const struct pdf_val *v, const char *key)
{
	return v->kind == PDF_NAME && token_is(f, v->at, v->end, key);
}

/* The next entry of the dictionary being walked from *pos (start at
** d->at + 2): its key and value; false at its end. */
bool pdf_dict_next(const struct pdf_file *f, size_t *pos, struct pdf_val *key,
                   struct pdf_val *v)
{
	size_t i = skip_space(f, *pos);
	if(i + 1 >= f->n || (f->b[i] == '>' && f->b[i + 1] == '>'))
		return false;
	if(!value(f, &i, key, 1) || !value(f, &i, v, 1))
		return false;
	*pos = i;
	return true;
}

/* The value of key in the dictionary d; false when d has none. */
bool pdf_dict_get(const struct pdf_file *f, const struct pdf_val *d, const char *key,
                  struct pdf_val *v)
{
	struct pdf_val k;
	size_t pos = d->at + 2;
	if(d->kind != PDF_DICT)
		return false;
	while(pdf_dict_next(f, &pos, &k, v))
		if(pdf_name_is(f, &k, key))
			return true;
	return false;
}

/* The next element of the array being walked from *pos (start at
** a->at + 1); false at its end. */
bool pdf_array_next(const struct pdf_file *f, size_t *pos, struct pdf_val *v)
{
	size_t i = skip_space(f, *pos);
	if(i >= f->n || f->b[i] == ']' || !value(f, &i, v, 1))
		return false;
	*pos = i;
	return true;
}

/* Object num gen of the file into v (the value after "num gen obj"). */
static enum styr_rc object(const struct pdf_file *f, long long num, long long gen,
                           struct pdf_val *v, struct styr_error *err)
{
	size_t i, e;
	long long n2, g2;

	if(num <= 0 || (size_t)num >= f->size || !f->off[num] || f->gen[num] != gen)
		return styr_error_set(err, STYR_EIO, "pdf: object %lld %lld R is not in the "
		                      "cross-reference table", num, gen);
	i = f->off[num];
	e = token_end(f, i);
	if(!token_uint(f, i, e, &n2) || n2 != num)
		goto bad;
	i = skip_space(f, e);
	e = token_end(f, i);
	if(!token_uint(f, i, e, &g2) || g2 != gen)
		goto bad;
	i = skip_space(f, e);
	e = token_end(f, i);
	if(!token_is(f, i, e, "obj") || !value(f, &e, v, 0))
		goto bad;
	return STYR_OK;
bad:
	return styr_error_set(err, STYR_EIO, "pdf: object %lld %lld R is not at byte %zu, where "
	                      "the cross-reference table has it", num, gen, f->off[num]);
}

/* v itself, or the object it refers to. */
enum styr_rc pdf_resolve(const struct pdf_file *f, struct pdf_val *v, struct styr_error *err)
{
	return v->kind == PDF_REF ? object(f, v->num, v->gen, v, err) : STYR_OK;
}

/* The cross-reference table and trailer the last startxref points at:
** f->size, f->off, f->gen, the trailer dictionary and where the table is. */
enum styr_rc pdf_read_xref(struct pdf_file *f, struct pdf_val *trailer, size_t *xref_at,
                              struct styr_error *err)
{
	const char *b = f->b;
	size_t i = f->n, e, at, eof;
	long long x, first, count, num;
	struct {
		long long num, gen;
		size_t off;
	} *ent = NULL;
	size_t nent = 0, aent = 0;
	struct pdf_val v;

	/* "startxref OFFSET %%EOF" at the end */
	while(i > 0 && is_space((unsigned char)b[i - 1]))
		i--;
	if(i < 14 || memcmp(b + i - 5, "%%EOF", 5))
		return styr_error_set(err, STYR_EIO, "pdf: the file does not end with %%%%EOF");
	eof = i - 5;
	for(at = eof - 9; at > 0 && eof - at < 1024 && memcmp(b + at, "startxref", 9); at--)
		;
	if(memcmp(b + at, "startxref", 9))
		return styr_error_set(err, STYR_EIO, "pdf: no startxref before the %%%%EOF");
	for(i = at + 9; i < eof && is_space((unsigned char)b[i]); i++)
		;
	e = token_end(f, i);
	if(!token_uint(f, i, e, &x) || x <= 0 || (size_t)x >= f->n)
		return styr_error_set(err, STYR_EIO, "pdf: no offset after the last startxref");
	for(i = e; i < eof && is_space((unsigned char)b[i]); i++)
		;
	if(i != eof)
		return styr_error_set(err, STYR_EIO, "pdf: more than an offset after the last "
		                      "startxref");
	*xref_at = (size_t)x;
	i = (size_t)x;
	e = token_end(f, i);
	if(!token_is(f, i, e, "xref"))
		return styr_error_set(err, STYR_EIO, "pdf: startxref %lld does not point at a "
		                      "cross-reference table (a cross-reference stream is not read)", x);
	/* subsections "first count" and their entries "offset gen n|f" */
	for(i = skip_space(f, e);; i = skip_space(f, e)) {
		e = token_end(f, i);
		if(token_is(f, i, e, "trailer"))
			break;
		if(!token_uint(f, i, e, &first))
			goto bad;
		i = skip_space(f, e);
		e = token_end(f, i);
		if(!token_uint(f, i, e, &count) || (size_t)count > f->n / 18)
			goto bad;
		for(num = first; num < first + count; num++) {
			long long off, gen;
			i = skip_space(f, e);
			e = token_end(f, i);
			if(!token_uint(f, i, e, &off))
				goto bad;
			i = skip_space(f, e);
			e = token_end(f, i);
			if(!token_uint(f, i, e, &gen))
				goto bad;
			i = skip_space(f, e);
			e = token_end(f, i);
			if(token_is(f, i, e, "f"))
				continue;
			if(!token_is(f, i, e, "n") || off <= 0 || (size_t)off >= f->n)
				goto bad;
			ALLOC_GROW(ent, nent, aent);
			ent[nent].num = num;
			ent[nent].gen = gen;
			ent[nent++].off = (size_t)off;
		}
	}
	if(!value(f, &e, trailer, 0) || trailer->kind != PDF_DICT) {
		free(ent);
		return styr_error_set(err, STYR_EIO, "pdf: no trailer dictionary after the "
		                      "cross-reference table");
	}
	if(pdf_dict_get(f, trailer, "/Prev", &v) || pdf_dict_get(f, trailer, "/XRefStm", &v)) {
		free(ent);
		return styr_error_set(err, STYR_EIO, "pdf: the file has been updated before "
		                      "(its trailer has /Prev), which is not read");
	}
	if(pdf_dict_get(f, trailer, "/Encrypt", &v)) {
		free(ent);
		return styr_error_set(err, STYR_EIO, "pdf: the file is encrypted");
	}
	if(!pdf_dict_get(f, trailer, "/Size", &v) || v.kind != PDF_INT || v.num <= 0 ||
	   (size_t)v.num > f->n) {
		free(ent);
		return styr_error_set(err, STYR_EIO, "pdf: the trailer has no /Size");
	}
	f->size = (size_t)v.num;
	f->off = xcalloc(f->size, sizeof(*f->off));
	f->gen = xcalloc(f->size, sizeof(*f->gen));
	for(size_t k = 0; k < nent; k++) {
		if((size_t)ent[k].num >= f->size) {
			x = ent[k].num;
			free(ent);
			return styr_error_set(err, STYR_EIO, "pdf: object %lld is beyond the trailer's "
			                      "/Size %zu", x, f->size);
		}
		f->off[ent[k].num] = ent[k].off;
		f->gen[ent[k].num] = ent[k].gen;
	}
	free(ent);
	return STYR_OK;
bad:
	free(ent);
	return styr_error_set(err, STYR_EIO, "pdf: the cross-reference table at byte %zu is "
	                      "not one near byte %zu", *xref_at, i);
}

/* The bytes of the string v (literal or hex) into out. */
static void string_bytes(const struct pdf_file *f, const struct pdf_val *v, struct strbuf *out)
{
	const char *b = f->b;
	size_t i = v->at + 1, end = v->end - 1;

	if(v->kind == PDF_HEX) {
		int hi = -1;
		for(; i < end; i++) {
			if(!g_ascii_isxdigit(b[i]))
				continue;
			if(hi < 0) {
				hi = g_ascii_xdigit_value(b[i]);
			} else {
				strbuf_addch(out, hi * 16 + g_ascii_xdigit_value(b[i]));
				hi = -1;
			}
		}
		if(hi >= 0)
			strbuf_addch(out, hi * 16);
		return;
	}
	for(; i < end; i++) {
		if(b[i] == '\r') {         /* an end of line is a line feed */
			if(i + 1 < end && b[i + 1] == '\n')
				i++;
			strbuf_addch(out, '\n');
		} else if(b[i] != '\\' || i + 1 >= end) {
			strbuf_addch(out, b[i]);
		} else {
			char c = b[++i];
			switch(c) {
			case 'n': strbuf_addch(out, '\n'); break;
			case 'r': strbuf_addch(out, '\r'); break;
			case 't': strbuf_addch(out, '\t'); break;
			case 'b': strbuf_addch(out, '\b'); break;
			case 'f': strbuf_addch(out, '\f'); break;
			case '\r':                 /* a line continued */
				if(i + 1 < end && b[i + 1] == '\n')
					i++;
				break;
			case '\n':
				break;
			default:
				if(c >= '0' && c <= '7') {
					int o = c - '0';
					for(int k = 0; k < 2 && i + 1 < end && b[i + 1] >= '0' && b[i + 1] <= '7'; k++)
						o = o * 8 + (b[++i] - '0');
					strbuf_addch(out, o & 0xff);
				} else {
					strbuf_addch(out, c);
				}
			}
		}
	}
}

/* PDFDocEncoding's characters 0x80..0xa0 (ISO 32000-1 Annex D); from
** 0xa1 it is Latin-1. */
static const unsigned short pdfdoc_80[33] = {
	0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044,
	0x2039, 0x203a, 0x2212, 0x2030, 0x201e, 0x201c, 0x201d, 0x2018,
	0x2019, 0x201a, 0x2122, 0xfb01, 0xfb02, 0x0141, 0x0152, 0x0160,
	0x0178, 0x017d, 0x0131, 0x0142, 0x0153, 0x0161, 0x017e, 0xfffd,
	0x20ac,
};

/* The text string v (ISO 32000-1 §7.9.2: UTF-16BE after a byte order
** mark, else PDFDocEncoding) as UTF-8 into out, replacing what is not
** text with U+FFFD. */
void pdf_text_string(const struct pdf_file *f, const struct pdf_val *v, struct strbuf *out)
{
	struct strbuf raw = STRBUF_INIT;
	const unsigned char *r;

	string_bytes(f, v, &raw);
	r = (const unsigned char *)raw.buf;
	if(raw.len >= 2 && r[0] == 0xfe && r[1] == 0xff) {
		size_t n = (raw.len - 2) / 2;
		gunichar2 *u = xmalloc((n ? n : 1) * sizeof(*u));
		char *s;
		for(size_t k = 0; k < n; k++)
			u[k] = (gunichar2)(r[2 + 2 * k] << 8 | r[3 + 2 * k]);
		s = g_utf16_to_utf8(u, (glong)n, NULL, NULL, NULL);
		strbuf_addstr(out, s ? s : "\xef\xbf\xbd");
		g_free(s);
		free(u);
	} else if(raw.len >= 3 && r[0] == 0xef && r[1] == 0xbb && r[2] == 0xbf) {
		/* UTF-8 after its mark (PDF 2.0) */
		if(g_utf8_validate(raw.buf + 3, (gssize)raw.len - 3, NULL))
			strbuf_add(out, raw.buf + 3, raw.len - 3);
		else
			strbuf_addstr(out, "\xef\xbf\xbd");
	} else {
		for(size_t k = 0; k < raw.len; k++) {
			gunichar c = r[k] < 0x80 ? r[k] : r[k] <= 0xa0 ? pdfdoc_80[r[k] - 0x80] : r[k];
			char u8[6];
			strbuf_add(out, u8, (size_t)g_unichar_to_utf8(c == 0xad ? 0xfffd : c, u8));
		}
	}
	strbuf_release(&raw);
}

