/*
** hyph_patterns.h — hyphenation patterns (libhyphen's .dic files) as the
** automaton that doc_hyph.c runs words through.
**
** Building the automaton from hyph_sv_SE.dic (15 000 patterns) took
** 2.4 ms, paid by every process that rendered a report (HTML, PDF and
** DOCX all hyphenate): the largest fixed cost of a small report after
** loading the drawing libraries. So it is built when styr is built:
** hyph_gen (a build-time program) reads Debian's hyphen-sv file and
** writes the automaton as C arrays (hyph_sv_table.c, const data in the
** program, read straight from its file). The same code reads a file at
** run time when STYR_HYPHEN_DIC names another one.
*/
#ifndef STYR_HYPH_PATTERNS_H
#define STYR_HYPH_PATTERNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* A transition from state `from` by byte c: key (from << 8 | c) + 1
** (0: a free slot), to the state `to`; open addressing on key. */
struct hyph_trans {
	uint32_t key;
	int32_t to;
};

/* The automaton, read-only: the compiled-in table or a view of a
** struct hyph_dict read at run time. */
struct hyph_table {
	const struct hyph_trans *trans; /* tmask + 1 slots */
	size_t tmask;
	const int32_t *fallback; /* per state; -1 for the root */
	const int32_t *match;    /* per state: offset of its digits, or -1 */
	const char *digits;      /* the digit strings, each ended by a NUL */
	int lhmin, rhmin;        /* LEFTHYPHENMIN, RIGHTHYPHENMIN; 0 when not given */
};

/* The state reached from state `from` by byte c, or -1. */
int32_t hyph_next(const struct hyph_table *t, int32_t from, unsigned char c);

/* The patterns of the file at path, or NULL when it cannot be read or
** holds what is not read here (NEXTLEVEL compound levels, replacement
** patterns); free with hyph_dict_free(). */
struct hyph_dict;
struct hyph_dict *hyph_dict_read(const char *path);
void hyph_dict_free(struct hyph_dict *d);

/* The read-only view of d (valid while d lives). */
void hyph_dict_table(const struct hyph_dict *d, struct hyph_table *t);

/* Write d as C source defining `const struct hyph_table NAME`; false
** when out could not be written. */
bool hyph_dict_write_c(const struct hyph_dict *d, const char *name, const char *from,
                       FILE *out);

/* hyph_sv_SE.dic of hyphen-sv, built in (hyph_sv_table.c, made by
** hyph_gen when styr is built). */
extern const struct hyph_table hyph_sv_table;

#endif
