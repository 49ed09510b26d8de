/*
** test_control.c — risk scales and values of the 2020 internal-control
** report (protocol 2021-02-10, § 4), and assignment statuses.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "control/control_scales.h"

static void test_labels(void **state)
{
	(void)state;
	assert_string_equal(risk_probability_label(1), "Osannolik");
	assert_string_equal(risk_probability_label(2), "Mindre sannolik");
	assert_string_equal(risk_probability_label(3), "Möjlig");
	assert_string_equal(risk_probability_label(4), "Sannolik");
	assert_string_equal(risk_consequence_label(1), "Försumbar");
	assert_string_equal(risk_consequence_label(2), "Lindrig");
	assert_string_equal(risk_consequence_label(3), "Kännbar");
	assert_string_equal(risk_consequence_label(4), "Allvarlig");
	assert_null(risk_probability_label(0));
	assert_null(risk_probability_label(5));
	assert_null(risk_consequence_label(5));
	assert_string_equal(risk_probability_text(4), "det är mycket troligt att fel ska uppstå");
}

static void test_values(void **state)
{
	(void)state;
	/* The seed's rows: 2 × 3 = 6, 2 × 4 = 8, 3 × 2 = 6. */
	assert_int_equal(risk_value(2, 3, 4, 4), 6);
	assert_int_equal(risk_value(2, 4, 4, 4), 8);
	assert_int_equal(risk_value(3, 2, 4, 4), 6);
	assert_int_equal(risk_value(4, 4, 4, 4), 16);
	/* "Att flextidsavtalet inte efterlevs" has neither: no value. */
	assert_int_equal(risk_value(0, 0, 4, 4), 0);
	assert_int_equal(risk_value(2, 0, 4, 4), 0);
	assert_int_equal(risk_value(5, 1, 4, 4), 0);
	/* Other scales: 3 × 3 (at most 9), 5 × 5 (at most 25). */
	assert_int_equal(risk_value(3, 3, 3, 3), 9);
	assert_int_equal(risk_value(4, 1, 3, 3), 0);
	assert_int_equal(risk_value(5, 5, 5, 5), 25);
	assert_int_equal(risk_value(2, 5, 3, 5), 10);
	assert_int_equal(risk_value(2, 5, 5, 3), 0);
}

static void test_statuses(void **state)
{
	(void)state;
	assert_true(assignment_status_open(ASSIGNMENT_ONGOING));
	assert_true(assignment_status_open(ASSIGNMENT_PAUSED));
	assert_false(assignment_status_open(ASSIGNMENT_FINISHED));
	assert_false(assignment_status_open(ASSIGNMENT_NO_STATUS));
	/* The name tables are the documents' words, indexed by the enums. */
	assert_int_equal(control_name_index(assignment_status_names, "Pågår"), ASSIGNMENT_ONGOING);
	assert_int_equal(control_name_index(assignment_status_names, "Vilande/nedprioriterad"),
	                 ASSIGNMENT_PAUSED);
	assert_int_equal(control_name_index(assignment_status_names, NULL), ASSIGNMENT_NO_STATUS);
	assert_int_equal(control_name_index(assignment_status_names, "pågår"), -1);
	assert_string_equal(followup_status_names[FOLLOWUP_MAJOR], "Större avvikelser");
	assert_int_equal(control_name_index(followup_status_names, "Ej påbörjad"),
	                 FOLLOWUP_NOT_STARTED);
	assert_string_equal(control_area_names[AREA_OPERATIONS], "Verksamhetsspecifik");
	assert_null(control_area_names[AREA_NAREAS]);
	assert_string_equal(case_status_names[CASE_OPEN], "öppet");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_statuses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
