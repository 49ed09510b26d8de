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

/* What a command's view adds to the sections as the reports print them;
** the reports pass NULL. */
struct goals_doc_view {
	/* Follow-up: after the summary line, how the year is judged (the
	** value judged, what counts as delvis uppnådd, the nämndmål rule), the
	** summary line as the document states it, and every verdict set by
	** hand beside the computed one, with its motivation. */
	bool workings;
};

/* The follow-up table at occasion o (a prognos, delår or årsredovisning
** occasion, resolved by org_occasion_resolve), with the nämndmål verdicts
** and the summary line. Its kind sets the layout, as the documents print
** it: an årsredovisning shows utfall and målvärde per nämndmål, with a
** chart of the indicators in percent over the year; a prognosrapport or
** delårsrapport nuvärde, prognos and målvärde under the kommunfullmäktiges
** mål, a prognosrapport grouped under the name of the host municipality,
** whose kommunfullmäktige set the goals (as Prognosrapport 1-2020 shows
** them; no group row when the committee names no host). *found is false,
** and nothing is added, when the year has no indicators. */
enum styr_rc goals_doc_followup(struct doc *d, struct store *s, const struct occasion *o,
                                const struct goals_doc_view *view, bool *found,
                                struct styr_error *err);

/* The plan tables of a year: per perspective a numbered heading (level 2,
** under the caller's numbered level-1 heading) and a table of the indicators with utgångsvärde and målvärde for the
** year and two plan years. A year whose goals come from an earlier plan
** says so first. *found as above. */
enum styr_rc goals_doc_plan(struct doc *d, struct store *s, int year, bool *found,
                            struct styr_error *err);

#endif
