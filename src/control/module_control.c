/*
** module_control.c — the control module: cases and case numbers,
** political assignments and their follow-up, and the internal-control
** plan with risks, controls, follow-ups and actions.
*/
#include "control/control.h"
#include "db/migrate.h"
#include "db/module.h"

extern const struct cli_command cmd_case, cmd_assignments, cmd_control;

const struct module module_control = {
	.name = "control",
	.title = "cases, assignments, internal control",
	.title_sv = "Ärenden, uppdrag och internkontroll",
	.depends = (const char *const[]){ NULL },
	.migrations = (const struct migration *const[]){ &migration_control,
		&migration_control_case_closed, &migration_control_scales, NULL },
	.sections = (const struct section_desc *const[]){
		&section_cases, &section_assignments, &section_assignment_status,
		&section_assignment_reports, &section_control_plans, &section_risk_grades,
		&section_control_areas, &section_risk_levels,
		&section_risks, &section_control_moments, &section_control_followups,
		&section_control_actions, NULL },
	.check = control_check,
	.commands = (const struct cli_command *const[]){
		&cmd_case, &cmd_assignments, &cmd_control, NULL },
};
