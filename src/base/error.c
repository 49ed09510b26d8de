/*
** error.c — result codes and error messages (see error.h).
*/
#include "base/error.h"

#include <stdio.h>
#include <string.h>

void styr_error_init(struct styr_error *err)
{
	err->code = STYR_OK;
	err->msg[0] = '\0';
}

enum styr_rc styr_error_set(struct styr_error *err, enum styr_rc code,
                            const char *fmt, ...)
{
	va_list ap;
	char msg[sizeof(err->msg)];

	if(!err)
		return code;
	/* Format aside first: an argument may be err->msg itself, as in
	** "damaged database: %s" with the driver's message. */
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err->code = code;
	memcpy(err->msg, msg, sizeof(msg));
	return code;
}

void styr_error_prefix(struct styr_error *err, const char *fmt, ...)
{
	char prefix[512], old[sizeof(err->msg)];
	va_list ap;

	if(!err)
		return;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof(old));
	/* Truncation is fine: the start of the message says the most. */
	size_t n = strlen(prefix);
	if(n > sizeof(err->msg) - 3)
		n = sizeof(err->msg) - 3;
	memcpy(err->msg, prefix, n);
	memcpy(err->msg + n, ": ", 2);
	size_t rest = sizeof(err->msg) - n - 3;
	size_t m = strlen(old);
	if(m > rest)
		m = rest;
	memcpy(err->msg + n + 2, old, m);
	err->msg[n + 2 + m] = '\0';
}

int styr_rc_exit_status(enum styr_rc rc)
{
	switch(rc) {
	case STYR_OK:        return 0;
	case STYR_EFINDINGS: return 1;
	default:             return 2;
	}
}
