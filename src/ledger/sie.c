/*
** sie.c — streaming import of SIE files into the ledger (see sie.h).
**
** One line at a time: getline() reads it, sie_tokenize() splits it, a
** handler per record type converts the fields and hands them to the
** ledger writer (ledger/ledger.h), whose prepared statements are reused for
** every row of the one transaction. Only counts, the fiscal years and the
** first few unbalanced vouchers are kept in memory.
**
** #KSUMMA: when the file opens with an empty #KSUMMA, the CRC-32 (zlib) of
** the bytes of every field of every record between it and the closing
** #KSUMMA — labels and field texts without separators, quotes or braces,
** in the file's own encoding — must equal the closing record's number.
*/
#include "ledger/sie.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "base/date.h"
#include "base/jsonw.h"
#include "base/limits.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "ledger/ledger.h"

enum encoding { ENC_UNKNOWN, ENC_CP437, ENC_UTF8 };

_Static_assert(sizeof(((struct sie_count *)0)->label) > LIMIT_SIE_LABEL,
               "struct sie_count holds a label of LIMIT_SIE_LABEL bytes");

struct reader {
	const char *path;
	long line;
	struct ledger_writer *w;
	struct sie_stats *st;
	struct sie_line l;
	enum encoding enc;
	struct strbuf cv[12];     /* converted fields of the current record */
	struct strbuf objs;       /* the current object list in SIE form */
	size_t last_count[2];     /* indexes in st->counts of the last two labels */
	/* voucher state */
	bool want_open;           /* a #VER was read, its "{" line comes next */
	bool in_block;
	long ver_line;
	struct strbuf ver_series, ver_number; /* whole: a cut could split a character */
	int64_t ver_sum;
	/* #KSUMMA */
	bool ksumma_open;
	uLong crc;
	/* the last date read (YYYYMMDD, "" before the first) and its ISO form */
	char last_date[8], last_iso[11];
};

/* ---- lines ---- */

/* A bounded line reader: unlike getline it never grows past the line
** limit, and it tells a read error from the end of the file. */
struct lines {
	FILE *f;
	char buf[65536];
	size_t pos, len;
	uint64_t bytes;   /* read so far, line ends included */
};

/* The next line of l, without its line feed, in *line and *len: in l's
** buffer when it lies there whole, else gathered in sb; valid until the
** next call. 1 when there is one, 0 at the end of the file, -1 when it
** is longer than LIMIT_SIE_LINE (-2 on a read error, errno set). */
static int next_line(struct lines *l, struct strbuf *sb, const char **line, size_t *len)
{
	if(l->pos < l->len) {
		const char *p = l->buf + l->pos;
		const char *nl = memchr(p, '\n', l->len - l->pos);
		if(nl && (size_t)(nl - p) <= LIMIT_SIE_LINE) {
			*line = p;
			*len = (size_t)(nl - p);
			l->pos += *len + 1;
			l->bytes += *len + 1;
			return 1;
		}
	}
	strbuf_reset(sb);
	*line = NULL;
	*len = 0;
	for(;;) {
		if(l->pos == l->len) {
			l->pos = 0;
			l->len = fread(l->buf, 1, sizeof(l->buf), l->f);
			if(!l->len) {
				if(ferror(l->f))
					return -2;
				*line = sb->buf;
				*len = sb->len;
				return sb->len ? 1 : 0;
			}
		}
		const char *p = l->buf + l->pos;
		const char *nl = memchr(p, '\n', l->len - l->pos);
		size_t n = nl ? (size_t)(nl - p) : l->len - l->pos;
		if(sb->len + n > LIMIT_SIE_LINE)
			return -1;
		strbuf_add(sb, p, n);
		l->pos += n + (nl != NULL);
		l->bytes += n + (nl != NULL);
		if(nl) {
			*line = sb->buf;
			*len = sb->len;
			return 1;
		}
	}
}

/* ---- text ---- */

static char cp437[128][4]; /* UTF-8 of bytes 0x80..0xFF, from iconv */
static bool cp437_ready;

static enum styr_rc cp437_init(struct styr_error *err)
{
	if(cp437_ready)
		return STYR_OK;
	iconv_t cd = iconv_open("UTF-8", "CP437");
	if(cd == (iconv_t)-1)
		return styr_error_set(err, STYR_EIO, "iconv cannot convert from CP437 on this system");
	for(int b = 0x80; b <= 0xff; b++) {
		char in = (char)b, *ip = &in, *op = cp437[b - 0x80];
		size_t il = 1, ol = sizeof(cp437[0]) - 1;
		iconv(cd, NULL, NULL, NULL, NULL);
		if(iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
			iconv_close(cd);
			return styr_error_set(err, STYR_EIO, "iconv cannot convert byte 0x%02x from CP437", b);
		}
		*op = '\0';
	}
	iconv_close(cd);
	cp437_ready = true;
	return STYR_OK;
}

static enum styr_rc fail(struct reader *r, int column, struct styr_error *err,
                         const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static enum styr_rc fail(struct reader *r, int column, struct styr_error *err,
                         const char *fmt, ...)
{
	char msg[900];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return styr_error_set(err, STYR_EINVAL, "%s:%ld:%d: %s", r->path, r->line, column, msg);
}

static const char *label_of(struct reader *r)
{
	return r->l.tok[0].text;
}

/* Token k of the line as UTF-8 text, or NULL with err set naming `what`
** when it is not text (a control character, or bytes that are not the
** file's encoding). The result lives until the next line (slot k of
** r->cv). */
static const char *utf8(struct reader *r, size_t k, const char *what,
                        struct styr_error *err)
{
	const struct sie_token *t = &r->l.tok[k];
	const char *out = t->text;
	const unsigned char *u = (const unsigned char *)t->text;
	struct styr_error why;
	bool high = false;
	size_t i = 0;
	/* Most fields are printable ASCII: text as they are. */
	while(i < t->len && u[i] >= 0x20 && u[i] < 0x7f)
		i++;
	if(i == t->len)
		return out;
	for(; i < t->len && !high; i++)
		high = u[i] >= 0x80;
	if(high && r->enc == ENC_UNKNOWN)
		r->enc = utf8_valid((const unsigned char *)t->text, t->len) ? ENC_UTF8 : ENC_CP437;
	if(high && r->enc == ENC_UTF8 && !utf8_valid((const unsigned char *)t->text, t->len)) {
		fail(r, t->column, err, "%s: expected UTF-8 text like the rest of the file",
		     label_of(r));
		return NULL;
	}
	if(high && r->enc == ENC_CP437) {
		struct strbuf *sb = &r->cv[k < 12 ? k : 11];
		strbuf_reset(sb);
		for(i = 0; i < t->len; i++) {
			unsigned char c = (unsigned char)t->text[i];
			if(c < 0x80)
				strbuf_addch(sb, c);
			else
				strbuf_addstr(sb, cp437[c - 0x80]);
		}
		out = sb->buf;
	}
	if(!text_valid(out, strlen(out), &why)) {
		fail(r, t->column, err, "%s: %s: expected text, found %s", label_of(r), what, why.msg);
		return NULL;
	}
	return out;
}

/* ---- fields ---- */

/* The next plain field at *k, or NULL: when required, with err set. */
static const struct sie_token *field(struct reader *r, size_t *k, const char *what,
                                     bool required, struct styr_error *err)
{
	if(*k < r->l.n && r->l.tok[*k].kind == SIE_FIELD)
		return &r->l.tok[(*k)++];
	if(required) {
		int col = *k < r->l.n ? r->l.tok[*k].column
		        : (r->l.n ? r->l.tok[r->l.n - 1].column + (int)r->l.tok[r->l.n - 1].len + 1 : 1);
		fail(r, col, err, "%s: expected %s", label_of(r), what);
	}
	return NULL;
}

/* A text field as UTF-8; "" when absent and optional (NULL on error). */
static const char *text_field(struct reader *r, size_t *k, const char *what,
                              bool required, struct styr_error *err)
{
	const struct sie_token *t = field(r, k, what, required, err);
	if(!t)
		return required ? NULL : "";
	return utf8(r, (size_t)(t - r->l.tok), what, err);
}

static enum styr_rc int_field(struct reader *r, size_t *k, const char *what,
                              long min, long max, int *out, struct styr_error *err)
{
	const struct sie_token *t = field(r, k, what, true, err);
	char *end;
	if(!t)
		return STYR_EINVAL;
	long v = strtol(t->text, &end, 10);
	if(!t->len || *end || v < min || v > max)
		return fail(r, t->column, err, "%s: expected %s, found \"%s\"", label_of(r), what, t->text);
	*out = (int)v;
	return STYR_OK;
}

static enum styr_rc amount_field(struct reader *r, size_t *k, int64_t *ore,
                                 struct styr_error *err)
{
	const struct sie_token *t = field(r, k, "an amount such as -1234.50", true, err);
	if(!t)
		return STYR_EINVAL;
	switch(sie_parse_amount(t->text, ore)) {
	case 0:
		return STYR_OK;
	case 2:
		return fail(r, t->column, err,
		    "%s: expected an amount with at most two decimals (öre), found \"%s\"",
		    label_of(r), t->text);
	case 3:
		return fail(r, t->column, err,
		    "%s: expected an amount within ±999 999 999 999 999,99 kr, found \"%s\"",
		    label_of(r), t->text);
	default:
		return fail(r, t->column, err, "%s: expected an amount such as -1234.50, found \"%s\"",
		            label_of(r), t->text);
	}
}

/* A date YYYYMMDD as ISO text in out; an absent optional date gives "". */
static enum styr_rc date_field(struct reader *r, size_t *k, const char *what,
                               bool required, char out[11], struct styr_error *err)
{
	const struct sie_token *t = field(r, k, what, required, err);
	struct date d;
	char iso[11];
	out[0] = '\0';
	if(!t)
		return required ? STYR_EINVAL : STYR_OK;
	if(!t->len && !required)
		return STYR_OK;
	if(t->len == 8 && !memcmp(t->text, r->last_date, 8)) {
		/* the date of the line before (a voucher's lines share one) */
		memcpy(out, r->last_iso, 11);
		return STYR_OK;
	}
	size_t nd = 0;
	while(nd < t->len && t->text[nd] >= '0' && t->text[nd] <= '9')
		nd++;
	if(t->len == 8 && nd == 8) {
		/* YYYYMMDD → YYYY-MM-DD without snprintf: once per #VER and #TRANS. */
		memcpy(iso, t->text, 4);
		iso[4] = '-';
		memcpy(iso + 5, t->text + 4, 2);
		iso[7] = '-';
		memcpy(iso + 8, t->text + 6, 2);
		iso[10] = '\0';
		if(date_parse_iso(iso, &d)) {
			memcpy(out, iso, 11);
			memcpy(r->last_date, t->text, 8);
			memcpy(r->last_iso, iso, 11);
			return STYR_OK;
		}
	}
	return fail(r, t->column, err, "%s: expected %s as YYYYMMDD, found \"%s\"",
	            label_of(r), what, t->text);
}

/* A year index that a #RAR declared. */
static enum styr_rc year_field(struct reader *r, size_t *k, int *idx, struct styr_error *err)
{
	const struct sie_token *t = k && *k < r->l.n ? &r->l.tok[*k] : NULL;
	enum styr_rc rc = int_field(r, k, "a year index (0, -1 …)", -99, 99, idx, err);
	if(rc)
		return rc;
	for(size_t i = 0; i < r->st->nyears; i++)
		if(r->st->years[i].index == *idx)
			return STYR_OK;
	return fail(r, t->column, err, "%s: expected a year index declared by #RAR, found %d",
	            label_of(r), *idx);
}

/* An object list "{dim "code" …}" at *k, in SIE form in sb; *out is NULL
** when the list is empty or absent. */
static enum styr_rc objects_field(struct reader *r, size_t *k, struct strbuf *sb,
                                  const char **out, struct styr_error *err)
{
	*out = NULL;
	strbuf_reset(sb);
	if(*k >= r->l.n || r->l.tok[*k].kind != SIE_OPEN)
		return STYR_OK; /* older writers leave the list out */
	for((*k)++; r->l.tok[*k].kind != SIE_CLOSE; ) {
		int dim = 0;
		const struct sie_token *t = &r->l.tok[*k];
		size_t nd = 0;
		while(nd < t->len && nd < 7 && t->text[nd] >= '0' && t->text[nd] <= '9')
			dim = dim * 10 + (t->text[nd++] - '0');
		if(t->kind == SIE_FIELD && nd == t->len && nd <= 6 && dim >= 1) {
			(*k)++;  /* a plain number, as int_field would read it */
		} else {
			enum styr_rc rc = int_field(r, k, "a dimension number in the object list", 1,
			                            999999, &dim, err);
			if(rc)
				return rc;
		}
		if(r->l.tok[*k].kind != SIE_FIELD)
			return fail(r, r->l.tok[*k].column, err,
			            "%s: expected an object code after dimension %d", label_of(r), dim);
		const char *code = utf8(r, (*k)++, "an object code", err);
		if(!code)
			return STYR_EINVAL;
		if(sb->len)
			strbuf_addch(sb, ' ');
		char num[16];
		int nn = sizeof(num);
		num[--nn] = '"';
		num[--nn] = ' ';
		do
			num[--nn] = (char)('0' + dim % 10);
		while((dim /= 10) > 0);   /* dim is 1..999999 */
		strbuf_add(sb, num + nn, sizeof(num) - (size_t)nn);
		for(const char *p = code; *p; ) {
			size_t run = strcspn(p, "\"\\");
			strbuf_add(sb, p, run);
			p += run;
			if(*p) {
				strbuf_addch(sb, '\\');
				strbuf_addch(sb, *p++);
			}
		}
		strbuf_addch(sb, '"');
	}
	(*k)++;
	*out = sb->len ? sb->buf : NULL;
	return STYR_OK;
}

static const char *opt(const char *s)
{
	return s && *s ? s : NULL;
}

/* ---- records ---- */

/* Count one more record of label in v[0..*n): at most LIMIT_SIE_LABELS
** different labels, so the search stays short whatever the file holds
** (it was quadratic in the number of labels). cache (NULL for none)
** remembers the slots of the last two labels, in a voucher's #VER and
** #TRANS. */
static void count(struct sie_count **v, size_t *n, const char *label, size_t cache[2])
{
	size_t i;
	for(int c = 0; cache && c < 2; c++)
		if(cache[c] < *n && !strcmp((*v)[cache[c]].label, label)) {
			(*v)[cache[c]].n++;
			return;
		}
	for(i = 0; i < *n; i++)
		if(!strcmp((*v)[i].label, label))
			break;
	if(i == *n) {
		*v = xrealloc(*v, (*n + 1) * sizeof(**v));
		snprintf((*v)[*n].label, sizeof((*v)[*n].label), "%s", label);
		(*v)[*n].n = 0;
		(*n)++;
	}
	(*v)[i].n++;
	if(cache) {
		cache[1] = cache[0];
		cache[0] = i;
	}
}

static void set(char **dst, const char *v)
{
	free(*dst);
	*dst = v && *v ? xstrdup(v) : NULL;
}

static enum styr_rc rec_header(struct reader *r, const char *label, struct styr_error *err)
{
	size_t k = 1;
	const char *v;
	if(!strcmp(label, "#FNAMN")) {
		if(!(v = text_field(r, &k, "the company name", true, err)))
			return STYR_EINVAL;
		set(&r->st->company, v);
	} else if(!strcmp(label, "#ORGNR")) {
		if(!(v = text_field(r, &k, "an organisation number", false, err)))
			return STYR_EINVAL;
		set(&r->st->orgnr, v);
	} else if(!strcmp(label, "#PROGRAM")) {
		struct strbuf sb = STRBUF_INIT;
		if(!(v = text_field(r, &k, "the program name", true, err)))
			return STYR_EINVAL;
		strbuf_addstr(&sb, v);
		if(!(v = text_field(r, &k, "the version", false, err))) {
			strbuf_release(&sb);
			return STYR_EINVAL;
		}
		if(*v)
			strbuf_addf(&sb, " %s", v);
		set(&r->st->program, sb.buf);
		strbuf_release(&sb);
	} else if(!strcmp(label, "#SIETYP")) {
		return int_field(r, &k, "the SIE type 1, 2, 3 or 4", 1, 4, &r->st->sie_type, err);
	} else if(!strcmp(label, "#FORMAT")) {
		const struct sie_token *t = field(r, &k, "PC8", true, err);
		if(!t)
			return STYR_EINVAL;
		if(!strcmp(t->text, "PC8"))
			r->enc = ENC_CP437;
		else if(!strcasecmp(t->text, "UTF8") || !strcasecmp(t->text, "UTF-8"))
			r->enc = ENC_UTF8;
		else
			return fail(r, t->column, err, "#FORMAT: expected PC8, found \"%s\"", t->text);
	}
	return STYR_OK;
}

static enum styr_rc rec_rar(struct reader *r, struct styr_error *err)
{
	size_t k = 1;
	int idx;
	char start[11], end[11];
	enum styr_rc rc = int_field(r, &k, "a year index (0, -1 …)", -99, 99, &idx, err);
	if(!rc)
		rc = date_field(r, &k, "the first day of the year", true, start, err);
	if(!rc)
		rc = date_field(r, &k, "the last day of the year", true, end, err);
	if(!rc)
		rc = ledger_put_year(r->w, idx, start, end, err);
	if(rc)
		return rc;
	struct sie_stats *st = r->st;
	size_t i;
	for(i = 0; i < st->nyears && st->years[i].index != idx; i++)
		;
	if(i == st->nyears)
		st->years = xrealloc(st->years, ++st->nyears * sizeof(*st->years));
	st->years[i].index = idx;
	memcpy(st->years[i].start, start, 11);
	memcpy(st->years[i].end, end, 11);
	return STYR_OK;
}

static enum styr_rc rec_account(struct reader *r, const char *label, struct styr_error *err)
{
	size_t k = 1;
	const char *nr = text_field(r, &k, "an account number", true, err);
	const char *v;
	if(!nr)
		return STYR_EINVAL;
	if(!strcmp(label, "#KONTO")) {
		if(!(v = text_field(r, &k, "the account name", false, err)))
			return STYR_EINVAL;
		return ledger_put_account(r->w, nr, v, NULL, NULL, NULL, err);
	}
	if(!strcmp(label, "#KTYP")) {
		const struct sie_token *t = field(r, &k, "the account type T, S, K or I", true, err);
		if(!t)
			return STYR_EINVAL;
		if(t->len != 1 || !strchr("TSKI", t->text[0]))
			return fail(r, t->column, err, "#KTYP: expected the account type T, S, K or I, found \"%s\"",
			            t->text);
		return ledger_put_account(r->w, nr, NULL, t->text, NULL, NULL, err);
	}
	if(!(v = text_field(r, &k, !strcmp(label, "#SRU") ? "an SRU code" : "a unit", true, err)))
		return STYR_EINVAL;
	if(!strcmp(label, "#SRU"))
		return ledger_put_account(r->w, nr, NULL, NULL, v, NULL, err);
	return ledger_put_account(r->w, nr, NULL, NULL, NULL, v, err);
}

static enum styr_rc rec_dim(struct reader *r, const char *label, struct styr_error *err)
{
	size_t k = 1;
	int dim, parent = -1;
	const char *name, *code;
	enum styr_rc rc = int_field(r, &k, "a dimension number", 1, 999999, &dim, err);
	if(rc)
		return rc;
	if(!strcmp(label, "#OBJEKT")) {
		if(!(code = text_field(r, &k, "an object code", true, err)))
			return STYR_EINVAL;
		/* the name goes to another slot, so code stays valid */
		if(!(name = text_field(r, &k, "the object name", false, err)))
			return STYR_EINVAL;
		return ledger_put_object(r->w, dim, code, name, err);
	}
	if(!(name = text_field(r, &k, "the dimension name", true, err)))
		return STYR_EINVAL;
	if(!strcmp(label, "#UNDERDIM")) {
		rc = int_field(r, &k, "the superior dimension number", 1, 999999, &parent, err);
		if(rc)
			return rc;
	}
	return ledger_put_dim(r->w, dim, name, parent, err);
}

/* #IB, #UB, #RES, #OIB, #OUB, #PSALDO, #PBUDGET */
static enum styr_rc rec_balance(struct reader *r, const char *label, struct styr_error *err)
{
	size_t k = 1;
	int idx, year = 0, month = 0;
	int64_t ore;
	const char *acct, *objs = NULL, *qty;
	bool period = !strcmp(label, "#PSALDO") || !strcmp(label, "#PBUDGET");
	bool with_objects = period || !strcmp(label, "#OIB") || !strcmp(label, "#OUB");
	enum styr_rc rc = year_field(r, &k, &idx, err);
	if(rc)
		return rc;
	if(period) {
		const struct sie_token *t = field(r, &k, "a period YYYYMM", true, err);
		if(!t)
			return STYR_EINVAL;
		if(t->len != 6 || strspn(t->text, "0123456789") != 6 ||
		   (month = atoi(t->text + 4)) < 1 || month > 12)
			return fail(r, t->column, err, "%s: expected a period YYYYMM, found \"%s\"", label, t->text);
		year = (int)strtol(t->text, NULL, 10) / 100;
	}
	if(!(acct = text_field(r, &k, "an account number", true, err)))
		return STYR_EINVAL;
	if(with_objects && (rc = objects_field(r, &k, &r->objs, &objs, err)))
		return rc;
	if((rc = amount_field(r, &k, &ore, err)))
		return rc;
	if(!(qty = text_field(r, &k, "a quantity", false, err)))
		return STYR_EINVAL;
	if(period)
		return ledger_put_period(r->w, label[2] == 'S' ? "outcome" : "budget", 1, idx,
		                         year, month, acct, objs, ore, opt(qty), err);
	return ledger_put_balance(r->w, label + 1, idx, acct, objs, ore, opt(qty), err);
}

static enum styr_rc rec_ver(struct reader *r, struct styr_error *err)
{
	size_t k = 1;
	char date[11], reg[11];
	const char *series, *number, *text, *sign;
	if(r->in_block || r->want_open)
		return fail(r, r->l.tok[0].column, err,
		            "#VER: expected } closing the voucher of line %ld first", r->ver_line);
	if(!(series = text_field(r, &k, "a voucher series", true, err)) ||
	   !(number = text_field(r, &k, "a voucher number", true, err)))
		return STYR_EINVAL;
	enum styr_rc rc = date_field(r, &k, "the voucher date", true, date, err);
	if(rc)
		return rc;
	if(!(text = text_field(r, &k, "the voucher text", false, err)))
		return STYR_EINVAL;
	if((rc = date_field(r, &k, "the registration date", false, reg, err)))
		return rc;
	if(!(sign = text_field(r, &k, "the signature", false, err)))
		return STYR_EINVAL;
	rc = ledger_put_voucher(r->w, opt(series), opt(number), date, opt(text), opt(reg),
	                        opt(sign), r->line, err);
	if(rc)
		return rc;
	r->want_open = true;
	r->ver_line = r->line;
	r->ver_sum = 0;
	strbuf_reset(&r->ver_series);
	strbuf_addstr(&r->ver_series, series);
	strbuf_reset(&r->ver_number);
	strbuf_addstr(&r->ver_number, number);
	return STYR_OK;
}

static enum styr_rc rec_trans(struct reader *r, struct styr_error *err)
{
	size_t k = 1;
	int64_t ore;
	char date[11];
	const char *acct, *objs, *text, *qty, *sign;
	enum styr_rc rc;
	if(!r->in_block)
		return fail(r, r->l.tok[0].column, err,
		            "#TRANS: expected inside the { } block of a #VER");
	if(!(acct = text_field(r, &k, "an account number", true, err)))
		return STYR_EINVAL;
	if((rc = objects_field(r, &k, &r->objs, &objs, err)))
		return rc;
	if((rc = amount_field(r, &k, &ore, err)))
		return rc;
	if((rc = date_field(r, &k, "the transaction date", false, date, err)))
		return rc;
	if(!(text = text_field(r, &k, "the transaction text", false, err)) ||
	   !(qty = text_field(r, &k, "a quantity", false, err)) ||
	   !(sign = text_field(r, &k, "the signature", false, err)))
		return STYR_EINVAL;
	if(!money_add(&r->ver_sum, ore))
		return fail(r, r->l.tok[0].column, err,
		    "#TRANS: the lines of the voucher of line %ld sum beyond "
		    "±92 233 720 368 547 758,07 kr", r->ver_line);
	return ledger_put_trans(r->w, acct, objs, ore, opt(date), opt(text), opt(qty),
	                        opt(sign), err);
}

static void close_voucher(struct reader *r)
{
	struct sie_stats *st = r->st;
	r->in_block = false;
	if(!r->ver_sum)
		return;
	if(st->unbalanced < SIE_MAX_UNBALANCED_SHOWN) {
		struct sie_unbalanced *u = &st->shown[st->unbalanced];
		u->line = r->ver_line;
		u->series = xstrdup(r->ver_series.buf);
		u->number = xstrdup(r->ver_number.buf);
		u->sum = r->ver_sum;
	}
	st->unbalanced++;
}

/* Known records whose contents styr does not store (they describe the
** export, not the ledger). They are counted as read, not as skipped. */
static const char *const info_labels[] = {
	"#FLAGGA", "#GEN", "#FNR", "#ADRESS", "#FTYP", "#TAXAR", "#KPTYP",
	"#VALUTA", "#OMFATTN", "#PROSA", "#BKOD", NULL
};

/* Records stored in the ledger (besides #TRANS). */
static const char *const ledger_labels[] = {
	"#VER", "#IB", "#UB", "#RES", "#OIB", "#OUB", "#PSALDO", "#PBUDGET",
	"#KONTO", "#KTYP", "#SRU", "#ENHET", "#DIM", "#UNDERDIM", "#OBJEKT",
	"#RAR", "#KSUMMA", "#FNAMN", "#ORGNR", "#PROGRAM", "#SIETYP", "#FORMAT", NULL
};

static bool in_list(const char *const *list, const char *s)
{
	for(; *list; list++)
		if(!strcmp(*list, s))
			return true;
	return false;
}

static enum styr_rc ksumma(struct reader *r, struct styr_error *err)
{
	size_t k = 1;
	const struct sie_token *t = field(r, &k, "", false, err);
	if(!t) {
		if(r->ksumma_open || r->st->checksum)
			return fail(r, r->l.tok[0].column, err, "#KSUMMA: expected the checksum");
		r->ksumma_open = true;
		r->crc = crc32(0L, Z_NULL, 0);
		return STYR_OK;
	}
	if(!r->ksumma_open)
		return fail(r, t->column, err, "#KSUMMA: expected an empty #KSUMMA at the start of the file before the checksum");
	char *end;
	unsigned long long want = strtoull(t->text, &end, 10);
	if(*end || !t->len)
		return fail(r, t->column, err, "#KSUMMA: expected a checksum (a whole number), found \"%s\"", t->text);
	if(want != (unsigned long long)r->crc)
		return fail(r, t->column, err,
		    "#KSUMMA: expected checksum %llu for the records read, the file gives %llu "
		    "(the file was changed or damaged)", (unsigned long long)r->crc, want);
	r->ksumma_open = false;
	r->st->checksum = true;
	return STYR_OK;
}

/* Whether s[0..n) holds only what a label may after its '#': letters,
** digits, - and _. */
static bool label_chars(const char *s, size_t n)
{
	for(size_t i = 0; i < n; i++) {
		char c = s[i];
		if(!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		     c == '_' || c == '-'))
			return false;
	}
	return true;
}

static bool known_label(const struct sie_stats *st, const char *label)
{
	for(size_t i = 0; i < st->ncounts; i++)
		if(!strcmp(st->counts[i].label, label))
			return true;
	return false;
}

static enum styr_rc record(struct reader *r, struct styr_error *err)
{
	const struct sie_token *t0 = &r->l.tok[0];
	const char *label = t0->text;
	struct sie_stats *st = r->st;

	if((t0->kind == SIE_OPEN || t0->kind == SIE_CLOSE) && r->l.n > 1)
		return fail(r, r->l.tok[1].column, err,
		            "expected nothing after %s on its line (a #TRANS goes on a line of its own)",
		            t0->kind == SIE_OPEN ? "{" : "}");
	if(t0->kind == SIE_OPEN) {
		if(!r->want_open)
			return fail(r, t0->column, err, "expected a #VER before {");
		r->want_open = false;
		r->in_block = true;
		return STYR_OK;
	}
	if(t0->kind == SIE_CLOSE) {
		if(!r->in_block)
			return fail(r, t0->column, err, "expected { and a #VER before }");
		close_voucher(r);
		return STYR_OK;
	}
	if(r->want_open)
		return fail(r, t0->column, err, "expected { on the line after the #VER of line %ld",
		            r->ver_line);
	if(label[0] != '#' || t0->quoted)
		return fail(r, t0->column, err, "expected a record label such as #KONTO, found \"%s\"",
		            label);
	if(t0->len > LIMIT_SIE_LABEL || t0->len < 2 || !label_chars(label + 1, t0->len - 1))
		return fail(r, t0->column, err, "expected a record label of at most %d letters, "
		            "digits, - or _ after the # such as #KONTO, found \"%s\"",
		            LIMIT_SIE_LABEL - 1, label);
	if(st->ncounts == LIMIT_SIE_LABELS && !known_label(st, label))
		return fail(r, t0->column, err, "%s: more than %d different record labels in one "
		            "file, the limit of an SIE file (docs/limits.md)", label, LIMIT_SIE_LABELS);
	if(r->ksumma_open && strcmp(label, "#KSUMMA"))
		for(size_t i = 0; i < r->l.n; i++)
			if(r->l.tok[i].kind == SIE_FIELD)
				r->crc = crc32(r->crc, (const Bytef *)r->l.tok[i].text, (uInt)r->l.tok[i].len);
	st->records++;
	count(&st->counts, &st->ncounts, label, r->last_count);

	if(!strcmp(label, "#TRANS"))
		return rec_trans(r, err);
	if(r->in_block && (in_list(ledger_labels, label) || in_list(info_labels, label)))
		return fail(r, t0->column, err, "%s: expected #TRANS lines or } inside a voucher", label);
	if(!strcmp(label, "#VER"))
		return rec_ver(r, err);
	if(!strcmp(label, "#IB") || !strcmp(label, "#UB") || !strcmp(label, "#RES") ||
	   !strcmp(label, "#OIB") || !strcmp(label, "#OUB") ||
	   !strcmp(label, "#PSALDO") || !strcmp(label, "#PBUDGET"))
		return rec_balance(r, label, err);
	if(!strcmp(label, "#KONTO") || !strcmp(label, "#KTYP") || !strcmp(label, "#SRU") ||
	   !strcmp(label, "#ENHET"))
		return rec_account(r, label, err);
	if(!strcmp(label, "#DIM") || !strcmp(label, "#UNDERDIM") || !strcmp(label, "#OBJEKT"))
		return rec_dim(r, label, err);
	if(!strcmp(label, "#RAR"))
		return rec_rar(r, err);
	if(!strcmp(label, "#KSUMMA"))
		return ksumma(r, err);
	if(!strcmp(label, "#FNAMN") || !strcmp(label, "#ORGNR") || !strcmp(label, "#PROGRAM") ||
	   !strcmp(label, "#SIETYP") || !strcmp(label, "#FORMAT"))
		return rec_header(r, label, err);
	if(in_list(info_labels, label))
		return STYR_OK;
	/* Unknown, or #RTRANS (repeated by the #TRANS after it) and #BTRANS
	** (a removed line): skipped and counted. */
	st->skipped++;
	count(&st->skipped_by, &st->nskipped_by, label, NULL);
	return STYR_OK;
}

static const char *encoding_name(const struct reader *r)
{
	switch(r->enc) {
	case ENC_CP437: return "CP437";
	case ENC_UTF8: return "UTF-8";
	default: return "ASCII";
	}
}

void sie_stats_release(struct sie_stats *st)
{
	free(st->company);
	free(st->orgnr);
	free(st->program);
	free(st->encoding);
	free(st->years);
	free(st->counts);
	free(st->skipped_by);
	for(size_t i = 0; i < st->unbalanced && i < SIE_MAX_UNBALANCED_SHOWN; i++) {
		free(st->shown[i].series);
		free(st->shown[i].number);
	}
	memset(st, 0, sizeof(*st));
}

enum styr_rc sie_import(struct store *s, const char *path, struct sie_stats *st,
                        struct styr_error *err)
{
	FILE *f;
	enum styr_rc rc;

	memset(st, 0, sizeof(*st));
	f = fopen(path, "rb");
	if(!f)
		return styr_error_set(err, STYR_EIO, "%s: cannot open: %s", path, strerror(errno));
	rc = sie_import_stream(s, f, path, NULL, st, err);
	fclose(f);
	return rc;
}

enum styr_rc sie_import_stream(struct store *s, FILE *f, const char *path,
                               const struct ledger_hook *hook, struct sie_stats *st,
                               struct styr_error *err)
{
	struct reader r;
	struct lines *in;
	struct strbuf line = STRBUF_INIT;
	int got;
	enum styr_rc rc;

	memset(st, 0, sizeof(*st));
	rc = cp437_init(err);
	if(rc)
		return rc;
	memset(&r, 0, sizeof(r));
	r.path = path;
	r.st = st;
	sie_line_init(&r.l);
	for(size_t i = 0; i < sizeof(r.cv) / sizeof(r.cv[0]); i++)
		strbuf_init(&r.cv[i]);
	strbuf_init(&r.objs);
	strbuf_init(&r.ver_series);
	strbuf_init(&r.ver_number);
	in = xcalloc(1, sizeof(*in));
	in->f = f;
	rc = ledger_writer_begin(s, "sie", path, &r.w, err);
	const char *p;
	size_t n;
	while(!rc && (got = next_line(in, &line, &p, &n)) > 0) {
		const char *start = p, *nul;
		int col;
		r.line++;
		st->bytes = in->bytes;
		if(st->bytes > LIMIT_IMPORT_FILE) {
			rc = styr_error_set(err, STYR_EINVAL, "%s:%ld: the file is larger than %llu bytes, "
			                    "the limit of an SIE file (docs/limits.md)", path, r.line,
			                    (unsigned long long)LIMIT_IMPORT_FILE);
			break;
		}
		while(n > 0 && p[n - 1] == '\r')
			n--;
		if(r.line == 1 && n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3)) {
			r.enc = ENC_UTF8;
			p += 3;
			n -= 3;
		}
		if(n == 1 && p[0] == '\x1a')
			continue; /* a DOS end-of-file mark (Ctrl-Z) */
		if((nul = memchr(p, '\0', n))) {
			rc = fail(&r, (int)(nul - start) + 1, err,
			          "a NUL byte is not text (is this an SIE file?)");
			break;
		}
		rc = sie_tokenize(&r.l, p, n, &col, err);
		if(rc) {
			char msg[sizeof(err->msg)];
			memcpy(msg, err->msg, sizeof(msg));
			rc = fail(&r, col, err, "%s", msg);
			break;
		}
		if(r.l.n == 0)
			continue;
		rc = record(&r, err);
	}
	if(!rc && got == -1)
		rc = styr_error_set(err, STYR_EINVAL, "%s:%ld: the line is longer than %llu bytes, "
		                    "the limit of an SIE line (docs/limits.md)", path, r.line + 1,
		                    (unsigned long long)LIMIT_SIE_LINE);
	if(!rc && got == -2)
		rc = styr_error_set(err, STYR_EIO, "%s:%ld: read error: %s", path, r.line + 1,
		                    strerror(errno));
	if(!rc && !st->records)
		rc = styr_error_set(err, STYR_EINVAL, "%s: no SIE records (expected lines "
		                    "such as #FLAGGA 0 and #KONTO 1930 \"Bank\")", path);
	if(!rc && (r.in_block || r.want_open))
		rc = styr_error_set(err, STYR_EINVAL, "%s:%ld: expected } closing the voucher of line %ld",
		                    path, r.line + 1, r.ver_line);
	if(!rc && r.ksumma_open)
		rc = styr_error_set(err, STYR_EINVAL,
		    "%s:%ld: expected a closing #KSUMMA with the checksum (the file opens with #KSUMMA)",
		    path, r.line + 1);
	st->lines = r.line;
	set(&st->encoding, encoding_name(&r));
	if(!rc) {
		struct strbuf sb = STRBUF_INIT;
		struct jsonw w;
		st->import_id = ledger_writer_import_id(r.w);
		ledger_writer_header(r.w, st->company, st->orgnr, st->program, st->sie_type,
		                     st->encoding);
		jsonw_init(&w, jsonw_strbuf_sink, &sb, false);
		sie_stats_write(st, path, &w);
		rc = ledger_writer_commit(r.w, sb.buf, hook, err);
		strbuf_release(&sb);
	} else {
		rc = ledger_writer_fail(r.w, rc, err);
	}
	strbuf_release(&line);
	free(in);
	strbuf_release(&r.ver_series);
	strbuf_release(&r.ver_number);
	sie_line_release(&r.l);
	for(size_t i = 0; i < sizeof(r.cv) / sizeof(r.cv[0]); i++)
		strbuf_release(&r.cv[i]);
	strbuf_release(&r.objs);
	return rc;
}

void sie_stats_write(const struct sie_stats *st, const char *file, struct jsonw *w)
{
	jsonw_object_begin(w);
	jsonw_kv_string(w, "file", file);
	if(st->import_id)
		jsonw_kv_int(w, "import", st->import_id);
	jsonw_kv_string(w, "company", st->company);
	jsonw_kv_string(w, "orgnr", st->orgnr);
	jsonw_kv_string(w, "program", st->program);
	if(st->sie_type)
		jsonw_kv_int(w, "sie_type", st->sie_type);
	else
		jsonw_key(w, "sie_type"), jsonw_null(w);
	jsonw_kv_string(w, "encoding", st->encoding);
	jsonw_key(w, "years");
	jsonw_array_begin(w);
	for(size_t i = 0; i < st->nyears; i++) {
		jsonw_object_begin(w);
		jsonw_kv_int(w, "index", st->years[i].index);
		jsonw_kv_string(w, "start", st->years[i].start);
		jsonw_kv_string(w, "end", st->years[i].end);
		jsonw_object_end(w);
	}
	jsonw_array_end(w);
	jsonw_key(w, "records");
	jsonw_object_begin(w);
	for(size_t i = 0; i < st->ncounts; i++)
		jsonw_kv_int(w, st->counts[i].label, (int64_t)st->counts[i].n);
	jsonw_object_end(w);
	jsonw_key(w, "skipped");
	jsonw_object_begin(w);
	for(size_t i = 0; i < st->nskipped_by; i++)
		jsonw_kv_int(w, st->skipped_by[i].label, (int64_t)st->skipped_by[i].n);
	jsonw_object_end(w);
	jsonw_kv_int(w, "skipped_total", (int64_t)st->skipped);
	jsonw_key(w, "unbalanced");
	jsonw_array_begin(w);
	for(size_t i = 0; i < st->unbalanced && i < SIE_MAX_UNBALANCED_SHOWN; i++) {
		const struct sie_unbalanced *u = &st->shown[i];
		struct strbuf sb = STRBUF_INIT;
		money_format_kronor(&sb, u->sum);
		jsonw_object_begin(w);
		jsonw_kv_int(w, "line", u->line);
		jsonw_kv_string(w, "series", u->series);
		jsonw_kv_string(w, "number", u->number);
		jsonw_key(w, "sum");
		jsonw_number_text(w, sb.buf);
		jsonw_object_end(w);
		strbuf_release(&sb);
	}
	jsonw_array_end(w);
	jsonw_kv_int(w, "unbalanced_total", (int64_t)st->unbalanced);
	jsonw_kv_bool(w, "checksum_verified", st->checksum);
	jsonw_kv_int(w, "lines", st->lines);
	jsonw_kv_int(w, "bytes", (int64_t)st->bytes);
	jsonw_object_end(w);
}
