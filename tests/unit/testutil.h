/*
** testutil.h — set-up shared by the unit tests (cmocka programs): one
** temporary directory per test program, and databases in it loaded with
** the Sydnärke example (examples/sydnarke).
*/
#ifndef STYR_TESTUTIL_H
#define STYR_TESTUTIL_H

struct store;

/* The temporary directory, "/tmp/styr-unit-XXXXXX" until testutil_setup
** has made it. */
extern char testutil_dir[];

/* cmocka group set-up: make testutil_dir; 0, or -1 when it cannot be made. */
int testutil_setup(void **state);

/* cmocka group tear-down: remove testutil_dir and everything in it. */
int testutil_teardown(void **state);

/* A new database file in testutil_dir with the example loaded. Fails the
** running test (with the loader's message) when it cannot be made. */
struct store *testutil_example(void);

struct occasion;

/* The occasion a name resolves to in s (org_occasion_resolve); fails the
** running test when there is none. Owned by testutil: valid until eight
** more calls have been made. */
const struct occasion *testutil_occasion(struct store *s, const char *name);

#endif
