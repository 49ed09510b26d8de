/*
** hyph_gen.c — a build-time program: `hyph_gen DIC OUT.c NAME` reads the
** hyphenation patterns DIC and writes them as C source defining
** `const struct hyph_table NAME` (hyph_patterns.h says why). Exit 1 with
** a message when DIC cannot be read or OUT.c cannot be written.
*/
#include <stdio.h>

#include "doc/hyph_patterns.h"

int main(int argc, char **argv)
{
	struct hyph_dict *d;
	FILE *out;
	bool ok;

	if(argc != 4) {
		fprintf(stderr, "usage: hyph_gen DIC OUT.c NAME\n");
		return 2;
	}
	if(!(d = hyph_dict_read(argv[1]))) {
		fprintf(stderr, "hyph_gen: %s: cannot be read as hyphenation patterns "
		                "(Debian package hyphen-sv; make deps)\n", argv[1]);
		return 1;
	}
	if(!(out = fopen(argv[2], "w"))) {
		perror(argv[2]);
		hyph_dict_free(d);
		return 1;
	}
	ok = hyph_dict_write_c(d, argv[3], argv[1], out);
	ok = fclose(out) == 0 && ok;
	hyph_dict_free(d);
	if(!ok)
		fprintf(stderr, "hyph_gen: %s: cannot be written\n", argv[2]);
	return ok ? 0 : 1;
}
