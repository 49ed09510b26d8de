/*
** rt_prognos.c — Prognosrapport (`styr report prognos DB --occasion
** 2020-04-30`), and the builder it shares with the delårsrapport:
**   1 Inledning, 2 MER-styrning (the committee's word for its governance
**   model; 2.1 Politiskt fattade beslut, 2.2 Mål),
**   3 Verksamhetsrapport (delår: Verksamhetsberättelse), 4 Ekonomisk
**   rapport (Ekonomiskt resultat, Investeringsredovisning).
** Narrative text comes from report_texts; the tables from the goals,
** economy and assignments modules, each section only where its module
** is part of this build.
*/
#include "reports/report.h"

#include <stdlib.h>
#include <string.h>

#include "org/org.h"

enum styr_rc report_build_period(struct store *s, const struct report_args *a,
                                 enum occasion_kind kind, struct doc **out,
                                 struct styr_error *err)
{
	struct occasion o;
	struct doc *d = NULL;
	bool delar = kind == OCC_DELAR;
	enum styr_rc rc = report_occasion(s, a, kind, &o, err);

	if(!rc)
		rc = report_doc_for_occasion(s, &o, &d, err);
	if(rc) {
		occasion_release(&o);
		return rc;
	}
	doc_heading(d, 1, "Inledning");
	rc = report_add_stored_text(d, s, o.id, PART_INLEDNING, 2, NULL, err);
	if(!rc) {
		char *model = NULL;
		rc = org_word(s, WORD_GOVERNANCE_MODEL, &model, err);
		if(!rc)
			doc_heading(d, 1, model);
		free(model);
	}
	if(!rc) {
		doc_heading(d, 2, "Politiskt fattade beslut");
		rc = report_add_stored_text(d, s, o.id, PART_BESLUT, 3, NULL, err);
	}
	if(!rc) {
		bool have;
		rc = control_doc_assignments(d, s, &o, &have, err);
	}
	if(!rc) {
		struct doc_mark at = doc_mark(d);
		bool have = false;
		doc_heading(d, 2, "Mål");
		rc = goals_doc_followup(d, s, &o, NULL, &have, err);
		if(!rc && !have)
			doc_rewind(d, at);
		if(!rc && have)
			rc = ops_doc_annotate(d, at.nblocks, s, &o, err);
		if(!rc && have)
			rc = ops_doc_sources(d, s, &o, &have, err);
	}
	if(!rc) {
		doc_heading(d, 1, delar ? "Verksamhetsberättelse" : "Verksamhetsrapport");
		rc = report_add_stored_text(d, s, o.id,
		                            delar ? PART_VERKSAMHETSBERATTELSE : PART_VERKSAMHETSRAPPORT,
		                            2, NULL, err);
	}
	if(!rc) {
		doc_heading(d, 1, "Ekonomisk rapport");
		rc = report_add_stored_text(d, s, o.id, PART_EKONOMISK_RAPPORT, 2, NULL, err);
	}
	bool found = false;
	if(!rc) {
		struct doc_mark at = doc_mark(d);
		doc_heading_plain(d, 2, "Ekonomiskt resultat");
		rc = economy_doc_drift(d, s, &o, "Ekonomiskt resultat", "", &found, err);
		if(!rc && !found)
			doc_rewind(d, at);
	}
	if(!rc) {
		struct doc_mark at = doc_mark(d);
		if(delar)
			doc_heading(d, 2, "Investeringar");
		else
			doc_heading_plain(d, 2, "Investeringsredovisning");
		rc = economy_doc_invest(d, s, &o, delar ? "Investeringar" : "Investeringsredovisning",
		                        &found, err);
		if(!rc && !found)
			doc_rewind(d, at);
	}
	occasion_release(&o);
	if(rc) {
		doc_free(d);
		return rc;
	}
	*out = d;
	return STYR_OK;
}

static enum styr_rc build(struct store *s, const struct report_args *a, struct doc **out,
                          struct styr_error *err)
{
	return report_build_period(s, a, OCC_PROGNOS, out, err);
}

const struct report_type rt_prognos = {
	"prognos", "prognosrapport per ett brytdatum (t.ex. 2020-04-30)",
	REPORT_BY_YEAR | REPORT_BY_OCCASION, build
};
