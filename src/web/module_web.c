/*
** module_web.c — the web application: `styr serve` and its accounts.
**
** Not a domain module but the second front door: it stands last in
** src/modules.c, may use every module above it, and no module uses it
** (scripts/check-layers.sh). It owns the accounts, the report workflow
** (its parts and the decision that makes a report fastställd: sections
** like any other, so they are dumped, loaded and edited) and the commands
** that serve and manage users and tokens.
*/
#include "db/migrate.h"
#include "db/module.h"

extern const struct migration migration_web_accounts;  /* schema_web.c */
extern const struct migration migration_web_workflow;  /* schema_workflow.c */
extern const struct section_desc section_report_parts, section_report_decisions;
extern const struct cli_command cmd_serve, cmd_user, cmd_token;

const struct module module_web = {
	.name = "web",
	.title = "the web application",
	.title_sv = "Rapportarbete",
	.depends = (const char *const[]){ "ledger", "goals", "economy", "control", "meetings",
	                                  "reports", NULL },
	.migrations = (const struct migration *const[]){ &migration_web_accounts,
	                                                  &migration_web_workflow, NULL },
	.sections = (const struct section_desc *const[]){ &section_report_parts,
	                                                  &section_report_decisions, NULL },
	.check = NULL,
	.commands = (const struct cli_command *const[]){ &cmd_serve, &cmd_user, &cmd_token, NULL },
};
