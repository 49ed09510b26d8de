/*
** test_json.c — the JSON reader keeps positions and refuses bad input;
** the writer escapes and round-trips.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "base/json.h"
#include "base/jsonw.h"
#include "base/strbuf.h"

static struct json *parse(const char *s, struct styr_error *err)
{
	return json_parse(s, strlen(s), "t.json", err);
}

static void test_positions(void **state)
{
	(void)state;
	struct styr_error err;
	struct json *j = parse("{\n  \"a\": [1, 2.50],\n  \"b\": \"Laxå\"\n}", &err);
	assert_non_null(j);
	assert_int_equal(j->count, 2);
	assert_int_equal(j->members[0].line, 2);
	assert_int_equal(j->members[1].line, 3);
	struct json *a = json_get(j, "a");
	assert_int_equal(a->type, JSON_ARRAY);
	assert_string_equal(a->items[1]->text, "2.50");
	assert_string_equal(json_get(j, "b")->text, "Laxå");
	assert_int_equal(json_get(j, "b")->column, 8);
	json_free(j);
}

static void test_errors(void **state)
{
	(void)state;
	struct styr_error err;
	assert_null(parse("{\"a\": 1,\n \"a\": 2}", &err));
	assert_string_equal(err.msg, "t.json:2:2: duplicate key \"a\" (first at line 1)");
	assert_null(parse("[1,\n\n 2,]", &err));
	assert_string_equal(err.msg, "t.json:3:4: expected a value");
	assert_null(parse("\"a\xff\"", &err));
	assert_non_null(strstr(err.msg, "invalid UTF-8"));
	assert_null(parse("{} x", &err));
	assert_non_null(strstr(err.msg, "after the end"));
	assert_null(parse("01", &err));
	assert_null(parse("\"\\ud800\"", &err));
	assert_null(parse("", &err));
	assert_int_equal(err.code, STYR_EINVAL);
}

static void test_escapes(void **state)
{
	(void)state;
	struct styr_error err;
	struct json *j = parse("\"\\u00e5\\n\\\"\\ud83d\\ude00\"", &err);
	assert_non_null(j);
	assert_string_equal(j->text, "å\n\"\xF0\x9F\x98\x80");
	json_free(j);
}

static void test_writer(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	struct jsonw w;
	jsonw_init(&w, jsonw_strbuf_sink, &sb, true);
	jsonw_object_begin(&w);
	jsonw_kv_string(&w, "name", "Sydnärkes \"IT\"\n");
	jsonw_key(&w, "list");
	jsonw_array_begin(&w);
	jsonw_int(&w, -852);
	jsonw_bool(&w, true);
	jsonw_array_end(&w);
	jsonw_key(&w, "empty");
	jsonw_array_begin(&w);
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
	assert_string_equal(sb.buf,
	    "{\n  \"name\": \"Sydnärkes \\\"IT\\\"\\n\",\n  \"list\": [\n    -852,\n    true\n  ],\n"
	    "  \"empty\": []\n}\n");
	struct styr_error err;
	struct json *j = json_parse(sb.buf, sb.len, "w", &err);
	assert_non_null(j);
	assert_string_equal(json_get(j, "name")->text, "Sydnärkes \"IT\"\n");
	json_free(j);
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_writer),
	};
	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
