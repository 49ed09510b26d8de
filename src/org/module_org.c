/*
** module_org.c — the organisation module: the committee, its member
** municipalities and their population, persons, roles and report
** occasions. Every other module builds on it. Its migration 1 also
** creates the audit log, which it predates as a layer of its own.
*/
#include "db/migrate.h"
#include "db/module.h"
#include "org/org.h"

extern const struct migration migration_foundation,     /* schema_org.c */
	migration_org_identity, migration_org_case_format, migration_org_role_kinds, migration_org_words;
extern const struct cli_command cmd_org;              /* cmd_org.c */

const struct module module_org = {
	.name = "org",
	.title = "organisation",
	.title_sv = "Organisation",
	.depends = (const char *const[]){ NULL },
	.migrations = (const struct migration *const[]){ &migration_foundation,
	                                                 &migration_org_identity,
	                                                 &migration_org_case_format,
	                                                 &migration_org_role_kinds,
	                                                 &migration_org_words, NULL },
	.sections = (const struct section_desc *const[]){
		&section_municipalities, &section_committee, &section_words, &section_population,
		&section_persons, &section_role_kinds, &section_roles, &section_occasions, NULL },
	.check = org_check,
	.commands = (const struct cli_command *const[]){ &cmd_org, NULL },
};
