/*
** schema_report.c — migration 6 and the section `report_texts`: the
** narrative text of a report, per occasion and part, and its store call.
*/
#include "reports/report_texts.h"

#include "db/section.h"
#include "db/store.h"

const struct migration migration_reports = { 6, "reports (narrative texts)",
	"CREATE TABLE report_text("
	"  id INTEGER PRIMARY KEY,"
	"  occasion_id INTEGER NOT NULL REFERENCES occasion(id),"
	"  part TEXT NOT NULL, text TEXT NOT NULL, author TEXT, note TEXT,"
	"  UNIQUE(occasion_id, part));"
};

const char *const report_part_names[PART_NPARTS + 1] = {
	[PART_INLEDNING] = "inledning",
	[PART_ANSVAR] = "ansvar",
	[PART_VERKSAMHETSRAPPORT] = "verksamhetsrapport",
	[PART_VERKSAMHETSBERATTELSE] = "verksamhetsberattelse",
	[PART_EKONOMISK_RAPPORT] = "ekonomisk-rapport",
	[PART_DRIFTBUDGET] = "driftbudget",
	[PART_INVESTERINGAR] = "investeringar",
	[PART_MAL] = "mal",
	[PART_BESLUT] = "beslut",
	[PART_IK_INLEDNING] = "internkontroll-inledning",
	[PART_IK_SLUTSATSER] = "internkontroll-slutsatser",
	[PART_IK_ATGARDER] = "internkontroll-atgarder",
	[PART_NPARTS] = NULL
};

static const struct field_desc report_text_fields[] = {
	{ "occasion", "occasion_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "occasions", NULL,
	  "key of the report occasion (\"2020-04-30\", \"mer-plan-2023\")",
	  .label_sv = "Rapporttillfälle",
	  .help_sv = "rapporttillfällets nyckel (\"2020-04-30\", \"mer-plan-2023\")" },
	{ "part", "part", FIELD_ENUM, FIELD_REQUIRED | FIELD_KEY, NULL, report_part_names,
	  "the part of the report the text belongs to",
	  .label_sv = "Rapportdel", .help_sv = "den del av rapporten som texten hör till" },
	{ "text", "text", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "the text: paragraphs separated by a blank line, \"- \" lines a list, "
	  "\"### \" a sub-heading",
	  .label_sv = "Text",
	  .help_sv = "texten: stycken åtskilda av en tom rad, rader som börjar med \"- \" blir en "
	  "punktlista, \"### \" en underrubrik" },
	{ "author", "author", FIELD_TEXT, 0, NULL, NULL, "who wrote it",
	  .label_sv = "Författare", .help_sv = "vem som skrev texten" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

const struct section_desc section_report_texts = {
	"report_texts", "report_text", report_text_fields,
	sizeof(report_text_fields) / sizeof(report_text_fields[0]),
	"(SELECT key FROM occasion WHERE id = t.occasion_id), t.part",
	"narrative text of a report occasion (inledning, verksamhetsberättelse ...)",
	.title_sv = "Rapporttexter",
	.help_sv = "texten i en rapportdel vid ett rapporttillfälle (inledning, "
	"verksamhetsberättelse ...)" };

enum styr_rc report_text_get(struct store *s, int64_t occasion_id, enum report_part part,
                             struct strbuf *out, bool *found, struct styr_error *err)
{
	struct store_stmt *st;
	enum styr_rc rc;

	*found = false;
	rc = store_prepare(s, "SELECT text FROM report_text WHERE occasion_id = ? AND part = ?",
	                   &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, occasion_id);
	stmt_bind_text(st, 2, report_part_names[part]);
	rc = stmt_step(st, found, err);
	if(!rc && *found)
		strbuf_addstr(out, stmt_text(st, 0));
	stmt_finalize(st);
	return rc;
}
