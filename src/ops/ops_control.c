/*
** ops_control.c — the internal controls that run themselves (see ops.h):
** each control mapped to a control moment of the year's plan
** (ops_control_map) is run over the stored imports as of a day, and the
** controls of a moment make one follow-up: the worst status, a paragraph
** per control in the report's words, and every finding listed.
*/
#include "ops/ops.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/money.h"
#include "control/control.h"
#include "db/section.h"
#include "db/store.h"
#include "ops/ops_controls.h"
#include "ops/ops_time.h"
#include "ops/ops_walk.h"

const char *const ops_control_names[] = {
	"old-tickets", "no-solution", "status-routine", "assets", "invoice-sample",
	"backup-jobs", NULL
};

static const char *const control_titles[] = {
	"Gamla ärenden", "Lösning i slutrapport för ärendehantering", "Statushantering av ärenden",
	"Antal datorer", "Stickprov på leverantörsfakturor", "Säkerhetskopieringsjobb"
};

enum { C_OLD, C_NOSOL, C_ROUTINE, C_ASSETS, C_SAMPLE, C_BACKUP };

/* A row of ops_control_map. */
struct cmap {
	char *moment, *label, *period, *reg, *managed;
	int control;
	long minor_from, major_from, sample;
};

/* What one control found. */
struct result {
	const char *status;   /* NULL: no status (the sample is checked by hand) */
	bool ran;             /* false: no data to run on */
	struct strbuf text;   /* the paragraph */
	char **findings;
	size_t n, cap;
	struct strbuf files;
	bool has_seed;
	uint64_t seed;
};

static void finding(struct result *r, const char *f, ...) __attribute__((format(printf, 2, 3)));
static void finding(struct result *r, const char *f, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, f);
	strbuf_vaddf(&sb, f, ap);
	va_end(ap);
	ALLOC_GROW(r->findings, r->n, r->cap);
	r->findings[r->n++] = strbuf_detach(&sb);
}

static void result_release(struct result *r)
{
	for(size_t i = 0; i < r->n; i++)
		free(r->findings[i]);
	free(r->findings);
	strbuf_release(&r->text);
	strbuf_release(&r->files);
}

static void fmt_count(struct strbuf *sb, long n)
{
	fmt_int_sv(sb, n);
}

/* ---- the ticket controls ---- */

struct tctx {
	struct ops_config *c;
	int control;
	int64_t from, cut, month_ago;
	long hits, checked, unknown;
	int64_t oldest;
	const char *oldest_id;
	char oldest_buf[64];
	struct result *r;
};

static const char *type_sv(int type)
{
	switch(type) {
	case OPS_INCIDENT: return "incident";
	case OPS_REQUEST: return "tjänsteförfrågan";
	case OPS_ORDER: return "beställning";
	case OPS_CHANGE: return "förändringsärende";
	}
	return "ärende";
}

static enum styr_rc ticket_control(void *ctx, const struct ops_ticket *t, struct styr_error *err)
{
	struct tctx *x = ctx;
	struct ops_facts f;
	char at[17];
	(void)err;
	if(t->type != OPS_INCIDENT && t->type != OPS_REQUEST && t->type != OPS_ORDER)
		return STYR_OK;
	ops_ticket_eval(&x->c->cal, &x->c->rules, t, x->cut, &f);
	if(x->control == C_OLD) {
		if(!f.open)
			return STYR_OK;
		x->checked++;
		if(t->created >= x->month_ago)
			return STYR_OK;
		x->hits++;
		ops_format_local(t->created, at);
		finding(x->r, "%s (%s, registrerad %.10s)", t->id, type_sv(t->type), at);
		if(!x->oldest_id || t->created < x->oldest) {
			x->oldest = t->created;
			str_copy(x->oldest_buf, sizeof(x->oldest_buf), t->id);
			x->oldest_id = x->oldest_buf;
		}
		return STYR_OK;
	}
	if(!f.resolved || f.resolution < x->from || f.resolution >= x->cut)
		return STYR_OK;
	ops_format_local(f.resolution, at);
	if(x->control == C_NOSOL) {
		if(t->solution < 0) {
			x->unknown++;
			return STYR_OK;
		}
		x->checked++;
		if(!t->solution) {
			x->hits++;
			finding(x->r, "%s (%s, löst %s) saknar lösning", t->id, type_sv(t->type), at);
		}
		return STYR_OK;
	}
	/* the status routine: new, then active, then resolved */
	if(!f.routine_known) {
		x->unknown++;
		return STYR_OK;
	}
	x->checked++;
	if(!f.routine_ok) {
		x->hits++;
		finding(x->r, "%s (%s, löst %s) har inte haft status pågående före lösningen", t->id,
		        type_sv(t->type), at);
	}
	return STYR_OK;
}

static enum styr_rc run_tickets(struct store *s, struct ops_config *c, int control,
                                struct date from, struct date at, struct result *r,
                                struct styr_error *err)
{
	struct tctx x = { 0 };
	struct ops_walk_stats ws;
	char a[11], b[11], d[17];
	long rows;
	x.c = c;
	x.control = control;
	x.from = ops_midnight(from);
	x.cut = ops_midnight(date_add_days(at, 1));
	x.month_ago = ops_midnight(ops_month_before(date_add_days(at, 1)));
	x.r = r;
	enum styr_rc rc = ops_walk_tickets(s, x.cut, ticket_control, &x, &ws, err);
	if(rc)
		return rc;
	ops_files_of(s, "tickets", NULL, &at, &r->files, &rows, err);
	ops_files_of(s, "ticket-history", NULL, &at, &r->files, &rows, err);
	date_format_iso(from, a);
	date_format_iso(at, b);
	r->ran = ws.tickets > 0;
	if(!r->ran) {
		strbuf_addf(&r->text, "Kan inte kontrolleras: inga ärenden är importerade till %s.", b);
		return STYR_OK;
	}
	switch(control) {
	case C_OLD:
		if(!x.hits) {
			strbuf_addf(&r->text, "Inga ärenden (incidenter och tjänsteförfrågningar) är äldre"
			            " än 1 månad vid %s (", b);
			fmt_count(&r->text, x.checked);
			strbuf_addstr(&r->text, " st pågående).");
			break;
		}
		ops_format_local(x.oldest, d);
		fmt_count(&r->text, x.hits);
		strbuf_addf(&r->text, " st ärenden (incidenter och tjänsteförfrågningar) är äldre än 1"
		            " månad vid %s, av ", b);
		fmt_count(&r->text, x.checked);
		strbuf_addf(&r->text, " st pågående. Äldsta ärendet, %s, registrerades %.10s.",
		            x.oldest_id, d);
		break;
	case C_NOSOL:
		if(!x.checked && x.unknown) {
			r->ran = false;
			strbuf_addf(&r->text, "Kan inte kontrolleras: exporten av ärenden har ingen"
			            " lösningstext (%ld ärenden lösta %s–%s).", x.unknown, a, b);
			break;
		}
		if(!x.hits)
			strbuf_addf(&r->text, "Inga ärenden lösta %s–%s saknar lösning i ärendets"
			            " slutrapport (", a, b);
		else {
			fmt_count(&r->text, x.hits);
			strbuf_addf(&r->text, " st ärenden lösta %s–%s saknar lösning i ärendets"
			            " slutrapport (av ", a, b);
		}
		fmt_count(&r->text, x.checked);
		strbuf_addstr(&r->text, " st lösta).");
		break;
	case C_ROUTINE:
		if(!x.checked && x.unknown) {
			r->ran = false;
			strbuf_addf(&r->text, "Kan inte kontrolleras: ärendenas historik saknas (%ld"
			            " ärenden lösta %s–%s).", x.unknown, a, b);
			break;
		}
		if(!x.hits)
			strbuf_addf(&r->text, "Inga ärenden lösta %s–%s har gått förbi rutinen att ändra"
			            " status från Ny till Pågår och sedan Avklarad (", a, b);
		else {
			fmt_count(&r->text, x.hits);
			strbuf_addf(&r->text, " st ärenden lösta %s–%s följer inte rutinen att ändra"
			            " status från Ny till Pågår och sedan Avklarad (av ", a, b);
		}
		fmt_count(&r->text, x.checked);
		strbuf_addstr(&r->text, " st lösta");
		if(x.unknown)
			strbuf_addf(&r->text, "; %ld utan statushistorik kunde inte kontrolleras", x.unknown);
		strbuf_addstr(&r->text, ").");
		break;
	}
	return STYR_OK;
}

/* ---- assets ---- */

struct alist {
	char **key;
	size_t n;
	int64_t import;
	char *system, *file;
};

static enum styr_rc asset_list(struct store *s, const char *profile, struct date at,
                               struct alist *l, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	char iso[11];
	date_format_iso(at, iso);
	memset(l, 0, sizeof(*l));
	enum styr_rc rc = store_prepare(s, "SELECT i.id, i.file, p.system FROM ops_import i"
	                                " LEFT JOIN ops_profile p ON p.name = i.profile"
	                                " WHERE i.source = 'assets' AND i.profile = ?"
	                                " AND i.period_to <= ? ORDER BY i.period_to DESC, i.id DESC"
	                                " LIMIT 1", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, profile);
	stmt_bind_text(st, 2, iso);
	rc = stmt_step(st, &row, err);
	if(!rc && row) {
		l->import = stmt_int(st, 0);
		l->file = xstrdup(stmt_text(st, 1));
		l->system = xstrdup(stmt_text(st, 2) ? stmt_text(st, 2) : profile);
	}
	stmt_finalize(st);
	if(rc || !l->import)
		return rc;
	rc = store_prepare(s, "SELECT key FROM ops_asset WHERE import_id = ? ORDER BY key", &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, l->import);
	size_t cap = 0;
	while(!(rc = stmt_step(st, &row, err)) && row) {
		ALLOC_GROW(l->key, l->n, cap);
		l->key[l->n++] = xstrdup(stmt_text(st, 0));
	}
	stmt_finalize(st);
	return rc;
}

static void alist_release(struct alist *l)
{
	for(size_t i = 0; i < l->n; i++)
		free(l->key[i]);
	free(l->key);
	free(l->system);
	free(l->file);
}

struct diffctx {
	struct result *r;
	const char *a, *b;
};

static void on_diff(void *ctx, const char *key, enum ops_diff_side side)
{
	struct diffctx *d = ctx;
	switch(side) {
	case OPS_ONLY_A: finding(d->r, "%s finns i %s men inte i %s", key, d->a, d->b); break;
	case OPS_ONLY_B: finding(d->r, "%s finns i %s men inte i %s", key, d->b, d->a); break;
	case OPS_TWICE_A: finding(d->r, "%s står flera gånger i %s", key, d->a); break;
	case OPS_TWICE_B: finding(d->r, "%s står flera gånger i %s", key, d->b); break;
	}
}

static enum styr_rc run_assets(struct store *s, const struct cmap *m, struct date at,
                               struct result *r, struct styr_error *err)
{
	struct alist a, b;
	char iso[11];
	date_format_iso(at, iso);
	if(!m->reg || !m->managed)
		return styr_error_set(err, STYR_EINVAL, "ops_control_map %s assets: give register (the"
		                      " register's profile, e.g. efecte) and managed (the management"
		                      " system's, e.g. sccm)", m->moment);
	enum styr_rc rc = asset_list(s, m->reg, at, &a, err);
	if(!rc)
		rc = asset_list(s, m->managed, at, &b, err);
	if(!rc && (!a.import || !b.import)) {
		strbuf_addf(&r->text, "Kan inte kontrolleras: ingen export av datorer från %s till %s.",
		            !a.import ? m->reg : m->managed, iso);
	} else if(!rc) {
		struct ops_diff_counts n;
		struct diffctx d = { r, a.system, b.system };
		ops_asset_compare((const char *const *)a.key, a.n, (const char *const *)b.key, b.n,
		                  on_diff, &d, &n);
		r->ran = true;
		strbuf_addstr(&r->text, "Vid kontroll redovisade ");
		fmt_count(&r->text, n.a);
		strbuf_addf(&r->text, " datorer i %s och ", a.system);
		fmt_count(&r->text, n.b);
		strbuf_addf(&r->text, " i %s", b.system);
		long diff = n.only_a + n.only_b + n.twice_a + n.twice_b;
		if(!diff)
			strbuf_addstr(&r->text, "; samma datorer i båda.");
		else {
			strbuf_addstr(&r->text, ": ");
			fmt_count(&r->text, n.only_a);
			strbuf_addf(&r->text, " finns bara i %s, ", a.system);
			fmt_count(&r->text, n.only_b);
			strbuf_addf(&r->text, " bara i %s", b.system);
			if(n.twice_a || n.twice_b)
				strbuf_addf(&r->text, ", %ld står flera gånger", n.twice_a + n.twice_b);
			strbuf_addch(&r->text, '.');
		}
		strbuf_addf(&r->files, "#%" PRId64 " %s (%s), #%" PRId64 " %s (%s)", a.import, a.file,
		            m->reg, b.import, b.file, m->managed);
	}
	alist_release(&a);
	alist_release(&b);
	return rc;
}

/* ---- invoice sample ---- */

static uint64_t fresh_seed(void)
{
	uint64_t x = 0;
	FILE *f = fopen("/dev/urandom", "rb");
	if(!f || fread(&x, sizeof(x), 1, f) != 1)
		x = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	if(f)
		fclose(f);
	return x % UINT64_C(1000000000000);  /* twelve digits are easy to write down */
}

static enum styr_rc run_sample(struct store *s, const struct cmap *m, struct date from,
                               struct date at, uint64_t seed, struct result *r,
                               struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	char a[11], b[11];
	char **num = NULL, **sup = NULL, **txt = NULL;
	size_t n = 0, cap = 0;
	long rows;
	date_format_iso(from, a);
	date_format_iso(at, b);
	enum styr_rc rc = store_prepare(s, "SELECT number, supplier, text FROM ops_invoice"
	                                " WHERE date >= ? AND date <= ?"
	                                " ORDER BY number, supplier, date, import_id, line", &st, err);
	if(rc)
		return rc;
	stmt_bind_text(st, 1, a);
	stmt_bind_text(st, 2, b);
	while(!(rc = stmt_step(st, &row, err)) && row) {
		if(n == cap) {
			cap = cap ? 2 * cap : 64;
			num = xrealloc(num, cap * sizeof(*num));
			sup = xrealloc(sup, cap * sizeof(*sup));
			txt = xrealloc(txt, cap * sizeof(*txt));
		}
		num[n] = xstrdup(stmt_text(st, 0));
		sup[n] = xstrdup(stmt_text(st, 1));
		txt[n] = stmt_text(st, 2) ? xstrdup(stmt_text(st, 2)) : NULL;
		n++;
	}
	stmt_finalize(st);
	if(!rc) {
		size_t want = m->sample > 0 ? (size_t)m->sample : 5;
		size_t *pick = xmalloc(want * sizeof(*pick));
		size_t got = ops_sample(n, (const char *const *)sup, true, seed, want, pick);
		r->has_seed = true;
		r->seed = seed;
		ops_files_of(s, "invoices", &from, &at, &r->files, &rows, err);
		if(!n) {
			strbuf_addf(&r->text, "Kan inte kontrolleras: inga leverantörsfakturor %s–%s är"
			            " importerade.", a, b);
		} else {
			r->ran = true;
			fmt_count(&r->text, (long)got);
			strbuf_addf(&r->text, " leverantörsfakturor från olika leverantörer är slumpmässigt"
			            " utvalda ur ");
			fmt_count(&r->text, (long)n);
			strbuf_addf(&r->text, " fakturor %s–%s (frö %" PRIu64 ", samma frö ger samma urval),"
			            " att stämma av mot avtal. Fakturorna som blev utvalda är:", a, b, seed);
			for(size_t i = 0; i < got; i++)
				strbuf_addf(&r->text, " %s - %s%s%s", num[pick[i]],
				            sup[pick[i]], txt[pick[i]] ? " " : "",
				            txt[pick[i]] ? txt[pick[i]] : "");
		}
		free(pick);
	}
	for(size_t i = 0; i < n; i++) {
		free(num[i]);
		free(sup[i]);
		free(txt[i]);
	}
	free(num);
	free(sup);
	free(txt);
	return rc;
}

/* ---- backup jobs ---- */

struct bctx {
	struct result *r;
	const char *job;
	long missed, failed;
};

static void on_backup(void *ctx, struct date day, enum ops_backup_finding what)
{
	struct bctx *b = ctx;
	char iso[11];
	date_format_iso(day, iso);
	if(what == OPS_BACKUP_MISSED) {
		b->missed++;
		finding(b->r, "%s kördes inte %s", b->job, iso);
	} else {
		b->failed++;
		finding(b->r, "%s misslyckades %s", b->job, iso);
	}
}

static enum styr_rc run_backup(struct store *s, struct ops_config *c, struct date from,
                               struct date at, struct result *r, struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	char **jobs = NULL;
	int *sched = NULL;
	size_t nj = 0;
	struct ops_backup_run *runs = NULL;
	size_t nr = 0, cap = 0;
	long rows, nruns = 0;
	char a[11], b[11];
	int64_t lo = ops_midnight(from), hi = ops_midnight(date_add_days(at, 1));
	date_format_iso(from, a);
	date_format_iso(at, b);
	enum styr_rc rc = STYR_OK;
	if(c->njobs) {
		for(size_t i = 0; i < c->njobs; i++) {
			jobs = xrealloc(jobs, (nj + 1) * sizeof(*jobs));
			sched = xrealloc(sched, (nj + 1) * sizeof(*sched));
			jobs[nj] = xstrdup(c->job[i]);
			sched[nj++] = c->schedule[i];
		}
	} else {
		rc = store_prepare(s, "SELECT DISTINCT job FROM ops_backup WHERE start >= ? AND start < ?"
		                   " ORDER BY job", &st, err);
		if(!rc) {
			stmt_bind_int(st, 1, lo);
			stmt_bind_int(st, 2, hi);
			while(!(rc = stmt_step(st, &row, err)) && row) {
				jobs = xrealloc(jobs, (nj + 1) * sizeof(*jobs));
				sched = xrealloc(sched, (nj + 1) * sizeof(*sched));
				jobs[nj] = xstrdup(stmt_text(st, 0));
				sched[nj++] = OPS_DAILY;
			}
			stmt_finalize(st);
		}
	}
	int nimports = ops_files_of(s, "backup-jobs", &from, &at, &r->files, &rows, err);
	struct bctx x = { r, NULL, 0, 0 };
	for(size_t j = 0; !rc && j < nj && nimports > 0; j++) {
		rc = store_prepare(s, "SELECT start, result FROM ops_backup WHERE job = ? AND start >= ?"
		                   " AND start < ? ORDER BY start", &st, err);
		if(rc)
			break;
		stmt_bind_text(st, 1, jobs[j]);
		stmt_bind_int(st, 2, lo);
		stmt_bind_int(st, 3, hi);
		nr = 0;
		while(!(rc = stmt_step(st, &row, err)) && row) {
			ALLOC_GROW(runs, nr, cap);
			runs[nr++] = (struct ops_backup_run){ stmt_int(st, 0), (int)stmt_int(st, 1) };
		}
		stmt_finalize(st);
		nruns += (long)nr;
		x.job = jobs[j];
		ops_backup_check(&c->cal, runs, nr, (enum ops_schedule)sched[j], from, at, on_backup, &x);
	}
	if(!rc) {
		if(nimports <= 0 || !nj) {
			strbuf_addf(&r->text, "Kan inte kontrolleras: ingen logg över"
			            " säkerhetskopieringsjobb %s–%s är importerad.", a, b);
		} else {
			r->ran = true;
			strbuf_addf(&r->text, "%zu jobb med ", nj);
			fmt_count(&r->text, nruns);
			strbuf_addf(&r->text, " körningar %s–%s: ", a, b);
			if(!x.missed && !x.failed)
				strbuf_addstr(&r->text, "alla har körts och lyckats.");
			else
				strbuf_addf(&r->text, "%ld dagar utan körning och %ld dagar då jobbet"
				            " misslyckades.", x.missed, x.failed);
		}
	}
	for(size_t j = 0; j < nj; j++)
		free(jobs[j]);
	free(jobs);
	free(sched);
	free(runs);
	return rc;
}

/* ---- the mapping and the runner ---- */

struct maps {
	struct cmap *v;
	size_t n, cap;
};

static enum styr_rc map_row(void *ctx, const struct section_desc *d, const struct field_value vals[])
{
	struct maps *m = ctx;
	(void)d;
	/* moment, control, label, period, minor_from, major_from, sample_size, register, managed */
	ALLOC_GROW(m->v, m->n, m->cap);
	struct cmap *c = &m->v[m->n++];
	memset(c, 0, sizeof(*c));
	c->moment = xstrdup(vals[0].s);
	for(int i = 0; ops_control_names[i]; i++)
		if(!strcmp(ops_control_names[i], vals[1].s))
			c->control = i;
	c->label = vals[2].null ? NULL : xstrdup(vals[2].s);
	c->period = vals[3].null ? NULL : xstrdup(vals[3].s);
	c->minor_from = vals[4].null ? 1 : vals[4].i;
	c->major_from = vals[5].null ? 0 : vals[5].i;
	c->sample = vals[6].null ? 0 : vals[6].i;
	c->reg = vals[7].null ? NULL : xstrdup(vals[7].s);
	c->managed = vals[8].null ? NULL : xstrdup(vals[8].s);
	return STYR_OK;
}

static int cmp_map(const void *a, const void *b)
{
	const struct cmap *x = a, *y = b;
	int c = strcmp(x->moment, y->moment);
	return c ? c : x->control - y->control;
}

static void maps_release(struct maps *m)
{
	for(size_t i = 0; i < m->n; i++) {
		free(m->v[i].moment);
		free(m->v[i].label);
		free(m->v[i].period);
		free(m->v[i].reg);
		free(m->v[i].managed);
	}
	free(m->v);
}

static int rank(const char *status)
{
	static const char *const order[] = { "Inga avvikelser", "Mindre avvikelser",
	                                     "Större avvikelser" };
	for(int i = 0; status && i < 3; i++)
		if(!strcmp(status, order[i]))
			return i + 1;
	return 0;
}

/* The first day the control looks at. */
static enum styr_rc period_start(struct store *s, const struct cmap *m, struct date at,
                                 struct date *from, struct styr_error *err)
{
	*from = (struct date){ at.year, 1, 1 };
	if(!m->period || strcmp(m->period, "since-previous"))
		return STYR_OK;
	struct occasion *o = NULL;
	size_t n = 0;
	enum styr_rc rc = org_occasions(s, at.year, &o, &n, err);
	if(rc)
		return rc;
	for(size_t i = 0; i < n; i++)
		if(o[i].date.year && (OCC_BIT(o[i].kind) & OCC_FOLLOW_UP) && date_cmp(o[i].date, at) < 0)
			*from = date_add_days(o[i].date, 1);
	occasions_free(o, n);
	return STYR_OK;
}

/* The seed recorded for occasion occ and moment, if any. */
static bool recorded_seed(struct store *s, int64_t occ, const char *moment, uint64_t *seed)
{
	struct store_stmt *st;
	struct styr_error e;
	bool row, ok = false;
	if(!occ || store_prepare(s, "SELECT seed FROM ops_control_result WHERE occasion_id = ?"
	                         " AND moment = ? AND seed IS NOT NULL", &st, &e))
		return false;
	stmt_bind_int(st, 1, occ);
	stmt_bind_text(st, 2, moment);
	if(!stmt_step(st, &row, &e) && row) {
		*seed = strtoull(stmt_text(st, 0), NULL, 10);
		ok = true;
	}
	stmt_finalize(st);
	return ok;
}

static bool in_plan(const struct control_plan *p, const char *moment)
{
	for(size_t i = 0; i < p->nrisks; i++)
		for(size_t j = 0; j < p->risks[i].nmoments; j++)
			if(!strcmp(p->risks[i].moments[j].key, moment))
				return true;
	return false;
}

enum styr_rc ops_controls_run(struct store *s, struct date at, int64_t occasion_id,
                              const uint64_t *seed, struct ops_control_run **out, size_t *nout,
                              struct styr_error *err)
{
	struct control_plan plan;
	struct maps maps = { 0 };
	struct ops_config c;
	size_t cap = 0;
	*out = NULL;
	*nout = 0;
	enum styr_rc rc = control_plan_get(s, at.year, &plan, err);
	if(rc)
		return rc;
	rc = store_section_each(s, &section_ops_control_map, map_row, &maps, err);
	if(!rc && maps.n)
		qsort(maps.v, maps.n, sizeof(*maps.v), cmp_map);
	if(!rc)
		rc = ops_config_load(s, &c, err);
	if(rc) {
		control_plan_release(&plan);
		maps_release(&maps);
		return rc;
	}
	for(size_t i = 0; !rc && i < maps.n; i++) {
		const struct cmap *m = &maps.v[i];
		if(!in_plan(&plan, m->moment))
			continue;
		if(i && !strcmp(maps.v[i - 1].moment, m->moment))
			continue;          /* done with the first of the moment */
		ALLOC_GROW(*out, *nout, cap);
		struct ops_control_run *run = &(*out)[(*nout)++];
		memset(run, 0, sizeof(*run));
		run->moment = xstrdup(m->moment);
		run->date = at;
		struct strbuf names = STRBUF_INIT, comment = STRBUF_INIT, files = STRBUF_INIT;
		int worst = 0;
		bool any_ran = false, any_status = false;
		for(size_t k = i; !rc && k < maps.n && !strcmp(maps.v[k].moment, m->moment); k++) {
			const struct cmap *x = &maps.v[k];
			struct result r = { 0 };
			struct date from;
			strbuf_init(&r.text);
			strbuf_init(&r.files);
			if(!run->label && x->label)
				run->label = xstrdup(x->label);
			rc = period_start(s, x, at, &from, err);
			if(rc)
				break;
			switch(x->control) {
			case C_OLD: case C_NOSOL: case C_ROUTINE:
				rc = run_tickets(s, &c, x->control, from, at, &r, err);
				break;
			case C_ASSETS:
				rc = run_assets(s, x, at, &r, err);
				break;
			case C_SAMPLE: {
				uint64_t sd;
				if(seed)
					sd = *seed;
				else if(!recorded_seed(s, occasion_id, m->moment, &sd))
					sd = fresh_seed();
				rc = run_sample(s, x, from, at, sd, &r, err);
				break;
			}
			case C_BACKUP:
				rc = run_backup(s, &c, from, at, &r, err);
				break;
			}
			if(!rc && r.ran && x->control != C_SAMPLE) {
				r.status = ops_control_status((long)r.n, x->minor_from, x->major_from);
				any_status = true;
				if(rank(r.status) > worst)
					worst = rank(r.status);
			}
			any_ran = any_ran || r.ran;
			strbuf_addf(&names, "%s%s", names.len ? ", " : "", ops_control_names[x->control]);
			if(comment.len)
				strbuf_addstr(&comment, "\n\n");
			strbuf_addf(&comment, "%s: %s", control_titles[x->control], r.text.buf);
			if(r.n) {
				strbuf_addstr(&comment, " Avvikelser: ");
				for(size_t f = 0; f < r.n; f++)
					strbuf_addf(&comment, "%s%s", f ? "; " : "", r.findings[f]);
				strbuf_addch(&comment, '.');
			}
			for(size_t f = 0; f < r.n; f++) {
				run->findings = xrealloc(run->findings,
				                         (run->nfindings + 1) * sizeof(*run->findings));
				run->findings[run->nfindings++] = r.findings[f];
				r.findings[f] = NULL;
			}
			if(r.files.len && !strstr(files.buf, r.files.buf))
				strbuf_addf(&files, "%s%s", files.len ? ", " : "", r.files.buf);
			if(r.has_seed) {
				run->has_seed = true;
				run->seed = r.seed;
			}
			result_release(&r);
		}
		static const char *const status_text[] = { NULL, "Inga avvikelser", "Mindre avvikelser",
		                                           "Större avvikelser" };
		run->status = xstrdup(any_status ? status_text[worst] : any_ran ? "" : "Ej påbörjad");
		/* the label is unique per moment: one follow-up per occasion */
		char iso[11];
		date_format_iso(at, iso);
		struct strbuf label = STRBUF_INIT;
		strbuf_addf(&label, "%s %s", run->label ? run->label : "Automatisk kontroll", iso);
		free(run->label);
		run->label = strbuf_detach(&label);
		run->controls = strbuf_detach(&names);
		run->comment = strbuf_detach(&comment);
		run->files = strbuf_detach(&files);
	}
	if(!rc && !*nout) {
		char y[8];
		snprintf(y, sizeof(y), "%d", at.year);
		rc = styr_error_set(err, STYR_ENOTFOUND, "no control moment of the %s plan has a control"
		                    " that runs itself: map one in the section ops_control_map", y);
	}
	if(rc) {
		ops_control_runs_free(*out, *nout);
		*out = NULL;
		*nout = 0;
	}
	ops_config_release(&c);
	control_plan_release(&plan);
	maps_release(&maps);
	return rc;
}

void ops_control_runs_free(struct ops_control_run *v, size_t n)
{
	for(size_t i = 0; i < n; i++) {
		free(v[i].moment);
		free(v[i].controls);
		free(v[i].label);
		free(v[i].status);
		free(v[i].comment);
		for(size_t f = 0; f < v[i].nfindings; f++)
			free(v[i].findings[f]);
		free(v[i].findings);
		free(v[i].files);
	}
	free(v);
}
