/*
** report.c — the registry of report types and formats, and the helpers
** the report types share: finding the occasion, a document's front
** matter, and narrative text turned into blocks.
*/
#include "reports/report.h"

#include <stdlib.h>
#include <string.h>

#include "org/org.h"
#include "reports/report_texts.h"

static const struct report_type *const types[] = {
	&rt_mer_plan, &rt_prognos, &rt_delar, &rt_arsredovisning,
	&rt_internkontroll, &rt_protokoll, &rt_utdrag,
};

const struct report_type *const *report_types(size_t *count)
{
	*count = sizeof(types) / sizeof(types[0]);
	return types;
}

const struct report_type *report_type_find(const char *name)
{
	for(size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if(!strcmp(types[i]->name, name))
			return types[i];
	return NULL;
}

enum styr_rc report_occasion(struct store *s, const struct report_args *a,
                             enum occasion_kind kind, struct occasion *out,
                             struct styr_error *err)
{
	struct occasion_query q = { a->occasion, a->year, OCC_BIT(kind) };
	return org_occasion_resolve(s, &q, out, err);
}

enum styr_rc report_doc_for_occasion(struct store *s, const struct occasion *o,
                                     struct doc **out, struct styr_error *err)
{
	struct committee c;
	char iso[11];
	enum styr_rc rc = org_committee(s, &c, err);

	*out = NULL;
	if(rc)
		return rc;
	struct doc *d = doc_new(o->title);
	doc_set_committee(d, c.name);
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, c.name);
	if(o->date.year) {
		date_format_iso(o->date, iso);
		strbuf_addf(&sb, ", per %s", iso);
	}
	doc_set_subtitle(d, sb.buf);
	if(o->document_date.year)
		doc_set_date(d, o->document_date);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s – %s", c.name, o->title);
	doc_set_page_text(d, c.name, sb.buf);
	strbuf_release(&sb);
	committee_release(&c);
	d->toc = true;
	d->title_page = true;
	*out = d;
	return STYR_OK;
}

enum styr_rc report_add_stored_text(struct doc *d, struct store *s, int64_t occasion_id,
                                    enum report_part part, int heading_level, bool *found,
                                    struct styr_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	bool have = false;
	enum styr_rc rc = report_text_get(s, occasion_id, part, &sb, &have, err);

	if(!rc && have)
		doc_add_text(d, sb.buf, heading_level);
	if(found)
		*found = have;
	strbuf_release(&sb);
	return rc;
}
