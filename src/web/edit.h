/*
** edit.h — changing records of any section from a form or the API.
**
** The same path as `styr set`, `styr rm` and `styr load`: values in text
** form (a form) or data-file form (a JSON body) go through the section
** layer's converters and row operations, so the validation and the
** messages are the command line's. Each call is one transaction: a
** refusal stores nothing. The caller has set the store's user and command,
** so what is stored is one change set with the person.
*/
#ifndef STYR_WEB_EDIT_H
#define STYR_WEB_EDIT_H

#include <stdint.h>

#include "base/error.h"
#include "web/web.h"

struct json;
struct section_desc;

/* Field values in text form: name[i] = value[i]. */
struct edit_text {
	const char *name[64];
	const char *value[64];
	int n;
};

/* Insert (key NULL) or update the record of d named key. Values come as
** text (text non-NULL: fields not given keep their value, or are null in
** a new record) or as a data-file object (obj). version > 0 refuses unless
** the record is still at that version. The record's id into *id. On
** failure *field names the field the message is about, or is NULL; the
** name of a field d does not have is copied into unknown for it. */
enum styr_rc edit_row(struct store *s, const struct section_desc *d, const char *key,
                      int64_t version, const struct edit_text *text, const struct json *obj,
                      int64_t *id, const char **field, char unknown[64],
                      struct styr_error *err);

/* Remove the record of d named key (at version when > 0); refused while
** other records refer to it. */
enum styr_rc edit_delete(struct store *s, const struct section_desc *d, const char *key,
                         int64_t version, struct styr_error *err);

/* The field of d that message msg is about ("<where>: FIELD: ..."), or NULL. */
const char *edit_field_of(const struct section_desc *d, const char *msg);

#endif
