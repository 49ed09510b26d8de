/*
** test_control_store.c — the registers of the seeds read back through the
** domain calls a report uses: the assignment tables of Prognosrapport
** 1-2020 and Delårsrapport 2020 with their counts, the 2020 internal-
** control plan, and case numbering. Figures come from the seed documents.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "control/casenum.h"
#include "control/control.h"
#include "db/store.h"
#include "testutil.h"

static void test_prognos_2020(void **state)
{
	(void)state;
	struct store *s = testutil_example();
	struct assignment_table t;
	struct styr_error err;
	assert_int_equal(control_assignment_table(s, testutil_occasion(s, "2020-04-30"), &t, &err), STYR_OK);
	/* Nine rows: three Pågår, six Avslutad; the text says 6 and 5. */
	assert_int_equal(t.count, 9);
	assert_int_equal(t.ongoing, 3);
	assert_int_equal(t.finished, 6);
	assert_int_equal(t.stated_ongoing, 6);
	assert_int_equal(t.stated_finished, 5);
	assert_int_equal(t.stated_new, 3);
	assert_true(t.has_previous);
	assert_string_equal(t.previous.key, "delar-2019");
	assert_false(t.new_known);
	assert_string_equal(t.rows[0].case_number, "SYD-IT 19-49");
	assert_int_equal(t.rows[0].status, ASSIGNMENT_ONGOING);
	assert_int_equal(t.rows[t.count - 1].status, ASSIGNMENT_FINISHED);
	assignment_table_release(&t);
	store_close(s);
}

static void test_delar_2020(void **state)
{
	(void)state;
	struct store *s = testutil_example();
	struct assignment_table t;
	struct styr_error err;
	assert_int_equal(control_assignment_table(s, testutil_occasion(s, "2020-07-31"), &t, &err), STYR_OK);
	assert_int_equal(t.count, 6);
	assert_int_equal(t.ongoing, 6);
	assert_int_equal(t.finished, 0);
	assert_true(t.new_known);
	assert_int_equal(t.new_count, 3);
	assert_int_equal(t.stated_ongoing, -1);
	for(size_t i = 0; i < t.count; i++)
		if(!strcmp(t.rows[i].key, "digitaliseringsledare"))
			assert_null(t.rows[i].comment);
	assignment_table_release(&t);
	store_close(s);
}

static void test_control_2020(void **state)
{
	(void)state;
	struct store *s = testutil_example();
	struct control_plan p;
	struct styr_error err;
	size_t followups = 0;
	assert_int_equal(control_plan_get(s, 2020, &p, &err), STYR_OK);
	assert_int_equal(p.nrisks, 6);
	assert_string_equal(p.risks[0].area, control_area_names[AREA_ADMINISTRATION]);
	assert_string_equal(p.risks[5].area, control_area_names[AREA_OPERATIONS]);
	/* No scales or areas of its own: the seeds' 4 × 4 and four areas. */
	assert_int_equal(p.prob.n, 4);
	assert_int_equal(p.cons.n, 4);
	assert_false(p.prob.own);
	assert_string_equal(p.prob.label[3], "Sannolik");
	assert_string_equal(p.cons.label[0], "Försumbar");
	assert_int_equal(p.nareas, 4);
	assert_false(p.own_areas);
	assert_int_equal(p.risks[0].value, 6);
	assert_int_equal(p.risks[1].value, 8);
	/* "Att flextidsavtalet inte efterlevs": no grades, no value. */
	assert_string_equal(p.risks[2].text, "Att flextidsavtalet inte efterlevs");
	assert_int_equal(p.risks[2].probability, 0);
	assert_int_equal(p.risks[2].consequence, 0);
	assert_int_equal(p.risks[2].value, 0);
	assert_int_equal(p.risks[5].probability, 3);
	assert_int_equal(p.risks[5].consequence, 2);
	assert_string_equal(control_plan_level(&p, 6)->name, "Medium");
	assert_string_equal(control_plan_level(&p, 8)->name, "Medium");
	for(size_t i = 0; i < p.nrisks; i++)
		for(size_t j = 0; j < p.risks[i].nmoments; j++)
			followups += p.risks[i].moments[j].nfollowups;
	assert_int_equal(followups, 13);
	assert_int_equal(p.risks[5].moments[0].followups[1].status, FOLLOWUP_MAJOR);
	assert_string_equal(p.risks[5].moments[0].followups[1].responsible, "Azra Prepic");
	assert_int_equal(p.nactions, 0);
	assert_non_null(strstr(p.conclusions, "back-up"));
	control_plan_release(&p);
	assert_int_equal(control_plan_get(s, 2019, &p, &err), STYR_ENOTFOUND);
	store_close(s);
}

static void test_case_numbering(void **state)
{
	(void)state;
	struct store *s = testutil_example();
	struct case_row c;
	struct styr_error err;
	struct date d = { 2021, 3, 1 };
	/* 2021 has cases 1, 2 and a document in 4 (Syd-IT 21-4-1). */
	assert_int_equal(case_new(s, 2021, NULL, "Ny", d, &c, &err), STYR_OK);
	assert_string_equal(c.number, "Syd-IT 21-5");
	assert_string_equal(c.norm, "SYD-IT 21-5");
	assert_int_equal(c.status, CASE_OPEN);
	case_row_release(&c);
	assert_int_equal(case_new(s, 2021, "SYD-IT20-6", "Dokument", d, &c, &err), STYR_OK);
	assert_string_equal(c.number, "Syd-IT 20-6-12");
	case_row_release(&c);
	assert_int_equal(case_new(s, 2021, "KS 20-6", "x", d, &c, &err), STYR_EINVAL);
	assert_non_null(strstr(err.msg, "\"Syd-IT YY-N\""));
	store_close(s);
}

/* The forms of casenum.h are the committee's case_format values. */
static void test_form_names_agree(void **state)
{
	(void)state;
	for(int f = 0; f <= CASENUM_NFORMS; f++) {
		if(!casenum_form_names[f]) {
			assert_null(committee_case_formats[f]);
			break;
		}
		assert_string_equal(casenum_form_names[f], committee_case_formats[f]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form_names_agree),
		cmocka_unit_test(test_prognos_2020),
		cmocka_unit_test(test_delar_2020),
		cmocka_unit_test(test_control_2020),
		cmocka_unit_test(test_case_numbering),
	};
	return cmocka_run_group_tests(tests, testutil_setup, testutil_teardown);
}
