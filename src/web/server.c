/*
** server.c — `styr serve`: libmicrohttpd, the store pool, who is asking,
** dispatch and the access log.
**
** libmicrohttpd runs a pool of threads, each polling its share of the
** connections with epoll; a handler runs on the thread of its connection
** and is given a store from a pool of open ones (SQLite allows many
** readers beside one writer; writers wait on the busy timeout). Requests
** are held to a size (413 past it, the body never read), connections to an
** idle time, and the number of connections to a limit. SIGTERM or SIGINT
** stops accepting, lets the requests in flight finish (for up to ten
** seconds) and returns. Every request gets one access-log line:
**
**     127.0.0.1 anna "POST /api/v1/persons" 201 154 1.2ms
**
** Who is asking: an API token ("Authorization: Bearer T") or the session
** cookie. A form (POST from a browser, any request with a session cookie
** that changes something) must carry the session's CSRF token in the field
** "csrf" or the header X-CSRF-Token; a request with a token needs none.
*/
#include "web/web.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "base/clock.h"
#include "db/store.h"
#include "doc/html.h"
#include "web/accounts.h"

#define POOL_MAX 16
#define CACHE_SLOTS 8

/* A rendered fragment and the key it was made for (web_cache_*). */
struct cache_slot {
	char *key;
	char *html;
	size_t len;
	atomic_ulong used;        /* the clock when last read: a reader sets it */
};

/* Every request took the one mutex five times (in flight, the pool, the
** cache), and two threads often had to wake each other through the
** kernel (futex wakes were 3 % of the server's time). Now the count is
** atomic, the cache has a lock of its own that readers share, and each
** thread keeps the store it used last (mine, below) and takes the pool's
** lock only on its first request. */
struct web_server {
	const struct web_config *cfg;
	pthread_mutex_t mu;       /* the pool, and the wait for idle */
	pthread_cond_t idle;
	struct store *pool[POOL_MAX];
	int npool;
	atomic_int in_flight;     /* requests begun and not yet completed */
	pthread_rwlock_t cache_lock;
	struct cache_slot cache[CACHE_SLOTS];
	atomic_ulong cache_clock;
};

bool web_cache_get(const struct web_req *r, const char *key, struct strbuf *out)
{
	struct web_server *srv = (struct web_server *)r->server;
	bool hit = false;
	pthread_rwlock_rdlock(&srv->cache_lock);
	for(int i = 0; i < CACHE_SLOTS; i++)
		if(srv->cache[i].key && !strcmp(srv->cache[i].key, key)) {
			strbuf_add(out, srv->cache[i].html, srv->cache[i].len);
			atomic_store_explicit(&srv->cache[i].used, atomic_fetch_add(&srv->cache_clock, 1) + 1,
			                      memory_order_relaxed);
			hit = true;
			break;
		}
	pthread_rwlock_unlock(&srv->cache_lock);
	return hit;
}

void web_cache_put(const struct web_req *r, const char *key, const char *html, size_t len)
{
	struct web_server *srv = (struct web_server *)r->server;
	struct cache_slot *victim;
	pthread_rwlock_wrlock(&srv->cache_lock);
	victim = &srv->cache[0];
	for(int i = 0; i < CACHE_SLOTS; i++) {
		if(srv->cache[i].key && !strcmp(srv->cache[i].key, key)) {
			victim = &srv->cache[i];
			break;
		}
		if(atomic_load_explicit(&srv->cache[i].used, memory_order_relaxed) <
		   atomic_load_explicit(&victim->used, memory_order_relaxed))
			victim = &srv->cache[i];
	}
	free(victim->key);
	free(victim->html);
	victim->key = xstrdup(key);
	victim->html = xmalloc(len + 1);
	memcpy(victim->html, html, len);
	victim->len = len;
	atomic_store_explicit(&victim->used, atomic_fetch_add(&srv->cache_clock, 1) + 1,
	                      memory_order_relaxed);
	pthread_rwlock_unlock(&srv->cache_lock);
}

bool web_secure_cookies(const struct web_server *srv)
{
	return srv->cfg->secure_cookies;
}

/* ---- the store pool ---- */

/* The store this thread used last, kept for its next request; closed
** when the thread ends (one server a process). */
static pthread_key_t mine;
static pthread_once_t mine_once = PTHREAD_ONCE_INIT;

static void mine_close(void *s)
{
	store_close(s);
}

static void mine_init(void)
{
	pthread_key_create(&mine, mine_close);
}

static struct store *pool_take(struct web_server *srv, struct styr_error *err)
{
	struct store *s;
	pthread_once(&mine_once, mine_init);
	if((s = pthread_getspecific(mine))) {
		pthread_setspecific(mine, NULL);
		return s;
	}
	pthread_mutex_lock(&srv->mu);
	if(srv->npool)
		s = srv->pool[--srv->npool];
	pthread_mutex_unlock(&srv->mu);
	if(!s && store_open(srv->cfg->db_path, 0, &s, err))
		return NULL;
	return s;
}

static void pool_give(struct web_server *srv, struct store *s)
{
	if(!s)
		return;
	store_read_end(s);
	if(store_in_transaction(s))
		store_rollback(s);
	store_set_user(s, "styr");
	store_set_command(s, NULL);
	if(!pthread_getspecific(mine)) {
		pthread_setspecific(mine, s);
		return;
	}
	pthread_mutex_lock(&srv->mu);
	if(srv->npool < POOL_MAX) {
		srv->pool[srv->npool++] = s;
		s = NULL;
	}
	pthread_mutex_unlock(&srv->mu);
	if(s)
		store_close(s);
}

/* ---- one connection's request ---- */

struct pending {
	struct strbuf body;
	bool too_large;
	struct timespec start;
};

static bool match(const struct web_route *rt, const char *method, const char *path,
                  struct web_req *r, bool *path_matched)
{
	const char *p = rt->pattern, *q = path;
	int n = 0;
	char *buf;

	/* Compare segment by segment; "*" takes one non-empty segment. */
	while(*p && *q) {
		if(p[0] == '*' && p[1] == '*') {
			q += strlen(q);
			p += 2;
			n++;
			continue;
		}
		if(*p == '*') {
			size_t len = strcspn(q, "/");
			if(!len || n == WEB_MAX_PARTS)
				return false;
			q += len;
			p++;
			n++;
			continue;
		}
		if(*p != *q)
			return false;
		p++;
		q++;
	}
	if(*p || *q)
		return false;
	*path_matched = true;
	if(strcmp(rt->method, method) && !(!strcmp(method, "HEAD") && !strcmp(rt->method, "GET")))
		return false;
	/* Matched: copy the parts. */
	p = rt->pattern;
	q = path;
	r->nparts = 0;
	while(*p) {
		if(*p == '*') {
			size_t len = p[1] == '*' ? strlen(q) : strcspn(q, "/");
			buf = xmalloc(len + 1);
			memcpy(buf, q, len);
			buf[len] = 0;
			r->parts[r->nparts++] = buf;
			q += len;
			p += p[1] == '*' ? 2 : 1;
		} else {
			p++;
			q++;
		}
	}
	return true;
}

static const char *header(struct MHD_Connection *c, const char *name)
{
	return MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
}

static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                               const char *value)
{
	struct web_req *r = cls;
	(void)kind;
	if(r->nparams < WEB_MAX_PARAMS) {
		r->params[r->nparams].name = xstrdup(key);
		r->params[r->nparams].value = xstrdup(value ? value : "");
		r->nparams++;
	}
	return MHD_YES;
}

/* Who is asking, from the token or the session cookie. */
static void identify(struct web_req *r, struct MHD_Connection *c, bool *has_cookie,
                     bool *has_token)
{
	const char *auth = header(c, MHD_HTTP_HEADER_AUTHORIZATION);
	const char *sid = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "styr_session");
	struct styr_error err;

	styr_error_init(&err);
	*has_cookie = *has_token = false;
	if(auth && !strncmp(auth, "Bearer ", 7)) {
		*has_token = true;
		if(accounts_token(r->store, auth + 7, r->stamp, &r->user, &err))
			memset(&r->user, 0, sizeof(r->user));
		return;
	}
	if(sid) {
		*has_cookie = true;
		if(accounts_session(r->store, sid, r->stamp, &r->user, r->csrf, &err)) {
			memset(&r->user, 0, sizeof(r->user));
			r->csrf[0] = 0;
		} else
			str_copy(r->session, sizeof(r->session), sid);
	}
}

static bool changes(const char *method)
{
	return strcmp(method, "GET") && strcmp(method, "HEAD");
}

/* Run the route for r: access, CSRF, the handler. */
static void dispatch(struct web_server *srv, struct web_req *r, struct MHD_Connection *c)
{
	const struct web_route *rt = NULL;
	bool path_matched = false, has_cookie, has_token;
	struct styr_error err;

	for(int i = 0; web_routes[i]; i++)
		if(match(web_routes[i], r->method, r->path, r, &path_matched)) {
			rt = web_routes[i];
			break;
		}
	if(!rt) {
		if(path_matched)
			web_fail(r, 405, NULL, "%s is not allowed on %s", r->method, r->path);
		else
			web_fail(r, 404, NULL, "there is no page %s", r->path);
		return;
	}
	if(!rt->store && rt->access == WEB_PUBLIC) {
		rt->handle(r);
		return;
	}
	styr_error_init(&err);
	if(!(r->store = pool_take(srv, &err))) {
		web_fail(r, 503, NULL, "the database cannot be opened: %s", err.msg);
		return;
	}
	/* What a page shows is read from one state of the data (and SQLite
	** locks once a request, not once a statement); a write ends it. */
	if(!changes(r->method) && store_read_begin(r->store, &err))
		styr_error_init(&err);
	if(store_stamp(r->store, &r->stamp_buf))
		r->stamp = &r->stamp_buf;
	identify(r, c, &has_cookie, &has_token);
	if(rt->access != WEB_PUBLIC && !r->user.id) {
		if(r->api || has_token) {
			web_fail(r, 401, NULL, has_token ? "the API token is not valid"
			                                 : "log in or send an API token");
		} else {
			struct strbuf loc = STRBUF_INIT;
			strbuf_addstr(&loc, "/login?next=");
			for(const char *p = r->path; *p; p++)
				if(strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_.", *p))
					strbuf_addch(&loc, *p);
				else
					strbuf_addf(&loc, "%%%02X", (unsigned char)*p);
			web_redirect(r, loc.buf);
			strbuf_release(&loc);
		}
		return;
	}
	if(rt->access == WEB_ADMIN && !(r->user.roles & WEB_ROLE_ADMIN)) {
		web_fail(r, 403, NULL, "only an administrator may do this");
		return;
	}
	if(rt->access == WEB_WRITE && !(r->user.roles & ~WEB_ROLE_READER)) {
		web_fail(r, 403, NULL, "a reader may not change anything");
		return;
	}
	/* A change made with a session cookie needs the session's CSRF token. */
	if(changes(r->method) && !has_token && r->user.id) {
		const char *t = web_param(r, "csrf");
		if(!t)
			t = header(c, "X-CSRF-Token");
		if(!t || !r->csrf[0] || !accounts_token_equal(t, r->csrf)) {
			web_fail(r, 403, "csrf", "the form has expired or did not come from styr:"
			         " reload the page and try again");
			return;
		}
	}
	if(r->user.id) {
		struct strbuf cmd = STRBUF_INIT;
		strbuf_addf(&cmd, "%s %s", r->method, r->path);
		store_set_user(r->store, r->user.name);
		store_set_command(r->store, cmd.buf);
		strbuf_release(&cmd);
	}
	/* A change that lost to another writer (PostgreSQL) and stored
	** nothing is made again from the start, its first answer dropped. */
	for(int attempt = 1;; attempt++) {
		rt->handle(r);
		if(!store_retry(r->store, attempt))
			break;
		r->status = 200;
		r->type = NULL;
		r->cache = NULL;
		strbuf_reset(&r->out);
		r->location[0] = r->cookie[0] = r->disposition[0] = '\0';
	}
}

static void add_common_headers(struct MHD_Response *resp, const struct web_req *r)
{
	MHD_add_response_header(resp, "Content-Security-Policy",
	                        "default-src 'none'; style-src 'self'; style-src-attr 'unsafe-inline';"
	                        " img-src 'self' data:;"
	                        " form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Cache-Control", r->cache ? r->cache : "no-store");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
	                        r->type ? r->type : "text/html; charset=utf-8");
	if(r->location[0])
		MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, r->location);
	if(r->cookie[0])
		MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, r->cookie);
	if(r->disposition[0])
		MHD_add_response_header(resp, "Content-Disposition", r->disposition);
}

/* The client's address of c as text into addr ("" when unknown). */
static void client_address(struct MHD_Connection *c, char addr[INET6_ADDRSTRLEN])
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	addr[0] = '\0';
	if(sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, addr, INET6_ADDRSTRLEN);
	else if(sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, addr,
		          INET6_ADDRSTRLEN);
}

static void log_line(struct web_server *srv, const struct web_req *r, size_t bytes,
                     const struct timespec *start)
{
	struct timespec now;
	double ms;

	if(!srv->cfg->log)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (double)(now.tv_sec - start->tv_sec) * 1e3 + (double)(now.tv_nsec - start->tv_nsec) / 1e6;
	flockfile(srv->cfg->log);
	fprintf(srv->cfg->log, "%s %s \"%s %s\" %d %zu %.1fms\n", *r->remote ? r->remote : "-",
	        r->user.id ? r->user.name : "-", r->method, r->path, r->status, bytes, ms);
	fflush(srv->cfg->log);
	funlockfile(srv->cfg->log);
}

static enum MHD_Result send_response(struct web_server *srv, struct MHD_Connection *c,
                                     struct web_req *r, const struct timespec *start,
                                     bool head)
{
	struct MHD_Response *resp;
	size_t len = r->out.len;
	enum MHD_Result ret;

	if(head)
		resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	else {
		char *buf = strbuf_detach(&r->out);
		resp = MHD_create_response_from_buffer(len, buf, MHD_RESPMEM_MUST_FREE);
	}
	if(!resp)
		return MHD_NO;
	add_common_headers(resp, r);
	ret = MHD_queue_response(c, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	log_line(srv, r, len, start);
	return ret;
}


/* The one check of what a browser or an API client sends in fields: the
** path and every query and form field (name and value) is text
** (text_valid: UTF-8 without control characters but tab and line
** breaks), as on the command line; an uploaded file is its importer's to
** read. False after refusing the request with 400, naming the field. */
static bool fields_are_text(struct web_req *r)
{
	struct styr_error why;
	if(!text_valid(r->path, strlen(r->path), &why)) {
		web_fail(r, 400, NULL, "the address: expected text, found %s", why.msg);
		return false;
	}
	for(int i = 0; i < r->nparams; i++) {
		const struct web_param *f = &r->params[i];
		if(!text_valid(f->name, strlen(f->name), &why)) {
			web_fail(r, 400, NULL, "a field name: expected text, found %s", why.msg);
			return false;
		}
		if(!text_valid(f->value, strlen(f->value), &why)) {
			web_fail(r, 400, f->name, "%s: expected text, found %s", f->name, why.msg);
			return false;
		}
	}
	return true;
}
static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload, size_t *upload_size, void **con_cls)
{
	struct web_server *srv = cls;
	struct pending *p = *con_cls;
	struct web_req r;
	char addr[INET6_ADDRSTRLEN];
	enum MHD_Result ret;

	(void)version;
	if(!p) {
		const char *len = header(c, MHD_HTTP_HEADER_CONTENT_LENGTH);
		p = xcalloc(1, sizeof(*p));
		strbuf_init(&p->body);
		clock_gettime(CLOCK_MONOTONIC, &p->start);
		if(len && strtoull(len, NULL, 10) > srv->cfg->max_body)
			p->too_large = true;
		*con_cls = p;
		atomic_fetch_add(&srv->in_flight, 1);
		if(!p->too_large)
			return MHD_YES;
	} else if(*upload_size) {
		if(p->body.len + *upload_size > srv->cfg->max_body)
			p->too_large = true;
		else
			strbuf_add(&p->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}

	memset(&r, 0, sizeof(r));
	strbuf_init(&r.out);
	r.status = 200;
	r.method = method;
	r.path = url;
	r.api = !strncmp(url, "/api/", 5);
	r.db_path = srv->cfg->db_path;
	r.server = srv;
	r.content_type = header(c, MHD_HTTP_HEADER_CONTENT_TYPE);
	r.if_match = header(c, MHD_HTTP_HEADER_IF_MATCH);
	r.body = p->body.buf ? p->body.buf : "";
	r.body_len = p->body.len;
	client_address(c, addr);
	r.remote = addr;
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, add_arg, &r);
	if(p->too_large)
		web_fail(&r, 413, NULL, "the request is larger than %zu bytes", srv->cfg->max_body);
	else if(strlen(url) > 2048)
		web_fail(&r, 414, NULL, "the address is too long");
	else {
		bool bad = false;
		if(r.content_type && !strncmp(r.content_type, "application/x-www-form-urlencoded", 33))
			web_parse_form(&r, r.body, r.body_len);
		else if(r.content_type && !strncmp(r.content_type, "multipart/form-data", 19))
			bad = !web_parse_multipart(&r);
		if(bad)
			web_fail(&r, 400, NULL, "the form is not well-formed multipart/form-data");
		else if(!fields_are_text(&r))
			; /* refused, naming the field */
		else
			dispatch(srv, &r, c);
	}
	pool_give(srv, r.store);
	r.store = NULL;
	ret = send_response(srv, c, &r, &p->start, !strcmp(method, "HEAD"));
	web_req_release(&r);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	struct web_server *srv = cls;
	struct pending *p = *con_cls;
	(void)c;
	(void)toe;
	if(!p)
		return;
	strbuf_release(&p->body);
	free(p);
	*con_cls = NULL;
	/* the last one wakes the wait for idle, under its lock so that the
	** wake cannot fall between the waiter's test and its wait */
	if(atomic_fetch_sub(&srv->in_flight, 1) == 1) {
		pthread_mutex_lock(&srv->mu);
		pthread_cond_broadcast(&srv->idle);
		pthread_mutex_unlock(&srv->mu);
	}
}

/* Parse "HOST:PORT" ("127.0.0.1:8080", "[::1]:8080") into ss. */
static enum styr_rc parse_listen(const char *listen, struct sockaddr_storage *ss,
                                 struct styr_error *err)
{
	char host[128];
	const char *colon = strrchr(listen, ':');
	char *end;
	long port;

	memset(ss, 0, sizeof(*ss));
	if(!colon || (size_t)(colon - listen) >= sizeof(host))
		goto bad;
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = 0;
	port = strtol(colon + 1, &end, 10);
	if(*end || end == colon + 1 || port < 0 || port > 65535)
		goto bad;
	if(host[0] == '[' && host[strlen(host) - 1] == ']') {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
		host[strlen(host) - 1] = 0;
		a->sin6_family = AF_INET6;
		a->sin6_port = htons((uint16_t)port);
		if(inet_pton(AF_INET6, host + 1, &a->sin6_addr) != 1)
			goto bad;
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)ss;
		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)port);
		if(inet_pton(AF_INET, host, &a->sin_addr) != 1)
			goto bad;
	}
	return STYR_OK;
bad:
	return styr_error_set(err, STYR_EINVAL, "--listen: expected ADDRESS:PORT such as"
	                      " 127.0.0.1:8080 or [::1]:8080, found '%s'", listen);
}

enum styr_rc web_serve(const struct web_config *cfg, struct styr_error *err)
{
	struct web_server srv = { .cfg = cfg };
	struct sockaddr_storage ss;
	struct MHD_Daemon *d;
	struct store *probe;
	sigset_t set;
	int sig = 0;
	struct timespec until;
	enum styr_rc rc;

	if((rc = parse_listen(cfg->listen, &ss, err)) || (rc = accounts_init(err)))
		return rc;
	/* Open (and migrate) the database once before serving, so a wrong
	** file is refused at start. */
	if((rc = store_open(cfg->db_path, 0, &probe, err)))
		return rc;
	pthread_mutex_init(&srv.mu, NULL);
	pthread_rwlock_init(&srv.cache_lock, NULL);
	pthread_cond_init(&srv.idle, NULL);
	srv.pool[srv.npool++] = probe;
	/* The signals are taken by sigwait below, in this thread only. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	d = MHD_start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC
	                     | MHD_USE_ERROR_LOG | (ss.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0),
	                     0, NULL, NULL, on_request, &srv,
	                     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	                     MHD_OPTION_THREAD_POOL_SIZE, cfg->threads,
	                     MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout,
	                     MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
	                     MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32 * 1024),
	                     MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
	                     MHD_OPTION_NOTIFY_COMPLETED, on_completed, &srv,
	                     MHD_OPTION_END);
	if(!d) {
		rc = styr_error_set(err, STYR_EIO, "cannot listen on %s: %s", cfg->listen,
		                    strerror(errno ? errno : EADDRINUSE));
		goto out;
	}
	{
		/* The port bound, which the system chose when :0 was asked. */
		const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
		char host[128];
		size_t hl = (size_t)(strrchr(cfg->listen, ':') - cfg->listen);
		memcpy(host, cfg->listen, hl < sizeof(host) ? hl : sizeof(host) - 1);
		host[hl < sizeof(host) ? hl : sizeof(host) - 1] = 0;
		fprintf(cfg->err, "styr: serving %s on http://%s:%u/\n", cfg->db_path, host,
		        di ? (unsigned)di->port : 0u);
	}
	fflush(cfg->err);
	while(sigwait(&set, &sig) != 0)
		;
	fprintf(cfg->err, "styr: stopping (signal %d): finishing the requests in flight\n", sig);
	fflush(cfg->err);
	MHD_quiesce_daemon(d);
	until = clock_wait_until(10000);
	pthread_mutex_lock(&srv.mu);
	while(atomic_load(&srv.in_flight) > 0)
		if(pthread_cond_timedwait(&srv.idle, &srv.mu, &until) == ETIMEDOUT)
			break;
	pthread_mutex_unlock(&srv.mu);
	MHD_stop_daemon(d);
	fprintf(cfg->err, "styr: stopped\n");
out:
	for(int i = 0; i < srv.npool; i++)
		store_close(srv.pool[i]);
	for(int i = 0; i < CACHE_SLOTS; i++) {
		free(srv.cache[i].key);
		free(srv.cache[i].html);
	}
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	pthread_mutex_destroy(&srv.mu);
	pthread_rwlock_destroy(&srv.cache_lock);
	pthread_cond_destroy(&srv.idle);
	return rc;
}

/* The module's one entry (accounts.h, base/loadable.h). */
const struct web_module styr_web_module = {
	.serve = web_serve,
	.init = accounts_init,
	.user_add = accounts_user_add,
	.passwd = accounts_passwd,
	.set_roles = accounts_set_roles,
	.disable = accounts_disable,
	.token_add = accounts_token_add,
};
