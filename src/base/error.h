/*
** error.h — one result type for all of styr, and the message that goes
** with it.
**
** Every function that can fail returns an `enum styr_rc` and, when it
** fails, fills a caller-owned `struct styr_error` with a message a person
** can act on: what was wrong, where (file:line, table/row, field) and what
** was expected. Messages are lowercase and end without a period (git
** style). Results chain in the curl manner:
**
**     rc = step_one(..., err);
**     if(!rc) rc = step_two(..., err);
*/
#ifndef STYR_ERROR_H
#define STYR_ERROR_H

#include <stdarg.h>

enum styr_rc {
	STYR_OK = 0,
	STYR_EINVAL,    /* bad input from a person or a file */
	STYR_ENOTFOUND, /* a named thing does not exist */
	STYR_ECONFLICT, /* would collide with stored data */
	STYR_EDB,       /* the database failed or is not ours */
	STYR_EIO,       /* reading or writing a file failed */
	STYR_ENOMEM,
	STYR_EFINDINGS, /* a check found problems (exit status 1) */
	STYR_EBUSY      /* another writer held the database too long; nothing was stored */
};

struct styr_error {
	enum styr_rc code;
	char msg[1024];
};

/* Clear an error struct before use. */
void styr_error_init(struct styr_error *err);

/* Set err to code and a printf-style message; returns code so that a
** caller can write `return styr_error_set(err, STYR_EINVAL, "...")`.
** err may be NULL, in which case only the code is returned. An argument
** may be err->msg itself (the old message is read before it is replaced). */
enum styr_rc styr_error_set(struct styr_error *err, enum styr_rc code,
                            const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Put "prefix: " in front of an existing message (for adding context such
** as a file name on the way up). */
void styr_error_prefix(struct styr_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Process exit status for a result: 0 ok, 1 findings, 2 bad input or
** any other failure. */
int styr_rc_exit_status(enum styr_rc rc);

#endif
