/*
** schema_web.c — the web's accounts: users with their roles, sessions,
** API tokens and failed logins (accounts.h). They are not sections: they
** are never dumped or loaded, and a session is no change to the
** committee's data, so none of it lands in the audit log.
*/
#include "db/migrate.h"

const struct migration migration_web_accounts = { 16, "web accounts",
	"CREATE TABLE web_users("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE, hash TEXT NOT NULL,"
	"  roles INTEGER NOT NULL CHECK(roles > 0),"
	"  disabled INTEGER NOT NULL DEFAULT 0 CHECK(disabled IN (0, 1)),"
	"  created TEXT NOT NULL);"
	"CREATE TABLE web_sessions("
	"  id INTEGER PRIMARY KEY,"
	"  token_hash TEXT NOT NULL UNIQUE,"
	"  \"user\" INTEGER NOT NULL REFERENCES web_users(id),"
	"  csrf TEXT NOT NULL, expires INTEGER NOT NULL);"
	"CREATE TABLE web_tokens("
	"  id INTEGER PRIMARY KEY,"
	"  token_hash TEXT NOT NULL UNIQUE,"
	"  \"user\" INTEGER NOT NULL REFERENCES web_users(id),"
	"  created TEXT NOT NULL);"
	"CREATE TABLE web_login_failures("
	"  key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last INTEGER NOT NULL);"
};
