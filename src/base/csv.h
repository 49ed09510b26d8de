/*
** csv.h — a streaming CSV parser for files as Swedish Excel saves them.
**
** Push parser: feed it bytes in chunks of any size (csv_feed) and it calls
** back once per record with the record's fields converted to UTF-8; only
** the current record is held in memory. Pure: the caller does the I/O.
**
** - Separator `;` or `,`; 0 means detect it from the first record (`;`
**   when it has one outside quotes, else `,`), read whole whatever the
**   chunks it arrives in.
** - Quoted fields (RFC 4180): `""` inside quotes is one quote, and quotes
**   may hold separators and line breaks. A quote inside an unquoted field is
**   kept as written.
** - Lines end in LF, CRLF or CR. Blank lines are skipped.
** - A UTF-8 byte-order mark is skipped and makes the file UTF-8. Without
**   it the first field with bytes above 0x7f decides: valid UTF-8 means
**   UTF-8, anything else Windows-1252; the rest of the file must agree.
**
** - A NUL byte is refused (it would cut the field; a UTF-16 file holds
**   them), and so is a record longer than LIMIT_CSV_RECORD bytes or with
**   more than LIMIT_CSV_FIELDS fields (base/limits.h), and a field that is
**   not text after conversion (text_valid: control characters, and the
**   five bytes Windows-1252 leaves undefined).
**
** The records, their fields, lines and columns do not depend on where the
** chunk boundaries fall. Errors read "LINE:COLUMN: expected …" (columns
** count bytes from 1) so that the caller can put the file name in front.
*/
#ifndef STYR_CSV_H
#define STYR_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "base/error.h"
#include "base/strbuf.h"

struct csv_field {
	const char *text;  /* UTF-8, NUL-terminated */
	size_t len;
	long line;         /* where the field starts */
	int column;
};

struct csv_record {
	const struct csv_field *fields;
	size_t n;
	long line;         /* line of the first field */
};

/* Called once per record; a non-OK result stops the parse and is
** returned from csv_feed/csv_finish with err as the callback set it. */
typedef enum styr_rc (*csv_record_fn)(void *ctx, const struct csv_record *rec,
                                      struct styr_error *err);

enum csv_encoding { CSV_ENC_UNKNOWN, CSV_ENC_UTF8, CSV_ENC_CP1252 };

struct csv_parser {
	char sep;                 /* ';' or ','; 0 until detected */
	enum csv_encoding enc;
	csv_record_fn fn;
	void *ctx;
	/* private */
	int state;
	bool started, skip_lf, detecting;
	bool quoted_cr;           /* the last byte was a CR inside quotes */
	long line;
	int col;
	struct strbuf pending;    /* first record while detecting the separator */
	size_t detect_pos;        /* how far pending was scanned, */
	bool detect_quoted;       /* and whether that is inside quotes */
	struct strbuf raw;        /* bytes of the record's fields, NUL after each */
	struct strbuf utf8;       /* the converted record */
	struct csv_field *fields;
	size_t nfields, afields;
	long quote_line;
	int quote_col;
};

/* Prepare p; sep is ';', ',' or 0 to detect it. */
void csv_init(struct csv_parser *p, char sep, csv_record_fn fn, void *ctx);
void csv_release(struct csv_parser *p);

/* Parse the next n bytes. */
enum styr_rc csv_feed(struct csv_parser *p, const char *data, size_t n,
                      struct styr_error *err);

/* End of input: the last record (without a final line break) is
** delivered; an open quote is an error. */
enum styr_rc csv_finish(struct csv_parser *p, struct styr_error *err);

/* Name of the encoding found ("UTF-8", "Windows-1252", or "ASCII"). */
const char *csv_encoding_name(const struct csv_parser *p);

#endif
