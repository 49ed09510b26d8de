/*
** control_doc.h — the document sections of the control module
** (sec_control.c), drawn by the reports and by `styr assignments` and
** `styr control` alike.
*/
#ifndef STYR_CONTROL_DOC_H
#define STYR_CONTROL_DOC_H

#include <stdbool.h>
#include <stdint.h>

#include "base/error.h"
#include "doc/doc.h"

struct store;
struct occasion;
struct assignment_table;
struct control_plan;

/* Control sections (sec_control.c): the assignments table at an
** occasion, and the internal-control plan of a year from the risk matrix
** (heading level 2 under the caller's level-1 inledning) through
** Uppföljning, Slutsatser and Åtgärder; the stored texts are used where
** the plan has none. */
enum styr_rc control_doc_assignments(struct doc *d, struct store *s, const struct occasion *o,
                                bool *found, struct styr_error *err);
enum styr_rc control_doc_plan(struct doc *d, struct store *s, int year,
                                 const char *stored_conclusions, const char *stored_actions,
                                 bool *found, struct styr_error *err);

/* The same sections from data already read (control.h), for a view that
** also writes the data as JSON. CONTROL_DOC_COUNTS puts the counts under
** the assignments table in the seeds' words ("Totalt finns 3 st pågående
** uppdrag och 6 är avslutade."), with the new ones since the previous
** follow-up and the counts the report states where they differ, instead
** of the table's short note. */
#define CONTROL_DOC_COUNTS 1u
void control_doc_assignment_table(struct doc *d, const struct assignment_table *t,
                                  unsigned flags);
void control_doc_plan_of(struct doc *d, const struct control_plan *p,
                         const char *stored_conclusions, const char *stored_actions);

#endif
