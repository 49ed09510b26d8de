/*
** schema_meetings.c — migrations 5 and 11 and the data sections of
** meetings and protocols: the meeting, who attended, the justerare, the
** agenda items (§) with their basis documents, reported delegation
** decisions and messages, and the anslag of the protocol in each member
** municipality.
**
** The rules that the generic loader cannot express are triggers here, so
** that `styr load`, `styr set` and `styr rm` refuse what `styr meeting …`
** refuses: § numbers that collide with another meeting of the year, a list
** row for a § that does not exist, a justerare who was not present, an
** anslag before the justering or the meeting. Migration 5 checks a row
** when it is added, migration 11 when it is changed, and when a row it
** depends on is changed or removed. Migration 14 has the § rules of the
** year look only at the meetings of that year, and indexes the rows
** listed under a § by meeting and §, so that finding one by its key (each
** row a load writes) does not read all of them.
*/
#include "meetings/meetings.h"
#include "db/migrate.h"
#include "db/section.h"

/* A paragraph reference (meeting_id, paragraph) must name an agenda item. */
#define PARAGRAPH_TRIGGER(tbl) \
	"CREATE TRIGGER " tbl "_paragraph BEFORE INSERT ON " tbl \
	" WHEN NOT EXISTS (SELECT 1 FROM agenda_item i WHERE i.meeting_id = NEW.meeting_id" \
	"   AND i.number = NEW.paragraph)" \
	" BEGIN SELECT RAISE(ABORT, 'the meeting has no agenda item with this paragraph (§) number'); END;"

/* The same on a change of the row. */
#define PARAGRAPH_UPDATE_TRIGGER(tbl) \
	"CREATE TRIGGER " tbl "_paragraph_update BEFORE UPDATE OF meeting_id, paragraph ON " tbl \
	" WHEN NOT EXISTS (SELECT 1 FROM agenda_item i WHERE i.meeting_id = NEW.meeting_id" \
	"   AND i.number = NEW.paragraph)" \
	" BEGIN SELECT RAISE(ABORT, 'the meeting has no agenda item with this paragraph (§) number'); END;"

/* Rows that name a § by meeting and number (not a reference the loader
** knows): a § they list under may not go away or change its number. */
#define LISTED_UNDER(m, n) \
	" EXISTS (SELECT 1 FROM basis_document b WHERE b.meeting_id = " m " AND b.paragraph = " n ")" \
	" OR EXISTS (SELECT 1 FROM delegation_decision d WHERE d.meeting_id = " m \
	"   AND d.paragraph = " n ")" \
	" OR EXISTS (SELECT 1 FROM meeting_message g WHERE g.meeting_id = " m " AND g.paragraph = " n ")"

/* A basis document may be attached to the protocol: a stored file or a
** report styr makes. An agenda item knows the officer who prepared it and
** its economic consequences, for its tjänsteskrivelse. */
const struct migration migration_meetings_attachments = { 13,
	"basis documents as attachments; the officer and economic consequences of an item",
	"ALTER TABLE basis_document ADD COLUMN file TEXT;"
	"ALTER TABLE basis_document ADD COLUMN report TEXT;"
	"ALTER TABLE agenda_item ADD COLUMN officer_id INTEGER REFERENCES person(id);"
	"ALTER TABLE agenda_item ADD COLUMN consequences TEXT;"
};

const struct migration migration_meetings_changes = { 11, "meeting rules on change and removal",
	PARAGRAPH_UPDATE_TRIGGER("basis_document")
	PARAGRAPH_UPDATE_TRIGGER("delegation_decision")
	PARAGRAPH_UPDATE_TRIGGER("meeting_message")
	"CREATE TRIGGER agenda_item_year_update BEFORE UPDATE OF meeting_id, number ON agenda_item"
	" WHEN EXISTS (SELECT 1 FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id,"
	"   meeting nm WHERE nm.id = NEW.meeting_id AND m.id <> nm.id AND i.id <> NEW.id"
	"   AND substr(m.date, 1, 4) = substr(nm.date, 1, 4)"
	"   AND (i.number = NEW.number OR (m.date < nm.date AND i.number > NEW.number)"
	"        OR (m.date > nm.date AND i.number < NEW.number)))"
	" BEGIN SELECT RAISE(ABORT, 'the paragraph (§) number collides with another meeting of the same year'); END;"
	"CREATE TRIGGER agenda_item_listed_delete BEFORE DELETE ON agenda_item"
	" WHEN" LISTED_UNDER("OLD.meeting_id", "OLD.number")
	" BEGIN SELECT RAISE(ABORT, 'basis documents, delegation decisions or messages are listed "
	"under this paragraph (§); remove them first'); END;"
	"CREATE TRIGGER agenda_item_listed_update BEFORE UPDATE OF meeting_id, number ON agenda_item"
	" WHEN (NEW.meeting_id <> OLD.meeting_id OR NEW.number <> OLD.number)"
	"   AND (" LISTED_UNDER("OLD.meeting_id", "OLD.number") ")"
	" BEGIN SELECT RAISE(ABORT, 'basis documents, delegation decisions or messages are listed "
	"under this paragraph (§); move them first'); END;"
	/* A meeting moved to another date keeps its § numbers in order with
	** the other meetings of the (new) year. */
	"CREATE TRIGGER meeting_date_paragraphs BEFORE UPDATE OF date ON meeting"
	" WHEN EXISTS (SELECT 1 FROM agenda_item mine, agenda_item i JOIN meeting m ON m.id = i.meeting_id"
	"   WHERE mine.meeting_id = NEW.id AND m.id <> NEW.id"
	"   AND substr(m.date, 1, 4) = substr(NEW.date, 1, 4)"
	"   AND (i.number = mine.number OR (m.date < NEW.date AND i.number > mine.number)"
	"        OR (m.date > NEW.date AND i.number < mine.number)))"
	" BEGIN SELECT RAISE(ABORT, 'on that date the paragraph (§) numbers of the meeting would collide "
	"with another meeting of the same year'); END;"
	"CREATE TRIGGER meeting_justerare_present_update BEFORE UPDATE OF meeting_id, person_id"
	" ON meeting_justerare"
	" WHEN NOT EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = NEW.meeting_id"
	"   AND a.person_id = NEW.person_id AND a.role <> 'tjänsteperson')"
	" BEGIN SELECT RAISE(ABORT, 'the justerare is not a member or substitute present at the meeting'); END;"
	"CREATE TRIGGER meeting_attendance_justerare_delete BEFORE DELETE ON meeting_attendance"
	" WHEN EXISTS (SELECT 1 FROM meeting_justerare j WHERE j.meeting_id = OLD.meeting_id"
	"   AND j.person_id = OLD.person_id)"
	" BEGIN SELECT RAISE(ABORT, 'the person justerar the protocol; remove the justerare first'); END;"
	"CREATE TRIGGER meeting_attendance_justerare_update BEFORE UPDATE OF meeting_id, person_id, role"
	" ON meeting_attendance"
	" WHEN (NEW.meeting_id <> OLD.meeting_id OR NEW.person_id <> OLD.person_id"
	"       OR NEW.role = 'tjänsteperson')"
	"   AND EXISTS (SELECT 1 FROM meeting_justerare j WHERE j.meeting_id = OLD.meeting_id"
	"   AND j.person_id = OLD.person_id)"
	" BEGIN SELECT RAISE(ABORT, 'the person justerar the protocol, as a member or substitute "
	"present; remove the justerare first'); END;"
	"CREATE TRIGGER anslag_after_justering_update BEFORE UPDATE OF meeting_id, date ON anslag"
	" WHEN EXISTS (SELECT 1 FROM meeting m WHERE m.id = NEW.meeting_id"
	"   AND (NEW.date < m.date OR NEW.date < m.justering_date))"
	" BEGIN SELECT RAISE(ABORT, 'the anslag date is before the justering (or the meeting)'); END;"
	"CREATE TRIGGER meeting_anslag_dates BEFORE UPDATE OF date, justering_date ON meeting"
	" WHEN EXISTS (SELECT 1 FROM anslag a WHERE a.meeting_id = NEW.id"
	"   AND (a.date < NEW.date OR a.date < NEW.justering_date))"
	" BEGIN SELECT RAISE(ABORT, 'an anslag of the protocol would be before the justering "
	"(or the meeting)'); END;"
};

const struct migration migration_meetings = { 5, "meetings and protocols",
	"CREATE TABLE meeting("
	"  id INTEGER PRIMARY KEY,"
	"  date TEXT NOT NULL UNIQUE, start_time TEXT, end_time TEXT, place TEXT,"
	"  remote INTEGER CHECK(remote IN (0, 1)),"
	"  chair_id INTEGER REFERENCES person(id),"
	"  secretary_id INTEGER REFERENCES person(id),"
	"  justering_date TEXT CHECK(justering_date IS NULL OR justering_date >= date),"
	"  note TEXT);"
	"CREATE TABLE meeting_attendance("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  role TEXT NOT NULL,"
	"  serving_for_id INTEGER REFERENCES person(id),"
	"  title TEXT, party TEXT,"
	"  municipality_id INTEGER REFERENCES municipality(id),"
	"  remote INTEGER CHECK(remote IN (0, 1)), note TEXT,"
	"  UNIQUE(meeting_id, person_id));"
	"CREATE TABLE meeting_justerare("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  UNIQUE(meeting_id, person_id));"
	"CREATE TRIGGER meeting_justerare_present BEFORE INSERT ON meeting_justerare"
	" WHEN NOT EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = NEW.meeting_id"
	"   AND a.person_id = NEW.person_id AND a.role <> 'tjänsteperson')"
	" BEGIN SELECT RAISE(ABORT, 'the justerare is not a member or substitute present at the meeting'); END;"
	"CREATE TABLE agenda_item("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  number INTEGER NOT NULL CHECK(number >= 1),"
	"  title TEXT NOT NULL, heading TEXT, case_number TEXT,"
	"  description TEXT, proposal TEXT, decision TEXT,"
	"  period_from TEXT, period_to TEXT, note TEXT,"
	"  UNIQUE(meeting_id, number));"
	/* § numbers run on through the calendar year: a number may not be used
	** by another meeting of the year, nor be lower than one of an earlier
	** meeting or higher than one of a later meeting. */
	"CREATE TRIGGER agenda_item_year BEFORE INSERT ON agenda_item"
	" WHEN EXISTS (SELECT 1 FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id,"
	"   meeting nm WHERE nm.id = NEW.meeting_id AND m.id <> nm.id"
	"   AND substr(m.date, 1, 4) = substr(nm.date, 1, 4)"
	"   AND (i.number = NEW.number OR (m.date < nm.date AND i.number > NEW.number)"
	"        OR (m.date > nm.date AND i.number < NEW.number)))"
	" BEGIN SELECT RAISE(ABORT, 'the paragraph (§) number collides with another meeting of the same year'); END;"
	"CREATE TABLE basis_document("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  paragraph INTEGER NOT NULL, title TEXT NOT NULL);"
	PARAGRAPH_TRIGGER("basis_document")
	"CREATE TABLE delegation_decision("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  paragraph INTEGER NOT NULL, case_number TEXT, title TEXT NOT NULL,"
	"  decided TEXT, note TEXT);"
	PARAGRAPH_TRIGGER("delegation_decision")
	"CREATE TABLE meeting_message("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  paragraph INTEGER NOT NULL, title TEXT NOT NULL, case_number TEXT, note TEXT);"
	PARAGRAPH_TRIGGER("meeting_message")
	"CREATE TABLE anslag("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  municipality_id INTEGER NOT NULL REFERENCES municipality(id),"
	"  date TEXT NOT NULL, stated_until TEXT, storage_place TEXT,"
	"  posted_by_id INTEGER REFERENCES person(id), note TEXT,"
	"  UNIQUE(meeting_id, municipality_id));"
	"CREATE TRIGGER anslag_after_justering BEFORE INSERT ON anslag"
	" WHEN EXISTS (SELECT 1 FROM meeting m WHERE m.id = NEW.meeting_id"
	"   AND (NEW.date < m.date OR NEW.date < m.justering_date))"
	" BEGIN SELECT RAISE(ABORT, 'the anslag date is before the justering (or the meeting)'); END;"
};

/* The meetings m of the calendar year of date d, as a range of the index
** on meeting(date): the § rules read the agenda items of one year, not of
** every year (with substr(m.date, 1, 4) they read them all, and a load
** grew with the square of its meetings). */
#define SAME_YEAR(m, d) \
	" " m ".date >= substr(" d ", 1, 4) || '-01-01' AND " m ".date <= substr(" d ", 1, 4) || '-12-31'"

const struct migration migration_meetings_year_index = { 14, "paragraph rules read one year; lists indexed by §",
	"DROP TRIGGER agenda_item_year;"
	"CREATE TRIGGER agenda_item_year BEFORE INSERT ON agenda_item"
	" WHEN EXISTS (SELECT 1 FROM meeting nm, meeting m, agenda_item i"
	"   WHERE nm.id = NEW.meeting_id AND" SAME_YEAR("m", "nm.date")
	"   AND m.id <> nm.id AND i.meeting_id = m.id"
	"   AND (i.number = NEW.number OR (m.date < nm.date AND i.number > NEW.number)"
	"        OR (m.date > nm.date AND i.number < NEW.number)))"
	" BEGIN SELECT RAISE(ABORT, 'the paragraph (§) number collides with another meeting of the same year'); END;"
	"DROP TRIGGER agenda_item_year_update;"
	"CREATE TRIGGER agenda_item_year_update BEFORE UPDATE OF meeting_id, number ON agenda_item"
	" WHEN EXISTS (SELECT 1 FROM meeting nm, meeting m, agenda_item i"
	"   WHERE nm.id = NEW.meeting_id AND" SAME_YEAR("m", "nm.date")
	"   AND m.id <> nm.id AND i.meeting_id = m.id AND i.id <> NEW.id"
	"   AND (i.number = NEW.number OR (m.date < nm.date AND i.number > NEW.number)"
	"        OR (m.date > nm.date AND i.number < NEW.number)))"
	" BEGIN SELECT RAISE(ABORT, 'the paragraph (§) number collides with another meeting of the same year'); END;"
	"DROP TRIGGER meeting_date_paragraphs;"
	"CREATE TRIGGER meeting_date_paragraphs BEFORE UPDATE OF date ON meeting"
	" WHEN EXISTS (SELECT 1 FROM meeting m, agenda_item i, agenda_item mine"
	"   WHERE" SAME_YEAR("m", "NEW.date") " AND m.id <> NEW.id AND i.meeting_id = m.id"
	"   AND mine.meeting_id = NEW.id"
	"   AND (i.number = mine.number OR (m.date < NEW.date AND i.number > mine.number)"
	"        OR (m.date > NEW.date AND i.number < mine.number)))"
	" BEGIN SELECT RAISE(ABORT, 'on that date the paragraph (§) numbers of the meeting would collide "
	"with another meeting of the same year'); END;"
	"CREATE INDEX basis_document_paragraph ON basis_document(meeting_id, paragraph);"
	"CREATE INDEX delegation_decision_paragraph ON delegation_decision(meeting_id, paragraph);"
	"CREATE INDEX meeting_message_paragraph ON meeting_message(meeting_id, paragraph);"
};

/* The standing items a committee puts on every agenda (`meeting agenda
** --standard`), before and after the matters. */
const struct migration migration_meetings_standard = { 24, "standard agenda items",
	"CREATE TABLE standard_item("
	"  id INTEGER PRIMARY KEY, place TEXT NOT NULL, position INTEGER NOT NULL,"
	"  title TEXT NOT NULL, note TEXT, UNIQUE(place, position));"
};

/* The first § of a year, for a committee whose numbering does not start
** at 1 in styr (it began mid-year at § 23). A § below it is refused. */
const struct migration migration_meetings_first = { 25, "first paragraph of a year",
	"CREATE TABLE paragraph_start("
	"  id INTEGER PRIMARY KEY, year INTEGER NOT NULL UNIQUE, first INTEGER NOT NULL,"
	"  note TEXT);"
	"CREATE TRIGGER agenda_item_first BEFORE INSERT ON agenda_item"
	" WHEN NEW.number < (SELECT s.first FROM paragraph_start s, meeting m"
	"   WHERE m.id = NEW.meeting_id AND s.year = CAST(substr(m.date, 1, 4) AS INTEGER))"
	" BEGIN SELECT RAISE(ABORT, 'the paragraph (§) number is below the first § of the year"
	" (paragraph_starts)'); END;"
	"CREATE TRIGGER agenda_item_first_update BEFORE UPDATE OF meeting_id, number ON agenda_item"
	" WHEN NEW.number < (SELECT s.first FROM paragraph_start s, meeting m"
	"   WHERE m.id = NEW.meeting_id AND s.year = CAST(substr(m.date, 1, 4) AS INTEGER))"
	" BEGIN SELECT RAISE(ABORT, 'the paragraph (§) number is below the first § of the year"
	" (paragraph_starts)'); END;"
};

const char *const standard_place_names[] = { "before", "after", NULL };
static const char *const standard_place_names_sv[] = { "före ärendena", "efter ärendena", NULL };

/* paragraph_starts fields: year, first: a § is 1 or more. */
static enum styr_rc start_after_insert(struct store *s, int64_t id,
                                       const struct field_value vals[], struct styr_error *err)
{
	(void)s;
	(void)id;
	if(vals[1].i < 1)
		return styr_error_set(err, STYR_EINVAL, "first: expected a § number 1 or more, found %lld",
		                      (long long)vals[1].i);
	return STYR_OK;
}

static const struct field_desc start_fields[] = {
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "the calendar year",
	  .label_sv = "År", .help_sv = "kalenderåret" },
	{ "first", "first", FIELD_INT, FIELD_REQUIRED, NULL, NULL,
	  "the year's first § number (default 1): 23 when styr takes over mid-year after § 22",
	  .label_sv = "Första §",
	  .help_sv = "årets första paragrafnummer (normalt 1): 23 när styr tar över mitt i året "
	             "efter § 22" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc standard_fields[] = {
	{ "place", "place", FIELD_ENUM, FIELD_REQUIRED | FIELD_KEY, NULL, standard_place_names,
	  "before or after the matters of the meeting",
	  .label_sv = "Placering", .help_sv = "före eller efter sammanträdets ärenden",
	  .allowed_sv = standard_place_names_sv },
	{ "position", "position", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "order among the items of that place, from 1",
	  .label_sv = "Ordning", .help_sv = "ordning bland punkterna med samma placering, från 1" },
	{ "title", "title", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "the item's title as on the agenda, such as \"Val av justerare\"",
	  .label_sv = "Rubrik",
	  .help_sv = "punktens rubrik som på ärendelistan, t.ex. \"Val av justerare\"" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc meeting_fields[] = {
	{ "date", "date", FIELD_DATE, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "date of the meeting (YYYY-MM-DD); names the meeting",
	  .label_sv = "Datum", .help_sv = "sammanträdets datum (YYYY-MM-DD); anger sammanträdet" },
	{ "start", "start_time", FIELD_TEXT, 0, NULL, NULL, "start time HH:MM",
	  .label_sv = "Starttid", .help_sv = "starttid HH:MM" },
	{ "end", "end_time", FIELD_TEXT, 0, NULL, NULL, "end time HH:MM",
	  .label_sv = "Sluttid", .help_sv = "sluttid HH:MM" },
	{ "place", "place", FIELD_TEXT, 0, NULL, NULL, "place as written, e.g. \"Kommunhuset, Hallsberg/Digitalt\"",
	  .label_sv = "Plats",
	  .help_sv = "platsen som den skrivs, t.ex. \"Kommunhuset, Hallsberg/Digitalt\"" },
	{ "remote", "remote", FIELD_BOOL, 0, NULL, NULL, "true when members could take part remotely",
	  .label_sv = "Distans", .help_sv = "ja när ledamöterna kunde delta på distans" },
	{ "chair", "chair_id", FIELD_REF, 0, "persons", NULL, "key of the person chairing (Ordförande)",
	  .label_sv = "Ordförande", .help_sv = "nyckeln för personen som är ordförande" },
	{ "secretary", "secretary_id", FIELD_REF, 0, "persons", NULL, "key of the secretary (Sekreterare)",
	  .label_sv = "Sekreterare", .help_sv = "nyckeln för sekreteraren" },
	{ "justering", "justering_date", FIELD_DATE, 0, NULL, NULL,
	  "date the protocol was justerat (YYYY-MM-DD), on or after the meeting",
	  .label_sv = "Justeringsdatum",
	  .help_sv = "dag då protokollet justerades (YYYY-MM-DD), sammanträdesdagen eller senare" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc attendance_fields[] = {
	{ "meeting", "meeting_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "meetings", NULL, "date of the meeting",
	  .label_sv = "Sammanträde", .help_sv = "sammanträdets datum" },
	{ "person", "person_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "persons", NULL, "key of the person",
	  .label_sv = "Person", .help_sv = "nyckeln för personen" },
	{ "role", "role", FIELD_ENUM, FIELD_REQUIRED, NULL, attendee_role_names,
	  "ordinarie and tjänstgörande ersättare decide; ersättare do not serve; tjänsteperson are officials (Övriga)",
	  .label_sv = "Roll",
	  .help_sv = "ordinarie och tjänstgörande ersättare är beslutande; ersättare är ej "
	             "tjänstgörande; tjänsteperson är tjänstepersoner (Övriga)" },
	{ "serving_for", "serving_for_id", FIELD_REF, 0, "persons", NULL,
	  "for a tjänstgörande ersättare: key of the member served for (tjänstgör för)",
	  .label_sv = "Tjänstgör för",
	  .help_sv = "för en tjänstgörande ersättare: nyckeln för ledamoten som ersättaren "
	             "tjänstgör för" },
	{ "title", "title", FIELD_TEXT, 0, NULL, NULL,
	  "as printed after the name: \"ordförande\", \"vice ordförande\", or an official's title",
	  .label_sv = "Titel",
	  .help_sv = "som den skrivs efter namnet: \"ordförande\", \"vice ordförande\" eller "
	             "tjänstepersonens titel" },
	{ "party", "party", FIELD_TEXT, 0, NULL, NULL, "party at the meeting; default the person's",
	  .label_sv = "Parti", .help_sv = "parti vid sammanträdet; om tomt gäller personens" },
	{ "municipality", "municipality_id", FIELD_REF, 0, "municipalities", NULL,
	  "code of the municipality represented; default the person's",
	  .label_sv = "Kommun",
	  .help_sv = "kommunkoden för den kommun som företräds; om tomt gäller personens" },
	{ "remote", "remote", FIELD_BOOL, 0, NULL, NULL, "true when taking part remotely (Distans)",
	  .label_sv = "Distans", .help_sv = "ja när personen deltar på distans" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc justerare_fields[] = {
	{ "meeting", "meeting_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "meetings", NULL, "date of the meeting",
	  .label_sv = "Sammanträde", .help_sv = "sammanträdets datum" },
	{ "person", "person_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "persons", NULL,
	  "key of a member present who justerar the protocol with the chair",
	  .label_sv = "Person",
	  .help_sv = "nyckeln för en närvarande ledamot som justerar protokollet tillsammans "
	             "med ordföranden" },
};

static const struct field_desc item_fields[] = {
	{ "meeting", "meeting_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "meetings", NULL, "date of the meeting",
	  .label_sv = "Sammanträde", .help_sv = "sammanträdets datum" },
	{ "paragraph", "number", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "§ number: from 1 (or the year's paragraph_starts) at the year's first meeting, "
	  "running on through the year",
	  .label_sv = "Paragraf",
	  .help_sv = "paragrafnummer (§): från 1 (eller årets första paragrafnummer) vid årets "
	             "första sammanträde, löpande under året" },
	{ "title", "title", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "title as in the ärendelista",
	  .label_sv = "Rubrik", .help_sv = "rubrik som i ärendelistan" },
	{ "heading", "heading", FIELD_TEXT, 0, NULL, NULL,
	  "title as printed above the paragraph, when it differs from the ärendelista",
	  .label_sv = "Rubrik i protokollet",
	  .help_sv = "rubriken ovanför paragrafen, när den skiljer sig från ärendelistans" },
	{ "case", "case_number", FIELD_TEXT, 0, NULL, NULL, "case number as written, e.g. \"Syd-IT 21-1\"",
	  .label_sv = "Diarienummer",
	  .help_sv = "diarienummer som det skrivs, t.ex. \"Syd-IT 21-1\"" },
	{ "description", "description", FIELD_TEXT, 0, NULL, NULL, "Ärendebeskrivning; paragraphs separated by a blank line",
	  .label_sv = "Ärendebeskrivning",
	  .help_sv = "texten under Ärendebeskrivning; stycken åtskilda av en tom rad" },
	{ "proposal", "proposal", FIELD_TEXT, 0, NULL, NULL, "Förslag till beslut",
	  .label_sv = "Förslag till beslut", .help_sv = "texten under Förslag till beslut" },
	{ "decision", "decision", FIELD_TEXT, 0, NULL, NULL, "Beslut",
	  .label_sv = "Beslut", .help_sv = "nämndens beslut, texten under Beslut" },
	{ "period_from", "period_from", FIELD_DATE, 0, NULL, NULL,
	  "first day of the delegation decisions reported (YYYY-MM-DD)",
	  .label_sv = "Period från",
	  .help_sv = "första dagen för de delegeringsbeslut som redovisas (YYYY-MM-DD)" },
	{ "period_to", "period_to", FIELD_DATE, 0, NULL, NULL,
	  "last day (till och med) of the delegation decisions reported",
	  .label_sv = "Period till och med",
	  .help_sv = "sista dagen (till och med) för de delegeringsbeslut som redovisas" },
	{ "officer", "officer_id", FIELD_REF, 0, "persons", NULL,
	  "key of the officer (handläggare) who prepared the item's tjänsteskrivelse",
	  .label_sv = "Handläggare",
	  .help_sv = "nyckeln för handläggaren som tog fram ärendets tjänsteskrivelse" },
	{ "consequences", "consequences", FIELD_TEXT, 0, NULL, NULL,
	  "Ekonomiska konsekvenser of the proposal, for the tjänsteskrivelse",
	  .label_sv = "Ekonomiska konsekvenser",
	  .help_sv = "förslagets ekonomiska konsekvenser, för tjänsteskrivelsen" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc basis_fields[] = {
	{ "meeting", "meeting_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "meetings", NULL, "date of the meeting",
	  .label_sv = "Sammanträde", .help_sv = "sammanträdets datum" },
	{ "paragraph", "paragraph", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "§ number of the agenda item",
	  .label_sv = "Paragraf", .help_sv = "ärendets paragrafnummer (§)" },
	{ "title", "title", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "document title as listed under Beslutsunderlag",
	  .label_sv = "Titel",
	  .help_sv = "handlingens titel som den står under Beslutsunderlag" },
	{ "file", "file", FIELD_TEXT, 0, NULL, NULL,
	  "the document as a stored PDF file, by a path from where styr runs; appended to the protocol",
	  .label_sv = "Fil",
	  .help_sv = "handlingen som en sparad PDF-fil, med sökväg från där styr körs; "
	             "bifogas protokollet" },
	{ "report", "report", FIELD_TEXT, 0, NULL, NULL,
	  "the document as a report styr makes, its `styr report` arguments such as "
	  "\"arsredovisning --year 2020\"; appended to the protocol",
	  .label_sv = "Rapport",
	  .help_sv = "handlingen som en rapport som styr tar fram, med argumenten till "
	             "`styr report`, t.ex. \"arsredovisning --year 2020\"; bifogas protokollet" },
};

static const struct field_desc delegation_fields[] = {
	{ "meeting", "meeting_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "meetings", NULL, "date of the meeting",
	  .label_sv = "Sammanträde", .help_sv = "sammanträdets datum" },
	{ "paragraph", "paragraph", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "§ number of the item reporting it",
	  .label_sv = "Paragraf",
	  .help_sv = "paragrafnummer (§) för ärendet där beslutet redovisas" },
	{ "case", "case_number", FIELD_TEXT, FIELD_KEY, NULL, NULL, "document number as written, e.g. \"Syd-IT 20-6-11\"",
	  .label_sv = "Diarienummer",
	  .help_sv = "handlingens diarienummer som det skrivs, t.ex. \"Syd-IT 20-6-11\"" },
	{ "title", "title", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "title as written",
	  .label_sv = "Rubrik", .help_sv = "rubriken som den skrivs" },
	{ "date", "decided", FIELD_DATE, 0, NULL, NULL, "date of the decision (YYYY-MM-DD)",
	  .label_sv = "Beslutsdatum", .help_sv = "dag då beslutet fattades (YYYY-MM-DD)" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc message_fields[] = {
	{ "meeting", "meeting_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "meetings", NULL, "date of the meeting",
	  .label_sv = "Sammanträde", .help_sv = "sammanträdets datum" },
	{ "paragraph", "paragraph", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "§ number of the item (Meddelanden)",
	  .label_sv = "Paragraf", .help_sv = "paragrafnummer (§) för ärendet Meddelanden" },
	{ "title", "title", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "message as written under Anmälningar",
	  .label_sv = "Meddelande", .help_sv = "meddelandet som det skrivs under Anmälningar" },
	{ "case", "case_number", FIELD_TEXT, 0, NULL, NULL, "case number as written",
	  .label_sv = "Diarienummer", .help_sv = "diarienummer som det skrivs" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc anslag_fields[] = {
	{ "meeting", "meeting_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "meetings", NULL, "date of the meeting",
	  .label_sv = "Sammanträde", .help_sv = "sammanträdets datum" },
	{ "municipality", "municipality_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "municipalities", NULL,
	  "code of the municipality whose notice board",
	  .label_sv = "Kommun",
	  .help_sv = "kommunkoden för den kommun vars anslagstavla det gäller" },
	{ "date", "date", FIELD_DATE, FIELD_REQUIRED, NULL, NULL,
	  "day the justering was announced on the notice board (YYYY-MM-DD)",
	  .label_sv = "Anslagsdatum",
	  .help_sv = "dag då justeringen tillkännagavs på anslagstavlan (YYYY-MM-DD)" },
	{ "until", "stated_until", FIELD_DATE, 0, NULL, NULL,
	  "the end of the appeal period as the anslag/bevis printed it (\"Datum för överklagan "
	  "… till och med\"); styr check names a day other than the law's last day of appeal",
	  .label_sv = "Överklagan till och med",
	  .help_sv = "sista dagen för överklagande som den står på anslaget/beviset (\"Datum för "
	             "överklagan … till och med\"); styr check påtalar en annan dag än lagens "
	             "sista dag för överklagande" },
	{ "storage_place", "storage_place", FIELD_TEXT, 0, NULL, NULL, "Förvaringsplats för protokollet",
	  .label_sv = "Förvaringsplats", .help_sv = "förvaringsplats för protokollet" },
	{ "posted_by", "posted_by_id", FIELD_REF, 0, "persons", NULL, "key of the person who posted it",
	  .label_sv = "Anslaget av", .help_sv = "nyckeln för personen som satte upp anslaget" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define BY_MEETING "(SELECT date FROM meeting WHERE id = t.meeting_id)"

const struct section_desc section_paragraph_starts = {
	"paragraph_starts", "paragraph_start", start_fields, N(start_fields),
	"t.year", "the first § number of a year, when it is not 1", start_after_insert,
	.title_sv = "Första paragrafnummer",
	.help_sv = "årets första paragrafnummer (§), när det inte är 1" };
const struct section_desc section_standard_items = {
	"standard_items", "standard_item", standard_fields, N(standard_fields),
	"t.place DESC, t.position", "a standing item of every agenda, before or after the matters",
	.title_sv = "Stående punkter",
	.help_sv = "en stående punkt på varje ärendelista, före eller efter ärendena" };
const struct section_desc section_meetings = {
	"meetings", "meeting", meeting_fields, N(meeting_fields),
	"t.date", "a meeting of the committee, named by its date",
	.label = "the meeting of {date}",
	.title_sv = "Sammanträden",
	.help_sv = "ett sammanträde i nämnden, som anges med sitt datum" };
const struct section_desc section_attendance = {
	"attendance", "meeting_attendance", attendance_fields, N(attendance_fields),
	BY_MEETING ", t.id", "a person present at a meeting, in the protocol's order",
	.label = "{person} at the meeting of {meeting}",
	.title_sv = "Närvarande",
	.help_sv = "en person som är närvarande vid ett sammanträde, i protokollets ordning" };
const struct section_desc section_justerare = {
	"justerare", "meeting_justerare", justerare_fields, N(justerare_fields),
	BY_MEETING ", t.id", "a person chosen to justera the protocol",
	.label = "justerare {person} of the meeting of {meeting}",
	.title_sv = "Justerare", .help_sv = "en person som utsetts att justera protokollet" };
const struct section_desc section_agenda_items = {
	"agenda_items", "agenda_item", item_fields, N(item_fields),
	BY_MEETING ", t.number", "an agenda item (§) of a meeting and its decision",
	.label = "§ {paragraph} in the meeting of {meeting}",
	.title_sv = "Paragrafer",
	.help_sv = "ett ärende (§) på ett sammanträdes ärendelista och beslutet i det" };
const struct section_desc section_basis_documents = {
	"basis_documents", "basis_document", basis_fields, N(basis_fields),
	BY_MEETING ", t.paragraph, t.id", "a basis document (beslutsunderlag) of a §",
	.label = "basis document \"{title}\" of § {paragraph} in the meeting of {meeting}",
	.title_sv = "Beslutsunderlag",
	.help_sv = "en handling i beslutsunderlaget till en paragraf (§)" };
const struct section_desc section_delegation_decisions = {
	"delegation_decisions", "delegation_decision", delegation_fields, N(delegation_fields),
	BY_MEETING ", t.paragraph, t.id", "a delegation decision reported at a §",
	.label = "delegation decision \"{title}\" of § {paragraph} in the meeting of {meeting}",
	.title_sv = "Delegeringsbeslut",
	.help_sv = "ett delegeringsbeslut som redovisas under en paragraf (§)" };
const struct section_desc section_messages = {
	"messages", "meeting_message", message_fields, N(message_fields),
	BY_MEETING ", t.paragraph, t.id", "a message (meddelande) for the committee's knowledge at a §",
	.label = "message \"{title}\" of § {paragraph} in the meeting of {meeting}",
	.title_sv = "Meddelanden",
	.help_sv = "ett meddelande för nämndens kännedom under en paragraf (§)" };
const struct section_desc section_anslag = {
	"anslag", "anslag", anslag_fields, N(anslag_fields),
	BY_MEETING ", (SELECT code FROM municipality WHERE id = t.municipality_id)",
	"the anslag of a protocol on a member municipality's notice board",
	.label = "the anslag in {municipality} of the meeting of {meeting}",
	.title_sv = "Anslag",
	.help_sv = "anslaget om ett protokolls justering på en medlemskommuns anslagstavla" };
