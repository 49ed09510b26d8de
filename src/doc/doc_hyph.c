/*
** doc_hyph.c — Swedish hyphenation and unbreakable numbers for every
** renderer (see doc.h, "layout rules").
**
** Hyphenation points come from the Swedish TeX-derived patterns of
** Debian's hyphen-sv, /usr/share/hyphen/hyph_sv_SE.dic, the patterns of
** libhyphen (the hyphenation library of LibreOffice), built into styr
** when it is built (hyph_patterns.h) and applied here as libhyphen
** applies them (see "the patterns" below). The patterns are
** ISO 8859-1: a word is lowered and converted to Latin-1 before it is
** hyphenated, and the points are mapped back to the UTF-8 text. A word is
** hyphenated in the parts between its own hyphens ("IT-förvaltningen"),
** at least two letters before a point and three after it.
**
** The renderers use soft hyphens (U+00AD): pango breaks a line there and
** draws a hyphen, a browser and Word do the same, and nothing shows when
** the line does not break there.
*/
#include "doc/doc.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "doc/hyph_patterns.h"

#define SHY "\xc2\xad"   /* U+00AD SOFT HYPHEN */
#define NBSP "\xc2\xa0"  /* U+00A0 NO-BREAK SPACE */
#define MAX_WORD 64      /* letters; longer runs are not words */
#define LEFT_MIN 2
#define RIGHT_MIN 3

/* ---- the patterns --------------------------------------------------- */

/* The automaton of hyph_patterns.h: hyphen-sv's, built in, or the file
** STYR_HYPHEN_DIC names, read once per process. A word runs through it
** as ".word."; at each letter the digits of the state reached, and only
** of that state, are laid over the word's ending there (the highest
** digit wins); an odd digit between two letters is a point, except in
** the first LEFTHYPHENMIN and last RIGHTHYPHENMIN letters. */
static const struct hyph_table *dict;
static struct hyph_dict *dict_file; /* STYR_HYPHEN_DIC's, kept till the end */
static struct hyph_table dict_read;
static pthread_once_t dict_once = PTHREAD_ONCE_INIT;

static void dict_load(void)
{
	const char *path = getenv("STYR_HYPHEN_DIC");

	if(!path || !*path) {
		dict = &hyph_sv_table;
		return;
	}
	/* kept until the process ends, as the built-in table is */
	if((dict_file = hyph_dict_read(path))) {
		hyph_dict_table(dict_file, &dict_read);
		dict = &dict_read;
	}
}

/* The hyphenation digits of word[0..n) (Latin-1, lower case) into hy[0..n)
** as libhyphen's hnj_hyphen_hyphenate2() gives them: hy[i] odd is a point
** after letter i. */
static void hyph_points(const struct hyph_table *d, const unsigned char *word, size_t n, char *hy)
{
	unsigned char prep[MAX_WORD + 2];
	char h[MAX_WORD + 2];
	int32_t state = 0;
	size_t j = n + 2;
	int lhmin = d->lhmin > 0 ? d->lhmin : 2, rhmin = d->rhmin > 0 ? d->rhmin : 2;

	prep[0] = '.';
	memcpy(prep + 1, word, n);
	prep[n + 1] = '.';
	memset(h, '0', j);
	for(size_t i = 0; i < j; i++) {
		const char *m;
		size_t len;
		long offset;
		for(;;) {
			int32_t t;
			if(state < 0)
				break;
			t = hyph_next(d, state, prep[i]);
			if(t >= 0) {
				state = t;
				break;
			}
			state = d->fallback[state];
		}
		if(state < 0) {
			state = 0; /* no state ends here: on to the next letter */
			continue;
		}
		if(d->match[state] < 0)
			continue;
		m = d->digits + d->match[state];
		len = strlen(m);
		offset = (long)i + 1 - (long)len;
		for(size_t k = offset < 0 ? (size_t)-offset : 0; m[k]; k++)
			if(h[offset + (long)k] < m[k])
				h[offset + (long)k] = m[k];
	}
	/* h is of ".word.": the point after letter i is h[i + 1] */
	for(size_t i = 0; i < n; i++)
		hy[i] = i + 1 < n ? h[i + 1] : '0';
	for(int i = 0; i + 1 < lhmin && i < (int)n; i++)
		hy[i] = '0';
	for(int i = 0; i < rhmin && (int)n - 1 - i > 0; i++)
		hy[n - 1 - (size_t)i] = '0';
}

/* ---- unbreakable spaces --------------------------------------------- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Units and signs that stay with the number before them. */
static const char *const units[] = {
	"%", "‰", "st", "st.", "tkr", "kr", "mnkr", "mkr", "ggr", "gånger", "dagar",
	"dag", "h", "min", "sek", "sekunder", "timmar", "år", "ton", "mil", "km",
	"procent", "MB", "GB", "TB", NULL
};

bool doc_space_joins(const char *text, size_t i)
{
	const char *s = text + i;
	if(s[0] != ' ' || i == 0)
		return false;
	/* a percent sign never starts a line */
	if(s[1] == '%' || !strncmp(s + 1, "‰", strlen("‰")))
		return true;
	if(!is_digit(s[-1]))
		return false;
	/* "1 923", "12 345 678": a group of exactly three digits follows */
	if(is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) && !is_digit(s[4]))
		return true;
	/* "20 st", "6,72 %", "1 579 tkr" */
	for(int k = 0; units[k]; k++) {
		size_t n = strlen(units[k]);
		if(!strncmp(s + 1, units[k], n)) {
			char e = s[1 + n];
			if(e == '\0' || e == ' ' || e == ',' || e == '.' || e == ')' ||
			   e == ';' || e == ':' || e == '\n' || e == '/')
				return true;
		}
	}
	return false;
}

/* ---- hyphenation ---------------------------------------------------- */

/* The Latin-1 lower-case letter of the UTF-8 sequence at s (its length in
** *n), or 0 when it is not a letter that the patterns know. */
static unsigned char latin1_letter(const unsigned char *s, int *n)
{
	*n = 1;
	if((s[0] >= 'a' && s[0] <= 'z'))
		return s[0];
	if(s[0] >= 'A' && s[0] <= 'Z')
		return (unsigned char)(s[0] + 32);
	if(s[0] == 0xc3 && s[1] >= 0x80 && s[1] <= 0xbf) {
		unsigned char c = (unsigned char)(0xc0 + (s[1] - 0x80));
		*n = 2;
		if(c == 0xd7 || c == 0xf7)
			return 0; /* × ÷ */
		if(c >= 0xc0 && c <= 0xde)
			c = (unsigned char)(c + 32);
		return c;
	}
	return 0;
}

/* Append the word w[0..len) (letters only) with soft hyphens. */
static void hyphenate_word(const char *w, size_t len, struct strbuf *sb)
{
	unsigned char lat[MAX_WORD + 1];
	size_t off[MAX_WORD + 1]; /* byte offset in w of each letter */
	char hy[MAX_WORD + 1];
	size_t n = 0, upper = 0, i = 0;

	while(i < len && n < MAX_WORD) {
		int k;
		unsigned char c = latin1_letter((const unsigned char *)w + i, &k);
		if(!c)
			break;
		if((unsigned char)w[i] >= 'A' && (unsigned char)w[i] <= 'Z')
			upper++;
		off[n] = i;
		lat[n++] = c;
		i += (size_t)k;
	}
	/* Too long, too short, or an abbreviation ("MSB", "SYDNET"). */
	if(i != len || (upper == n && n <= 6) || n < LEFT_MIN + RIGHT_MIN) {
		strbuf_add(sb, w, len);
		return;
	}
	hyph_points(dict, lat, n, hy);
	for(i = 0; i < n; i++) {
		size_t end = i + 1 < n ? off[i + 1] : len;
		strbuf_add(sb, w + off[i], end - off[i]);
		if((hy[i] & 1) && i + 1 >= LEFT_MIN && n - i - 1 >= RIGHT_MIN)
			strbuf_addstr(sb, SHY);
	}
}

/* Length in bytes of the run of letters at s (UTF-8 letters of Latin-1). */
static size_t letters(const char *s)
{
	size_t i = 0;
	int k;
	while(s[i] && latin1_letter((const unsigned char *)s + i, &k))
		i += (size_t)k;
	return i;
}

/* Letters in the run (characters, not bytes). */
static size_t nchars(const char *s, size_t len)
{
	size_t n = 0;
	for(size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

bool doc_hyphenate(const char *text, size_t min_chars, bool join,
                   const char *join_char, struct strbuf *sb)
{
	const char *s = text;

	pthread_once(&dict_once, dict_load);
	while(*s) {
		size_t n = letters(s);
		if(n) {
			/* a word: letters not glued to digits, '@', '/', '.' + letter */
			bool plain = (s == text || !strchr("@/_\\0123456789", s[-1])) &&
			             !strchr("@/_\\0123456789", s[n] ? s[n] : ' ') &&
			             !(s[n] == '.' && letters(s + n + 1));
			if(dict && plain && nchars(s, n) >= min_chars)
				hyphenate_word(s, n, sb);
			else
				strbuf_add(sb, s, n);
			s += n;
			continue;
		}
		if(join && *s == ' ' && doc_space_joins(text, (size_t)(s - text))) {
			strbuf_addstr(sb, join_char ? join_char : NBSP);
			s++;
			continue;
		}
		/* anything else, whole UTF-8 sequences at a time; a web or mail
		** address is copied to its end unhyphenated */
		if(!strncmp(s, "http", 4) || !strncmp(s, "www.", 4)) {
			size_t k = strcspn(s, " \n\t");
			strbuf_add(sb, s, k);
			s += k;
			continue;
		}
		size_t k = 1;
		while(((unsigned char)s[k] & 0xc0) == 0x80)
			k++;
		strbuf_add(sb, s, k);
		s += k;
	}
	return dict != NULL;
}
