/*
** goals_doc.h — the document sections of the goals module (sec_goals.c),
** drawn by the reports and by `styr assess` alike.
*/
#ifndef STYR_GOALS_DOC_H
#define STYR_GOALS_DOC_H

#include <stdbool.h>
#include <stdint.h>

#include "base/error.h"
#include "doc/doc.h"

struct store;
struct occasion;

/* Goals sections (sec_goals.c): the follow-up table at an occasion
** (annual: utfall/målvärde per nämndmål; else nuvärde, prognos, målvärde)
** with the nämndmål verdicts and summary line, and the plan table of a
** year (utgångsvärde, målvärde for the year and two plan years).
** host_row: the follow-up rows are grouped under the name of the host
** municipality, whose kommunfullmäktige set the goals (as Prognosrapport
** 1-2020 shows them); left out when the committee names no host. */
enum styr_rc goals_doc_followup(struct doc *d, struct store *s, const struct occasion *o,
                                   bool annual, bool host_row, bool *found,
                                   struct styr_error *err);
enum styr_rc goals_doc_plan(struct doc *d, struct store *s, int year, bool *found,
                               struct styr_error *err);

#endif
