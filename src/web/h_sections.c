/*
** h_sections.c — the registers: every section of every module as pages,
** with editing forms generated from the section descriptions.
**
**   GET  /sections              the sections by module, with their counts
**   GET  /sections/SECTION      its records as a table (?new for a form)
**   POST /sections/SECTION      add a record from the form
**   GET  /sections/SECTION/KEY  one record: its fields, version, who changed
**                               it, and a form when the user may change it
**   POST /sections/SECTION/KEY  save the form (or remove, action=delete)
**
** A form states the version it was drawn from, so a save over someone
** else's change is refused with who made it; the values go the way of
** `styr set` (edit.h), so a refused value reads as on the command line,
** beside its field, and nothing is stored.
*/
#include "web/web.h"

#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "db/module.h"
#include "db/section.h"
#include "db/store.h"
#include "doc/html.h"
#include "web/edit.h"

#define MAX_ROWS 1000

static void section_link(struct strbuf *sb, const char *section, const char *key)
{
	strbuf_addf(sb, "/sections/%s", section);
	if(key) {
		strbuf_addch(sb, '/');
		for(const char *p = key; *p; p++)
			if(strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_.~", *p))
				strbuf_addch(sb, *p);
			else
				strbuf_addf(sb, "%%%02X", (unsigned char)*p);
	}
}

static void list_sections(struct web_req *r)
{
	struct html h;
	struct styr_error err;

	styr_error_init(&err);
	page_begin(r, &h, "Register");
	html_elem_text(&h, "p", "Alla uppgifter i styr, modul för modul. Välj ett register för"
	               " att se och ändra dess poster.", NULL);
	for(size_t m = 0; styr_modules[m]; m++) {
		const struct module *mod = styr_modules[m];
		if(!mod->sections || !mod->sections[0])
			continue;
		html_elem_text(&h, "h2", web_module_title(mod), NULL);
		html_open(&h, "div", "class", "table-wrap", NULL);
		html_open(&h, "table", NULL);
		html_open(&h, "thead", NULL);
		html_open(&h, "tr", NULL);
		html_elem_text(&h, "th", "Register", "scope", "col", NULL);
		html_elem_text(&h, "th", "Poster", "scope", "col", NULL);
		html_elem_text(&h, "th", "Innehåll", "scope", "col", NULL);
		html_close_to(&h, h.depth - 2);
		html_open(&h, "tbody", NULL);
		for(size_t k = 0; mod->sections[k]; k++) {
			const struct section_desc *d = mod->sections[k];
			struct strbuf link = STRBUF_INIT;
			int64_t n = 0;
			store_section_count(r->store, d, &n, &err);
			section_link(&link, d->name, NULL);
			html_open(&h, "tr", NULL);
			html_open(&h, "td", NULL);
			html_elem_text(&h, "a", web_section_title(d), "href", link.buf, NULL);
			html_close(&h);
			html_open(&h, "td", NULL);
			html_textf(&h, "%lld", (long long)n);
			html_close(&h);
			html_elem_text(&h, "td", web_section_help(d), NULL);
			html_close(&h);
			strbuf_release(&link);
		}
		html_close_to(&h, h.depth - 3);
	}
	page_end(r, &h);
}

struct rows_ctx {
	struct html *h;
	const struct field_desc *key;  /* the key of one field, shown first, or NULL */
	int n;
};

static enum styr_rc row_html(void *ctx, const struct section_desc *d, int64_t id,
                             const char *key, const struct field_value vals[])
{
	struct rows_ctx *c = ctx;
	struct strbuf link = STRBUF_INIT, v = STRBUF_INIT;
	(void)id;
	if(++c->n > MAX_ROWS)
		return STYR_EFINDINGS;  /* enough: stop */
	section_link(&link, d->name, key);
	html_open(c->h, "tr", NULL);
	html_open(c->h, "td", NULL);
	html_elem_text(c->h, "a", *key ? key : "(utan nyckel)", "href", link.buf, NULL);
	html_close(c->h);
	for(size_t i = 0; i < d->nfields; i++) {
		if(&d->fields[i] == c->key)
			continue;  /* the first column says it */
		strbuf_reset(&v);
		section_value_text(&d->fields[i], &vals[i], &v);
		html_elem_text(c->h, "td", web_value_text(&d->fields[i], v.buf), NULL);
	}
	html_close(c->h);
	strbuf_release(&link);
	strbuf_release(&v);
	return STYR_OK;
}

static const struct section_desc *find(struct web_req *r)
{
	const struct section_desc *d = store_section_find(r->parts[0]);
	if(!d)
		web_fail(r, 404, NULL, "det finns inget register '%s'", r->parts[0]);
	return d;
}

#define MAX_CHOICES 300

struct choices {
	char *keys[MAX_CHOICES];
	int n;
	bool more;
};

static enum styr_rc add_choice(void *ctx, const struct section_desc *d, int64_t id,
                               const char *key, const struct field_value vals[])
{
	struct choices *c = ctx;
	(void)d;
	(void)id;
	(void)vals;
	if(c->n == MAX_CHOICES) {
		c->more = true;
		return STYR_EFINDINGS;  /* enough: stop */
	}
	c->keys[c->n++] = xstrdup(key);
	return STYR_OK;
}

/* The input for field f with value text (may be NULL) and its label. A
** reference is a list of the referred section's keys (a text field when
** there are more than MAX_CHOICES). */
static void field_input(struct web_req *r, struct html *h, const struct field_desc *f,
                        const char *text, const char *error)
{
	char id[80], help_id[90];
	snprintf(id, sizeof(id), "f-%s", f->key);
	snprintf(help_id, sizeof(help_id), "h-%s", f->key);
	html_open(h, "label", "for", id, NULL);
	html_text(h, web_field_label(f));
	if(f->flags & FIELD_REQUIRED)
		html_text(h, " (obligatorisk)");
	html_elem_text(h, "span", web_field_help(f), "class", "help", "id", help_id, NULL);
	html_close(h);
	if(error)
		page_message(h, "error", error);
	if(f->type == FIELD_ENUM || f->type == FIELD_BOOL) {
		static const char *const bools[] = { "true", "false", NULL };
		const char *const *opts = f->type == FIELD_BOOL ? bools : f->allowed;
		html_open(h, "select", "id", id, "name", f->key, "aria-describedby", help_id, NULL);
		if(!(f->flags & FIELD_REQUIRED))
			html_elem_text(h, "option", "", "value", "", NULL);
		for(size_t a = 0; opts && opts[a]; a++)
			html_elem_text(h, "option", web_value_text(f, opts[a]), "value", opts[a],
			               "selected", text && !strcmp(text, opts[a]) ? "" : NULL, NULL);
		html_close(h);
		return;
	}
	if(f->type == FIELD_REF) {
		const struct section_desc *rd = store_section_find(f->ref_section);
		struct choices c = { .n = 0 };
		struct styr_error err;
		bool listed = false;
		styr_error_init(&err);
		if(rd)
			store_section_each_keyed(r->store, rd, add_choice, &c, &err);
		if(rd && !c.more) {
			html_open(h, "select", "id", id, "name", f->key, "aria-describedby", help_id, NULL);
			html_elem_text(h, "option", (f->flags & FIELD_REQUIRED) ? "(välj)" : "(ingen)",
			               "value", "", NULL);
			for(int i = 0; i < c.n; i++) {
				bool sel = text && !strcmp(text, c.keys[i]);
				listed |= sel;
				html_elem_text(h, "option", c.keys[i], "value", c.keys[i],
				               "selected", sel ? "" : NULL, NULL);
			}
			/* A value that is no key (refused, redrawn) stays visible. */
			if(text && *text && !listed)
				html_elem_text(h, "option", text, "value", text, "selected", "", NULL);
			html_close(h);
		}
		for(int i = 0; i < c.n; i++)
			free(c.keys[i]);
		if(rd && !c.more)
			return;
	}
	html_void(h, "input", "id", id, "name", f->key, "value", text ? text : "",
	          "type", f->type == FIELD_DATE ? "date" : "text",
	          "inputmode", f->type == FIELD_INT || f->type == FIELD_MONEY
	                       || f->type == FIELD_NUMBER ? "decimal" : NULL,
	          "aria-describedby", help_id,
	          "aria-invalid", error ? "true" : NULL, NULL);
}

/* The text form of member key of a data-file row img into sb. */
static void json_text(const struct json *img, const char *key, struct strbuf *sb)
{
	const struct json *v = img ? json_get(img, key) : NULL;
	if(!v || v->type == JSON_NULL)
		return;
	if(v->type == JSON_BOOL)
		strbuf_addstr(sb, v->boolean ? "true" : "false");
	else if(v->type == JSON_STRING || v->type == JSON_NUMBER)
		strbuf_add(sb, v->text, v->len);
}

/* The edit form of d: the record key (NULL for a new one) at version,
** values from img (its data-file row) or from the posted form when redrawn. */
static void edit_form(struct web_req *r, struct html *h, const struct section_desc *d,
                      const char *key, int64_t version, const struct json *img,
                      bool from_post, const char *bad_field, const char *message)
{
	struct strbuf action = STRBUF_INIT, v = STRBUF_INIT;
	char ver[32];
	section_link(&action, d->name, key);
	html_open(h, "form", "class", "edit", "method", "post", "action", action.buf, NULL);
	page_csrf(r, h);
	if(key) {
		snprintf(ver, sizeof(ver), "%lld", (long long)version);
		html_void(h, "input", "type", "hidden", "name", "version", "value", ver, NULL);
	}
	for(size_t i = 0; i < d->nfields; i++) {
		const struct field_desc *f = &d->fields[i];
		const char *text = NULL;
		strbuf_reset(&v);
		if(from_post)
			text = web_param(r, f->key);
		if(!text && img) {
			json_text(img, f->key, &v);
			text = v.buf;
		}
		field_input(r, h, f, text, bad_field && !strcmp(bad_field, f->key) ? message : NULL);
	}
	html_elem_text(h, "button", key ? "Spara" : "Lägg till", "class", "primary", "type",
	               "submit", NULL);
	html_close(h);
	strbuf_release(&action);
	strbuf_release(&v);
}

static void list_rows(struct web_req *r)
{
	const struct section_desc *d = find(r);
	const char *m;
	struct rows_ctx c;
	struct styr_error err;
	struct html h;
	struct strbuf title = STRBUF_INIT, link = STRBUF_INIT;
	enum styr_rc rc;

	if(!d)
		return;
	m = web_section_module(d);
	styr_error_init(&err);
	strbuf_addf(&title, "Register: %s", web_section_title(d));
	page_begin(r, &h, title.buf);
	html_elem_text(&h, "p", web_section_help(d), NULL);
	if(web_may_write(r, m)) {
		if(web_param(r, "new")) {
			html_elem_text(&h, "h2", "Ny post", NULL);
			edit_form(r, &h, d, NULL, 0, NULL, false, NULL, NULL);
		} else {
			section_link(&link, d->name, NULL);
			strbuf_addstr(&link, "?new=1");
			html_open(&h, "p", NULL);
			html_elem_text(&h, "a", "Lägg till en post", "href", link.buf, NULL);
			html_close(&h);
		}
	}
	html_open(&h, "div", "class", "table-wrap", "tabindex", "0", "role", "region",
	          "aria-label", web_section_title(d), NULL);
	html_open(&h, "table", NULL);
	html_elem_text(&h, "caption", web_section_title(d), NULL);
	html_open(&h, "thead", NULL);
	html_open(&h, "tr", NULL);
	/* The first column is the record's key, a link to it; a key of one
	** field is not repeated after it. */
	c.h = &h;
	c.key = section_key_field(d);
	c.n = 0;
	html_elem_text(&h, "th", c.key ? web_field_label(c.key) : "Nyckel", "scope", "col", NULL);
	for(size_t i = 0; i < d->nfields; i++)
		if(&d->fields[i] != c.key)
			html_elem_text(&h, "th", web_field_label(&d->fields[i]), "scope", "col", NULL);
	html_close_to(&h, h.depth - 2);
	html_open(&h, "tbody", NULL);
	rc = store_section_each_keyed(r->store, d, row_html, &c, &err);
	html_close_to(&h, h.depth - 3);
	if(rc == STYR_EFINDINGS) {
		html_open(&h, "p", NULL);
		html_textf(&h, "Visar de första %d posterna.", MAX_ROWS);
		html_close(&h);
	} else if(rc)
		page_message(&h, "error", err.msg);
	page_end(r, &h);
	strbuf_release(&title);
	strbuf_release(&link);
}

/* Collect the posted fields of d into t. */
static void posted(struct web_req *r, const struct section_desc *d, struct edit_text *t)
{
	t->n = 0;
	for(size_t i = 0; i < d->nfields && t->n < 64; i++) {
		const char *v = web_param(r, d->fields[i].key);
		if(!v)
			continue;
		t->name[t->n] = d->fields[i].key;
		t->value[t->n] = v;
		t->n++;
	}
}

static void show_record(struct web_req *r, const struct section_desc *d, const char *key,
                        const char *bad_field, const char *message, bool from_post)
{
	struct row_version v = { 0 };
	struct styr_error err;
	struct strbuf title = STRBUF_INIT, val = STRBUF_INIT, img = STRBUF_INIT;
	struct json *j = NULL;
	struct html h;
	int64_t id;
	bool found = false;
	enum styr_rc rc;

	styr_error_init(&err);
	rc = store_row_find(r->store, d, key, &id, &err);
	if(!rc)
		rc = store_row_version(r->store, d, id, &v, &err);
	if(!rc)
		rc = store_row_image(r->store, d, id, &img, NULL, &found, &err);
	if(rc) {
		web_fail(r, web_status_for(rc), NULL, "%s", err.msg);
		goto out;
	}
	strbuf_addf(&title, "%s: %s", web_section_title(d), key);
	page_begin(r, &h, title.buf);
	if(message && !bad_field)
		page_message(&h, "error", message);
	else if(message)
		page_message(&h, "error", "Posten sparades inte: rätta värdet nedan.");
	if(web_param(r, "saved") && !message)
		page_message(&h, "ok", "Sparat.");
	html_open(&h, "p", NULL);
	html_textf(&h, "Version %lld", (long long)v.version);
	if(v.change_set) {
		html_textf(&h, ", senast ändrad av %s ", v.who);
		web_time(&h, v.at);
		html_textf(&h, " (ändring %lld).", (long long)v.change_set);
	}
	html_close(&h);
	/* The record in its data-file form, for the form or the table. */
	j = json_parse(img.buf, img.len, d->name, &err);
	if(web_may_write(r, web_section_module(d))) {
		html_elem_text(&h, "h2", "Ändra", NULL);
		edit_form(r, &h, d, key, v.version, j, from_post, bad_field, message);
		html_elem_text(&h, "h2", "Ta bort", NULL);
		{
			struct strbuf action = STRBUF_INIT;
			char ver[32];
			section_link(&action, d->name, key);
			snprintf(ver, sizeof(ver), "%lld", (long long)v.version);
			html_open(&h, "form", "method", "post", "action", action.buf, NULL);
			page_csrf(r, &h);
			html_void(&h, "input", "type", "hidden", "name", "version", "value", ver, NULL);
			html_void(&h, "input", "type", "hidden", "name", "action", "value", "delete",
			          NULL);
			html_elem_text(&h, "button", "Ta bort posten", "class", "danger", "type",
			               "submit", NULL);
			html_close(&h);
			strbuf_release(&action);
		}
	} else {
		/* Read only: the record's fields by their names. */
		html_open(&h, "div", "class", "table-wrap", NULL);
		html_open(&h, "table", NULL);
		html_elem_text(&h, "caption", title.buf, "class", "sr", NULL);
		html_open(&h, "tbody", NULL);
		for(size_t i = 0; i < d->nfields; i++) {
			const struct field_desc *f = &d->fields[i];
			strbuf_reset(&val);
			json_text(j, f->key, &val);
			html_open(&h, "tr", NULL);
			html_elem_text(&h, "th", web_field_label(f), "scope", "row", NULL);
			html_open(&h, "td", NULL);
			html_text_br(&h, web_value_text(f, val.buf));
			html_close(&h);
			html_close(&h);
		}
		html_close_to(&h, h.depth - 3);
	}
	page_end(r, &h);
out:
	json_free(j);
	row_version_release(&v);
	strbuf_release(&title);
	strbuf_release(&val);
	strbuf_release(&img);
}

static void get_record(struct web_req *r)
{
	const struct section_desc *d = find(r);
	if(d)
		show_record(r, d, r->parts[1], NULL, NULL, false);
}

static int64_t form_version(struct web_req *r)
{
	const char *v = web_param(r, "version");
	return v ? strtoll(v, NULL, 10) : 0;
}

static void post_record(struct web_req *r)
{
	const struct section_desc *d = find(r);
	struct edit_text t;
	struct styr_error err;
	const char *field = NULL, *action;
	char unknown[64];
	struct strbuf loc = STRBUF_INIT;
	int64_t id, version;
	enum styr_rc rc;

	if(!d)
		return;
	if(!web_may_write(r, web_section_module(d))) {
		web_fail(r, 403, NULL, "%s får inte ändra registret %s", r->user.name, d->name);
		return;
	}
	version = form_version(r);
	if(version < 1) {
		web_fail(r, 400, "version", "formuläret saknar version: ladda om sidan");
		return;
	}
	styr_error_init(&err);
	action = web_param(r, "action");
	if(action && !strcmp(action, "delete")) {
		if((rc = edit_delete(r->store, d, r->parts[1], version, &err))) {
			r->status = web_status_for(rc);
			show_record(r, d, r->parts[1], NULL, err.msg, false);
			r->status = web_status_for(rc);
			return;
		}
		section_link(&loc, d->name, NULL);
		web_redirect(r, loc.buf);
		strbuf_release(&loc);
		return;
	}
	posted(r, d, &t);
	rc = edit_row(r->store, d, r->parts[1], version, &t, NULL, &id, &field, unknown, &err);
	if(rc) {
		show_record(r, d, r->parts[1], field, err.msg, true);
		r->status = web_status_for(rc);
		return;
	}
	/* The key may have changed: go to the record under its key now. */
	{
		struct strbuf key = STRBUF_INIT, img = STRBUF_INIT;
		bool found;
		store_row_image(r->store, d, id, &img, &key, &found, &err);
		section_link(&loc, d->name, key.buf);
		strbuf_addstr(&loc, "?saved=1");
		strbuf_release(&key);
		strbuf_release(&img);
	}
	web_redirect(r, loc.buf);
	strbuf_release(&loc);
}

static void post_new(struct web_req *r)
{
	const struct section_desc *d = find(r);
	struct edit_text t;
	struct styr_error err;
	const char *field = NULL;
	char unknown[64];
	struct strbuf loc = STRBUF_INIT, title = STRBUF_INIT;
	struct html h;
	int64_t id;
	enum styr_rc rc;

	if(!d)
		return;
	if(!web_may_write(r, web_section_module(d))) {
		web_fail(r, 403, NULL, "%s får inte ändra registret %s", r->user.name, d->name);
		return;
	}
	styr_error_init(&err);
	posted(r, d, &t);
	/* An empty field of a new record is no value. */
	for(int i = 0; i < t.n; i++)
		if(!*t.value[i]) {
			t.name[i] = t.name[t.n - 1];
			t.value[i] = t.value[t.n - 1];
			t.n--;
			i--;
		}
	rc = edit_row(r->store, d, NULL, 0, &t, NULL, &id, &field, unknown, &err);
	if(rc) {
		strbuf_addf(&title, "Ny post i %s", d->name);
		page_begin(r, &h, title.buf);
		if(!field)
			page_message(&h, "error", err.msg);
		else
			page_message(&h, "error", "Posten sparades inte: rätta värdet nedan.");
		edit_form(r, &h, d, NULL, 0, NULL, true, field, err.msg);
		page_end(r, &h);
		r->status = web_status_for(rc);
		strbuf_release(&title);
		return;
	}
	{
		struct strbuf key = STRBUF_INIT, img = STRBUF_INIT;
		bool found;
		store_row_image(r->store, d, id, &img, &key, &found, &err);
		section_link(&loc, d->name, key.buf);
		strbuf_addstr(&loc, "?saved=1");
		strbuf_release(&key);
		strbuf_release(&img);
	}
	web_redirect(r, loc.buf);
	strbuf_release(&loc);
}

const struct web_route route_sections = {
	"GET", "/sections", WEB_LOGIN, true, list_sections, "the registers by module"
};
const struct web_route route_section_rows = {
	"GET", "/sections/*", WEB_LOGIN, true, list_rows, "the records of a register"
};
const struct web_route route_section_new = {
	"POST", "/sections/*", WEB_WRITE, true, post_new, "add a record from the form"
};
const struct web_route route_section_record = {
	"GET", "/sections/*/**", WEB_LOGIN, true, get_record, "one record and its form"
};
const struct web_route route_section_save = {
	"POST", "/sections/*/**", WEB_WRITE, true, post_record, "save or remove a record"
};
