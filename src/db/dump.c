/*
** dump.c — the whole database as a JSON data document (see dump.h).
*/
#include "db/dump.h"

#include "db/section.h"
#include "db/store.h"

static enum styr_rc write_row(void *ctx, const struct section_desc *d,
                              const struct field_value vals[])
{
	section_row_json(ctx, d, vals);
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
