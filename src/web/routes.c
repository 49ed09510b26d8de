/*
** routes.c — the table of the web's routes, searched in order: a route
** with a fixed segment comes before one with "*" in its place.
*/
#include <stddef.h>

#include "web/web.h"

extern const struct web_route route_css, route_login_get, route_login_post, route_logout,
	route_start, route_sections, route_section_rows, route_section_new,
	route_section_record, route_section_save, route_log, route_undo,
	route_api_verdicts, route_api_legal_dates, route_api_sections, route_api_list, route_api_get, route_api_post, route_api_put,
	route_api_delete, route_anslag, route_anslag_report, route_anslag_protocol, route_reports, route_report,
	route_goals, route_indicator, route_indicator_save, route_economy, route_control,
	route_meetings, route_meeting, route_workflow, route_workflow_part, route_workflow_fix,
	route_workflow_reopen, route_ledger_form, route_ledger_import;

const struct web_route *const web_routes[] = {
	&route_css,
	&route_login_get, &route_login_post, &route_logout,
	&route_start,
	&route_sections, &route_section_rows, &route_section_new, &route_section_record,
	&route_section_save,
	&route_log, &route_undo,
	&route_anslag, &route_anslag_report, &route_anslag_protocol, &route_reports,
	&route_workflow, &route_workflow_part, &route_workflow_fix, &route_workflow_reopen,
	&route_report,
	&route_goals, &route_indicator, &route_indicator_save, &route_economy, &route_control,
	&route_meetings, &route_meeting, &route_ledger_form, &route_ledger_import,
	&route_api_verdicts, &route_api_legal_dates, &route_api_sections, &route_api_list, &route_api_get, &route_api_post, &route_api_put,
	&route_api_delete,
	NULL
};
