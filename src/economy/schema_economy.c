/*
** schema_economy.c — migration 3 and the data sections of the economy:
** accounts and their mapping to report lines, the operating account
** (driftredovisning) per report occasion with the totals as the document
** states them, member contributions, investment projects and their
** figures, capital-cost parameters and the split of a year's result.
**
** Figures a document prints are stored as it prints them ("stated_…")
** beside the figures styr computes from the rows; `styr check` names every
** difference. Amounts are öre (MONEY), written as kronor in JSON.
*/
#include "economy/economy.h"
#include "db/migrate.h"
#include "db/section.h"

const struct migration migration_economy = { 3, "economy",
	"CREATE TABLE econ_account("
	"  id INTEGER PRIMARY KEY,"
	"  number INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,"
	"  note TEXT);"
	"CREATE TABLE econ_line_map("
	"  id INTEGER PRIMARY KEY,"
	"  mapping TEXT NOT NULL, line TEXT NOT NULL,"
	"  account_from INTEGER NOT NULL, account_to INTEGER NOT NULL,"
	"  note TEXT, CHECK(account_from <= account_to),"
	"  UNIQUE(mapping, line, account_from));"
	"CREATE TABLE econ_drift_line("
	"  id INTEGER PRIMARY KEY,"
	"  occasion_id INTEGER NOT NULL REFERENCES occasion(id),"
	"  position INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,"
	"  municipality_id INTEGER REFERENCES municipality(id), mapping TEXT,"
	"  budget INTEGER, budget_prev INTEGER, outcome INTEGER, forecast INTEGER,"
	"  stated_deviation INTEGER, stated_change INTEGER, note TEXT,"
	"  UNIQUE(occasion_id, position));"
	"CREATE TABLE econ_drift_total("
	"  id INTEGER PRIMARY KEY,"
	"  occasion_id INTEGER NOT NULL REFERENCES occasion(id),"
	"  position INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,"
	"  budget INTEGER, budget_prev INTEGER, outcome INTEGER, forecast INTEGER,"
	"  stated_deviation INTEGER, stated_change INTEGER, note TEXT,"
	"  UNIQUE(occasion_id, position));"
	"CREATE TABLE econ_contribution("
	"  id INTEGER PRIMARY KEY,"
	"  municipality_id INTEGER NOT NULL REFERENCES municipality(id),"
	"  year INTEGER NOT NULL, amount INTEGER NOT NULL, note TEXT,"
	"  UNIQUE(municipality_id, year));"
	"CREATE TABLE econ_project("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
	"  municipality_id INTEGER REFERENCES municipality(id), programme TEXT,"
	"  note TEXT);"
	"CREATE TABLE econ_invest_row("
	"  id INTEGER PRIMARY KEY,"
	"  occasion_id INTEGER NOT NULL REFERENCES occasion(id),"
	"  project_id INTEGER NOT NULL REFERENCES econ_project(id),"
	"  position INTEGER NOT NULL, name TEXT NOT NULL,"
	"  budget INTEGER, outcome INTEGER, forecast INTEGER,"
	"  stated_deviation INTEGER, stated_percent TEXT,"
	"  stated_forecast_deviation INTEGER, remaining INTEGER, note TEXT,"
	"  UNIQUE(occasion_id, project_id));"
	"CREATE TABLE econ_invest_total("
	"  id INTEGER PRIMARY KEY,"
	"  occasion_id INTEGER NOT NULL REFERENCES occasion(id),"
	"  name TEXT NOT NULL, programme TEXT,"
	"  budget INTEGER, outcome INTEGER, forecast INTEGER,"
	"  stated_deviation INTEGER, stated_percent TEXT,"
	"  stated_forecast_deviation INTEGER, note TEXT,"
	"  UNIQUE(occasion_id, name));"
	"CREATE TABLE econ_capital_param("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL UNIQUE, interest_rate TEXT NOT NULL,"
	"  activation_month INTEGER NOT NULL CHECK(activation_month BETWEEN 1 AND 12),"
	"  stated_total_amount INTEGER, stated_total_cost INTEGER, note TEXT);"
	"CREATE TABLE econ_capital_project("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL,"
	"  project_id INTEGER NOT NULL REFERENCES econ_project(id),"
	"  position INTEGER NOT NULL, name TEXT NOT NULL, amount INTEGER NOT NULL,"
	"  life_years INTEGER NOT NULL CHECK(life_years > 0),"
	"  other_life_years INTEGER CHECK(other_life_years > 0),"
	"  other_life_amount INTEGER, stated_cost INTEGER, note TEXT,"
	"  UNIQUE(year, project_id));"
	"CREATE TABLE econ_split("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL UNIQUE, amount INTEGER NOT NULL, key_date TEXT,"
	"  note TEXT);"
	"CREATE TABLE econ_split_part("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL,"
	"  municipality_id INTEGER NOT NULL REFERENCES municipality(id),"
	"  stated INTEGER NOT NULL, note TEXT,"
	"  UNIQUE(year, municipality_id));"
};

/* What a result is split by: population on a date (the default, as
** before), fixed shares or another numeric key per member. */
const struct migration migration_economy_split_key = { 20, "result split key",
	"ALTER TABLE econ_split ADD COLUMN key_kind TEXT;"
	"ALTER TABLE econ_split ADD COLUMN key_name TEXT;"
	"CREATE TABLE econ_split_key("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL,"
	"  municipality_id INTEGER NOT NULL REFERENCES municipality(id),"
	"  value TEXT NOT NULL, note TEXT,"
	"  UNIQUE(year, municipality_id));"
};

#define NOTE { "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text", \
	.label_sv = "Anteckning", .help_sv = "fritext" }
#define MONEY(k, help, lsv, hsv) { k, k, FIELD_MONEY, 0, NULL, NULL, help, \
	.label_sv = lsv, .help_sv = hsv }

static const char *const account_kinds[] = { "revenue", "cost", "financial", NULL };
/* The kinds (econ_kind_names, economy_rules.h) a drift line and a drift
** total may have: a line is no net, a total no contribution. test_economy
** checks that each names an econ_kind. */
static const char *const line_kinds[] = { "revenue", "contribution", "cost", NULL };
static const char *const total_kinds[] = { "revenue", "cost", "net", NULL };
static const char *const account_kinds_sv[] = { "intäkt", "kostnad", "finansiell post", NULL };
static const char *const line_kinds_sv[] = { "intäkt", "driftbidrag", "kostnad", NULL };
static const char *const total_kinds_sv[] = { "intäkter", "kostnader", "netto", NULL };
static const char *const split_key_names_sv[] = {
	[SPLIT_POPULATION] = "folkmängd", [SPLIT_SHARES] = "andelar", [SPLIT_KEY] = "fördelningsnyckel",
	NULL
};

static const struct field_desc account_fields[] = {
	{ "number", "number", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "account number such as 5011",
	  .label_sv = "Kontonummer", .help_sv = "kontonummer, t.ex. 5011" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "account name",
	  .label_sv = "Kontonamn", .help_sv = "kontots benämning i kontoplanen" },
	{ "kind", "kind", FIELD_ENUM, FIELD_REQUIRED, NULL, account_kinds, "kind of account",
	  .label_sv = "Kontotyp", .help_sv = "typ av konto",
	  .allowed_sv = account_kinds_sv },
	NOTE,
};

static const struct field_desc line_map_fields[] = {
	{ "mapping", "mapping", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "name of the mapping such as \"kommun-bas\"",
	  .label_sv = "Kontokoppling", .help_sv = "kontokopplingens namn, t.ex. \"kommun-bas\"" },
	{ "line", "line", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "report line (kontotext) such as \"PERSONALKOSTNADER\"",
	  .label_sv = "Rapportrad",
	  .help_sv = "rad i rapporten (kontotext), t.ex. \"PERSONALKOSTNADER\"" },
	{ "from", "account_from", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "first account number of the range",
	  .label_sv = "Från konto", .help_sv = "första kontonumret i intervallet" },
	{ "to", "account_to", FIELD_INT, FIELD_REQUIRED, NULL, NULL,
	  "last account number of the range",
	  .label_sv = "Till konto", .help_sv = "sista kontonumret i intervallet" },
	NOTE,
};

#define FIGURES \
	MONEY("budget", "budget of the year in kronor", \
	      "Budget", "årets budget i kronor"), \
	MONEY("budget_prev", "budget of the year before in kronor (plan view)", \
	      "Föregående års budget", "föregående års budget i kronor (i MER-planen)"), \
	MONEY("outcome", "outcome to the cut-off date in kronor", \
	      "Utfall", "utfall till och med brytdatum i kronor"), \
	MONEY("forecast", "full-year forecast in kronor", \
	      "Helårsprognos", "helårsprognos i kronor"), \
	MONEY("stated_deviation", "deviation as the document prints it, in kronor", \
	      "Avvikelse", "avvikelse enligt underlaget, i kronor"), \
	MONEY("stated_change", "change from the year before as the document prints it", \
	      "Förändring", "förändring från föregående år enligt underlaget")

static const struct field_desc drift_line_fields[] = {
	{ "occasion", "occasion_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "occasions",
	  NULL, "report occasion key such as \"2020-04-30\"",
	  .label_sv = "Rapporttillfälle",
	  .help_sv = "rapporttillfällets nyckel, t.ex. \"2020-04-30\"" },
	{ "position", "position", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "row number in the document's table, from 1",
	  .label_sv = "Radnummer", .help_sv = "radnummer i underlagets tabell, från 1" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "the line's text as printed, e.g. \"PERSONALKOSTNADER\"",
	  .label_sv = "Kontotext",
	  .help_sv = "radens text som i underlaget, t.ex. \"PERSONALKOSTNADER\"" },
	{ "kind", "kind", FIELD_ENUM, FIELD_REQUIRED, NULL, line_kinds, "kind of line",
	  .label_sv = "Radtyp", .help_sv = "typ av rad",
	  .allowed_sv = line_kinds_sv },
	{ "municipality", "municipality_id", FIELD_REF, 0, "municipalities", NULL,
	  "member whose contribution the line is",
	  .label_sv = "Kommun",
	  .help_sv = "kommunkod för den medlemskommun vars driftbidrag raden är" },
	{ "mapping", "mapping", FIELD_TEXT, 0, NULL, NULL,
	  "the account mapping the line comes from",
	  .label_sv = "Kontokoppling", .help_sv = "kontokopplingen som raden hämtas från" },
	FIGURES,
	NOTE,
};

static const struct field_desc drift_total_fields[] = {
	{ "occasion", "occasion_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "occasions",
	  NULL, "report occasion key",
	  .label_sv = "Rapporttillfälle", .help_sv = "rapporttillfällets nyckel" },
	{ "position", "position", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "row number in the document's table, from 1",
	  .label_sv = "Radnummer", .help_sv = "radnummer i underlagets tabell, från 1" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "the total's text as printed, e.g. \"TOTALT INTÄKTER\"",
	  .label_sv = "Kontotext",
	  .help_sv = "summaradens text som i underlaget, t.ex. \"TOTALT INTÄKTER\"" },
	{ "kind", "kind", FIELD_ENUM, FIELD_REQUIRED, NULL, total_kinds,
	  "what the total sums: revenue (revenue and contribution lines), cost, net (all)",
	  .label_sv = "Summatyp",
	  .help_sv = "vad summan omfattar: intäkter (intäkts- och driftbidragsrader), "
	             "kostnader (kostnadsrader) eller netto (alla rader)",
	  .allowed_sv = total_kinds_sv },
	FIGURES,
	NOTE,
};

static const struct field_desc contribution_fields[] = {
	{ "municipality", "municipality_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY,
	  "municipalities", NULL, "member municipality code",
	  .label_sv = "Kommun", .help_sv = "medlemskommunens kommunkod" },
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "budget year",
	  .label_sv = "År", .help_sv = "budgetår" },
	{ "amount", "amount", FIELD_MONEY, FIELD_REQUIRED, NULL, NULL,
	  "contribution (driftbidrag) in kronor, negative as revenue",
	  .label_sv = "Driftbidrag", .help_sv = "driftbidrag i kronor, negativt som intäkt" },
	NOTE,
};

static const struct field_desc project_fields[] = {
	{ "key", "key", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "short key such as \"it-invest-lekeberg\"",
	  .label_sv = "Nyckel", .help_sv = "kort nyckel, t.ex. \"it-invest-lekeberg\"" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "project name",
	  .label_sv = "Projektnamn", .help_sv = "projektets namn" },
	{ "municipality", "municipality_id", FIELD_REF, 0, "municipalities", NULL,
	  "member the project belongs to; none for common projects",
	  .label_sv = "Kommun",
	  .help_sv = "kommunkod för medlemskommunen som projektet hör till; "
	             "tom för gemensamma projekt" },
	{ "programme", "programme", FIELD_TEXT, 0, NULL, NULL,
	  "programme the project is part of (\"Sydnet 2.0\"); such rows are a separate table",
	  .label_sv = "Program",
	  .help_sv = "programmet som projektet ingår i (\"Sydnet 2.0\"); "
	             "sådana rader redovisas i en egen tabell" },
	NOTE,
};

static const struct field_desc invest_row_fields[] = {
	{ "occasion", "occasion_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "occasions",
	  NULL, "report occasion key",
	  .label_sv = "Rapporttillfälle", .help_sv = "rapporttillfällets nyckel" },
	{ "project", "project_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY,
	  "investment_projects", NULL, "project key",
	  .label_sv = "Projekt", .help_sv = "nyckeln för projektet" },
	{ "position", "position", FIELD_INT, FIELD_REQUIRED, NULL, NULL, "row number, from 1",
	  .label_sv = "Radnummer", .help_sv = "radnummer, från 1" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "the row's text as printed",
	  .label_sv = "Benämning", .help_sv = "radens text som i underlaget" },
	MONEY("budget", "budget in kronor", "Budget", "budget i kronor"),
	MONEY("outcome", "outcome to the cut-off date in kronor",
	      "Utfall", "utfall till och med brytdatum i kronor"),
	MONEY("forecast", "full-year forecast in kronor",
	      "Helårsprognos", "helårsprognos i kronor"),
	MONEY("stated_deviation", "budget minus outcome as printed, in kronor",
	      "Avvikelse", "budget minus utfall enligt underlaget, i kronor"),
	{ "stated_percent", "stated_percent", FIELD_NUMBER, 0, NULL, NULL,
	  "percent used as printed, e.g. 9.3",
	  .label_sv = "Procent förbrukning",
	  .help_sv = "förbrukad andel av budgeten i procent enligt underlaget, t.ex. 9.3" },
	MONEY("stated_forecast_deviation", "budget minus forecast as printed, in kronor",
	      "Prognosavvikelse", "budget minus helårsprognos enligt underlaget, i kronor"),
	MONEY("remaining", "what remains of the project's frame as printed, in kronor",
	      "Återstående ram", "det som återstår av projektets ram enligt underlaget, i kronor"),
	NOTE,
};

static const struct field_desc invest_total_fields[] = {
	{ "occasion", "occasion_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "occasions",
	  NULL, "report occasion key",
	  .label_sv = "Rapporttillfälle", .help_sv = "rapporttillfällets nyckel" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "the total row's text as printed",
	  .label_sv = "Benämning", .help_sv = "summaradens text som i underlaget" },
	{ "programme", "programme", FIELD_TEXT, 0, NULL, NULL,
	  "programme totalled; none for the main table",
	  .label_sv = "Program", .help_sv = "programmet som summeras; tomt för huvudtabellen" },
	MONEY("budget", "total budget as printed, in kronor",
	      "Budget", "total budget enligt underlaget, i kronor"),
	MONEY("outcome", "total outcome as printed, in kronor",
	      "Utfall", "totalt utfall enligt underlaget, i kronor"),
	MONEY("forecast", "total forecast as printed, in kronor",
	      "Helårsprognos", "total helårsprognos enligt underlaget, i kronor"),
	MONEY("stated_deviation", "total deviation as printed, in kronor",
	      "Avvikelse", "total avvikelse enligt underlaget, i kronor"),
	{ "stated_percent", "stated_percent", FIELD_NUMBER, 0, NULL, NULL,
	  "total percent used as printed",
	  .label_sv = "Procent förbrukning",
	  .help_sv = "total förbrukning i procent enligt underlaget" },
	MONEY("stated_forecast_deviation", "total forecast deviation as printed",
	      "Prognosavvikelse", "total prognosavvikelse enligt underlaget"),
	NOTE,
};

static const struct field_desc capital_param_fields[] = {
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "budget year",
	  .label_sv = "År", .help_sv = "budgetår" },
	{ "interest_rate", "interest_rate", FIELD_NUMBER, FIELD_REQUIRED, NULL, NULL,
	  "internal interest rate in percent, at most two decimals, e.g. 1.25",
	  .label_sv = "Internränta",
	  .help_sv = "internränta i procent, högst två decimaler, t.ex. 1.25" },
	{ "activation_month", "activation_month", FIELD_INT, FIELD_REQUIRED, NULL, NULL,
	  "month the year's investments are activated, 1-12 (7 = mid-year)",
	  .label_sv = "Aktiveringsmånad",
	  .help_sv = "månad då årets investeringar aktiveras, 1-12 (7 = halvårsskiftet)" },
	MONEY("stated_total_amount", "total investment budget as printed, in kronor",
	      "Investeringsbudget", "total investeringsbudget enligt underlaget, i kronor"),
	MONEY("stated_total_cost", "total capital cost as printed, in kronor",
	      "Kapitalkostnad", "total kapitalkostnad enligt underlaget, i kronor"),
	NOTE,
};

static const struct field_desc capital_project_fields[] = {
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "budget year",
	  .label_sv = "År", .help_sv = "budgetår" },
	{ "project", "project_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY,
	  "investment_projects", NULL, "project key",
	  .label_sv = "Projekt", .help_sv = "nyckeln för projektet" },
	{ "position", "position", FIELD_INT, FIELD_REQUIRED, NULL, NULL, "row number, from 1",
	  .label_sv = "Radnummer", .help_sv = "radnummer, från 1" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "the row's text as printed",
	  .label_sv = "Benämning", .help_sv = "radens text som i underlaget" },
	{ "amount", "amount", FIELD_MONEY, FIELD_REQUIRED, NULL, NULL,
	  "investment budget (investeringsutgift) in kronor",
	  .label_sv = "Investeringsutgift", .help_sv = "budgeterad investeringsutgift i kronor" },
	{ "life_years", "life_years", FIELD_INT, FIELD_REQUIRED, NULL, NULL,
	  "depreciation life in years of the amount not given another life",
	  .label_sv = "Avskrivningstid",
	  .help_sv = "avskrivningstid i år för den del av beloppet som inte har "
	             "en annan avskrivningstid" },
	{ "other_life_years", "other_life_years", FIELD_INT, 0, NULL, NULL,
	  "a second life in years for part of the amount",
	  .label_sv = "Annan avskrivningstid",
	  .help_sv = "en andra avskrivningstid i år för en del av beloppet" },
	MONEY("other_life_amount", "the part of the amount with the second life; "
	      "leave out when the document does not give the split",
	      "Belopp annan avskrivningstid",
	      "den del av beloppet som har den andra avskrivningstiden; "
	      "lämna tomt när underlaget inte anger fördelningen"),
	MONEY("stated_cost", "capital cost as printed, in kronor",
	      "Kapitalkostnad", "kapitalkostnad enligt underlaget, i kronor"),
	NOTE,
};

static const struct field_desc split_fields[] = {
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "accounting year",
	  .label_sv = "År", .help_sv = "räkenskapsår" },
	{ "amount", "amount", FIELD_MONEY, FIELD_REQUIRED, NULL, NULL,
	  "the surplus or deficit split, in kronor, with the sign the document uses",
	  .label_sv = "Belopp",
	  .help_sv = "överskottet eller underskottet som fördelas, i kronor, "
	             "med det tecken underlaget använder" },
	{ "key_date", "key_date", FIELD_DATE, 0, NULL, NULL,
	  "date of the population key; default 31 December two years before",
	  .label_sv = "Nyckeldatum",
	  .help_sv = "datum för invånarantalet som nyckeln bygger på; om inget anges "
	             "31 december två år tidigare" },
	NOTE,
	{ "key", "key_kind", FIELD_ENUM, 0, NULL, split_key_names,
	  "what the result is split by: population (the default), shares (fixed "
	  "percent per member) or key (another number per member)",
	  .label_sv = "Fördelningsnyckel",
	  .help_sv = "vad resultatet fördelas efter: folkmängd (förvalt), andelar (fast "
	             "andel i procent per medlemskommun) eller fördelningsnyckel (annat "
	             "tal per medlemskommun)",
	  .allowed_sv = split_key_names_sv },
	{ "key_name", "key_name", FIELD_TEXT, 0, NULL, NULL,
	  "for key: what the numbers count, as the report names it (\"anställda\")",
	  .label_sv = "Nyckelns benämning",
	  .help_sv = "för key: vad talen räknar, som rapporten benämner det (\"anställda\")" },
};

static const struct field_desc split_key_fields[] = {
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "accounting year",
	  .label_sv = "År", .help_sv = "räkenskapsår" },
	{ "municipality", "municipality_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY,
	  "municipalities", NULL, "member municipality code",
	  .label_sv = "Kommun", .help_sv = "medlemskommunens kommunkod" },
	{ "value", "value", FIELD_NUMBER, FIELD_REQUIRED, NULL, NULL,
	  "the member's share in percent (62.5) or key value (120), 0 or more",
	  .label_sv = "Andel eller nyckeltal",
	  .help_sv = "medlemskommunens andel i procent (62.5) eller nyckeltal (120), "
	             "0 eller mer" },
	NOTE,
};

static const struct field_desc split_part_fields[] = {
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "accounting year",
	  .label_sv = "År", .help_sv = "räkenskapsår" },
	{ "municipality", "municipality_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY,
	  "municipalities", NULL, "member municipality code",
	  .label_sv = "Kommun", .help_sv = "medlemskommunens kommunkod" },
	{ "stated", "stated", FIELD_MONEY, FIELD_REQUIRED, NULL, NULL,
	  "the member's part as printed, in kronor",
	  .label_sv = "Fördelat belopp",
	  .help_sv = "medlemskommunens del enligt underlaget, i kronor" },
	NOTE,
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define OCC_ORDER "(SELECT year FROM occasion WHERE id = t.occasion_id)," \
	" (SELECT key FROM occasion WHERE id = t.occasion_id)"

const struct section_desc section_accounts = {
	"accounts", "econ_account", account_fields, N(account_fields),
	"t.number", "an account of the chart of accounts",
	.title_sv = "Konton", .help_sv = "ett konto i kontoplanen" };
const struct section_desc section_line_mappings = {
	"line_mappings", "econ_line_map", line_map_fields, N(line_map_fields),
	"t.mapping, t.account_from", "an account range mapped to a report line",
	.title_sv = "Kontokopplingar", .help_sv = "ett kontointervall kopplat till en rapportrad" };
const struct section_desc section_drift_lines = {
	"drift_lines", "econ_drift_line", drift_line_fields, N(drift_line_fields),
	OCC_ORDER ", t.position", "a line of an operating-account table of an occasion",
	.title_sv = "Rader i driftredovisningen",
	.help_sv = "en rad i driftredovisningen för ett rapporttillfälle" };
const struct section_desc section_drift_totals = {
	"drift_totals", "econ_drift_total", drift_total_fields, N(drift_total_fields),
	OCC_ORDER ", t.position", "a total row of an operating-account table, as printed",
	.title_sv = "Summarader i driftredovisningen",
	.help_sv = "en summarad i driftredovisningen, som i underlaget" };
const struct section_desc section_contributions = {
	"contributions", "econ_contribution", contribution_fields, N(contribution_fields),
	"t.year, (SELECT code FROM municipality WHERE id = t.municipality_id)",
	"a member's contribution (driftbidrag) for a year",
	.title_sv = "Driftbidrag", .help_sv = "en medlemskommuns driftbidrag för ett år" };
const struct section_desc section_investment_projects = {
	"investment_projects", "econ_project", project_fields, N(project_fields),
	"t.key", "an investment project",
	.title_sv = "Investeringsprojekt", .help_sv = "ett investeringsprojekt" };
const struct section_desc section_investment_rows = {
	"investment_rows", "econ_invest_row", invest_row_fields, N(invest_row_fields),
	OCC_ORDER ", t.position", "a project's row in an investment table of an occasion",
	.title_sv = "Rader i investeringsredovisningen",
	.help_sv = "ett projekts rad i investeringsredovisningen för ett rapporttillfälle" };
const struct section_desc section_investment_totals = {
	"investment_totals", "econ_invest_total", invest_total_fields, N(invest_total_fields),
	OCC_ORDER ", t.name", "a total row of an investment table, as printed",
	.title_sv = "Summarader i investeringsredovisningen",
	.help_sv = "en summarad i investeringsredovisningen, som i underlaget" };
const struct section_desc section_capital_parameters = {
	"capital_parameters", "econ_capital_param", capital_param_fields,
	N(capital_param_fields), "t.year", "capital-cost parameters of a budget year",
	.title_sv = "Parametrar för kapitalkostnad",
	.help_sv = "ett budgetårs internränta och aktiveringsmånad för kapitalkostnaden" };
const struct section_desc section_capital_projects = {
	"capital_projects", "econ_capital_project", capital_project_fields,
	N(capital_project_fields), "t.year, t.position",
	"a project of a year's investment budget with its capital cost",
	.title_sv = "Projekt i investeringsbudgeten",
	.help_sv = "ett projekt i årets investeringsbudget med dess kapitalkostnad" };
const struct section_desc section_result_splits = {
	"result_splits", "econ_split", split_fields, N(split_fields),
	"t.year", "a year's surplus or deficit split among the members",
	.title_sv = "Resultatfördelningar",
	.help_sv = "ett års över- eller underskott fördelat mellan medlemskommunerna" };
const struct section_desc section_result_split_keys = {
	"result_split_keys", "econ_split_key", split_key_fields, N(split_key_fields),
	"t.year, (SELECT code FROM municipality WHERE id = t.municipality_id)",
	"a member's share or key value in a year's split (split key shares or key)",
	.title_sv = "Fördelningsnycklar",
	.help_sv = "en medlemskommuns andel eller nyckeltal i ett års resultatfördelning "
	           "(fördelningsnyckeln shares eller key)" };
const struct section_desc section_result_split_parts = {
	"result_split_parts", "econ_split_part", split_part_fields, N(split_part_fields),
	"t.year, (SELECT code FROM municipality WHERE id = t.municipality_id)",
	"a member's part of a split, as printed",
	.title_sv = "Resultatandelar",
	.help_sv = "en medlemskommuns del av en resultatfördelning, som i underlaget" };
