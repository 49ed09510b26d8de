/*
** target.h — indicator targets and measured values as people write them.
**
** A MER-plan writes a target in many ways, and target_parse() reads the
** common Swedish ones:
**   at most      högst 15 st, max 40, ≤ 5 %, <= 5, 5 % eller lägre,
**                5 eller mindre, minska till 90 st
**   at least     minst 75 st, min 40, ≥ 74, >= 74, 74 eller högre,
**                74 eller mer, öka till 90 st
**   below        < 5 %, under 5 %, Minska från 5% (below a reference)
**   above        > 70 %, över 70 %, Öka från 71,13 (above a reference)
**   a range      80–90 %, 80-90 %, mellan 80 och 90 %
**   yes, no      Ja, Nej
**   a figure     85%, 0 tkr, 50 %, 50 st. (the indicator's direction)
** target_format() writes each back exactly as it was written (case,
** spacing, unit spelling). Text that is none of these is TARGET_TEXT: it
** cannot be assessed, and loading refuses it (target_forms() lists the
** forms for the message).
**
** A measured value (utfall, prognos, utgångsvärde) is a number with an
** optional unit ("6,72%", "10 st", "-823 tkr", "72,25 %", "75 st."), "Ja"
** or "Nej", or empty. Anything else ("—", "●") is kept as text and counts
** as no value.
**
** Numbers go through sv_number_parse (money.h). Pure: no I/O.
*/
#ifndef STYR_TARGET_H
#define STYR_TARGET_H

#include <stdbool.h>

#include "base/error.h"
#include "base/money.h"
#include "base/strbuf.h"

/* The goals module's names of its enums (units, directions, verdicts,
** rules) are tables indexed by the enum, NULL-terminated, which the data
** sections also take as their allowed values: one list per name. */

/* The index of s in the NULL-terminated names into *out; false when s (or
** NULL) is none of them. */
bool goals_name_find(const char *const *names, const char *s, int *out);

/* Defines `bool fn(const char *s, type *out)`: the value of enum type
** named s in names, through goals_name_find (*out unchanged when none). */
#define GOALS_NAME_PARSER(fn, type, names)                 \
	bool fn(const char *s, type *out)                  \
	{                                                  \
		int i;                                     \
		if(!goals_name_find((names), s, &i))       \
			return false;                      \
		*out = (type)i;                            \
		return true;                               \
	}

/* What an indicator measures; a value's written unit must fit it. */
enum ind_unit { UNIT_PERCENT, UNIT_COUNT, UNIT_TKR, UNIT_YESNO, UNIT_NUMBER };
#define UNIT_KINDS 5
/* "percent", "count", "tkr", "yes-no", "number" */
extern const char *const ind_unit_names[UNIT_KINDS + 1];

/* Which way is better. */
enum ind_direction { DIR_HIGHER, DIR_LOWER, DIR_YES };
#define DIRECTION_KINDS 3
/* "higher", "lower", "yes" */
extern const char *const ind_direction_names[DIRECTION_KINDS + 1];

/* Unit as written after a number. */
enum written_unit { WU_NONE, WU_PERCENT, WU_ST, WU_ST_DOT, WU_TKR };

enum target_kind {
	TARGET_AT_MOST,        /* "högst 15 st", "minska till 90 st", "≤ 5 %", "max 40" */
	TARGET_AT_LEAST,       /* "≥ 74", "74 eller högre", "minst 75 st", "min 40" */
	TARGET_ABOVE,          /* "Öka från 71,13", "> 70 %", "över 70 %" */
	TARGET_BELOW,          /* "Minska från 5%", "< 5 %", "under 5 %" */
	TARGET_YES,            /* "Ja" */
	TARGET_NO,             /* "Nej" */
	TARGET_VALUE,          /* "85%", "0 tkr", "50 %": direction from the indicator */
	TARGET_RANGE,          /* "80–90 %", "mellan 80 och 90 %": n to n2, both included */
	TARGET_TEXT            /* not understood; kept as written */
};

/* How the comparison word was written, so that it prints back exactly. */
enum target_form {
	TF_PLAIN,        /* "85%" */
	TF_HOGST,        /* "högst 15 st" */
	TF_MINST,        /* "minst 75 st" */
	TF_GE_SIGN,      /* "≥ 74" */
	TF_GE_NOSPACE,   /* "≥74" */
	TF_ELLER_HOGRE,  /* "74 eller högre" */
	TF_OKA_FRAN,     /* "Öka från 71,13" */
	TF_MINSKA_FRAN,  /* "Minska från 5%" */
	TF_MINSKA_TILL,  /* "minska till 90 st" */
	TF_OKA_TILL,     /* "öka till 90 st" */
	TF_LE_SIGN,      /* "≤ 5 %" */
	TF_LE_NOSPACE,   /* "≤5 %" */
	TF_LE_ASCII,     /* "<= 5" */
	TF_GE_ASCII,     /* ">= 74" */
	TF_LT_SIGN,      /* "< 5 %" */
	TF_LT_NOSPACE,   /* "<5 %" */
	TF_GT_SIGN,      /* "> 70 %" */
	TF_GT_NOSPACE,   /* ">70 %" */
	TF_MAX,          /* "max 40" */
	TF_MIN,          /* "min 40" */
	TF_UNDER,        /* "under 5 %" */
	TF_OVER,         /* "över 70 %" */
	TF_ELLER_LAGRE,  /* "5 % eller lägre" */
	TF_ELLER_MER,    /* "74 eller mer" */
	TF_ELLER_MINDRE, /* "5 eller mindre" */
	TF_RANGE,        /* "80–90 %", "80 - 90 %": sep as written */
	TF_MELLAN        /* "mellan 80 och 90 %" */
};

/* A number as written with its unit. */
struct measure_num {
	struct sv_number num;
	enum written_unit unit;
	bool unit_space;      /* a space between the number and the unit */
	char *digits;         /* owned: the number exactly as written ("1 923", "71,13") */
};

struct target {
	enum target_kind kind;
	enum target_form form;
	bool capital;         /* the word was capitalised ("Minska", "Högst") */
	struct measure_num n; /* not for YES, NO, TEXT (digits NULL there); a range's low end */
	struct measure_num n2; /* TARGET_RANGE: the high end (digits NULL otherwise) */
	char *sep;            /* owned: TF_RANGE's dash with its spaces ("–", " - "); else NULL */
	char *text;           /* owned: TARGET_TEXT as written, whole; NULL for other kinds */
};

/* The forms target_parse reads, for a message: "högst 15 st, max 40, ...". */
const char *target_forms(void);

/* Parse a target as written, however long. Never fails: text that is no
** known form gives TARGET_TEXT. Leading and trailing white space is
** ignored. *out owns its strings: release it with target_release. */
void target_parse(const char *s, struct target *out);

/* Free the strings of t and zero it; a zeroed target is fine. */
void target_release(struct target *t);

/* Append the target exactly as it was written (modulo surrounding white
** space): target_format(target_parse(s)) == s for every parsed form. */
void target_format(struct strbuf *sb, const struct target *t);

/* Does the target's comparison contradict the indicator's direction
** ("högst" for an indicator where higher is better, "Ja" for a
** percentage)? On contradiction returns true and writes why into why. */
bool target_contradicts(const struct target *t, enum ind_direction dir,
                        enum ind_unit unit, struct strbuf *why);

enum measure_kind { MEASURE_NONE, MEASURE_NUMBER, MEASURE_YES, MEASURE_NO, MEASURE_TEXT };

struct measure {
	enum measure_kind kind;
	struct measure_num n;  /* MEASURE_NUMBER */
};

/* Parse a measured value as written, however long. NULL or blank gives
** MEASURE_NONE; text that is not a value gives MEASURE_TEXT. Never fails.
** *out owns its strings: release it with measure_release. */
void measure_parse(const char *s, struct measure *out);

/* Free the strings of m and zero it; a zeroed measure is fine. */
void measure_release(struct measure *m);

/* Does a value fit the indicator's unit? "Ja" for a percentage, "12 st"
** for tkr, "45%" for a count do not. STYR_EINVAL with a message naming
** `what` (the indicator) and the expected form; a blank value fits. */
enum styr_rc measure_check_unit(const char *s, enum ind_unit unit,
                                const char *what, struct styr_error *err);

/* The expected form of a value of the unit, for messages: "ett tal med %
** (t.ex. 6,72%)". */
const char *unit_expected(enum ind_unit unit);

/* The unit or direction named s in the data files (ind_unit_names,
** ind_direction_names); false, *out unchanged, when s names none. */
bool unit_from_name(const char *s, enum ind_unit *out);
bool direction_from_name(const char *s, enum ind_direction *out);

/* Compare two numbers: <0, 0, >0. */
int measure_num_cmp(const struct sv_number *a, const struct sv_number *b);

#endif
