/*
** ops_doc.h — the document sections of the ops module (sec_ops.c), drawn
** by `styr ops kpi|controls|apply|sources` and by the follow-up reports.
*/
#ifndef STYR_OPS_DOC_H
#define STYR_OPS_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "base/error.h"
#include "doc/doc.h"

struct store;
struct occasion;
struct ops_kpi;
struct ops_control_run;

/* Every indicator of a period: value, how it was counted, and the
** definitions with the files and rows behind them. Each value cell's
** source is its provenance. */
void ops_doc_kpi(struct doc *d, const struct ops_kpi *k);

/* The controls that ran themselves: moment, status, comment (with the
** findings) and the files read. */
void ops_doc_controls(struct doc *d, const struct ops_control_run *runs, size_t n);

/* The figure sources of an occasion: every indicator value `styr ops
** apply` wrote, with its definition and version, period, files and rows
** (the source note of each value cell). *found false, and nothing added,
** when nothing was applied at the occasion. */
enum styr_rc ops_doc_sources(struct doc *d, struct store *s, const struct occasion *o,
                             bool *found, struct styr_error *err);

/*
** Put the provenance of each figure `styr ops apply` wrote at occasion o
** into the source note of the cells from block `from` on that show it:
** a cell whose source names the indicator ("indikator KEY: ...", as the
** goals sections write it) and whose text is the applied value gets
** "; beräknad av styr ops apply: DEFINITION version N, PERIOD, ROWS rader
** ur FILES" appended. A value changed by hand since is left as it is.
*/
enum styr_rc ops_doc_annotate(struct doc *d, size_t from, struct store *s,
                              const struct occasion *o, struct styr_error *err);

#endif
