/*
** rt_internkontroll.c — Uppföljning av intern kontroll (`styr report
** internkontroll DB --year 2020`):
**   1 Inledning - övergripande om intern kontroll, 1.1
**   Riskbedömningsmatris, 2 Uppföljning per område with each risk's
**   control moments and follow-ups, Slutsatser av uppföljning, Åtgärder.
** The narrative texts are stored on the year's årsredovisning occasion;
** the plan itself comes from the internal-control module.
*/
#include "reports/report.h"

#include "org/org.h"
#include "reports/report_texts.h"

static enum styr_rc build(struct store *s, const struct report_args *a, struct doc **out,
                          struct styr_error *err)
{
	struct occasion o = { 0 };
	struct committee c = { 0 };
	struct strbuf concl = STRBUF_INIT, acts = STRBUF_INIT;
	bool have_concl = false, have_acts = false, found = false;
	struct strbuf title = STRBUF_INIT;
	struct report_args ya = *a;
	enum styr_rc rc;

	*out = NULL;
	if(a->occasion) {   /* --occasion names the year's report occasion */
		rc = report_occasion(s, a, OCC_ARSREDOVISNING, &o, err);
		if(rc)
			return rc;
		ya.year = o.year;
		ya.occasion = NULL;
		occasion_release(&o);
	}
	rc = report_occasion(s, &ya, OCC_ARSREDOVISNING, &o, err);
	if(!rc)
		rc = org_committee(s, &c, err);
	if(!rc)
		rc = report_text_get(s, o.id, PART_IK_SLUTSATSER, &concl, &have_concl, err);
	if(!rc)
		rc = report_text_get(s, o.id, PART_IK_ATGARDER, &acts, &have_acts, err);
	if(rc)
		goto done;
	strbuf_addf(&title, "Uppföljning av intern kontroll %s %d", c.name, o.year);
	struct doc *d = doc_new(title.buf);
	doc_set_committee(d, c.name);
	doc_set_subtitle(d, c.name);
	if(o.date.year)
		doc_set_date(d, o.date);
	doc_set_page_text(d, c.name, title.buf);
	doc_set_identity(d, c.letterhead, c.logo, c.colour);
	d->toc = true;
	d->title_page = true;
	doc_heading(d, 1, "Inledning - övergripande om intern kontroll");
	rc = report_add_stored_text(d, s, o.id, PART_IK_INLEDNING, 2, NULL, err);
	if(!rc)
		rc = control_doc_plan(d, s, o.year, have_concl ? concl.buf : NULL,
		                         have_acts ? acts.buf : NULL, &found, err);
	if(!rc && !found)   /* a report of texts alone would be empty headings */
		rc = styr_error_set(err, STYR_ENOTFOUND, "no internal-control plan for %d", o.year);
	if(rc)
		doc_free(d);
	else
		*out = d;
done:
	occasion_release(&o);
	committee_release(&c);
	strbuf_release(&concl);
	strbuf_release(&acts);
	strbuf_release(&title);
	return rc;
}

const struct report_type rt_internkontroll = {
	"internkontroll", "uppföljning av intern kontroll för ett år (t.ex. --year 2020)",
	REPORT_BY_YEAR | REPORT_BY_OCCASION, build
};
