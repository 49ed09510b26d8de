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

#define NOTE { "note", "note", FIELD_TEXT, 0, NULL, NULL, "free text" }
#define MONEY(k, help) { k, k, FIELD_MONEY, 0, NULL, NULL, help }

static const char *const account_kinds[] = { "revenue", "cost", "financial", NULL };
/* The kinds (econ_kind_names, economy_rules.h) a drift line and a drift
** total may have: a line is no net, a total no contribution. test_economy
** checks that each names an econ_kind. */
static const char *const line_kinds[] = { "revenue", "contribution", "cost", NULL };
static const char *const total_kinds[] = { "revenue", "cost", "net", NULL };

static const struct field_desc account_fields[] = {
	{ "number", "number", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "account number such as 5011" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "account name" },
	{ "kind", "kind", FIELD_ENUM, FIELD_REQUIRED, NULL, account_kinds, "kind of account" },
	NOTE,
};

static const struct field_desc line_map_fields[] = {
	{ "mapping", "mapping", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "name of the mapping such as \"kommun-bas\"" },
	{ "line", "line", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "report line (kontotext) such as \"PERSONALKOSTNADER\"" },
	{ "from", "account_from", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "first account number of the range" },
	{ "to", "account_to", FIELD_INT, FIELD_REQUIRED, NULL, NULL,
	  "last account number of the range" },
	NOTE,
};

#define FIGURES \
	MONEY("budget", "budget of the year in kronor"), \
	MONEY("budget_prev", "budget of the year before in kronor (plan view)"), \
	MONEY("outcome", "outcome to the cut-off date in kronor"), \
	MONEY("forecast", "full-year forecast in kronor"), \
	MONEY("stated_deviation", "deviation as the document prints it, in kronor"), \
	MONEY("stated_change", "change from the year before as the document prints it")

static const struct field_desc drift_line_fields[] = {
	{ "occasion", "occasion_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "occasions",
	  NULL, "report occasion key such as \"2020-04-30\"" },
	{ "position", "position", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "row number in the document's table, from 1" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "the line's text as printed, e.g. \"PERSONALKOSTNADER\"" },
	{ "kind", "kind", FIELD_ENUM, FIELD_REQUIRED, NULL, line_kinds, "kind of line" },
	{ "municipality", "municipality_id", FIELD_REF, 0, "municipalities", NULL,
	  "member whose contribution the line is" },
	{ "mapping", "mapping", FIELD_TEXT, 0, NULL, NULL,
	  "the account mapping the line comes from" },
	FIGURES,
	NOTE,
};

static const struct field_desc drift_total_fields[] = {
	{ "occasion", "occasion_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "occasions",
	  NULL, "report occasion key" },
	{ "position", "position", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "row number in the document's table, from 1" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL,
	  "the total's text as printed, e.g. \"TOTALT INTÄKTER\"" },
	{ "kind", "kind", FIELD_ENUM, FIELD_REQUIRED, NULL, total_kinds,
	  "what the total sums: revenue (revenue and contribution lines), cost, net (all)" },
	FIGURES,
	NOTE,
};

static const struct field_desc contribution_fields[] = {
	{ "municipality", "municipality_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY,
	  "municipalities", NULL, "member municipality code" },
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "budget year" },
	{ "amount", "amount", FIELD_MONEY, FIELD_REQUIRED, NULL, NULL,
	  "contribution (driftbidrag) in kronor, negative as revenue" },
	NOTE,
};

static const struct field_desc project_fields[] = {
	{ "key", "key", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "short key such as \"it-invest-lekeberg\"" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "project name" },
	{ "municipality", "municipality_id", FIELD_REF, 0, "municipalities", NULL,
	  "member the project belongs to; none for common projects" },
	{ "programme", "programme", FIELD_TEXT, 0, NULL, NULL,
	  "programme the project is part of (\"Sydnet 2.0\"); such rows are a separate table" },
	NOTE,
};

static const struct field_desc invest_row_fields[] = {
	{ "occasion", "occasion_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "occasions",
	  NULL, "report occasion key" },
	{ "project", "project_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY,
	  "investment_projects", NULL, "project key" },
	{ "position", "position", FIELD_INT, FIELD_REQUIRED, NULL, NULL, "row number, from 1" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "the row's text as printed" },
	MONEY("budget", "budget in kronor"),
	MONEY("outcome", "outcome to the cut-off date in kronor"),
	MONEY("forecast", "full-year forecast in kronor"),
	MONEY("stated_deviation", "budget minus outcome as printed, in kronor"),
	{ "stated_percent", "stated_percent", FIELD_NUMBER, 0, NULL, NULL,
	  "percent used as printed, e.g. 9.3" },
	MONEY("stated_forecast_deviation", "budget minus forecast as printed, in kronor"),
	MONEY("remaining", "what remains of the project's frame as printed, in kronor"),
	NOTE,
};

static const struct field_desc invest_total_fields[] = {
	{ "occasion", "occasion_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY, "occasions",
	  NULL, "report occasion key" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL,
	  "the total row's text as printed" },
	{ "programme", "programme", FIELD_TEXT, 0, NULL, NULL,
	  "programme totalled; none for the main table" },
	MONEY("budget", "total budget as printed, in kronor"),
	MONEY("outcome", "total outcome as printed, in kronor"),
	MONEY("forecast", "total forecast as printed, in kronor"),
	MONEY("stated_deviation", "total deviation as printed, in kronor"),
	{ "stated_percent", "stated_percent", FIELD_NUMBER, 0, NULL, NULL,
	  "total percent used as printed" },
	MONEY("stated_forecast_deviation", "total forecast deviation as printed"),
	NOTE,
};

static const struct field_desc capital_param_fields[] = {
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "budget year" },
	{ "interest_rate", "interest_rate", FIELD_NUMBER, FIELD_REQUIRED, NULL, NULL,
	  "internal interest rate in percent, at most two decimals, e.g. 1.25" },
	{ "activation_month", "activation_month", FIELD_INT, FIELD_REQUIRED, NULL, NULL,
	  "month the year's investments are activated, 1-12 (7 = mid-year)" },
	MONEY("stated_total_amount", "total investment budget as printed, in kronor"),
	MONEY("stated_total_cost", "total capital cost as printed, in kronor"),
	NOTE,
};

static const struct field_desc capital_project_fields[] = {
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "budget year" },
	{ "project", "project_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY,
	  "investment_projects", NULL, "project key" },
	{ "position", "position", FIELD_INT, FIELD_REQUIRED, NULL, NULL, "row number, from 1" },
	{ "name", "name", FIELD_TEXT, FIELD_REQUIRED, NULL, NULL, "the row's text as printed" },
	{ "amount", "amount", FIELD_MONEY, FIELD_REQUIRED, NULL, NULL,
	  "investment budget (investeringsutgift) in kronor" },
	{ "life_years", "life_years", FIELD_INT, FIELD_REQUIRED, NULL, NULL,
	  "depreciation life in years of the amount not given another life" },
	{ "other_life_years", "other_life_years", FIELD_INT, 0, NULL, NULL,
	  "a second life in years for part of the amount" },
	MONEY("other_life_amount", "the part of the amount with the second life; "
	      "leave out when the document does not give the split"),
	MONEY("stated_cost", "capital cost as printed, in kronor"),
	NOTE,
};

static const struct field_desc split_fields[] = {
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "accounting year" },
	{ "amount", "amount", FIELD_MONEY, FIELD_REQUIRED, NULL, NULL,
	  "the surplus or deficit split, in kronor, with the sign the document uses" },
	{ "key_date", "key_date", FIELD_DATE, 0, NULL, NULL,
	  "date of the population key; default 31 December two years before" },
	NOTE,
	{ "key", "key_kind", FIELD_ENUM, 0, NULL, split_key_names,
	  "what the result is split by: population (the default), shares (fixed "
	  "percent per member) or key (another number per member)" },
	{ "key_name", "key_name", FIELD_TEXT, 0, NULL, NULL,
	  "for key: what the numbers count, as the report names it (\"anställda\")" },
};

static const struct field_desc split_key_fields[] = {
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "accounting year" },
	{ "municipality", "municipality_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY,
	  "municipalities", NULL, "member municipality code" },
	{ "value", "value", FIELD_NUMBER, FIELD_REQUIRED, NULL, NULL,
	  "the member's share in percent (62.5) or key value (120), 0 or more" },
	NOTE,
};

static const struct field_desc split_part_fields[] = {
	{ "year", "year", FIELD_INT, FIELD_REQUIRED | FIELD_KEY, NULL, NULL, "accounting year" },
	{ "municipality", "municipality_id", FIELD_REF, FIELD_REQUIRED | FIELD_KEY,
	  "municipalities", NULL, "member municipality code" },
	{ "stated", "stated", FIELD_MONEY, FIELD_REQUIRED, NULL, NULL,
	  "the member's part as printed, in kronor" },
	NOTE,
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define OCC_ORDER "(SELECT year FROM occasion WHERE id = t.occasion_id)," \
	" (SELECT key FROM occasion WHERE id = t.occasion_id)"

const struct section_desc section_accounts = {
	"accounts", "econ_account", account_fields, N(account_fields),
	"t.number", "an account of the chart of accounts" };
const struct section_desc section_line_mappings = {
	"line_mappings", "econ_line_map", line_map_fields, N(line_map_fields),
	"t.mapping, t.account_from", "an account range mapped to a report line" };
const struct section_desc section_drift_lines = {
	"drift_lines", "econ_drift_line", drift_line_fields, N(drift_line_fields),
	OCC_ORDER ", t.position", "a line of an operating-account table of an occasion" };
const struct section_desc section_drift_totals = {
	"drift_totals", "econ_drift_total", drift_total_fields, N(drift_total_fields),
	OCC_ORDER ", t.position", "a total row of an operating-account table, as printed" };
const struct section_desc section_contributions = {
	"contributions", "econ_contribution", contribution_fields, N(contribution_fields),
	"t.year, (SELECT code FROM municipality WHERE id = t.municipality_id)",
	"a member's contribution (driftbidrag) for a year" };
const struct section_desc section_investment_projects = {
	"investment_projects", "econ_project", project_fields, N(project_fields),
	"t.key", "an investment project" };
const struct section_desc section_investment_rows = {
	"investment_rows", "econ_invest_row", invest_row_fields, N(invest_row_fields),
	OCC_ORDER ", t.position", "a project's row in an investment table of an occasion" };
const struct section_desc section_investment_totals = {
	"investment_totals", "econ_invest_total", invest_total_fields, N(invest_total_fields),
	OCC_ORDER ", t.name", "a total row of an investment table, as printed" };
const struct section_desc section_capital_parameters = {
	"capital_parameters", "econ_capital_param", capital_param_fields,
	N(capital_param_fields), "t.year", "capital-cost parameters of a budget year" };
const struct section_desc section_capital_projects = {
	"capital_projects", "econ_capital_project", capital_project_fields,
	N(capital_project_fields), "t.year, t.position",
	"a project of a year's investment budget with its capital cost" };
const struct section_desc section_result_splits = {
	"result_splits", "econ_split", split_fields, N(split_fields),
	"t.year", "a year's surplus or deficit split among the members" };
const struct section_desc section_result_split_keys = {
	"result_split_keys", "econ_split_key", split_key_fields, N(split_key_fields),
	"t.year, (SELECT code FROM municipality WHERE id = t.municipality_id)",
	"a member's share or key value in a year's split (split key shares or key)" };
const struct section_desc section_result_split_parts = {
	"result_split_parts", "econ_split_part", split_part_fields, N(split_part_fields),
	"t.year, (SELECT code FROM municipality WHERE id = t.municipality_id)",
	"a member's part of a split, as printed" };
