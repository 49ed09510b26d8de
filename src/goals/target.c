/*
** target.c — parse and print indicator targets and measured values as
** people write them (see target.h).
*/
#include "goals/target.h"

#include <stdlib.h>
#include <string.h>

/* A part of a string people wrote: nothing is copied or cut until a
** field of the result needs its own copy (span_dup). */
struct span {
	const char *p;
	size_t len;
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* sp without surrounding white space. */
static struct span trimmed(struct span sp)
{
	while(sp.len && is_space(*sp.p)) {
		sp.p++;
		sp.len--;
	}
	while(sp.len && is_space(sp.p[sp.len - 1]))
		sp.len--;
	return sp;
}

static struct span span_of(const char *s)
{
	struct span sp = { s ? s : "", s ? strlen(s) : 0 };
	return trimmed(sp);
}

static char *span_dup(struct span sp)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_add(&sb, sp.p, sp.len);
	return strbuf_detach(&sb);
}

static bool span_is(struct span sp, const char *w)
{
	return sp.len == strlen(w) && !memcmp(sp.p, w, sp.len);
}

/* Does sp start with w? *rest is what follows. */
static bool starts_with(struct span sp, const char *w, struct span *rest)
{
	size_t n = strlen(w);
	if(sp.len < n || memcmp(sp.p, w, n))
		return false;
	rest->p = sp.p + n;
	rest->len = sp.len - n;
	return true;
}

static bool ends_with(struct span sp, const char *suf, size_t *cut)
{
	size_t n = strlen(suf);
	if(sp.len < n || memcmp(sp.p + sp.len - n, suf, n))
		return false;
	*cut = sp.len - n;
	return true;
}

/* Parse "1 923 tkr", "6,72%", "72,25 %", "75 st.", "74" into n; on
** success n->digits is owned by n, on failure n is zeroed. */
static bool parse_num_unit(struct span s, struct measure_num *n)
{
	size_t cut = 0;
	struct styr_error err;

	memset(n, 0, sizeof(*n));
	s = trimmed(s);
	n->unit = WU_NONE;
	if(ends_with(s, "tkr", &cut))
		n->unit = WU_TKR;
	else if(ends_with(s, "st.", &cut))
		n->unit = WU_ST_DOT;
	else if(ends_with(s, "st", &cut))
		n->unit = WU_ST;
	else if(ends_with(s, "%", &cut))
		n->unit = WU_PERCENT;
	if(n->unit != WU_NONE) {
		if(cut == 0)
			return false;
		n->unit_space = s.p[cut - 1] == ' ';
		s.len = cut;
		/* A word unit needs a space or a digit before it ("10st"). */
	}
	s = trimmed(s);
	if(!s.len)
		return false;
	n->digits = span_dup(s);
	if(sv_number_parse(n->digits, &n->num, &err) || n->num.percent) {
		free(n->digits);
		memset(n, 0, sizeof(*n));
		return false;
	}
	return true;
}

static void format_num(struct strbuf *sb, const struct measure_num *n)
{
	static const char *const units[] = { "", "%", "st", "st.", "tkr" };
	strbuf_addstr(sb, n->digits);
	if(n->unit != WU_NONE) {
		if(n->unit_space)
			strbuf_addch(sb, ' ');
		strbuf_addstr(sb, units[n->unit]);
	}
}

/* A leading word, lower case or capitalised: "högst " / "Högst ". Longer
** words before their beginnings ("<=" before "<"). */
struct prefix {
	const char *lower, *upper;
	enum target_kind kind;
	enum target_form form;
};

static const struct prefix prefixes[] = {
	{ "högst ", "Högst ", TARGET_AT_MOST, TF_HOGST },
	{ "minst ", "Minst ", TARGET_AT_LEAST, TF_MINST },
	{ "öka från ", "Öka från ", TARGET_ABOVE, TF_OKA_FRAN },
	{ "minska från ", "Minska från ", TARGET_BELOW, TF_MINSKA_FRAN },
	{ "minska till ", "Minska till ", TARGET_AT_MOST, TF_MINSKA_TILL },
	{ "öka till ", "Öka till ", TARGET_AT_LEAST, TF_OKA_TILL },
	{ "max ", "Max ", TARGET_AT_MOST, TF_MAX },
	{ "min ", "Min ", TARGET_AT_LEAST, TF_MIN },
	{ "under ", "Under ", TARGET_BELOW, TF_UNDER },
	{ "över ", "Över ", TARGET_ABOVE, TF_OVER },
	{ "≥ ", "≥ ", TARGET_AT_LEAST, TF_GE_SIGN },
	{ "≥", "≥", TARGET_AT_LEAST, TF_GE_NOSPACE },
	{ "≤ ", "≤ ", TARGET_AT_MOST, TF_LE_SIGN },
	{ "≤", "≤", TARGET_AT_MOST, TF_LE_NOSPACE },
	{ "<= ", "<= ", TARGET_AT_MOST, TF_LE_ASCII },
	{ ">= ", ">= ", TARGET_AT_LEAST, TF_GE_ASCII },
	{ "< ", "< ", TARGET_BELOW, TF_LT_SIGN },
	{ "<", "<", TARGET_BELOW, TF_LT_NOSPACE },
	{ "> ", "> ", TARGET_ABOVE, TF_GT_SIGN },
	{ ">", ">", TARGET_ABOVE, TF_GT_NOSPACE },
};

/* A trailing phrase: "74 eller högre". */
static const struct {
	const char *words;
	enum target_kind kind;
	enum target_form form;
} suffixes[] = {
	{ " eller högre", TARGET_AT_LEAST, TF_ELLER_HOGRE },
	{ " eller mer", TARGET_AT_LEAST, TF_ELLER_MER },
	{ " eller lägre", TARGET_AT_MOST, TF_ELLER_LAGRE },
	{ " eller mindre", TARGET_AT_MOST, TF_ELLER_MINDRE },
};

/* The words of each form as target_format writes them: before the number
** (lower, capitalised) and after it. */
static const char *const form_words[][3] = {
	[TF_PLAIN] = { "", "", "" },
	[TF_HOGST] = { "högst ", "Högst ", "" },
	[TF_MINST] = { "minst ", "Minst ", "" },
	[TF_GE_SIGN] = { "≥ ", "≥ ", "" },
	[TF_GE_NOSPACE] = { "≥", "≥", "" },
	[TF_ELLER_HOGRE] = { "", "", " eller högre" },
	[TF_OKA_FRAN] = { "öka från ", "Öka från ", "" },
	[TF_MINSKA_FRAN] = { "minska från ", "Minska från ", "" },
	[TF_MINSKA_TILL] = { "minska till ", "Minska till ", "" },
	[TF_OKA_TILL] = { "öka till ", "Öka till ", "" },
	[TF_LE_SIGN] = { "≤ ", "≤ ", "" },
	[TF_LE_NOSPACE] = { "≤", "≤", "" },
	[TF_LE_ASCII] = { "<= ", "<= ", "" },
	[TF_GE_ASCII] = { ">= ", ">= ", "" },
	[TF_LT_SIGN] = { "< ", "< ", "" },
	[TF_LT_NOSPACE] = { "<", "<", "" },
	[TF_GT_SIGN] = { "> ", "> ", "" },
	[TF_GT_NOSPACE] = { ">", ">", "" },
	[TF_MAX] = { "max ", "Max ", "" },
	[TF_MIN] = { "min ", "Min ", "" },
	[TF_UNDER] = { "under ", "Under ", "" },
	[TF_OVER] = { "över ", "Över ", "" },
	[TF_ELLER_LAGRE] = { "", "", " eller lägre" },
	[TF_ELLER_MER] = { "", "", " eller mer" },
	[TF_ELLER_MINDRE] = { "", "", " eller mindre" },
	[TF_RANGE] = { "", "", "" },
	[TF_MELLAN] = { "mellan ", "Mellan ", "" },
};

const char *target_forms(void)
{
	return "högst 15 st, max 40, ≤ 5 %, 5 % eller lägre, minska till 90 st (at most); "
	       "minst 75 st, min 40, ≥ 74, 74 eller högre, öka till 90 st (at least); "
	       "< 5 %, under 5 %, Minska från 5% (below); > 70 %, över 70 %, Öka från 71,13 "
	       "(above); 80–90 %, mellan 80 och 90 % (a range); Ja, Nej; or a figure such "
	       "as 85%, 0 tkr or 50 st (the indicator's direction)";
}

/* Two ends of a range as written, "80" and "90 %": both numbers, the
** same unit where both write one, low <= high. The low end without a
** unit takes the high end's for comparisons (it keeps its own spelling). */
static bool parse_ends(struct span lo, struct span hi, struct target *out)
{
	struct measure_num a, b;
	if(!parse_num_unit(lo, &a))
		return false;
	if(!parse_num_unit(hi, &b)) {
		free(a.digits);
		return false;
	}
	if((a.unit != WU_NONE && b.unit != WU_NONE && a.unit != b.unit)
	   || measure_num_cmp(&a.num, &b.num) > 0) {
		free(a.digits);
		free(b.digits);
		return false;
	}
	out->n = a;
	out->n2 = b;
	return true;
}

/* "mellan 80 och 90 %" (the word already taken off: rest is "80 och 90 %"). */
static bool parse_mellan(struct span rest, struct target *out)
{
	static const char och[] = " och ";
	for(size_t i = 0; i + sizeof(och) - 1 <= rest.len; i++)
		if(!memcmp(rest.p + i, och, sizeof(och) - 1)) {
			struct span lo = { rest.p, i };
			struct span hi = { rest.p + i + sizeof(och) - 1, rest.len - i - (sizeof(och) - 1) };
			return parse_ends(lo, hi, out);
		}
	return false;
}

/* "80–90 %", "80-90 %", "80 – 90 %": a dash between two numbers (a
** leading minus is the sign of one). */
static bool parse_dash(struct span buf, struct target *out)
{
	static const char *const dashes[] = { "–", "-" };
	for(size_t d = 0; d < 2; d++) {
		size_t dl = strlen(dashes[d]);
		for(size_t i = 1; i + dl < buf.len; i++) {
			if(memcmp(buf.p + i, dashes[d], dl))
				continue;
			size_t a = i, b = i + dl;
			while(a > 0 && is_space(buf.p[a - 1]))
				a--;
			while(b < buf.len && is_space(buf.p[b]))
				b++;
			struct span lo = { buf.p, a }, hi = { buf.p + b, buf.len - b };
			if(!a || !parse_ends(lo, hi, out))
				continue;
			struct span sep = { buf.p + a, b - a };
			out->sep = span_dup(sep);
			return true;
		}
	}
	return false;
}

void target_parse(const char *s, struct target *out)
{
	struct span buf = span_of(s), rest = { NULL, 0 };
	size_t cut;

	memset(out, 0, sizeof(*out));
	out->kind = TARGET_TEXT;
	if(span_is(buf, "Ja") || span_is(buf, "ja")) {
		out->kind = TARGET_YES;
		out->capital = buf.p[0] == 'J';
		return;
	}
	if(span_is(buf, "Nej") || span_is(buf, "nej")) {
		out->kind = TARGET_NO;
		out->capital = buf.p[0] == 'N';
		return;
	}
	if(starts_with(buf, "mellan ", &rest) || starts_with(buf, "Mellan ", &rest)) {
		out->capital = buf.p[0] == 'M';
		if(parse_mellan(rest, out)) {
			out->kind = TARGET_RANGE;
			out->form = TF_MELLAN;
			return;
		}
		out->capital = false;
		rest.p = NULL;
	}
	for(size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		const struct prefix *p = &prefixes[i];
		bool lower = starts_with(buf, p->lower, &rest);
		bool upper = !lower && starts_with(buf, p->upper, &rest);
		if(!lower && !upper)
			continue;
		out->kind = p->kind;
		out->form = p->form;
		out->capital = upper && strcmp(p->lower, p->upper);
		break;
	}
	for(size_t i = 0; !rest.p && i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if(ends_with(buf, suffixes[i].words, &cut)) {
			rest.p = buf.p;
			rest.len = cut;
			out->kind = suffixes[i].kind;
			out->form = suffixes[i].form;
		}
	if(!rest.p && parse_dash(buf, out)) {
		out->kind = TARGET_RANGE;
		out->form = TF_RANGE;
		return;
	}
	if(!rest.p) {
		rest = buf;
		out->kind = TARGET_VALUE;
		out->form = TF_PLAIN;
	}
	if(!parse_num_unit(rest, &out->n)) {
		out->kind = TARGET_TEXT;
		out->form = TF_PLAIN;
		out->capital = false;
		out->text = span_dup(buf);
	}
}

void target_release(struct target *t)
{
	free(t->n.digits);
	free(t->n2.digits);
	free(t->sep);
	free(t->text);
	memset(t, 0, sizeof(*t));
}

void target_format(struct strbuf *sb, const struct target *t)
{
	switch(t->kind) {
	case TARGET_TEXT:
		strbuf_addstr(sb, t->text);
		return;
	case TARGET_YES:
		strbuf_addstr(sb, t->capital ? "Ja" : "ja");
		return;
	case TARGET_NO:
		strbuf_addstr(sb, t->capital ? "Nej" : "nej");
		return;
	case TARGET_RANGE:
		strbuf_addstr(sb, form_words[t->form][t->capital]);
		format_num(sb, &t->n);
		strbuf_addstr(sb, t->form == TF_MELLAN ? " och " : t->sep);
		format_num(sb, &t->n2);
		return;
	default:
		break;
	}
	strbuf_addstr(sb, form_words[t->form][t->capital]);
	format_num(sb, &t->n);
	strbuf_addstr(sb, form_words[t->form][2]);
}

/* Does a written unit fit the indicator's unit? No unit fits any number. */
static bool unit_fits(enum written_unit w, enum ind_unit u)
{
	switch(w) {
	case WU_NONE: return u != UNIT_YESNO;
	case WU_PERCENT: return u == UNIT_PERCENT;
	case WU_ST: case WU_ST_DOT: return u == UNIT_COUNT;
	case WU_TKR: return u == UNIT_TKR;
	}
	return false;
}

bool target_contradicts(const struct target *t, enum ind_direction dir,
                        enum ind_unit unit, struct strbuf *why)
{
	switch(t->kind) {
	case TARGET_TEXT:
		return false; /* reported as "kan ej bedömas", not as a contradiction */
	case TARGET_YES:
	case TARGET_NO:
		if(unit != UNIT_YESNO || dir != DIR_YES) {
			strbuf_addstr(why, "a yes/no target for an indicator that is measured as a number");
			return true;
		}
		return false;
	case TARGET_AT_MOST:
	case TARGET_BELOW:
		if(dir == DIR_HIGHER) {
			strbuf_addstr(why, "the target asks for a lower value but higher is better");
			return true;
		}
		break;
	case TARGET_AT_LEAST:
	case TARGET_ABOVE:
		if(dir == DIR_LOWER) {
			strbuf_addstr(why, "the target asks for a higher value but lower is better");
			return true;
		}
		break;
	case TARGET_VALUE:
	case TARGET_RANGE:
		break;
	}
	if(dir == DIR_YES || unit == UNIT_YESNO) {
		strbuf_addstr(why, "a numeric target for a yes/no indicator (expected Ja or Nej)");
		return true;
	}
	if(!unit_fits(t->n.unit, unit)
	   || (t->kind == TARGET_RANGE && !unit_fits(t->n2.unit, unit))) {
		strbuf_addf(why, "the target's unit does not fit the indicator (expected %s)",
		            unit_expected(unit));
		return true;
	}
	return false;
}

void measure_parse(const char *s, struct measure *out)
{
	struct span buf = span_of(s);
	memset(out, 0, sizeof(*out));
	if(!buf.len)
		out->kind = MEASURE_NONE;
	else if(span_is(buf, "Ja") || span_is(buf, "ja"))
		out->kind = MEASURE_YES;
	else if(span_is(buf, "Nej") || span_is(buf, "nej"))
		out->kind = MEASURE_NO;
	else if(parse_num_unit(buf, &out->n))
		out->kind = MEASURE_NUMBER;
	else
		out->kind = MEASURE_TEXT;
}

void measure_release(struct measure *m)
{
	free(m->n.digits);
	memset(m, 0, sizeof(*m));
}

const char *unit_expected(enum ind_unit unit)
{
	switch(unit) {
	case UNIT_PERCENT: return "a percentage such as 6,72% or 72,25 %";
	case UNIT_COUNT: return "a count such as 18 st or 75 st.";
	case UNIT_TKR: return "an amount in tkr such as -852 tkr";
	case UNIT_YESNO: return "Ja or Nej";
	case UNIT_NUMBER: return "a number such as 66 or 71,13";
	}
	return "a value";
}

enum styr_rc measure_check_unit(const char *s, enum ind_unit unit,
                                const char *what, struct styr_error *err)
{
	struct measure m;
	bool fits = false;
	measure_parse(s, &m);
	switch(m.kind) {
	case MEASURE_NONE:
		fits = true;
		break;
	case MEASURE_YES:
	case MEASURE_NO:
		fits = unit == UNIT_YESNO;
		break;
	case MEASURE_NUMBER:
		fits = unit_fits(m.n.unit, unit);
		break;
	case MEASURE_TEXT:
		break;
	}
	measure_release(&m);
	if(fits)
		return STYR_OK;
	return styr_error_set(err, STYR_EINVAL, "indicator %s: value \"%s\" does not fit, expected %s",
	                      what, s, unit_expected(unit));
}

bool goals_name_find(const char *const *names, const char *s, int *out)
{
	for(int i = 0; s && names[i]; i++)
		if(!strcmp(s, names[i])) {
			*out = i;
			return true;
		}
	return false;
}

const char *const ind_unit_names[UNIT_KINDS + 1] = {
	[UNIT_PERCENT] = "percent", [UNIT_COUNT] = "count", [UNIT_TKR] = "tkr",
	[UNIT_YESNO] = "yes-no", [UNIT_NUMBER] = "number", NULL
};

const char *const ind_direction_names[DIRECTION_KINDS + 1] = {
	[DIR_HIGHER] = "higher", [DIR_LOWER] = "lower", [DIR_YES] = "yes", NULL
};

GOALS_NAME_PARSER(unit_from_name, enum ind_unit, ind_unit_names)
GOALS_NAME_PARSER(direction_from_name, enum ind_direction, ind_direction_names)

int measure_num_cmp(const struct sv_number *a, const struct sv_number *b)
{
	return sv_number_cmp(a, b); /* exact: scaling to common decimals overflowed */
}
