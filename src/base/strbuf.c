/*
** strbuf.c — growable string buffers and allocation helpers (see strbuf.h).
*/
#include "base/strbuf.h"

#include <errno.h>
#include <stdio.h>

#include "base/error.h"
#include <stdlib.h>
#include <string.h>

char strbuf_empty[1];

static void die_oom(size_t n)
{
	fprintf(stderr, "styr: out of memory allocating %zu bytes\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if(!p)
		die_oom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if(!p)
		die_oom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if(!p)
		die_oom(n);
	return p;
}

void str_copy(char *dst, size_t n, const char *src)
{
	size_t len;
	if(!n)
		return;
	len = src ? strnlen(src, n - 1) : 0;
	memcpy(dst, src ? src : "", len);
	dst[len] = '\0';
}

/* Length of the well-formed UTF-8 character at s[0..n) (n > 0) and its
** code point in *cp; 0 when it is not one. */
static size_t utf8_char(const unsigned char *s, size_t n, unsigned *cp)
{
	unsigned c = s[0], min;
	size_t k;
	if(c < 0x80) {
		*cp = c;
		return 1;
	}
	if((c & 0xe0) == 0xc0) { k = 1; min = 0x80; c &= 0x1f; }
	else if((c & 0xf0) == 0xe0) { k = 2; min = 0x800; c &= 0x0f; }
	else if((c & 0xf8) == 0xf0) { k = 3; min = 0x10000; c &= 0x07; }
	else return 0;
	for(size_t j = 1; j <= k; j++) {
		if(j >= n || (s[j] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[j] & 0x3f);
	}
	if(c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return k + 1;
}

static bool is_control(unsigned cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
	       (cp >= 0x7f && cp <= 0x9f);
}

bool text_valid(const char *str, size_t n, struct styr_error *err)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, chars = 0;
	while(i < n) {
		unsigned cp;
		size_t k = utf8_char(s + i, n - i, &cp);
		chars++;
		if(!k) {
			styr_error_set(err, STYR_EINVAL, "invalid UTF-8 (byte 0x%02x at byte %zu)",
			               s[i], i + 1);
			return false;
		}
		if(is_control(cp)) {
			styr_error_set(err, STYR_EINVAL, "control character U+%04X at character %zu",
			               cp, chars);
			return false;
		}
		i += k;
	}
	return true;
}

void strbuf_add_printable(struct strbuf *sb, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strlen(str), i = 0;
	while(i < n) {
		unsigned cp;
		size_t k = utf8_char(s + i, n - i, &cp);
		if(k && !is_control(cp) && cp != '\n' && cp != '\r') {
			strbuf_add(sb, s + i, k);
			i += k;
			continue;
		}
		for(size_t j = 0; j < (k ? k : 1); j++)
			strbuf_addf(sb, "\\x%02x", s[i + j]);
		i += k ? k : 1;
	}
}

bool utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0, k;
	unsigned cp;
	while(i < n) {
		if(!(k = utf8_char(s + i, n - i, &cp)))
			return false;
		i += k;
	}
	return true;
}

char *xstrdup(const char *s)
{
	size_t n;
	char *d;

	if(!s)
		return NULL;
	n = strlen(s) + 1;
	d = xmalloc(n);
	memcpy(d, s, n);
	return d;
}

void strbuf_init(struct strbuf *sb)
{
	sb->len = 0;
	sb->alloc = 0;
	sb->buf = strbuf_empty;
}

void strbuf_release(struct strbuf *sb)
{
	if(sb->alloc)
		free(sb->buf);
	strbuf_init(sb);
}

char *strbuf_detach(struct strbuf *sb)
{
	char *r = sb->alloc ? sb->buf : xstrdup("");
	strbuf_init(sb);
	return r;
}

void strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t need = sb->len + extra + 1;
	size_t n;

	if(need <= sb->alloc)
		return;
	n = sb->alloc ? sb->alloc : 64;
	while(n < need)
		n *= 2;
	if(sb->alloc) {
		sb->buf = xrealloc(sb->buf, n);
	} else {
		sb->buf = xmalloc(n);
		sb->buf[0] = '\0';
	}
	sb->alloc = n;
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if(sb->alloc)
		sb->buf[0] = '\0';
}

long long strbuf_read_file(struct strbuf *sb, const char *path)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n, before = sb->len;
	bool bad;

	if(!f)
		return -1;
	while((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(sb, buf, n);
	bad = ferror(f);
	fclose(f);
	if(bad) {
		errno = EIO;
		return -1;
	}
	return (long long)(sb->len - before);
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if(n < 0)
		return;
	strbuf_grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}
