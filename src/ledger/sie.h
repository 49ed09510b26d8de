/*
** sie.h — reading SIE files (SIE 4, and the balance-only types 1–3) into
** the ledger tables.
**
** The reader streams: it holds one line at a time, so a file of any size
** needs only as much memory as its longest line and the rows waiting for
** the writer (a bounded number, ledger.c). Text is converted to
** UTF-8: `#FORMAT PC8` (the SIE standard) means CP437, converted through a
** table built once with glibc iconv; a file without #FORMAT whose text is
** valid UTF-8 is read as UTF-8, otherwise as CP437.
**
** Two layers: sie_tokenize() splits one line into fields (quoted strings
** with \" and \\ escapes, `{` and `}` of object lists) and is pure; and
** sie_import() reads a file record by record into one transaction. Record
** types styr does not know are skipped and counted, never fatal; vouchers
** whose lines do not sum to zero are reported. A malformed line fails the
** whole import with "file:line:column: expected …" and leaves the database
** unchanged.
*/
#ifndef STYR_SIE_H
#define STYR_SIE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/error.h"
#include "base/strbuf.h"

struct store;

enum sie_tok_kind {
	SIE_FIELD,  /* a word or a quoted string (text is unescaped) */
	SIE_OPEN,   /* "{" starting an object list */
	SIE_CLOSE   /* "}" ending it */
};

struct sie_token {
	enum sie_tok_kind kind;
	const char *text;  /* NUL-terminated, in the file's bytes; "" for braces */
	size_t len;
	int column;        /* 1-based byte column of the token's first byte */
	bool quoted;
};

/* The tokens of one line; reused from line to line (init once, release
** at the end). */
struct sie_line {
	struct sie_token *tok;
	size_t n, alloc;
	struct strbuf text;  /* backing store of the token texts */
};

void sie_line_init(struct sie_line *l);
void sie_line_release(struct sie_line *l);

/* Split line[0..len) (no line terminator) into tokens. Fails with
** STYR_EINVAL and a message "expected …" for an unterminated quote, a
** nested or unbalanced brace; *column is then the 1-based column. */
enum styr_rc sie_tokenize(struct sie_line *l, const char *line, size_t len,
                          int *column, struct styr_error *err);

/* Parse an SIE amount ("-1234.5", "100", "+0.50") into öre. Returns 0 on
** success, 1 when it is not a number, 2 when it has non-zero digits beyond
** two decimals, 3 when it lies outside ±MONEY_MAX (money.h). */
int sie_parse_amount(const char *s, int64_t *ore);

/* ---- import ---- */

struct sie_count {
	char label[24];  /* "#TRANS" */
	size_t n;
};

struct sie_year {
	int index;
	char start[11], end[11];
};

struct sie_unbalanced {
	long line;          /* line of the #VER */
	char *series, *number; /* owned, whole (they were cut to 31 bytes) */
	int64_t sum;        /* öre */
};

#define SIE_MAX_UNBALANCED_SHOWN 20

struct sie_stats {
	int64_t import_id;
	char *company, *orgnr, *program, *encoding; /* owned; may be NULL */
	int sie_type;
	struct sie_year *years;   /* owned, in file order */
	size_t nyears;
	struct sie_count *counts; /* every record type read, in first-seen order */
	size_t ncounts;
	size_t records, skipped;
	struct sie_count *skipped_by; /* the skipped ones by type */
	size_t nskipped_by;
	size_t unbalanced;
	struct sie_unbalanced shown[SIE_MAX_UNBALANCED_SHOWN];
	bool checksum;            /* #KSUMMA present and verified */
	uint64_t bytes;
	long lines;
};

void sie_stats_release(struct sie_stats *st);

struct ledger_hook;

/* Read the SIE file at path into a new ledger import of s, all in one
** transaction. On success st describes what was read; on failure err
** names file:line:column and what was expected, and nothing is stored. */
enum styr_rc sie_import(struct store *s, const char *path, struct sie_stats *st,
                        struct styr_error *err);

/* The same from an open stream f (read to its end, not closed), named
** `name` in messages (the fuzz harness reads from memory). st describes
** what was read once the file is read; hook (NULL for none) runs then,
** before the commit (ledger.h): the command line prints there. */
enum styr_rc sie_import_stream(struct store *s, FILE *f, const char *name,
                               const struct ledger_hook *hook, struct sie_stats *st,
                               struct styr_error *err);

struct jsonw;

/* Write st as one JSON object (for the audit log and --json): file,
** company, fiscal years, "records" keyed by record type, "skipped",
** "unbalanced" vouchers (sums in kronor), checksum. */
void sie_stats_write(const struct sie_stats *st, const char *file, struct jsonw *w);

#endif
