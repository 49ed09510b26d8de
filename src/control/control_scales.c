/*
** control_scales.c — labels, fixed lists and rules of internal control
** (see control_scales.h).
*/
#include "control/control_scales.h"

#include <stddef.h>
#include <string.h>

static const char *const prob_label[] = {
	"Osannolik", "Mindre sannolik", "Möjlig", "Sannolik" };
static const char *const cons_label[] = {
	"Försumbar", "Lindrig", "Kännbar", "Allvarlig" };
static const char *const prob_text[] = {
	"risken är praktiskt taget obefintlig att fel ska uppstå",
	"risken är mycket liten att fel ska uppstå",
	"det finns risk för att fel ska uppstå",
	"det är mycket troligt att fel ska uppstå" };
static const char *const cons_text[] = {
	"konsekvensen för verksamheten är försumbar och kan negligeras",
	"konsekvenserna för verksamheten behöver övervägas",
	"konsekvenserna för verksamheten kan vara påtagliga",
	"konsekvenserna för verksamheten skulle vara allvarliga" };

const char *const assignment_status_names[ASSIGNMENT_NSTATUSES + 1] = {
	"Pågår", "Avslutad", "Vilande/nedprioriterad", "Ej påbörjad", NULL };
const char *const followup_status_names[FOLLOWUP_NSTATUSES + 1] = {
	"Inga avvikelser", "Mindre avvikelser", "Större avvikelser", "Ej påbörjad", NULL };
const char *const control_area_names[AREA_NAREAS + 1] = {
	"Administration", "Ekonomi", "Personal", "Verksamhetsspecifik", NULL };
const char *const case_status_names[CASE_NSTATUSES + 1] = { "öppet", "avslutat", NULL };
const char *const risk_axis_names[AXIS_NAXES + 1] = { "probability", "consequence", NULL };

int control_name_index(const char *const *names, const char *s)
{
	for(int i = 0; s && names[i]; i++)
		if(!strcmp(names[i], s))
			return i;
	return -1;
}

static const char *grade(const char *const v[], int g)
{
	return g >= 1 && g <= RISK_GRADES ? v[g - 1] : NULL;
}

const char *risk_probability_label(int g) { return grade(prob_label, g); }
const char *risk_consequence_label(int g) { return grade(cons_label, g); }
const char *risk_probability_text(int g) { return grade(prob_text, g); }
const char *risk_consequence_text(int g) { return grade(cons_text, g); }

int risk_value(int probability, int consequence, int nprob, int ncons)
{
	if(probability < 1 || probability > nprob || consequence < 1 || consequence > ncons)
		return 0;
	return probability * consequence;
}

bool assignment_status_open(enum assignment_status status)
{
	return status != ASSIGNMENT_NO_STATUS && status != ASSIGNMENT_FINISHED;
}
