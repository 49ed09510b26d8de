/*
** sec_ops.c — the ops module's document sections (see ops_doc.h): the
** indicators of a period, the controls that ran themselves, and the
** figure sources of an occasion.
*/
#include "ops/ops_doc.h"

#include <stdlib.h>
#include <string.h>

#include "ops/ops.h"

static void value_cell(struct doc *d, const struct ops_figure *g)
{
	if(!g->has_value)
		doc_cell_text(d, "saknar värde");
	else if(!strcmp(g->unit, "%"))
		doc_cell_percent(d, g->value, g->decimals);
	else if(g->decimals)
		doc_cell_decimal(d, g->value, g->decimals, g->unit);
	else
		doc_cell_int(d, g->value, g->unit);
	doc_cell_source(d, "%s version %d; %ld rader ur %s", g->definition, g->version, g->rows,
	                g->files && *g->files ? g->files : "inga importer");
}

void ops_doc_kpi(struct doc *d, const struct ops_kpi *k)
{
	static const char *const hdr[] = { "Indikator", "Värde", "Underlag" };
	static const char *const shdr[] = { "Definition", "Version", "Filer" };
	static const unsigned w[] = { 4, 1, 5 };
	char a[11], b[11];
	date_format_iso(k->from, a);
	date_format_iso(k->to, b);
	doc_paraf(d, "Perioden %s–%s. Arbetstid: %s.", a, b, k->calendar ? k->calendar : "");
	doc_table_begin(d, "Serviceindikatorer", 3);
	doc_table_sheet(d, "Indikatorer");
	doc_table_source(d, "styr ops kpi, docs/ops-indicators.md");
	doc_table_weights(d, w);
	doc_header_row(d, hdr);
	for(size_t i = 0; i < k->nfig; i++) {
		const struct ops_figure *g = &k->fig[i];
		doc_row_begin(d, 0);
		doc_cell_text(d, g->title);
		doc_cell_source(d, "%s%s%s", g->measure, g->argument ? " " : "",
		                g->argument ? g->argument : "");
		value_cell(d, g);
		doc_cell_text(d, g->detail ? g->detail : "");
	}
	doc_table_end(d);

	doc_table_begin(d, "Källor", 3);
	doc_table_sheet(d, "Källor");
	doc_header_row(d, shdr);
	for(size_t i = 0; i < k->nfig; i++) {
		const struct ops_figure *g = &k->fig[i];
		bool seen = false;
		for(size_t j = 0; j < i; j++)
			seen = seen || (!strcmp(k->fig[j].definition, g->definition) &&
			                !strcmp(k->fig[j].files ? k->fig[j].files : "",
			                        g->files ? g->files : ""));
		if(seen)
			continue;
		doc_row_begin(d, 0);
		doc_cell_text(d, g->definition);
		doc_cell_int(d, g->version, NULL);
		doc_cell_text(d, g->files && *g->files ? g->files : "inga importer");
	}
	doc_table_end(d);
}

static enum doc_verdict level(const char *status)
{
	if(!strcmp(status, "Inga avvikelser"))
		return DOC_VERDICT_MET;
	if(!strcmp(status, "Mindre avvikelser"))
		return DOC_VERDICT_PARTLY;
	if(!strcmp(status, "Större avvikelser"))
		return DOC_VERDICT_NOT_MET;
	return DOC_VERDICT_NONE;
}

void ops_doc_controls(struct doc *d, const struct ops_control_run *runs, size_t n)
{
	static const char *const hdr[] = { "Kontrollmoment", "Status", "Kommentar" };
	static const unsigned w[] = { 2, 2, 6 };
	doc_table_begin(d, "Kontroller som gjort sig själva", 3);
	doc_table_sheet(d, "Kontroller");
	doc_table_weights(d, w);
	doc_header_row(d, hdr);
	for(size_t i = 0; i < n; i++) {
		const struct ops_control_run *r = &runs[i];
		char iso[11];
		date_format_iso(r->date, iso);
		doc_row_begin(d, 0);
		doc_cell_textf(d, "%s (%s)", r->moment, r->controls);
		doc_cell_verdict(d, level(r->status), *r->status ? r->status : "Utan status");
		doc_cell_source(d, "%s %s; %s", r->label, iso, *r->files ? r->files : "inga importer");
		doc_cell_text(d, r->comment);
	}
	doc_table_end(d);
}

enum styr_rc ops_doc_sources(struct doc *d, struct store *s, const struct occasion *o,
                             bool *found, struct styr_error *err)
{
	static const char *const hdr[] = { "Indikator", "Värde", "Definition", "Period", "Underlag" };
	static const unsigned w[] = { 3, 1, 2, 2, 5 };
	struct ops_source_row *v;
	size_t n;
	*found = false;
	enum styr_rc rc = ops_sources(s, o, &v, &n, err);
	if(rc || !n) {
		ops_sources_free(v, n);
		return rc;
	}
	*found = true;
	doc_table_begin(d, "Källor till driftindikatorerna", 5);
	doc_table_sheet(d, "Källor drift");
	doc_table_source(d, "styr ops apply; definitionerna i docs/ops-indicators.md");
	doc_table_weights(d, w);
	doc_header_row(d, hdr);
	for(size_t i = 0; i < n; i++) {
		const struct ops_source_row *x = &v[i];
		doc_row_begin(d, 0);
		doc_cell_text(d, x->indicator);
		doc_cell_text(d, x->value);
		doc_cell_source(d, "indikator %s vid %s: %s version %d, %s–%s, %ld rader ur %s;"
		                " skriven %s av %s", x->indicator, o->key, x->definition, x->version,
		                x->from, x->to, x->rows, x->files, x->applied_at, x->applied_by);
		doc_cell_textf(d, "%s v%d (%s)", x->definition, x->version, x->measure);
		doc_cell_textf(d, "%s–%s", x->from, x->to);
		doc_cell_textf(d, "%ld rader ur %s", x->rows, x->files);
	}
	doc_table_end(d);
	ops_sources_free(v, n);
	return STYR_OK;
}

enum styr_rc ops_doc_annotate(struct doc *d, size_t from, struct store *s,
                              const struct occasion *o, struct styr_error *err)
{
	struct ops_source_row *v;
	size_t n;
	struct strbuf shown = STRBUF_INIT, src = STRBUF_INIT;
	enum styr_rc rc = ops_sources(s, o, &v, &n, err);
	if(rc || !n) {
		ops_sources_free(v, n);
		return rc;
	}
	for(size_t b = from; b < d->nblocks; b++) {
		if(d->blocks[b].type != DOC_TABLE)
			continue;
		struct doc_table *t = &d->blocks[b].u.table;
		for(size_t r = 0; r < t->nrows; r++)
			for(size_t c = 0; c < t->rows[r].ncells; c++) {
				struct doc_cell *cell = &t->rows[r].cells[c];
				if(!cell->source || strncmp(cell->source, "indikator ", 10))
					continue;
				const char *key = cell->source + 10;
				for(size_t i = 0; i < n; i++) {
					size_t len = strlen(v[i].indicator);
					if(strncmp(key, v[i].indicator, len) || key[len] != ':')
						continue;
					strbuf_reset(&shown);
					doc_cell_format(cell, &shown);
					if(strcmp(shown.buf, v[i].value))
						continue;
					strbuf_reset(&src);
					strbuf_addf(&src, "%s; beräknad av styr ops apply: %s version %d, %s–%s,"
					            " %ld rader ur %s", cell->source, v[i].definition,
					            v[i].version, v[i].from, v[i].to, v[i].rows, v[i].files);
					free(cell->source);
					cell->source = strbuf_detach(&src);
					break;     /* key pointed into the old source */
				}
			}
	}
	strbuf_release(&shown);
	strbuf_release(&src);
	ops_sources_free(v, n);
	return STYR_OK;
}
