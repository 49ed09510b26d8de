/*
** pdf_post.c — the appending of attachments to a PDF with libqpdf (see
** render_pdf.h): their pages copied after the document's own, a bookmark
** on each, and the whole made a PDF/A-2b in the same pass of qpdf (with
** the parts pdf_finish.c owns: the XMP packet, the dates, the profile).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "base/strbuf.h"
#include "doc/doc.h"
#include "doc/render_pdf.h"

static enum styr_rc qpdf_failed(qpdf_data q, const char *what, struct styr_error *err)
{
	const char *msg = "unknown error";
	if(qpdf_has_error(q))
		msg = qpdf_get_error_full_text(q, qpdf_get_error(q));
	return styr_error_set(err, STYR_EIO, "pdf: %s: %s", what, msg);
}

/* The text of Info key, or "" (owned by q). */
static const char *info_text(qpdf_data q, qpdf_oh info, const char *key)
{
	if(!qpdf_oh_is_dictionary(q, info) || !qpdf_oh_has_key(q, info, key))
		return "";
	return qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, info, key));
}

/* Every annotation of every page printable and shown (PDF/A 6.3.2); the
** pages appended from other files leave their structure tree behind. */
static void fix_pages(qpdf_data q, int from)
{
	int n = qpdf_get_num_pages(q);
	for(int i = 0; i < n; i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
		qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
		if(i >= from && from > 0 && qpdf_oh_has_key(q, page, "/StructParents"))
			qpdf_oh_remove_key(q, page, "/StructParents");
		if(!qpdf_oh_is_array(q, annots))
			continue;
		for(int k = 0; k < qpdf_oh_get_array_n_items(q, annots); k++) {
			qpdf_oh a = qpdf_oh_get_array_item(q, annots, k);
			if(qpdf_oh_is_dictionary(q, a)) {
				qpdf_oh_replace_key(q, a, "/F", qpdf_oh_new_integer(q, 4));
				if(i >= from && from > 0 && qpdf_oh_has_key(q, a, "/StructParent"))
					qpdf_oh_remove_key(q, a, "/StructParent");
			}
		}
	}
}

/* Set up the catalog, the document information and the XMP of q. */
static enum styr_rc make_pdfa(qpdf_data q, const char *lang, struct styr_error *err)
{
	struct strbuf icc = STRBUF_INIT, xmp = STRBUF_INIT;
	qpdf_oh root = qpdf_get_root(q), trailer = qpdf_get_trailer(q);
	qpdf_oh info = qpdf_oh_get_key(q, trailer, "/Info");
	qpdf_oh oi, profile, meta, arr;
	char cpdf[24] = "", cxmp[24] = "", mpdf[24] = "", mxmp[24] = "";
	char *title, *author, *subject, *producer, *creator;
	enum styr_rc rc = pdf_srgb_profile(&icc, err);

	if(rc) {
		strbuf_release(&icc);
		return rc;
	}

	/* Tagged, in its language, the title shown. */
	qpdf_oh_replace_key(q, root, "/MarkInfo", qpdf_oh_parse(q, "<< /Marked true >>"));
	qpdf_oh_replace_key(q, root, "/ViewerPreferences",
	                    qpdf_oh_parse(q, "<< /DisplayDocTitle true >>"));
	if(lang && *lang)
		qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, lang));

	/* The output intent: sRGB. */
	profile = qpdf_make_indirect_object(q, qpdf_oh_new_stream(q));
	qpdf_oh_replace_stream_data(q, profile, (const unsigned char *)icc.buf, icc.len,
	                            qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, profile), "/N", qpdf_oh_new_integer(q, 3));
	oi = qpdf_oh_parse(q, "<< /Type /OutputIntent /S /GTS_PDFA1 "
	                      "/OutputConditionIdentifier (sRGB IEC61966-2.1) "
	                      "/Info (sRGB IEC61966-2.1) >>");
	qpdf_oh_replace_key(q, oi, "/DestOutputProfile", profile);
	arr = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, arr, oi);
	qpdf_oh_replace_key(q, root, "/OutputIntents", arr);

	/* Dates in the PDF form, the same in the XMP. */
	if(qpdf_oh_is_dictionary(q, info)) {
		if(pdf_dates(info_text(q, info, "/CreationDate"), cpdf, cxmp))
			qpdf_oh_replace_key(q, info, "/CreationDate", qpdf_oh_new_string(q, cpdf));
		if(pdf_dates(info_text(q, info, "/ModDate"), mpdf, mxmp))
			qpdf_oh_replace_key(q, info, "/ModDate", qpdf_oh_new_string(q, mpdf));
	}
	/* qpdf's strings last until the next call: copy them */
	title = xstrdup(info_text(q, info, "/Title"));
	author = xstrdup(info_text(q, info, "/Author"));
	subject = xstrdup(info_text(q, info, "/Subject"));
	producer = xstrdup(info_text(q, info, "/Producer"));
	creator = xstrdup(info_text(q, info, "/Creator"));
	pdf_xmp_packet(&xmp, title, author, subject, producer, creator, cxmp, mxmp, lang);
	free(title);
	free(author);
	free(subject);
	free(producer);
	free(creator);
	meta = qpdf_make_indirect_object(q, qpdf_oh_new_stream(q));
	qpdf_oh_replace_stream_data(q, meta, (const unsigned char *)xmp.buf, xmp.len,
	                            qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, meta), "/Type", qpdf_oh_new_name(q, "/Metadata"));
	qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, meta), "/Subtype", qpdf_oh_new_name(q, "/XML"));
	qpdf_oh_replace_key(q, root, "/Metadata", meta);
	strbuf_release(&icc);
	strbuf_release(&xmp);
	return qpdf_has_error(q) ? qpdf_failed(q, "PDF/A", err) : STYR_OK;
}

/* Write q over out[start..]. */
static enum styr_rc write_back(qpdf_data q, struct strbuf *out, size_t start,
                               struct styr_error *err)
{
	if(qpdf_init_write_memory(q) & QPDF_ERRORS)
		return qpdf_failed(q, "write", err);
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_set_object_stream_mode(q, qpdf_o_disable);
	if(qpdf_write(q) & QPDF_ERRORS)
		return qpdf_failed(q, "write", err);
	if(out->len > start) {
		out->len = start;
		out->buf[start] = '\0';
	}
	strbuf_add(out, qpdf_get_buffer(q), qpdf_get_buffer_length(q));
	return STYR_OK;
}

enum styr_rc pdf_append(struct strbuf *out, size_t start,
                        const struct pdf_attachment *att, size_t n,
                        const char *lang, struct styr_error *err)
{
	qpdf_data q = qpdf_init(), *src = xcalloc(n ? n : 1, sizeof(qpdf_data));
	struct strbuf *data = xcalloc(n ? n : 1, sizeof(struct strbuf));
	enum styr_rc rc = STYR_OK;
	qpdf_oh root, outlines, first_new = 0, last_new = 0;
	int before, added = 0;

	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if(qpdf_read_memory(q, "styr.pdf", out->buf + start, out->len - start, NULL) & QPDF_ERRORS) {
		rc = qpdf_failed(q, "read", err);
		goto out;
	}
	before = qpdf_get_num_pages(q);
	root = qpdf_get_root(q);
	outlines = qpdf_oh_get_key(q, root, "/Outlines");
	if(!qpdf_oh_is_dictionary(q, outlines)) {
		outlines = qpdf_make_indirect_object(q, qpdf_oh_parse(q, "<< /Type /Outlines /Count 0 >>"));
		qpdf_oh_replace_key(q, root, "/Outlines", outlines);
	}
	for(size_t i = 0; i < n && !rc; i++) {
		int first = qpdf_get_num_pages(q), pages;
		qpdf_oh item, dest;
		strbuf_init(&data[i]);
		src[i] = qpdf_init();
		qpdf_silence_errors(src[i]);
		qpdf_set_suppress_warnings(src[i], QPDF_TRUE);
		if(att[i].data)
			strbuf_add(&data[i], att[i].data, att[i].len);
		else if(!att[i].path || strbuf_read_file(&data[i], att[i].path) <= 0) {
			rc = styr_error_set(err, STYR_EIO, "pdf: cannot read the attachment %s",
			                    att[i].path ? att[i].path : att[i].title);
			break;
		}
		if(qpdf_read_memory(src[i], att[i].title, data[i].buf, data[i].len, NULL) & QPDF_ERRORS) {
			rc = styr_error_set(err, STYR_EINVAL, "pdf: the attachment %s is not a PDF: %s",
			                    att[i].path ? att[i].path : att[i].title,
			                    qpdf_get_error_full_text(src[i], qpdf_get_error(src[i])));
			break;
		}
		pages = qpdf_get_num_pages(src[i]);
		for(int k = 0; k < pages; k++)
			if(qpdf_add_page(q, src[i], qpdf_get_page_n(src[i], (size_t)k), QPDF_FALSE) &
			   QPDF_ERRORS) {
				rc = qpdf_failed(q, att[i].path, err);
				break;
			}
		if(rc || pages == 0)
			continue;
		/* a bookmark on the attachment's first page */
		item = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
		qpdf_oh_replace_key(q, item, "/Title", qpdf_oh_new_unicode_string(q, att[i].title));
		qpdf_oh_replace_key(q, item, "/Parent", outlines);
		dest = qpdf_oh_new_array(q);
		qpdf_oh_append_item(q, dest, qpdf_get_page_n(q, (size_t)first));
		qpdf_oh_append_item(q, dest, qpdf_oh_new_name(q, "/Fit"));
		qpdf_oh_replace_key(q, item, "/Dest", dest);
		if(!first_new)
			first_new = item;
		if(last_new) {
			qpdf_oh_replace_key(q, last_new, "/Next", item);
			qpdf_oh_replace_key(q, item, "/Prev", last_new);
		}
		last_new = item;
		added++;
	}
	if(!rc && first_new) {
		/* hang the new bookmarks after the document's own */
		qpdf_oh last = qpdf_oh_get_key(q, outlines, "/Last");
		int count = qpdf_oh_has_key(q, outlines, "/Count")
		            ? qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, outlines, "/Count")) : 0;
		if(qpdf_oh_is_dictionary(q, last)) {
			qpdf_oh_replace_key(q, last, "/Next", first_new);
			qpdf_oh_replace_key(q, first_new, "/Prev", last);
		} else {
			qpdf_oh_replace_key(q, outlines, "/First", first_new);
		}
		qpdf_oh_replace_key(q, outlines, "/Last", last_new);
		count = (count < 0 ? -count : count) + added;
		qpdf_oh_replace_key(q, outlines, "/Count", qpdf_oh_new_integer(q, count));
		qpdf_oh_replace_key(q, root, "/PageMode", qpdf_oh_new_name(q, "/UseOutlines"));
	}
	if(!rc) {
		fix_pages(q, before);
		rc = make_pdfa(q, lang, err);
	}
	if(!rc)
		rc = write_back(q, out, start, err);
out:
	for(size_t i = 0; i < n; i++) {
		if(src[i])
			qpdf_cleanup(&src[i]);
		strbuf_release(&data[i]);
	}
	free(src);
	free(data);
	qpdf_cleanup(&q);
	return rc;
}
