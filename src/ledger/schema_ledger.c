/*
** schema_ledger.c — migrations 7 and 13: the ledger as read from SIE 4 (types 1–4)
** and CSV files.
**
** Each import is one row of ledger_import; everything read from that file
** hangs under it, so two imports never mix and one can be told from the
** other. Rows are kept as the file gives them: accounts are text (a #TRANS
** may name an account the file never declared), amounts are öre, dates ISO
** text, and an object list is kept in SIE's own form (`1 "2" 6 "P1"`,
** dimension number and object code, in file order) or NULL when empty.
** There are no secondary indexes: imports are bulk loads and readers go
** by import.
**
** Migration 15: ledger_total, the sum of the transactions of each import
** per account and voucher date, written by the importer with the rows
** (ledger.c), so that what sums the ledger (economy ledger) reads one row
** per account and day instead of every transaction.
*/
#include "ledger/ledger.h"
#include "db/migrate.h"

const struct migration migration_ledger = { 7, "ledger",
	"CREATE TABLE ledger_import("
	"  id INTEGER PRIMARY KEY,"
	"  format TEXT NOT NULL CHECK(format IN ('sie', 'csv')),"
	"  file TEXT NOT NULL, imported_at TEXT NOT NULL, imported_by TEXT NOT NULL,"
	"  company TEXT, orgnr TEXT, program TEXT, sie_type INTEGER, encoding TEXT);"
	"CREATE TABLE ledger_year("
	"  import_id INTEGER NOT NULL REFERENCES ledger_import(id),"
	"  year_index INTEGER NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL,"
	"  PRIMARY KEY(import_id, year_index));"
	"CREATE TABLE ledger_account("
	"  import_id INTEGER NOT NULL REFERENCES ledger_import(id),"
	"  number TEXT NOT NULL, name TEXT,"
	"  type TEXT CHECK(type IN ('T', 'S', 'K', 'I')), sru TEXT, unit TEXT,"
	"  PRIMARY KEY(import_id, number));"
	"CREATE TABLE ledger_dim("
	"  import_id INTEGER NOT NULL REFERENCES ledger_import(id),"
	"  dim INTEGER NOT NULL, name TEXT NOT NULL, parent INTEGER,"
	"  PRIMARY KEY(import_id, dim));"
	"CREATE TABLE ledger_object("
	"  import_id INTEGER NOT NULL REFERENCES ledger_import(id),"
	"  dim INTEGER NOT NULL, code TEXT NOT NULL, name TEXT,"
	"  PRIMARY KEY(import_id, dim, code));"
	/* #IB, #UB, #RES and the per-object #OIB, #OUB. */
	"CREATE TABLE ledger_balance("
	"  id INTEGER PRIMARY KEY,"
	"  import_id INTEGER NOT NULL REFERENCES ledger_import(id),"
	"  kind TEXT NOT NULL CHECK(kind IN ('IB', 'UB', 'RES', 'OIB', 'OUB')),"
	"  year_index INTEGER NOT NULL, account TEXT NOT NULL, objects TEXT,"
	"  amount INTEGER NOT NULL, quantity TEXT);"
	/* #PSALDO (outcome) and #PBUDGET (budget) per month; CSV rows too.
	** month is NULL for a whole-year figure from a CSV file. */
	"CREATE TABLE ledger_period("
	"  id INTEGER PRIMARY KEY,"
	"  import_id INTEGER NOT NULL REFERENCES ledger_import(id),"
	"  kind TEXT NOT NULL CHECK(kind IN ('outcome', 'budget')),"
	"  year_index INTEGER, year INTEGER NOT NULL,"
	"  month INTEGER CHECK(month BETWEEN 1 AND 12),"
	"  account TEXT NOT NULL, objects TEXT, amount INTEGER NOT NULL, quantity TEXT);"
	"CREATE TABLE ledger_voucher("
	"  id INTEGER PRIMARY KEY,"
	"  import_id INTEGER NOT NULL REFERENCES ledger_import(id),"
	"  series TEXT, number TEXT, date TEXT NOT NULL, text TEXT, reg_date TEXT,"
	"  sign TEXT, line INTEGER NOT NULL);"
	"CREATE TABLE ledger_trans("
	"  voucher_id INTEGER NOT NULL REFERENCES ledger_voucher(id),"
	"  account TEXT NOT NULL, objects TEXT, amount INTEGER NOT NULL,"
	"  date TEXT, text TEXT, quantity TEXT, sign TEXT);"
};

const struct migration migration_ledger_totals = { 15, "ledger totals per account and date",
	"CREATE TABLE ledger_total("
	"  import_id INTEGER NOT NULL REFERENCES ledger_import(id),"
	"  account TEXT NOT NULL, date TEXT NOT NULL,"
	"  amount INTEGER NOT NULL,"   /* öre; SQL both SQLite and PostgreSQL read */
	"  PRIMARY KEY(import_id, account, date)) WITHOUT ROWID;"
	"INSERT INTO ledger_total(import_id, account, date, amount)"
	" SELECT v.import_id, t.account, v.date, sum(t.amount)"
	" FROM ledger_trans t JOIN ledger_voucher v ON v.id = t.voucher_id"
	" GROUP BY v.import_id, t.account, v.date;"
};
