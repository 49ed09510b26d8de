/*
** pdf_finish.c — every PDF styr makes finished as a tagged PDF/A-2b by an
** incremental update of the file as it was written (see render_pdf.h).
**
** Why an update and not a rewrite: cairo's file is complete and valid; it
** lacks a handful of things (below). Parsing all of it and writing it
** again (libqpdf did: ~400 objects, mostly the structure tree) cost more
** than the rest of a PDF, and loading libqpdf more than that. ISO 32000-1
** §7.5.6 lets a file be changed by appending new versions of the objects
** that change, a cross-reference section for just those and a trailer
** pointing back (/Prev) at the old one; PDF/A-2 allows such updates, and
** a reader takes the last version of each object and the last trailer's
** /ID. What is appended:
**   - the sRGB ICC profile (colord-data's, STYR_SRGB_ICC overrides the
**     path; deflated) and the XMP metadata (not compressed, for any
**     reader to find), as new streams;
**   - a new version of the catalog with /MarkInfo << /Marked true >>,
**     /Lang, /ViewerPreferences << /DisplayDocTitle true >>, the output
**     intent (GTS_PDFA1, that profile) and /Metadata;
**   - a new version of /Info with its dates in the PDF form
**     ("D:20200519000000Z"; cairo 1.16 writes "20200519000000");
**   - a new version of every annotation of every page that is not /F 4
**     (printable, not hidden: PDF/A-2 §6.3.2);
**   - a cross-reference table for those objects and a trailer with /Size,
**     /Root, /Info, /Prev and /ID: the first string the file's own when
**     it had one (qpdf's, for a joined file), else the MD5 of the file
**     as it was; the second the MD5 of the file with the update. Same
**     bytes in, same bytes out.
**
** What it relies on, and checks: one classic cross-reference table (no
** cross-reference stream, no earlier update, no encryption) reached by
** the last startxref, a trailer with /Size and /Root, annotations that
** are objects of their own (cairo writes them so, and so does qpdf for a
** joined file, pdf_join.c), a catalog without the keys added here. It
** reads both cairo's layout and qpdf's (the whitespace, comments and key
** order differ) with a small parser of PDF's syntax that never reads
** past the file. A file not of this shape is an error (STYR_EIO,
** "pdf: …") and out is left as it was: never a corrupt file.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libdeflate.h>

#include "base/strbuf.h"
#include "doc/render_pdf.h"

#ifndef STYR_SRGB_ICC
#define STYR_SRGB_ICC "/usr/share/color/icc/colord/sRGB.icc"
#endif

/* ---- PDF/A's parts: the XMP packet, dates, the colour profile ---- */

static void xml_escaped(struct strbuf *sb, const char *s)
{
	for(; *s; s++) {
		switch(*s) {
		case '&': strbuf_addstr(sb, "&amp;"); break;
		case '<': strbuf_addstr(sb, "&lt;"); break;
		case '>': strbuf_addstr(sb, "&gt;"); break;
		case '"': strbuf_addstr(sb, "&quot;"); break;
		default: strbuf_addch(sb, *s);
		}
	}
}

/* A PDF date of cairo's ("20200519000000", maybe with "D:") as the PDF
** form in UTC and the XMP form: "D:20200519000000Z", "2020-05-19T00:00:00Z".
** False when it is not 14 digits. */
static bool dates(const char *in, char pdf[24], char xmp[24])
{
	if(!strncmp(in, "D:", 2))
		in += 2;
	for(int i = 0; i < 14; i++)
		if(in[i] < '0' || in[i] > '9')
			return false;
	snprintf(pdf, 24, "D:%.14sZ", in);
	snprintf(xmp, 24, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", in, in + 4, in + 6, in + 8,
	         in + 10, in + 12);
	return true;
}

/* The XMP packet with the PDF/A identification and the document
** information given (UTF-8, "" for none; dates in the XMP form). */
static void xmp_packet(struct strbuf *x, const char *title, const char *author,
                       const char *subject, const char *producer, const char *creator,
                       const char *created, const char *modified, const char *lang)
{
	strbuf_addstr(x, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	                 "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	                 "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	                 "<rdf:Description rdf:about=\"\" "
	                 "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
	                 "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
	                 "</rdf:Description>\n"
	                 "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
	                 "<dc:format>application/pdf</dc:format>\n");
	if(*title) {
		strbuf_addstr(x, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_escaped(x, title);
		strbuf_addstr(x, "</rdf:li></rdf:Alt></dc:title>\n");
	}
	if(*author) {
		strbuf_addstr(x, "<dc:creator><rdf:Seq><rdf:li>");
		xml_escaped(x, author);
		strbuf_addstr(x, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if(*subject) {
		strbuf_addstr(x, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_escaped(x, subject);
		strbuf_addstr(x, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	if(lang && *lang) {
		strbuf_addstr(x, "<dc:language><rdf:Bag><rdf:li>");
		xml_escaped(x, lang);
		strbuf_addstr(x, "</rdf:li></rdf:Bag></dc:language>\n");
	}
	strbuf_addstr(x, "</rdf:Description>\n"
	                 "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
	if(*creator) {
		strbuf_addstr(x, "<xmp:CreatorTool>");
		xml_escaped(x, creator);
		strbuf_addstr(x, "</xmp:CreatorTool>\n");
	}
	if(*created)
		strbuf_addf(x, "<xmp:CreateDate>%s</xmp:CreateDate>\n", created);
	if(*modified)
		strbuf_addf(x, "<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
		               "<xmp:MetadataDate>%s</xmp:MetadataDate>\n", modified, modified);
	strbuf_addstr(x, "</rdf:Description>\n"
	                 "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
	if(*producer) {
		strbuf_addstr(x, "<pdf:Producer>");
		xml_escaped(x, producer);
		strbuf_addstr(x, "</pdf:Producer>\n");
	}
	strbuf_addstr(x, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n");
	/* room for an editor to rewrite the packet in place, as XMP asks */
	for(int i = 0; i < 10; i++)
		strbuf_addstr(x, "                                                  \n");
	strbuf_addstr(x, "<?xpacket end=\"w\"?>");
}

/* The sRGB profile of the output intent into icc. */
static enum styr_rc srgb_profile(struct strbuf *icc, struct styr_error *err)
{
	const char *path = getenv("STYR_SRGB_ICC");

	if(!path || !*path)
		path = STYR_SRGB_ICC;
	if(strbuf_read_file(icc, path) <= 0)
		return styr_error_set(err, STYR_EIO,
		                      "pdf: cannot read the sRGB colour profile %s (Debian colord-data), "
		                      "which PDF/A needs", path);
	return STYR_OK;
}

/* ---- reading the file: PDF's syntax (ISO 32000-1 §7.2, §7.3) ---- */

enum kind { K_NULL, K_BOOL, K_INT, K_REAL, K_NAME, K_STRING, K_HEX, K_ARRAY, K_DICT, K_REF };

/* One value of the file: its bytes b[at..end) and, for an integer or a
** reference, its number (and a reference's generation). */
struct val {
	enum kind kind;
	size_t at, end;
	long long num, gen;
};

struct pdf {
	const char *b;  /* the file */
	size_t n;       /* its length */
	size_t size;    /* the trailer's /Size */
	size_t *off;    /* off[i]: where object i is, 0 when it is not in use */
	long long *gen; /* gen[i]: its generation */
};

/* A value nested deeper than this is not one styr reads. */
#define MAX_DEPTH 32

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
static size_t skip_space(const struct pdf *f, size_t i)
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
static size_t token_end(const struct pdf *f, size_t i)
{
	while(i < f->n && is_regular((unsigned char)f->b[i]))
		i++;
	return i;
}

/* Whether b[i..end) is the keyword kw. */
static bool token_is(const struct pdf *f, size_t i, size_t end, const char *kw)
{
	size_t len = strlen(kw);
	return end - i == len && !memcmp(f->b + i, kw, len);
}

/* The unsigned integer b[i..end) into *num; false when it is not one. */
static bool token_uint(const struct pdf *f, size_t i, size_t end, long long *num)
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
static bool value(const struct pdf *f, size_t *pos, struct val *v, int depth)
{
	size_t i = skip_space(f, *pos), end;
	const char *b = f->b;

	if(i >= f->n || depth > MAX_DEPTH)
		return false;
	memset(v, 0, sizeof(*v));
	v->at = i;
	if(b[i] == '<' && i + 1 < f->n && b[i + 1] == '<') {
		v->kind = K_DICT;
		for(i += 2;;) {
			struct val key, x;
			i = skip_space(f, i);
			if(i + 1 < f->n && b[i] == '>' && b[i + 1] == '>') {
				i += 2;
				break;
			}
			if(!value(f, &i, &key, depth + 1) || key.kind != K_NAME ||
			   !value(f, &i, &x, depth + 1))
				return false;
		}
	} else if(b[i] == '[') {
		v->kind = K_ARRAY;
		for(i++;;) {
			struct val x;
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
		v->kind = K_STRING;
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
		v->kind = K_HEX;
		for(i++; i < f->n && b[i] != '>'; i++)
			if(!g_ascii_isxdigit(b[i]) && !is_space((unsigned char)b[i]))
				return false;
		if(i >= f->n)
			return false;
		i++;
	} else if(b[i] == '/') {
		v->kind = K_NAME;
		i = token_end(f, i + 1);
	} else if(is_regular((unsigned char)b[i])) {
		end = token_end(f, i);
		if(token_is(f, i, end, "true") || token_is(f, i, end, "false")) {
			v->kind = K_BOOL;
		} else if(token_is(f, i, end, "null")) {
			v->kind = K_NULL;
		} else if(token_uint(f, i, end, &v->num)) {
			/* an integer, or "num gen R" */
			size_t g = skip_space(f, end), gend = token_end(f, g), r = skip_space(f, gend);
			v->kind = K_INT;
			if(g > end && token_uint(f, g, gend, &v->gen) && r > gend &&
			   token_is(f, r, token_end(f, r), "R")) {
				v->kind = K_REF;
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
			v->kind = points ? K_REAL : K_INT;
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
static bool name_is(const struct pdf *f, const struct val *v, const char *key)
{
	return v->kind == K_NAME && token_is(f, v->at, v->end, key);
}

/* The next entry of the dictionary being walked from *pos (start at
** d->at + 2): its key and value; false at its end. */
static bool dict_next(const struct pdf *f, size_t *pos, struct val *key, struct val *v)
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
static bool dict_get(const struct pdf *f, const struct val *d, const char *key, struct val *v)
{
	struct val k;
	size_t pos = d->at + 2;
	if(d->kind != K_DICT)
		return false;
	while(dict_next(f, &pos, &k, v))
		if(name_is(f, &k, key))
			return true;
	return false;
}

/* The next element of the array being walked from *pos (start at
** a->at + 1); false at its end. */
static bool array_next(const struct pdf *f, size_t *pos, struct val *v)
{
	size_t i = skip_space(f, *pos);
	if(i >= f->n || f->b[i] == ']' || !value(f, &i, v, 1))
		return false;
	*pos = i;
	return true;
}

/* Object num gen of the file into v (the value after "num gen obj"). */
static enum styr_rc object(const struct pdf *f, long long num, long long gen, struct val *v,
                           struct styr_error *err)
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
static enum styr_rc resolve(const struct pdf *f, struct val *v, struct styr_error *err)
{
	return v->kind == K_REF ? object(f, v->num, v->gen, v, err) : STYR_OK;
}

/* The cross-reference table and trailer the last startxref points at:
** f->size, f->off, f->gen, the trailer dictionary and where the table is. */
static enum styr_rc read_xref(struct pdf *f, struct val *trailer, size_t *xref_at,
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
	struct val v;

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
	if(!value(f, &e, trailer, 0) || trailer->kind != K_DICT) {
		free(ent);
		return styr_error_set(err, STYR_EIO, "pdf: no trailer dictionary after the "
		                      "cross-reference table");
	}
	if(dict_get(f, trailer, "/Prev", &v) || dict_get(f, trailer, "/XRefStm", &v)) {
		free(ent);
		return styr_error_set(err, STYR_EIO, "pdf: the file has been updated before "
		                      "(its trailer has /Prev), which is not read");
	}
	if(dict_get(f, trailer, "/Encrypt", &v)) {
		free(ent);
		return styr_error_set(err, STYR_EIO, "pdf: the file is encrypted");
	}
	if(!dict_get(f, trailer, "/Size", &v) || v.kind != K_INT || v.num <= 0 ||
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
static void string_bytes(const struct pdf *f, const struct val *v, struct strbuf *out)
{
	const char *b = f->b;
	size_t i = v->at + 1, end = v->end - 1;

	if(v->kind == K_HEX) {
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
static void text_string(const struct pdf *f, const struct val *v, struct strbuf *out)
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

/* ---- writing the update ---- */

/* The text s as a PDF string: literal when it is printable ASCII, else
** UTF-16BE with its byte order mark in hex. */
static void add_text_string(struct strbuf *sb, const char *s)
{
	const unsigned char *p;
	glong n;
	gunichar2 *u;

	for(p = (const unsigned char *)s; *p >= 0x20 && *p < 0x7f; p++)
		;
	if(!*p) {
		strbuf_addch(sb, '(');
		for(p = (const unsigned char *)s; *p; p++) {
			if(*p == '(' || *p == ')' || *p == '\\')
				strbuf_addch(sb, '\\');
			strbuf_addch(sb, *p);
		}
		strbuf_addch(sb, ')');
		return;
	}
	u = g_utf8_to_utf16(s, -1, NULL, &n, NULL);
	strbuf_addstr(sb, "<FEFF");
	for(glong k = 0; u && k < n; k++)
		strbuf_addf(sb, "%04X", u[k]);
	strbuf_addch(sb, '>');
	g_free(u);
}

/* An object of the update: its number, generation and where it is. */
struct written {
	long long num, gen;
	size_t off;
};

struct update {
	struct pdf *f;
	struct strbuf sb;     /* what is appended to the file */
	struct written *obj;
	size_t nobj, aobj;
};

/* Start object num gen of the update. */
static void obj_begin(struct update *u, long long num, long long gen)
{
	ALLOC_GROW(u->obj, u->nobj, u->aobj);
	u->obj[u->nobj].num = num;
	u->obj[u->nobj].gen = gen;
	u->obj[u->nobj++].off = u->f->n + u->sb.len;
	strbuf_addf(&u->sb, "%lld %lld obj\n", num, gen);
}

/* A stream object of its data, deflated when deflate is true (libdeflate
** at its fastest level, as the charts' PNGs: a tenth of a millisecond,
** the same bytes every time); dict holds its keys but /Length and
** /Filter. */
static void obj_stream(struct update *u, long long num, const char *dict,
                       const struct strbuf *data, bool deflate)
{
	struct libdeflate_compressor *z = deflate ? libdeflate_alloc_compressor(1) : NULL;
	char *zbuf = NULL;
	size_t n = 0;

	if(z) {
		size_t bound = libdeflate_zlib_compress_bound(z, data->len);
		zbuf = xmalloc(bound);
		n = libdeflate_zlib_compress(z, data->buf, data->len, zbuf, bound);
		libdeflate_free_compressor(z);
	}
	obj_begin(u, num, 0);
	if(n) {
		strbuf_addf(&u->sb, "<< %s /Filter /FlateDecode /Length %zu >>\nstream\n", dict, n);
		strbuf_add(&u->sb, zbuf, n);
	} else {
		strbuf_addf(&u->sb, "<< %s /Length %zu >>\nstream\n", dict, data->len);
		strbuf_add(&u->sb, data->buf, data->len);
	}
	strbuf_addstr(&u->sb, "\nendstream\nendobj\n");
	free(zbuf);
}

/* A new version of the dictionary d, object num gen: its entries as
** they are but drop's (NULL-ended), then extra (" /Key value ..."). */
static void obj_dict(struct update *u, long long num, long long gen, const struct val *d,
                     const char *const *drop, const char *extra)
{
	const struct pdf *f = u->f;
	struct val k, v;
	size_t pos = d->at + 2;

	obj_begin(u, num, gen);
	strbuf_addstr(&u->sb, "<<");
	while(dict_next(f, &pos, &k, &v)) {
		bool keep = true;
		for(const char *const *p = drop; p && *p && keep; p++)
			keep = !name_is(f, &k, *p);
		if(!keep)
			continue;
		strbuf_addch(&u->sb, ' ');
		strbuf_add(&u->sb, f->b + k.at, k.end - k.at);
		strbuf_addch(&u->sb, ' ');
		strbuf_add(&u->sb, f->b + v.at, v.end - v.at);
	}
	strbuf_addf(&u->sb, "%s >>\nendobj\n", extra ? extra : "");
}

/* The annotations of the pages under node that are not /F 4, into *list
** (references, each once); seen marks the objects walked. */
static enum styr_rc find_annots(const struct pdf *f, struct val ref, unsigned char *seen,
                                int depth, struct val **list, size_t *n, size_t *alloc,
                                struct styr_error *err)
{
	struct val node = ref, type, kids, annots, a, flags;
	size_t pos;
	enum styr_rc rc;

	if(ref.kind != K_REF)
		return styr_error_set(err, STYR_EIO, "pdf: a page or page tree node at byte %zu is "
		                      "not an object of its own", ref.at);
	if((rc = resolve(f, &node, err)))  /* and so ref.num < f->size */
		return rc;
	if(depth > MAX_DEPTH || seen[ref.num])
		return styr_error_set(err, STYR_EIO, "pdf: the page tree loops at %lld %lld R",
		                      ref.num, ref.gen);
	seen[ref.num] = 1;
	if(node.kind != K_DICT || !dict_get(f, &node, "/Type", &type) ||
	   (!name_is(f, &type, "/Pages") && !name_is(f, &type, "/Page")))
		return styr_error_set(err, STYR_EIO, "pdf: %lld %lld R in the page tree is not a page "
		                      "or a page tree node", ref.num, ref.gen);
	if(name_is(f, &type, "/Pages")) {
		if(!dict_get(f, &node, "/Kids", &kids) || (rc = resolve(f, &kids, err)) ||
		   kids.kind != K_ARRAY)
			return rc ? rc : styr_error_set(err, STYR_EIO, "pdf: the page tree node %lld %lld R "
			                                "has no /Kids", ref.num, ref.gen);
		for(pos = kids.at + 1; array_next(f, &pos, &a);)
			if((rc = find_annots(f, a, seen, depth + 1, list, n, alloc, err)))
				return rc;
		return STYR_OK;
	}
	if(!dict_get(f, &node, "/Annots", &annots))
		return STYR_OK;
	if((rc = resolve(f, &annots, err)))
		return rc;
	if(annots.kind != K_ARRAY)
		return styr_error_set(err, STYR_EIO, "pdf: the /Annots of the page %lld %lld R is not "
		                      "an array", ref.num, ref.gen);
	for(pos = annots.at + 1; array_next(f, &pos, &a);) {
		struct val d = a;
		if(a.kind != K_REF)
			return styr_error_set(err, STYR_EIO, "pdf: an annotation of the page %lld %lld R "
			                      "is not an object of its own", ref.num, ref.gen);
		if((rc = resolve(f, &d, err)))
			return rc;
		if(d.kind != K_DICT)
			return styr_error_set(err, STYR_EIO, "pdf: the annotation %lld %lld R is not a "
			                      "dictionary", a.num, a.gen);
		if(seen[a.num] || (dict_get(f, &d, "/F", &flags) && flags.kind == K_INT &&
		                   flags.num == 4))
			continue;
		seen[a.num] = 1;
		ALLOC_GROW(*list, *n, *alloc);
		(*list)[(*n)++] = a;
	}
	return STYR_OK;
}

static int by_number(const void *a, const void *b)
{
	const struct written *x = a, *y = b;
	return (x->num > y->num) - (x->num < y->num);
}

/* The update of f for PDF/A into u (its objects, table and trailer). */
static enum styr_rc make_update(struct update *u, const char *lang, const struct strbuf *icc,
                                struct styr_error *err)
{
	static const char *const catalog_keys[] = {
		"/Metadata", "/OutputIntents", "/MarkInfo", "/ViewerPreferences", "/Lang", NULL
	};
	static const char *const date_keys[] = { "/CreationDate", "/ModDate", NULL };
	static const char *const flag_keys[] = { "/F", NULL };
	const struct pdf *f = u->f;
	struct val trailer, root, rootref, info, inforef = { 0 }, pages, v, id, id0 = { 0 };
	struct val *annots = NULL;
	size_t nannots = 0, aannots = 0, prev = 0, xref_at;
	unsigned char *seen = NULL;
	struct strbuf text[5], extra = STRBUF_INIT, xmp = STRBUF_INIT;
	static const char *const info_keys[5] = { "/Title", "/Author", "/Subject", "/Producer",
	                                          "/Creator" };
	char cpdf[24] = "", cxmp[24] = "", mpdf[24] = "", mxmp[24] = "";
	char hash0[33], hash1[33];
	long long icc_num, xmp_num;
	GChecksum *md5, *md5_old;
	enum styr_rc rc;

	for(int k = 0; k < 5; k++)
		strbuf_init(&text[k]);
	if((rc = read_xref(u->f, &trailer, &prev, err)))
		goto out;
	if(!dict_get(f, &trailer, "/Root", &rootref) || rootref.kind != K_REF) {
		rc = styr_error_set(err, STYR_EIO, "pdf: the trailer has no /Root");
		goto out;
	}
	root = rootref;
	if((rc = resolve(f, &root, err)))
		goto out;
	if(!dict_get(f, &root, "/Type", &v) || !name_is(f, &v, "/Catalog")) {
		rc = styr_error_set(err, STYR_EIO, "pdf: the /Root %lld %lld R is not a catalog",
		                    rootref.num, rootref.gen);
		goto out;
	}
	for(const char *const *k = catalog_keys; *k; k++)
		if(dict_get(f, &root, *k, &v)) {
			rc = styr_error_set(err, STYR_EIO, "pdf: the catalog already has %s, which "
			                    "finishing it as a PDF/A would add", *k);
			goto out;
		}
	if(dict_get(f, &trailer, "/Info", &inforef)) {
		info = inforef;
		if(inforef.kind != K_REF || (rc = resolve(f, &info, err)) || info.kind != K_DICT) {
			rc = rc ? rc : styr_error_set(err, STYR_EIO, "pdf: the trailer's /Info is not a "
			                              "dictionary of its own");
			goto out;
		}
		for(int k = 0; k < 5; k++)
			if(dict_get(f, &info, info_keys[k], &v) && (v.kind == K_STRING || v.kind == K_HEX))
				text_string(f, &v, &text[k]);
		if(dict_get(f, &info, "/CreationDate", &v) && (v.kind == K_STRING || v.kind == K_HEX)) {
			struct strbuf d = STRBUF_INIT;
			text_string(f, &v, &d);
			dates(d.buf, cpdf, cxmp);
			strbuf_release(&d);
		}
		if(dict_get(f, &info, "/ModDate", &v) && (v.kind == K_STRING || v.kind == K_HEX)) {
			struct strbuf d = STRBUF_INIT;
			text_string(f, &v, &d);
			dates(d.buf, mpdf, mxmp);
			strbuf_release(&d);
		}
	}
	if(dict_get(f, &trailer, "/ID", &id)) {
		size_t pos = id.at + 1;
		if(id.kind != K_ARRAY || !array_next(f, &pos, &id0) ||
		   (id0.kind != K_STRING && id0.kind != K_HEX)) {
			rc = styr_error_set(err, STYR_EIO, "pdf: the trailer's /ID is not two strings");
			goto out;
		}
	}
	/* every annotation of every page */
	seen = xcalloc(f->size, 1);
	if(!dict_get(f, &root, "/Pages", &pages)) {
		rc = styr_error_set(err, STYR_EIO, "pdf: the catalog has no /Pages");
		goto out;
	}
	if((rc = find_annots(f, pages, seen, 0, &annots, &nannots, &aannots, err)))
		goto out;

	/* the update: after an end of line */
	if(f->b[f->n - 1] != '\n' && f->b[f->n - 1] != '\r')
		strbuf_addch(&u->sb, '\n');
	icc_num = (long long)f->size;
	xmp_num = icc_num + 1;
	obj_stream(u, icc_num, "/N 3", icc, true);
	xmp_packet(&xmp, text[0].buf, text[1].buf, text[2].buf, text[3].buf, text[4].buf,
	           cxmp, mxmp, lang);
	obj_stream(u, xmp_num, "/Type /Metadata /Subtype /XML", &xmp, false);
	strbuf_addstr(&extra, " /MarkInfo << /Marked true >>");
	if(lang && *lang) {
		strbuf_addstr(&extra, " /Lang ");
		add_text_string(&extra, lang);
	}
	strbuf_addf(&extra, " /ViewerPreferences << /DisplayDocTitle true >>"
	                    " /OutputIntents [ << /Type /OutputIntent /S /GTS_PDFA1"
	                    " /OutputConditionIdentifier (sRGB IEC61966-2.1)"
	                    " /Info (sRGB IEC61966-2.1) /DestOutputProfile %lld 0 R >> ]"
	                    " /Metadata %lld 0 R", icc_num, xmp_num);
	obj_dict(u, rootref.num, rootref.gen, &root, NULL, extra.buf);
	if(inforef.kind == K_REF) {
		struct val d;
		/* the dates in the PDF form, what is not a date as it was */
		strbuf_reset(&extra);
		if(*cpdf)
			strbuf_addf(&extra, " /CreationDate (%s)", cpdf);
		else if(dict_get(f, &info, date_keys[0], &d))
			strbuf_addf(&extra, " /CreationDate %.*s", (int)(d.end - d.at), f->b + d.at);
		if(*mpdf)
			strbuf_addf(&extra, " /ModDate (%s)", mpdf);
		else if(dict_get(f, &info, date_keys[1], &d))
			strbuf_addf(&extra, " /ModDate %.*s", (int)(d.end - d.at), f->b + d.at);
		obj_dict(u, inforef.num, inforef.gen, &info, date_keys, extra.buf);
	}
	for(size_t k = 0; k < nannots; k++) {
		struct val d = annots[k];
		if((rc = resolve(f, &d, err)))
			goto out;
		obj_dict(u, annots[k].num, annots[k].gen, &d, flag_keys, " /F 4");
	}

	/* the table of the update's objects, in runs of consecutive numbers */
	qsort(u->obj, u->nobj, sizeof(*u->obj), by_number);
	xref_at = f->n + u->sb.len;
	strbuf_addstr(&u->sb, "xref\n");
	for(size_t k = 0, run; k < u->nobj; k += run) {
		for(run = 1; k + run < u->nobj && u->obj[k + run].num == u->obj[k].num + (long long)run;)
			run++;
		strbuf_addf(&u->sb, "%lld %zu\n", u->obj[k].num, run);
		for(size_t r = k; r < k + run; r++)
			strbuf_addf(&u->sb, "%010zu %05lld n \n", u->obj[r].off, u->obj[r].gen);
	}

	/* the file's identifier: its own, or the MD5 of the file as it was;
	** then the MD5 of the file with the update */
	md5 = g_checksum_new(G_CHECKSUM_MD5);
	g_checksum_update(md5, (const guchar *)f->b, (gssize)f->n);
	md5_old = g_checksum_copy(md5);
	str_copy(hash0, sizeof(hash0), g_checksum_get_string(md5_old));
	g_checksum_free(md5_old);
	g_checksum_update(md5, (const guchar *)u->sb.buf, (gssize)u->sb.len);
	str_copy(hash1, sizeof(hash1), g_checksum_get_string(md5));
	g_checksum_free(md5);
	strbuf_addf(&u->sb, "trailer\n<< /Size %lld /Root %lld %lld R", xmp_num + 1, rootref.num,
	            rootref.gen);
	if(inforef.kind == K_REF)
		strbuf_addf(&u->sb, " /Info %lld %lld R", inforef.num, inforef.gen);
	strbuf_addf(&u->sb, " /Prev %zu /ID [", prev);
	if(id0.kind == K_STRING || id0.kind == K_HEX)
		strbuf_add(&u->sb, f->b + id0.at, id0.end - id0.at);
	else
		strbuf_addf(&u->sb, "<%s>", hash0);
	strbuf_addf(&u->sb, "<%s>] >>\nstartxref\n%zu\n%%%%EOF\n", hash1, xref_at);
out:
	for(int k = 0; k < 5; k++)
		strbuf_release(&text[k]);
	strbuf_release(&extra);
	strbuf_release(&xmp);
	free(annots);
	free(seen);
	return rc;
}

enum styr_rc pdf_finish(struct strbuf *out, size_t start, const char *lang,
                        struct styr_error *err)
{
	struct strbuf icc = STRBUF_INIT;
	struct pdf f = { .b = out->buf + start, .n = out->len - start };
	struct update u = { .f = &f, .sb = STRBUF_INIT };
	enum styr_rc rc = srgb_profile(&icc, err);

	if(!rc && f.n < 32)
		rc = styr_error_set(err, STYR_EIO, "pdf: not a PDF file");
	if(!rc)
		rc = make_update(&u, lang, &icc, err);
	/* out grows only now: f.b points into it until here */
	if(!rc)
		strbuf_add(out, u.sb.buf, u.sb.len);
	strbuf_release(&u.sb);
	strbuf_release(&icc);
	free(u.obj);
	free(f.off);
	free(f.gen);
	return rc;
}
