/*
** module_meetings.c — the meetings module: meetings, attendance, agenda
** items (§), decisions, justering and anslag, delegation decisions and
** messages; the protocol as a document.
*/
#include "db/migrate.h"
#include "db/module.h"
#include "meetings/meetings.h"

extern const struct migration migration_meetings,      /* schema_meetings.c */
	migration_meetings_changes, migration_meetings_attachments,
	migration_meetings_year_index, migration_meetings_standard, migration_meetings_first;
extern const struct cli_command cmd_meeting;          /* cmd_meeting.c */

const struct module module_meetings = {
	.name = "meetings",
	.title = "meetings and protocols",
	.title_sv = "Sammanträden och protokoll",
	.depends = (const char *const[]){ "control", NULL },
	.migrations = (const struct migration *const[]){ &migration_meetings,
		&migration_meetings_changes, &migration_meetings_attachments,
		&migration_meetings_year_index, &migration_meetings_standard,
		&migration_meetings_first, NULL },
	.sections = (const struct section_desc *const[]){
		&section_paragraph_starts, &section_standard_items, &section_meetings,
		&section_attendance, &section_justerare,
		&section_agenda_items, &section_basis_documents,
		&section_delegation_decisions, &section_messages, &section_anslag, NULL },
	.check = meetings_check,
	.commands = (const struct cli_command *const[]){ &cmd_meeting, NULL },
};
