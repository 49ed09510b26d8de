/*
** module_goals.c — the goals module (MER-styrning): council goals,
** nämndmål, indicators with targets and values per occasion, and their
** verdicts.
*/
#include "db/migrate.h"
#include "db/module.h"
#include "goals/goals.h"

extern const struct cli_command cmd_goals, cmd_value, cmd_assess, cmd_plan;

const struct module module_goals = {
	.name = "goals",
	.title = "goals and indicators",
	.title_sv = "Mål och indikatorer",
	.depends = (const char *const[]){ NULL },
	.migrations = (const struct migration *const[]){
		&migration_goals, &migration_goals_occasion_target, NULL },
	.sections = (const struct section_desc *const[]){
		&section_goal_settings, &section_council_goals, &section_committee_goals,
		&section_indicators, &section_indicator_targets, &section_indicator_values,
		NULL },
	.check = goals_check,
	.commands = (const struct cli_command *const[]){
		&cmd_goals, &cmd_value, &cmd_assess, &cmd_plan, NULL },
};
