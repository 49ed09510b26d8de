/*
** h_login.c — GET and POST /login, POST /logout: sessions for people.
**
** The session id goes into a cookie that scripts cannot read (HttpOnly),
** that the browser sends only to styr's own pages (SameSite=Strict) and,
** behind TLS, only over it (Secure); a new id is made at every login.
*/
#include "web/web.h"

#include <string.h>

#include "doc/html.h"
#include "web/accounts.h"

/* Only a path of this site is a place to go after logging in. */
static const char *safe_next(const struct web_req *r)
{
	const char *next = web_param(r, "next");
	if(!next || next[0] != '/' || next[1] == '/' || strchr(next, '\\') || strlen(next) > 400)
		return "/";
	return next;
}

static void form(struct web_req *r, const char *message, const char *name)
{
	struct html h;
	page_begin(r, &h, "Logga in");
	if(message)
		page_message(&h, "error", message);
	html_open(&h, "form", "class", "edit", "method", "post", "action", "/login", NULL);
	page_csrf(r, &h);
	html_void(&h, "input", "type", "hidden", "name", "next", "value", safe_next(r), NULL);
	html_elem_text(&h, "label", "Användarnamn", "for", "name", NULL);
	html_void(&h, "input", "id", "name", "name", "name", "autocomplete", "username",
	          "required", "", "value", name ? name : "", NULL);
	html_elem_text(&h, "label", "Lösenord", "for", "password", NULL);
	html_void(&h, "input", "id", "password", "name", "password", "type", "password",
	          "autocomplete", "current-password", "required", "", NULL);
	html_elem_text(&h, "button", "Logga in", "class", "primary", "type", "submit", NULL);
	html_close(&h);
	page_end(r, &h);
}

static void get_login(struct web_req *r)
{
	form(r, NULL, NULL);
}

static void set_cookie(struct web_req *r, const char *value, int max_age)
{
	snprintf(r->cookie, sizeof(r->cookie),
	         "styr_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", value,
	         max_age, web_secure_cookies(r->server) ? "; Secure" : "");
}

static void post_login(struct web_req *r)
{
	const char *name = web_param(r, "name"), *password = web_param(r, "password");
	char session[ACCOUNTS_TOKEN_SIZE], csrf[ACCOUNTS_TOKEN_SIZE];
	struct styr_error err;
	enum styr_rc rc;

	if(!name || !password || !*name) {
		r->status = 400;
		form(r, "Fyll i användarnamn och lösenord.", name);
		return;
	}
	styr_error_init(&err);
	rc = accounts_login(r->store, name, password, r->remote, r->session, &r->user, session, csrf,
	                    &err);
	if(rc == STYR_EINVAL) {
		r->status = 401;
		form(r, "Fel användarnamn eller lösenord.", name);
		return;
	}
	if(rc == STYR_EBUSY) {
		r->status = 429;
		form(r, "För många misslyckade inloggningar. Vänta en stund och försök igen.", name);
		return;
	}
	if(rc) {
		web_fail(r, 500, NULL, "%s", err.msg);
		return;
	}
	set_cookie(r, session, ACCOUNTS_SESSION_TTL);
	web_redirect(r, safe_next(r));
}

static void post_logout(struct web_req *r)
{
	struct styr_error err;
	styr_error_init(&err);
	if(r->session[0] && accounts_logout(r->store, r->session, &err)) {
		web_fail(r, 500, NULL, "%s", err.msg);
		return;
	}
	memset(&r->user, 0, sizeof(r->user));
	r->csrf[0] = 0;
	set_cookie(r, "", 0);
	web_redirect(r, "/login");
}

const struct web_route route_login_get = {
	"GET", "/login", WEB_PUBLIC, true, get_login, "the login form"
};
const struct web_route route_login_post = {
	"POST", "/login", WEB_PUBLIC, true, post_login, "log in (name, password)"
};
const struct web_route route_logout = {
	"POST", "/logout", WEB_LOGIN, true, post_logout, "log out"
};
