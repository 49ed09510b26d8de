/*
** h_api.c — the JSON API of the sections: /api/v1/SECTION[/KEY].
**
**   GET    /api/v1                the sections, their modules and fields
**   GET    /api/v1/SECTION        its records: key and row (data-file form)
**   GET    /api/v1/SECTION/KEY    one record with its version and who changed it
**   POST   /api/v1/SECTION        add a record (the body is the row) → 201
**   PUT    /api/v1/SECTION/KEY    change fields (the body holds them); the
**                                 version read is required: If-Match: "N"
**                                 or ?version=N (428 without, 409 stale)
**   DELETE /api/v1/SECTION/KEY    remove it (version as for PUT)
**
** Rows are in the data files' form (docs/data-*.md), the same validation
** and messages as `styr set`. Errors: {"error": {status, message, field}}.
*/
#include "web/web.h"

#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/jsonw.h"
#include "db/module.h"
#include "db/section.h"
#include "db/store.h"
#include "web/edit.h"

static const char *const type_names[] = {
	"text", "int", "money", "number", "date", "bool", "enum", "ref"
};

static void list_sections(struct web_req *r)
{
	struct jsonw w;
	web_json_begin(r, &w);
	jsonw_object_begin(&w);
	jsonw_key(&w, "sections");
	jsonw_array_begin(&w);
	for(size_t m = 0; styr_modules[m]; m++)
		for(size_t k = 0; styr_modules[m]->sections && styr_modules[m]->sections[k]; k++) {
			const struct section_desc *d = styr_modules[m]->sections[k];
			jsonw_object_begin(&w);
			jsonw_kv_string(&w, "name", d->name);
			jsonw_kv_string(&w, "module", styr_modules[m]->name);
			jsonw_kv_string(&w, "help", d->help);
			jsonw_kv_string(&w, "title_sv", web_section_title(d));
			jsonw_kv_string(&w, "help_sv", web_section_help(d));
			jsonw_kv_bool(&w, "writable", web_may_write(r, styr_modules[m]->name));
			jsonw_key(&w, "fields");
			jsonw_array_begin(&w);
			for(size_t i = 0; i < d->nfields; i++) {
				const struct field_desc *f = &d->fields[i];
				jsonw_object_begin(&w);
				jsonw_kv_string(&w, "name", f->key);
				jsonw_kv_string(&w, "type", type_names[f->type]);
				jsonw_kv_bool(&w, "required", f->flags & FIELD_REQUIRED);
				jsonw_kv_bool(&w, "key", f->flags & FIELD_KEY);
				if(f->ref_section)
					jsonw_kv_string(&w, "refers_to", f->ref_section);
				if(f->allowed) {
					jsonw_key(&w, "allowed");
					jsonw_array_begin(&w);
					for(size_t a = 0; f->allowed[a]; a++)
						jsonw_string(&w, f->allowed[a]);
					jsonw_array_end(&w);
					jsonw_key(&w, "allowed_sv");
					jsonw_array_begin(&w);
					for(size_t a = 0; f->allowed[a]; a++)
						jsonw_string(&w, web_value_text(f, f->allowed[a]));
					jsonw_array_end(&w);
				}
				jsonw_kv_string(&w, "help", f->help);
				jsonw_kv_string(&w, "label_sv", web_field_label(f));
				jsonw_kv_string(&w, "help_sv", web_field_help(f));
				jsonw_object_end(&w);
			}
			jsonw_array_end(&w);
			jsonw_object_end(&w);
		}
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
	strbuf_addch(&r->out, '\n');
}

static const struct section_desc *section(struct web_req *r)
{
	const struct section_desc *d = store_section_find(r->parts[0]);
	if(!d)
		web_json_error(r, 404, NULL, "there is no section '%s' (GET /api/v1 lists them)",
		               r->parts[0]);
	return d;
}

static enum styr_rc row_json(void *ctx, const struct section_desc *d, int64_t id,
                             const char *key, const struct field_value vals[])
{
	struct jsonw *w = ctx;
	(void)id;
	jsonw_object_begin(w);
	jsonw_kv_string(w, "key", key);
	jsonw_key(w, "row");
	section_row_json(w, d, vals);
	jsonw_object_end(w);
	return STYR_OK;
}

static void list_rows(struct web_req *r)
{
	const struct section_desc *d = section(r);
	struct styr_error err;
	struct jsonw w;
	struct strbuf body = STRBUF_INIT;
	enum styr_rc rc;

	if(!d)
		return;
	styr_error_init(&err);
	/* Write into a buffer of its own: a failure half-way answers an error. */
	jsonw_init(&w, jsonw_strbuf_sink, &body, true);
	jsonw_object_begin(&w);
	jsonw_kv_string(&w, "section", d->name);
	jsonw_key(&w, "records");
	jsonw_array_begin(&w);
	rc = store_section_each_keyed(r->store, d, row_json, &w, &err);
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
	if(rc)
		web_json_error(r, web_status_for(rc), NULL, "%s", err.msg);
	else {
		r->type = "application/json";
		strbuf_add(&r->out, body.buf, body.len);
		strbuf_addch(&r->out, '\n');
	}
	strbuf_release(&body);
}

struct record_out {
	struct web_req *r;
	const struct row_version *v;
	int status;
};

static enum styr_rc record_row(void *ctx, const struct section_desc *d, int64_t id,
                               const char *key, const struct field_value vals[])
{
	struct record_out *o = ctx;
	struct web_req *r = o->r;
	struct jsonw w;

	(void)id;
	r->status = o->status;
	web_json_begin(r, &w);
	jsonw_object_begin(&w);
	jsonw_kv_string(&w, "section", d->name);
	jsonw_kv_string(&w, "key", key);
	jsonw_kv_int(&w, "version", o->v->version);
	if(o->v->change_set) {
		jsonw_kv_int(&w, "change_set", o->v->change_set);
		jsonw_kv_string(&w, "changed_by", o->v->who);
		jsonw_kv_string(&w, "changed_at", o->v->at);
	}
	jsonw_key(&w, "row");
	section_row_json(&w, d, vals);
	jsonw_object_end(&w);
	jsonw_finish(&w);
	strbuf_addch(&r->out, '\n');
	if(o->status == 201) {
		struct strbuf loc = STRBUF_INIT;
		strbuf_addf(&loc, "/api/v1/%s/%s", d->name, key);
		str_copy(r->location, sizeof(r->location), loc.buf);
		strbuf_release(&loc);
	}
	return STYR_OK;
}

/* Write one record with its version as the response: the version, then
** the row with its key in one read. */
static void record(struct web_req *r, const struct section_desc *d, int64_t id, int status)
{
	struct row_version v = { 0 };
	struct record_out o = { r, &v, status };
	struct styr_error err;
	bool found = false;
	enum styr_rc rc;

	styr_error_init(&err);
	rc = store_row_version(r->store, d, id, &v, &err);
	if(!rc)
		rc = store_row_keyed(r->store, d, id, record_row, &o, &found, &err);
	if(!rc && !found)
		rc = styr_error_set(&err, STYR_ENOTFOUND, "the record is gone");
	if(rc) {
		strbuf_reset(&r->out);
		r->location[0] = '\0';
		web_json_error(r, web_status_for(rc), NULL, "%s", err.msg);
	}
	row_version_release(&v);
}

static void get_row(struct web_req *r)
{
	const struct section_desc *d = section(r);
	struct styr_error err;
	int64_t id;
	enum styr_rc rc;

	if(!d)
		return;
	styr_error_init(&err);
	if((rc = store_row_find(r->store, d, r->parts[1], &id, &err)))
		web_json_error(r, web_status_for(rc), NULL, "%s", err.msg);
	else
		record(r, d, id, 200);
}

/* The body as a JSON object; NULL after answering the error. */
static struct json *body(struct web_req *r)
{
	struct styr_error err;
	struct json *j;
	if(!r->content_type || strncmp(r->content_type, "application/json", 16)) {
		web_json_error(r, 415, NULL, "the body must be JSON (Content-Type: application/json)");
		return NULL;
	}
	styr_error_init(&err);
	if(!(j = json_parse(r->body, r->body_len, "body", &err))) {
		web_json_error(r, 400, NULL, "%s", err.msg);
		return NULL;
	}
	if(j->type != JSON_OBJECT) {
		web_json_error(r, 400, NULL, "body: expected an object of fields, found %s",
		               json_type_name(j->type));
		json_free(j);
		return NULL;
	}
	return j;
}

/* The version the client read: If-Match: "N" or ?version=N. 0 after
** answering the error. */
static int64_t version(struct web_req *r)
{
	const char *v = web_param(r, "version");
	char *end;
	long long n;
	if(!v && r->if_match) {
		v = r->if_match;
		if(*v == 'W' && v[1] == '/')
			v += 2;
		if(*v == '"')
			v++;
	}
	if(!v) {
		web_json_error(r, 428, "version", "state the version you read: If-Match: \"N\" or"
		               " ?version=N (GET the record for it)");
		return 0;
	}
	n = strtoll(v, &end, 10);
	if(n < 1 || end == v || (*end && strcmp(end, "\""))) {
		web_json_error(r, 400, "version", "expected a version from 1, found '%s'", v);
		return 0;
	}
	return n;
}

static bool may_write(struct web_req *r, const struct section_desc *d)
{
	const char *m = web_section_module(d);
	if(web_may_write(r, m))
		return true;
	web_json_error(r, 403, NULL, "%s may not change %s (a section of %s)", r->user.name,
	               d->name, m ? m : "styr");
	return false;
}

static void write_result(struct web_req *r, const struct section_desc *d, enum styr_rc rc,
                         int64_t id, const char *field, const struct styr_error *err,
                         int status)
{
	if(rc)
		web_json_error(r, web_status_for(rc), field, "%s", err->msg);
	else
		record(r, d, id, status);
}

static void put_row(struct web_req *r)
{
	const struct section_desc *d = section(r);
	struct styr_error err;
	struct json *j;
	const char *field;
	char unknown[64];
	int64_t v, id;
	enum styr_rc rc;

	if(!d || !may_write(r, d) || !(v = version(r)) || !(j = body(r)))
		return;
	styr_error_init(&err);
	rc = edit_row(r->store, d, r->parts[1], v, NULL, j, &id, &field, unknown, &err);
	write_result(r, d, rc, id, field, &err, 200);
	json_free(j);
}

static void post_row(struct web_req *r)
{
	const struct section_desc *d = section(r);
	struct styr_error err;
	struct json *j;
	const char *field;
	char unknown[64];
	int64_t id;
	enum styr_rc rc;

	if(!d || !may_write(r, d) || !(j = body(r)))
		return;
	styr_error_init(&err);
	rc = edit_row(r->store, d, NULL, 0, NULL, j, &id, &field, unknown, &err);
	write_result(r, d, rc, id, field, &err, 201);
	json_free(j);
}

static void delete_row(struct web_req *r)
{
	const struct section_desc *d = section(r);
	struct styr_error err;
	int64_t v;
	enum styr_rc rc;

	if(!d || !may_write(r, d) || !(v = version(r)))
		return;
	styr_error_init(&err);
	if((rc = edit_delete(r->store, d, r->parts[1], v, &err)))
		web_json_error(r, web_status_for(rc), NULL, "%s", err.msg);
	else
		r->status = 204;
}

const struct web_route route_api_sections = {
	"GET", "/api/v1", WEB_LOGIN, true, list_sections, "the sections and their fields"
};
const struct web_route route_api_list = {
	"GET", "/api/v1/*", WEB_LOGIN, true, list_rows, "the records of a section"
};
const struct web_route route_api_get = {
	"GET", "/api/v1/*/**", WEB_LOGIN, true, get_row, "one record with its version"
};
const struct web_route route_api_post = {
	"POST", "/api/v1/*", WEB_WRITE, true, post_row, "add a record"
};
const struct web_route route_api_put = {
	"PUT", "/api/v1/*/**", WEB_WRITE, true, put_row, "change a record"
};
const struct web_route route_api_delete = {
	"DELETE", "/api/v1/*/**", WEB_WRITE, true, delete_row, "remove a record"
};
