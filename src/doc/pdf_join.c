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

/* The explicit destination (an array: page, view) of named destination
** key[0..len) in the name tree below node of src, or 0. A value may be
** the array itself or a dictionary holding it as /D. */
static qpdf_oh tree_dest(qpdf_data src, qpdf_oh node, const char *key, size_t len, int depth)
{
	qpdf_oh names, kids;
	if(depth > 32 || !qpdf_oh_is_dictionary(src, node))
		return 0;
	names = qpdf_oh_get_key(src, node, "/Names");
	for(int i = 0; qpdf_oh_is_array(src, names) && i + 1 < qpdf_oh_get_array_n_items(src, names);
	    i += 2) {
		qpdf_oh k = qpdf_oh_get_array_item(src, names, i), v;
		size_t klen;
		const char *kb;
		if(!qpdf_oh_is_string(src, k))
			continue;
		kb = qpdf_oh_get_binary_string_value(src, k, &klen);
		if(klen != len || memcmp(kb, key, len))
			continue;
		v = qpdf_oh_get_array_item(src, names, i + 1);
		if(qpdf_oh_is_dictionary(src, v))
			v = qpdf_oh_get_key(src, v, "/D");
		return qpdf_oh_is_array(src, v) ? v : 0;
	}
	kids = qpdf_oh_get_key(src, node, "/Kids");
	for(int i = 0; qpdf_oh_is_array(src, kids) && i < qpdf_oh_get_array_n_items(src, kids); i++) {
		qpdf_oh d = tree_dest(src, qpdf_oh_get_array_item(src, kids, i), key, len, depth + 1);
		if(d)
			return d;
	}
	return 0;
}

/* dest (an explicit destination of src) made one of q, its page being
** src's page at the same place among the attachment's pages, which q
** holds from index first on; 0 when its page is not one of src's. */
static qpdf_oh dest_in(qpdf_data q, int first, qpdf_data src, qpdf_oh dest)
{
	int id = qpdf_oh_get_object_id(src, qpdf_oh_get_array_item(src, dest, 0));
	int n = qpdf_get_num_pages(src);
	struct strbuf view = STRBUF_INIT;
	qpdf_oh out;

	for(int i = 0; i < n; i++) {
		if(qpdf_oh_get_object_id(src, qpdf_get_page_n(src, (size_t)i)) != id)
			continue;
		/* the view: /XYZ left top zoom, /Fit ... (names and numbers) */
		strbuf_addch(&view, '[');
		for(int k = 1; k < qpdf_oh_get_array_n_items(src, dest); k++) {
			strbuf_addch(&view, ' ');
			strbuf_addstr(&view, qpdf_oh_unparse(src, qpdf_oh_get_array_item(src, dest, k)));
		}
		strbuf_addstr(&view, " ]");
		out = qpdf_oh_parse(q, view.buf);
		strbuf_release(&view);
		qpdf_oh_insert_item(q, out, 0, qpdf_get_page_n(q, (size_t)(first + i)));
		return out;
	}
	return 0;
}

/* The explicit destination in q for a link's dest as copied into q from
** src: a string of src's /Names /Dests tree, or a name of its older
** /Dests dictionary. 0 when dest is not a name or names nothing. */
static qpdf_oh link_dest(qpdf_data q, int first, qpdf_data src, qpdf_oh dest)
{
	qpdf_oh root = qpdf_get_root(src), v = 0;
	if(qpdf_oh_is_string(q, dest)) {
		/* qpdf's buffer for a string's value is used again by the next */
		struct strbuf key = STRBUF_INIT;
		size_t len;
		const char *k = qpdf_oh_get_binary_string_value(q, dest, &len);
		strbuf_add(&key, k, len);
		v = tree_dest(src, qpdf_oh_get_key(src, qpdf_oh_get_key(src, root, "/Names"), "/Dests"),
		              key.buf, key.len, 0);
		strbuf_release(&key);
	} else if(qpdf_oh_is_name(q, dest)) {
		v = qpdf_oh_get_key(src, qpdf_oh_get_key(src, root, "/Dests"), qpdf_oh_get_name(q, dest));
		if(qpdf_oh_is_dictionary(src, v))
			v = qpdf_oh_get_key(src, v, "/D");
		if(!qpdf_oh_is_array(src, v))
			v = 0;
	}
	return v && qpdf_oh_get_array_n_items(src, v) > 0 ? dest_in(q, first, src, v) : 0;
}

/* The links of an attachment (its table of contents) go to its own
** pages by name, and the joined file keeps only the protocol's names,
** which are the same ("h3"...): a link would have jumped into the
** protocol. Once the attachment's pages are copied into q (from index
** first on), each of their links by name is given the page and place the
** name stands for in src. (qpdf copies a link to another page as null
** when that page is not yet copied, so this is done after, not in src.) */
static void dests_by_page(qpdf_data q, int first, qpdf_data src)
{
	int n = qpdf_get_num_pages(src);
	for(int i = 0; i < n; i++) {
		qpdf_oh annots = qpdf_oh_get_key(q, qpdf_get_page_n(q, (size_t)(first + i)), "/Annots");
		for(int k = 0; qpdf_oh_is_array(q, annots) && k < qpdf_oh_get_array_n_items(q, annots); k++) {
			qpdf_oh a = qpdf_oh_get_array_item(q, annots, k), act, d;
			if(!qpdf_oh_is_dictionary(q, a))
				continue;
			if((d = link_dest(q, first, src, qpdf_oh_get_key(q, a, "/Dest"))))
				qpdf_oh_replace_key(q, a, "/Dest", d);
			act = qpdf_oh_get_key(q, a, "/A");
			if(qpdf_oh_is_dictionary(q, act)
			   && qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, act, "/S"), "/GoTo")
			   && (d = link_dest(q, first, src, qpdf_oh_get_key(q, act, "/D"))))
				qpdf_oh_replace_key(q, act, "/D", d);
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
		dests_by_page(q, first, src[i]);
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
