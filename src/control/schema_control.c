/*
** schema_control.c — migrations 4, 19 and 21 and the data sections of
** cases, political assignments and internal control.
**
** Case numbers are kept as written and, beside them, in their normal form
** for search (control/casenum.h), in the prefix and form of the
** committee (its case_prefix and case_format); the after-write rules
** below refuse what the field types cannot: a case number that is not
** the committee's, a risk grade outside the plan's scale, an area that is
** not the plan's, a follow-up dated outside its plan's year. A plan's
** scales and areas are data (risk_grades, control_areas), with the 4 × 4
** scales and four areas of the seeds for a plan that has none.
** Meetings are another module: an assignment keeps the meeting's date
** and § as data, not as a reference.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control/casenum.h"
#include "control/control_scales.h"
#include "base/strbuf.h"
#include "control/control.h"
#include "db/migrate.h"
#include "org/org.h"
#include "db/section.h"
#include "db/store.h"

const struct migration migration_control = { 4, "cases, assignments, internal control",
	"CREATE TABLE case_file("
	"  id INTEGER PRIMARY KEY,"
	"  number TEXT NOT NULL UNIQUE, number_norm TEXT UNIQUE,"
	"  year INTEGER, seq INTEGER, doc INTEGER,"
	"  title TEXT NOT NULL, registered TEXT, status TEXT, note TEXT);"
	"CREATE TABLE assignment("
	"  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, text TEXT NOT NULL,"
	"  case_number TEXT, case_norm TEXT, case_year INTEGER, case_seq INTEGER,"
	"  meeting_date TEXT, paragraph INTEGER CHECK(paragraph >= 1),"
	"  responsible TEXT, due_date TEXT, note TEXT);"
	"CREATE TABLE assignment_status("
	"  id INTEGER PRIMARY KEY,"
	"  assignment_id INTEGER NOT NULL REFERENCES assignment(id),"
	"  occasion_id INTEGER NOT NULL REFERENCES occasion(id),"
	"  status TEXT, comment TEXT, note TEXT,"
	"  UNIQUE(assignment_id, occasion_id));"
	"CREATE TABLE assignment_report("
	"  id INTEGER PRIMARY KEY,"
	"  occasion_id INTEGER NOT NULL UNIQUE REFERENCES occasion(id),"
	"  previous_id INTEGER REFERENCES occasion(id),"
	"  stated_ongoing INTEGER, stated_finished INTEGER, stated_new INTEGER,"
	"  text TEXT, note TEXT);"
	"CREATE TABLE control_plan("
	"  id INTEGER PRIMARY KEY, year INTEGER NOT NULL UNIQUE, title TEXT NOT NULL,"
	"  adopted TEXT, case_number TEXT, conclusions TEXT, note TEXT);"
	"CREATE TABLE risk_level("
	"  id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES control_plan(id),"
	"  name TEXT NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL,"
	"  colour TEXT NOT NULL, note TEXT,"
	"  UNIQUE(plan_id, name), CHECK(min_value BETWEEN 1 AND max_value AND max_value <= 16));"
	"CREATE TABLE risk("
	"  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
	"  plan_id INTEGER NOT NULL REFERENCES control_plan(id),"
	"  area TEXT NOT NULL, number INTEGER, text TEXT NOT NULL,"
	"  probability INTEGER, consequence INTEGER, stated_value INTEGER,"
	"  goal TEXT, note TEXT);"
	"CREATE TABLE control_moment("
	"  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
	"  risk_id INTEGER NOT NULL REFERENCES risk(id),"
	"  text TEXT NOT NULL, method TEXT, frequency TEXT,"
	"  responsible_id INTEGER REFERENCES person(id), report_to TEXT, note TEXT);"
	"CREATE TABLE control_followup("
	"  id INTEGER PRIMARY KEY,"
	"  moment_id INTEGER NOT NULL REFERENCES control_moment(id),"
	"  label TEXT NOT NULL, date TEXT NOT NULL, status TEXT, comment TEXT,"
	"  responsible_id INTEGER REFERENCES person(id), responsible_text TEXT, note TEXT,"
	"  UNIQUE(moment_id, label));"
	"CREATE TABLE control_action("
	"  id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES control_plan(id),"
	"  number INTEGER NOT NULL, text TEXT NOT NULL, risk_id INTEGER REFERENCES risk(id),"
	"  responsible_id INTEGER REFERENCES person(id), due_date TEXT, note TEXT,"
	"  UNIQUE(plan_id, number));"
};

/* A case closed on a day: the register's status and the date. */
const struct migration migration_control_case_closed = { 19, "case closed date",
	"ALTER TABLE case_file ADD COLUMN closed TEXT;"
};

/* A plan's own scales and areas: the labels of each grade of probability
** and consequence (2 to 5 grades each) and the areas its risks are in.
** The risk levels' values may then reach 5 × 5 = 25: the table is rebuilt
** with the wider check (SQLite cannot change a CHECK in place). */
const struct migration migration_control_scales = { 21, "risk scales and areas as data",
	"CREATE TABLE risk_grade("
	"  id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES control_plan(id),"
	"  axis TEXT NOT NULL, grade INTEGER NOT NULL,"
	"  label TEXT NOT NULL, text TEXT, note TEXT,"
	"  UNIQUE(plan_id, axis, grade));"
	"CREATE TABLE control_area("
	"  id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES control_plan(id),"
	"  name TEXT NOT NULL, position INTEGER, note TEXT,"
	"  UNIQUE(plan_id, name));"
	"CREATE TABLE risk_level_wide("
	"  id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES control_plan(id),"
	"  name TEXT NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL,"
	"  colour TEXT NOT NULL, note TEXT,"
	"  UNIQUE(plan_id, name), CHECK(min_value BETWEEN 1 AND max_value AND max_value <= 25));"
	"INSERT INTO risk_level_wide(id, plan_id, name, min_value, max_value, colour, note)"
	"  SELECT id, plan_id, name, min_value, max_value, colour, note FROM risk_level;"
	"DROP TABLE risk_level;"
	"ALTER TABLE risk_level_wide RENAME TO risk_level;"
};

/* ---- rules run after every insert and update (section.h) ---- */

enum styr_rc control_case_style(struct store *s, struct case_style *out,
                                struct styr_error *err)
{
	struct committee c;
	enum styr_rc rc = org_committee(s, &c, err);
	memset(out, 0, sizeof(*out));
	out->form = CASENUM_ANY;
	if(rc == STYR_ENOTFOUND) {
		styr_error_init(err);
		return STYR_OK;                  /* no committee yet: any number */
	}
	if(rc)
		return rc;
	enum casenum_form f;
	if(!casenum_form_parse(c.case_format, &f))
		rc = styr_error_set(err, STYR_EDB, "committee: unknown case_format '%s'",
		                    c.case_format);
	else {
		out->form = (int)f;
		out->prefix = c.case_prefix;
		c.case_prefix = NULL;
	}
	committee_release(&c);
	return rc;
}

void case_style_release(struct case_style *st)
{
	free(st->prefix);
	memset(st, 0, sizeof(*st));
}

bool case_style_parse(const struct case_style *st, const char *text, struct casenum *out)
{
	return casenum_parse(text, st->prefix, st->form, out);
}

void case_style_expected(const struct case_style *st, struct strbuf *out)
{
	casenum_expected(st->prefix ? st->prefix : "PREFIX",
	                 st->form < 0 ? CASENUM_YY_N : (enum casenum_form)st->form, out);
}

/* Parse a case number against the committee's prefix and form, or
** refuse it. */
static enum styr_rc parse_case(struct store *s, const char *field, const char *text,
                               struct casenum *cn, struct styr_error *err)
{
	struct case_style st;
	enum styr_rc rc = control_case_style(s, &st, err);
	if(!rc && !case_style_parse(&st, text, cn)) {
		struct strbuf sb = STRBUF_INIT;
		case_style_expected(&st, &sb);
		rc = styr_error_set(err, STYR_EINVAL, "%s: \"%s\" is not a case number of this "
		                    "committee: expected %s", field, text, sb.buf);
		strbuf_release(&sb);
	}
	case_style_release(&st);
	return rc;
}

static enum styr_rc update_case_columns(struct store *s, const char *sql, int64_t id,
                                        const struct casenum *cn, struct styr_error *err)
{
	struct strbuf norm = STRBUF_INIT;
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, sql, &st, err);
	if(rc)
		return rc;
	casenum_normalise(cn, &norm);
	stmt_bind_text(st, 1, norm.buf);
	stmt_bind_int(st, 2, cn->year);
	stmt_bind_int(st, 3, cn->seq);
	stmt_bind_int(st, 4, cn->doc);
	stmt_bind_int(st, 5, id);
	if(strstr(sql, "?6"))
		stmt_bind_text(st, 6, case_status_names[CASE_CLOSED]);
	rc = stmt_step(st, &row, err);
	stmt_finalize(st);
	if(rc == STYR_ECONFLICT)
		styr_error_set(err, STYR_ECONFLICT, "number: %s is already registered"
		               " (written another way)", norm.buf);
	strbuf_release(&norm);
	return rc;
}

static enum styr_rc case_after_write(struct store *s, int64_t id,
                                     const struct field_value vals[], struct styr_error *err)
{
	struct casenum cn;
	enum styr_rc rc = parse_case(s, "number", vals[0].s, &cn, err);
	if(!rc && !vals[5].null && !vals[3].null
	   && strcmp(vals[3].s, case_status_names[CASE_CLOSED]))
		rc = styr_error_set(err, STYR_EINVAL, "status: a case closed on %s is %s, "
		                    "found \"%s\"", vals[5].s, case_status_names[CASE_CLOSED],
		                    vals[3].s);
	if(!rc)
		rc = update_case_columns(s, "UPDATE case_file SET number_norm = ?, year = ?,"
		                         " seq = ?, doc = nullif(?, 0),"
		                         " status = CASE WHEN closed IS NOT NULL THEN ?6"
		                         " ELSE status END WHERE id = ?5", id, &cn, err);
	casenum_release(&cn);
	return rc;
}

static enum styr_rc assignment_after_write(struct store *s, int64_t id,
                                           const struct field_value vals[],
                                           struct styr_error *err)
{
	struct casenum cn;
	struct store_stmt *st;
	enum styr_rc rc;
	bool row;
	if(vals[2].null) {
		/* An update may have cleared the case: so are its parts. */
		rc = store_prepare(s, "UPDATE assignment SET case_norm = NULL, case_year = NULL,"
		                   " case_seq = NULL WHERE id = ?", &st, err);
		if(!rc) {
			stmt_bind_int(st, 1, id);
			rc = stmt_step(st, &row, err);
			stmt_finalize(st);
		}
		return rc;
	}
	rc = parse_case(s, "case", vals[2].s, &cn, err);
	if(!rc)
		rc = update_case_columns(s, "UPDATE assignment SET case_norm = ?1, case_year = ?2,"
		                         " case_seq = ?3 WHERE id = ?5", id, &cn, err);
	casenum_release(&cn);
	return rc;
}

/* A grade of the plan's scale, or leave it out. */
static enum styr_rc grade_ok(const char *field, const struct field_value *v,
                             const struct risk_scale *sc, struct styr_error *err)
{
	if(v->null || (v->i >= 1 && v->i <= sc->n))
		return STYR_OK;
	struct strbuf sb = STRBUF_INIT;
	for(int g = 1; g <= sc->n; g++)
		strbuf_addf(&sb, "%s%d (%s)", g == 1 ? "" : g == sc->n ? " or " : ", ",
		            g, sc->label[g - 1]);
	styr_error_set(err, STYR_EINVAL, "%s: expected %s, or leave it out when not assessed;"
	               " found %lld", field, sb.buf, (long long)v->i);
	strbuf_release(&sb);
	return STYR_EINVAL;
}

/* risk fields: key, plan, area, number, text, probability, consequence, value */
static enum styr_rc followups_fit(struct store *s, const char *of, int64_t id,
                                  struct styr_error *err);

static enum styr_rc risk_after_write(struct store *s, int64_t id,
                                     const struct field_value vals[], struct styr_error *err)
{
	struct risk_scale prob = { 0 }, cons = { 0 };
	char **areas = NULL;
	size_t nareas = 0;
	enum styr_rc rc = control_plan_scales(s, vals[1].i, &prob, &cons, err);
	if(!rc)
		rc = control_plan_areas(s, vals[1].i, &areas, &nareas, NULL, err);
	if(!rc) {
		bool known = false;
		for(size_t i = 0; i < nareas; i++)
			known |= !strcmp(areas[i], vals[2].s);
		if(!known) {
			struct strbuf sb = STRBUF_INIT;
			for(size_t i = 0; i < nareas; i++)
				strbuf_addf(&sb, "%s\"%s\"", i ? ", " : "", areas[i]);
			rc = styr_error_set(err, STYR_EINVAL, "area: expected one of %s (the plan's "
			                    "areas), found \"%s\"", sb.buf, vals[2].s);
			strbuf_release(&sb);
		}
	}
	if(!rc)
		rc = grade_ok("probability", &vals[5], &prob, err);
	if(!rc)
		rc = grade_ok("consequence", &vals[6], &cons, err);
	if(!rc && !vals[7].null && (vals[7].i < 1 || vals[7].i > prob.n * cons.n))
		rc = styr_error_set(err, STYR_EINVAL, "value: expected the stated risk value 1-%d,"
		                    " found %lld", prob.n * cons.n, (long long)vals[7].i);
	if(!rc)
		rc = followups_fit(s, "r", id, err);
	risk_scale_release(&prob);
	risk_scale_release(&cons);
	for(size_t i = 0; i < nareas; i++)
		free(areas[i]);
	free(areas);
	return rc;
}

/* risk_grades fields: plan, axis, grade, label, ... The grades of an axis
** fill 1..n when the risks come (risk_after_write reads the scale). */
static enum styr_rc grade_after_write(struct store *s, int64_t id,
                                      const struct field_value vals[],
                                      struct styr_error *err)
{
	(void)s;
	(void)id;
	if(vals[2].i < 1 || vals[2].i > RISK_GRADES_MAX)
		return styr_error_set(err, STYR_EINVAL, "grade: expected 1-%d, found %lld",
		                      RISK_GRADES_MAX, (long long)vals[2].i);
	return STYR_OK;
}

/* risk_levels fields: plan, name, min, max: within the plan's matrix. */
static enum styr_rc level_after_write(struct store *s, int64_t id,
                                      const struct field_value vals[],
                                      struct styr_error *err)
{
	struct risk_scale prob, cons;
	(void)id;
	enum styr_rc rc = control_plan_scales(s, vals[0].i, &prob, &cons, err);
	if(rc)
		return rc;
	int top = prob.n * cons.n;
	if(vals[2].i < 1 || vals[2].i > vals[3].i || vals[3].i > top)
		rc = styr_error_set(err, STYR_EINVAL, "min, max: expected 1 <= min <= max <= %d "
		                    "(the plan's %d × %d matrix), found %lld-%lld", top, prob.n,
		                    cons.n, (long long)vals[2].i, (long long)vals[3].i);
	risk_scale_release(&prob);
	risk_scale_release(&cons);
	return rc;
}

/* followup fields: moment, label, date, ... */
static enum styr_rc followup_after_write(struct store *s, int64_t id,
                                         const struct field_value vals[],
                                         struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s,
	    "SELECT p.year, m.key FROM control_followup f"
	    " JOIN control_moment m ON m.id = f.moment_id JOIN risk r ON r.id = m.risk_id"
	    " JOIN control_plan p ON p.id = r.plan_id WHERE f.id = ?", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, id);
	rc = stmt_step(st, &row, err);
	if(!rc && row && strncmp(vals[2].s, stmt_text(st, 0), 4))
		rc = styr_error_set(err, STYR_EINVAL, "date: %s is not in %s, the year of the plan"
		                    " of control moment \"%s\": expected a date in %s (a follow-up"
		                    " belongs to its own year's plan)", vals[2].s, stmt_text(st, 0),
		                    stmt_text(st, 1), stmt_text(st, 0));
	stmt_finalize(st);
	return rc;
}

/* A plan, risk or control moment that changes year, plan or risk keeps
** each of its follow-ups in the year of its plan. `of` names the row
** changed: "p" a plan, "r" a risk, "m" a control moment. */
static enum styr_rc followups_fit(struct store *s, const char *of, int64_t id,
                                  struct styr_error *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	bool row;
	enum styr_rc rc;

	strbuf_addf(&sql, "SELECT f.label, f.date, m.key, p.year FROM control_followup f"
	            " JOIN control_moment m ON m.id = f.moment_id JOIN risk r ON r.id = m.risk_id"
	            " JOIN control_plan p ON p.id = r.plan_id WHERE %s.id = ?"
	            " AND substr(f.date, 1, 4) <> CAST(p.year AS TEXT) ORDER BY f.id LIMIT 1", of);
	rc = store_prepare(s, sql.buf, &st, err);
	strbuf_release(&sql);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, id);
	rc = stmt_step(st, &row, err);
	if(!rc && row)
		rc = styr_error_set(err, STYR_EINVAL, "follow-up \"%s\" of control moment \"%s\" is"
		                    " dated %s, which would not be in %s, the year of its plan"
		                    " (a follow-up belongs to its own year's plan)", stmt_text(st, 0),
		                    stmt_text(st, 2), stmt_text(st, 1), stmt_text(st, 3));
	stmt_finalize(st);
	return rc;
}

static enum styr_rc plan_after_write(struct store *s, int64_t id,
                                     const struct field_value vals[], struct styr_error *err)
{
	(void)vals;
	return followups_fit(s, "p", id, err);
}

static enum styr_rc moment_after_write(struct store *s, int64_t id,
                                       const struct field_value vals[], struct styr_error *err)
{
	(void)vals;
	return followups_fit(s, "m", id, err);
}

/* ---- sections ---- */


static const char *const risk_axis_names_sv[AXIS_NAXES + 1] = { "sannolikhet", "konsekvens", NULL };

static const struct field_desc case_fields[] = {
	{ "number", "number", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "case number as written in the committee's form, such as \"Syd-IT 21-1\", "
	  "\"Syd-IT 20-6-11\" (a document) or \"GLN 2025/14\"",
	  .label_sv = "Diarienummer",
	  .help_sv = "diarienumret som det skrivs i nämndens form, t.ex. \"Syd-IT 21-1\", "
	  "\"Syd-IT 20-6-11\" (en handling) eller \"GLN 2025/14\"" },
	{ "title", "title", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "title of the case",
	  .label_sv = "Ärendemening", .help_sv = "ärendets rubrik" },
	{ "registered", "registered", FIELD_DATE, 0, NULL, NULL, "registration date",
	  .label_sv = "Registrerat", .help_sv = "registreringsdatum" },
	{ "status", "status", FIELD_ENUM, 0, NULL, case_status_names, "status of the case",
	  .label_sv = "Status", .help_sv = "ärendets status" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
	{ "closed", "closed", FIELD_DATE, 0, NULL, NULL,
	  "the day the case was closed (avslutat); implies status avslutat",
	  .label_sv = "Avslutat", .help_sv = "dagen då ärendet avslutades; ger status avslutat" },
};

static const struct field_desc assignment_fields[] = {
	{ "key", "key", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "short unique key such as \"lokalfragan\"",
	  .label_sv = "Nyckel", .help_sv = "kort unik nyckel, t.ex. \"lokalfragan\"" },
	{ "text", "text", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "the decision as written in the Beslut column",
	  .label_sv = "Beslut", .help_sv = "beslutet som det står i kolumnen Beslut" },
	{ "case", "case_number", FIELD_TEXT, 0, NULL, NULL,
	  "case number as written, such as \"SYD-IT 19-49\"",
	  .label_sv = "Diarienummer",
	  .help_sv = "diarienumret som det skrivs, t.ex. \"SYD-IT 19-49\"" },
	{ "meeting_date", "meeting_date", FIELD_DATE, 0, NULL, NULL,
	  "date of the meeting that gave the assignment",
	  .label_sv = "Sammanträdesdatum", .help_sv = "datum för sammanträdet som gav uppdraget" },
	{ "paragraph", "paragraph", FIELD_INT, 0, NULL, NULL, "§ number of that meeting",
	  .label_sv = "Paragraf", .help_sv = "paragrafens nummer (§) i sammanträdets protokoll" },
	{ "responsible", "responsible", FIELD_TEXT, 0, NULL, NULL,
	  "who was given the assignment, as written (\"förvaltningschefen\")",
	  .label_sv = "Ansvarig",
	  .help_sv = "vem som fick uppdraget, som det står skrivet (\"förvaltningschefen\")" },
	{ "due", "due_date", FIELD_DATE, 0, NULL, NULL, "when it is to be done",
	  .label_sv = "Klart senast", .help_sv = "när uppdraget ska vara genomfört" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc assignment_status_fields[] = {
	{ "assignment", "assignment_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "assignments",
	  NULL, "key of the assignment",
	  .label_sv = "Uppdrag", .help_sv = "nyckeln för uppdraget" },
	{ "occasion", "occasion_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "occasions", NULL,
	  "key of the report occasion",
	  .label_sv = "Rapporttillfälle", .help_sv = "nyckeln för rapporttillfället" },
	{ "status", "status", FIELD_ENUM, 0, NULL, assignment_status_names,
	  "status at the occasion",
	  .label_sv = "Status", .help_sv = "uppdragets status vid rapporttillfället" },
	{ "comment", "comment", FIELD_TEXT, 0, NULL, NULL, "the Kommentar column",
	  .label_sv = "Kommentar", .help_sv = "kolumnen Kommentar" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc assignment_report_fields[] = {
	{ "occasion", "occasion_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "occasions", NULL,
	  "key of the report occasion",
	  .label_sv = "Rapporttillfälle", .help_sv = "nyckeln för rapporttillfället" },
	{ "previous", "previous_id", FIELD_REF, 0, "occasions", NULL,
	  "the occasion of the previous follow-up of assignments",
	  .label_sv = "Föregående tillfälle",
	  .help_sv = "rapporttillfället för den föregående uppföljningen av uppdrag" },
	{ "stated_ongoing", "stated_ongoing", FIELD_INT, 0, NULL, NULL,
	  "number of ongoing assignments as the document states it",
	  .label_sv = "Pågående", .help_sv = "antal pågående uppdrag som dokumentet anger det" },
	{ "stated_finished", "stated_finished", FIELD_INT, 0, NULL, NULL,
	  "number of finished assignments as the document states it",
	  .label_sv = "Avslutade", .help_sv = "antal avslutade uppdrag som dokumentet anger det" },
	{ "stated_new", "stated_new", FIELD_INT, 0, NULL, NULL,
	  "number of new assignments since the previous follow-up, as stated",
	  .label_sv = "Nya",
	  .help_sv = "antal nya uppdrag sedan föregående uppföljning, som dokumentet anger det" },
	{ "text", "text", FIELD_TEXT, 0, NULL, NULL, "the document's introduction",
	  .label_sv = "Inledning", .help_sv = "dokumentets inledning" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc plan_fields[] = {
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "the plan's year",
	  .label_sv = "År", .help_sv = "planens år" },
	{ "title", "title", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "title of the plan or report",
	  .label_sv = "Rubrik", .help_sv = "planens eller rapportens rubrik" },
	{ "adopted", "adopted", FIELD_DATE, 0, NULL, NULL, "date the committee adopted it",
	  .label_sv = "Antagen", .help_sv = "datum då nämnden antog planen" },
	{ "case", "case_number", FIELD_TEXT, 0, NULL, NULL, "case number as written",
	  .label_sv = "Diarienummer", .help_sv = "diarienumret som det skrivs" },
	{ "conclusions", "conclusions", FIELD_TEXT, 0, NULL, NULL,
	  "Slutsatser av uppföljning",
	  .label_sv = "Slutsatser", .help_sv = "slutsatser av uppföljningen" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc grade_fields[] = {
	{ "plan", "plan_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "control_plans", NULL,
	  "year of the plan",
	  .label_sv = "Internkontrollplan", .help_sv = "planens år" },
	{ "axis", "axis", FIELD_ENUM, FIELD_REQUIRED | FIELD_KEY, NULL, risk_axis_names,
	  "the scale: probability (sannolikhet) or consequence (konsekvens)",
	  .label_sv = "Skala",
	  .help_sv = "skalan: sannolikhet eller konsekvens",
	  .allowed_sv = risk_axis_names_sv },
	{ "grade", "grade", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "the grade, 1 the lowest; a scale has grades 1 to 2-5 without gaps",
	  .label_sv = "Steg",
	  .help_sv = "steget, 1 är det lägsta; en skala har stegen 1 till 2-5 utan luckor" },
	{ "label", "label", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "the grade's name, such as \"Osannolik\" or \"Låg\"",
	  .label_sv = "Benämning",
	  .help_sv = "stegets benämning, t.ex. \"Osannolik\" eller \"Låg\"" },
	{ "text", "text", FIELD_TEXT, 0, NULL, NULL,
	  "what the grade means, as the matrix explains it",
	  .label_sv = "Beskrivning",
	  .help_sv = "vad steget innebär, som riskbedömningsmatrisen förklarar det" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc area_fields[] = {
	{ "plan", "plan_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "control_plans", NULL,
	  "year of the plan",
	  .label_sv = "Internkontrollplan", .help_sv = "planens år" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "the area's name as the report heads it, such as \"Ekonomi\"",
	  .label_sv = "Namn",
	  .help_sv = "delområdets namn som rubriken i rapporten, t.ex. \"Ekonomi\"" },
	{ "position", "position", FIELD_INT, 0, NULL, NULL,
	  "place in the report, from 1; default the order of the rows",
	  .label_sv = "Ordning",
	  .help_sv = "plats i rapporten, från 1; om tomt gäller radernas ordning" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc level_fields[] = {
	{ "plan", "plan_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "control_plans", NULL,
	  "year of the plan",
	  .label_sv = "Internkontrollplan", .help_sv = "planens år" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "name of the level, such as \"Medium\"",
	  .label_sv = "Namn", .help_sv = "nivåns namn, t.ex. \"Medium\"" },
	{ "min", "min_value", FIELD_INT, FIELD_REQUIRED, NULL, NULL,
	  "lowest risk value, from 1",
	  .label_sv = "Lägsta värde", .help_sv = "lägsta riskvärde, från 1" },
	{ "max", "max_value", FIELD_INT, FIELD_REQUIRED, NULL, NULL,
	  "highest risk value, at most the matrix's (16 for 4 × 4)",
	  .label_sv = "Högsta värde",
	  .help_sv = "högsta riskvärde, högst matrisens (16 för 4 × 4)" },
	{ "colour", "colour", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "colour as \"#rrggbb\"",
	  .label_sv = "Färg", .help_sv = "färg som \"#rrggbb\"" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc risk_fields[] = {
	{ "key", "key", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "short unique key such as \"2020-backup\"",
	  .label_sv = "Nyckel", .help_sv = "kort unik nyckel, t.ex. \"2020-backup\"" },
	{ "plan", "plan_id", FIELD_REF, FIELD_REQUIRED, "control_plans", NULL, "year of the plan",
	  .label_sv = "Internkontrollplan", .help_sv = "planens år" },
	{ "area", "area", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "area of the risk: one of the plan's control_areas, or of Administration, "
	  "Ekonomi, Personal, Verksamhetsspecifik when it has none",
	  .label_sv = "Delområde",
	  .help_sv = "riskens delområde: ett av planens delområden, eller Administration, "
	  "Ekonomi, Personal eller Verksamhetsspecifik när planen inte har några" },
	{ "number", "number", FIELD_INT, 0, NULL, NULL, "the risk's number in the plan",
	  .label_sv = "Nummer", .help_sv = "riskens nummer i planen" },
	{ "text", "text", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "the risk as written",
	  .label_sv = "Risk", .help_sv = "risken som den är formulerad" },
	{ "probability", "probability", FIELD_INT, 0, NULL, NULL,
	  "sannolikhet, a grade of the plan's scale (1-4 by default); leave out when not assessed",
	  .label_sv = "Sannolikhet",
	  .help_sv = "ett steg i planens skala (1-4 som standard); "
	  "lämna tomt om den inte har bedömts" },
	{ "consequence", "consequence", FIELD_INT, 0, NULL, NULL,
	  "konsekvens, a grade of the plan's scale (1-4 by default); leave out when not assessed",
	  .label_sv = "Konsekvens",
	  .help_sv = "ett steg i planens skala (1-4 som standard); "
	  "lämna tomt om den inte har bedömts" },
	{ "value", "stated_value", FIELD_INT, 0, NULL, NULL,
	  "riskvärde as the document states it",
	  .label_sv = "Riskvärde", .help_sv = "riskvärdet som dokumentet anger det" },
	{ "goal", "goal", FIELD_TEXT, 0, NULL, NULL, "key or text of a goal the risk threatens",
	  .label_sv = "Mål", .help_sv = "nyckeln för eller texten till ett mål som risken hotar" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc moment_fields[] = {
	{ "key", "key", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "short unique key such as \"2020-backup-jobb\"",
	  .label_sv = "Nyckel", .help_sv = "kort unik nyckel, t.ex. \"2020-backup-jobb\"" },
	{ "risk", "risk_id", FIELD_REF, FIELD_REQUIRED, "risks", NULL, "key of the risk",
	  .label_sv = "Risk", .help_sv = "nyckeln för risken" },
	{ "text", "text", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "the Kontrollmoment",
	  .label_sv = "Kontrollmoment", .help_sv = "kontrollmomentet som det är formulerat" },
	{ "method", "method", FIELD_TEXT, 0, NULL, NULL, "Metod",
	  .label_sv = "Metod", .help_sv = "hur kontrollen görs" },
	{ "frequency", "frequency", FIELD_TEXT, 0, NULL, NULL, "how often it is followed up",
	  .label_sv = "Frekvens", .help_sv = "hur ofta kontrollmomentet följs upp" },
	{ "responsible", "responsible_id", FIELD_REF, 0, "persons", NULL,
	  "key of the person responsible",
	  .label_sv = "Ansvarig", .help_sv = "nyckeln för den ansvariga personen" },
	{ "report_to", "report_to", FIELD_TEXT, 0, NULL, NULL, "to whom it is reported",
	  .label_sv = "Rapporteras till", .help_sv = "till vem uppföljningen rapporteras" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc followup_fields[] = {
	{ "moment", "moment_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "control_moments", NULL,
	  "key of the control moment",
	  .label_sv = "Kontrollmoment", .help_sv = "nyckeln för kontrollmomentet" },
	{ "label", "label", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "as written, such as \"Sammanställning tillfälle 1\"",
	  .label_sv = "Uppföljning",
	  .help_sv = "som det står skrivet, t.ex. \"Sammanställning tillfälle 1\"" },
	{ "date", "date", FIELD_DATE, FIELD_REQUIRED, NULL, NULL, "Slutdatum, in the plan's year",
	  .label_sv = "Slutdatum", .help_sv = "slutdatum, inom planens år" },
	{ "status", "status", FIELD_ENUM, 0, NULL, followup_status_names, "result of the follow-up",
	  .label_sv = "Status", .help_sv = "uppföljningens resultat" },
	{ "comment", "comment", FIELD_TEXT, 0, NULL, NULL, "Kommentar",
	  .label_sv = "Kommentar", .help_sv = "kommentaren till uppföljningen" },
	{ "responsible", "responsible_id", FIELD_REF, 0, "persons", NULL,
	  "key of the person responsible",
	  .label_sv = "Ansvarig", .help_sv = "nyckeln för den ansvariga personen" },
	{ "responsible_text", "responsible_text", FIELD_TEXT, 0, NULL, NULL,
	  "Ansvarig as printed when it says more than the name, e.g. \"(borttagen)\"",
	  .label_sv = "Ansvarig enligt rapporten",
	  .help_sv = "ansvarig som det står i rapporten när det säger mer än namnet, t.ex. "
	  "\"(borttagen)\"" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc action_fields[] = {
	{ "plan", "plan_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "control_plans", NULL,
	  "year of the plan",
	  .label_sv = "Internkontrollplan", .help_sv = "planens år" },
	{ "number", "number", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "number of the action in the plan",
	  .label_sv = "Nummer", .help_sv = "åtgärdens nummer i planen" },
	{ "text", "text", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "the åtgärd",
	  .label_sv = "Åtgärd", .help_sv = "åtgärden som den är formulerad" },
	{ "risk", "risk_id", FIELD_REF, 0, "risks", NULL, "key of the risk it answers",
	  .label_sv = "Risk", .help_sv = "nyckeln för risken som åtgärden avser" },
	{ "responsible", "responsible_id", FIELD_REF, 0, "persons", NULL, "key of the person",
	  .label_sv = "Ansvarig", .help_sv = "nyckeln för personen" },
	{ "due", "due_date", FIELD_DATE, 0, NULL, NULL, "when it is to be done",
	  .label_sv = "Klart senast", .help_sv = "när åtgärden ska vara genomförd" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

const struct section_desc section_cases = {
	"cases", "case_file", case_fields, N(case_fields), "t.year, t.seq, t.doc, t.number",
	"a case (ärende) or a document in a case, by its case number",
	case_after_write,
	.title_sv = "Ärenden",
	.help_sv = "ett ärende eller en handling i ett ärende, med sitt diarienummer" };
const struct section_desc section_assignments = {
	"assignments", "assignment", assignment_fields, N(assignment_fields), "t.key",
	"a political assignment (uppdrag) given by the committee",
	assignment_after_write,
	.title_sv = "Uppdrag", .help_sv = "ett politiskt uppdrag som nämnden har gett" };
const struct section_desc section_assignment_status = {
	"assignment_status", "assignment_status", assignment_status_fields,
	N(assignment_status_fields),
	"(SELECT key FROM assignment WHERE id = t.assignment_id),"
	" (SELECT key FROM occasion WHERE id = t.occasion_id)",
	"the status and comment of an assignment at a report occasion", NULL,
	.title_sv = "Uppdragens status",
	.help_sv = "ett uppdrags status och kommentar vid ett rapporttillfälle" };
const struct section_desc section_assignment_reports = {
	"assignment_reports", "assignment_report", assignment_report_fields,
	N(assignment_report_fields), "(SELECT key FROM occasion WHERE id = t.occasion_id)",
	"what a report says about its assignments: the stated counts", NULL,
	.title_sv = "Uppdragsredovisningar",
	.help_sv = "vad en rapport säger om sina uppdrag: de antal den anger" };
const struct section_desc section_control_plans = {
	"control_plans", "control_plan", plan_fields, N(plan_fields), "t.year",
	"the internal-control plan of a year, with its conclusions", plan_after_write,
	.title_sv = "Internkontrollplaner",
	.help_sv = "ett års internkontrollplan, med slutsatser av uppföljningen" };
const struct section_desc section_risk_grades = {
	"risk_grades", "risk_grade", grade_fields, N(grade_fields),
	"(SELECT year FROM control_plan WHERE id = t.plan_id), t.axis DESC, t.grade",
	"a grade of a plan's probability or consequence scale and its label",
	grade_after_write,
	.title_sv = "Skalsteg",
	.help_sv = "ett steg i en plans skala för sannolikhet eller konsekvens, med benämning" };
const struct section_desc section_control_areas = {
	"control_areas", "control_area", area_fields, N(area_fields),
	"(SELECT year FROM control_plan WHERE id = t.plan_id), coalesce(t.position, 1e9), t.id",
	"an area of a plan's risks, in report order", NULL,
	.title_sv = "Delområden",
	.help_sv = "ett delområde för en plans risker, i rapportens ordning" };
const struct section_desc section_risk_levels = {
	"risk_levels", "risk_level", level_fields, N(level_fields),
	"(SELECT year FROM control_plan WHERE id = t.plan_id), t.min_value",
	"a level of the risk matrix: a range of risk values and its colour",
	level_after_write,
	.title_sv = "Risknivåer",
	.help_sv = "en nivå i riskbedömningsmatrisen: ett intervall av riskvärden och dess färg" };
const struct section_desc section_risks = {
	"risks", "risk", risk_fields, N(risk_fields), "t.key",
	"a risk of an internal-control plan", risk_after_write,
	.title_sv = "Risker", .help_sv = "en risk i en internkontrollplan" };
const struct section_desc section_control_moments = {
	"control_moments", "control_moment", moment_fields, N(moment_fields), "t.key",
	"a control moment (kontrollmoment) of a risk", moment_after_write,
	.title_sv = "Kontrollmoment", .help_sv = "ett kontrollmoment för en risk" };
const struct section_desc section_control_followups = {
	"control_followups", "control_followup", followup_fields, N(followup_fields),
	"(SELECT key FROM control_moment WHERE id = t.moment_id), t.date, t.label",
	"a follow-up of a control moment: date, status, comment", followup_after_write,
	.title_sv = "Uppföljningar",
	.help_sv = "en uppföljning av ett kontrollmoment: datum, status, kommentar" };
const struct section_desc section_control_actions = {
	"control_actions", "control_action", action_fields, N(action_fields),
	"(SELECT year FROM control_plan WHERE id = t.plan_id), t.number",
	"an action (åtgärd) decided after the follow-up", NULL,
	.title_sv = "Åtgärder", .help_sv = "en åtgärd som beslutats efter uppföljningen" };
