/*
** render_text.c — a document as plain UTF-8 text for the terminal.
**
** Headings are underlined, paragraphs wrapped at 78 columns (never inside
** a number or between a number and its unit), tables
** aligned in columns (numbers right, text left) measured in characters,
** not bytes, so "Laxå" is four columns wide. Charts become their values
** as a table; the risk matrix a 4 × 4 grid of counts. Sources are left
** out: the terminal view is for reading, the HTML view for tracing.
*/
#include "doc/doc.h"

#include <stdlib.h>
#include <string.h>

#define WIDTH 78
#define MAX_CELL 40    /* longer text cells wrap inside their column */
#define TABLE_WIDTH 100 /* wide tables narrow their widest columns ... */
#define MIN_COL 16     /* ... down to this */

/* Display width of UTF-8 text: code points, less combining marks
** (U+0300..U+036F), which take no column of their own. */
static size_t text_width(const char *s, size_t len)
{
	size_t w = 0;
	const unsigned char *p = (const unsigned char *)s;
	for(size_t i = 0; i < len; i++) {
		if((p[i] & 0xc0) == 0x80)
			continue;
		if(p[i] == 0xcc || (p[i] == 0xcd && i + 1 < len && p[i + 1] < 0xb0))
			continue; /* U+0300..U+036F */
		w++;
	}
	return w;
}

static void pad(struct strbuf *out, size_t n)
{
	while(n--)
		strbuf_addch(out, ' ');
}

/* Byte length of the longest prefix of s (length len) that fits in
** `width` columns, broken after a space when there is one; never at a
** space inside a number or before its unit ("1 579 tkr", doc.h). */
static size_t fit(const char *s, size_t len, size_t width, size_t *skip)
{
	size_t w = 0, i = 0, last_space = 0;
	*skip = 0;
	while(i < len) {
		if(s[i] == '\n') {
			*skip = 1;
			return i;
		}
		size_t n = 1;
		while(i + n < len && ((unsigned char)s[i + n] & 0xc0) == 0x80)
			n++;
		if(w + 1 > width) {
			if(last_space) {
				*skip = 1;
				return last_space;
			}
			return i;
		}
		if(s[i] == ' ' && !doc_space_joins(s, i))
			last_space = i;
		w++;
		i += n;
	}
	return len;
}

/* Append text wrapped to width columns, each line indented by indent. */
static void wrap(struct strbuf *out, const char *s, size_t indent, size_t width)
{
	size_t len = strlen(s), skip;
	do {
		size_t n = fit(s, len, width, &skip);
		pad(out, indent);
		strbuf_add(out, s, n);
		strbuf_addch(out, '\n');
		s += n + skip;
		len -= n + skip;
	} while(len > 0);
}

static void render_table(struct strbuf *out, const struct doc_table *t)
{
	size_t nc = t->ncols;
	size_t *w = calloc(nc, sizeof(size_t));
	struct strbuf sb = STRBUF_INIT;

	if(t->caption && !t->caption_is_heading) {
		strbuf_addstr(out, t->caption);
		strbuf_addch(out, '\n');
	}
	/* column widths from single-span cells */
	for(size_t r = 0; r < t->nrows; r++) {
		size_t col = 0;
		for(size_t c = 0; c < t->rows[r].ncells; c++) {
			const struct doc_cell *cell = &t->rows[r].cells[c];
			strbuf_reset(&sb);
			doc_cell_format(cell, &sb);
			size_t cw = text_width(sb.buf, sb.len);
			if(cw > MAX_CELL)
				cw = MAX_CELL;
			if(cell->colspan == 1 && cw > w[col])
				w[col] = cw;
			col += (size_t)cell->colspan;
		}
	}
	/* fit the terminal: narrow the widest column until the table fits
	** TABLE_WIDTH or every column is down to MIN_COL */
	for(;;) {
		size_t total = 0, widest = 0;
		for(size_t c = 0; c < nc; c++) {
			total += w[c] + (c ? 2 : 0);
			if(w[c] > w[widest])
				widest = c;
		}
		if(total <= TABLE_WIDTH || w[widest] <= MIN_COL)
			break;
		w[widest]--;
	}
	for(size_t r = 0; r < t->nrows; r++) {
		const struct doc_row *row = &t->rows[r];
		size_t col = 0;
		/* cells may wrap: emit line by line until every cell is done */
		const char **rest = calloc(row->ncells, sizeof(char *));
		size_t *restlen = calloc(row->ncells, sizeof(size_t));
		char **texts = calloc(row->ncells, sizeof(char *));
		size_t *cw = calloc(row->ncells, sizeof(size_t));
		for(size_t c = 0; c < row->ncells; c++) {
			strbuf_reset(&sb);
			doc_cell_format(&row->cells[c], &sb);
			texts[c] = strbuf_detach(&sb);
			rest[c] = texts[c];
			restlen[c] = strlen(texts[c]);
			cw[c] = 0;
			for(int k = 0; k < row->cells[c].colspan; k++)
				cw[c] += w[col + (size_t)k] + (k ? 2 : 0);
			col += (size_t)row->cells[c].colspan;
		}
		if(row->flags & DOC_ROW_TOTAL) {
			size_t total = 0;
			for(size_t c = 0; c < nc; c++)
				total += w[c] + (c ? 2 : 0);
			for(size_t i = 0; i < total; i++)
				strbuf_addch(out, '-');
			strbuf_addch(out, '\n');
		}
		bool more = true;
		while(more) {
			more = false;
			struct strbuf line = STRBUF_INIT;
			for(size_t c = 0; c < row->ncells; c++) {
				size_t skip, n = fit(rest[c], restlen[c], cw[c] ? cw[c] : 1, &skip);
				size_t tw = text_width(rest[c], n);
				bool right = doc_cell_is_numeric(&row->cells[c]);
				if(c)
					strbuf_addstr(&line, "  ");
				if(right)
					pad(&line, cw[c] > tw ? cw[c] - tw : 0);
				strbuf_add(&line, rest[c], n);
				if(!right)
					pad(&line, cw[c] > tw ? cw[c] - tw : 0);
				rest[c] += n + skip;
				restlen[c] -= n + skip;
				if(restlen[c] > 0)
					more = true;
			}
			while(line.len && line.buf[line.len - 1] == ' ')
				line.buf[--line.len] = '\0';
			strbuf_addstr(out, line.buf);
			strbuf_addch(out, '\n');
			strbuf_release(&line);
		}
		if(row->flags & DOC_ROW_HEADER && (r + 1 == t->nrows ||
		   !(t->rows[r + 1].flags & DOC_ROW_HEADER))) {
			size_t total = 0;
			for(size_t c = 0; c < nc; c++)
				total += w[c] + (c ? 2 : 0);
			for(size_t i = 0; i < total; i++)
				strbuf_addch(out, '=');
			strbuf_addch(out, '\n');
		}
		for(size_t c = 0; c < row->ncells; c++)
			free(texts[c]);
		free(texts);
		free(rest);
		free(restlen);
		free(cw);
	}
	if(t->note) {
		strbuf_addstr(out, t->note);
		strbuf_addch(out, '\n');
	}
	strbuf_release(&sb);
	free(w);
}

/* A chart as a table of its values (one row per series). */
static void render_chart(struct strbuf *out, const struct doc_chart *ch)
{
	struct doc *tmp = doc_new("");
	doc_table_begin(tmp, ch->title, ch->nlabels + 1);
	doc_row_begin(tmp, DOC_ROW_HEADER);
	doc_cell_text(tmp, ch->unit ? ch->unit : "");
	for(size_t i = 0; i < ch->nlabels; i++)
		doc_cell_text(tmp, ch->labels[i]);
	for(size_t s = 0; s < ch->nseries; s++) {
		doc_row_begin(tmp, 0);
		doc_cell_text(tmp, ch->series[s].name);
		for(size_t i = 0; i < ch->nlabels; i++) {
			if(ch->series[s].present[i])
				doc_cell_decimal(tmp, ch->series[s].values[i], ch->decimals, NULL);
			else
				doc_cell_empty(tmp);
		}
	}
	render_table(out, &tmp->blocks[0].u.table);
	doc_free(tmp);
}

static void render_matrix(struct strbuf *out, const struct doc_riskmatrix *m)
{
	struct doc *tmp = doc_new("");
	doc_table_begin(tmp, m->title, (size_t)m->ncons + 1);
	doc_row_begin(tmp, DOC_ROW_HEADER);
	doc_cell_textf(tmp, "%s \\ %s", m->prob_axis, m->cons_axis);
	for(int c = 0; c < m->ncons; c++)
		doc_cell_textf(tmp, "%d %s", c + 1, m->cons_label[c]);
	for(int p = m->nprob - 1; p >= 0; p--) {
		doc_row_begin(tmp, 0);
		doc_cell_textf(tmp, "%d %s", p + 1, m->prob_label[p]);
		for(int c = 0; c < m->ncons; c++)
			doc_cell_int(tmp, m->count[p][c], NULL);
	}
	render_table(out, &tmp->blocks[0].u.table);
	doc_free(tmp);
}

enum styr_rc render_text(const struct doc *d, struct strbuf *out, struct styr_error *err)
{
	char iso[11];

	(void)err;
	strbuf_addstr(out, d->title);
	strbuf_addch(out, '\n');
	for(size_t i = text_width(d->title, strlen(d->title)); i > 0; i--)
		strbuf_addch(out, '=');
	strbuf_addch(out, '\n');
	if(d->subtitle)
		strbuf_addf(out, "%s\n", d->subtitle);
	if(d->committee && (!d->subtitle || !strstr(d->subtitle, d->committee)))
		strbuf_addf(out, "%s\n", d->committee);
	if(d->date.year) {
		date_format_iso(d->date, iso);
		strbuf_addf(out, "%s\n", iso);
	}
	for(size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		if(b->type != DOC_PAGEBREAK)
			strbuf_addch(out, '\n');
		switch(b->type) {
		case DOC_HEADING: {
			struct strbuf hd = STRBUF_INIT;
			if(b->u.heading.number)
				strbuf_addf(&hd, "%s ", b->u.heading.number);
			strbuf_addstr(&hd, b->u.heading.text);
			size_t w = text_width(hd.buf, hd.len);
			wrap(out, hd.buf, 0, WIDTH);
			strbuf_release(&hd);
			for(size_t k = 0; k < w && k < WIDTH; k++)
				strbuf_addch(out, b->u.heading.level == 1 ? '=' : '-');
			strbuf_addch(out, '\n');
			break;
		}
		case DOC_PARA:
			wrap(out, b->u.para, 0, WIDTH);
			break;
		case DOC_LIST:
			for(size_t j = 0; j < b->u.list.nitems; j++) {
				struct strbuf item = STRBUF_INIT;
				if(b->u.list.ordered)
					strbuf_addf(&item, "%zu. ", j + 1);
				else
					strbuf_addstr(&item, "- ");
				strbuf_addstr(out, item.buf);
				struct strbuf body = STRBUF_INIT;
				wrap(&body, b->u.list.items[j], 0, WIDTH - item.len);
				/* indent continuation lines under the item text */
				for(size_t k = 0; k < body.len; k++) {
					strbuf_addch(out, body.buf[k]);
					if(body.buf[k] == '\n' && k + 1 < body.len)
						pad(out, item.len);
				}
				strbuf_release(&body);
				strbuf_release(&item);
			}
			break;
		case DOC_DEFLIST:
			for(size_t j = 0; j < b->u.deflist.n; j++) {
				strbuf_addf(out, "%s:\n", b->u.deflist.terms[j]);
				wrap(out, b->u.deflist.defs[j], 4, WIDTH - 4);
			}
			break;
		case DOC_TABLE:
			render_table(out, &b->u.table);
			break;
		case DOC_CHART:
			render_chart(out, &b->u.chart);
			break;
		case DOC_RISKMATRIX:
			render_matrix(out, &b->u.matrix);
			break;
		case DOC_PAGEBREAK:
			break;
		case DOC_SIGNATURES:
			/* the role, then the name beside a line to sign on */
			if(b->u.sig.intro)
				strbuf_addf(out, "%s\n", b->u.sig.intro);
			for(size_t j = 0; j < b->u.sig.n; j++) {
				size_t w = text_width(b->u.sig.names[j], strlen(b->u.sig.names[j]));
				strbuf_addf(out, "%s:\n    %s", b->u.sig.roles[j], b->u.sig.names[j]);
				pad(out, w < 30 ? 32 - w : 2);
				strbuf_addstr(out, "______________________________\n");
			}
			break;
		}
	}
	if(d->footer) {
		strbuf_addch(out, '\n');
		strbuf_addf(out, "%s\n", d->footer);
	}
	return STYR_OK;
}
