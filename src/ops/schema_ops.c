/*
** schema_ops.c — migration 9 and the data sections of the operational
** data module: export profiles, the business-hours calendar, settings of
** the indicators, monitored services, expected backup jobs, and which
** indicator and which control moment a computed figure goes to.
**
** The imported rows (tickets, history, calls, outages, assets, invoices,
** backup runs) are not sections: like the ledger they are bulk imports,
** one ops_import row per file with everything read from it under it, so
** that an import can be replaced whole. Instants are INTEGER seconds since
** 1970 UTC; codes are the enums of ops/ops_rules.h and ops/ops_profile.h.
** ops_applied and ops_control_result keep what `styr ops apply` wrote and
** where each figure came from (its provenance).
*/
#include "ops/ops.h"

#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "db/migrate.h"
#include "db/section.h"
#include "db/store.h"
#include "ops/ops_controls.h"
#include "ops/ops_hours.h"
#include "ops/ops_profile.h"
#include "ops/ops_rules.h"
#include "ops/ops_time.h"

const struct migration migration_ops = { 9, "operational data and service indicators",
	"CREATE TABLE ops_profile("
	"  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, system TEXT NOT NULL,"
	"  timezone TEXT, title TEXT, note TEXT);"
	"CREATE TABLE ops_profile_column("
	"  id INTEGER PRIMARY KEY, profile_id INTEGER NOT NULL REFERENCES ops_profile(id),"
	"  source TEXT NOT NULL, field TEXT NOT NULL, heading TEXT NOT NULL, note TEXT,"
	"  UNIQUE(profile_id, source, field));"
	"CREATE TABLE ops_profile_value("
	"  id INTEGER PRIMARY KEY, profile_id INTEGER NOT NULL REFERENCES ops_profile(id),"
	"  vocabulary TEXT NOT NULL, value TEXT NOT NULL, meaning TEXT NOT NULL, note TEXT,"
	"  UNIQUE(profile_id, vocabulary, value));"
	"CREATE TABLE ops_hours("
	"  id INTEGER PRIMARY KEY, valid_from TEXT NOT NULL, weekday INTEGER NOT NULL,"
	"  open TEXT NOT NULL, close TEXT NOT NULL, note TEXT,"
	"  UNIQUE(valid_from, weekday, open));"
	"CREATE TABLE ops_day_off("
	"  id INTEGER PRIMARY KEY, date TEXT NOT NULL UNIQUE, name TEXT, note TEXT);"
	"CREATE TABLE ops_setting("
	"  id INTEGER PRIMARY KEY, name TEXT NOT NULL, value TEXT NOT NULL, note TEXT,"
	"  UNIQUE(name, value));"
	"CREATE TABLE ops_service("
	"  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, category TEXT, note TEXT);"
	"CREATE TABLE ops_backup_job("
	"  id INTEGER PRIMARY KEY, job TEXT NOT NULL UNIQUE, schedule TEXT NOT NULL, note TEXT);"
	"CREATE TABLE ops_indicator_map("
	"  id INTEGER PRIMARY KEY, indicator_id INTEGER NOT NULL UNIQUE REFERENCES indicator(id),"
	"  measure TEXT NOT NULL, argument TEXT, decimals INTEGER, note TEXT);"
	"CREATE TABLE ops_control_map("
	"  id INTEGER PRIMARY KEY, moment_id INTEGER NOT NULL REFERENCES control_moment(id),"
	"  control TEXT NOT NULL, label TEXT, period TEXT, minor_from INTEGER,"
	"  major_from INTEGER, sample_size INTEGER, register TEXT, managed TEXT, note TEXT,"
	"  UNIQUE(moment_id, control));"
	/* imports */
	"CREATE TABLE ops_import("
	"  id INTEGER PRIMARY KEY, source TEXT NOT NULL, profile TEXT NOT NULL,"
	"  file TEXT NOT NULL, period_from TEXT NOT NULL, period_to TEXT NOT NULL,"
	"  rows INTEGER NOT NULL, flagged INTEGER NOT NULL DEFAULT 0, encoding TEXT,"
	"  imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, summary TEXT);"
	"CREATE TABLE ops_ticket("
	"  import_id INTEGER NOT NULL REFERENCES ops_import(id), ticket TEXT NOT NULL,"
	"  type INTEGER NOT NULL, priority INTEGER NOT NULL, created INTEGER NOT NULL,"
	"  status INTEGER, resolved INTEGER, closed INTEGER, grp TEXT, solution INTEGER,"
	"  delivered INTEGER, line INTEGER NOT NULL);"
	/* a ticket's history events as the file lists them one after the
	** other, packed into one row (ops_walk.h gives the form) */
	"CREATE TABLE ops_history("
	"  import_id INTEGER NOT NULL REFERENCES ops_import(id), ticket TEXT NOT NULL,"
	"  events TEXT NOT NULL, count INTEGER NOT NULL, line INTEGER NOT NULL);"
	"CREATE TABLE ops_call("
	"  import_id INTEGER NOT NULL REFERENCES ops_import(id), at INTEGER NOT NULL,"
	"  wait INTEGER NOT NULL, answered INTEGER NOT NULL);"
	"CREATE TABLE ops_outage("
	"  import_id INTEGER NOT NULL REFERENCES ops_import(id), service TEXT NOT NULL,"
	"  category TEXT, start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, kind INTEGER NOT NULL,"
	"  line INTEGER NOT NULL);"
	"CREATE TABLE ops_asset("
	"  import_id INTEGER NOT NULL REFERENCES ops_import(id), key TEXT NOT NULL,"
	"  name TEXT NOT NULL, serial TEXT, line INTEGER NOT NULL);"
	"CREATE TABLE ops_invoice("
	"  import_id INTEGER NOT NULL REFERENCES ops_import(id), number TEXT NOT NULL,"
	"  supplier TEXT NOT NULL, date TEXT NOT NULL, amount INTEGER, text TEXT,"
	"  line INTEGER NOT NULL);"
	"CREATE TABLE ops_backup("
	"  import_id INTEGER NOT NULL REFERENCES ops_import(id), job TEXT NOT NULL,"
	"  start INTEGER NOT NULL, \"end\" INTEGER, result INTEGER NOT NULL, line INTEGER NOT NULL);"
	"CREATE INDEX ops_ticket_by_id ON ops_ticket(ticket);"
	"CREATE INDEX ops_history_by_ticket ON ops_history(ticket);"
	"CREATE INDEX ops_call_by_import ON ops_call(import_id);"
	"CREATE INDEX ops_outage_by_import ON ops_outage(import_id);"
	"CREATE INDEX ops_asset_by_import ON ops_asset(import_id);"
	"CREATE INDEX ops_invoice_by_import ON ops_invoice(import_id);"
	"CREATE INDEX ops_backup_by_import ON ops_backup(import_id);"
	/* what apply wrote */
	"CREATE TABLE ops_applied("
	"  id INTEGER PRIMARY KEY, occasion_id INTEGER NOT NULL REFERENCES occasion(id),"
	"  indicator TEXT NOT NULL, measure TEXT NOT NULL, value TEXT NOT NULL,"
	"  definition TEXT NOT NULL, version INTEGER NOT NULL, period_from TEXT NOT NULL,"
	"  period_to TEXT NOT NULL, files TEXT NOT NULL, rows INTEGER NOT NULL, detail TEXT,"
	"  applied_at TEXT NOT NULL, applied_by TEXT NOT NULL,"
	"  UNIQUE(occasion_id, indicator));"
	"CREATE TABLE ops_control_result("
	"  id INTEGER PRIMARY KEY, occasion_id INTEGER NOT NULL REFERENCES occasion(id),"
	"  moment TEXT NOT NULL, label TEXT NOT NULL, date TEXT NOT NULL, status TEXT NOT NULL,"
	"  comment TEXT NOT NULL, findings TEXT, seed TEXT, files TEXT NOT NULL,"
	"  applied_at TEXT NOT NULL, applied_by TEXT NOT NULL,"
	"  UNIQUE(occasion_id, moment));"
};

/* ---- rules the field types cannot say ---- */

/* profile columns: profile, source, field, heading */
static enum styr_rc column_after_insert(struct store *s, int64_t id,
                                        const struct field_value vals[], struct styr_error *err)
{
	(void)s;
	(void)id;
	enum ops_source src = OPS_NSOURCES;
	for(int i = 0; i < OPS_NSOURCES; i++)
		if(!strcmp(ops_source_names[i], vals[1].s))
			src = (enum ops_source)i;
	if(src == OPS_NSOURCES || ops_field_index(src, vals[2].s) >= 0)
		return STYR_OK;
	size_t n;
	const struct ops_field_def *f = ops_source_fields(src, &n);
	struct strbuf sb = STRBUF_INIT;
	for(size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", f[i].name);
	styr_error_set(err, STYR_EINVAL, "field: \"%s\" is not a field of source %s: expected one of %s",
	               vals[2].s, vals[1].s, sb.buf);
	strbuf_release(&sb);
	return STYR_EINVAL;
}

/* profile values: profile, vocabulary, value, meaning */
static enum styr_rc value_after_insert(struct store *s, int64_t id,
                                       const struct field_value vals[], struct styr_error *err)
{
	(void)s;
	(void)id;
	int code;
	for(int v = 0; v < OPS_NVOCABS; v++) {
		if(strcmp(ops_vocab_names[v], vals[1].s))
			continue;
		if(ops_vocab_code((enum ops_vocab)v, vals[3].s, &code))
			return STYR_OK;
		const char *const *m = ops_vocab_meanings((enum ops_vocab)v, NULL);
		struct strbuf sb = STRBUF_INIT;
		for(int i = 0; m[i]; i++)
			strbuf_addf(&sb, "%s%s", i ? ", " : "", m[i]);
		styr_error_set(err, STYR_EINVAL, "meaning: \"%s\" is not a meaning of vocabulary %s:"
		               " expected one of %s", vals[3].s, vals[1].s, sb.buf);
		strbuf_release(&sb);
		return STYR_EINVAL;
	}
	return STYR_OK;
}

/* hours: valid_from, weekday, open, close */
static enum styr_rc hours_after_insert(struct store *s, int64_t id,
                                       const struct field_value vals[], struct styr_error *err)
{
	(void)s;
	(void)id;
	int a, b;
	if(vals[1].i < 1 || vals[1].i > 7)
		return styr_error_set(err, STYR_EINVAL, "weekday: expected 1 (Monday) to 7 (Sunday),"
		                      " found %lld", (long long)vals[1].i);
	if(!ops_hhmm_parse(vals[2].s, &a))
		return styr_error_set(err, STYR_EINVAL, "open: expected a time HH:MM such as 08:00,"
		                      " found \"%s\"", vals[2].s);
	if(!ops_hhmm_parse(vals[3].s, &b))
		return styr_error_set(err, STYR_EINVAL, "close: expected a time HH:MM such as 17:00"
		                      " (24:00 for midnight), found \"%s\"", vals[3].s);
	if(b <= a)
		return styr_error_set(err, STYR_EINVAL, "close: %s is not after open %s", vals[3].s,
		                      vals[2].s);
	return STYR_OK;
}

const char *const ops_setting_names[] = {
	"response-critical", "response-high", "response-normal", "response-low",
	"service-desk", "calls-variant", "calls-short-abandon", "calls-level1",
	"calls-level2", "order-days", NULL
};

/* settings: name, value */
static enum styr_rc setting_after_insert(struct store *s, int64_t id,
                                         const struct field_value vals[], struct styr_error *err)
{
	const char *name = vals[0].s, *v = vals[1].s;
	int64_t n;
	if(!strncmp(name, "response-", 9)) {
		if(!strcmp(v, "none") || (ops_seconds_parse(v, &n) && !strchr(v, ':')))
			goto single;
		return styr_error_set(err, STYR_EINVAL, "%s: expected whole minutes such as 30,"
		                      " or \"none\", found \"%s\"", name, v);
	}
	if(!strcmp(name, "calls-variant")) {
		for(int i = 0; ops_calls_variant_names[i]; i++)
			if(!strcmp(v, ops_calls_variant_names[i]))
				goto single;
		return styr_error_set(err, STYR_EINVAL, "calls-variant: expected standard, answered"
		                      " or offered, found \"%s\"", v);
	}
	if(!strcmp(name, "service-desk"))
		return STYR_OK;           /* one row per group */
	if(!ops_seconds_parse(v, &n) || strchr(v, ':') || n > 100000)
		return styr_error_set(err, STYR_EINVAL, "%s: expected a whole number, found \"%s\"",
		                      name, v);
single:;
	int64_t count = 0;
	struct store_stmt *st;
	bool row;
	enum styr_rc rc = store_prepare(s, "SELECT count(*) FROM ops_setting WHERE name = ? AND id <> ?",
	                                &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, name);
	stmt_bind_int(st, 2, id);
	rc = stmt_step(st, &row, err);
	if(!rc && row)
		count = stmt_int(st, 0);
	stmt_finalize(st);
	if(!rc && count)
		rc = styr_error_set(err, STYR_EINVAL, "%s: set twice; the setting takes one value", name);
	return rc;
}

/* ---- sections ---- */

static const char *const timezones[] = { "Europe/Stockholm", "UTC", NULL };

static const struct field_desc profile_fields[] = {
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "the profile's name, given to --profile: \"efecte\"",
	  .label_sv = "Namn",
	  .help_sv = "profilens namn, det som anges med --profile: \"efecte\"" },
	{ "system", "system", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "the system as the reports name it: \"Efecte\", \"SCCM\"",
	  .label_sv = "System",
	  .help_sv = "systemet så som rapporterna benämner det: \"Efecte\", \"SCCM\"" },
	{ "timezone", "timezone", FIELD_ENUM, 0, NULL, timezones,
	  "how the exports write times without an offset: Europe/Stockholm (default) or UTC",
	  .label_sv = "Tidszon",
	  .help_sv = "hur exporterna skriver tider utan tidszon: "
	  "Europe/Stockholm (standard) eller UTC" },
	{ "title", "title", FIELD_TEXT, 0, NULL, NULL, "what the profile reads",
	  .label_sv = "Titel", .help_sv = "vad profilen läser in" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc column_fields[] = {
	{ "profile", "profile_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "ops_profiles", NULL,
	  "name of the profile",
	  .label_sv = "Profil", .help_sv = "profilens namn" },
	{ "source", "source", FIELD_ENUM, FIELD_REQUIRED | FIELD_KEY, NULL, ops_source_names,
	  "the kind of export",
	  .label_sv = "Källa", .help_sv = "typ av export" },
	{ "field", "field", FIELD_ENUM, FIELD_REQUIRED | FIELD_KEY, NULL, ops_all_field_names,
	  "the canonical field (docs/ops-indicators.md lists them per source)",
	  .label_sv = "Fält",
	  .help_sv = "fältet i styr (docs/ops-indicators.md listar dem per källa)" },
	{ "heading", "heading", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "the column's heading in the export's first line",
	  .label_sv = "Kolumnrubrik", .help_sv = "kolumnens rubrik på exportfilens första rad" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc value_fields[] = {
	{ "profile", "profile_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "ops_profiles", NULL,
	  "name of the profile",
	  .label_sv = "Profil", .help_sv = "profilens namn" },
	{ "vocabulary", "vocabulary", FIELD_ENUM, FIELD_REQUIRED | FIELD_KEY, NULL,
	  ops_vocab_names, "which words: type, priority, status, field, ...",
	  .label_sv = "Ordlista", .help_sv = "vilka ord: type, priority, status, field, ..." },
	{ "value", "value", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "the word as the system writes it (compared without regard to case)",
	  .label_sv = "Värde",
	  .help_sv = "ordet så som systemet skriver det (versaler och gemener räknas lika)" },
	{ "meaning", "meaning", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "its canonical meaning, e.g. status \"paused\"",
	  .label_sv = "Betydelse", .help_sv = "ordets betydelse i styr, t.ex. status \"paused\"" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc hours_fields[] = {
	{ "valid_from", "valid_from", FIELD_DATE, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "first day these opening hours hold",
	  .label_sv = "Gäller från", .help_sv = "första dagen som öppettiderna gäller" },
	{ "weekday", "weekday", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "1 Monday ... 7 Sunday",
	  .label_sv = "Veckodag", .help_sv = "1 måndag ... 7 söndag" },
	{ "open", "open", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "opens, HH:MM",
	  .label_sv = "Öppnar", .help_sv = "öppnar, HH:MM" },
	{ "close", "close", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "closes, HH:MM (24:00 midnight)",
	  .label_sv = "Stänger", .help_sv = "stänger, HH:MM (24:00 för midnatt)" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc day_off_fields[] = {
	{ "date", "date", FIELD_DATE, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "a day the organisation is closed (klämdag)",
	  .label_sv = "Datum", .help_sv = "en dag då organisationen har stängt (klämdag)" },
	{ "name", "name", FIELD_TEXT, 0, NULL, NULL, "why",
	  .label_sv = "Anledning", .help_sv = "varför det är stängt" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc setting_fields[] = {
	{ "name", "name", FIELD_ENUM, FIELD_REQUIRED | FIELD_KEY, NULL, ops_setting_names,
	  "the setting (docs/ops-indicators.md)",
	  .label_sv = "Inställning", .help_sv = "inställningen (docs/ops-indicators.md)" },
	{ "value", "value", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "its value",
	  .label_sv = "Värde", .help_sv = "inställningens värde" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc service_fields[] = {
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "a monitored service, as the availability export names it",
	  .label_sv = "Tjänst",
	  .help_sv = "en övervakad tjänst, så som tillgänglighetsexporten benämner den" },
	{ "category", "category", FIELD_TEXT, 0, NULL, NULL,
	  "its group: servrar, accesspunkter, Microsoft-tjänster ...",
	  .label_sv = "Kategori",
	  .help_sv = "tjänstens grupp: servrar, accesspunkter, Microsoft-tjänster ..." },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc backup_job_fields[] = {
	{ "job", "job", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "a backup job, as the log names it",
	  .label_sv = "Säkerhetskopieringsjobb",
	  .help_sv = "ett säkerhetskopieringsjobb, så som loggen benämner det" },
	{ "schedule", "schedule", FIELD_ENUM, FIELD_REQUIRED, NULL, ops_schedule_names,
	  "when it must run: daily or workdays",
	  .label_sv = "Schema",
	  .help_sv = "när jobbet ska köras: daily (varje dag) eller workdays (arbetsdagar)" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const struct field_desc indicator_map_fields[] = {
	{ "indicator", "indicator_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "indicators", NULL,
	  "key of the indicator the figure is written to",
	  .label_sv = "Indikator", .help_sv = "nyckeln för indikatorn som värdet skrivs till" },
	{ "measure", "measure", FIELD_ENUM, FIELD_REQUIRED, NULL, ops_measure_names,
	  "the computed figure (styr ops kpi lists them)",
	  .label_sv = "Mått", .help_sv = "det beräknade måttet (styr ops kpi listar dem)" },
	{ "argument", "argument", FIELD_TEXT, 0, NULL, NULL,
	  "availability.category and availability.service: which one",
	  .label_sv = "Urval",
	  .help_sv = "för availability.category och availability.service: "
	  "vilken kategori eller tjänst" },
	{ "decimals", "decimals", FIELD_INT, 0, NULL, NULL,
	  "decimals written (default: 2 for a percentage, 0 otherwise)",
	  .label_sv = "Decimaler",
	  .help_sv = "antal decimaler som skrivs (standard: 2 för en procentsats, annars 0)" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

static const char *const periods[] = { "year-to-date", "since-previous", NULL };

static const struct field_desc control_map_fields[] = {
	{ "moment", "moment_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "control_moments", NULL,
	  "key of the control moment the follow-up is written to",
	  .label_sv = "Kontrollmoment",
	  .help_sv = "nyckeln för kontrollmomentet som uppföljningen skrivs till" },
	{ "control", "control", FIELD_ENUM, FIELD_REQUIRED | FIELD_KEY, NULL, ops_control_names,
	  "the control that runs itself",
	  .label_sv = "Kontroll", .help_sv = "kontrollen som görs automatiskt" },
	{ "label", "label", FIELD_TEXT, 0, NULL, NULL,
	  "label of the follow-up (default \"Automatisk kontroll\")",
	  .label_sv = "Benämning",
	  .help_sv = "uppföljningens benämning (standard \"Automatisk kontroll\")" },
	{ "period", "period", FIELD_ENUM, 0, NULL, periods,
	  "what it looks at: the year to the occasion (default) or since the previous occasion",
	  .label_sv = "Period",
	  .help_sv = "vad kontrollen omfattar: året fram till rapporttillfället (standard) eller "
	  "tiden sedan föregående rapporttillfälle" },
	{ "minor_from", "minor_from", FIELD_INT, 0, NULL, NULL,
	  "findings from which the status is Mindre avvikelser (default 1)",
	  .label_sv = "Mindre avvikelser från",
	  .help_sv = "minsta antal avvikelser för status Mindre avvikelser (standard 1)" },
	{ "major_from", "major_from", FIELD_INT, 0, NULL, NULL,
	  "findings from which it is Större avvikelser (default: never)",
	  .label_sv = "Större avvikelser från",
	  .help_sv = "minsta antal avvikelser för status Större avvikelser (standard: aldrig)" },
	{ "sample_size", "sample_size", FIELD_INT, 0, NULL, NULL,
	  "invoice-sample: how many invoices (default 5)",
	  .label_sv = "Antal stickprov",
	  .help_sv = "för invoice-sample: hur många fakturor (standard 5)" },
	{ "register", "register", FIELD_TEXT, 0, NULL, NULL,
	  "assets: the profile of the register's export (\"efecte\")",
	  .label_sv = "Inventarieregister",
	  .help_sv = "för assets: profilen för inventarieregistrets export (\"efecte\")" },
	{ "managed", "managed", FIELD_TEXT, 0, NULL, NULL,
	  "assets: the profile of the management system's export (\"sccm\")",
	  .label_sv = "Klienthantering",
	  .help_sv = "för assets: profilen för klienthanteringssystemets export (\"sccm\")" },
	{ "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text",
	  .label_sv = "Anteckning", .help_sv = "fritext" },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

const struct section_desc section_ops_profiles = {
	"ops_profiles", "ops_profile", profile_fields, N(profile_fields), "t.name",
	"a profile: how a system's exports are read", NULL,
	.title_sv = "Importprofiler",
	.help_sv = "en importprofil: hur ett systems exportfiler läses in" };
const struct section_desc section_ops_profile_columns = {
	"ops_profile_columns", "ops_profile_column", column_fields, N(column_fields),
	"(SELECT name FROM ops_profile WHERE id = t.profile_id), t.source, t.field",
	"which column of an export holds a field", column_after_insert,
	.title_sv = "Profilkolumner",
	.help_sv = "vilken kolumn i en exportfil som innehåller ett fält" };
const struct section_desc section_ops_profile_values = {
	"ops_profile_values", "ops_profile_value", value_fields, N(value_fields),
	"(SELECT name FROM ops_profile WHERE id = t.profile_id), t.vocabulary, t.value",
	"what a word of a system's export means", value_after_insert,
	.title_sv = "Profilord", .help_sv = "vad ett ord i ett systems exportfil betyder" };
const struct section_desc section_ops_hours = {
	"ops_hours", "ops_hours", hours_fields, N(hours_fields), "t.valid_from, t.weekday, t.open",
	"opening hours of a weekday, from a date on", hours_after_insert,
	.title_sv = "Öppettider",
	.help_sv = "öppettider för en veckodag, från och med ett datum" };
const struct section_desc section_ops_days_off = {
	"ops_days_off", "ops_day_off", day_off_fields, N(day_off_fields), "t.date",
	"a day the organisation is closed", NULL,
	.title_sv = "Lediga dagar", .help_sv = "en dag då organisationen har stängt (klämdag)" };
const struct section_desc section_ops_settings = {
	"ops_settings", "ops_setting", setting_fields, N(setting_fields), "t.name, t.value",
	"a setting of the service indicators", setting_after_insert,
	.title_sv = "Inställningar", .help_sv = "en inställning för serviceindikatorerna" };
const struct section_desc section_ops_services = {
	"ops_services", "ops_service", service_fields, N(service_fields), "t.name",
	"a monitored service", NULL,
	.title_sv = "Övervakade tjänster", .help_sv = "en övervakad tjänst" };
const struct section_desc section_ops_backup_jobs = {
	"ops_backup_jobs", "ops_backup_job", backup_job_fields, N(backup_job_fields), "t.job",
	"a backup job that must run", NULL,
	.title_sv = "Säkerhetskopieringsjobb",
	.help_sv = "ett säkerhetskopieringsjobb som måste köras" };
const struct section_desc section_ops_indicator_map = {
	"ops_indicator_map", "ops_indicator_map", indicator_map_fields, N(indicator_map_fields),
	"(SELECT key FROM indicator WHERE id = t.indicator_id)",
	"which computed figure an indicator takes", NULL,
	.title_sv = "Indikatorkopplingar",
	.help_sv = "vilket beräknat mått en indikator hämtar sitt värde från" };
const struct section_desc section_ops_control_map = {
	"ops_control_map", "ops_control_map", control_map_fields, N(control_map_fields),
	"(SELECT key FROM control_moment WHERE id = t.moment_id), t.control",
	"which control runs itself for a control moment", NULL,
	.title_sv = "Kontrollkopplingar",
	.help_sv = "vilken kontroll som görs automatiskt för ett kontrollmoment" };
