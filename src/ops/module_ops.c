/*
** module_ops.c — the ops module: exports of operational systems (tickets
** and their history, calls, availability, assets, invoices, backup runs)
** read through profiles, the service indicators computed from them, and
** the internal controls that run themselves.
*/
#include "db/migrate.h"
#include "db/module.h"
#include "ops/ops.h"

extern const struct cli_command cmd_ops;

const struct module module_ops = {
	.name = "ops",
	.title = "service indicators from operational data",
	.title_sv = "Serviceindikatorer från driften",
	.depends = (const char *const[]){ "goals", "control", NULL },
	.migrations = (const struct migration *const[]){ &migration_ops, NULL },
	.sections = (const struct section_desc *const[]){
		&section_ops_profiles, &section_ops_profile_columns, &section_ops_profile_values,
		&section_ops_hours, &section_ops_days_off, &section_ops_settings,
		&section_ops_services, &section_ops_backup_jobs, &section_ops_indicator_map,
		&section_ops_control_map, NULL },
	.check = ops_check,
	.commands = (const struct cli_command *const[]){ &cmd_ops, NULL },
};
