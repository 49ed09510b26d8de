/*
** web.h — the web front door: requests, routes and responses.
**
** `styr serve` is a front door like the command line: the server
** (server.c) parses a request into a `struct web_req`, finds its route in
** the table (routes.c), checks who is asking (a session cookie or an API
** token, accounts.h) and whether that person may use the route, checks the
** CSRF token of a form, gives the handler a store from its pool and sends
** what the handler left in the request's response. One file per handler
** (h_*.c), each exporting `const struct web_route` descriptors in the
** manner of the command descriptors (cli.h). Handlers call the modules'
** domain calls and the generic section API; no business rule lives here.
** There are no globals: everything a handler needs is in its request.
*/
#ifndef STYR_WEB_H
#define STYR_WEB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/error.h"
#include "base/strbuf.h"
#include "db/store.h"

struct store;
struct html;
struct jsonw;

/* ---- who is asking (accounts.c) ---- */

/* Roles, a bit each. An editor (redaktör) edits the sections of one area. */
#define WEB_ROLE_ADMIN     0x01u  /* administratör: everything */
#define WEB_ROLE_GOALS     0x02u  /* redaktör mål */
#define WEB_ROLE_ECONOMY   0x04u  /* redaktör ekonomi */
#define WEB_ROLE_CONTROL   0x08u  /* redaktör internkontroll */
#define WEB_ROLE_MEETINGS  0x10u  /* redaktör sammanträden */
#define WEB_ROLE_READER    0x20u  /* läsare */

struct web_user {
	int64_t id;
	char name[64];
	unsigned roles;
};

/* ---- a request and its response ---- */

#define WEB_MAX_PARAMS 64
#define WEB_MAX_PARTS  8

struct web_param {
	char *name, *value;
};

struct web_server;

struct web_req {
	/* the request */
	const char *method;            /* "GET", "POST", ... */
	const char *path;              /* decoded path, without the query */
	const char *parts[WEB_MAX_PARTS]; /* what the route's "*" segments matched */
	int nparts;
	const char *content_type;      /* NULL when none was sent */
	const char *if_match;          /* the If-Match header, or NULL */
	const char *body;              /* the request body (NUL-terminated) */
	size_t body_len;
	struct web_param params[WEB_MAX_PARAMS]; /* query and form fields, decoded */
	int nparams;
	/* the file of a multipart/form-data form (one): points into body */
	const char *upload, *upload_name;
	size_t upload_len;
	char *nparts_owned_name;       /* upload_name's storage */
	const char *remote;            /* the client's address */
	bool api;                      /* under /api/: errors are JSON */
	/* who: user.id is 0 when nobody is logged in */
	struct web_user user;
	char csrf[65];                 /* the session's CSRF token ("" without one) */
	char session[65];              /* the session id of the cookie ("" without one) */
	struct store *store;           /* from the pool; NULL for routes without one */
	/* the database's stamp (store_stamp) before the request read anything;
	** what was kept under the same stamp holds. NULL when there is none. */
	const struct store_stamp *stamp;
	struct store_stamp stamp_buf;
	const char *db_path;
	const struct web_server *server;
	/* the response */
	int status;                    /* 200 unless set */
	const char *type;              /* Content-Type; text/html unless set */
	struct strbuf out;             /* the body */
	char location[512];            /* Location, for a redirect */
	char cookie[256];              /* a Set-Cookie value, or "" */
	char disposition[256];         /* Content-Disposition, or "" */
	const char *cache;             /* Cache-Control; "no-store" unless set */
};

/* What a route needs of the person asking. */
enum web_access {
	WEB_PUBLIC,    /* anyone, logged in or not */
	WEB_LOGIN,     /* a logged-in user (any role) */
	WEB_WRITE,     /* a user allowed to change what the handler changes: the
	                  handler checks the area with web_may_write() */
	WEB_ADMIN,     /* an administrator */
};

struct web_route {
	const char *method;       /* "GET", "POST", "PUT", "DELETE" */
	const char *pattern;      /* "/api/v1/" then "*": each "*" matches one segment,
	                             a final "**" the rest of the path (a key
	                             may hold "/") */
	enum web_access access;
	bool store;               /* needs a store */
	void (*handle)(struct web_req *r);
	const char *summary;      /* one line, for docs/api.md and the tests */
};

/* The table (routes.c), NULL-terminated. */
extern const struct web_route *const web_routes[];

/* ---- request helpers (request.c) ---- */

/* The value of query or form field name, or NULL. */
const char *web_param(const struct web_req *r, const char *name);
/* Decode application/x-www-form-urlencoded text into r->params (appended
** after those already there; the strings are owned by r). */
void web_parse_form(struct web_req *r, const char *text, size_t len);
/* Decode a multipart/form-data body (boundary from content_type): its
** text fields into r->params, its first file into r->upload. false when
** the body is not well-formed multipart. */
bool web_parse_multipart(struct web_req *r);
/* Free what the request owns. */
void web_req_release(struct web_req *r);

/* Respond with a JSON error {"error": {"status", "message", "field"}}
** (field may be NULL). */
void web_json_error(struct web_req *r, int status, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The HTTP status a styr error stands for: EINVAL 422, ENOTFOUND 404,
** ECONFLICT 409, EBUSY 503, others 500. */
int web_status_for(enum styr_rc rc);
/* A JSON error or an error page (by r->api) with status and message. */
void web_fail(struct web_req *r, int status, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Answer 303 See Other to location. */
void web_redirect(struct web_req *r, const char *location);
/* A pretty JSON writer on r->out, with type application/json. */
void web_json_begin(struct web_req *r, struct jsonw *w);
/* Whether the user may change the sections of module `module` ("goals"):
** an administrator, or an editor of the module's area. */
bool web_may_write(const struct web_req *r, const char *module);
struct section_desc;
/* The name of the module whose section d is ("goals"), or NULL. */
const char *web_section_module(const struct section_desc *d);
struct html;
/* An instant of the audit log (UTC, "2026-12-01T03:13:46Z") as a person
** in Sweden reads it: <time datetime="...">2026-12-01 04:13</time>. */
void web_time(struct html *h, const char *stamp);
/* What a person reads for a module, a register and a field: the
** descriptors' Swedish names and help (*_sv), or, where one has none, the
** name and help the command line uses. */
struct module;
struct field_desc;
const char *web_module_title(const struct module *m);
const char *web_section_title(const struct section_desc *d);
const char *web_section_help(const struct section_desc *d);
const char *web_field_label(const struct field_desc *f);
const char *web_field_help(const struct field_desc *f);
/* What a person reads for value of field f: an enum's Swedish name
** (allowed_sv), yes/no as ja/nej, anything else as it is. */
const char *web_value_text(const struct field_desc *f, const char *value);

struct occasion;
/* The occasion the page is about (occasion.c): ?occasion= and ?year= as
** org_occasion_resolve reads them, of the kinds asked for (OCC_BIT()s, 0
** for any); without either, the latest such occasion whose cut-off has
** come. false after answering the error. Release with occasion_release. */
bool web_occasion(struct web_req *r, unsigned kinds, struct occasion *o);
/* The same, failing with err instead of answering. */
enum styr_rc web_occasion_find(struct web_req *r, unsigned kinds, struct occasion *o,
                               struct styr_error *err);

/* The report workflow of occasion o (h_workflow.c): parts klar of the
** parts recorded, and whether the report is fastställd; false when
** nothing is recorded for it. */
bool web_workflow_progress(struct web_req *r, const struct occasion *o, int *klar,
                           int *total, bool *fixed);

struct report_type;
struct report_args;
/* Answer with report rt about a (h_reports.c): the page, with download
** links to self?...&format=F, or with format the file as `styr report`
** writes it. */
void web_report_answer(struct web_req *r, const struct report_type *rt,
                       const struct report_args *a, const char *format, const char *self);

/* ---- pages (page.c) ---- */

/* Begin a page: the skeleton (lang sv, title, the style sheet, the
** header with navigation for the user, a skip link) and open <main>.
** Leaves h writing into r->out. */
void page_begin(struct web_req *r, struct html *h, const char *title);
/* Close <main>, the footer and the document. */
void page_end(struct web_req *r, struct html *h);
/* A form's hidden CSRF field. */
void page_csrf(struct web_req *r, struct html *h);
/* A message box: kind is "error" or "ok". */
void page_message(struct html *h, const char *kind, const char *text);
/* The traffic light of an indicator verdict (an enum verdict of
** goals/assess.h): a coloured box that also says the verdict in words. */
void web_verdict_light(struct html *h, int verdict);
/* The style sheet served at /static/styr.css. */
extern const char page_css[];

/* ---- the server (server.c) ---- */

struct web_config {
	const char *db_path;
	const char *listen;       /* "127.0.0.1:8080" */
	unsigned threads;         /* thread pool size */
	size_t max_body;          /* bytes; larger requests get 413 */
	unsigned timeout;         /* seconds a connection may idle */
	bool secure_cookies;      /* cookies marked Secure (behind TLS) */
	FILE *log;                /* the access log, one line per request */
	FILE *err;                /* messages */
};

/* Serve until SIGTERM or SIGINT; requests in flight finish before it
** returns. Returns STYR_OK, or an error when the server could not start. */
enum styr_rc web_serve(const struct web_config *cfg, struct styr_error *err);
/* A cache of rendered fragments shared by the server's threads, for pages
** that are the same for everyone until the data changes: the key must
** say everything the fragment depends on (web_data_key gives the state of
** the data and the day). get appends the fragment to out when it is
** there. */
bool web_cache_get(const struct web_req *r, const char *key, struct strbuf *out);
void web_cache_put(const struct web_req *r, const char *key, const char *html, size_t len);
/* Append to key the state of the data — the last change set, which every
** change of a section's rows makes, and the schema version — and today's
** date. */
void web_data_key(struct web_req *r, struct strbuf *key);
/* Whether cookies are marked Secure. */
bool web_secure_cookies(const struct web_server *srv);

#endif
