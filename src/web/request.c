/*
** request.c — reading a request's fields and writing common responses.
*/
#include "web/web.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/jsonw.h"
#include "db/module.h"
#include "db/section.h"
#include "web/accounts.h"
#include "doc/html.h"

const char *web_param(const struct web_req *r, const char *name)
{
	for(int i = 0; i < r->nparams; i++)
		if(!strcmp(r->params[i].name, name))
			return r->params[i].value;
	return NULL;
}

static int hexval(int c)
{
	if(c >= '0' && c <= '9')
		return c - '0';
	if(c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if(c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode one urlencoded part [s, s+n) into a new string. */
static char *decode(const char *s, size_t n)
{
	char *out = xmalloc(n + 1), *o = out;
	for(size_t i = 0; i < n; i++) {
		if(s[i] == '+')
			*o++ = ' ';
		else if(s[i] == '%' && i + 2 < n && hexval((unsigned char)s[i + 1]) >= 0
		        && hexval((unsigned char)s[i + 2]) >= 0) {
			*o++ = (char)(hexval((unsigned char)s[i + 1]) * 16 + hexval((unsigned char)s[i + 2]));
			i += 2;
		} else
			*o++ = s[i];
	}
	*o = 0;
	return out;
}

void web_parse_form(struct web_req *r, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	while(p < end && r->nparams < WEB_MAX_PARAMS) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *stop = amp ? amp : end, *eq = memchr(p, '=', (size_t)(stop - p));
		if(stop > p) {
			const char *nend = eq ? eq : stop;
			r->params[r->nparams].name = decode(p, (size_t)(nend - p));
			r->params[r->nparams].value = eq ? decode(eq + 1, (size_t)(stop - eq - 1))
			                                 : xstrdup("");
			r->nparams++;
		}
		p = stop + 1;
	}
}

/* The first occurrence of needle[0..n) in hay[0..len), or NULL. */
static const char *find(const char *hay, size_t len, const char *needle, size_t n)
{
	for(size_t i = 0; n <= len && i <= len - n; i++)
		if(hay[i] == needle[0] && !memcmp(hay + i, needle, n))
			return hay + i;
	return NULL;
}

/* The value of attribute attr (name="...") in a part's headers [h, end). */
static char *header_attr(const char *h, const char *end, const char *attr)
{
	struct strbuf pat = STRBUF_INIT;
	const char *p, *q;
	char *out = NULL;
	strbuf_addf(&pat, "%s=\"", attr);
	p = find(h, (size_t)(end - h), pat.buf, pat.len);
	/* "name=" must not match inside "filename=". */
	while(p && p > h && p[-1] != ' ' && p[-1] != ';')
		p = find(p + 1, (size_t)(end - p - 1), pat.buf, pat.len);
	if(p) {
		p += pat.len;
		q = memchr(p, '"', (size_t)(end - p));
		if(q) {
			out = xmalloc((size_t)(q - p) + 1);
			memcpy(out, p, (size_t)(q - p));
			out[q - p] = 0;
		}
	}
	strbuf_release(&pat);
	return out;
}

bool web_parse_multipart(struct web_req *r)
{
	const char *b = r->content_type ? strstr(r->content_type, "boundary=") : NULL;
	const char *end = r->body + r->body_len, *p;
	struct strbuf first = STRBUF_INIT, next_delim = STRBUF_INIT;
	bool ok = false;

	if(!b)
		return false;
	b += 9;
	if(*b == '"')
		b++;
	/* The parts: "--B" CRLF headers CRLF CRLF data, each next one after
	** CRLF "--B", the last delimiter "--B--". */
	strbuf_addstr(&first, "--");
	strbuf_add(&first, b, strcspn(b, "\"; "));
	strbuf_addstr(&next_delim, "\r\n");
	strbuf_addstr(&next_delim, first.buf);
	p = find(r->body, r->body_len, first.buf, first.len);
	while(p) {
		const char *h = p + first.len, *hend, *data, *next;
		char *name, *filename;
		if(end - h >= 2 && h[0] == '-' && h[1] == '-') {
			ok = true;
			break;
		}
		if(end - h < 2 || h[0] != '\r' || h[1] != '\n')
			break;
		h += 2;
		if(!(hend = find(h, (size_t)(end - h), "\r\n\r\n", 4)))
			break;
		data = hend + 4;
		if(!(next = find(data, (size_t)(end - data), next_delim.buf, next_delim.len)))
			break;
		name = header_attr(h, hend, "name");
		filename = header_attr(h, hend, "filename");
		if(filename && !r->upload) {
			r->upload = data;
			r->upload_len = (size_t)(next - data);
			r->upload_name = r->nparts_owned_name = filename;
			filename = NULL;
		} else if(name && !filename && r->nparams < WEB_MAX_PARAMS) {
			r->params[r->nparams].name = name;
			r->params[r->nparams].value = xmalloc((size_t)(next - data) + 1);
			memcpy(r->params[r->nparams].value, data, (size_t)(next - data));
			r->params[r->nparams].value[next - data] = 0;
			r->nparams++;
			name = NULL;
		}
		free(name);
		free(filename);
		p = next + 2;
	}
	strbuf_release(&first);
	strbuf_release(&next_delim);
	return ok;
}

void web_req_release(struct web_req *r)
{
	for(int i = 0; i < r->nparams; i++) {
		free(r->params[i].name);
		free(r->params[i].value);
	}
	r->nparams = 0;
	for(int i = 0; i < r->nparts; i++)
		free((char *)r->parts[i]);
	r->nparts = 0;
	free(r->nparts_owned_name);
	r->nparts_owned_name = NULL;
	strbuf_release(&r->out);
}

int web_status_for(enum styr_rc rc)
{
	switch(rc) {
	case STYR_OK: return 200;
	case STYR_EINVAL: return 422;
	case STYR_ENOTFOUND: return 404;
	case STYR_ECONFLICT: return 409;
	case STYR_EBUSY: return 503;
	default: return 500;
	}
}

void web_json_begin(struct web_req *r, struct jsonw *w)
{
	strbuf_reset(&r->out);
	r->type = "application/json";
	jsonw_init(w, jsonw_strbuf_sink, &r->out, true);
}

static void json_error(struct web_req *r, int status, const char *field, const char *msg)
{
	struct jsonw w;
	r->status = status;
	web_json_begin(r, &w);
	jsonw_object_begin(&w);
	jsonw_key(&w, "error");
	jsonw_object_begin(&w);
	jsonw_kv_int(&w, "status", status);
	jsonw_kv_string(&w, "message", msg);
	if(field)
		jsonw_kv_string(&w, "field", field);
	jsonw_object_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
	strbuf_addch(&r->out, '\n');
}

void web_json_error(struct web_req *r, int status, const char *field, const char *fmt, ...)
{
	struct strbuf msg = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	json_error(r, status, field, msg.buf);
	strbuf_release(&msg);
}

static const char *status_title(int status)
{
	switch(status) {
	case 400: return "Felaktig begäran";
	case 401: return "Inloggning krävs";
	case 403: return "Ej tillåtet";
	case 404: return "Sidan finns inte";
	case 405: return "Metoden är inte tillåten";
	case 409: return "Konflikt";
	case 413: return "För stor begäran";
	case 414: return "För lång adress";
	case 415: return "Fel innehållstyp";
	case 422: return "Värdet kan inte sparas";
	case 429: return "För många försök";
	case 503: return "Tjänsten är upptagen";
	default: return "Fel";
	}
}

void web_fail(struct web_req *r, int status, const char *field, const char *fmt, ...)
{
	struct strbuf msg = STRBUF_INIT;
	struct html h;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	if(r->api) {
		json_error(r, status, field, msg.buf);
	} else {
		strbuf_reset(&r->out);
		r->type = NULL;
		r->location[0] = 0;
		page_begin(r, &h, status_title(status));
		page_message(&h, "error", msg.buf);
		html_open(&h, "p", NULL);
		html_open(&h, "a", "href", "/", NULL);
		html_text(&h, "Till startsidan");
		html_close(&h);
		html_close(&h);
		page_end(r, &h);
		r->status = status;
	}
	strbuf_release(&msg);
}

void web_redirect(struct web_req *r, const char *location)
{
	r->status = 303;
	str_copy(r->location, sizeof(r->location), location);
	strbuf_reset(&r->out);
}


const char *web_section_module(const struct section_desc *d)
{
	for(size_t m = 0; styr_modules[m]; m++)
		for(size_t k = 0; styr_modules[m]->sections && styr_modules[m]->sections[k]; k++)
			if(styr_modules[m]->sections[k] == d)
				return styr_modules[m]->name;
	return NULL;
}

const char *web_module_title(const struct module *m)
{
	return m->title_sv ? m->title_sv : m->title;
}

const char *web_section_title(const struct section_desc *d)
{
	return d->title_sv ? d->title_sv : d->name;
}

const char *web_section_help(const struct section_desc *d)
{
	return d->help_sv ? d->help_sv : d->help;
}

const char *web_field_label(const struct field_desc *f)
{
	return f->label_sv ? f->label_sv : f->key;
}

const char *web_field_help(const struct field_desc *f)
{
	return f->help_sv ? f->help_sv : f->help;
}

const char *web_value_text(const struct field_desc *f, const char *value)
{
	if(!value)
		return "";
	if(f->type == FIELD_BOOL && (!strcmp(value, "true") || !strcmp(value, "false")))
		return value[0] == 't' ? "ja" : "nej";
	if(f->type == FIELD_ENUM && f->allowed_sv)
		for(size_t i = 0; f->allowed[i]; i++)
			if(!strcmp(f->allowed[i], value))
				return f->allowed_sv[i] ? f->allowed_sv[i] : value;
	return value;
}

bool web_may_write(const struct web_req *r, const char *module)
{
	unsigned need = accounts_module_role(module);
	return (r->user.roles & WEB_ROLE_ADMIN) || (need && (r->user.roles & need));
}
