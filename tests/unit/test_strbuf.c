/*
** test_strbuf.c — buffers grow, format and detach; errors chain.
*/
#include <setjmp.h>
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_error),
	};
	return cmocka_run_group_tests_name("strbuf", tests, NULL, NULL);
}
