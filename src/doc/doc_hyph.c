/*
** doc_hyph.c — Swedish hyphenation and unbreakable numbers for every
** renderer (see doc.h, "layout rules").
**
** Hyphenation points come from libhyphen (the hyphenation library of
** LibreOffice, Debian libhyphen0) with the Swedish TeX-derived patterns of
** Debian's hyphen-sv, /usr/share/hyphen/hyph_sv_SE.dic. The patterns are
** ISO 8859-1: a word is lowered and converted to Latin-1 before it is
** hyphenated, and the points are mapped back to the UTF-8 text. A word is
** hyphenated in the parts between its own hyphens ("IT-förvaltningen"),
** at least two letters before a point and three after it. Non-standard
** points (libhyphen's replacements, "tillämpa" as "till-lämpa") are left
** out: the text stays the same letters.
**
** The renderers use soft hyphens (U+00AD): pango breaks a line there and
** draws a hyphen, a browser and Word do the same, and nothing shows when
** the line does not break there.
*/
#include "doc/doc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#ifndef STYR_HYPHEN_DIC
#define STYR_HYPHEN_DIC "/usr/share/hyphen/hyph_sv_SE.dic"
#endif

#define SHY "\xc2\xad"   /* U+00AD SOFT HYPHEN */
#define NBSP "\xc2\xa0"  /* U+00A0 NO-BREAK SPACE */
#define MAX_WORD 64      /* letters; longer runs are not words */
#define LEFT_MIN 2
#define RIGHT_MIN 3

static HyphenDict *dict;
static pthread_once_t dict_once = PTHREAD_ONCE_INIT;

static void dict_load(void)
{
	const char *path = getenv("STYR_HYPHEN_DIC");
	dict = hnj_hyphen_load(path && *path ? path : STYR_HYPHEN_DIC);
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
	char hy[MAX_WORD + 6];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
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
	if(i != len || (upper == n && n <= 6) || n < LEFT_MIN + RIGHT_MIN ||
	   hnj_hyphen_hyphenate2(dict, (char *)lat, (int)n, hy, NULL, &rep, &pos, &cut)) {
		strbuf_add(sb, w, len);
		goto out;
	}
	for(i = 0; i < n; i++) {
		size_t end = i + 1 < n ? off[i + 1] : len;
		strbuf_add(sb, w + off[i], end - off[i]);
		if((hy[i] & 1) && i + 1 >= LEFT_MIN && n - i - 1 >= RIGHT_MIN &&
		   !(rep && rep[i]))
			strbuf_addstr(sb, SHY);
	}
out:
	if(rep) {
		for(i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
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
