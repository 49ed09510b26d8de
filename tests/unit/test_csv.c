/*
** test_csv.c — the streaming CSV parser (base/csv.h): separators, quotes,
** line ends, byte-order mark, Windows-1252, chunk boundaries and errors.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "base/csv.h"
#include "base/strbuf.h"

/* Every record as "f1|f2|…@line" lines, fields also with ":column". */
static enum styr_rc collect(void *ctx, const struct csv_record *rec, struct styr_error *err)
{
	struct strbuf *sb = ctx;
	(void)err;
	for(size_t i = 0; i < rec->n; i++)
		strbuf_addf(sb, "%s%s:%d", i ? "|" : "", rec->fields[i].text, rec->fields[i].column);
	strbuf_addf(sb, "@%ld\n", rec->line);
	return STYR_OK;
}

/* Parse s fed in chunks of `chunk` bytes (0: all at once). */
static enum styr_rc parse(const char *s, size_t len, size_t chunk, char sep,
                          struct strbuf *out, struct styr_error *err, const char **enc)
{
	struct csv_parser p;
	enum styr_rc rc = STYR_OK;
	csv_init(&p, sep, collect, out);
	if(!chunk)
		chunk = len ? len : 1;
	for(size_t i = 0; !rc && i < len; i += chunk)
		rc = csv_feed(&p, s + i, len - i < chunk ? len - i : chunk, err);
	if(!rc)
		rc = csv_finish(&p, err);
	*enc = csv_encoding_name(&p);
	csv_release(&p);
	return rc;
}

static void check(const char *in, char sep, const char *want, const char *want_enc)
{
	/* the same result whatever the chunk size */
	for(size_t chunk = 0; chunk <= 64; chunk++) {
		struct strbuf out = STRBUF_INIT;
		struct styr_error err;
		const char *enc;
		styr_error_init(&err);
		assert_int_equal(parse(in, strlen(in), chunk, sep, &out, &err, &enc), STYR_OK);
		assert_string_equal(out.buf, want);
		assert_string_equal(enc, want_enc);
		strbuf_release(&out);
	}
}

static void check_error_n(const char *in, size_t len, const char *want)
{
	for(size_t chunk = 0; chunk <= 64; chunk += 7) {
		struct strbuf out = STRBUF_INIT;
		struct styr_error err;
		const char *enc;
		styr_error_init(&err);
		assert_int_equal(parse(in, len, chunk, 0, &out, &err, &enc), STYR_EINVAL);
		assert_string_equal(err.msg, want);
		strbuf_release(&out);
	}
}

static void check_error(const char *in, const char *want)
{
	check_error_n(in, strlen(in), want);
}

static void test_separators(void **state)
{
	(void)state;
	check("a;b;c\n1;2;3\n", 0, "a:1|b:3|c:5@1\n1:1|2:3|3:5@2\n", "ASCII");
	check("a,b\n1,2", 0, "a:1|b:3@1\n1:1|2:3@2\n", "ASCII");
	/* a comma inside the ';' file is data (decimal comma) */
	check("konto;belopp\n5010;-1 234,50\n", 0, "konto:1|belopp:7@1\n5010:1|-1 234,50:6@2\n", "ASCII");
	check("a;b,c\n", ',', "a;b:1|c:5@1\n", "ASCII");
	/* empty fields, trailing separator */
	check(";x;\n", ';', ":1|x:2|:4@1\n", "ASCII");
}

static void test_quotes_and_lines(void **state)
{
	(void)state;
	check("\"a;b\";\"say \"\"hi\"\"\"\r\n\"two\nlines\";x\r\n", ';',
	      "a;b:1|say \"hi\":7@1\ntwo\nlines:1|x:8@2\n", "ASCII");
	check("a\rb\r\n\r\nc", ';', "a:1@1\nb:1@2\nc:1@4\n", "ASCII");
	check("5\"6;x\n", ';', "5\"6:1|x:5@1\n", "ASCII");
	check("\n\n", ';', "", "ASCII");
}

static void test_encodings(void **state)
{
	(void)state;
	check("\xef\xbb\xbf" "L\xc3\xb6n;1\n", 0, "L\xc3\xb6n:1|1:6@1\n", "UTF-8");
	check("L\xc3\xb6n;1\n", 0, "L\xc3\xb6n:1|1:6@1\n", "UTF-8");
	/* Windows-1252: å ä ö, € and a curly quote */
	check("L\xe5x\xe4;\xf6;\x80\x93\n", 0,
	      "L\xc3\xa5x\xc3\xa4:1|\xc3\xb6:6|\xe2\x82\xac\xe2\x80\x9c:8@1\n", "Windows-1252");
}

static void test_errors(void **state)
{
	(void)state;
	check_error("a;\"b\"c\n", "1:6: expected ';' or the end of the line after the closing quote");
	check_error("a;b\nc;\"open\n", "2:3: expected a closing quote for the field that starts here");
	check_error("L\xc3\xb6n;1\nL\xf6n;2\n", "2:1: expected UTF-8 text like the rest of the file");
	/* text has no control characters: ESC would reach a terminal raw */
	check_error("a;b\x1b[2J\n", "1:3: column 2: expected text, found control character U+001B at character 2");
	check_error("\"a\x07\"\n", "1:1: column 1: expected text, found control character U+0007 at character 2");
	/* Windows-1252 leaves 0x81 undefined: U+0081 is a C1 control */
	check_error("L\xe5x;\x81\n", "1:5: column 2: expected text, found control character U+0081 at character 1");
}

/* Where the read boundary falls once changed the result: the separator
** was detected on a first record cut inside a quoted line break, and a
** CRLF inside quotes split over two reads counted as two lines. */
static void test_chunk_boundaries(void **state)
{
	(void)state;
	check("\"Text\nmed radbrytning\";Belopp\n\"a\";1\n", 0,
	      "Text\nmed radbrytning:1|Belopp:18@1\na:1|1:5@3\n", "ASCII");
	check("\"x\r\ny\r\nz\";2\r\n3;4\r\n", ';', "x\r\ny\r\nz:1|2:4@1\n3:1|4:3@4\n", "ASCII");
	check("\"x\r\r\n\ny\";2\n3;4\n", ';', "x\r\r\n\ny:1|2:4@1\n3:1|4:3@5\n", "ASCII");
	check("\"a\"\"b\",c\n", 0, "a\"b:1|c:8@1\n", "ASCII");
	check("\xef\xbb\xbf\"a\nb\";c\n", 0, "a\nb:1|c:4@1\n", "UTF-8");
	check("x", 0, "x:1@1\n", "ASCII");
	check("\"a\nb\"", 0, "a\nb:1@1\n", "ASCII");
}

/* What cannot be read whole is refused: a NUL would cut the field; a
** record beyond LIMIT_CSV_RECORD bytes or LIMIT_CSV_FIELDS fields. */
static void test_limits(void **state)
{
	(void)state;
	check_error_n("a;b\nc\0d;e\n", 11, "2:2: a NUL byte is not text (a UTF-16 file? save it as CSV UTF-8)");
	check_error_n("\"a\0\";b\n", 7, "1:3: a NUL byte is not text (a UTF-16 file? save it as CSV UTF-8)");
	check_error_n("\xff\xfe" "a\0;\0b\0\n\0", 10, "1:4: a NUL byte is not text (a UTF-16 file? save it as CSV UTF-8)");

	struct strbuf big = STRBUF_INIT;
	strbuf_addstr(&big, "a;b\n\"");
	for(int i = 0; i < (1 << 20); i++)
		strbuf_addch(&big, i % 80 ? 'x' : '\n');
	strbuf_addstr(&big, "\";1\n");
	check_error(big.buf, "2:1: the record is longer than 1048576 bytes, the limit of a CSV record (docs/limits.md)");
	strbuf_reset(&big);
	for(int i = 0; i < (1 << 20) + 1; i++)
		strbuf_addch(&big, 'x');
	check_error(big.buf, "1:1: the record is longer than 1048576 bytes, the limit of a CSV record (docs/limits.md)");
	strbuf_reset(&big);
	for(int i = 0; i < 10001; i++)
		strbuf_addch(&big, ';');
	check_error(big.buf, "1:10001: the record has more than 10000 fields, the limit of a CSV record (docs/limits.md)");
	strbuf_release(&big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_separators),
		cmocka_unit_test(test_quotes_and_lines),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_chunk_boundaries),
		cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
