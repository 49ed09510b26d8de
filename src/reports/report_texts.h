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

/* The parts of an occasion's narrative text. Their names (the stored and
** written forms, and the allowed values of the section) are
** report_part_names, indexed by the part. */
enum report_part {
	PART_INLEDNING,              /* "inledning" */
	PART_ANSVAR,                 /* "ansvar" */
	PART_VERKSAMHETSRAPPORT,     /* "verksamhetsrapport" (prognosrapport) */
	PART_VERKSAMHETSBERATTELSE,  /* "verksamhetsberattelse" (delår, årsredovisning) */
	PART_EKONOMISK_RAPPORT,      /* "ekonomisk-rapport" */
	PART_DRIFTBUDGET,            /* "driftbudget" (MER-plan) */
	PART_INVESTERINGAR,          /* "investeringar" */
	PART_MAL,                    /* "mal": the rule text of Måluppfyllelse */
	PART_BESLUT,                 /* "beslut": politiskt fattade beslut */
	PART_IK_INLEDNING,           /* "internkontroll-inledning" */
	PART_IK_SLUTSATSER,          /* "internkontroll-slutsatser" */
	PART_IK_ATGARDER,            /* "internkontroll-atgarder" */
	PART_NPARTS
};
extern const char *const report_part_names[PART_NPARTS + 1]; /* NULL-terminated */

/* The text of `part` for the occasion with id occasion_id, appended to
** out; *found false (out unchanged) when none is stored. */
enum styr_rc report_text_get(struct store *s, int64_t occasion_id, enum report_part part,
                             struct strbuf *out, bool *found, struct styr_error *err);

#endif
