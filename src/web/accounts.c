/*
** accounts.c — users, sessions and API tokens (see accounts.h; the roles
** are roles.c's).
*/
#include "web/accounts.h"

#include <sodium.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "db/store.h"

/* argon2id with t=2 and 19 MiB, OWASP's recommendation: a login must
** not take the server's memory (libsodium's "interactive" is 64 MiB). */
#define PWHASH_OPS 2
#define PWHASH_MEM ((size_t)19 * 1024 * 1024)

enum styr_rc accounts_init(struct styr_error *err)
{
	if(sodium_init() < 0)
		return styr_error_set(err, STYR_EIO, "libsodium could not be initialised");
	return STYR_OK;
}

/* A new random token in hex into out. */
static void new_token(char out[ACCOUNTS_TOKEN_SIZE])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(out, ACCOUNTS_TOKEN_SIZE, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
}

/* The stored form of a token: its BLAKE2b-256 hash in hex. */
static void token_hash(const char *token, char out[ACCOUNTS_TOKEN_SIZE])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, ACCOUNTS_TOKEN_SIZE, h, sizeof(h));
}

bool accounts_token_equal(const char *a, const char *b)
{
	size_t n = strlen(a);
	return n == strlen(b) && n && sodium_memcmp(a, b, n) == 0;
}

static enum styr_rc hash_password(const char *password, char out[crypto_pwhash_STRBYTES],
                                  struct styr_error *err)
{
	if(strlen(password) < 8)
		return styr_error_set(err, STYR_EINVAL, "password: at least 8 characters are needed");
	if(crypto_pwhash_str(out, password, strlen(password), PWHASH_OPS,
	                     PWHASH_MEM) != 0)
		return styr_error_set(err, STYR_ENOMEM, "password: out of memory while hashing");
	return STYR_OK;
}

/* Run one statement with text and integer arguments ("t" and "i" in
** kinds, one per ?); *changed (may be NULL) is whether it changed a row. */
static enum styr_rc run_sql(struct store *s, const char *sql, const char *kinds,
                            const char *const texts[], const int64_t ints[],
                            struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare_cached(s, sql, &st, err);
	if(rc)
		return rc;
	for(int i = 0; kinds[i]; i++) {
		if(kinds[i] == 't')
			stmt_bind_text(st, i + 1, texts[i]);
		else
			stmt_bind_int(st, i + 1, ints[i]);
	}
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	return rc;
}

static enum styr_rc user_id(struct store *s, const char *name, int64_t *id,
                            struct styr_error *err)
{
	struct store_stmt *st;
	bool row = false;
	enum styr_rc rc = store_prepare_cached(s, "SELECT id FROM web_users WHERE name = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, name);
	rc = stmt_step(st, &row, err);
	if(!rc && row)
		*id = stmt_int(st, 0);
	stmt_finalize(st);
	if(!rc && !row)
		return styr_error_set(err, STYR_ENOTFOUND, "no user '%s'", name);
	return rc;
}

/* Run one write in a transaction of its own. */
static enum styr_rc write1(struct store *s, const char *sql, const char *kinds,
                           const char *const texts[], const int64_t ints[],
                           struct styr_error *err)
{
	enum styr_rc rc = store_begin(s, err);
	if(!rc)
		rc = run_sql(s, sql, kinds, texts, ints, err);
	if(!rc)
		rc = store_commit(s, err);
	if(rc)
		store_rollback(s);
	return rc;
}

enum styr_rc accounts_user_add(struct store *s, const char *name, const char *password,
                               unsigned roles, struct styr_error *err)
{
	char hash[crypto_pwhash_STRBYTES], when[CLOCK_TIMESTAMP_SIZE];
	int64_t id;
	enum styr_rc rc;

	if(!*name || strlen(name) >= sizeof(((struct web_user *)0)->name) || strchr(name, ':'))
		return styr_error_set(err, STYR_EINVAL, "user name: 1 to 63 bytes without ':' are"
		                      " needed");
	if(!user_id(s, name, &id, err))
		return styr_error_set(err, STYR_ECONFLICT, "user '%s' already exists", name);
	if((rc = hash_password(password, hash, err)))
		return rc;
	clock_timestamp(when);
	return write1(s, "INSERT INTO web_users(name, hash, roles, disabled, created)"
	              " VALUES(?, ?, ?, 0, ?)", "ttit",
	              (const char *const[]){ name, hash, NULL, when },
	              (const int64_t[]){ 0, 0, roles, 0 }, err);
}

enum styr_rc accounts_passwd(struct store *s, const char *name, const char *password,
                             struct styr_error *err)
{
	char hash[crypto_pwhash_STRBYTES];
	int64_t id;
	enum styr_rc rc = user_id(s, name, &id, err);
	if(!rc)
		rc = hash_password(password, hash, err);
	if(!rc)
		rc = write1(s, "UPDATE web_users SET hash = ? WHERE id = ?", "ti",
		            (const char *const[]){ hash, NULL }, (const int64_t[]){ 0, id }, err);
	return rc;
}

enum styr_rc accounts_set_roles(struct store *s, const char *name, unsigned roles,
                                struct styr_error *err)
{
	int64_t id;
	enum styr_rc rc = user_id(s, name, &id, err);
	if(!rc)
		rc = write1(s, "UPDATE web_users SET roles = ? WHERE id = ?", "ii", NULL,
		            (const int64_t[]){ roles, id }, err);
	return rc;
}

enum styr_rc accounts_disable(struct store *s, const char *name, struct styr_error *err)
{
	int64_t id;
	enum styr_rc rc = user_id(s, name, &id, err);
	if(!rc)
		rc = store_begin(s, err);
	if(rc)
		return rc;
	rc = run_sql(s, "UPDATE web_users SET disabled = 1 WHERE id = ?", "i", NULL,
	             (const int64_t[]){ id }, err);
	if(!rc)
		rc = run_sql(s, "DELETE FROM web_sessions WHERE \"user\" = ?", "i", NULL,
		             (const int64_t[]){ id }, err);
	if(!rc)
		rc = run_sql(s, "DELETE FROM web_tokens WHERE \"user\" = ?", "i", NULL,
		             (const int64_t[]){ id }, err);
	if(!rc)
		rc = store_commit(s, err);
	if(rc)
		store_rollback(s);
	return rc;
}

/* Seconds the next login attempt under key must wait, from its failures. */
static enum styr_rc throttle_wait(struct store *s, const char *key, int64_t free_tries,
                                  int64_t now, int64_t *wait, struct styr_error *err)
{
	struct store_stmt *st;
	bool row = false;
	enum styr_rc rc = store_prepare_cached(s, "SELECT failures, last FROM web_login_failures"
	                                " WHERE key = ?", &st, err);
	*wait = 0;
	if(rc)
		return rc;
	stmt_bind_text(st, 1, key);
	rc = stmt_step(st, &row, err);
	if(!rc && row && stmt_int(st, 0) >= free_tries) {
		int64_t n = stmt_int(st, 0) - free_tries, delay = n >= 5 ? 900 : (int64_t)30 << n;
		if(delay > 900)
			delay = 900;
		if(stmt_int(st, 1) + delay > now)
			*wait = stmt_int(st, 1) + delay - now;
	}
	stmt_finalize(st);
	return rc;
}

static enum styr_rc throttle_fail(struct store *s, const char *key, int64_t now,
                                  struct styr_error *err)
{
	return write1(s, "INSERT INTO web_login_failures(key, failures, last) VALUES(?, 1, ?)"
	              " ON CONFLICT(key) DO UPDATE SET failures = web_login_failures.failures + 1, last = excluded.last",
	              "ti", (const char *const[]){ key, NULL }, (const int64_t[]){ 0, now }, err);
}

/* Make a session for user id into session and csrf, ending old_session. */
static enum styr_rc session_new(struct store *s, int64_t id, const char *old_session,
                                char session[ACCOUNTS_TOKEN_SIZE],
                                char csrf[ACCOUNTS_TOKEN_SIZE], struct styr_error *err)
{
	char h[ACCOUNTS_TOKEN_SIZE], oldh[ACCOUNTS_TOKEN_SIZE];
	enum styr_rc rc;

	new_token(session);
	new_token(csrf);
	token_hash(session, h);
	if((rc = store_begin(s, err)))
		return rc;
	if(old_session && *old_session) {
		token_hash(old_session, oldh);
		rc = run_sql(s, "DELETE FROM web_sessions WHERE token_hash = ?", "t",
		             (const char *const[]){ oldh }, NULL, err);
	}
	if(!rc)
		rc = run_sql(s, "DELETE FROM web_sessions WHERE expires < ?", "i", NULL,
		             (const int64_t[]){ (int64_t)time(NULL) }, err);
	if(!rc)
		rc = run_sql(s, "INSERT INTO web_sessions(token_hash, \"user\", csrf, expires)"
		             " VALUES(?, ?, ?, ?)", "titi",
		             (const char *const[]){ h, NULL, csrf, NULL },
		             (const int64_t[]){ 0, id, 0, (int64_t)time(NULL) + ACCOUNTS_SESSION_TTL },
		             err);
	if(!rc)
		rc = store_commit(s, err);
	if(rc)
		store_rollback(s);
	return rc;
}

enum styr_rc accounts_login(struct store *s, const char *name, const char *password,
                            const char *remote, const char *old_session,
                            struct web_user *u, char session[ACCOUNTS_TOKEN_SIZE],
                            char csrf[ACCOUNTS_TOKEN_SIZE], struct styr_error *err)
{
	struct strbuf ukey = STRBUF_INIT, akey = STRBUF_INIT;
	struct store_stmt *st;
	int64_t now = time(NULL), w1 = 0, w2 = 0, id = 0, disabled = 1;
	char hash[crypto_pwhash_STRBYTES] = "";
	bool row = false, ok = false;
	enum styr_rc rc;

	strbuf_addf(&ukey, "user:%s", name);
	strbuf_addf(&akey, "addr:%s", remote ? remote : "");
	rc = throttle_wait(s, ukey.buf, ACCOUNTS_FREE_TRIES, now, &w1, err);
	if(!rc)
		rc = throttle_wait(s, akey.buf, ACCOUNTS_FREE_TRIES_ADDRESS, now, &w2, err);
	if(!rc && (w1 || w2))
		rc = styr_error_set(err, STYR_EBUSY, "too many failed logins: try again in %lld"
		                    " seconds", (long long)(w1 > w2 ? w1 : w2));
	if(!rc)
		rc = store_prepare_cached(s, "SELECT id, hash, roles, disabled FROM web_users WHERE name = ?",
		                   &st, err);
	if(!rc) {
		stmt_bind_text(st, 1, name);
		rc = stmt_step(st, &row, err);
		if(!rc && row) {
			id = stmt_int(st, 0);
			str_copy(hash, sizeof(hash), stmt_text(st, 1));
			u->id = id;
			str_copy(u->name, sizeof(u->name), name);
			u->roles = (unsigned)stmt_int(st, 2);
			disabled = stmt_int(st, 3);
		}
		stmt_finalize(st);
	}
	if(!rc) {
		/* An unknown user costs a hash too, so timing does not tell names. */
		if(!row) {
			unsigned char k[32], salt[crypto_pwhash_SALTBYTES] = { 0 };
			if(crypto_pwhash(k, sizeof(k), password, strlen(password), salt,
			                 PWHASH_OPS,
			                 PWHASH_MEM,
			                 crypto_pwhash_ALG_ARGON2ID13) == 0)
				sodium_memzero(k, sizeof(k));
			ok = false;
		}
		else
			ok = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0 && !disabled;
		if(!ok) {
			rc = throttle_fail(s, ukey.buf, now, err);
			if(!rc)
				rc = throttle_fail(s, akey.buf, now, err);
			if(!rc)
				rc = styr_error_set(err, STYR_EINVAL, "wrong user name or password");
		}
	}
	if(!rc) {
		rc = write1(s, "DELETE FROM web_login_failures WHERE key = ? OR key = ?", "tt",
		            (const char *const[]){ ukey.buf, akey.buf }, NULL, err);
		if(!rc && crypto_pwhash_str_needs_rehash(hash, PWHASH_OPS,
		                                         PWHASH_MEM))
			rc = accounts_passwd(s, name, password, err);
		if(!rc)
			rc = session_new(s, id, old_session, session, csrf, err);
	}
	if(rc)
		memset(u, 0, sizeof(*u));
	strbuf_release(&ukey);
	strbuf_release(&akey);
	return rc;
}

/* What a session or API token id gave, kept by the thread that looked
** it up for as long as the database's stamp stays the same: most requests
** of a server that nobody writes to then read nothing to know who asks.
** Only ids that were found are kept; a thread keeps the last KNOWN_MAX. */
struct known {
	char hash[ACCOUNTS_TOKEN_SIZE];  /* of the id; "" for a free slot */
	struct store_stamp stamp;
	struct web_user user;
	char csrf[ACCOUNTS_TOKEN_SIZE];  /* "" for a token */
	int64_t expires;                 /* the session's; 0 for a token */
};
#define KNOWN_MAX 16
static __thread struct known known[KNOWN_MAX];
static __thread unsigned known_next;

static const struct known *known_get(const char *hash, const struct store_stamp *stamp)
{
	if(!stamp)
		return NULL;
	for(int i = 0; i < KNOWN_MAX; i++)
		if(!strcmp(known[i].hash, hash) && store_stamp_equal(&known[i].stamp, stamp))
			return &known[i];
	return NULL;
}

static void known_put(const char *hash, const struct store_stamp *stamp,
                      const struct web_user *u, const char *csrf, int64_t expires)
{
	struct known *k;
	if(!stamp)
		return;
	k = &known[known_next++ % KNOWN_MAX];
	str_copy(k->hash, sizeof(k->hash), hash);
	k->stamp = *stamp;
	k->user = *u;
	str_copy(k->csrf, sizeof(k->csrf), csrf);
	k->expires = expires;
}

enum styr_rc accounts_session(struct store *s, const char *session,
                              const struct store_stamp *stamp, struct web_user *u,
                              char csrf[ACCOUNTS_TOKEN_SIZE], struct styr_error *err)
{
	char h[ACCOUNTS_TOKEN_SIZE];
	struct store_stmt *st;
	const struct known *k;
	bool row = false;
	int64_t now = time(NULL), expires = 0, sid = 0;
	enum styr_rc rc;

	if(strlen(session) != ACCOUNTS_TOKEN_SIZE - 1)
		return STYR_ENOTFOUND;
	token_hash(session, h);
	/* Kept, unexpired, and not yet due to be extended (a write). */
	if((k = known_get(h, stamp)) && k->csrf[0]
	   && k->expires - now >= ACCOUNTS_SESSION_TTL / 2) {
		*u = k->user;
		str_copy(csrf, ACCOUNTS_TOKEN_SIZE, k->csrf);
		return STYR_OK;
	}
	rc = store_prepare_cached(s, "SELECT u.id, u.name, u.roles, s.csrf, s.expires, s.id"
	                   " FROM web_sessions s JOIN web_users u ON u.id = s.\"user\""
	                   " WHERE s.token_hash = ? AND u.disabled = 0", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, h);
	rc = stmt_step(st, &row, err);
	if(!rc && row) {
		u->id = stmt_int(st, 0);
		str_copy(u->name, sizeof(u->name), stmt_text(st, 1));
		u->roles = (unsigned)stmt_int(st, 2);
		str_copy(csrf, ACCOUNTS_TOKEN_SIZE, stmt_text(st, 3));
		expires = stmt_int(st, 4);
		sid = stmt_int(st, 5);
	}
	stmt_finalize(st);
	if(rc)
		return rc;
	if(!row || expires < now) {
		memset(u, 0, sizeof(*u));
		return STYR_ENOTFOUND;
	}
	/* Extend a session past half its life, not on every request. */
	if(expires - now < ACCOUNTS_SESSION_TTL / 2)
		rc = write1(s, "UPDATE web_sessions SET expires = ? WHERE id = ?", "ii", NULL,
		            (const int64_t[]){ now + ACCOUNTS_SESSION_TTL, sid }, err);
	else
		known_put(h, stamp, u, csrf, expires);
	return rc;
}

enum styr_rc accounts_logout(struct store *s, const char *session, struct styr_error *err)
{
	char h[ACCOUNTS_TOKEN_SIZE];
	token_hash(session, h);
	return write1(s, "DELETE FROM web_sessions WHERE token_hash = ?", "t",
	              (const char *const[]){ h }, NULL, err);
}

enum styr_rc accounts_token_add(struct store *s, const char *name,
                                char token[ACCOUNTS_TOKEN_SIZE], struct styr_error *err)
{
	char h[ACCOUNTS_TOKEN_SIZE], when[CLOCK_TIMESTAMP_SIZE];
	int64_t id;
	enum styr_rc rc = user_id(s, name, &id, err);
	if(rc)
		return rc;
	new_token(token);
	token_hash(token, h);
	clock_timestamp(when);
	return write1(s, "INSERT INTO web_tokens(token_hash, \"user\", created) VALUES(?, ?, ?)",
	              "tit", (const char *const[]){ h, NULL, when }, (const int64_t[]){ 0, id, 0 },
	              err);
}

enum styr_rc accounts_token(struct store *s, const char *token,
                            const struct store_stamp *stamp, struct web_user *u,
                            struct styr_error *err)
{
	char h[ACCOUNTS_TOKEN_SIZE];
	struct store_stmt *st;
	const struct known *k;
	bool row = false;
	enum styr_rc rc;

	if(strlen(token) != ACCOUNTS_TOKEN_SIZE - 1)
		return STYR_ENOTFOUND;
	token_hash(token, h);
	if((k = known_get(h, stamp)) && !k->csrf[0]) {
		*u = k->user;
		return STYR_OK;
	}
	rc = store_prepare_cached(s, "SELECT u.id, u.name, u.roles FROM web_tokens t"
	                   " JOIN web_users u ON u.id = t.\"user\""
	                   " WHERE t.token_hash = ? AND u.disabled = 0", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, h);
	rc = stmt_step(st, &row, err);
	if(!rc && row) {
		u->id = stmt_int(st, 0);
		str_copy(u->name, sizeof(u->name), stmt_text(st, 1));
		u->roles = (unsigned)stmt_int(st, 2);
	}
	stmt_finalize(st);
	if(!rc && !row)
		return STYR_ENOTFOUND;
	if(!rc)
		known_put(h, stamp, u, "", 0);
	return rc;
}
