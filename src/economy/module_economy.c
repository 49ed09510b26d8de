/*
** module_economy.c — the economy module: the chart of accounts and its
** report lines, operating account (drift), investments, capital costs and
** the split of a result among the members; outcome per report line from
** the imported ledger.
*/
#include "db/migrate.h"
#include "db/module.h"
#include "economy/economy.h"

extern const struct cli_command cmd_economy;           /* cmd_economy.c */

const struct module module_economy = {
	.name = "economy",
	.title = "economy",
	.title_sv = "Ekonomi",
	.depends = (const char *const[]){ "ledger", NULL },
	.migrations = (const struct migration *const[]){ &migration_economy,
		&migration_economy_split_key, NULL },
	.sections = (const struct section_desc *const[]){
		&section_accounts, &section_line_mappings, &section_drift_lines,
		&section_drift_totals, &section_contributions, &section_investment_projects,
		&section_investment_rows, &section_investment_totals,
		&section_capital_parameters, &section_capital_projects,
		&section_result_splits, &section_result_split_keys, &section_result_split_parts,
		NULL },
	.check = economy_check,
	.commands = (const struct cli_command *const[]){ &cmd_economy, NULL },
};
