/*
** rt_mer_plan.c — MER-plan (`styr report mer-plan DB --year 2023`):
**   1 Inledning, 2 Mål och indikatorer (per kommunfullmäktiges mål),
**   3 Driftbudget (budget Y, Y−1, förändring), 4 Investeringsbudget
**   (investeringsutgift, kapitalkostnad, avskrivning, ränta).
*/
#include "reports/report.h"

#include "org/org.h"

static enum styr_rc build(struct store *s, const struct report_args *a, struct doc **out,
                          struct styr_error *err)
{
	struct occasion o;
	struct doc *d = NULL;
	enum styr_rc rc = report_occasion(s, a, OCC_MER_PLAN, &o, err);

	if(!rc)
		rc = report_doc_for_occasion(s, &o, &d, err);
	if(rc) {
		occasion_release(&o);
		return rc;
	}
	doc_heading(d, 1, "Inledning");
	rc = report_add_stored_text(d, s, o.id, PART_INLEDNING, 2, NULL, err);
	bool found;
	if(!rc) {
		struct doc_mark at = doc_mark(d);
		doc_heading(d, 1, "Mål och indikatorer");
		rc = goals_doc_plan(d, s, o.year, &found, err);
		if(!rc && !found)
			doc_rewind(d, at);
	}
	if(!rc) {
		doc_heading(d, 1, "Driftbudget");
		rc = economy_doc_drift(d, s, &o, "Driftbudget", "", &found, err);
	}
	if(!rc)
		rc = report_add_stored_text(d, s, o.id, PART_DRIFTBUDGET, 2, NULL, err);
	if(!rc) {
		/* a committee without investments has no such chapter */
		struct doc_mark at = doc_mark(d);
		bool text = false;
		doc_heading(d, 1, "Investeringsbudget");
		rc = economy_doc_capital(d, s, o.year, &found, err);
		if(!rc)
			rc = report_add_stored_text(d, s, o.id, PART_INVESTERINGAR, 2, &text, err);
		if(!rc && !found && !text)
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

const struct report_type rt_mer_plan = {
	"mer-plan", "MER-plan för ett år med planår (t.ex. --year 2023)",
	REPORT_BY_YEAR | REPORT_BY_OCCASION, build
};
