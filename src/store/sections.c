/*
** sections.c — the registry of data sections, in dependency order: a
** section may refer only to sections above it. One block per module.
*/
#include <string.h>

#include "store/control.h"
#include "store/org.h"
#include "store/goals.h"
#include "store/economy.h"
#include "store/section.h"
#include "store/meetings.h" /* meetings and protocols */
#include "store/report_texts.h"

static const struct section_desc *const registry[] = {
	/* foundation */
	&section_municipalities,
	&section_committee,
	&section_population,
	&section_persons,
	&section_roles,
	&section_occasions,

	/* goals and indicators */
	&section_goal_settings,
	&section_council_goals,
	&section_committee_goals,
	&section_indicators,
	&section_indicator_targets,
	&section_indicator_values,

	/* economy */
	&section_accounts,
	&section_line_mappings,
	&section_drift_lines,
	&section_drift_totals,
	&section_contributions,
	&section_investment_projects,
	&section_investment_rows,
	&section_investment_totals,
	&section_capital_parameters,
	&section_capital_projects,
	&section_result_splits,
	&section_result_split_parts,

	/* cases, assignments, internal control */
	&section_cases,
	&section_assignments,
	&section_assignment_status,
	&section_assignment_reports,
	&section_control_plans,
	&section_risk_levels,
	&section_risks,
	&section_control_moments,
	&section_control_followups,
	&section_control_actions,

	/* meetings and protocols */
	&section_meetings,
	&section_attendance,
	&section_justerare,
	&section_agenda_items,
	&section_basis_documents,
	&section_delegation_decisions,
	&section_messages,
	&section_anslag,

	/* reports (narrative texts) */
	&section_report_texts,
};

const struct section_desc *const *store_sections(size_t *count)
{
	*count = sizeof(registry) / sizeof(registry[0]);
	return registry;
}

const struct section_desc *store_section_find(const char *name)
{
	for(size_t i = 0; i < sizeof(registry) / sizeof(registry[0]); i++)
		if(!strcmp(registry[i]->name, name))
			return registry[i];
	return NULL;
}
