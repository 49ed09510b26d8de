/*
** render_xlsx.c — a document as an Excel workbook (libxlsxwriter), so a
** controller can go on working with the figures.
**
** One sheet per table (and per chart and risk matrix, as their values):
** the caption in the first row, the header rows, the body; numbers are
** written as numbers, never as text. Number formats are stored in the
** file's invariant form ("#,##0", "0.0%"), which Swedish Excel shows as
** "# ##0" and "0,0 %": the group and decimal separators in a format code
** are placeholders that Excel localises, so writing a literal space would
** break other locales. Money is written as the whole tkr the report
** shows, so sums in Excel agree with the document. A cell's source line
** becomes a cell comment (traceability). Sheet names are at most 31
** characters, without []:*?/\ and unique in the workbook.
**
** libxlsxwriter 1.1.4 writes only to a file: the workbook goes to a
** temporary file that is read back into `out` and removed.
*/
#include "doc/doc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "base/clock.h"
#include "base/money.h"

struct xl {
	lxw_workbook *wb;
	lxw_format *bold, *head, *total_text, *title, *note;
	lxw_format *num[2][4];   /* [total][decimals 0..3] */
	lxw_format *pct[2][4];
	lxw_format *date[2];
	char **names;            /* sheet names used */
	size_t nnames;
};

static lxw_format *numfmt(lxw_workbook *wb, bool total, int decimals, bool percent)
{
	static const char *const f[4] = { "#,##0", "#,##0.0", "#,##0.00", "#,##0.000" };
	static const char *const p[4] = { "0%", "0.0%", "0.00%", "0.000%" };
	lxw_format *fm = workbook_add_format(wb);
	format_set_num_format(fm, percent ? p[decimals] : f[decimals]);
	if(total) {
		format_set_bold(fm);
		format_set_top(fm, LXW_BORDER_THIN);
	}
	return fm;
}

static void xl_init(struct xl *x, const char *path)
{
	memset(x, 0, sizeof(*x));
	x->wb = workbook_new(path);
	if(!x->wb)
		return;
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	x->title = workbook_add_format(x->wb);
	format_set_bold(x->title);
	format_set_font_size(x->title, 13);
	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	format_set_bottom(x->head, LXW_BORDER_MEDIUM);
	format_set_text_wrap(x->head);
	format_set_bg_color(x->head, 0xE8EEF5);
	x->total_text = workbook_add_format(x->wb);
	format_set_bold(x->total_text);
	format_set_top(x->total_text, LXW_BORDER_THIN);
	x->note = workbook_add_format(x->wb);
	format_set_italic(x->note);
	for(int t = 0; t < 2; t++) {
		for(int d = 0; d < 4; d++) {
			x->num[t][d] = numfmt(x->wb, t, d, false);
			x->pct[t][d] = numfmt(x->wb, t, d, true);
		}
		x->date[t] = workbook_add_format(x->wb);
		format_set_num_format(x->date[t], "yyyy-mm-dd");
		if(t) {
			format_set_bold(x->date[t]);
			format_set_top(x->date[t], LXW_BORDER_THIN);
		}
	}
}

/* A valid, unique sheet name from `want` (or "Tabell n"). */
static char *sheet_name(struct xl *x, const char *want, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t chars = 0;
	if(!want || !*want) {
		strbuf_addf(&sb, "Tabell %zu", n);
	} else {
		for(const unsigned char *p = (const unsigned char *)want; *p && chars < 31; ) {
			size_t len = 1;
			while(p[len] && (p[len] & 0xc0) == 0x80)
				len++;
			if(strchr("[]:*?/\\", *p))
				strbuf_addch(&sb, '-');
			else
				strbuf_add(&sb, p, len);
			p += len;
			chars++;
		}
		while(sb.len && sb.buf[sb.len - 1] == ' ')
			sb.buf[--sb.len] = '\0';
		if(sb.buf[0] == '\'')
			sb.buf[0] = '-';
	}
	for(int k = 2; ; k++) {
		bool taken = false;
		for(size_t i = 0; i < x->nnames; i++)
			if(!strcasecmp(x->names[i], sb.buf))
				taken = true;
		if(!taken)
			break;
		/* make room for " (k)" within 31 characters */
		char suffix[16];
		snprintf(suffix, sizeof(suffix), " (%d)", k);
		size_t keep = 0, c = 0, limit = 31 - strlen(suffix);
		while(keep < sb.len && c < limit) {
			keep++;
			while(keep < sb.len && ((unsigned char)sb.buf[keep] & 0xc0) == 0x80)
				keep++;
			c++;
		}
		char *base = strndup(sb.buf, keep);
		char *open = strstr(base, " (");
		if(open && k > 2)
			*open = '\0';
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s%s", base, suffix);
		free(base);
	}
	x->names = xrealloc(x->names, (x->nnames + 1) * sizeof(char *));
	x->names[x->nnames++] = xstrdup(sb.buf);
	return strbuf_detach(&sb);
}

static double pow10i(int d)
{
	double v = 1;
	while(d-- > 0)
		v *= 10;
	return v;
}

static void write_cell(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                       const struct doc_cell *cell, bool header, bool total)
{
	int t = total ? 1 : 0;
	int dec = cell->decimals < 0 ? 0 : cell->decimals > 3 ? 3 : cell->decimals;
	lxw_format *tf = header ? x->head : total ? x->total_text : NULL;

	switch(cell->type) {
	case DOC_CELL_EMPTY:
		if(tf)
			worksheet_write_blank(ws, r, c, tf);
		break;
	case DOC_CELL_TEXT:
	case DOC_CELL_VERDICT:
		worksheet_write_string(ws, r, c, cell->text ? cell->text : "", tf);
		break;
	case DOC_CELL_TKR:
		worksheet_write_number(ws, r, c, (double)money_to_tkr(cell->value), x->num[t][0]);
		break;
	case DOC_CELL_PERCENT:
		worksheet_write_number(ws, r, c, (double)cell->value / pow10i(cell->decimals) / 100.0,
		                       x->pct[t][dec]);
		break;
	case DOC_CELL_DECIMAL:
		worksheet_write_number(ws, r, c, (double)cell->value / pow10i(cell->decimals),
		                       x->num[t][dec]);
		break;
	case DOC_CELL_INT:
		worksheet_write_number(ws, r, c, (double)cell->value, x->num[t][0]);
		break;
	case DOC_CELL_DATE: {
		lxw_datetime dt = { cell->date.year, cell->date.month, cell->date.day, 0, 0, 0 };
		worksheet_write_datetime(ws, r, c, &dt, x->date[t]);
		break;
	}
	}
	if(cell->source && !header)
		worksheet_write_comment(ws, r, c, cell->source);
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for(; *s; s++)
		if(((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static void write_table(struct xl *x, const struct doc_table *t, size_t n)
{
	char *name = sheet_name(x, t->sheet ? t->sheet : t->caption, n);
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
	double *width = xcalloc(t->ncols, sizeof(double));
	struct strbuf sb = STRBUF_INIT;
	lxw_row_t row = 0;

	free(name);
	if(t->caption)
		worksheet_write_string(ws, row++, 0, t->caption, x->title);
	if(t->note)
		worksheet_write_string(ws, row++, 0, t->note, x->note);
	if(row)
		row++;
	lxw_row_t first_body = row;
	for(size_t r = 0; r < t->nrows; r++, row++) {
		const struct doc_row *dr = &t->rows[r];
		bool header = dr->flags & DOC_ROW_HEADER;
		bool total = dr->flags & DOC_ROW_TOTAL;
		lxw_col_t col = 0;
		if(header)
			first_body = row + 1;
		for(size_t c = 0; c < dr->ncells; c++) {
			const struct doc_cell *cell = &dr->cells[c];
			if(cell->colspan > 1 && (cell->type == DOC_CELL_TEXT || cell->type == DOC_CELL_EMPTY)) {
				worksheet_merge_range(ws, row, col, row, (lxw_col_t)(col + cell->colspan - 1),
				                      cell->text ? cell->text : "",
				                      header ? x->head : total ? x->total_text : NULL);
			} else {
				write_cell(x, ws, row, col, cell, header, total);
			}
			if(cell->colspan == 1) {
				strbuf_reset(&sb);
				doc_cell_format(cell, &sb);
				double w = (double)utf8_chars(sb.buf) + 2;
				if(w > 50)
					w = 50;
				if(w > width[col])
					width[col] = w;
			}
			col += (lxw_col_t)cell->colspan;
		}
	}
	for(size_t c = 0; c < t->ncols; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c] < 8 ? 8 : width[c], NULL);
	if(first_body > 0)
		worksheet_freeze_panes(ws, first_body, 0);
	if(t->source) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "Källa: %s", t->source);
		worksheet_write_string(ws, row + 1, 0, sb.buf, x->note);
	}
	strbuf_release(&sb);
	free(width);
}

/* Charts and the risk matrix become tables, written the same way. */
static void write_chart(struct xl *x, const struct doc_chart *ch, size_t n)
{
	struct doc *tmp = doc_new("");
	struct doc_table *t = doc_table_begin(tmp, ch->title, ch->nlabels + 1);
	doc_table_source(tmp, ch->source);
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
	write_table(x, t, n);
	doc_free(tmp);
}

static void write_matrix(struct xl *x, const struct doc_riskmatrix *m, size_t n)
{
	struct doc *tmp = doc_new("");
	struct doc_table *t = doc_table_begin(tmp, m->title, (size_t)m->ncons + 1);
	doc_table_source(tmp, m->source);
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
	write_table(x, t, n);
	doc_free(tmp);
}

static enum styr_rc read_file(const char *path, struct strbuf *out, struct styr_error *err)
{
	if(strbuf_read_file(out, path) < 0)
		return styr_error_set(err, STYR_EIO, "%s: %s", path, strerror(errno));
	return STYR_OK;
}

enum styr_rc render_xlsx(const struct doc *d, struct strbuf *out, struct styr_error *err)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	struct xl x;
	size_t n = 0;
	enum styr_rc rc = STYR_OK;

	snprintf(path, sizeof(path), "%s/styr-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if(fd < 0)
		return styr_error_set(err, STYR_EIO, "cannot create a temporary file in %s: %s",
		                      dir && *dir ? dir : "/tmp", strerror(errno));
	close(fd);
	xl_init(&x, path);
	if(!x.wb) {
		unlink(path);
		return styr_error_set(err, STYR_EIO, "libxlsxwriter could not start a workbook");
	}
	lxw_doc_properties props = { 0 };
	props.title = d->title;
	props.author = d->committee;
	props.company = d->committee;
	/* The workbook's creation time is the document's date, as in the PDF
	** and the DOCX, or else today by styr's clock: libxlsxwriter would
	** take the system's time, and the same data would give other bytes
	** from one second to the next, $STYR_NOW or not. */
	props.created = (time_t)date_to_days(d->date.year ? d->date : clock_today()) * 86400;
	workbook_set_properties(x.wb, &props);
	for(size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		if(b->type == DOC_TABLE)
			write_table(&x, &b->u.table, ++n);
		else if(b->type == DOC_CHART)
			write_chart(&x, &b->u.chart, ++n);
		else if(b->type == DOC_RISKMATRIX)
			write_matrix(&x, &b->u.matrix, ++n);
	}
	if(n == 0) {   /* a workbook needs a sheet: the title and the headings */
		lxw_worksheet *ws = workbook_add_worksheet(x.wb, "Rapport");
		lxw_row_t r = 0;
		worksheet_write_string(ws, r++, 0, d->title, x.title);
		if(d->subtitle)
			worksheet_write_string(ws, r++, 0, d->subtitle, NULL);
		worksheet_write_string(ws, ++r, 0, "Rapporten innehåller inga tabeller.", x.note);
	}
	lxw_error e = workbook_close(x.wb);
	for(size_t i = 0; i < x.nnames; i++)
		free(x.names[i]);
	free(x.names);
	if(e != LXW_NO_ERROR)
		rc = styr_error_set(err, STYR_EIO, "writing the workbook failed: %s", lxw_strerror(e));
	if(!rc)
		rc = read_file(path, out, err);
	unlink(path);
	return rc;
}

/* The module's one entry (xlsx_module.c, base/loadable.h). */
const doc_renderer styr_xlsx_render = render_xlsx;
