/*
** value.c — values of sections: from a data file's JSON, or from a
** person's text on the command line, to the stored form (see section.h).
**
** This is the one place a value is checked against its field: `styr load`,
** `styr set`, undo and the web all come through section_value_convert, so
** a value that one of them refuses, all of them refuse, with the same
** words.
*/
#include "db/section.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "base/jsonw.h"
#include "base/limits.h"
#include "base/money.h"
#include "base/strbuf.h"

/* Set err to "<where>[:<line>]: <key>: <what>" and return STYR_EINVAL. */
static enum styr_rc at(struct styr_error *err, const char *where, int line,
                       const char *key, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static enum styr_rc at(struct styr_error *err, const char *where, int line,
                       const char *key, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	if(line > 0)
		styr_error_set(err, STYR_EINVAL, "%s:%d: %s: %s", where, line, key, sb.buf);
	else
		styr_error_set(err, STYR_EINVAL, "%s: %s: %s", where, key, sb.buf);
	strbuf_release(&sb);
	return STYR_EINVAL;
}

static void list_allowed(struct strbuf *sb, const char *const *allowed)
{
	for(size_t i = 0; allowed[i]; i++)
		strbuf_addf(sb, "%s\"%s\"", i ? ", " : "", allowed[i]);
}

enum styr_rc section_value_convert(struct store *s, const char *where, bool lines,
                                   const struct field_desc *f, const struct json *v,
                                   struct field_value *out, struct styr_error *err)
{
	int line = lines ? v->line : 0;
	memset(out, 0, sizeof(*out));
	if(v->type == JSON_NULL) {
		if(f->flags & FIELD_REQUIRED)
			return at(err, where, line, f->key, "expected %s, found null", f->help);
		out->null = true;
		return STYR_OK;
	}
	switch(f->type) {
	case FIELD_TEXT: {
		struct styr_error why;
		if(v->type != JSON_STRING)
			return at(err, where, line, f->key, "expected a string (%s), found %s",
			          f->help, json_type_name(v->type));
		if(v->len > LIMIT_DATA_STRING)
			return at(err, where, line, f->key, "the text is longer than %llu bytes, "
			          "the limit of a text (docs/limits.md)",
			          (unsigned long long)LIMIT_DATA_STRING);
		if(!text_valid(v->text, v->len, &why))
			return at(err, where, line, f->key, "expected text (%s), found %s; a text "
			          "may hold tabs and line breaks but no other control characters",
			          f->help, why.msg);
		out->s = v->text;
		return STYR_OK;
	}
	case FIELD_ENUM:
		if(v->type == JSON_STRING)
			for(size_t i = 0; f->allowed[i]; i++)
				if(!strcmp(f->allowed[i], v->text)) {
					out->s = v->text;
					return STYR_OK;
				}
		{
			struct strbuf sb = STRBUF_INIT;
			list_allowed(&sb, f->allowed);
			at(err, where, line, f->key, "expected one of %s, found %s%s%s", sb.buf,
			   v->type == JSON_STRING ? "\"" : "",
			   v->type == JSON_STRING ? v->text : json_type_name(v->type),
			   v->type == JSON_STRING ? "\"" : "");
			strbuf_release(&sb);
			return STYR_EINVAL;
		}
	case FIELD_DATE: {
		struct date d;
		if(v->type != JSON_STRING || !date_parse_iso(v->text, &d))
			return at(err, where, line, f->key, "expected a date YYYY-MM-DD " DATE_RANGE_TEXT
			          " (%s), found %s%s%s",
			          f->help, v->type == JSON_STRING ? "\"" : "",
			          v->type == JSON_STRING ? v->text : json_type_name(v->type),
			          v->type == JSON_STRING ? "\"" : "");
		out->s = v->text;
		return STYR_OK;
	}
	case FIELD_BOOL:
		if(v->type != JSON_BOOL)
			return at(err, where, line, f->key, "expected true or false (%s), found %s",
			          f->help, json_type_name(v->type));
		out->i = v->boolean;
		return STYR_OK;
	case FIELD_INT: {
		char *end;
		if(v->type != JSON_NUMBER)
			return at(err, where, line, f->key, "expected a whole number (%s), found %s",
			          f->help, json_type_name(v->type));
		errno = 0;
		long long n = strtoll(v->text, &end, 10);
		if(*end || (errno && errno != ERANGE))
			return at(err, where, line, f->key, "expected a whole number (%s), found %s",
			          f->help, v->text);
		/* Years, positions, § numbers, account numbers, counts and
		** populations: all are read back as int, and a sum of them
		** (a split's population total) must not overflow. */
		if(errno == ERANGE || n < -LIMIT_DATA_INT || n > LIMIT_DATA_INT)
			return at(err, where, line, f->key, "expected a whole number from %lld to %lld "
			          "(%s), found %s", -(long long)LIMIT_DATA_INT, (long long)LIMIT_DATA_INT,
			          f->help, v->text);
		out->i = n;
		return STYR_OK;
	}
	case FIELD_NUMBER:
		if(v->type != JSON_NUMBER)
			return at(err, where, line, f->key, "expected a number (%s), found %s",
			          f->help, json_type_name(v->type));
		out->s = v->text;
		return STYR_OK;
	case FIELD_MONEY: {
		struct styr_error e2;
		if(v->type != JSON_NUMBER)
			return at(err, where, line, f->key, "expected an amount in kronor (%s), found %s",
			          f->help, json_type_name(v->type));
		if(money_parse_kronor(v->text, &out->i, &e2))
			return at(err, where, line, f->key, "%s", e2.msg);
		return STYR_OK;
	}
	case FIELD_REF: {
		const struct section_desc *t = store_section_find(f->ref_section);
		const struct field_desc *k = t ? section_key_field(t) : NULL;
		struct field_value key;
		enum styr_rc rc;
		if(!k)
			return styr_error_set(err, STYR_EINVAL, "section field %s refers to unknown section %s",
			                      f->key, f->ref_section);
		rc = section_value_convert(s, where, lines, k, v, &key, err);
		if(rc) {
			/* Say what the reference needs, under this field's name. */
			return at(err, where, line, f->key, "expected the %s of an entry in \"%s\" (%s)",
			          k->key, t->name, f->help);
		}
		rc = store_section_resolve(s, t, &key, &out->i, err);
		out->s = v->type == JSON_STRING || v->type == JSON_NUMBER ? v->text : NULL;
		if(rc == STYR_ENOTFOUND) {
			if(v->type == JSON_STRING)
				return at(err, where, line, f->key, "no entry in \"%s\" has %s \"%s\"",
				          t->name, k->key, v->text);
			return at(err, where, line, f->key, "no entry in \"%s\" has %s %s",
			          t->name, k->key, v->text);
		}
		return rc;
	}
	}
	return STYR_EINVAL;
}

enum styr_rc section_row_convert(struct store *s, const struct section_desc *d,
                                 const char *where, bool lines, const struct json *obj,
                                 struct field_value vals[], bool set[],
                                 struct styr_error *err)
{
	enum styr_rc rc;

	if(obj->type != JSON_OBJECT)
		return at(err, where, lines ? obj->line : 0, d->name, "expected an object (%s), found %s",
		          d->help, json_type_name(obj->type));
	for(size_t m = 0; m < obj->count; m++) {
		const struct json_member *mem = &obj->members[m];
		if(!section_field(d, mem->key)) {
			struct strbuf sb = STRBUF_INIT;
			section_list_fields(d, &sb);
			at(err, where, lines ? mem->line : 0, mem->key,
			   "unknown field of \"%s\", expected one of %s", d->name, sb.buf);
			strbuf_release(&sb);
			return STYR_EINVAL;
		}
	}
	for(size_t i = 0; i < d->nfields; i++) {
		const struct field_desc *f = &d->fields[i];
		const struct json *v = json_get(obj, f->key);
		if(set)
			set[i] = v != NULL;
		if(!v) {
			if(set)
				continue;
			if(f->flags & FIELD_REQUIRED)
				return at(err, where, lines ? obj->line : 0, f->key,
				          "missing in \"%s\": expected %s", d->name, f->help);
			memset(&vals[i], 0, sizeof(vals[i]));
			vals[i].null = true;
			continue;
		}
		rc = section_value_convert(s, where, lines, f, v, &vals[i], err);
		if(rc)
			return rc;
	}
	return STYR_OK;
}

/* The JSON lexeme of a Swedish number: "-1234.5" for "−1 234,5". */
static bool number_lexeme(const char *text, bool whole, struct strbuf *out)
{
	struct sv_number n;
	struct styr_error e;
	if(sv_number_parse(text, &n, &e) || n.percent || (whole && n.decimals))
		return false;
	uint64_t mag = n.value < 0 ? -(uint64_t)n.value : (uint64_t)n.value;
	char digits[32];
	int len = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)mag);
	if(n.value < 0)
		strbuf_addch(out, '-');
	if(n.decimals >= len) {
		strbuf_addstr(out, "0.");
		for(int i = len; i < n.decimals; i++)
			strbuf_addch(out, '0');
		strbuf_addstr(out, digits);
	} else {
		strbuf_add(out, digits, (size_t)(len - n.decimals));
		if(n.decimals) {
			strbuf_addch(out, '.');
			strbuf_addstr(out, digits + len - n.decimals);
		}
	}
	return true;
}

struct json *section_value_from_text(const struct field_desc *f, const char *text,
                                     const char *where, struct styr_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	struct jsonw w;
	enum field_type type = f->type;
	struct json *j;

	if(type == FIELD_REF) {
		const struct section_desc *t = store_section_find(f->ref_section);
		const struct field_desc *k = t ? section_key_field(t) : NULL;
		if(!k) {
			styr_error_set(err, STYR_EINVAL, "section field %s refers to unknown section %s",
			               f->key, f->ref_section);
			return NULL;
		}
		type = k->type;
	}
	if(!*text) {
		strbuf_addstr(&sb, "null");
	} else {
		switch(type) {
		case FIELD_INT:
		case FIELD_NUMBER:
		case FIELD_MONEY:
			if(!number_lexeme(text, type == FIELD_INT, &sb)) {
				at(err, where, 0, f->key, "expected %s (%s), found \"%s\"",
				   type == FIELD_INT ? "a whole number" : type == FIELD_MONEY
				   ? "an amount in kronor" : "a number", f->help, text);
				strbuf_release(&sb);
				return NULL;
			}
			break;
		case FIELD_BOOL:
			if(!strcmp(text, "true") || !strcmp(text, "ja"))
				strbuf_addstr(&sb, "true");
			else if(!strcmp(text, "false") || !strcmp(text, "nej"))
				strbuf_addstr(&sb, "false");
			else {
				at(err, where, 0, f->key, "expected true or false (ja or nej) (%s), found \"%s\"",
				   f->help, text);
				strbuf_release(&sb);
				return NULL;
			}
			break;
		default:
			jsonw_init(&w, jsonw_strbuf_sink, &sb, false);
			jsonw_string(&w, text);
			break;
		}
	}
	j = json_parse(sb.buf, sb.len, where, err);
	strbuf_release(&sb);
	return j;
}
