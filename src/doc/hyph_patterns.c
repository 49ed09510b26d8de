/*
** hyph_patterns.c — a .dic file of hyphenation patterns read into the
** automaton libhyphen makes of them (hyphen.c, hnj_hyphen_load and
** hnj_hyphen_hyphenate2, version 2.8), and that automaton written out as
** C (see hyph_patterns.h for why).
**
** A state for every prefix of a pattern's letters, a transition per
** letter, the fallback of a state the state of its longest proper
** suffix, and at the state of a pattern's letters its digits (leading
** zeros left out). doc_hyph.c runs a word through it. Built in a quarter
** of libhyphen's instructions, with the same points: a unit test
** compares both. A file with what this does not do (NEXTLEVEL compound
** levels, non-standard replacement patterns "x/y=z,1,2") is refused, as
** a missing file is.
*/
#include "doc/hyph_patterns.h"

#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"

struct hyph_dict {
	struct hyph_trans *trans; /* tmask + 1 slots */
	size_t tmask, ntrans;
	int32_t *fallback;
	int32_t *match;
	struct strbuf digits;
	size_t nstates, astates;
	int lhmin, rhmin;
};

static size_t trans_slot(size_t tmask, uint32_t key)
{
	return (size_t)((key * 2654435761u) >> 7) & tmask;
}

int32_t hyph_next(const struct hyph_table *t, int32_t from, unsigned char c)
{
	uint32_t key = ((uint32_t)from << 8 | c) + 1;
	for(size_t i = trans_slot(t->tmask, key);; i = (i + 1) & t->tmask) {
		if(t->trans[i].key == key)
			return t->trans[i].to;
		if(!t->trans[i].key)
			return -1;
	}
}

void hyph_dict_table(const struct hyph_dict *d, struct hyph_table *t)
{
	t->trans = d->trans;
	t->tmask = d->tmask;
	t->fallback = d->fallback;
	t->match = d->match;
	t->digits = d->digits.buf;
	t->lhmin = d->lhmin;
	t->rhmin = d->rhmin;
}

static int32_t trans_get(const struct hyph_dict *d, int32_t from, unsigned char c)
{
	struct hyph_table t;
	hyph_dict_table(d, &t);
	return hyph_next(&t, from, c);
}

static void trans_put(struct hyph_trans *trans, size_t tmask, uint32_t key, int32_t to)
{
	size_t i = trans_slot(tmask, key);
	while(trans[i].key)
		i = (i + 1) & tmask;
	trans[i].key = key;
	trans[i].to = to;
}

static void trans_grow(struct hyph_dict *d)
{
	struct hyph_trans *old = d->trans;
	size_t on = d->tmask + 1;
	d->tmask = on * 2 - 1;
	d->trans = xcalloc(on * 2, sizeof(*d->trans));
	for(size_t i = 0; i < on; i++)
		if(old[i].key)
			trans_put(d->trans, d->tmask, old[i].key, old[i].to);
	free(old);
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
			trans_put(d->trans, d->tmask, ((uint32_t)s << 8 | letters[i]) + 1, t);
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

void hyph_dict_free(struct hyph_dict *d)
{
	if(!d)
		return;
	free(d->trans);
	free(d->fallback);
	free(d->match);
	strbuf_release(&d->digits);
	free(d);
}

/* The fallbacks, breadth first: a state's is where its parent's fallback
** (or that one's, and so on) goes by the same letter; the children of
** each state listed from the transitions first. */
static void link_fallbacks(struct hyph_dict *d)
{
	size_t *first = xcalloc(d->nstates + 1, sizeof(*first));
	size_t *child = xmalloc((d->ntrans ? d->ntrans : 1) * sizeof(*child));
	int32_t *queue = xmalloc(d->nstates * sizeof(*queue));
	size_t qh = 0, qt = 0;

	for(size_t i = 0; i <= d->tmask; i++)
		if(d->trans[i].key)
			first[((d->trans[i].key - 1) >> 8) + 1]++;
	for(size_t i = 0; i < d->nstates; i++)
		first[i + 1] += first[i];
	{
		size_t *fill = xmalloc((d->nstates + 1) * sizeof(*fill));
		memcpy(fill, first, (d->nstates + 1) * sizeof(*fill));
		for(size_t i = 0; i <= d->tmask; i++)
			if(d->trans[i].key)
				child[fill[(d->trans[i].key - 1) >> 8]++] = i;
		free(fill);
	}
	queue[qt++] = 0;
	while(qh < qt) {
		int32_t u = queue[qh++];
		for(size_t k = first[u]; k < first[u + 1]; k++) {
			size_t i = child[k];
			int32_t v = d->trans[i].to, back;
			unsigned char c = (unsigned char)((d->trans[i].key - 1) & 0xff);
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
}

struct hyph_dict *hyph_dict_read(const char *path)
{
	struct hyph_dict *d;
	struct strbuf file = STRBUF_INIT;
	size_t head, at;
	bool ok = true;

	if(strbuf_read_file(&file, path) < 0) {
		strbuf_release(&file);
		return NULL;
	}
	d = xcalloc(1, sizeof(*d));
	d->tmask = 65535; /* room for hyph_sv_SE.dic's 18 512 transitions */
	d->trans = xcalloc(d->tmask + 1, sizeof(*d->trans));
	strbuf_init(&d->digits);
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
		hyph_dict_free(d);
		return NULL;
	}
	link_fallbacks(d);
	return d;
}

/* Write n int32_t values, twelve a line. */
static void write_ints(FILE *out, const char *name, const int32_t *v, size_t n)
{
	fprintf(out, "static const int32_t %s[%zu] = {", name, n);
	for(size_t i = 0; i < n; i++)
		fprintf(out, "%s%ld,", i % 12 ? " " : "\n\t", (long)v[i]);
	fprintf(out, "\n};\n\n");
}

bool hyph_dict_write_c(const struct hyph_dict *d, const char *name, const char *from,
                       FILE *out)
{
	fprintf(out, "/* %s: the hyphenation automaton of %s, written by hyph_gen\n"
	             "** (src/doc/hyph_patterns.h) when styr was built. */\n"
	             "#include \"doc/hyph_patterns.h\"\n\n", name, from);
	fprintf(out, "static const struct hyph_trans trans[%zu] = {", d->tmask + 1);
	for(size_t i = 0; i <= d->tmask; i++)
		fprintf(out, "%s{ %lu, %ld },", i % 6 ? " " : "\n\t", (unsigned long)d->trans[i].key,
		        (long)d->trans[i].to);
	fprintf(out, "\n};\n\n");
	write_ints(out, "fallback", d->fallback, d->nstates);
	write_ints(out, "match", d->match, d->nstates);
	/* the digit strings: each byte a number, the NULs between them kept */
	fprintf(out, "static const char digits[%zu] = {", d->digits.len + 1);
	for(size_t i = 0; i <= d->digits.len; i++)
		fprintf(out, "%s%d,", i % 16 ? " " : "\n\t", (int)(unsigned char)d->digits.buf[i]);
	fprintf(out, "\n};\n\n");
	fprintf(out, "const struct hyph_table %s = {\n"
	             "\t.trans = trans,\n\t.tmask = %zu,\n\t.fallback = fallback,\n"
	             "\t.match = match,\n\t.digits = digits,\n\t.lhmin = %d,\n\t.rhmin = %d,\n};\n",
	        name, d->tmask, d->lhmin, d->rhmin);
	return !ferror(out);
}
