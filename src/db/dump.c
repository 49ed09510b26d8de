/*
** dump.c — the whole database as a JSON data document (see dump.h).
*/
#include "db/dump.h"

#include <stdbool.h>

#include "base/money.h"
#include "base/strbuf.h"
#include "db/section.h"
#include "db/store.h"

static enum styr_rc write_row(void *ctx, const struct section_desc *d,
                              const struct field_value vals[])
{
	struct jsonw *w = ctx;

	jsonw_object_begin(w);
	for(size_t i = 0; i < d->nfields; i++) {
		const struct field_desc *f = &d->fields[i];
		const struct field_value *v = &vals[i];
		if(v->null)
			continue;
		jsonw_key(w, f->key);
		switch(f->type) {
		case FIELD_TEXT:
		case FIELD_DATE:
		case FIELD_ENUM:
			jsonw_string(w, v->s);
			break;
		case FIELD_NUMBER:
			jsonw_number_text(w, v->s);
			break;
		case FIELD_INT:
			jsonw_int(w, v->i);
			break;
		case FIELD_BOOL:
			jsonw_bool(w, v->i != 0);
			break;
		case FIELD_MONEY: {
			struct strbuf sb = STRBUF_INIT;
			money_format_kronor(&sb, v->i);
			jsonw_number_text(w, sb.buf);
			strbuf_release(&sb);
			break;
		}
		case FIELD_REF:
			if(v->s)
				jsonw_string(w, v->s);
			else
				jsonw_int(w, v->i);
			break;
		}
	}
	jsonw_object_end(w);
	return STYR_OK;
}

enum styr_rc dump_store(struct store *s, struct jsonw *w, struct styr_error *err)
{
	size_t n;
	const struct section_desc *const *secs = store_sections(&n);
	enum styr_rc rc = STYR_OK;

	jsonw_object_begin(w);
	for(size_t k = 0; !rc && k < n; k++) {
		int64_t count = 0;
		rc = store_section_count(s, secs[k], &count, err);
		if(rc || !count)
			continue;
		jsonw_key(w, secs[k]->name);
		jsonw_array_begin(w);
		rc = store_section_each(s, secs[k], write_row, w, err);
		jsonw_array_end(w);
	}
	jsonw_object_end(w);
	jsonw_finish(w);
	return rc;
}
