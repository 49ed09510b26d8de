/*
** ops_kpi.c — `styr ops kpi`: every indicator of a period from the
** stored imports, each figure with its provenance (see ops.h). The
** counting is ops_rules.c's; this file reads the store and names sources.
*/
#include "ops/ops.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/money.h"
#include "db/store.h"
#include "ops/ops_time.h"
#include "ops/ops_walk.h"

const char *const ops_measure_names[] = {
	"handling.mean", "handling.median", "handling.p90",
	"response.critical", "response.high", "response.normal", "response.low",
	"desk.strict", "desk.loose",
	"open.incidents", "open.requests", "open.changes",
	"old.incidents", "old.requests", "old.changes",
	"orders.on-time",
	"calls.level1", "calls.level2", "calls.mean",
	"availability.total", "availability.category", "availability.service",
	NULL
};

static const char *measure(const char *name)
{
	for(int i = 0; ops_measure_names[i]; i++)
		if(!strcmp(ops_measure_names[i], name))
			return ops_measure_names[i];
	return NULL;
}

struct figs {
	struct ops_kpi *k;
	size_t cap;
};

static struct ops_figure *add(struct figs *f, const char *m, const char *definition,
                              const char *unit, int decimals)
{
	ALLOC_GROW(f->k->fig, f->k->nfig, f->cap);
	struct ops_figure *g = &f->k->fig[f->k->nfig++];
	memset(g, 0, sizeof(*g));
	g->measure = measure(m);
	g->definition = definition;
	g->version = 1;
	g->unit = unit;
	g->decimals = decimals;
	return g;
}

static void set_share(struct ops_figure *g, long num, long den)
{
	g->num = num;
	g->den = den;
	g->has_value = den > 0;
	if(den > 0)
		g->value = ops_percent(num, den, g->decimals);
}

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, f);
	strbuf_vaddf(&sb, f, ap);
	va_end(ap);
	return strbuf_detach(&sb);
}

/* ---- tickets ---- */

struct tctx {
	struct ops_config *c;
	struct ops_ticket_kpi k;
};

static enum styr_rc count_ticket(void *ctx, const struct ops_ticket *t, struct styr_error *err)
{
	struct tctx *x = ctx;
	struct ops_facts f;
	(void)err;
	ops_ticket_eval(&x->c->cal, &x->c->rules, t, x->k.to, &f);
	ops_ticket_kpi_add(&x->k, &x->c->cal, &x->c->rules, t, &f);
	return STYR_OK;
}

static enum styr_rc tickets(struct store *s, struct figs *F, struct ops_config *c,
                            struct styr_error *err)
{
	struct tctx x = { c, { 0 } }, y = { NULL, { 0 } };
	struct ops_config c2;
	struct ops_walk_stats ws;
	struct strbuf files = STRBUF_INIT, sb = STRBUF_INIT;
	long trows, hrows;
	const struct ops_kpi *K = F->k;
	/* two threads, each with its own calendar (its cache is written) */
	enum styr_rc rc = ops_config_load(s, &c2, err);
	if(rc)
		return rc;
	y.c = &c2;
	ops_ticket_kpi_init(&x.k, K->from, K->to);
	ops_ticket_kpi_init(&y.k, K->from, K->to);
	void *ctx[2] = { &x, &y };
	rc = ops_walk_tickets2(s, x.k.to, count_ticket, ctx, &ws, err);
	if(!rc)
		ops_ticket_kpi_merge(&x.k, &y.k);
	ops_ticket_kpi_release(&y.k);
	ops_config_release(&c2);
	if(rc) {
		ops_ticket_kpi_release(&x.k);
		return rc;
	}
	if(ops_files_of(s, "tickets", NULL, &K->to, &files, &trows, err) < 0 ||
	   ops_files_of(s, "ticket-history", NULL, &K->to, &files, &hrows, err) < 0) {
		ops_ticket_kpi_release(&x.k);
		strbuf_release(&files);
		return STYR_EDB;
	}
	long rows = ws.tickets + ws.events;
	struct ops_ticket_kpi *k = &x.k;

	/* handling time */
	static const char *const hm[] = { "handling.mean", "handling.median", "handling.p90" };
	static const char *const ht[] = { "medel", "median", "90:e percentilen" };
	for(int i = 0; i < 3; i++) {
		struct ops_figure *g = add(F, hm[i], "ops.handling-time", "h", 1);
		g->title = fmt("Handläggningstid för incidenter, %s (arbetstimmar)", ht[i]);
		g->has_value = k->handling.total > 0;
		if(g->has_value)
			g->value = i == 0 ? decimal_div(k->handling.sum, 60 * k->handling.total, 1)
			         : decimal_div(ops_hist_percentile(&k->handling, i == 1 ? 50 : 90), 60, 1);
		g->detail = fmt("%ld incidenter slutligt lösta i perioden; tid i paus och från lösning"
		                " till återöppning avräknad; hela minuter", k->handling.total);
		g->files = xstrdup(files.buf);
		g->rows = rows;
	}

	/* first response */
	for(int p = OPS_CRITICAL; p <= OPS_LOW; p++) {
		if(c->rules.limit[p] < 0)
			continue;
		char m[32];
		snprintf(m, sizeof(m), "response.%s", ops_prio_names[p]);
		struct ops_figure *g = add(F, m, "ops.first-response", "%", 2);
		strbuf_reset(&sb);
		ops_fmt_limit(&sb, c->rules.limit[p]);
		static const char *const pn[] = { "", "akuta", "högprioriterade", "normalprioriterade",
		                                   "lågprioriterade" };
		g->title = fmt("Andel %s incidenter med återkoppling inom %s", pn[p], sb.buf);
		set_share(g, k->met[p], k->met[p] + k->missed[p]);
		g->detail = fmt("%ld av %ld i tid, %ld ännu inom tiden, %ld utan historik; klockan"
		                " stoppad av svar till kunden %ld, lämnade Ny %ld, tilldelning %ld,"
		                " ej stoppad %ld (alla prioriteter); högsta prioritet före stoppet",
		                k->met[p], k->met[p] + k->missed[p], k->pending[p], k->no_history,
		                k->stops[OPS_STOP_REPLY], k->stops[OPS_STOP_LEFT_NEW],
		                k->stops[OPS_STOP_ASSIGNED], k->stops[OPS_STOP_NONE]);
		g->files = xstrdup(files.buf);
		g->rows = rows;
	}

	/* service desk */
	for(int i = 0; i < 2; i++) {
		struct ops_figure *g = add(F, i ? "desk.loose" : "desk.strict", "ops.service-desk", "%", 2);
		g->title = xstrdup(i ? "Andel ärenden lösta av servicedesk (grupp vid lösningen)"
		                     : "Andel ärenden lösta av servicedesk utan andra grupper");
		set_share(g, i ? k->desk_loose : k->desk_strict, k->desk_n - k->desk_unknown);
		g->detail = fmt("%ld incidenter och tjänsteförfrågningar lösta i perioden, %ld utan"
		                " känd grupp; servicedesk: %zu grupper", k->desk_n, k->desk_unknown,
		                c->ndesk);
		g->files = xstrdup(files.buf);
		g->rows = rows;
	}

	/* open at the cut-off */
	static const char *const om[] = { "open.incidents", "open.requests", "open.changes" };
	static const char *const olm[] = { "old.incidents", "old.requests", "old.changes" };
	static const char *const on[] = { "incidenter", "tjänsteförfrågningar", "förändringsärenden" };
	char cut[11];
	date_format_iso(K->to, cut);
	for(int i = 0; i < OPS_NOPEN; i++) {
		struct ops_figure *g = add(F, om[i], "ops.open-at-cutoff", "st", 0);
		g->title = fmt("Pågående %s vid periodens slut", on[i]);
		g->has_value = true;
		g->value = k->open[i];
		g->detail = fmt("nya, pågående eller pausade vid slutet av %s", cut);
		g->files = xstrdup(files.buf);
		g->rows = rows;
	}
	for(int i = 0; i < OPS_NOPEN; i++) {
		struct ops_figure *g = add(F, olm[i], "ops.open-at-cutoff", "st", 0);
		g->title = fmt("Pågående %s äldre än en månad", on[i]);
		g->has_value = true;
		g->value = k->old[i];
		char ago[17];
		ops_format_local(k->month_ago, ago);
		g->detail = fmt("registrerade före %.10s och pågående vid slutet av %s", ago, cut);
		g->files = xstrdup(files.buf);
		g->rows = rows;
	}

	/* orders */
	struct ops_figure *g = add(F, "orders.on-time", "ops.orders-delivered", "%", 2);
	g->title = fmt("Andel beställningar av datorer och kringutrustning levererade inom %d"
	               " arbetsdagar", c->rules.order_days);
	set_share(g, k->orders_on_time, k->orders_on_time + k->orders_late);
	g->detail = fmt("%ld i tid, %ld sena, %ld ännu inom tiden", k->orders_on_time,
	                k->orders_late, k->orders_pending);
	g->files = xstrdup(files.buf);
	g->rows = rows;

	ops_ticket_kpi_release(&x.k);
	strbuf_release(&files);
	strbuf_release(&sb);
	return STYR_OK;
}

/* ---- calls ---- */

static enum styr_rc calls(struct store *s, struct figs *F, struct ops_config *c,
                          struct styr_error *err)
{
	struct ops_calls_kpi k;
	struct store_stmt *st;
	struct strbuf files = STRBUF_INIT;
	long frows;
	bool row;
	const struct ops_kpi *K = F->k;
	ops_calls_init(&k, c->levels[0], c->levels[1], c->short_abandon);
	enum styr_rc rc = store_prepare(s, "SELECT wait, answered FROM ops_call WHERE at >= ? AND at < ?",
	                                &st, err);
	if(rc)
		return rc;
	stmt_bind_int(st, 1, ops_midnight(K->from));
	stmt_bind_int(st, 2, ops_midnight(date_add_days(K->to, 1)));
	while(!(rc = stmt_step(st, &row, err)) && row)
		ops_calls_add(&k, stmt_int(st, 1) != 0, stmt_int(st, 0));
	stmt_finalize(st);
	if(rc)
		return rc;
	ops_files_of(s, "calls", &K->from, &K->to, &files, &frows, err);
	static const char *const vn[] = {
		"besvarade inom T / (erbjudna − avbrutna inom S)", "besvarade inom T / besvarade",
		"besvarade inom T / erbjudna (avbrutna medräknade)"
	};
	for(int i = 0; i < 3; i++) {
		static const char *const m[] = { "calls.level1", "calls.level2", "calls.mean" };
		struct ops_figure *g = add(F, m[i], "ops.calls-answered", "%", 2);
		long num, den;
		if(i < 2) {
			g->title = fmt("Andel besvarade samtal inom %d sekunder (servicenivå %d)",
			               c->levels[i], i + 1);
			ops_calls_share(&k, c->variant, i, &num, &den);
			set_share(g, num, den);
		} else {
			long n2, d2;
			g->title = fmt("Andel besvarade samtal, medel av servicenivå 1 och 2 (%d och %d"
			               " sekunder)", c->levels[0], c->levels[1]);
			ops_calls_share(&k, c->variant, 0, &num, &den);
			ops_calls_share(&k, c->variant, 1, &n2, &d2);
			set_share(g, num + n2, 2 * den);
		}
		g->detail = fmt("variant %s: %s, T = %d s, S = %d s; erbjudna %ld, besvarade %ld"
		                " (inom %d s: %ld, inom %d s: %ld), avbrutna %ld (inom %d s: %ld)",
		                ops_calls_variant_names[c->variant], vn[c->variant],
		                i < 2 ? c->levels[i] : c->levels[0], c->short_abandon, k.offered,
		                k.answered, c->levels[0], k.within[0], c->levels[1], k.within[1],
		                k.abandoned, c->short_abandon, k.short_abandoned);
		g->files = xstrdup(files.buf);
		g->rows = k.offered;
	}
	strbuf_release(&files);
	return STYR_OK;
}

/* ---- availability ---- */

struct svc {
	char *name, *category;
	struct ops_outage *o;
	size_t n, cap;
	struct ops_avail a;
	long rows;
};

static struct svc *find_svc(struct svc **v, size_t *n, const char *name)
{
	for(size_t i = 0; i < *n; i++)
		if(!strcmp((*v)[i].name, name))
			return &(*v)[i];
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	struct svc *x = &(*v)[(*n)++];
	memset(x, 0, sizeof(*x));
	x->name = xstrdup(name);
	return x;
}

static void avail_figure(struct figs *F, const char *m, const char *arg, const char *title,
                         const struct ops_avail *a, const char *files, long rows)
{
	struct ops_figure *g = add(F, m, "ops.availability", "%", 2);
	struct strbuf sb = STRBUF_INIT;
	int64_t measured = a->period - a->missing - a->maintenance;
	g->argument = arg ? xstrdup(arg) : NULL;
	g->title = xstrdup(title);
	g->has_value = measured > 0;
	g->num = (long)((measured - a->down) / 60);
	g->den = (long)(measured / 60);
	if(measured > 0)
		g->value = ops_percent(measured - a->down, measured, 2);
	strbuf_addstr(&sb, "mätt ");
	ops_fmt_hours(&sb, measured);
	strbuf_addstr(&sb, " h, avbrott ");
	ops_fmt_hours(&sb, a->down);
	strbuf_addstr(&sb, " h, planerat underhåll ");
	ops_fmt_hours(&sb, a->maintenance);
	strbuf_addstr(&sb, " h (räknas inte), saknar data ");
	ops_fmt_hours(&sb, a->missing);
	strbuf_addstr(&sb, " h (räknas inte som avbrott)");
	g->detail = strbuf_detach(&sb);
	g->files = xstrdup(files);
	g->rows = rows;
}

static enum styr_rc availability(struct store *s, struct figs *F, struct ops_config *c,
                                 struct styr_error *err)
{
	struct store_stmt *st;
	bool row;
	struct ops_window *cover = NULL;
	size_t ncover = 0;
	struct svc *v = NULL;
	size_t nv = 0;
	struct strbuf files = STRBUF_INIT, title = STRBUF_INIT;
	long frows;
	const struct ops_kpi *K = F->k;
	int64_t from = ops_midnight(K->from), to = ops_midnight(date_add_days(K->to, 1));

	for(size_t i = 0; i < c->nservices; i++)
		find_svc(&v, &nv, c->service[i])->category =
			c->category[i] ? xstrdup(c->category[i]) : NULL;
	enum styr_rc rc = store_prepare(s, "SELECT period_from, period_to FROM ops_import"
	                                " WHERE source = 'availability'", &st, err);
	if(!rc) {
		while(!(rc = stmt_step(st, &row, err)) && row) {
			struct date a, b;
			date_parse_iso(stmt_text(st, 0), &a);
			date_parse_iso(stmt_text(st, 1), &b);
			cover = xrealloc(cover, (ncover + 1) * sizeof(*cover));
			cover[ncover++] = (struct ops_window){ ops_midnight(a),
			                                       ops_midnight(date_add_days(b, 1)) };
		}
		stmt_finalize(st);
	}
	if(!rc)
		rc = store_prepare(s, "SELECT service, category, start, \"end\", kind FROM ops_outage",
		                   &st, err);
	if(!rc) {
		while(!(rc = stmt_step(st, &row, err)) && row) {
			struct svc *x = find_svc(&v, &nv, stmt_text(st, 0));
			if(!x->category && stmt_text(st, 1))
				x->category = xstrdup(stmt_text(st, 1));
			int64_t a = stmt_int(st, 2), b = stmt_int(st, 3);
			if(b <= from || a >= to)
				continue;
			ALLOC_GROW(x->o, x->n, x->cap);
			x->o[x->n++] = (struct ops_outage){ a, b, (int)stmt_int(st, 4) };
			x->rows++;
		}
		stmt_finalize(st);
	}
	if(!rc && (ncover || nv)) {
		struct ops_avail total = { 0 };
		long rows = 0;
		ops_files_of(s, "availability", &K->from, &K->to, &files, &frows, err);
		for(size_t i = 0; i < nv; i++) {
			ops_avail_compute(from, to, cover, ncover, v[i].o, v[i].n, &v[i].a);
			ops_avail_add(&total, &v[i].a);
			rows += v[i].rows;
		}
		avail_figure(F, "availability.total", NULL, "Tillgänglighet, alla tjänster", &total,
		             files.buf, rows);
		/* categories, in order of first appearance */
		for(size_t i = 0; i < nv; i++) {
			bool seen = false;
			if(!v[i].category)
				continue;
			for(size_t j = 0; j < i; j++)
				seen = seen || (v[j].category && !strcmp(v[j].category, v[i].category));
			if(seen)
				continue;
			struct ops_avail sum = { 0 };
			long r = 0;
			for(size_t j = i; j < nv; j++)
				if(v[j].category && !strcmp(v[j].category, v[i].category)) {
					ops_avail_add(&sum, &v[j].a);
					r += v[j].rows;
				}
			strbuf_reset(&title);
			strbuf_addf(&title, "Tillgänglighet, %s", v[i].category);
			avail_figure(F, "availability.category", v[i].category, title.buf, &sum,
			             files.buf, r);
		}
		for(size_t i = 0; i < nv; i++) {
			strbuf_reset(&title);
			strbuf_addf(&title, "Tillgänglighet, %s", v[i].name);
			avail_figure(F, "availability.service", v[i].name, title.buf, &v[i].a,
			             files.buf, v[i].rows);
		}
	}
	for(size_t i = 0; i < nv; i++) {
		free(v[i].name);
		free(v[i].category);
		free(v[i].o);
	}
	free(v);
	free(cover);
	strbuf_release(&files);
	strbuf_release(&title);
	return rc;
}

static char *calendar_text(const struct ops_config *c)
{
	struct strbuf sb = STRBUF_INIT;
	if(c->cal.standard)
		strbuf_addstr(&sb, "öppettider måndag–fredag 08:00–17:00 (standard: inga ops_hours)");
	else
		strbuf_addf(&sb, "öppettider enligt ops_hours (%zu rader, %zu versioner)", c->nhours,
		            c->cal.nversions);
	strbuf_addf(&sb, "; helgdagar, midsommar-, jul- och nyårsafton stängt; %zu egna lediga"
	            " dagar", c->ndays_off);
	return strbuf_detach(&sb);
}

enum styr_rc ops_kpi(struct store *s, struct date from, struct date to, struct ops_kpi *out,
                     struct styr_error *err)
{
	struct ops_config c;
	struct figs F = { out, 0 };
	memset(out, 0, sizeof(*out));
	out->from = from;
	out->to = to;
	if(date_cmp(from, to) > 0) {
		char a[11], b[11];
		date_format_iso(from, a);
		date_format_iso(to, b);
		return styr_error_set(err, STYR_EINVAL, "the period %s to %s ends before it begins", a, b);
	}
	enum styr_rc rc = ops_config_load(s, &c, err);
	if(rc)
		return rc;
	out->calendar = calendar_text(&c);
	rc = tickets(s, &F, &c, err);
	if(!rc)
		rc = calls(s, &F, &c, err);
	if(!rc)
		rc = availability(s, &F, &c, err);
	ops_config_release(&c);
	if(rc)
		ops_kpi_release(out);
	return rc;
}

void ops_kpi_release(struct ops_kpi *k)
{
	for(size_t i = 0; i < k->nfig; i++) {
		free(k->fig[i].argument);
		free(k->fig[i].title);
		free(k->fig[i].detail);
		free(k->fig[i].files);
	}
	free(k->fig);
	free(k->calendar);
	memset(k, 0, sizeof(*k));
}

const struct ops_figure *ops_kpi_find(const struct ops_kpi *k, const char *m, const char *arg)
{
	for(size_t i = 0; i < k->nfig; i++) {
		const struct ops_figure *g = &k->fig[i];
		if(!g->measure || strcmp(g->measure, m))
			continue;
		if(!arg || !*arg ? !g->argument : g->argument && !strcmp(g->argument, arg))
			return g;
	}
	return NULL;
}

void ops_figure_format(const struct ops_figure *f, int decimals, struct strbuf *sb)
{
	if(!f->has_value)
		return;
	int d = decimals < 0 ? f->decimals : decimals;
	int64_t v = decimal_round(f->value, f->decimals, d);
	if(!strcmp(f->unit, "%")) {
		fmt_percent_sv(sb, v, d);
	} else {
		fmt_decimal_sv(sb, v, d);
		strbuf_addf(sb, " %s", f->unit);
	}
}
