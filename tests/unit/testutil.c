/*
** testutil.c — set-up shared by the unit tests (see testutil.h).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "testutil.h"

#if defined(__SANITIZE_ADDRESS__)
/* fontconfig's process-lifetime data, as the program excuses it
** (src/cli/main.c), for the tests that draw */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}
#endif

char testutil_dir[] = "/tmp/styr-unit-XXXXXX";

int testutil_setup(void **state)
{
	(void)state;
	return mkdtemp(testutil_dir) ? 0 : -1;
}

int testutil_teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", testutil_dir);
	return system(cmd);
}
