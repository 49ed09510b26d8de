/*
** h_ledger.c — ledger imports from the browser: GET /ekonomi/import is a
** form to upload an SIE file (multipart/form-data, no JavaScript); POST
** reads it with the importer of `styr import sie` (one transaction, all
** or nothing) and shows what was read — records by type, what was
** skipped, unbalanced vouchers, the checksum — or the error with its
** line. An editor of ekonomi or an administrator may import.
*/
#include "web/web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/jsonw.h"
#include "doc/html.h"
#include "ledger/sie.h"

static void form(struct web_req *r, struct html *h)
{
	html_open(h, "form", "class", "edit", "method", "post", "action", "/ekonomi/import",
	          "enctype", "multipart/form-data", NULL);
	page_csrf(r, h);
	html_elem_text(h, "label", "SIE-fil (typ 4)", "for", "f-file", NULL);
	html_void(h, "input", "id", "f-file", "name", "file", "type", "file", "required", "",
	          "accept", ".se,.si,.sie,text/plain", NULL);
	html_elem_text(h, "button", "Läs in", "class", "primary", "type", "submit", NULL);
	html_close(h);
}

static void get_form(struct web_req *r)
{
	struct html h;
	page_begin(r, &h, "Läs in huvudbok");
	if(!web_may_write(r, "ledger"))
		html_elem_text(&h, "p", "Bara redaktörer för ekonomi och administratörer kan läsa in"
		               " filer.", NULL);
	else
		form(r, &h);
	page_end(r, &h);
}

static void post_file(struct web_req *r)
{
	char path[] = "/tmp/styr-upload-XXXXXX";
	const char *name = r->upload_name && *r->upload_name ? r->upload_name : "upload.se";
	struct sie_stats st;
	struct styr_error err;
	struct strbuf json = STRBUF_INIT;
	struct jsonw w;
	struct html h;
	FILE *f;
	int fd;
	enum styr_rc rc;

	if(!web_may_write(r, "ledger")) {
		web_fail(r, 403, NULL, "%s får inte läsa in huvudböcker", r->user.name);
		return;
	}
	if(!r->upload || !r->upload_len) {
		web_fail(r, 400, "file", "välj en SIE-fil att läsa in");
		return;
	}
	/* The importer reads a file: the upload goes to a private temporary one. */
	if((fd = mkstemp(path)) < 0 || !(f = fdopen(fd, "wb"))) {
		web_fail(r, 500, NULL, "cannot write a temporary file");
		return;
	}
	rc = fwrite(r->upload, 1, r->upload_len, f) == r->upload_len ? STYR_OK : STYR_EIO;
	fclose(f);
	styr_error_init(&err);
	memset(&st, 0, sizeof(st));
	if(!rc)
		rc = sie_import(r->store, path, &st, &err);
	unlink(path);
	page_begin(r, &h, "Läs in huvudbok");
	if(rc) {
		/* The message names the temporary file: name the upload instead. */
		const char *m = strstr(err.msg, path) ? strstr(err.msg, path) + strlen(path) : err.msg;
		struct strbuf msg = STRBUF_INIT;
		strbuf_addf(&msg, "%s%s — inget lästes in.", m == err.msg ? "" : name, m);
		page_message(&h, "error", msg.buf);
		strbuf_release(&msg);
		r->status = web_status_for(rc);
	} else {
		page_message(&h, "ok", "Filen är inläst.");
		jsonw_init(&w, jsonw_strbuf_sink, &json, true);
		sie_stats_write(&st, name, &w);
		jsonw_finish(&w);
		html_elem_text(&h, "h2", "Vad som lästes", NULL);
		html_elem_text(&h, "pre", json.buf, NULL);
	}
	/* filled in part by a file refused half-way too */
	sie_stats_release(&st);
	html_elem_text(&h, "h2", "Läs in en fil till", NULL);
	form(r, &h);
	page_end(r, &h);
	strbuf_release(&json);
}

const struct web_route route_ledger_form = {
	"GET", "/ekonomi/import", WEB_LOGIN, true, get_form, "the form to import an SIE file"
};
const struct web_route route_ledger_import = {
	"POST", "/ekonomi/import", WEB_WRITE, true, post_file, "import an SIE file"
};
