/*
** report.c — the registry of report types and formats, and the helpers
** the report types share: finding the occasion, a document's front
** matter, and narrative text turned into blocks.
*/
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include "report/render_pdf.h"
#include "store/org.h"
#include "store/report_texts.h"

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

doc_renderer report_renderer(const char *format)
{
	if(!strcmp(format, "html"))
		return render_html;
	if(!strcmp(format, "text"))
		return render_text;
	if(!strcmp(format, "xlsx"))
		return render_xlsx;
	if(!strcmp(format, "pdf"))
		return render_pdf;
	return NULL;
}

enum styr_rc report_occasion(struct store *s, const struct report_args *a,
                             const char *kind, struct occasion *out,
                             struct styr_error *err)
{
	enum styr_rc rc;

	if(a->occasion) {
		rc = org_occasion_find(s, a->occasion, out, err);
		if(!rc && strcmp(out->kind, kind))
			rc = styr_error_set(err, STYR_EINVAL,
			    "occasion %s is a %s occasion, not %s", out->key, out->kind, kind);
		return rc;
	}
	struct occasion *all = NULL;
	size_t n = 0;
	rc = org_occasions(s, a->year, &all, &n, err);
	if(rc)
		return rc;
	bool found = false;
	for(size_t i = 0; i < n; i++) {
		if(!strcmp(all[i].kind, kind)) {
			*out = all[i];   /* by date: the last one wins */
			found = true;
		}
	}
	free(all);
	if(!found)
		return styr_error_set(err, STYR_ENOTFOUND, "no %s occasion in %d", kind, a->year);
	return STYR_OK;
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
	d->toc = true;
	d->title_page = true;
	*out = d;
	return STYR_OK;
}

static bool all_lines_start(const char *p, size_t len, bool numbered)
{
	const char *end = p + len;
	while(p < end) {
		if(numbered) {
			const char *q = p;
			while(q < end && *q >= '0' && *q <= '9')
				q++;
			if(q == p || q + 1 >= end || q[0] != '.' || q[1] != ' ')
				return false;
		} else if(end - p < 2 || p[0] != '-' || p[1] != ' ') {
			return false;
		}
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	return true;
}

static void add_list(struct doc *d, const char *p, size_t len, bool numbered)
{
	const char *end = p + len;
	doc_list_begin(d, numbered);
	while(p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		const char *t = numbered ? strchr(p, '.') + 2 : p + 2;
		char *item = strndup(t, (size_t)(e - t));
		doc_list_item(d, item);
		free(item);
		p = nl ? nl + 1 : end;
	}
}

void report_add_text(struct doc *d, const char *text, int heading_level)
{
	const char *p = text;

	while(*p) {
		while(*p == '\n')
			p++;
		if(!*p)
			break;
		const char *e = strstr(p, "\n\n");
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *para = strndup(p, len);
		if(!strncmp(para, "### ", 4))
			doc_heading_plain(d, heading_level, para + 4);
		else if(all_lines_start(para, len, false))
			add_list(d, para, len, false);
		else if(all_lines_start(para, len, true))
			add_list(d, para, len, true);
		else
			doc_para(d, para);
		free(para);
		p += len;
	}
}

enum styr_rc report_add_stored_text(struct doc *d, struct store *s, int64_t occasion_id,
                                    const char *part, int heading_level, bool *found,
                                    struct styr_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	bool have = false;
	enum styr_rc rc = report_text_get(s, occasion_id, part, &sb, &have, err);

	if(!rc && have)
		report_add_text(d, sb.buf, heading_level);
	if(found)
		*found = have;
	strbuf_release(&sb);
	return rc;
}
