/*
** rt_delar.c — Delårsrapport (`styr report delar DB --occasion
** 2020-07-31`): the structure of the prognosrapport with a
** verksamhetsberättelse (see report_build_period() in rt_prognos.c).
*/
#include "reports/report.h"

static enum styr_rc build(struct store *s, const struct report_args *a, struct doc **out,
                          struct styr_error *err)
{
	return report_build_period(s, a, OCC_DELAR, out, err);
}

const struct report_type rt_delar = {
	"delar", "delårsrapport per ett brytdatum (t.ex. 2020-07-31)",
	REPORT_BY_YEAR | REPORT_BY_OCCASION, build
};
