/*
** test_meetings.c — the protocol of 2021-02-10 read back from the example
** data, its legal dates, and the refusals of `styr meeting …`: a decision
** on a § that does not exist, a justerare who was not present, an anslag
** before the justering, § numbers colliding with another meeting of the
** year. Figures come from the seed protocol.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "meetings/meetings.h"
#include "db/store.h"
#include "testutil.h"

static void assert_date(struct date got, const char *want)
{
	char buf[11];
	date_format_iso(got, buf);
	assert_string_equal(buf, want);
}

static void test_protocol_of_the_seed(void **state)
{
	(void)state;
	struct store *s = testutil_example();
	struct protocol p;
	struct styr_error err;
	assert_int_equal(meeting_protocol(s, "2021-02-10", &p, &err), STYR_OK);
	assert_string_equal(p.start, "13:00");
	assert_string_equal(p.end, "13:45");
	assert_string_equal(p.chair, "Magnus Andersson");
	assert_string_equal(p.secretary, "Emil Pettersson");
	assert_int_equal(p.npeople, 8);
	assert_string_equal(p.people[1].name, "Bo Rudolfsson");
	assert_string_equal(p.people[1].party, "KD");
	assert_string_equal(p.people[1].municipality, "Laxå");
	/* four members, one substitute not serving, three officials (Övriga) */
	for(size_t i = 0; i < p.npeople; i++)
		assert_int_equal(p.people[i].role, i < 4 ? ROLE_MEMBER : i == 4 ? ROLE_SUBSTITUTE
		                                                                : ROLE_OFFICIAL);
	assert_int_equal(p.njusterare, 1);
	assert_string_equal(p.justerare[0], "Bo Rudolfsson");
	assert_int_equal(p.nitems, 7);
	assert_int_equal(p.items[0].number, 1);
	assert_int_equal(p.items[6].number, 7);
	assert_string_equal(p.items[2].case_number, "Syd-IT 21-1");
	assert_int_equal(p.items[2].nbasis, 2);
	assert_int_equal(p.items[4].ndelegations, 4);
	assert_string_equal(p.items[4].delegations[0].case_number, "Syd-IT 20-6-11");
	assert_date(p.items[4].period_from, "2020-11-25");
	assert_date(p.items[4].period_to, "2021-02-03");
	assert_int_equal(p.items[5].nmessages, 4);
	assert_int_equal(p.nanslag, 1);
	assert_date(p.anslag[0].date, "2021-02-24");

	struct findings warn = FINDINGS_INIT;
	struct meeting_deadlines dl;
	meeting_deadlines(&p, 4, &dl, &warn);
	assert_date(dl.justering_deadline, "2021-02-24");
	assert_date(dl.anslag_deadline, "2021-02-26");
	assert_date(dl.appeal.last_day, "2021-03-17");
	assert_date(dl.appeal.removal, "2021-03-18");
	/* The seed's bevis says "Datum för överklagan 2021-02-24 till och med
	** 2021-03-18": the removal day given as the end of the appeal period. */
	assert_int_equal(warn.count, 1);
	assert_string_equal(warn.lines[0], "meeting 2021-02-10: the anslag in Lekeberg states the "
	                    "appeal period until 2021-03-18, later than the law gives: the last day "
	                    "of appeal is 2021-03-17 (2021-02-24 + 21 days, lag 1930:173); the report "
	                    "prints 2021-03-17");
	findings_release(&warn);
	assert_int_equal(p.nmembers, 4);
	assert_int_equal(dl.missing_members, 3);
	protocol_release(&p);

	assert_int_equal(meeting_protocol(s, "2021-02-11", &p, &err), STYR_ENOTFOUND);
	assert_string_equal(err.msg, "no meeting on '2021-02-11' (known: 2021-02-10)");
	store_close(s);
}

static void test_decision_on_missing_paragraph(void **state)
{
	(void)state;
	struct store *s = testutil_example();
	struct styr_error err;
	struct meeting_decision d = { NULL, NULL, "Nämnden beslutar.", NULL, 0 };
	assert_int_equal(meeting_decide(s, "2021-02-10", 9, &d, &err), STYR_ENOTFOUND);
	assert_string_equal(err.msg, "meeting 2021-02-10: no §9 (the meeting has §§1-7)");
	const char *basis[] = { "Tjänsteskrivelse" };
	struct meeting_decision ok = { NULL, NULL, "Nämnden beslutar.", basis, 1 };
	assert_int_equal(meeting_decide(s, "2021-02-10", 7, &ok, &err), STYR_OK);
	struct protocol p;
	assert_int_equal(meeting_protocol(s, "2021-02-10", &p, &err), STYR_OK);
	assert_string_equal(p.items[6].decision, "Nämnden beslutar.");
	assert_string_equal(p.items[6].description,
	                    "Under sammanträdet väckta frågor diskuteras under denna punkt.");
	assert_int_equal(p.items[6].nbasis, 1);
	protocol_release(&p);
	store_close(s);
}

static void test_justerare_must_be_present(void **state)
{
	(void)state;
	struct store *s = testutil_example();
	struct styr_error err;
	struct findings warn = FINDINGS_INIT;
	const char *absent[] = { "kajsa-rosen" };
	assert_int_equal(meeting_justera(s, "2021-02-10", "2021-02-15", absent, 1, &warn, &err),
	                 STYR_EINVAL);
	assert_non_null(strstr(err.msg, "meeting 2021-02-10: justerare kajsa-rosen was not present"));
	const char *official[] = { "marcus-cederberg" };
	assert_int_equal(meeting_justera(s, "2021-02-10", "2021-02-15", official, 1, &warn, &err),
	                 STYR_EINVAL);
	/* A justering after the recorded anslag of 2021-02-24 is refused. */
	const char *bo[] = { "bo-rudolfsson" };
	assert_int_equal(meeting_justera(s, "2021-02-10", "2021-02-25", bo, 1, &warn, &err),
	                 STYR_EINVAL);
	assert_string_equal(err.msg, "meeting 2021-02-10: anslag 2021-02-24 is recorded before "
	                             "the justering 2021-02-25");
	assert_int_equal(meeting_justera(s, "2021-02-10", "2021-02-22", bo, 1, &warn, &err), STYR_OK);
	assert_int_equal(warn.count, 0);
	findings_release(&warn);
	store_close(s);
}

/* The role names one of the four roles; a tjänstgörande ersättare, and
** only one, names the member served for. */
static void test_attendance_roles(void **state)
{
	(void)state;
	struct store *s = testutil_example();
	struct styr_error err;
	enum attendee_role r;
	assert_true(attendee_role_parse("tjänstgörande ersättare", &r));
	assert_int_equal(r, ROLE_SERVING_SUBSTITUTE);
	assert_false(attendee_role_parse("ledamot", &r));
	assert_false(attendee_role_parse(NULL, &r));
	struct meeting_attend a = { "kajsa-rosen", "ledamot", NULL, NULL, false };
	assert_int_equal(meeting_attend(s, "2021-02-10", &a, &err), STYR_EINVAL);
	assert_string_equal(err.msg, "meeting 2021-02-10: role: expected ordinarie, tjänstgörande "
	                             "ersättare, ersättare or tjänsteperson, found 'ledamot'");
	a.role = "tjänstgörande ersättare";
	assert_int_equal(meeting_attend(s, "2021-02-10", &a, &err), STYR_EINVAL);
	assert_non_null(strstr(err.msg, "names the member served for (--for)"));
	a.role = "tjänsteperson";
	assert_int_equal(meeting_attend(s, "2021-02-10", &a, &err), STYR_OK);
	struct protocol p;
	assert_int_equal(meeting_protocol(s, "2021-02-10", &p, &err), STYR_OK);
	assert_int_equal(p.npeople, 9);
	assert_string_equal(p.people[8].key, "kajsa-rosen");
	assert_int_equal(p.people[8].role, ROLE_OFFICIAL);
	protocol_release(&p);
	store_close(s);
}

static void test_anslag_rules(void **state)
{
	(void)state;
	struct store *s = testutil_example();
	struct styr_error err;
	struct findings warn = FINDINGS_INIT;
	const char *bo[] = { "bo-rudolfsson" };
	assert_int_equal(meeting_justera(s, "2021-02-10", "2021-02-22", bo, 1, &warn, &err), STYR_OK);
	struct meeting_anslag early = { "Laxå", "2021-02-20", NULL, NULL, NULL };
	assert_int_equal(meeting_set_anslag(s, "2021-02-10", &early, &warn, &err), STYR_EINVAL);
	assert_string_equal(err.msg, "meeting 2021-02-10: anslag 2021-02-20 is before the justering 2021-02-22");
	/* Laxå posts two days after Lekeberg: the period runs from Laxå's. */
	struct meeting_anslag laxa = { "1860", "2021-02-26", NULL, NULL, NULL };
	assert_int_equal(meeting_set_anslag(s, "2021-02-10", &laxa, &warn, &err), STYR_OK);
	assert_int_equal(warn.count, 1);   /* justering 02-22 + 2 = 02-24 */
	assert_non_null(strstr(warn.lines[0], "anslag 2021-02-26 in 1860 is after the deadline 2021-02-24"));
	struct protocol p;
	struct meeting_deadlines dl;
	struct findings w2 = FINDINGS_INIT;
	assert_int_equal(meeting_protocol(s, "2021-02-10", &p, &err), STYR_OK);
	meeting_deadlines(&p, 4, &dl, &w2);
	assert_date(dl.appeal.anslag, "2021-02-26");
	assert_date(dl.appeal.last_day, "2021-03-19");
	/* Lekeberg's stated "till och med 2021-03-18" no longer holds. */
	assert_int_equal(w2.count, 2);
	protocol_release(&p);
	findings_release(&w2);
	findings_release(&warn);
	store_close(s);
}

static void test_paragraph_numbers_run_through_the_year(void **state)
{
	(void)state;
	struct store *s = testutil_example();
	struct styr_error err;
	struct meeting_new later = { "2021-03-10", "13:00", "14:00", "Fjugesta", false, NULL, NULL };
	struct meeting_new earlier = { "2021-01-20", NULL, NULL, NULL, false, NULL, NULL };
	const char *titles[] = { "Val av justerare", "Övriga frågor" };
	int first = 0;
	assert_int_equal(meeting_create(s, &later, &err), STYR_OK);
	assert_int_equal(meeting_create(s, &later, &err), STYR_ECONFLICT);
	assert_int_equal(meeting_add_items(s, "2021-03-10", titles, NULL, 2, &first, &err), STYR_OK);
	assert_int_equal(first, 8);
	assert_int_equal(meeting_create(s, &earlier, &err), STYR_OK);
	assert_int_equal(meeting_add_items(s, "2021-01-20", titles, NULL, 2, &first, &err),
	                 STYR_ECONFLICT);
	assert_string_equal(err.msg, "meeting 2021-01-20: 2 items do not fit before §1 of 2021-02-10, "
	                             "no § number is free (§ numbers run on through the year and are "
	                             "never reused)");
	/* Nothing half-stored. */
	struct protocol p;
	assert_int_equal(meeting_protocol(s, "2021-01-20", &p, &err), STYR_OK);
	assert_int_equal(p.nitems, 0);
	protocol_release(&p);
	/* A new year starts again at §1. */
	struct meeting_new next_year = { "2022-02-09", NULL, NULL, NULL, false, NULL, NULL };
	assert_int_equal(meeting_create(s, &next_year, &err), STYR_OK);
	assert_int_equal(meeting_add_items(s, "2022-02-09", titles, NULL, 1, &first, &err), STYR_OK);
	assert_int_equal(first, 1);
	/* The load path refuses a colliding § through its trigger. */
	assert_int_equal(store_exec(s, "INSERT INTO agenda_item(meeting_id, number, title)"
	                 " VALUES((SELECT id FROM meeting WHERE date = '2021-03-10'), 3, 'x')", &err),
	                 STYR_ECONFLICT);
	assert_non_null(strstr(err.msg, "collides with another meeting of the same year"));
	/* The year of a meeting runs from 1 January to 31 December, both
	** days in it: § 1 on New Year's Eve comes after §9 of 2021-03-10, § 5
	** on New Year's Day before §1 of 2022-02-09; § 99 on the last day of
	** 2020 is in another year than every meeting of 2021. */
	struct meeting_new eve = { "2021-12-31", NULL, NULL, NULL, false, NULL, NULL };
	struct meeting_new new_year = { "2022-01-01", NULL, NULL, NULL, false, NULL, NULL };
	struct meeting_new old_year = { "2020-12-31", NULL, NULL, NULL, false, NULL, NULL };
	assert_int_equal(meeting_create(s, &eve, &err), STYR_OK);
	assert_int_equal(meeting_create(s, &new_year, &err), STYR_OK);
	assert_int_equal(meeting_create(s, &old_year, &err), STYR_OK);
	assert_int_equal(store_exec(s, "INSERT INTO agenda_item(meeting_id, number, title)"
	                 " VALUES((SELECT id FROM meeting WHERE date = '2021-12-31'), 1, 'x')", &err),
	                 STYR_ECONFLICT);
	assert_int_equal(store_exec(s, "INSERT INTO agenda_item(meeting_id, number, title)"
	                 " VALUES((SELECT id FROM meeting WHERE date = '2022-01-01'), 5, 'x')", &err),
	                 STYR_ECONFLICT);
	assert_int_equal(store_exec(s, "INSERT INTO agenda_item(meeting_id, number, title)"
	                 " VALUES((SELECT id FROM meeting WHERE date = '2020-12-31'), 99, 'x')", &err),
	                 STYR_OK);
	assert_int_equal(store_exec(s, "INSERT INTO agenda_item(meeting_id, number, title)"
	                 " VALUES((SELECT id FROM meeting WHERE date = '2021-12-31'), 10, 'x')", &err),
	                 STYR_OK);
	/* Moving the meeting of 2022-01-01 to 2021-12-30 brings no § along,
	** but 2020-12-31's §99 into 2021 collides with every later meeting. */
	assert_int_equal(store_exec(s, "UPDATE meeting SET date = '2021-12-30' WHERE date = '2022-01-01'",
	                 &err), STYR_OK);
	assert_int_equal(store_exec(s, "UPDATE meeting SET date = '2021-01-01' WHERE date = '2020-12-31'",
	                 &err), STYR_ECONFLICT);
	assert_non_null(strstr(err.msg, "would collide with another meeting of the same year"));
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_protocol_of_the_seed),
		cmocka_unit_test(test_decision_on_missing_paragraph),
		cmocka_unit_test(test_justerare_must_be_present),
		cmocka_unit_test(test_attendance_roles),
		cmocka_unit_test(test_anslag_rules),
		cmocka_unit_test(test_paragraph_numbers_run_through_the_year),
	};
	return cmocka_run_group_tests(tests, testutil_setup, testutil_teardown);
}
