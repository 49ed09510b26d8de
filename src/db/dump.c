/*
** dump.c — the whole database as a JSON data document (see dump.h).
*/
#include "db/dump.h"

#include "db/section.h"
#include "db/store.h"

/* A section's key is written with its first row, so that an empty section
** is left out without asking for its count first (a round trip on
** PostgreSQL for each of some sixty sections). */
struct dump_section {
	struct jsonw *w;
	bool started;
};

static enum styr_rc write_row(void *ctx, const struct section_desc *d,
                              const struct field_value vals[])
{
	struct dump_section *ds = ctx;
	if(!ds->started) {
		jsonw_key(ds->w, d->name);
		jsonw_array_begin(ds->w);
		ds->started = true;
	}
	section_row_json(ds->w, d, vals);
	return STYR_OK;
}

enum styr_rc dump_store(struct store *s, struct jsonw *w, struct styr_error *err)
{
	size_t n;
	const struct section_desc *const *secs = store_sections(&n);
	enum styr_rc rc = STYR_OK;

	jsonw_object_begin(w);
	for(size_t k = 0; !rc && k < n; k++) {
		struct dump_section ds = { w, false };
		rc = store_section_each(s, secs[k], write_row, &ds, err);
		if(ds.started)
			jsonw_array_end(w);
	}
	jsonw_object_end(w);
	jsonw_finish(w);
	return rc;
}
