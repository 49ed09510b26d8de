/*
** meetings_doc.h — the document sections of the meetings module
** (sec_meetings.c): the protocol and its items, drawn by the reports and by
** `styr meeting show` alike.
*/
#ifndef STYR_MEETINGS_DOC_H
#define STYR_MEETINGS_DOC_H

#include <stdbool.h>
#include <stdint.h>

#include "base/error.h"
#include "doc/doc.h"

struct store;
struct occasion;
struct agenda_entry;
struct protocol;

/* The whole protocol of a meeting as a new document (owned by the caller,
** doc_free): front page, an ANSLAG/BEVIS per recorded anslag and the
** anslag of all members, ärendelista and every §, worded as the seed
** protocol. `styr report protokoll` and `styr meeting show` both print
** it. */
struct doc *meetings_doc_protocol(const struct protocol *p);

/* Append one § of a protocol: its heading, ärendebeskrivning, förslag,
** beslut and the lists that go with it (also used by the utdrag). */
void meetings_doc_item(struct doc *d, const struct agenda_entry *e);

#endif
