/*
** schema_goals.c — migration 2 and the data sections of goals and
** indicators (MER-styrning): verdict settings per year, kommunfullmäktiges
** mål, nämndmål, indicators, their targets per year and their values per
** report occasion.
**
** Structure is per year: a goal or an indicator row belongs to one year
** and has a key unique over all years ("2020-ge-god-service"). Targets,
** baselines and values are kept exactly as written ("högst 15 st",
** "6,72%"); goals/target.c reads them when a verdict is computed.
*/
#include "goals/goals.h"

#include "base/strbuf.h"
#include "goals/target.h"
#include "db/migrate.h"
#include "db/section.h"
#include "db/store.h"

/* A report may print another target than the year's (Prognosrapport
** 1-2020 has "högst 10 st" where the annual report has "högst 20 st"); the
** value of that occasion keeps the target as the report printed it. */
const struct migration migration_goals_occasion_target = { 8, "indicator target per occasion",
	"ALTER TABLE indicator_value ADD COLUMN target TEXT;"
};

const struct migration migration_goals = { 2, "goals and indicators",
	"CREATE TABLE goal_settings("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL UNIQUE,"
	"  delvis TEXT NOT NULL, tolerance TEXT, goal_rule TEXT NOT NULL,"
	"  summary TEXT NOT NULL, stated_summary TEXT, note TEXT);"
	"CREATE TABLE council_goal("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE, year INTEGER NOT NULL, perspective TEXT,"
	"  name TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0, note TEXT);"
	"CREATE TABLE committee_goal("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE, year INTEGER NOT NULL,"
	"  council_goal_id INTEGER REFERENCES council_goal(id),"
	"  name TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0, note TEXT);"
	"CREATE TABLE indicator("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE, year INTEGER NOT NULL,"
	"  council_goal_id INTEGER REFERENCES council_goal(id),"
	"  committee_goal_id INTEGER REFERENCES committee_goal(id),"
	"  name TEXT NOT NULL, unit TEXT NOT NULL, direction TEXT NOT NULL,"
	"  baseline TEXT, position INTEGER NOT NULL DEFAULT 0, note TEXT,"
	"  CHECK(council_goal_id IS NOT NULL OR committee_goal_id IS NOT NULL));"
	"CREATE TABLE indicator_target("
	"  id INTEGER PRIMARY KEY,"
	"  indicator_id INTEGER NOT NULL REFERENCES indicator(id),"
	"  year INTEGER NOT NULL, target TEXT NOT NULL, note TEXT,"
	"  UNIQUE(indicator_id, year));"
	"CREATE TABLE indicator_value("
	"  id INTEGER PRIMARY KEY,"
	"  indicator_id INTEGER NOT NULL REFERENCES indicator(id),"
	"  occasion_id INTEGER NOT NULL REFERENCES occasion(id),"
	"  outcome TEXT, forecast TEXT, comment TEXT,"
	"  verdict TEXT, motivation TEXT, note TEXT,"
	"  CHECK(verdict IS NULL OR motivation IS NOT NULL),"
	"  UNIQUE(indicator_id, occasion_id));"
};

/* What the web application shows for the English values (section.h). */
static const char *const delvis_rule_names_sv[DELVIS_RULES + 1] = {
	[DELVIS_NONE] = "inget", [DELVIS_TOLERANCE] = "inom tolerans från målvärdet",
	[DELVIS_IMPROVED] = "förbättring från utgångsvärdet", NULL
};
static const char *const goal_rule_names_sv[GOAL_RULES + 1] = {
	[GOAL_MORE_THAN_HALF] = "mer än hälften", [GOAL_AT_LEAST_HALF] = "minst hälften", NULL
};
static const char *const summary_kind_names_sv[SUMMARY_KINDS + 1] = {
	[SUMMARY_INDICATORS] = "indikatorer", [SUMMARY_GOALS] = "nämndmål", NULL
};
static const char *const ind_unit_names_sv[UNIT_KINDS + 1] = {
	[UNIT_PERCENT] = "procent", [UNIT_COUNT] = "antal", [UNIT_TKR] = "tkr",
	[UNIT_YESNO] = "ja/nej", [UNIT_NUMBER] = "tal", NULL
};
static const char *const ind_direction_names_sv[DIRECTION_KINDS + 1] = {
	[DIR_HIGHER] = "högre är bättre", [DIR_LOWER] = "lägre är bättre", [DIR_YES] = "ja", NULL
};

static const struct field_desc settings_fields[] = {
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "the year assessed",
	  .label_sv = "År", .help_sv = "året som bedöms" },
	{ "delvis", "delvis", FIELD_ENUM, FIELD_REQUIRED, NULL, delvis_rule_names,
	  "what counts as delvis uppnådd: none, within a tolerance of the target, "
	  "or improved from the baseline",
	  .label_sv = "Delvis uppnådd",
	  .help_sv = "vad som räknas som delvis uppnådd: inget, inom en tolerans från "
	  "målvärdet eller förbättring från utgångsvärdet",
	  .allowed_sv = delvis_rule_names_sv },
	{ "tolerance", "tolerance", FIELD_NUMBER, 0, NULL, NULL,
	  "for delvis \"tolerance\": percent of the target, e.g. 5",
	  .label_sv = "Tolerans",
	  .help_sv = "för delvis \"tolerance\": procent av målvärdet, t.ex. 5" },
	{ "goal_rule", "goal_rule", FIELD_ENUM, FIELD_REQUIRED, NULL, goal_rule_names,
	  "how a nämndmål is judged from its indicators: more than half (2020) or "
	  "at least half (2024) reached or partly reached = uppnås delvis",
	  .label_sv = "Bedömning av nämndmål",
	  .help_sv = "hur ett nämndmål bedöms utifrån sina indikatorer: mer än hälften (2020) "
	  "eller minst hälften (2024) uppnådda eller delvis uppnådda = uppnås delvis",
	  .allowed_sv = goal_rule_names_sv },
	{ "summary", "summary", FIELD_ENUM, FIELD_REQUIRED, NULL, summary_kind_names,
	  "what the summary line counts: indicators (2020) or goals (2024)",
	  .label_sv = "Sammanfattning",
	  .help_sv = "vad sammanfattningsraden räknar: indikatorer (2020) eller nämndmål (2024)",
	  .allowed_sv = summary_kind_names_sv },
	{ "stated_summary", "stated_summary", FIELD_TEXT, 0, NULL, NULL,
	  "the summary line as the document states it, compared by styr check",
	  .label_sv = "Angiven sammanfattning",
	  .help_sv = "sammanfattningsraden som den står i dokumentet, jämförs av styr check" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc council_fields[] = {
	{ "key", "key", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "unique key such as \"2020-kf-hallbart\"",
	  .label_sv = "Nyckel", .help_sv = "unik nyckel, t.ex. \"2020-kf-hallbart\"" },
	{ "year", "year", FIELD_INT, FIELD_REQUIRED, NULL, NULL, "the year of the structure",
	  .label_sv = "År", .help_sv = "året som målstrukturen gäller för" },
	{ "perspective", "perspective", FIELD_TEXT, 0, NULL, NULL,
	  "perspective or target area, e.g. \"Attraktiv kommun - ...\"",
	  .label_sv = "Perspektiv",
	  .help_sv = "perspektiv eller målområde, t.ex. \"Attraktiv kommun - ...\"" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "the goal as written",
	  .label_sv = "Mål", .help_sv = "målet som det står skrivet" },
	{ "position", "position", FIELD_INT, FIELD_REQUIRED, NULL, NULL,
	  "order in the document: 1, 2, 3 ...",
	  .label_sv = "Ordning", .help_sv = "ordning i dokumentet: 1, 2, 3 ..." },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc committee_goal_fields[] = {
	{ "key", "key", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "unique key such as \"2020-ge-god-service\"",
	  .label_sv = "Nyckel", .help_sv = "unik nyckel, t.ex. \"2020-ge-god-service\"" },
	{ "year", "year", FIELD_INT, FIELD_REQUIRED, NULL, NULL, "the year of the structure",
	  .label_sv = "År", .help_sv = "året som målstrukturen gäller för" },
	{ "council_goal", "council_goal_id", FIELD_REF, 0, "council_goals", NULL,
	  "key of the kommunfullmäktiges mål it serves",
	  .label_sv = "Kommunfullmäktiges mål",
	  .help_sv = "nyckeln för kommunfullmäktiges mål som nämndmålet bidrar till" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "the nämndmål as written",
	  .label_sv = "Nämndmål", .help_sv = "nämndmålet som det står skrivet" },
	{ "position", "position", FIELD_INT, FIELD_REQUIRED, NULL, NULL,
	  "order in the document: 1, 2, 3 ...",
	  .label_sv = "Ordning", .help_sv = "ordning i dokumentet: 1, 2, 3 ..." },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc indicator_fields[] = {
	{ "key", "key", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "unique key such as \"2020-sjukfranvaro\"",
	  .label_sv = "Nyckel", .help_sv = "unik nyckel, t.ex. \"2020-sjukfranvaro\"" },
	{ "year", "year", FIELD_INT, FIELD_REQUIRED, NULL, NULL, "the year of the structure",
	  .label_sv = "År", .help_sv = "året som målstrukturen gäller för" },
	{ "council_goal", "council_goal_id", FIELD_REF, 0, "council_goals", NULL,
	  "key of the kommunfullmäktiges mål, for an indicator without a nämndmål",
	  .label_sv = "Kommunfullmäktiges mål",
	  .help_sv = "nyckeln för kommunfullmäktiges mål, för en indikator utan nämndmål" },
	{ "committee_goal", "committee_goal_id", FIELD_REF, 0, "committee_goals", NULL,
	  "key of the nämndmål",
	  .label_sv = "Nämndmål", .help_sv = "nyckeln för nämndmålet" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "the indicator as written",
	  .label_sv = "Indikator", .help_sv = "indikatorn som den står skriven" },
	{ "unit", "unit", FIELD_ENUM, FIELD_REQUIRED, NULL, ind_unit_names, "what is measured",
	  .label_sv = "Enhet", .help_sv = "enheten för det som mäts",
	  .allowed_sv = ind_unit_names_sv },
	{ "direction", "direction", FIELD_ENUM, FIELD_REQUIRED, NULL, ind_direction_names,
	  "which way is better: higher, lower, or yes (Ja)",
	  .label_sv = "Riktning",
	  .help_sv = "vad som är bättre: högre, lägre eller ja",
	  .allowed_sv = ind_direction_names_sv },
	{ "baseline", "baseline", FIELD_TEXT, 0, NULL, NULL,
	  "utgångsvärde as written, e.g. \"34 st\"",
	  .label_sv = "Utgångsvärde",
	  .help_sv = "utgångsvärdet som det står skrivet, t.ex. \"34 st\"" },
	{ "position", "position", FIELD_INT, FIELD_REQUIRED, NULL, NULL,
	  "order in the document: 1, 2, 3 ...",
	  .label_sv = "Ordning", .help_sv = "ordning i dokumentet: 1, 2, 3 ..." },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc target_fields[] = {
	{ "indicator", "indicator_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "indicators", NULL,
	  "key of the indicator",
	  .label_sv = "Indikator", .help_sv = "nyckeln för indikatorn" },
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "the year of the target",
	  .label_sv = "År", .help_sv = "året som målvärdet gäller för" },
	{ "target", "target", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "målvärde as written: \"högst 15 st\", \"max 40\", \"≤ 5 %\", \"≥ 74\", \"över 70 %\", "
	  "\"Öka från 71,13\", \"80–90 %\", \"Ja\", \"85%\" ...",
	  .label_sv = "Målvärde",
	  .help_sv = "målvärdet som det står skrivet: \"högst 15 st\", \"max 40\", \"≤ 5 %\", "
	  "\"≥ 74\", \"över 70 %\", \"Öka från 71,13\", \"80–90 %\", \"Ja\", \"85%\" ..." },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc value_fields[] = {
	{ "indicator", "indicator_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "indicators", NULL,
	  "key of the indicator",
	  .label_sv = "Indikator", .help_sv = "nyckeln för indikatorn" },
	{ "occasion", "occasion_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "occasions", NULL,
	  "key of the report occasion",
	  .label_sv = "Rapporttillfälle", .help_sv = "rapporttillfällets nyckel" },
	{ "outcome", "outcome", FIELD_TEXT, 0, NULL, NULL,
	  "utfall / nuvärde as written, e.g. \"6,72%\"",
	  .label_sv = "Utfall",
	  .help_sv = "utfall/nuvärde som det står skrivet, t.ex. \"6,72%\"" },
	{ "forecast", "forecast", FIELD_TEXT, 0, NULL, NULL, "prognos as written",
	  .label_sv = "Prognos", .help_sv = "prognosen som den står skriven" },
	{ "comment", "comment", FIELD_TEXT, 0, NULL, NULL, "comment in the report",
	  .label_sv = "Analys", .help_sv = "analys eller kommentar i rapporten" },
	{ "target", "target", FIELD_TEXT, 0, NULL, NULL,
	  "målvärde as this report printed it, when it differs from the year's target",
	  .label_sv = "Målvärde i rapporten",
	  .help_sv = "målvärdet som rapporten angav det, när det skiljer sig från årets målvärde" },
	{ "verdict", "verdict", FIELD_ENUM, 0, NULL, verdict_names,
	  "a verdict set by hand (needs a motivation)",
	  .label_sv = "Bedömning", .help_sv = "bedömning satt för hand (kräver en motivering)" },
	{ "motivation", "motivation", FIELD_TEXT, 0, NULL, NULL, "why the verdict was set by hand",
	  .label_sv = "Motivering", .help_sv = "varför bedömningen sattes för hand" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text, e.g. a doubt about the source",
	  .label_sv = "Anteckning", .help_sv = "fritext, t.ex. en tveksamhet om källan" },
};

/* A target must be one styr can read (target_forms) and must not
** contradict its indicator's direction or unit ("högst 15 st" where
** higher is better, "Ja" for a percentage). Checked when a target is
** written, and (direction and unit) when its indicator is. */
static enum styr_rc check_target(struct store *s, int64_t indicator, const char *text,
                                 struct styr_error *err)
{
	struct store_stmt *st;
	struct target t;
	enum ind_unit unit = UNIT_NUMBER;
	enum ind_direction dir = DIR_HIGHER;
	struct strbuf why = STRBUF_INIT;
	bool row;
	enum styr_rc rc = store_prepare(s, "SELECT key, unit, direction FROM indicator WHERE id = ?",
	                                &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, indicator);
	rc = stmt_step(st, &row, err);
	if(!rc && row) {
		unit_from_name(stmt_text(st, 1), &unit);
		direction_from_name(stmt_text(st, 2), &dir);
		target_parse(text, &t);
		if(t.kind == TARGET_TEXT)
			rc = styr_error_set(err, STYR_EINVAL, "target: \"%s\" is not a target styr can "
			                    "read; expected %s", text, target_forms());
		else if(target_contradicts(&t, dir, unit, &why))
			rc = styr_error_set(err, STYR_EINVAL,
			                    "target: \"%s\" does not fit indicator %s: %s",
			                    text, stmt_text(st, 0), why.buf);
		target_release(&t);
	}
	stmt_finalize(st);
	strbuf_release(&why);
	return rc;
}

/* indicator_targets fields: indicator, year, target, note */
static enum styr_rc target_after_write(struct store *s, int64_t id,
                                       const struct field_value *vals,
                                       struct styr_error *err)
{
	(void)id;
	return check_target(s, vals[0].i, vals[2].s, err);
}

/* indicator_values fields: indicator, occasion, outcome, forecast,
** comment, target, ...: a target the report printed is read the same way. */
static enum styr_rc value_after_write(struct store *s, int64_t id,
                                      const struct field_value *vals,
                                      struct styr_error *err)
{
	(void)id;
	return vals[5].null ? STYR_OK : check_target(s, vals[0].i, vals[5].s, err);
}

/* indicator fields: key, year, council_goal, committee_goal, name, unit,
** direction, ... An indicator that changes unit or direction keeps
** targets that fit it. */
static enum styr_rc indicator_after_write(struct store *s, int64_t id,
                                          const struct field_value *vals,
                                          struct styr_error *err)
{
	struct store_stmt *st;
	enum ind_unit unit = UNIT_NUMBER;
	enum ind_direction dir = DIR_HIGHER;
	struct strbuf why = STRBUF_INIT;
	bool row;
	enum styr_rc rc = store_prepare(s, "SELECT target, year FROM indicator_target"
	                                " WHERE indicator_id = ? ORDER BY year", &st, err);
	if(rc)
		return rc;
	unit_from_name(vals[5].s, &unit);
	direction_from_name(vals[6].s, &dir);
	stmt_bind_int(st, 1, id);
	while(!rc && !(rc = stmt_step(st, &row, err)) && row) {
		struct target t;
		target_parse(stmt_text(st, 0), &t);
		if(target_contradicts(&t, dir, unit, &why))
			rc = styr_error_set(err, STYR_EINVAL, "unit, direction: the target of %lld,"
			                    " \"%s\", would not fit: %s", (long long)stmt_int(st, 1),
			                    stmt_text(st, 0), why.buf);
		target_release(&t);
	}
	stmt_finalize(st);
	strbuf_release(&why);
	return rc;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

const struct section_desc section_goal_settings = {
	"goal_settings", "goal_settings", settings_fields, N(settings_fields),
	"t.year", "how goal fulfilment is judged in a year",
	.title_sv = "Bedömningsregler", .help_sv = "hur måluppfyllelsen bedöms ett visst år" };
const struct section_desc section_council_goals = {
	"council_goals", "council_goal", council_fields, N(council_fields),
	"t.year, t.position, t.key", "a kommunfullmäktiges mål of a year",
	.title_sv = "Kommunfullmäktiges mål",
	.help_sv = "ett av kommunfullmäktiges mål för ett år" };
const struct section_desc section_committee_goals = {
	"committee_goals", "committee_goal", committee_goal_fields, N(committee_goal_fields),
	"t.year, t.position, t.key", "a nämndmål of a year",
	.title_sv = "Nämndmål", .help_sv = "ett nämndmål för ett år" };
const struct section_desc section_indicators = {
	"indicators", "indicator", indicator_fields, N(indicator_fields),
	"t.year, t.position, t.key", "an indicator of a year with unit, direction and baseline",
	indicator_after_write,
	.title_sv = "Indikatorer",
	.help_sv = "en indikator för ett år med enhet, riktning och utgångsvärde" };
const struct section_desc section_indicator_targets = {
	"indicator_targets", "indicator_target", target_fields, N(target_fields),
	"(SELECT key FROM indicator WHERE id = t.indicator_id), t.year",
	"the målvärde of an indicator for a year, as written", target_after_write,
	.title_sv = "Målvärden",
	.help_sv = "en indikators målvärde för ett år, som det står skrivet" };
const struct section_desc section_indicator_values = {
	"indicator_values", "indicator_value", value_fields, N(value_fields),
	"(SELECT key FROM indicator WHERE id = t.indicator_id),"
	" (SELECT year || coalesce(date, '') || key FROM occasion WHERE id = t.occasion_id)",
	"outcome, forecast, comment and a manual verdict of an indicator at a report occasion",
	value_after_write,
	.title_sv = "Indikatorvärden",
	.help_sv = "utfall, prognos, analys och bedömning satt för hand för en indikator vid ett "
	"rapporttillfälle" };
