/*
** html.c — the escaping HTML writer (see html.h).
*/
#include "doc/html.h"

#include <assert.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when the bytes
** there are not one (overlong forms, surrogates and > U+10FFFF included). */
static size_t utf8_seq(const unsigned char *s, size_t len)
{
	unsigned char c = s[0];
	size_t n;
	uint32_t cp;

	if(c < 0x80)
		return 1;
	if(c >= 0xc2 && c <= 0xdf) { n = 2; cp = c & 0x1f; }
	else if(c >= 0xe0 && c <= 0xef) { n = 3; cp = c & 0x0f; }
	else if(c >= 0xf0 && c <= 0xf4) { n = 4; cp = c & 0x07; }
	else return 0;
	if(len < n)
		return 0;
	for(size_t i = 1; i < n; i++) {
		if((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	   (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

static void escape(struct strbuf *out, const char *s, size_t len, bool attr)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while(i < len) {
		/* A run of printable ASCII that needs no escape is copied at once:
		** most text is, and a page is built per request. */
		size_t run = i;
		while(run < len && p[run] >= 0x20 && p[run] < 0x7f && p[run] != '&' && p[run] != '<'
		      && p[run] != '>' && p[run] != '"' && p[run] != '\'')
			run++;
		if(run > i) {
			strbuf_add(out, p + i, run - i);
			i = run;
			continue;
		}
		unsigned char c = p[i];
		switch(c) {
		case '&': strbuf_addstr(out, "&amp;"); i++; continue;
		case '<': strbuf_addstr(out, "&lt;"); i++; continue;
		case '>': strbuf_addstr(out, "&gt;"); i++; continue;
		case '"': strbuf_addstr(out, "&quot;"); i++; continue;
		case '\'': strbuf_addstr(out, "&#39;"); i++; continue;
		case '\t': case '\n': case '\r':
			if(attr)
				strbuf_addf(out, "&#%d;", c);
			else
				strbuf_addch(out, c == '\r' ? '\n' : c);
			i++;
			continue;
		default:
			break;
		}
		if(c < 0x20 || c == 0x7f) {
			strbuf_addstr(out, "\xef\xbf\xbd");
			i++;
			continue;
		}
		size_t n = utf8_seq(p + i, len - i);
		if(n == 0) {
			strbuf_addstr(out, "\xef\xbf\xbd");
			i++;
			continue;
		}
		strbuf_add(out, p + i, n);
		i += n;
	}
}

void html_escape_text(struct strbuf *out, const char *s, size_t len)
{
	escape(out, s, len, false);
}

void html_escape_attr(struct strbuf *out, const char *s, size_t len)
{
	escape(out, s, len, true);
}

void html_init(struct html *h, struct strbuf *out)
{
	memset(h, 0, sizeof(*h));
	h->out = out;
}

static void start_tag(struct html *h, const char *name, va_list ap)
{
	const char *an;

	strbuf_addch(h->out, '<');
	strbuf_addstr(h->out, name);
	while((an = va_arg(ap, const char *)) != NULL) {
		const char *av = va_arg(ap, const char *);
		if(!av)
			continue;
		strbuf_addch(h->out, ' ');
		strbuf_addstr(h->out, an);
		strbuf_addstr(h->out, "=\"");
		html_escape_attr(h->out, av, strlen(av));
		strbuf_addch(h->out, '"');
	}
	strbuf_addch(h->out, '>');
}

void html_open(struct html *h, const char *name, ...)
{
	va_list ap;

	assert(h->depth < HTML_MAX_DEPTH);
	va_start(ap, name);
	start_tag(h, name, ap);
	va_end(ap);
	h->stack[h->depth++] = name;
}

void html_void(struct html *h, const char *name, ...)
{
	va_list ap;

	va_start(ap, name);
	start_tag(h, name, ap);
	va_end(ap);
}

void html_close(struct html *h)
{
	assert(h->depth > 0);
	h->depth--;
	strbuf_addstr(h->out, "</");
	strbuf_addstr(h->out, h->stack[h->depth]);
	strbuf_addch(h->out, '>');
}

void html_close_to(struct html *h, int depth)
{
	while(h->depth > depth)
		html_close(h);
}

void html_text(struct html *h, const char *s)
{
	if(s)
		html_escape_text(h->out, s, strlen(s));
}

void html_text_br(struct html *h, const char *s)
{
	const char *nl;

	if(!s)
		return;
	while((nl = strchr(s, '\n')) != NULL) {
		html_escape_text(h->out, s, (size_t)(nl - s));
		strbuf_addstr(h->out, "<br>");
		s = nl + 1;
	}
	html_text(h, s);
}

void html_textf(struct html *h, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	html_escape_text(h->out, sb.buf, sb.len);
	strbuf_release(&sb);
}

void html_elem_text(struct html *h, const char *name, const char *text, ...)
{
	va_list ap;

	assert(h->depth < HTML_MAX_DEPTH);
	va_start(ap, text);
	start_tag(h, name, ap);
	va_end(ap);
	h->stack[h->depth++] = name;
	html_text(h, text);
	html_close(h);
}

void html_raw(struct html *h, const char *literal)
{
	strbuf_addstr(h->out, literal);
}
