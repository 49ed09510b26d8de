/*
** fuzz_json.c — libFuzzer harness for the JSON reader (in the shape of
** jq's tests/jq_fuzz_parse.c). Whatever parses must write back through
** jsonw and parse again to the same tree shape; nothing may crash or leak.
**
**   make fuzz            (clang -fsanitize=fuzzer,address,undefined)
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/jsonw.h"
#include "base/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void write_tree(struct jsonw *w, const struct json *j)
{
	switch(j->type) {
	case JSON_NULL: jsonw_null(w); break;
	case JSON_BOOL: jsonw_bool(w, j->boolean); break;
	case JSON_NUMBER: jsonw_number_text(w, j->text); break;
	case JSON_STRING: jsonw_string(w, j->text); break;
	case JSON_ARRAY:
		jsonw_array_begin(w);
		for(size_t i = 0; i < j->count; i++)
			write_tree(w, j->items[i]);
		jsonw_array_end(w);
		break;
	case JSON_OBJECT:
		jsonw_object_begin(w);
		for(size_t i = 0; i < j->count; i++) {
			jsonw_key(w, j->members[i].key);
			write_tree(w, j->members[i].value);
		}
		jsonw_object_end(w);
		break;
	}
}

static int depth(const struct json *j)
{
	int d = 0;
	for(size_t i = 0; i < j->count; i++) {
		const struct json *c = j->type == JSON_ARRAY ? j->items[i] : j->members[i].value;
		int cd = depth(c);
		if(cd > d)
			d = cd;
	}
	return d + 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct styr_error err;
	struct json *j = json_parse((const char *)data, size, "fuzz", &err);
	if(!j)
		return 0;
	if(depth(j) < JSONW_MAX_DEPTH - 1) {
		struct strbuf sb = STRBUF_INIT;
		struct jsonw w;
		jsonw_init(&w, jsonw_strbuf_sink, &sb, (size & 1) != 0);
		write_tree(&w, j);
		struct json *again = json_parse(sb.buf, sb.len, "again", &err);
		if(!again || again->type != j->type || again->count != j->count)
			abort();
		json_free(again);
		strbuf_release(&sb);
	}
	json_free(j);
	return 0;
}
