/*
** json.h — a small JSON reader that remembers where every value stood.
**
** styr's data files are written by people, so an error must name the line
** of the offending key. Common JSON libraries (jansson included) report a
** position only for syntax errors, not for a value that parsed but is
** wrong, so styr keeps its own tree: every node carries its line and
** column. Numbers are kept as their text, so that money is never parsed
** through a double. Objects keep their keys in file order and refuse
** duplicates.
**
** Pure: parses from a memory buffer, no I/O. The tree is owned by the
** caller and freed with json_free().
*/
#ifndef STYR_JSON_H
#define STYR_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "base/error.h"

enum json_type { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

struct json;

struct json_member {
	char *key;
	int line, column;   /* of the key */
	struct json *value;
};

struct json {
	enum json_type type;
	int line, column;   /* where the value starts, 1-based */
	bool boolean;       /* JSON_BOOL */
	char *text;         /* JSON_STRING: decoded UTF-8; JSON_NUMBER: the lexeme */
	size_t len;         /* length of text */
	size_t count;       /* JSON_ARRAY: items; JSON_OBJECT: members */
	struct json **items;
	struct json_member *members;
};

/* Parse buf[0..len). On failure returns NULL and sets err to
** "<name>:<line>:<column>: <what was expected>". Invalid UTF-8, control
** characters in strings, duplicate keys, trailing data and nesting deeper
** than 64 are errors. `name` is the file name used in messages. */
struct json *json_parse(const char *buf, size_t len, const char *name,
                        struct styr_error *err);

void json_free(struct json *j);

/* Member of an object by key, or NULL. */
struct json *json_get(const struct json *obj, const char *key);

/* "string", "number", ... for messages. */
const char *json_type_name(enum json_type t);

#endif
