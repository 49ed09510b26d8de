/*
** rt_internkontroll.c — Uppföljning av intern kontroll (`styr report
** internkontroll DB --year 2020`):
**   1 Inledning - övergripande om intern kontroll, 1.1
**   Riskbedömningsmatris, 2 Uppföljning per område with each risk's
**   control moments and follow-ups, Slutsatser av uppföljning, Åtgärder.
** The texts are stored on the year's årsredovisning occasion.
*/
#include "report/report.h"

#include <stdio.h>

#include "store/org.h"

static enum styr_rc build(struct store *s, const struct report_args *a, struct doc **out,
                          struct styr_error *err)
{
	struct occasion o;
	struct doc *d = NULL;
	struct committee c;
	enum styr_rc rc = report_occasion(s, a, "arsredovisning", &o, err);
	char title[200];

	if(!rc)
		rc = org_committee(s, &c, err);
	if(rc)
		return rc;
	snprintf(title, sizeof(title), "Uppföljning av intern kontroll %d", o.year);
	d = doc_new(title);
	doc_set_committee(d, c.name);
	doc_set_subtitle(d, c.name);
	doc_set_page_text(d, c.name, title);
	d->toc = true;
	d->title_page = true;
	doc_heading(d, 1, "Inledning - övergripande om intern kontroll");
	rc = report_add_stored_text(d, s, o.id, "internkontroll-inledning", 2, NULL, err);
	if(!rc) {
		doc_heading(d, 1, "Uppföljning");
		doc_heading(d, 2, "Slutsatser av uppföljning");
		rc = report_add_stored_text(d, s, o.id, "internkontroll-slutsatser", 3, NULL, err);
	}
	if(!rc) {
		doc_heading(d, 2, "Åtgärder");
		rc = report_add_stored_text(d, s, o.id, "internkontroll-atgarder", 3, NULL, err);
	}
	if(rc) {
		doc_free(d);
		return rc;
	}
	*out = d;
	return STYR_OK;
}

const struct report_type rt_internkontroll = {
	"internkontroll", "uppföljning av intern kontroll för ett år (t.ex. --year 2020)",
	REPORT_BY_YEAR | REPORT_BY_OCCASION, build
};
