/*
** fuzz_sie_token.c — libFuzzer harness for the SIE tokenizer and amounts
** (ledger/sie.h). Each line of the input is split into tokens; columns lie
** within the line and every field that parses as an amount is within
** ±MONEY_MAX öre.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/money.h"
#include "ledger/sie.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sie_line l;
	struct styr_error err;
	const char *p = (const char *)data, *end = p + size;
	sie_line_init(&l);
	while(p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		int col;
		if(!sie_tokenize(&l, p, n, &col, &err)) {
			for(size_t k = 0; k < l.n; k++) {
				const struct sie_token *t = &l.tok[k];
				int64_t ore;
				if(t->column < 1 || (size_t)t->column > n)
					abort();
				if(t->kind == SIE_FIELD && !sie_parse_amount(t->text, &ore) &&
				   !money_in_range(ore))
					abort();
			}
		} else if(col < 1 || (size_t)col > n + 1) {
			abort();
		}
		p += n + (nl != NULL);
	}
	sie_line_release(&l);
	return 0;
}
