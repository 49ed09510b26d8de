/*
** control.h — rules of internal control and political assignments: the
** Swedish labels of the risk scales, risk value, and which statuses count
** as open.
**
** Probability and consequence are graded 1-4; the risk value is their
** product, 1-16. A grade of 0 means "not stated": styr never invents one.
*/
#ifndef STYR_CONTROL_H
#define STYR_CONTROL_H

#include <stdbool.h>

#define RISK_GRADES 4

/* Label of probability grade 1-4 ("Osannolik", "Mindre sannolik",
** "Möjlig", "Sannolik") or of consequence 1-4 ("Försumbar", "Lindrig",
** "Kännbar", "Allvarlig"); NULL outside 1-4. */
const char *risk_probability_label(int grade);
const char *risk_consequence_label(int grade);

/* The long explanation of a grade as the risk matrix of the seeds words
** it ("det är mycket troligt att fel ska uppstå"); NULL outside 1-4. */
const char *risk_probability_text(int grade);
const char *risk_consequence_text(int grade);

/* Risk value = probability × consequence, or 0 when either is not stated
** (0) or out of range. */
int risk_value(int probability, int consequence);

/* Statuses of an assignment at a report occasion and of an internal-
** control follow-up, NULL-terminated, as the documents write them. */
extern const char *const assignment_statuses[];
extern const char *const followup_statuses[];
extern const char *const control_areas[];

/* True when an assignment with this status is still open (not
** "Avslutad"). */
bool assignment_status_open(const char *status);

#endif
