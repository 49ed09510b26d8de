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

#endif
