/*
** control_scales.h — rules of internal control and political assignments:
** the Swedish labels of the risk scales, risk value, the fixed lists
** (statuses, areas) as enums with name tables, and which statuses count
** as open.
**
** Probability and consequence are graded 1 to n, the risk value is their
** product. A plan's scales (3 × 3, 4 × 4, 5 × 5 ...), their labels and
** its areas are data (sections risk_grades and control_areas); a plan
** without them has the defaults below, the 4 × 4 scales and four areas of
** the seeds. A grade of 0 means "not stated": styr never invents one.
*/
#ifndef STYR_CONTROL_SCALES_H
#define STYR_CONTROL_SCALES_H

#include <stdbool.h>

#define RISK_GRADES 4        /* the default scales: 1-4 */
#define RISK_GRADES_MIN 2    /* a scale of data has 2 to 5 grades */
#define RISK_GRADES_MAX 5

/* The axes of the risk matrix; the names are the stored and written forms
** of risk_grades.axis. */
enum risk_axis { AXIS_PROBABILITY, AXIS_CONSEQUENCE, AXIS_NAXES };
extern const char *const risk_axis_names[AXIS_NAXES + 1];  /* NULL-terminated */

/* Default label of probability grade 1-4 ("Osannolik", "Mindre sannolik",
** "Möjlig", "Sannolik") or of consequence 1-4 ("Försumbar", "Lindrig",
** "Kännbar", "Allvarlig"); NULL outside 1-4. */
const char *risk_probability_label(int grade);
const char *risk_consequence_label(int grade);

/* The default long explanation of a grade as the risk matrix of the seeds
** words it ("det är mycket troligt att fel ska uppstå"); NULL outside 1-4. */
const char *risk_probability_text(int grade);
const char *risk_consequence_text(int grade);

/* Risk value = probability × consequence on scales of nprob and ncons
** grades, or 0 when either is not stated (0) or out of its scale. */
int risk_value(int probability, int consequence, int nprob, int ncons);

/* The fixed lists of the control module. Each enum has a name table
** (NULL-terminated, the stored and written forms, the FIELD_ENUM lists of
** its sections), indexed by the enum. A status not recorded is the enum's
** *_NO_STATUS (-1), which has no name. */

/* The index of s in names (one of the tables below): the enum value it
** names, or -1 when s is NULL or names none. */
int control_name_index(const char *const *names, const char *s);

/* The status of an assignment at a report occasion. */
enum assignment_status {
	ASSIGNMENT_NO_STATUS = -1,
	ASSIGNMENT_ONGOING,      /* Pågår */
	ASSIGNMENT_FINISHED,     /* Avslutad */
	ASSIGNMENT_PAUSED,       /* Vilande/nedprioriterad */
	ASSIGNMENT_NOT_STARTED,  /* Ej påbörjad */
	ASSIGNMENT_NSTATUSES
};
extern const char *const assignment_status_names[ASSIGNMENT_NSTATUSES + 1];

/* True when an assignment with this status is still open: it has a
** status and it is not Avslutad. */
bool assignment_status_open(enum assignment_status status);

/* The result of an internal-control follow-up. */
enum followup_status {
	FOLLOWUP_NO_STATUS = -1,
	FOLLOWUP_NO_DEVIATIONS,  /* Inga avvikelser */
	FOLLOWUP_MINOR,          /* Mindre avvikelser */
	FOLLOWUP_MAJOR,          /* Större avvikelser */
	FOLLOWUP_NOT_STARTED,    /* Ej påbörjad */
	FOLLOWUP_NSTATUSES
};
extern const char *const followup_status_names[FOLLOWUP_NSTATUSES + 1];

/* The four areas of an internal-control plan without areas of its own
** (control_areas), in the order the reports list them. */
enum control_area {
	AREA_ADMINISTRATION,     /* Administration */
	AREA_ECONOMY,            /* Ekonomi */
	AREA_PERSONNEL,          /* Personal */
	AREA_OPERATIONS,         /* Verksamhetsspecifik */
	AREA_NAREAS
};
extern const char *const control_area_names[AREA_NAREAS + 1];

/* The status of a case in the register. */
enum case_status {
	CASE_OPEN,               /* öppet */
	CASE_CLOSED,             /* avslutat */
	CASE_NSTATUSES
};
extern const char *const case_status_names[CASE_NSTATUSES + 1];

#endif
