/*
** module_ledger.c — the ledger module: bookkeeping as imported from SIE 4
** and CSV files, kept as each file gives it (`styr import`).
*/
#include "db/migrate.h"
#include "db/module.h"

extern const struct migration migration_ledger;        /* schema_ledger.c */
extern const struct migration migration_ledger_totals;
extern const struct cli_command cmd_import;           /* cmd_import.c */

const struct module module_ledger = {
	.name = "ledger",
	.title = "ledger import",
	.title_sv = "Import av huvudbok",
	.depends = (const char *const[]){ NULL },
	.migrations = (const struct migration *const[]){ &migration_ledger,
		&migration_ledger_totals, NULL },
	.sections = (const struct section_desc *const[]){ NULL },
	.check = NULL,
	.commands = (const struct cli_command *const[]){ &cmd_import, NULL },
};
