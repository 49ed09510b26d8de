/*
** web_module.c — the program's side of the web module styr-web.so (the
** server and the accounts, see accounts.h): found and loaded on first
** use by base/loadable.c.
*/
#include "web/accounts.h"

#include "base/loadable.h"

const struct web_module *web_module(struct styr_error *err)
{
	return loadable_symbol("styr-web.so", "styr_web_module", err);
}
