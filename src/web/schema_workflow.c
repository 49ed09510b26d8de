/*
** schema_workflow.c — the report workflow: who is responsible for each
** part of an occasion's report and how far it has come (ej påbörjad,
** pågår, klar), and the committee's decision that makes the report
** fastställd.
**
** Fastställd is a rule of the data, not of a page: while an occasion's
** decision is "fastställd", triggers refuse every change to its indicator
** values, its narrative texts, its assignment statuses and its operating
** and investment rows, from any front door (the web, `styr set`, `styr
** load`, undo). An administrator reopens it by giving the decision the
** state "återöppnad" with a reason (a rule of the section, on every write
** through the section layer); both changes are change sets in the
** audit log like any other. A decision names the § of a meeting that
** exists.
*/
#include <string.h>

#include "db/migrate.h"
#include "db/section.h"
#include "reports/report_texts.h"

#define FROZEN "'the report of this occasion is fastställd: an administrator must reopen it" \
	" (with a reason) before its values and texts change'"
#define FREEZE(t) \
	"CREATE TRIGGER web_frozen_" t "_insert BEFORE INSERT ON " t \
	" WHEN EXISTS(SELECT 1 FROM web_report_decision WHERE occasion_id = NEW.occasion_id" \
	"   AND state = 'fastställd')" \
	" BEGIN SELECT RAISE(ABORT, " FROZEN "); END;" \
	"CREATE TRIGGER web_frozen_" t "_update BEFORE UPDATE ON " t \
	" WHEN EXISTS(SELECT 1 FROM web_report_decision WHERE occasion_id IN (OLD.occasion_id," \
	"   NEW.occasion_id) AND state = 'fastställd')" \
	" BEGIN SELECT RAISE(ABORT, " FROZEN "); END;" \
	"CREATE TRIGGER web_frozen_" t "_delete BEFORE DELETE ON " t \
	" WHEN EXISTS(SELECT 1 FROM web_report_decision WHERE occasion_id = OLD.occasion_id" \
	"   AND state = 'fastställd')" \
	" BEGIN SELECT RAISE(ABORT, " FROZEN "); END;"

const struct migration migration_web_workflow = { 17, "report workflow",
	"CREATE TABLE web_report_part("
	"  id INTEGER PRIMARY KEY,"
	"  occasion_id INTEGER NOT NULL REFERENCES occasion(id),"
	"  part TEXT NOT NULL,"
	"  responsible_id INTEGER REFERENCES person(id),"
	"  status TEXT NOT NULL CHECK(status IN ('ej påbörjad', 'pågår', 'klar')),"
	"  note TEXT,"
	"  UNIQUE(occasion_id, part));"
	"CREATE TABLE web_report_decision("
	"  id INTEGER PRIMARY KEY,"
	"  occasion_id INTEGER NOT NULL UNIQUE REFERENCES occasion(id),"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  paragraph INTEGER NOT NULL CHECK(paragraph >= 1),"
	"  state TEXT NOT NULL CHECK(state IN ('fastställd', 'återöppnad')),"
	"  reason TEXT,"
	"  note TEXT);"
	"CREATE TRIGGER web_report_decision_paragraph BEFORE INSERT ON web_report_decision"
	" WHEN NOT EXISTS(SELECT 1 FROM agenda_item WHERE meeting_id = NEW.meeting_id"
	"   AND number = NEW.paragraph)"
	" BEGIN SELECT RAISE(ABORT, 'the meeting has no agenda item with this paragraph (§) number'); END;"
	"CREATE TRIGGER web_report_decision_paragraph_update"
	" BEFORE UPDATE OF meeting_id, paragraph ON web_report_decision"
	" WHEN NOT EXISTS(SELECT 1 FROM agenda_item WHERE meeting_id = NEW.meeting_id"
	"   AND number = NEW.paragraph)"
	" BEGIN SELECT RAISE(ABORT, 'the meeting has no agenda item with this paragraph (§) number'); END;"
	FREEZE("indicator_value") FREEZE("report_text") FREEZE("assignment_status")
	FREEZE("econ_drift_line") FREEZE("econ_invest_row")
};

/* A reopened report needs the reason in words. */
static enum styr_rc decision_rule(struct store *s, int64_t id, const struct field_value vals[],
                                  struct styr_error *err)
{
	const char *r = vals[4].null ? NULL : vals[4].s;
	(void)s;
	(void)id;
	if(!vals[3].null && !strcmp(vals[3].s, "återöppnad")) {
		while(r && (*r == ' ' || *r == '\t' || *r == '\n'))
			r++;
		if(!r || !*r)
			return styr_error_set(err, STYR_EINVAL, "reason: a report is reopened with a"
			                      " reason, for the audit log");
	}
	return STYR_OK;
}

static const char *const part_status_names[] = { "ej påbörjad", "pågår", "klar", NULL };
static const char *const decision_state_names[] = { "fastställd", "återöppnad", NULL };

static const struct field_desc report_part_fields[] = {
	{ "occasion", "occasion_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "occasions", NULL,
	  "key of the report occasion (\"2020-04-30\")",
	  .label_sv = "Rapporttillfälle", .help_sv = "rapporttillfällets nyckel (\"2020-04-30\")" },
	{ "part", "part", FIELD_ENUM, FIELD_REQUIRED | FIELD_KEY, NULL, report_part_names,
	  "the part of the report",
	  .label_sv = "Rapportdel", .help_sv = "den del av rapporten som avses" },
	{ "responsible", "responsible_id", FIELD_REF, 0, "persons", NULL,
	  "key of the person responsible for the part",
	  .label_sv = "Ansvarig",
	  .help_sv = "nyckeln för den person som är ansvarig för rapportdelen" },
	{ "status", "status", FIELD_ENUM, FIELD_REQUIRED, NULL, part_status_names,
	  "ej påbörjad, pågår or klar",
	  .label_sv = "Status", .help_sv = "ej påbörjad, pågår eller klar" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc report_decision_fields[] = {
	{ "occasion", "occasion_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "occasions", NULL,
	  "key of the report occasion the committee decided",
	  .label_sv = "Rapporttillfälle",
	  .help_sv = "nyckeln för det rapporttillfälle vars rapport nämnden har beslutat om" },
	{ "meeting", "meeting_id", FIELD_REF, FIELD_REQUIRED, "meetings", NULL,
	  "date of the meeting that decided it",
	  .label_sv = "Sammanträde",
	  .help_sv = "datum för sammanträdet där beslutet fattades" },
	{ "paragraph", "paragraph", FIELD_INT, FIELD_REQUIRED, NULL, NULL,
	  "the § of the decision in that meeting's protocol",
	  .label_sv = "Paragraf", .help_sv = "beslutets paragraf (§) i sammanträdets protokoll" },
	{ "state", "state", FIELD_ENUM, FIELD_REQUIRED, NULL, decision_state_names,
	  "fastställd (values and texts frozen) or återöppnad (by an administrator)",
	  .label_sv = "Status",
	  .help_sv = "fastställd (värden och texter låsta) eller återöppnad "
	  "(av en administratör)" },
	{ "reason", "reason", FIELD_TEXT, 0, NULL, NULL,
	  "why it was reopened (required for återöppnad)",
	  .label_sv = "Skäl", .help_sv = "varför rapporten återöppnades (krävs för återöppnad)" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

const struct section_desc section_report_parts = {
	"report_parts", "web_report_part", report_part_fields,
	sizeof(report_part_fields) / sizeof(report_part_fields[0]),
	"(SELECT key FROM occasion WHERE id = t.occasion_id), t.part",
	"a part of an occasion's report: who is responsible and how far it has come",
	.label = "part {part} of the report {occasion}",
	.title_sv = "Rapportdelar",
	.help_sv = "en del av ett rapporttillfälles rapport: vem som är ansvarig och hur långt "
	"arbetet har kommit",
};

const struct section_desc section_report_decisions = {
	"report_decisions", "web_report_decision", report_decision_fields,
	sizeof(report_decision_fields) / sizeof(report_decision_fields[0]),
	"(SELECT key FROM occasion WHERE id = t.occasion_id)",
	"the committee's decision that makes an occasion's report fastställd",
	.label = "the decision on the report {occasion}",
	.after_write = decision_rule,
	.title_sv = "Rapportbeslut",
	.help_sv = "nämndens beslut som gör ett rapporttillfälles rapport fastställd",
};
