/*
** test_html.c — the HTML escapers and writer: the five special characters
** never pass through raw, invalid UTF-8 becomes U+FFFD, random bytes (a
** small fuzz loop) always give valid UTF-8 with no markup, and the writer
** closes what it opened.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc/doc.h"
#include "doc/html.h"

static const char *esc_text(struct strbuf *sb, const char *s, size_t n)
{
	strbuf_reset(sb);
	html_escape_text(sb, s, n);
	return sb->buf;
}

static const char *esc_attr(struct strbuf *sb, const char *s, size_t n)
{
	strbuf_reset(sb);
	html_escape_attr(sb, s, n);
	return sb->buf;
}

static void test_specials(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	assert_string_equal(esc_text(&sb, "<>&\"'", 5), "&lt;&gt;&amp;&quot;&#39;");
	assert_string_equal(esc_text(&sb, "Laxå & Hallsberg", 17), "Laxå &amp; Hallsberg");
	assert_string_equal(esc_text(&sb, "a\nb", 3), "a\nb");
	assert_string_equal(esc_attr(&sb, "a\n\"b\"", 5), "a&#10;&quot;b&quot;");
	assert_string_equal(esc_text(&sb, "x\xff" "y", 3), "x\xef\xbf\xbdy");
	assert_string_equal(esc_text(&sb, "\xc3", 1), "\xef\xbf\xbd");        /* cut å */
	assert_string_equal(esc_text(&sb, "\xc0\xbc", 2), "\xef\xbf\xbd\xef\xbf\xbd"); /* overlong < */
	assert_string_equal(esc_text(&sb, "\xed\xa0\x80", 3),
	                    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");          /* surrogate */
	assert_string_equal(esc_text(&sb, "\x01", 1), "\xef\xbf\xbd");
	assert_string_equal(esc_text(&sb, "−852 ≥ 74", 13), "−852 ≥ 74");
	strbuf_release(&sb);
}

/* True when s is valid UTF-8 with no raw < > " ' and every & starts an
** entity (&name; or &#digits;). */
static bool clean(const char *s, size_t len)
{
	for(size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if(c == '<' || c == '>' || c == '"' || c == '\'')
			return false;
		if(c == '&') {
			size_t j = i + 1;
			if(j < len && s[j] == '#')
				j++;
			while(j < len && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= '0' && s[j] <= '9')))
				j++;
			if(j >= len || s[j] != ';' || j == i + 1)
				return false;
		}
		if(c >= 0x80) {
			size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
			if(n == 0 || i + n > len)
				return false;
			for(size_t k = 1; k < n; k++)
				if(((unsigned char)s[i + k] & 0xc0) != 0x80)
					return false;
			i += n - 1;
		}
	}
	return true;
}

static void test_fuzz(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	unsigned seed = 12345;
	char in[64];
	const char alphabet[] = "<>&\"'a\xc3\xa5\xe2\x88\x92\n\t\xff\x80#;";
	for(int round = 0; round < 20000; round++) {
		size_t n = (size_t)(round % 64);
		for(size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			in[i] = (round & 1) ? (char)(seed >> 16)
			                    : alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		esc_text(&sb, in, n);
		assert_true(clean(sb.buf, sb.len));
		assert_int_equal(strlen(sb.buf), sb.len);
		esc_attr(&sb, in, n);
		assert_true(clean(sb.buf, sb.len));
		assert_null(memchr(sb.buf, '\n', sb.len));
	}
	strbuf_release(&sb);
}

static void test_writer(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	struct html h;
	html_init(&h, &sb);
	html_open(&h, "table", "title", "konto <3000> & \"x\"", "class", NULL, NULL);
	html_open(&h, "tr", NULL);
	html_elem_text(&h, "td", "1 < 2", "class", "n", NULL);
	html_close_to(&h, 0);
	assert_string_equal(sb.buf,
	    "<table title=\"konto &lt;3000&gt; &amp; &quot;x&quot;\"><tr>"
	    "<td class=\"n\">1 &lt; 2</td></tr></table>");
	strbuf_release(&sb);
}

/* Text that looks like markup in a document stays text in the page. */
static void test_render_escapes(void **state)
{
	(void)state;
	struct strbuf out = STRBUF_INIT;
	struct doc *d = doc_new("<script>alert(1)</script>");
	doc_heading(d, 1, "Mål & \"indikatorer\"");
	doc_para(d, "<b>fet</b>");
	doc_table_begin(d, "Tabell <1>", 2);
	doc_row_begin(d, 0);
	doc_cell_text(d, "Intäkter");
	doc_cell_tkr(d, -3455900000);
	doc_cell_source(d, "konto 3000–3999 \"huvudbok\"");
	assert_int_equal(render_html(d, &out, NULL), STYR_OK);
	assert_null(strstr(out.buf, "<script>"));
	assert_null(strstr(out.buf, "<b>"));
	assert_non_null(strstr(out.buf, "&lt;script&gt;"));
	assert_non_null(strstr(out.buf, "<html lang=\"sv\">"));
	assert_non_null(strstr(out.buf, "title=\"konto 3000–3999 &quot;huvudbok&quot;\">-34 559</td>"));
	assert_non_null(strstr(out.buf, "</html>"));
	doc_free(d);
	strbuf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_specials),
		cmocka_unit_test(test_fuzz),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_render_escapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
