/*
** report.c — the registry of report types and formats, and the helpers
** the report types share: finding the occasion, a document's front
** matter, and narrative text turned into blocks.
*/
#include "reports/report.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/findings.h"
#include "doc/render_pdf.h"
#include "org/org.h"
#include "reports/report_texts.h"

static const struct report_type *const types[] = {
	&rt_mer_plan, &rt_prognos, &rt_delar, &rt_arsredovisning,
	&rt_internkontroll, &rt_protokoll, &rt_utdrag, &rt_tjansteskrivelse,
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

enum styr_rc report_build(const struct report_type *t, struct store *s,
                          const struct report_args *a, struct doc **out,
                          struct styr_error *err)
{
	enum styr_rc rc = t->build(s, a, out, err);
	if(!rc)
		doc_resolve_figures(*out, NULL);
	return rc;
}

enum styr_rc reports_check(struct store *s, struct findings *f, struct styr_error *err)
{
	struct occasion *occ = NULL;
	size_t n = 0;
	enum styr_rc rc = org_occasions(s, 0, &occ, &n, err);
	static const char *const type_of[OCC_NKINDS] = {
		[OCC_MER_PLAN] = "mer-plan", [OCC_PROGNOS] = "prognos",
		[OCC_DELAR] = "delar", [OCC_ARSREDOVISNING] = "arsredovisning",
	};

	if(rc == STYR_ENOTFOUND)
		return STYR_OK;
	if(rc)
		return rc;
	for(size_t i = 0; i < n; i++) {
		const struct report_type *t = report_type_find(type_of[occ[i].kind]);
		struct report_args a = { 0 };
		struct styr_error e;
		struct doc *d = NULL;
		struct strbuf where = STRBUF_INIT, unres = STRBUF_INIT, out = STRBUF_INIT;
		if(!t)
			continue;
		if(occ[i].kind == OCC_MER_PLAN || occ[i].kind == OCC_ARSREDOVISNING)
			a.year = occ[i].year;
		else
			a.occasion = occ[i].key;
		styr_error_init(&e);
		/* a report that cannot be made from the data is not checked here */
		if(t->build(s, &a, &d, &e))
			continue;
		strbuf_addf(&where, "report %s %s", t->name, occ[i].key);
		doc_check_prose(d, where.buf, &out);
		doc_resolve_figures(d, &unres);
		for(const char *p = unres.buf; *p;) {
			const char *nl = strchr(p, '\n');
			findings_add(f, "%s: the text refers to {{%.*s}}, which is no figure of the report",
			             where.buf, (int)(nl ? nl - p : (long)strlen(p)), p);
			p = nl ? nl + 1 : p + strlen(p);
		}
		for(const char *p = out.buf; *p;) {
			const char *nl = strchr(p, '\n');
			findings_add(f, "%.*s", (int)(nl ? nl - p : (long)strlen(p)), p);
			p = nl ? nl + 1 : p + strlen(p);
		}
		doc_free(d);
		strbuf_release(&where);
		strbuf_release(&unres);
		strbuf_release(&out);
	}
	occasions_free(occ, n);
	return STYR_OK;
}

enum styr_rc report_occasion(struct store *s, const struct report_args *a,
                             enum occasion_kind kind, struct occasion *out,
                             struct styr_error *err)
{
	struct occasion_query q = { a->occasion, a->year, OCC_BIT(kind) };
	return org_occasion_resolve(s, &q, out, err);
}

enum styr_rc report_identity(struct doc *d, struct store *s, struct styr_error *err)
{
	struct committee c;
	enum styr_rc rc = org_committee(s, &c, err);
	if(rc)
		return rc;
	doc_set_identity(d, c.letterhead, c.logo, c.colour);
	committee_release(&c);
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
	doc_set_date(d, o->document_date.year ? o->document_date : clock_today());
	doc_set_identity(d, c.letterhead, c.logo, c.colour);
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

/* Parse `styr report` arguments ("arsredovisning --year 2020") into a
** type and args (pointing into buf, which is changed). */
static const struct report_type *parse_report_spec(char *buf, struct report_args *a)
{
	char *save = NULL, *tok = strtok_r(buf, " ", &save);
	const struct report_type *t = tok ? report_type_find(tok) : NULL;
	memset(a, 0, sizeof(*a));
	while(t && (tok = strtok_r(NULL, " ", &save)) != NULL) {
		char *val = strtok_r(NULL, " ", &save);
		if(!val)
			return NULL;
		if(!strcmp(tok, "--year"))
			a->year = atoi(val);
		else if(!strcmp(tok, "--occasion"))
			a->occasion = val;
		else if(!strcmp(tok, "--meeting"))
			a->meeting = val;
		else if(!strcmp(tok, "--paragraph"))
			a->paragraph = atoi(val);
		else
			return NULL;
	}
	return t;
}

/* d's PDF with its attachments in out: d and each report attachment
** drawn without being finished, then the pages joined by qpdf (the
** module styr-pdfjoin.so, loaded only here) and the whole finished as a
** PDF/A once (pdf_append), not once a document. */
static enum styr_rc render_attached(struct store *s, const struct doc *d, struct strbuf *out,
                                    struct styr_error *err)
{
	struct pdf_attachment *att = xcalloc(d->natt, sizeof(*att));
	struct strbuf *made = xcalloc(d->natt, sizeof(*made));
	const struct pdf_module *m = pdf_module(err);
	size_t start = out->len;
	enum styr_rc rc = m ? m->render_raw(d, out, err) : STYR_EIO;

	for(size_t i = 0; i < d->natt && !rc; i++) {
		att[i].title = d->att[i].title;
		att[i].path = d->att[i].path;
		strbuf_init(&made[i]);
		if(!d->att[i].path && d->att[i].report) {
			char *spec = xstrdup(d->att[i].report);
			struct report_args a;
			const struct report_type *t = parse_report_spec(spec, &a);
			struct doc *sub = NULL;
			if(!t)
				rc = styr_error_set(err, STYR_EINVAL, "attachment \"%s\": \"%s\" is not a report "
				                    "(TYPE --year Y | --occasion DATE | --meeting DATE [--paragraph N])",
				                    d->att[i].title, d->att[i].report);
			else
				rc = report_build(t, s, &a, &sub, err);
			if(!rc)
				rc = m->render_raw(sub, &made[i], err);
			if(rc)
				styr_error_prefix(err, "attachment \"%s\"", d->att[i].title);
			att[i].data = made[i].buf;
			att[i].len = made[i].len;
			doc_free(sub);
			free(spec);
		}
	}
	if(!rc)
		rc = pdf_append(out, start, att, d->natt, d->language, err);
	for(size_t i = 0; i < d->natt; i++)
		strbuf_release(&made[i]);
	free(made);
	free(att);
	return rc;
}

enum styr_rc report_render(struct store *s, const struct doc *d, doc_renderer render,
                           struct strbuf *out, struct styr_error *err)
{
	if(d->natt && render == doc_renderer_find("pdf"))
		return render_attached(s, d, out, err);
	return render(d, out, err);
}
