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
** order differ) with a small parser of PDF's syntax (pdf_read.h) that
** never reads past the file. A file not of this shape is an error (STYR_EIO,
** "pdf: …") and out is left as it was: never a corrupt file.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libdeflate.h>

#include "base/strbuf.h"
#include "doc/pdf_read.h"
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
	struct pdf_file *f;
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
static void obj_dict(struct update *u, long long num, long long gen, const struct pdf_val *d,
                     const char *const *drop, const char *extra)
{
	const struct pdf_file *f = u->f;
	struct pdf_val k, v;
	size_t pos = d->at + 2;

	obj_begin(u, num, gen);
	strbuf_addstr(&u->sb, "<<");
	while(pdf_dict_next(f, &pos, &k, &v)) {
		bool keep = true;
		for(const char *const *p = drop; p && *p && keep; p++)
			keep = !pdf_name_is(f, &k, *p);
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
static enum styr_rc find_annots(const struct pdf_file *f, struct pdf_val ref, unsigned char *seen,
                                int depth, struct pdf_val **list, size_t *n, size_t *alloc,
                                struct styr_error *err)
{
	struct pdf_val node = ref, type, kids, annots, a, flags;
	size_t pos;
	enum styr_rc rc;

	if(ref.kind != PDF_REF)
		return styr_error_set(err, STYR_EIO, "pdf: a page or page tree node at byte %zu is "
		                      "not an object of its own", ref.at);
	if((rc = pdf_resolve(f, &node, err)))  /* and so ref.num < f->size */
		return rc;
	if(depth > PDF_MAX_DEPTH || seen[ref.num])
		return styr_error_set(err, STYR_EIO, "pdf: the page tree loops at %lld %lld R",
		                      ref.num, ref.gen);
	seen[ref.num] = 1;
	if(node.kind != PDF_DICT || !pdf_dict_get(f, &node, "/Type", &type) ||
	   (!pdf_name_is(f, &type, "/Pages") && !pdf_name_is(f, &type, "/Page")))
		return styr_error_set(err, STYR_EIO, "pdf: %lld %lld R in the page tree is not a page "
		                      "or a page tree node", ref.num, ref.gen);
	if(pdf_name_is(f, &type, "/Pages")) {
		if(!pdf_dict_get(f, &node, "/Kids", &kids) || (rc = pdf_resolve(f, &kids, err)) ||
		   kids.kind != PDF_ARRAY)
			return rc ? rc : styr_error_set(err, STYR_EIO, "pdf: the page tree node %lld %lld R "
			                                "has no /Kids", ref.num, ref.gen);
		for(pos = kids.at + 1; pdf_array_next(f, &pos, &a);)
			if((rc = find_annots(f, a, seen, depth + 1, list, n, alloc, err)))
				return rc;
		return STYR_OK;
	}
	if(!pdf_dict_get(f, &node, "/Annots", &annots))
		return STYR_OK;
	if((rc = pdf_resolve(f, &annots, err)))
		return rc;
	if(annots.kind != PDF_ARRAY)
		return styr_error_set(err, STYR_EIO, "pdf: the /Annots of the page %lld %lld R is not "
		                      "an array", ref.num, ref.gen);
	for(pos = annots.at + 1; pdf_array_next(f, &pos, &a);) {
		struct pdf_val d = a;
		if(a.kind != PDF_REF)
			return styr_error_set(err, STYR_EIO, "pdf: an annotation of the page %lld %lld R "
			                      "is not an object of its own", ref.num, ref.gen);
		if((rc = pdf_resolve(f, &d, err)))
			return rc;
		if(d.kind != PDF_DICT)
			return styr_error_set(err, STYR_EIO, "pdf: the annotation %lld %lld R is not a "
			                      "dictionary", a.num, a.gen);
		if(seen[a.num] || (pdf_dict_get(f, &d, "/F", &flags) && flags.kind == PDF_INT &&
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
	const struct pdf_file *f = u->f;
	struct pdf_val trailer, root, rootref, info, inforef = { 0 }, pages, v, id, id0 = { 0 };
	struct pdf_val *annots = NULL;
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
	if((rc = pdf_read_xref(u->f, &trailer, &prev, err)))
		goto out;
	if(!pdf_dict_get(f, &trailer, "/Root", &rootref) || rootref.kind != PDF_REF) {
		rc = styr_error_set(err, STYR_EIO, "pdf: the trailer has no /Root");
		goto out;
	}
	root = rootref;
	if((rc = pdf_resolve(f, &root, err)))
		goto out;
	if(!pdf_dict_get(f, &root, "/Type", &v) || !pdf_name_is(f, &v, "/Catalog")) {
		rc = styr_error_set(err, STYR_EIO, "pdf: the /Root %lld %lld R is not a catalog",
		                    rootref.num, rootref.gen);
		goto out;
	}
	for(const char *const *k = catalog_keys; *k; k++)
		if(pdf_dict_get(f, &root, *k, &v)) {
			rc = styr_error_set(err, STYR_EIO, "pdf: the catalog already has %s, which "
			                    "finishing it as a PDF/A would add", *k);
			goto out;
		}
	if(pdf_dict_get(f, &trailer, "/Info", &inforef)) {
		info = inforef;
		if(inforef.kind != PDF_REF || (rc = pdf_resolve(f, &info, err)) || info.kind != PDF_DICT) {
			rc = rc ? rc : styr_error_set(err, STYR_EIO, "pdf: the trailer's /Info is not a "
			                              "dictionary of its own");
			goto out;
		}
		for(int k = 0; k < 5; k++)
			if(pdf_dict_get(f, &info, info_keys[k], &v) && (v.kind == PDF_STRING || v.kind == PDF_HEX))
				pdf_text_string(f, &v, &text[k]);
		if(pdf_dict_get(f, &info, "/CreationDate", &v) && (v.kind == PDF_STRING || v.kind == PDF_HEX)) {
			struct strbuf d = STRBUF_INIT;
			pdf_text_string(f, &v, &d);
			dates(d.buf, cpdf, cxmp);
			strbuf_release(&d);
		}
		if(pdf_dict_get(f, &info, "/ModDate", &v) && (v.kind == PDF_STRING || v.kind == PDF_HEX)) {
			struct strbuf d = STRBUF_INIT;
			pdf_text_string(f, &v, &d);
			dates(d.buf, mpdf, mxmp);
			strbuf_release(&d);
		}
	}
	if(pdf_dict_get(f, &trailer, "/ID", &id)) {
		size_t pos = id.at + 1;
		if(id.kind != PDF_ARRAY || !pdf_array_next(f, &pos, &id0) ||
		   (id0.kind != PDF_STRING && id0.kind != PDF_HEX)) {
			rc = styr_error_set(err, STYR_EIO, "pdf: the trailer's /ID is not two strings");
			goto out;
		}
	}
	/* every annotation of every page */
	seen = xcalloc(f->size, 1);
	if(!pdf_dict_get(f, &root, "/Pages", &pages)) {
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
	if(inforef.kind == PDF_REF) {
		struct pdf_val d;
		/* the dates in the PDF form, what is not a date as it was */
		strbuf_reset(&extra);
		if(*cpdf)
			strbuf_addf(&extra, " /CreationDate (%s)", cpdf);
		else if(pdf_dict_get(f, &info, date_keys[0], &d))
			strbuf_addf(&extra, " /CreationDate %.*s", (int)(d.end - d.at), f->b + d.at);
		if(*mpdf)
			strbuf_addf(&extra, " /ModDate (%s)", mpdf);
		else if(pdf_dict_get(f, &info, date_keys[1], &d))
			strbuf_addf(&extra, " /ModDate %.*s", (int)(d.end - d.at), f->b + d.at);
		obj_dict(u, inforef.num, inforef.gen, &info, date_keys, extra.buf);
	}
	for(size_t k = 0; k < nannots; k++) {
		struct pdf_val d = annots[k];
		if((rc = pdf_resolve(f, &d, err)))
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
	if(inforef.kind == PDF_REF)
		strbuf_addf(&u->sb, " /Info %lld %lld R", inforef.num, inforef.gen);
	strbuf_addf(&u->sb, " /Prev %zu /ID [", prev);
	if(id0.kind == PDF_STRING || id0.kind == PDF_HEX)
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
	struct pdf_file f = { .b = out->buf + start, .n = out->len - start };
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
