/*
** schema_org.c — migrations 1 and 12 and the data sections of the foundation:
** the audit log, the committee, member municipalities and their
** population, persons and their roles, and report occasions.
**
** One database holds one committee; another committee gets its own file.
*/
#include <string.h>

#include "base/strbuf.h"
#include "db/migrate.h"
#include "org/org.h"
#include "db/section.h"
#include "db/store.h"

const struct migration migration_foundation = { 1, "foundation",
	"CREATE TABLE audit_log("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL, who TEXT NOT NULL, tbl TEXT NOT NULL, key TEXT NOT NULL,"
	"  old_value TEXT, new_value TEXT);"
	/* Append-only: the log cannot be changed, only added to. */
	"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
	"  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;"
	"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
	"  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;"
	"CREATE TABLE municipality("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
	"  member INTEGER NOT NULL CHECK(member IN (0, 1)), note TEXT);"
	"CREATE TABLE committee("
	"  id INTEGER PRIMARY KEY,"
	"  short_name TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
	"  case_prefix TEXT NOT NULL,"
	"  host_municipality_id INTEGER NOT NULL REFERENCES municipality(id),"
	"  note TEXT);"
	"CREATE TABLE population("
	"  id INTEGER PRIMARY KEY,"
	"  municipality_id INTEGER NOT NULL REFERENCES municipality(id),"
	"  date TEXT NOT NULL, count INTEGER NOT NULL CHECK(count >= 0),"
	"  source TEXT, note TEXT,"
	"  UNIQUE(municipality_id, date));"
	"CREATE TABLE person("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, party TEXT,"
	"  municipality_id INTEGER REFERENCES municipality(id),"
	"  title TEXT, note TEXT);"
	"CREATE TABLE role("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  role TEXT NOT NULL, from_date TEXT, to_date TEXT, note TEXT,"
	"  UNIQUE(person_id, role, from_date));"
	"CREATE TABLE occasion("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, year INTEGER NOT NULL,"
	"  date TEXT, title TEXT NOT NULL, document_date TEXT, note TEXT);"
};

/* The committee's identity on its documents: the publisher's name as its
** letterhead ("Lekebergs kommun"), a logo (a PNG or SVG file) and a colour for
** headings and rules. */
const struct migration migration_org_identity = { 12, "committee identity on documents",
	"ALTER TABLE committee ADD COLUMN letterhead TEXT;"
	"ALTER TABLE committee ADD COLUMN logo TEXT;"
	/* "#RRGGBB", written so that SQLite and PostgreSQL both read it (no GLOB). */
	"ALTER TABLE committee ADD COLUMN colour TEXT CHECK(colour IS NULL OR"
	"  (length(colour) = 7 AND substr(colour, 1, 1) = '#'"
	"   AND trim(lower(substr(colour, 2)), '0123456789abcdef') = ''));"
};

/* The committee's case-number form (control/casenum.h; test_control_store checks
** that the two lists agree). A committee loaded before it has none: YY-N. */
const struct migration migration_org_case_format = { 18, "committee case-number form",
	"ALTER TABLE committee ADD COLUMN case_format TEXT;"
};

/* Roles a committee names beyond the default list below. */
const struct migration migration_org_role_kinds = { 22, "roles as data",
	"CREATE TABLE role_kind("
	"  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, note TEXT);"
};

/* The committee's own words for what the reports call by a name of the
** example committee (org.h, enum org_word). */
const struct migration migration_org_words = { 23, "committee vocabulary",
	"CREATE TABLE committee_word("
	"  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, text TEXT NOT NULL, note TEXT);"
};

const char *const committee_case_formats[] = {
	"YY-N", "YYYY/N", "YYYY.N", "YYYY-NNNN", NULL
};

static const struct field_desc municipality_fields[] = {
	{ "code", "code", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "SCB municipality code such as \"1814\"",
	  .label_sv = "Kommunkod", .help_sv = "kommunkod från SCB, t.ex. \"1814\"" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "name such as \"Lekeberg\"",
	  .label_sv = "Namn", .help_sv = "namn, t.ex. \"Lekeberg\"" },
	{ "member", "member", FIELD_BOOL, FIELD_REQUIRED, NULL, NULL,
	  "true when the municipality is a member of the committee",
	  .label_sv = "Medlemskommun", .help_sv = "ja om kommunen är medlem i nämnden" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc committee_fields[] = {
	{ "short_name", "short_name", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "short name such as \"Syd-IT\"",
	  .label_sv = "Kortnamn", .help_sv = "kortnamn, t.ex. \"Syd-IT\"" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "full name",
	  .label_sv = "Namn", .help_sv = "fullständigt namn" },
	{ "case_prefix", "case_prefix", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "case-number prefix such as \"Syd-IT\" or \"GLN\"",
	  .label_sv = "Diarienummerprefix",
	  .help_sv = "prefix i diarienumren, t.ex. \"Syd-IT\" eller \"GLN\"" },
	{ "case_format", "case_format", FIELD_ENUM, 0, NULL, committee_case_formats,
	  "form of the case numbers: YY-N (\"Syd-IT 21-1\", the default), YYYY/N "
	  "(\"GLN 2025/14\"), YYYY.N or YYYY-NNNN (\"KS 2025-0014\")",
	  .label_sv = "Diarienummerformat",
	  .help_sv = "diarienumrens form: YY-N (\"Syd-IT 21-1\", standard), YYYY/N "
	  "(\"GLN 2025/14\"), YYYY.N eller YYYY-NNNN (\"KS 2025-0014\")" },
	{ "host_municipality", "host_municipality_id", FIELD_REF, FIELD_REQUIRED,
	  "municipalities", NULL, "code of the host municipality",
	  .label_sv = "Värdkommun", .help_sv = "värdkommunens kommunkod" },
	{ "letterhead", "letterhead", FIELD_TEXT, 0, NULL, NULL,
	  "the publisher's name on covers and protocols, \"Lekebergs kommun\"; "
	  "default: the host municipality's",
	  .label_sv = "Brevhuvud",
	  .help_sv = "utgivarens namn på försättsblad och protokoll, \"Lekebergs kommun\"; "
	  "standard: värdkommunens namn" },
	{ "logo", "logo", FIELD_TEXT, 0, NULL, NULL,
	  "a PNG or SVG file of the logo, by a path from where styr runs",
	  .label_sv = "Logotyp",
	  .help_sv = "logotypen som PNG- eller SVG-fil, med sökväg från där styr körs" },
	{ "colour", "colour", FIELD_TEXT, 0, NULL, NULL,
	  "colour of headings and rules as \"#RRGGBB\"; default the house colour",
	  .label_sv = "Färg",
	  .help_sv = "färg på rubriker och linjer som \"#RRGGBB\"; standard: husfärgen" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc population_fields[] = {
	{ "municipality", "municipality_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY,
	  "municipalities", NULL, "municipality code",
	  .label_sv = "Kommun", .help_sv = "kommunkoden" },
	{ "date", "date", FIELD_DATE, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "the date counted, normally 31 December (YYYY-12-31)",
	  .label_sv = "Datum",
	  .help_sv = "dagen då folkmängden räknades, normalt 31 december (YYYY-12-31)" },
	{ "count", "count", FIELD_INT, FIELD_REQUIRED, NULL, NULL, "number of inhabitants",
	  .label_sv = "Folkmängd", .help_sv = "antal invånare" },
	{ "source", "source", FIELD_TEXT, 0, NULL, NULL, "where the figure comes from (SCB)",
	  .label_sv = "Källa", .help_sv = "varifrån siffran kommer (SCB)" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc person_fields[] = {
	{ "key", "key", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "short unique key such as \"magnus-andersson\"",
	  .label_sv = "Nyckel", .help_sv = "kort unik nyckel, t.ex. \"magnus-andersson\"" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "full name",
	  .label_sv = "Namn", .help_sv = "fullständigt namn" },
	{ "party", "party", FIELD_TEXT, 0, NULL, NULL, "party abbreviation such as \"S\"",
	  .label_sv = "Parti", .help_sv = "partiförkortning, t.ex. \"S\"" },
	{ "municipality", "municipality_id", FIELD_REF, 0, "municipalities", NULL,
	  "code of the municipality the person represents",
	  .label_sv = "Kommun", .help_sv = "kommunkoden för kommunen som personen företräder" },
	{ "title", "title", FIELD_TEXT, 0, NULL, NULL, "job title of an official",
	  .label_sv = "Titel", .help_sv = "tjänstetitel för en tjänsteperson" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

const char *const org_default_roles[] = {
	"ordförande", "vice ordförande", "ledamot", "ersättare",
	"förvaltningschef", "ställföreträdande förvaltningschef", "sekreterare",
	"tjänsteperson", "ekonom", "kvalitetsansvarig", NULL
};

static const struct field_desc word_fields[] = {
	{ "key", "key", FIELD_ENUM, FIELD_REQUIRED | FIELD_KEY, NULL, org_word_names,
	  "which word: governance_model (the heading of the goals part of the "
	  "follow-up reports, \"MER-styrning\") or account_line (the heading of the "
	  "operating account's line column, \"Kontotext\")",
	  .label_sv = "Ord",
	  .help_sv = "vilket ord: governance_model (rubriken för måldelen i "
	  "uppföljningsrapporterna, \"MER-styrning\") eller account_line (rubriken för "
	  "radkolumnen i driftredovisningen, \"Kontotext\")" },
	{ "text", "text", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "the committee's word",
	  .label_sv = "Nämndens ord", .help_sv = "nämndens eget ord" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc role_kind_fields[] = {
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "a role this committee names, such as \"lönechef\" or \"byggnadsinspektör\"",
	  .label_sv = "Roll",
	  .help_sv = "en roll som nämnden själv lägger till, t.ex. \"lönechef\" eller "
	  "\"byggnadsinspektör\"" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

/* roles fields: person, role, ...: a default role or one of role_kinds. */
static enum styr_rc role_after_write(struct store *s, int64_t id,
                                     const struct field_value vals[], struct styr_error *err)
{
	int64_t known = 0;
	struct store_stmt *st;
	bool row;
	(void)id;
	for(size_t i = 0; org_default_roles[i]; i++)
		if(!strcmp(org_default_roles[i], vals[1].s))
			return STYR_OK;
	enum styr_rc rc = store_prepare(s, "SELECT count(*) FROM role_kind WHERE name = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, vals[1].s);
	rc = stmt_step(st, &row, err);
	if(!rc && row)
		known = stmt_int(st, 0);
	stmt_finalize(st);
	if(!rc && !known) {
		struct strbuf sb = STRBUF_INIT;
		for(size_t i = 0; org_default_roles[i]; i++)
			strbuf_addf(&sb, "%s\"%s\"", i ? ", " : "", org_default_roles[i]);
		rc = styr_error_set(err, STYR_EINVAL, "role: expected one of %s or a role named in "
		                    "role_kinds, found \"%s\"", sb.buf, vals[1].s);
		strbuf_release(&sb);
	}
	return rc;
}

static const struct field_desc role_fields[] = {
	{ "person", "person_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "persons", NULL,
	  "key of the person",
	  .label_sv = "Person", .help_sv = "nyckeln för personen" },
	{ "role", "role", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "role: ordförande, vice ordförande, ledamot, ersättare, förvaltningschef, "
	  "ställföreträdande förvaltningschef, sekreterare, tjänsteperson, ekonom, "
	  "kvalitetsansvarig, or one of role_kinds",
	  .label_sv = "Roll",
	  .help_sv = "roll: ordförande, vice ordförande, ledamot, ersättare, förvaltningschef, "
	  "ställföreträdande förvaltningschef, sekreterare, tjänsteperson, ekonom, "
	  "kvalitetsansvarig eller en av nämndens egna roller" },
	{ "from", "from_date", FIELD_DATE, FIELD_KEY, NULL, NULL, "first day (YYYY-MM-DD)",
	  .label_sv = "Från och med", .help_sv = "första dagen (YYYY-MM-DD)" },
	{ "to", "to_date", FIELD_DATE, 0, NULL, NULL, "last day (YYYY-MM-DD)",
	  .label_sv = "Till och med", .help_sv = "sista dagen (YYYY-MM-DD)" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const char *const occasion_kinds[] = {
	"mer-plan", "prognos", "delar", "arsredovisning", NULL
};
static const char *const occasion_kinds_sv[] = {
	"MER-plan", "prognosrapport", "delårsrapport", "årsredovisning", NULL
};

static const struct field_desc occasion_fields[] = {
	{ "key", "key", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "the cut-off date (\"2020-04-30\") or, for a plan, \"mer-plan-YYYY\"",
	  .label_sv = "Nyckel",
	  .help_sv = "brytdatumet (\"2020-04-30\") eller, för en plan, \"mer-plan-YYYY\"" },
	{ "kind", "kind", FIELD_ENUM, FIELD_REQUIRED, NULL, occasion_kinds, "kind of report",
	  .label_sv = "Rapporttyp", .help_sv = "typ av rapport",
	  .allowed_sv = occasion_kinds_sv },
	{ "year", "year", FIELD_INT, FIELD_REQUIRED, NULL, NULL, "the year reported on or planned",
	  .label_sv = "År", .help_sv = "året som rapporteras eller planeras" },
	{ "date", "date", FIELD_DATE, 0, NULL, NULL, "cut-off date (YYYY-MM-DD)",
	  .label_sv = "Brytdatum", .help_sv = "brytdatum (YYYY-MM-DD)" },
	{ "title", "title", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "title as on the document, e.g. \"Prognosrapport 1-2020\"",
	  .label_sv = "Titel",
	  .help_sv = "titeln som på dokumentet, t.ex. \"Prognosrapport 1-2020\"" },
	{ "document_date", "document_date", FIELD_DATE, 0, NULL, NULL,
	  "date printed on the document",
	  .label_sv = "Dokumentdatum", .help_sv = "datumet som står på dokumentet" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

const struct section_desc section_municipalities = {
	"municipalities", "municipality", municipality_fields, N(municipality_fields),
	"t.code", "a municipality (members and the host)",
	.title_sv = "Kommuner", .help_sv = "en kommun (medlemskommunerna och värdkommunen)" };
const struct section_desc section_committee = {
	"committee", "committee", committee_fields, N(committee_fields),
	"t.short_name", "the committee this database holds (exactly one row)",
	.title_sv = "Nämnden", .help_sv = "nämnden som databasen gäller (exakt en rad)" };
const struct section_desc section_population = {
	"population", "population", population_fields, N(population_fields),
	"(SELECT code FROM municipality WHERE id = t.municipality_id), t.date",
	"official population of a municipality on a date",
	.title_sv = "Folkmängd", .help_sv = "en kommuns officiella folkmängd vid ett datum" };
const struct section_desc section_persons = {
	"persons", "person", person_fields, N(person_fields),
	"t.key", "a member, substitute or official",
	.title_sv = "Personer", .help_sv = "en ledamot, ersättare eller tjänsteperson" };
const struct section_desc section_words = {
	"words", "committee_word", word_fields, N(word_fields),
	"t.key", "the committee's own word for a heading the reports print",
	.title_sv = "Egna benämningar",
	.help_sv = "nämndens eget ord för en rubrik i rapporterna" };
const struct section_desc section_role_kinds = {
	"role_kinds", "role_kind", role_kind_fields, N(role_kind_fields),
	"t.name", "a role the committee names beyond the default ones",
	.title_sv = "Egna roller", .help_sv = "en roll som nämnden har utöver standardrollerna" };
const struct section_desc section_roles = {
	"roles", "role", role_fields, N(role_fields),
	"(SELECT key FROM person WHERE id = t.person_id), t.role, t.from_date",
	"a role a person holds, from and to a date", role_after_write,
	.title_sv = "Roller", .help_sv = "en roll som en person har under en period" };
const struct section_desc section_occasions = {
	"occasions", "occasion", occasion_fields, N(occasion_fields),
	"t.year, t.date IS NULL DESC, t.date, t.key",
	"a report occasion with its cut-off date",
	.title_sv = "Rapporttillfällen", .help_sv = "ett rapporttillfälle med sitt brytdatum" };
