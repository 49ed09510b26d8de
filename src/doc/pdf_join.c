/*
** pdf_join.c — joining PDFs with libqpdf (see render_pdf.h): the pages of
** a protocol's attachments copied after its own and a bookmark on each.
** The module styr-pdfjoin.so, loaded only for a document with
** attachments: libqpdf and what it links (libstdc++, gnutls, p11-kit…)
** took 2.3 ms of every process that loaded the drawing module. qpdf only
** joins; the joined file is made a PDF/A-2b by pdf_finish (pdf_finish.c),
** as a document alone is, so there is one implementation of what PDF/A
** needs.
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

/* The pages appended from other files (from index from on) leave their
** structure tree behind, and each annotation of theirs is made an object
** of its own, as pdf_finish reads them. */
static void fix_pages(qpdf_data q, int from)
{
	int n = qpdf_get_num_pages(q);
	for(int i = from; i < n; i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
		qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
		if(qpdf_oh_has_key(q, page, "/StructParents"))
			qpdf_oh_remove_key(q, page, "/StructParents");
		if(!qpdf_oh_is_array(q, annots))
			continue;
		for(int k = 0; k < qpdf_oh_get_array_n_items(q, annots); k++) {
			qpdf_oh a = qpdf_oh_get_array_item(q, annots, k);
			if(!qpdf_oh_is_dictionary(q, a))
				continue;
			if(qpdf_oh_has_key(q, a, "/StructParent"))
				qpdf_oh_remove_key(q, a, "/StructParent");
			if(!qpdf_oh_is_indirect(q, a))
				qpdf_oh_set_array_item(q, annots, k, qpdf_make_indirect_object(q, a));
		}
	}
}

/* Write q over out[start..]: without object streams and with an /ID
** from the content (qpdf's deterministic ID), for pdf_finish to read
** and the same data to give the same bytes. */
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

enum styr_rc pdf_join(struct strbuf *out, size_t start,
                      const struct pdf_attachment *att, size_t n, struct styr_error *err)
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
		rc = write_back(q, out, start, err);
	}
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

/* The module's one entry (render_pdf.h, base/loadable.h). */
pdf_join_fn *const styr_pdf_join = pdf_join;
