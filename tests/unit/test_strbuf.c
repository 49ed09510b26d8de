/*
** test_strbuf.c — buffers grow, format and detach; errors chain.
*/
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <unistd.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/error.h"
#include "base/strbuf.h"

static void test_grow(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	assert_string_equal(sb.buf, "");
	for(int i = 0; i < 1000; i++)
		strbuf_addch(&sb, 'a' + i % 26);
	assert_int_equal(sb.len, 1000);
	assert_int_equal(sb.buf[1000], '\0');
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s %d", "tkr", 1923);
	assert_string_equal(sb.buf, "tkr 1923");
	char *d = strbuf_detach(&sb);
	assert_string_equal(d, "tkr 1923");
	assert_int_equal(sb.len, 0);
	free(d);
	strbuf_release(&sb);
}

/* A whole file is appended, past the first 64 KiB read; a file that
** is not there gives -1 and ENOENT and leaves the buffer as it was. */
static void test_read_file(void **state)
{
	(void)state;
	char path[] = "/tmp/styr-test-strbuf-XXXXXX";
	int fd = mkstemp(path);
	struct strbuf sb = STRBUF_INIT;
	FILE *f;

	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	for(int i = 0; i < 100000; i++)
		fputc('0' + i % 10, f);
	fclose(f);
	strbuf_addstr(&sb, "head:");
	assert_int_equal(strbuf_read_file(&sb, path), 100000);
	assert_int_equal(sb.len, 100005);
	assert_memory_equal(sb.buf, "head:0123", 9);
	assert_int_equal(sb.buf[100004], '9');
	assert_int_equal(sb.buf[sb.len], '\0');
	unlink(path);
	errno = 0;
	assert_int_equal(strbuf_read_file(&sb, path), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(sb.len, 100005);
	strbuf_release(&sb);
}

static void test_error(void **state)
{
	(void)state;
	struct styr_error err;
	styr_error_init(&err);
	assert_int_equal(styr_error_set(&err, STYR_EINVAL, "bad %s", "x"), STYR_EINVAL);
	styr_error_prefix(&err, "f.json:%d", 3);
	assert_string_equal(err.msg, "f.json:3: bad x");
	assert_int_equal(styr_rc_exit_status(STYR_OK), 0);
	assert_int_equal(styr_rc_exit_status(STYR_EFINDINGS), 1);
	assert_int_equal(styr_rc_exit_status(STYR_EDB), 2);
}

/* Text styr stores is UTF-8 without controls; tab and line breaks are
** text. The message says what and where. */
static void test_text_valid(void **state)
{
	(void)state;
	struct styr_error err;
	static const char *const good[] = {
		"", "Laxå", "Sydnärkes IT-nämnd", "rad 1\nrad 2\r\n\tindrag", "≥ 74", "\xF0\x9F\x98\x80",
	};
	for(size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(text_valid(good[i], strlen(good[i]), NULL));
	assert_false(text_valid("\xff", 1, &err));
	assert_string_equal(err.msg, "invalid UTF-8 (byte 0xff at byte 1)");
	assert_false(text_valid("\xc3\x28", 2, &err));
	assert_string_equal(err.msg, "invalid UTF-8 (byte 0xc3 at byte 1)");
	assert_false(text_valid("åäö\x1b[31m", 10, &err));
	assert_string_equal(err.msg, "control character U+001B at character 4");
	assert_false(text_valid("a\x07", 2, &err));
	assert_string_equal(err.msg, "control character U+0007 at character 2");
	assert_false(text_valid("a\0b", 3, &err));
	assert_string_equal(err.msg, "control character U+0000 at character 2");
	assert_false(text_valid("\x7f", 1, &err));
	assert_false(text_valid("\xc2\x9b" "31m", 5, &err)); /* C1 CSI */
	assert_string_equal(err.msg, "control character U+009B at character 1");
	assert_false(text_valid("\xed\xa0\x80", 3, NULL));     /* a surrogate */
	assert_false(text_valid("\xc0\xaf", 2, NULL));         /* overlong */
	assert_true(text_valid("\xc2\xa0", 2, NULL));          /* no-break space */
}

static void test_printable(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	strbuf_add_printable(&sb, "Laxå\x1b[2J\x07\xff\tok\n\xc2\x9b");
	assert_string_equal(sb.buf, "Laxå\\x1b[2J\\x07\\xff\tok\\x0a\\xc2\\x9b");
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_error),
		cmocka_unit_test(test_text_valid),
		cmocka_unit_test(test_printable),
	};
	return cmocka_run_group_tests_name("strbuf", tests, NULL, NULL);
}
