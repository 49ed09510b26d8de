/*
** rt_arsredovisning.c — Årsredovisning (`styr report arsredovisning DB
** --year 2024`), in the structure of the 2020 and 2024 documents:
**   1 Verksamheter: Inledning (when written), Måluppfyllelse with the
**   rule text and Nämndmål, Verksamhetsberättelse, Ekonomi
**   (driftredovisning, investeringsredovisning, fördelning av över-/
**   underskott).
*/
#include "reports/report.h"

#include <stdlib.h>

#include "org/org.h"
#include "reports/report_texts.h"

static enum styr_rc build(struct store *s, const struct report_args *a, struct doc **out,
                          struct styr_error *err)
{
	struct occasion o;
	struct doc *d = NULL;
	bool found = false;
	enum styr_rc rc = report_occasion(s, a, OCC_ARSREDOVISNING, &o, err);

	if(!rc)
		rc = report_doc_for_occasion(s, &o, &d, err);
	if(rc) {
		occasion_release(&o);
		return rc;
	}
	doc_heading(d, 1, "Verksamheter");
	struct strbuf intro = STRBUF_INIT;
	rc = report_text_get(s, o.id, PART_INLEDNING, &intro, &found, err);
	if(!rc && found) {   /* the 2020 report has none: no heading then */
		doc_heading(d, 2, "Inledning");
		doc_add_text(d, intro.buf, 3);
	}
	strbuf_release(&intro);
	if(!rc) {
		doc_heading(d, 2, "Måluppfyllelse");
		rc = report_add_stored_text(d, s, o.id, PART_MAL, 3, NULL, err);
	}
	if(!rc) {
		struct doc_mark at = doc_mark(d);
		doc_heading(d, 3, "Nämndmål");
		rc = goals_doc_followup(d, s, &o, NULL, &found, err);
		if(!rc && !found)
			doc_rewind(d, at);
		if(!rc && found)
			rc = ops_doc_annotate(d, at.nblocks, s, &o, err);
		if(!rc && found)
			rc = ops_doc_sources(d, s, &o, &found, err);
	}
	if(!rc) {
		doc_heading(d, 2, "Verksamhetsberättelse");
		rc = report_add_stored_text(d, s, o.id, PART_VERKSAMHETSBERATTELSE, 3, NULL, err);
	}
	if(!rc) {
		char *line = NULL;
		doc_heading(d, 2, "Ekonomi");
		rc = org_word(s, WORD_ACCOUNT_LINE, &line, err);
		if(!rc)
			rc = economy_doc_drift(d, s, &o, "Driftredovisning", line, &found, err);
		free(line);
	}
	if(!rc)
		rc = report_add_stored_text(d, s, o.id, PART_EKONOMISK_RAPPORT, 3, NULL, err);
	if(!rc)
		rc = economy_doc_split(d, s, o.year, &found, err);
	if(!rc)
		rc = economy_doc_invest(d, s, &o, "Investeringsredovisning", &found, err);
	if(!rc)
		rc = report_add_stored_text(d, s, o.id, PART_INVESTERINGAR, 3, NULL, err);
	occasion_release(&o);
	if(rc) {
		doc_free(d);
		return rc;
	}
	*out = d;
	return STYR_OK;
}

const struct report_type rt_arsredovisning = {
	"arsredovisning", "årsredovisning för ett år (t.ex. --year 2024)",
	REPORT_BY_YEAR | REPORT_BY_OCCASION, build
};
