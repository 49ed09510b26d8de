/*
** roles.c — the roles of the web application's users as words and as a
** mask (see accounts.h). In the program, not in the module styr-web.so:
** `styr user list` and `styr user role` read and write roles without
** libsodium and libmicrohttpd, and the module's handlers use them from
** the program.
*/
#include "web/accounts.h"

#include <string.h>

#include "base/strbuf.h"

static const struct { const char *name; unsigned bit; const char *module; } role_names[] = {
	{ "administratör", WEB_ROLE_ADMIN, NULL },
	{ "redaktör:mål", WEB_ROLE_GOALS, "goals" },
	{ "redaktör:ekonomi", WEB_ROLE_ECONOMY, "economy" },
	{ "redaktör:internkontroll", WEB_ROLE_CONTROL, "control" },
	{ "redaktör:sammanträden", WEB_ROLE_MEETINGS, "meetings" },
	{ "läsare", WEB_ROLE_READER, NULL },
};
#define NROLES (sizeof(role_names) / sizeof(role_names[0]))

enum styr_rc accounts_roles_parse(const char *text, unsigned *roles, struct styr_error *err)
{
	*roles = 0;
	while(text && *text) {
		size_t n = strcspn(text, ","), k;
		for(k = 0; k < NROLES; k++)
			if(strlen(role_names[k].name) == n && !strncmp(role_names[k].name, text, n))
				break;
		if(k == NROLES) {
			struct strbuf sb = STRBUF_INIT;
			for(k = 0; k < NROLES; k++)
				strbuf_addf(&sb, "%s%s", k ? ", " : "", role_names[k].name);
			styr_error_set(err, STYR_EINVAL, "unknown role '%.*s', expected one of %s",
			               (int)n, text, sb.buf);
			strbuf_release(&sb);
			return STYR_EINVAL;
		}
		*roles |= role_names[k].bit;
		text += n + (text[n] == ',');
	}
	if(!*roles)
		return styr_error_set(err, STYR_EINVAL, "no role given");
	return STYR_OK;
}

void accounts_roles_text(unsigned roles, struct strbuf *sb)
{
	bool first = true;
	for(size_t k = 0; k < NROLES; k++)
		if(roles & role_names[k].bit) {
			strbuf_addf(sb, "%s%s", first ? "" : ",", role_names[k].name);
			first = false;
		}
}

unsigned accounts_module_role(const char *module)
{
	if(module && !strcmp(module, "ledger"))
		module = "economy";
	for(size_t k = 0; module && k < NROLES; k++)
		if(role_names[k].module && !strcmp(role_names[k].module, module))
			return role_names[k].bit;
	return 0;
}
