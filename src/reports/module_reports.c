/*
** module_reports.c — the reports module: the narrative texts of each
** report occasion, and the report types composed from the other modules'
** document sections (`styr report`).
*/
#include "db/migrate.h"
#include "db/module.h"
#include "reports/report.h"
#include "reports/report_texts.h"

extern const struct cli_command cmd_report;            /* cmd_report.c */

const struct module module_reports = {
	.name = "reports",
	.title = "reports (narrative texts)",
	.title_sv = "Rapporttexter",
	.depends = (const char *const[]){ "goals", "economy", "control", "meetings", "ops", NULL },
	.migrations = (const struct migration *const[]){ &migration_reports, NULL },
	.sections = (const struct section_desc *const[]){ &section_report_texts, NULL },
	.check = reports_check,
	.commands = (const struct cli_command *const[]){ &cmd_report, NULL },
};
