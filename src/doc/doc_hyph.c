/*
** doc_hyph.c — Swedish hyphenation and unbreakable numbers for every
** renderer (see doc.h, "layout rules").
**
** Hyphenation points come from the Swedish TeX-derived patterns of
** Debian's hyphen-sv, /usr/share/hyphen/hyph_sv_SE.dic, the patterns of
** libhyphen (the hyphenation library of LibreOffice), applied here as
** libhyphen applies them (see "the patterns" below). The patterns are
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

#ifndef STYR_HYPHEN_DIC
#define STYR_HYPHEN_DIC "/usr/share/hyphen/hyph_sv_SE.dic"
#endif

#define SHY "\xc2\xad"   /* U+00AD SOFT HYPHEN */
#define NBSP "\xc2\xa0"  /* U+00A0 NO-BREAK SPACE */
#define MAX_WORD 64      /* letters; longer runs are not words */
#define LEFT_MIN 2
#define RIGHT_MIN 3

/* ---- the patterns --------------------------------------------------- */

/* The patterns as the automaton libhyphen makes of them (hyphen.c,
** hnj_hyphen_load and hnj_hyphen_hyphenate2, version 2.8): a state for
** every prefix of a pattern's letters, a transition per letter, the
** fallback of a state the state of its longest proper suffix, and at the
** state of a pattern's letters its digits (leading zeros left out). A
** word runs through it as ".word."; at each letter the digits of the
** state reached, and only of that state, are laid over the word's ending
** there (the highest digit wins); an odd digit between two letters is a
** point, except in the first LEFTHYPHENMIN and last RIGHTHYPHENMIN
** letters. Built in a quarter of libhyphen's instructions (its loading
** was the largest cost of a small report), with the same points: a unit
** test compares both. A file with what this does not do (NEXTLEVEL
** compound levels, non-standard replacement patterns "x/y=z,1,2") is
** refused, as a missing file is. The patterns are read once per process
** and never change. */
struct hyph_dict {
	uint32_t *tkey;   /* transitions, open addressing: (from << 8 | byte) + 1, 0 free */
	int32_t *tto;     /* the state a transition leads to */
	size_t tmask, ntrans;
	int32_t *fallback; /* per state; -1 for the root */
	int32_t *match;    /* per state: offset of its digits in digits, or -1 */
	struct strbuf digits; /* the digit strings, each ended by a NUL */
	size_t nstates, astates;
	int lhmin, rhmin;  /* LEFTHYPHENMIN, RIGHTHYPHENMIN; 0 when not given */
};

static size_t trans_slot(const struct hyph_dict *d, uint32_t key)
{
	return (size_t)((key * 2654435761u) >> 7) & d->tmask;
}

/* The state reached from state `from` by byte c, or -1. */
static int32_t trans_get(const struct hyph_dict *d, int32_t from, unsigned char c)
{
	uint32_t key = ((uint32_t)from << 8 | c) + 1;
	for(size_t i = trans_slot(d, key);; i = (i + 1) & d->tmask) {
		if(d->tkey[i] == key)
			return d->tto[i];
		if(!d->tkey[i])
			return -1;
	}
}

static void trans_put(struct hyph_dict *d, uint32_t key, int32_t to)
{
	size_t i = trans_slot(d, key);
	while(d->tkey[i])
		i = (i + 1) & d->tmask;
	d->tkey[i] = key;
	d->tto[i] = to;
}

static void trans_grow(struct hyph_dict *d)
{
	uint32_t *okey = d->tkey;
	int32_t *oto = d->tto;
	size_t on = d->tmask + 1;
	d->tmask = on * 2 - 1;
	d->tkey = xcalloc(on * 2, sizeof(*d->tkey));
	d->tto = xcalloc(on * 2, sizeof(*d->tto));
	for(size_t i = 0; i < on; i++)
		if(okey[i])
			trans_put(d, okey[i], oto[i]);
	free(okey);
	free(oto);
}

static int32_t new_state(struct hyph_dict *d)
{
	if(d->nstates == d->astates) {
		d->astates = d->astates ? 2 * d->astates : 1024;
		d->fallback = xrealloc(d->fallback, d->astates * sizeof(*d->fallback));
		d->match = xrealloc(d->match, d->astates * sizeof(*d->match));
	}
	d->fallback[d->nstates] = -1;
	d->match[d->nstates] = -1;
	return (int32_t)d->nstates++;
}

/* The state of letters from the root, made with its prefixes if new. */
static int32_t state_of(struct hyph_dict *d, const unsigned char *letters, size_t n)
{
	int32_t s = 0;
	for(size_t i = 0; i < n; i++) {
		int32_t t = trans_get(d, s, letters[i]);
		if(t < 0) {
			if(2 * (d->ntrans + 1) > d->tmask + 1)
				trans_grow(d);
			t = new_state(d);
			trans_put(d, ((uint32_t)s << 8 | letters[i]) + 1, t);
			d->ntrans++;
		}
		s = t;
	}
	return s;
}

/* One line of the file (libhyphen's hnj_hyphen_load_line): a keyword or a
** pattern, letters with digits between them ("a2b3it"). False for what
** this does not read (a replacement pattern). */
static bool load_line(struct hyph_dict *d, const char *line, size_t len)
{
	unsigned char letters[128];
	char digits[130];
	size_t n = 0, z = 0;
	int32_t state;

	/* keywords are capitals, patterns small letters (the file is one
	** string: a keyword compared past the line's end meets its newline) */
	if(line[0] >= 'A' && line[0] <= 'Z') {
		if(!strncmp(line, "LEFTHYPHENMIN", 13)) {
			d->lhmin = atoi(line + 13);
			return true;
		}
		if(!strncmp(line, "RIGHTHYPHENMIN", 14)) {
			d->rhmin = atoi(line + 14);
			return true;
		}
		/* of libhyphen's compound levels and of the level above the
		** patterns, which a word of letters never reaches */
		if(!strncmp(line, "COMPOUNDLEFTHYPHENMIN", 21) ||
		   !strncmp(line, "COMPOUNDRIGHTHYPHENMIN", 22) || !strncmp(line, "NOHYPHEN", 8))
			return true;
	}
	if(memchr(line, '/', len))
		return false; /* a replacement pattern */
	digits[0] = '0';
	for(size_t i = 0; i < len && (unsigned char)line[i] > ' ' && n < sizeof(letters); i++) {
		if(line[i] >= '0' && line[i] <= '9') {
			digits[n] = line[i];
		} else {
			letters[n++] = (unsigned char)line[i];
			digits[n] = '0';
		}
	}
	digits[n + 1] = '\0';
	while(digits[z] == '0')
		z++;
	state = state_of(d, letters, n); /* before d->match: it may move */
	d->match[state] = (int32_t)d->digits.len;
	strbuf_add(&d->digits, digits + z, strlen(digits + z) + 1);
	return true;
}

static void dict_free(struct hyph_dict *d)
{
	free(d->tkey);
	free(d->tto);
	free(d->fallback);
	free(d->match);
	strbuf_release(&d->digits);
	free(d);
}

/* The patterns of the file at path, or NULL when it cannot be read or
** holds what is not read here. */
static struct hyph_dict *dict_read(const char *path)
{
	struct hyph_dict *d;
	struct strbuf file = STRBUF_INIT;
	size_t head, at;
	int32_t *queue;
	size_t qh = 0, qt = 0, *first, *child;
	bool ok = true;

	if(strbuf_read_file(&file, path) < 0) {
		strbuf_release(&file);
		return NULL;
	}
	d = xcalloc(1, sizeof(*d));
	d->tmask = 65535; /* room for hyph_sv_SE.dic's 18 512 transitions */
	d->tkey = xcalloc(d->tmask + 1, sizeof(*d->tkey));
	d->tto = xcalloc(d->tmask + 1, sizeof(*d->tto));
	new_state(d); /* the root */
	/* the first line names the character set: ISO8859-1 here */
	head = strcspn(file.buf, "\n");
	for(at = head < file.len ? head + 1 : file.len; at < file.len && ok;) {
		const char *nl = memchr(file.buf + at, '\n', file.len - at);
		size_t len = nl ? (size_t)(nl - file.buf) - at : file.len - at;
		if(file.buf[at] == 'N' && !strncmp(file.buf + at, "NEXTLEVEL", 9))
			ok = false;
		else if(file.buf[at] != '%')
			ok = load_line(d, file.buf + at, len);
		at += len + 1;
	}
	strbuf_release(&file);
	if(!ok) {
		dict_free(d);
		return NULL;
	}
	/* fallbacks, breadth first: a state's is where its parent's fallback
	** (or that one's, and so on) goes by the same letter; the children of
	** each state listed from the transitions first */
	first = xcalloc(d->nstates + 1, sizeof(*first));
	child = xmalloc((d->ntrans ? d->ntrans : 1) * sizeof(*child));
	for(size_t i = 0; i <= d->tmask; i++)
		if(d->tkey[i])
			first[((d->tkey[i] - 1) >> 8) + 1]++;
	for(size_t i = 0; i < d->nstates; i++)
		first[i + 1] += first[i];
	{
		size_t *fill = xmalloc((d->nstates + 1) * sizeof(*fill));
		memcpy(fill, first, (d->nstates + 1) * sizeof(*fill));
		for(size_t i = 0; i <= d->tmask; i++)
			if(d->tkey[i])
				child[fill[(d->tkey[i] - 1) >> 8]++] = i;
		free(fill);
	}
	queue = xmalloc(d->nstates * sizeof(*queue));
	queue[qt++] = 0;
	while(qh < qt) {
		int32_t u = queue[qh++];
		for(size_t k = first[u]; k < first[u + 1]; k++) {
			size_t i = child[k];
			int32_t v = d->tto[i], back;
			unsigned char c = (unsigned char)((d->tkey[i] - 1) & 0xff);
			for(back = d->fallback[u]; back >= 0 && trans_get(d, back, c) < 0;
			    back = d->fallback[back])
				;
			d->fallback[v] = back < 0 ? 0 : trans_get(d, back, c);
			queue[qt++] = v;
		}
	}
	free(first);
	free(child);
	free(queue);
	return d;
}

static struct hyph_dict *dict;
static pthread_once_t dict_once = PTHREAD_ONCE_INIT;

static void dict_load(void)
{
	const char *path = getenv("STYR_HYPHEN_DIC");
	dict = dict_read(path && *path ? path : STYR_HYPHEN_DIC);
}

/* The hyphenation digits of word[0..n) (Latin-1, lower case) into hy[0..n)
** as libhyphen's hnj_hyphen_hyphenate2() gives them: hy[i] odd is a point
** after letter i. */
static void hyph_points(const struct hyph_dict *d, const unsigned char *word, size_t n, char *hy)
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
			t = trans_get(d, state, prep[i]);
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
		m = d->digits.buf + d->match[state];
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
