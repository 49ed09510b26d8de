/*
** accounts.h — the web's users, roles, sessions and API tokens.
**
** Users are data in the store (migration "web accounts", schema_web.c),
** never in the binary. Passwords are hashed with argon2id (libsodium's
** crypto_pwhash_str) and rehashed at login when the parameters have
** grown; session ids and API tokens are 32 random bytes shown once, and
** only their BLAKE2b hash is stored, so a copy of the database opens no
** session. Failed logins are counted per account and per address: after
** five in a row for an account (twenty from an address, which many people
** behind one proxy share) the next attempt is refused for 30 seconds, a
** time that doubles with each further failure (up to 15 minutes); a success clears
** both counts.
*/
#ifndef STYR_WEB_ACCOUNTS_H
#define STYR_WEB_ACCOUNTS_H

#include <stdbool.h>
#include <stdint.h>

#include "base/error.h"
#include "base/strbuf.h"
#include "db/store.h"
#include "web/web.h"

struct store;

/* A token in text: 64 hex digits and a NUL. */
#define ACCOUNTS_TOKEN_SIZE 65
#define ACCOUNTS_FREE_TRIES 5
#define ACCOUNTS_FREE_TRIES_ADDRESS 20
/* How long a session lives without use, in seconds. */
#define ACCOUNTS_SESSION_TTL (8 * 3600)

/* Initialise libsodium; STYR_EIO when it cannot be. Call once at start. */
enum styr_rc accounts_init(struct styr_error *err);

/* The roles (roles.c, in the program, not in the module below). Parse
** roles "administratör", "läsare", "redaktör:mål", "redaktör:ekonomi",
** "redaktör:internkontroll", "redaktör:sammanträden" (several separated
** by commas) into a mask. STYR_EINVAL naming the role and those allowed. */
enum styr_rc accounts_roles_parse(const char *text, unsigned *roles, struct styr_error *err);
/* The roles of mask in the same form, comma-separated. */
void accounts_roles_text(unsigned roles, struct strbuf *sb);
/* The editor role that writes the sections of module `module`, or 0 for
** a module only an administrator changes. */
unsigned accounts_module_role(const char *module);

/* Add user name with password and roles. STYR_ECONFLICT when the name is
** taken; STYR_EINVAL for an empty name or a password shorter than 8. */
enum styr_rc accounts_user_add(struct store *s, const char *name, const char *password,
                               unsigned roles, struct styr_error *err);
/* Give user name a new password, a new role mask, or disable the account
** (its sessions and tokens end). STYR_ENOTFOUND when there is no such user. */
enum styr_rc accounts_passwd(struct store *s, const char *name, const char *password,
                             struct styr_error *err);
enum styr_rc accounts_set_roles(struct store *s, const char *name, unsigned roles,
                                struct styr_error *err);
enum styr_rc accounts_disable(struct store *s, const char *name, struct styr_error *err);

/* Log in: check the password of user name, asked from address remote.
** On success a new session is made (any given old_session ends: the id is
** renewed at login) and its id and CSRF token come back in session and
** csrf. STYR_EINVAL "wrong user name or password" (the same for an unknown
** user and a disabled one); STYR_EBUSY when too many attempts failed. */
enum styr_rc accounts_login(struct store *s, const char *name, const char *password,
                            const char *remote, const char *old_session,
                            struct web_user *u, char session[ACCOUNTS_TOKEN_SIZE],
                            char csrf[ACCOUNTS_TOKEN_SIZE], struct styr_error *err);
/* The user of session id and its CSRF token, extending its life.
** STYR_ENOTFOUND (no message) when it is unknown or has expired. With a
** stamp of the database (store_stamp, taken before this request read
** anything), what this thread found under the same stamp is used again:
** nothing was committed since, so no logout, disabled user or new role. */
enum styr_rc accounts_session(struct store *s, const char *session,
                              const struct store_stamp *stamp, struct web_user *u,
                              char csrf[ACCOUNTS_TOKEN_SIZE], struct styr_error *err);
/* End session id (nothing when there is none). */
enum styr_rc accounts_logout(struct store *s, const char *session, struct styr_error *err);

/* A new API token for user name into token (shown once). */
enum styr_rc accounts_token_add(struct store *s, const char *name,
                                char token[ACCOUNTS_TOKEN_SIZE], struct styr_error *err);
/* The user of API token `token`; STYR_ENOTFOUND (no message) when none.
** stamp as for accounts_session. */
enum styr_rc accounts_token(struct store *s, const char *token,
                            const struct store_stamp *stamp, struct web_user *u,
                            struct styr_error *err);

/* Whether a and b (NUL-terminated) are equal, in time independent of
** where they differ. */
bool accounts_token_equal(const char *a, const char *b);

/* The accounts and the web server (web_serve) need libsodium and
** libmicrohttpd, which the rest of styr does not: they are a module,
** styr-web.so (base/loadable.h), loaded on first use, and the commands
** (cmd_serve.c, cmd_user.c) call them through this table. */
struct web_config;
struct web_module {
	enum styr_rc (*serve)(const struct web_config *cfg, struct styr_error *err);
	enum styr_rc (*init)(struct styr_error *err);
	enum styr_rc (*user_add)(struct store *s, const char *name, const char *password,
	                         unsigned roles, struct styr_error *err);
	enum styr_rc (*passwd)(struct store *s, const char *name, const char *password,
	                       struct styr_error *err);
	enum styr_rc (*set_roles)(struct store *s, const char *name, unsigned roles,
	                          struct styr_error *err);
	enum styr_rc (*disable)(struct store *s, const char *name, struct styr_error *err);
	enum styr_rc (*token_add)(struct store *s, const char *name,
	                          char token[ACCOUNTS_TOKEN_SIZE], struct styr_error *err);
};

/* The web module (web_module.c), loaded on first use; NULL with err set
** (STYR_EIO, naming the file) when styr-web.so cannot be loaded. */
const struct web_module *web_module(struct styr_error *err);

#endif
