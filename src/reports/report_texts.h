/*
** report_texts.h — narrative texts of the reports (inledning,
** verksamhetsberättelse, comments on the economy), stored per report
** occasion and part, and the store calls the report types use.
**
** A text is UTF-8 in a light form: paragraphs separated by a blank line;
** a paragraph whose lines all start with "- " is a bullet list; a
** paragraph starting with "### " is a sub-heading without a number. The
** report types turn it into document blocks (doc_add_text in doc/doc_text.c).
*/
#ifndef STYR_REPORT_TEXTS_H
#define STYR_REPORT_TEXTS_H

#include <stdbool.h>
#include <stdint.h>

#include "base/error.h"
#include "base/strbuf.h"
#include "db/migrate.h"

struct store;
struct section_desc;

extern const struct migration migration_reports;
extern const struct section_desc section_report_texts;

/* The text of `part` ("inledning", "verksamhetsrapport", ...) for the
** occasion with id occasion_id, appended to out; *found false (out
** unchanged) when none is stored. */
enum styr_rc report_text_get(struct store *s, int64_t occasion_id, const char *part,
                             struct strbuf *out, bool *found, struct styr_error *err);

#endif
