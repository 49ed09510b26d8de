/*
** strbuf.h — a growable, always NUL-terminated byte buffer (git's strbuf).
**
** The buffer owns its memory: strbuf_release() frees it and leaves an empty
** buffer that may be used again; strbuf_detach() hands the memory to the
** caller. Allocation failure aborts the process: styr treats running out
** of memory as fatal, as git does, so callers need no checks.
*/
#ifndef STYR_STRBUF_H
#define STYR_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct strbuf {
	size_t len;   /* bytes used, not counting the NUL */
	size_t alloc; /* bytes allocated; 0 means buf points at a static "" */
	char *buf;
};

#define STRBUF_INIT { 0, 0, strbuf_empty }
extern char strbuf_empty[];

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
char *strbuf_detach(struct strbuf *sb);   /* caller frees the result */
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_reset(struct strbuf *sb);

/* Appending is inline: a page or a report is made of many small pieces,
** and a call per piece to grow by a few bytes that fit cost more than the
** copy (the HTML writer's page frame took twice as long). */
static inline void strbuf_add(struct strbuf *sb, const void *data, size_t n)
{
	if(sb->len + n + 1 > sb->alloc)
		strbuf_grow(sb, n);
	memcpy(sb->buf + sb->len, data, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

static inline void strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

static inline void strbuf_addch(struct strbuf *sb, int c)
{
	if(sb->len + 2 > sb->alloc)
		strbuf_grow(sb, 1);
	sb->buf[sb->len++] = (char)c;
	sb->buf[sb->len] = '\0';
}
/* Append the whole file at path; the number of bytes read, or -1 with
** errno set when it cannot be opened or read (sb then holds what was
** read before the error). */
long long strbuf_read_file(struct strbuf *sb, const char *path);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);

/* Copy src (NULL as "") into dst of size n, cutting it short to fit. */
void str_copy(char *dst, size_t n, const char *src);

/* Whether s[0..n) is well-formed UTF-8: shortest forms only, no
** surrogates, nothing above U+10FFFF. */
bool utf8_valid(const unsigned char *s, size_t n);

/* Whether s[0..n) is text styr stores: well-formed UTF-8 (utf8_valid)
** without control characters — no C0 control but tab, line feed and
** carriage return, no DEL, no C1 control (U+0080–U+009F) — so that what is
** stored reads the same in a terminal, a report and a dump. When it is
** not and err is not NULL, err says what was found where, for the caller
** to put the field in front: "invalid UTF-8 (byte 0xff at byte 1)",
** "control character U+001B at character 5". */
struct styr_error;
bool text_valid(const char *s, size_t n, struct styr_error *err);

/* Append s with every byte that would act on a terminal, or is not UTF-8,
** written as \xNN: controls (C0 but tab, DEL, C1) and invalid UTF-8. For
** printing messages that quote what a file or a person gave. */
void strbuf_add_printable(struct strbuf *sb, const char *s);

/* Duplicate a string or die; NULL gives NULL. */
char *xstrdup(const char *s);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);

/* Make room for element n of the array v whose capacity is cap (v, n and
** cap are lvalues; n and cap counts): when n == cap, double cap (from 8)
** and grow v with xrealloc. As git's ALLOC_GROW, for appending one. */
#define ALLOC_GROW(v, n, cap)                                    \
	do {                                                     \
		if((n) == (cap)) {                               \
			(cap) = (cap) ? (cap) * 2 : 8;           \
			(v) = xrealloc((v), (cap) * sizeof(*(v))); \
		}                                                \
	} while(0)

#endif
