/*
** json.c — JSON reader with positions (see json.h). A recursive-descent
** parser over a memory buffer; RFC 8259 strict.
*/
#include "base/json.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"

#define JSON_MAX_DEPTH 64

struct parser {
	const char *p, *end, *line_start;
	int line;
	const char *name;
	struct styr_error *err;
};

static int column(const struct parser *ps, const char *at)
{
	/* Count code points, not bytes, so the column matches an editor's. */
	int col = 1;
	for(const char *c = ps->line_start; c < at; c++)
		if(((unsigned char)*c & 0xC0) != 0x80)
			col++;
	return col;
}

static struct json *fail(struct parser *ps, const char *at, const char *what)
{
	if(ps->err->code == STYR_OK)
		styr_error_set(ps->err, STYR_EINVAL, "%s:%d:%d: %s", ps->name,
		               ps->line, column(ps, at), what);
	return NULL;
}

static void skip_ws(struct parser *ps)
{
	while(ps->p < ps->end) {
		char c = *ps->p;
		if(c == '\n') {
			ps->line++;
			ps->line_start = ps->p + 1;
		} else if(c != ' ' && c != '\t' && c != '\r') {
			return;
		}
		ps->p++;
	}
}

static struct json *new_node(struct parser *ps, enum json_type t)
{
	struct json *j = xcalloc(1, sizeof(*j));
	j->type = t;
	j->line = ps->line;
	j->column = column(ps, ps->p);
	return j;
}

static int hexval(char c)
{
	if(c >= '0' && c <= '9') return c - '0';
	if(c >= 'a' && c <= 'f') return c - 'a' + 10;
	if(c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

static bool read_hex4(struct parser *ps, unsigned *out)
{
	unsigned v = 0;
	if(ps->end - ps->p < 4)
		return false;
	for(int i = 0; i < 4; i++) {
		int h = hexval(ps->p[i]);
		if(h < 0)
			return false;
		v = v << 4 | (unsigned)h;
	}
	ps->p += 4;
	*out = v;
	return true;
}

static void put_utf8(struct strbuf *sb, unsigned cp)
{
	if(cp < 0x80) {
		strbuf_addch(sb, (int)cp);
	} else if(cp < 0x800) {
		strbuf_addch(sb, (int)(0xC0 | cp >> 6));
		strbuf_addch(sb, (int)(0x80 | (cp & 0x3F)));
	} else if(cp < 0x10000) {
		strbuf_addch(sb, (int)(0xE0 | cp >> 12));
		strbuf_addch(sb, (int)(0x80 | (cp >> 6 & 0x3F)));
		strbuf_addch(sb, (int)(0x80 | (cp & 0x3F)));
	} else {
		strbuf_addch(sb, (int)(0xF0 | cp >> 18));
		strbuf_addch(sb, (int)(0x80 | (cp >> 12 & 0x3F)));
		strbuf_addch(sb, (int)(0x80 | (cp >> 6 & 0x3F)));
		strbuf_addch(sb, (int)(0x80 | (cp & 0x3F)));
	}
}

/* Length of a valid UTF-8 sequence at p (1..4), or 0 if invalid. */
static int utf8_len(const unsigned char *p, const unsigned char *end)
{
	unsigned c = p[0];
	int n;
	unsigned cp;

	if(c < 0x80) return 1;
	if(c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
	else if(c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; }
	else if(c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; }
	else return 0;
	if(end - p < n)
		return 0;
	for(int i = 1; i < n; i++) {
		if((p[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3F);
	}
	if((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	   (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return n;
}

/* Parse a string starting at the opening quote into sb. */
static bool parse_string_raw(struct parser *ps, struct strbuf *sb)
{
	const char *start = ps->p;
	ps->p++; /* opening quote */
	for(;;) {
		if(ps->p >= ps->end) {
			fail(ps, start, "unterminated string");
			return false;
		}
		unsigned char c = (unsigned char)*ps->p;
		if(c == '"') {
			ps->p++;
			return true;
		}
		if(c < 0x20) {
			fail(ps, ps->p, "control character in string (write \\n, \\t ...)");
			return false;
		}
		if(c == '\\') {
			const char *esc = ps->p;
			ps->p++;
			if(ps->p >= ps->end) {
				fail(ps, esc, "unterminated escape");
				return false;
			}
			char e = *ps->p++;
			switch(e) {
			case '"': strbuf_addch(sb, '"'); break;
			case '\\': strbuf_addch(sb, '\\'); break;
			case '/': strbuf_addch(sb, '/'); break;
			case 'b': strbuf_addch(sb, '\b'); break;
			case 'f': strbuf_addch(sb, '\f'); break;
			case 'n': strbuf_addch(sb, '\n'); break;
			case 'r': strbuf_addch(sb, '\r'); break;
			case 't': strbuf_addch(sb, '\t'); break;
			case 'u': {
				unsigned cp, lo;
				if(!read_hex4(ps, &cp)) {
					fail(ps, esc, "expected four hex digits after \\u");
					return false;
				}
				if(cp >= 0xD800 && cp <= 0xDBFF) {
					if(ps->end - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u') {
						fail(ps, esc, "unpaired surrogate in \\u escape");
						return false;
					}
					ps->p += 2;
					if(!read_hex4(ps, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
						fail(ps, esc, "unpaired surrogate in \\u escape");
						return false;
					}
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				} else if(cp >= 0xDC00 && cp <= 0xDFFF) {
					fail(ps, esc, "unpaired surrogate in \\u escape");
					return false;
				}
				if(cp == 0) {
					fail(ps, esc, "\\u0000 is not allowed in styr text");
					return false;
				}
				put_utf8(sb, cp);
				break;
			}
			default:
				fail(ps, esc, "unknown escape in string");
				return false;
			}
			continue;
		}
		int n = utf8_len((const unsigned char *)ps->p, (const unsigned char *)ps->end);
		if(!n) {
			fail(ps, ps->p, "invalid UTF-8 in string (styr data is UTF-8)");
			return false;
		}
		strbuf_add(sb, ps->p, (size_t)n);
		ps->p += n;
	}
}

static struct json *parse_value(struct parser *ps, int depth);

static struct json *parse_number(struct parser *ps)
{
	const char *s = ps->p;
	struct json *j;

	if(ps->p < ps->end && *ps->p == '-')
		ps->p++;
	if(ps->p >= ps->end || *ps->p < '0' || *ps->p > '9')
		return fail(ps, s, "expected a digit");
	if(*ps->p == '0')
		ps->p++;
	else
		while(ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
			ps->p++;
	if(ps->p < ps->end && *ps->p == '.') {
		ps->p++;
		if(ps->p >= ps->end || *ps->p < '0' || *ps->p > '9')
			return fail(ps, s, "expected a digit after the decimal point");
		while(ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
			ps->p++;
	}
	if(ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
		ps->p++;
		if(ps->p < ps->end && (*ps->p == '+' || *ps->p == '-'))
			ps->p++;
		if(ps->p >= ps->end || *ps->p < '0' || *ps->p > '9')
			return fail(ps, s, "expected a digit in the exponent");
		while(ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
			ps->p++;
	}
	const char *save = ps->p;
	ps->p = s;
	j = new_node(ps, JSON_NUMBER);
	ps->p = save;
	j->len = (size_t)(save - s);
	j->text = xmalloc(j->len + 1);
	memcpy(j->text, s, j->len);
	j->text[j->len] = '\0';
	return j;
}

static bool match_word(struct parser *ps, const char *w)
{
	size_t n = strlen(w);
	if((size_t)(ps->end - ps->p) < n || memcmp(ps->p, w, n))
		return false;
	ps->p += n;
	return true;
}

static struct json *parse_array(struct parser *ps, int depth)
{
	struct json *j = new_node(ps, JSON_ARRAY);
	size_t cap = 0;

	ps->p++;
	skip_ws(ps);
	if(ps->p < ps->end && *ps->p == ']') {
		ps->p++;
		return j;
	}
	for(;;) {
		struct json *v = parse_value(ps, depth + 1);
		if(!v)
			goto err;
		ALLOC_GROW(j->items, j->count, cap);
		j->items[j->count++] = v;
		skip_ws(ps);
		if(ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if(ps->p < ps->end && *ps->p == ']') {
			ps->p++;
			return j;
		}
		fail(ps, ps->p, "expected ',' or ']' in array");
		goto err;
	}
err:
	json_free(j);
	return NULL;
}

static struct json *parse_object(struct parser *ps, int depth)
{
	struct json *j = new_node(ps, JSON_OBJECT);
	size_t cap = 0;

	ps->p++;
	skip_ws(ps);
	if(ps->p < ps->end && *ps->p == '}') {
		ps->p++;
		return j;
	}
	for(;;) {
		struct strbuf key = STRBUF_INIT;
		int kline, kcol;

		skip_ws(ps);
		if(ps->p >= ps->end || *ps->p != '"') {
			fail(ps, ps->p, "expected a key in double quotes");
			goto err;
		}
		kline = ps->line;
		kcol = column(ps, ps->p);
		const char *kat = ps->p;
		if(!parse_string_raw(ps, &key)) {
			strbuf_release(&key);
			goto err;
		}
		for(size_t i = 0; i < j->count; i++) {
			if(!strcmp(j->members[i].key, key.buf)) {
				struct strbuf m = STRBUF_INIT;
				strbuf_addf(&m, "duplicate key \"%s\" (first at line %d)",
				            key.buf, j->members[i].line);
				fail(ps, kat, m.buf);
				strbuf_release(&m);
				strbuf_release(&key);
				goto err;
			}
		}
		skip_ws(ps);
		if(ps->p >= ps->end || *ps->p != ':') {
			fail(ps, ps->p, "expected ':' after key");
			strbuf_release(&key);
			goto err;
		}
		ps->p++;
		struct json *v = parse_value(ps, depth + 1);
		if(!v) {
			strbuf_release(&key);
			goto err;
		}
		ALLOC_GROW(j->members, j->count, cap);
		j->members[j->count].key = strbuf_detach(&key);
		j->members[j->count].line = kline;
		j->members[j->count].column = kcol;
		j->members[j->count].value = v;
		j->count++;
		skip_ws(ps);
		if(ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if(ps->p < ps->end && *ps->p == '}') {
			ps->p++;
			return j;
		}
		fail(ps, ps->p, "expected ',' or '}' in object");
		goto err;
	}
err:
	json_free(j);
	return NULL;
}

static struct json *parse_value(struct parser *ps, int depth)
{
	struct json *j;

	if(depth > JSON_MAX_DEPTH)
		return fail(ps, ps->p, "nesting deeper than 64 levels");
	skip_ws(ps);
	if(ps->p >= ps->end)
		return fail(ps, ps->p, "expected a value, found the end of the file");
	switch(*ps->p) {
	case '{':
		return parse_object(ps, depth);
	case '[':
		return parse_array(ps, depth);
	case '"': {
		struct strbuf sb = STRBUF_INIT;
		j = new_node(ps, JSON_STRING);
		if(!parse_string_raw(ps, &sb)) {
			strbuf_release(&sb);
			json_free(j);
			return NULL;
		}
		j->len = sb.len;
		j->text = strbuf_detach(&sb);
		return j;
	}
	case 't':
	case 'f':
		j = new_node(ps, JSON_BOOL);
		if(match_word(ps, "true"))
			j->boolean = true;
		else if(!match_word(ps, "false")) {
			json_free(j);
			return fail(ps, ps->p, "expected a value");
		}
		return j;
	case 'n':
		j = new_node(ps, JSON_NULL);
		if(!match_word(ps, "null")) {
			json_free(j);
			return fail(ps, ps->p, "expected a value");
		}
		return j;
	default:
		if(*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))
			return parse_number(ps);
		return fail(ps, ps->p, "expected a value");
	}
}

struct json *json_parse(const char *buf, size_t len, const char *name,
                        struct styr_error *err)
{
	struct parser ps = { buf, buf + len, buf, 1, name, err };
	struct json *j;

	styr_error_init(err);
	/* A UTF-8 byte order mark is tolerated: editors on Windows write one. */
	if(len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		ps.p += 3;
		ps.line_start = ps.p;
	}
	j = parse_value(&ps, 0);
	if(!j)
		return NULL;
	skip_ws(&ps);
	if(ps.p != ps.end) {
		json_free(j);
		return fail(&ps, ps.p, "unexpected data after the end of the document");
	}
	return j;
}

void json_free(struct json *j)
{
	if(!j)
		return;
	for(size_t i = 0; i < j->count; i++) {
		if(j->type == JSON_ARRAY) {
			json_free(j->items[i]);
		} else if(j->type == JSON_OBJECT) {
			free(j->members[i].key);
			json_free(j->members[i].value);
		}
	}
	free(j->items);
	free(j->members);
	free(j->text);
	free(j);
}

struct json *json_get(const struct json *obj, const char *key)
{
	if(!obj || obj->type != JSON_OBJECT)
		return NULL;
	for(size_t i = 0; i < obj->count; i++)
		if(!strcmp(obj->members[i].key, key))
			return obj->members[i].value;
	return NULL;
}

const char *json_type_name(enum json_type t)
{
	switch(t) {
	case JSON_NULL:   return "null";
	case JSON_BOOL:   return "true or false";
	case JSON_NUMBER: return "a number";
	case JSON_STRING: return "a string";
	case JSON_ARRAY:  return "an array";
	case JSON_OBJECT: return "an object";
	}
	return "?";
}
