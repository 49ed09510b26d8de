/*
** render_docx.c — a document as a Word file (Office Open XML, .docx), the
** format a committee drafts in.
**
** What the file holds: real Word styles (Title, Heading 1-3 with their
** outline levels, Caption, List Bullet/Number, TOC 1-3), so that the
** navigation pane, the table of contents and a screen reader see the
** structure; a table of contents field (TOC \o "1-3" \h), filled with
** the headings and updated with page numbers when the file is opened
** (settings: updateFields); tables with their header rows repeated on
** every page (tblHeader), rows that never split (cantSplit) and the
** model's layout rules as Word's own: a table of up to 15 rows kept on
** one page, a longer one with its first and last three rows together, a
** heading kept with what follows (keepNext); column widths from content
** (doc_table_widths, with widths estimated from the text); numbers
** right-aligned; long words in table cells with soft hyphens at their
** Swedish hyphenation points and a number kept with its unit by a
** no-break space; charts as PNG pictures drawn by the PDF renderer's own
** code (one look in every format) with their values as alternative text;
** the risk matrix as a shaded table; a running header and a footer with
** "Sida N av M" (PAGE and NUMPAGES fields); the title page without them.
** Page A4 with the PDF's margins. Document properties (title, author,
** subject, date, language sv-SE).
**
** The zip is written with minizip (the zip library libxlsxwriter already
** links) into memory; entries carry the document's date, so the same
** data gives the same bytes.
*/
#include "doc/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zip.h>

#include "base/money.h"
#include "doc/render_pdf.h"

#define TWIPS_PER_PT 20
#define EMU_PER_PT 12700
#define PAGE_W_TW 11906           /* A4 */
#define PAGE_H_TW 16838
#define MARGIN_X_TW 1134          /* 20 mm, as the PDF */
#define MARGIN_TOP_TW 1361        /* 24 mm */
#define MARGIN_BOT_TW 1247        /* 22 mm */
#define BODY_W_TW (PAGE_W_TW - 2 * MARGIN_X_TW)
#define FONT "DejaVu Sans"

/* ---- a zip in memory (minizip's file functions over a strbuf) -------- */

struct memfile {
	struct strbuf *buf;
	size_t pos;
};

static voidpf mem_open(voidpf opaque, const void *name, int mode)
{
	(void)name;
	(void)mode;
	return opaque;
}

static uLong mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	struct memfile *m = stream;
	(void)opaque;
	if(m->pos >= m->buf->len)
		return 0;
	if(size > m->buf->len - m->pos)
		size = (uLong)(m->buf->len - m->pos);
	memcpy(buf, m->buf->buf + m->pos, size);
	m->pos += size;
	return size;
}

static uLong mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	struct memfile *m = stream;
	(void)opaque;
	if(m->pos + size > m->buf->len) {
		size_t old = m->buf->len;
		strbuf_grow(m->buf, m->pos + size - old);
		memset(m->buf->buf + old, 0, m->pos + size - old);
		m->buf->len = m->pos + size;
		m->buf->buf[m->buf->len] = '\0';
	}
	memcpy(m->buf->buf + m->pos, buf, size);
	m->pos += size;
	return size;
}

static ZPOS64_T mem_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((struct memfile *)stream)->pos;
}

static long mem_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
	struct memfile *m = stream;
	(void)opaque;
	switch(origin) {
	case ZLIB_FILEFUNC_SEEK_SET: m->pos = (size_t)offset; break;
	case ZLIB_FILEFUNC_SEEK_CUR: m->pos += (size_t)offset; break;
	case ZLIB_FILEFUNC_SEEK_END: m->pos = m->buf->len + (size_t)offset; break;
	default: return -1;
	}
	return 0;
}

static int mem_close(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

static int mem_error(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

/* One file of the package; deflated unless stored (a PNG, already
** deflated: deflating it again took 3 ms a chart for 7 %). */
static bool zip_entry(zipFile zf, const char *name, const struct strbuf *data,
                      struct date date, bool stored)
{
	zip_fileinfo zi;
	memset(&zi, 0, sizeof(zi));
	zi.tmz_date.tm_year = (uInt)(date.year ? date.year : 1980);
	zi.tmz_date.tm_mon = (uInt)(date.year ? date.month - 1 : 0);
	zi.tmz_date.tm_mday = (uInt)(date.year ? date.day : 1);
	if(zipOpenNewFileInZip(zf, name, &zi, NULL, 0, NULL, 0, NULL, stored ? 0 : Z_DEFLATED,
	                       stored ? 0 : Z_DEFAULT_COMPRESSION) != ZIP_OK)
		return false;
	if(zipWriteInFileInZip(zf, data->buf, (unsigned)data->len) != ZIP_OK)
		return false;
	return zipCloseFileInZip(zf) == ZIP_OK;
}

/* ---- XML ------------------------------------------------------------ */

/* Escaped XML text; control characters other than tab and newline go. */
static void xml_text(struct strbuf *sb, const char *s)
{
	for(; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch(c) {
		case '&': strbuf_addstr(sb, "&amp;"); break;
		case '<': strbuf_addstr(sb, "&lt;"); break;
		case '>': strbuf_addstr(sb, "&gt;"); break;
		case '"': strbuf_addstr(sb, "&quot;"); break;
		default:
			if(c >= 0x20 || c == '\t' || c == '\n')
				strbuf_addch(sb, (char)c);
		}
	}
}

/* Runs of text in a paragraph: '\n' becomes a line break, U+00AD a Word
** soft hyphen; rpr is the run properties ("" for none). */
static void runs(struct strbuf *sb, const char *text, const char *rpr)
{
	const char *s = text;
	while(*s) {
		size_t n = 0;
		while(s[n] && s[n] != '\n' && !((unsigned char)s[n] == 0xc2 &&
		                                 (unsigned char)s[n + 1] == 0xad))
			n++;
		if(n) {
			char *piece = strndup(s, n);
			strbuf_addf(sb, "<w:r>%s<w:t xml:space=\"preserve\">", rpr);
			xml_text(sb, piece);
			strbuf_addstr(sb, "</w:t></w:r>");
			free(piece);
		}
		s += n;
		if(*s == '\n') {
			strbuf_addf(sb, "<w:r>%s<w:br/></w:r>", rpr);
			s++;
		} else if(*s) {
			strbuf_addf(sb, "<w:r>%s<w:softHyphen/></w:r>", rpr);
			s += 2;
		}
	}
}

static void para(struct strbuf *sb, const char *style, const char *ppr_extra,
                 const char *text, const char *rpr)
{
	strbuf_addstr(sb, "<w:p><w:pPr>");
	if(style)
		strbuf_addf(sb, "<w:pStyle w:val=\"%s\"/>", style);
	if(ppr_extra)
		strbuf_addstr(sb, ppr_extra);
	strbuf_addstr(sb, "</w:pPr>");
	runs(sb, text ? text : "", rpr ? rpr : "");
	strbuf_addstr(sb, "</w:p>");
}

static void page_break(struct strbuf *sb)
{
	strbuf_addstr(sb, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
}

/* ---- the writer ----------------------------------------------------- */

struct docx {
	const struct doc *d;
	struct strbuf body;           /* word/document.xml's body */
	struct strbuf numbering;      /* w:num entries, one per list */
	struct strbuf rels;           /* image relationships */
	struct strbuf *media;         /* media/imageN.png */
	size_t nmedia;
	int nlists;
	int bookmark;
	const struct pdf_module *pdf; /* charts and the logo: drawn by the PDF module */
	struct styr_error *err;       /* set when the PDF module could not be loaded */
	bool failed;
};

/* The PDF module, which draws the charts and the logo as PNG pictures;
** NULL (x->failed, x->err set) when it cannot be loaded. */
static const struct pdf_module *drawing(struct docx *x)
{
	if(!x->pdf && !x->failed && !(x->pdf = pdf_module(x->err)))
		x->failed = true;
	return x->pdf;
}

/* A heading's number and text: a tab between them in the heading, two
** spaces in the table of contents (whose tab is the page number's). */
static void heading_text(const struct doc_heading *h, struct strbuf *sb, bool tab)
{
	if(h->number && *h->number)
		strbuf_addf(sb, tab ? "%s\t" : "%s  ", h->number);
	strbuf_addstr(sb, h->text);
}

static bool logo_picture(struct docx *x, const char *path);

static void title_part(struct docx *x)
{
	const struct doc *d = x->d;
	char iso[11];
	if(d->org || d->logo) {
		/* the publisher's letterhead: logo and name */
		strbuf_addstr(&x->body, "<w:p><w:pPr><w:pStyle w:val=\"Letterhead\"/></w:pPr>");
		if(d->logo)
			logo_picture(x, d->logo);
		if(d->org)
			runs(&x->body, d->org, "<w:rPr><w:caps/></w:rPr>");
		strbuf_addstr(&x->body, "</w:p>");
	}
	para(&x->body, d->title_page ? "Title" : "TitleBlock", NULL, d->title, NULL);
	if(d->subtitle && *d->subtitle)
		para(&x->body, "Subtitle", NULL, d->subtitle, NULL);
	if(d->committee && *d->committee)
		para(&x->body, "Committee", NULL, d->committee, NULL);
	if(d->date.year) {
		date_format_iso(d->date, iso);
		para(&x->body, "Committee", NULL, iso, NULL);
	}
	if(d->title_page)
		page_break(&x->body);
}

/* The table of contents: a TOC field whose result is the headings
** (without page numbers until Word or LibreOffice updates it, which
** settings.xml asks for on opening). */
static void toc(struct docx *x)
{
	const struct doc *d = x->d;
	bool first = true;
	para(&x->body, "TOCHeading", NULL, "Innehåll", NULL);
	for(size_t i = 0; i < d->nblocks; i++) {
		struct strbuf t = STRBUF_INIT;
		const struct doc_heading *h;
		char style[8];
		if(d->blocks[i].type != DOC_HEADING)
			continue;
		h = &d->blocks[i].u.heading;
		snprintf(style, sizeof(style), "TOC%d", h->level);
		heading_text(h, &t, false);
		strbuf_addf(&x->body, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
		if(first) {
			strbuf_addstr(&x->body, "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
			                        "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u "
			                        "</w:instrText></w:r>"
			                        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
			first = false;
		}
		runs(&x->body, t.buf, "");
		strbuf_addstr(&x->body, "</w:p>");
		strbuf_release(&t);
	}
	if(first) /* no headings: an empty field */
		strbuf_addstr(&x->body, "<w:p><w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
		                        "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u "
		                        "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
		                        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
	else
		strbuf_addstr(&x->body, "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
	page_break(&x->body);
}

/* A cell's text with soft hyphens (long words) and no-break spaces
** between a number and its unit. */
static void cell_runs(struct strbuf *sb, const char *text, const char *rpr)
{
	struct strbuf hy = STRBUF_INIT;
	doc_hyphenate(text, 8, true, NULL, &hy);
	runs(sb, hy.buf, rpr);
	strbuf_release(&hy);
}

static const char *verdict_colour(enum doc_verdict v)
{
	switch(v) {
	case DOC_VERDICT_MET: return "2E7D32";
	case DOC_VERDICT_PARTLY: return "F2C200";
	case DOC_VERDICT_NOT_MET: return "C62828";
	case DOC_VERDICT_NONE: break;
	}
	return "9E9E9E";
}

/* Estimated widths of a text in points at 9 pt: the whole, the longest
** word, the longest piece between hyphenation points. DejaVu Sans is
** about 0,6 em a letter on average (digits 0,64), bold 0,68. */
static void est_widths(const char *text, bool bold, double *nat, double *min, double *minh)
{
	double em = 9.0 * (bold ? 0.68 : 0.62);
	size_t line = 0, word = 0, piece = 0;
	struct strbuf hy = STRBUF_INIT;
	*nat = *min = *minh = 0;
	doc_hyphenate(text, 8, true, "\x01", &hy);
	for(const char *s = hy.buf;; s++) {
		bool end = !*s || *s == '\n';
		if(end || *s == ' ') {
			if(word * em > *min)
				*min = (double)word * em;
			if(piece * em > *minh)
				*minh = (double)piece * em;
			word = piece = 0;
		}
		if(end) {
			if(line * em > *nat)
				*nat = (double)line * em;
			line = 0;
			if(!*s)
				break;
			continue;
		}
		if((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xad) {
			if((piece + 1) * em > *minh)
				*minh = (double)(piece + 1) * em;
			piece = 0;
			s++;
			continue;
		}
		if(((unsigned char)*s & 0xc0) != 0x80) {
			line++;
			if(*s != ' ') {
				word++;
				piece++;
			}
		}
	}
	strbuf_release(&hy);
}

/* The column widths of t in twips, from content (doc_table_widths). */
static void column_twips(const struct doc_table *t, int *tw)
{
	size_t nc = t->ncols;
	double *nat = xcalloc(nc, sizeof(double)), *min = xcalloc(nc, sizeof(double));
	double *minh = xcalloc(nc, sizeof(double)), *w = xcalloc(nc, sizeof(double));
	const double pad = 2 * 5.4; /* cell margins, points */
	double avail = (double)BODY_W_TW / TWIPS_PER_PT;

	for(size_t r = 0; r < t->nrows; r++) {
		const struct doc_row *row = &t->rows[r];
		bool head = row->flags & DOC_ROW_HEADER;
		size_t col = 0;
		for(size_t i = 0; i < row->ncells && col < nc; i++) {
			const struct doc_cell *c = &row->cells[i];
			if(c->colspan <= 1) {
				struct strbuf sb = STRBUF_INIT;
				double n, m, mh;
				doc_cell_format(c, &sb);
				est_widths(sb.buf, head || (row->flags & DOC_ROW_TOTAL), &n, &m, &mh);
				if(doc_cell_is_numeric(c) || c->type == DOC_CELL_DATE)
					m = mh = n;
				if(c->type == DOC_CELL_VERDICT) {
					n += 10;
					m += 10;
					mh += 10;
				}
				if(head)
					n = m; /* header cells wrap at their words first */
				nat[col] = n > nat[col] ? n : nat[col];
				min[col] = m > min[col] ? m : min[col];
				minh[col] = mh > minh[col] ? mh : minh[col];
				strbuf_release(&sb);
			}
			col += (size_t)(c->colspan > 0 ? c->colspan : 1);
		}
	}
	for(size_t c = 0; c < nc; c++) {
		nat[c] += pad;
		min[c] += pad;
		minh[c] += pad;
		if(nat[c] < min[c])
			nat[c] = min[c];
	}
	doc_table_widths(t, nat, min, minh, avail, w);
	for(size_t c = 0; c < nc; c++)
		tw[c] = (int)(w[c] * TWIPS_PER_PT);
	free(nat);
	free(min);
	free(minh);
	free(w);
}

static void table(struct docx *x, const struct doc_table *t)
{
	struct strbuf *b = &x->body;
	size_t nc = t->ncols, nh = doc_table_header_rows(t), n = t->nrows;
	bool whole = doc_table_keep_whole(t);
	int *tw = xcalloc(nc ? nc : 1, sizeof(int));
	bool *numeric = xcalloc(nc ? nc : 1, sizeof(bool));

	if(!nc) {
		free(tw);
		free(numeric);
		return;
	}
	if(t->caption && *t->caption && !t->caption_is_heading)
		para(b, "Caption", "<w:keepNext/>", t->caption, NULL);
	column_twips(t, tw);
	for(size_t r = nh; r < n; r++) {
		size_t col = 0;
		for(size_t i = 0; i < t->rows[r].ncells && col < nc; i++) {
			if(doc_cell_is_numeric(&t->rows[r].cells[i]))
				numeric[col] = true;
			col += (size_t)(t->rows[r].cells[i].colspan > 0 ? t->rows[r].cells[i].colspan : 1);
		}
	}
	strbuf_addstr(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"StyrTable\"/>"
	                 "<w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>");
	if(t->caption)
		strbuf_addstr(b, "<w:tblCaption w:val=\""), xml_text(b, t->caption), strbuf_addstr(b, "\"/>");
	strbuf_addstr(b, "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" "
	                 "w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
	for(size_t c = 0; c < nc; c++)
		strbuf_addf(b, "<w:gridCol w:w=\"%d\"/>", tw[c]);
	strbuf_addstr(b, "</w:tblGrid>");
	for(size_t r = 0; r < n; r++) {
		const struct doc_row *row = &t->rows[r];
		bool head = row->flags & DOC_ROW_HEADER, total = row->flags & DOC_ROW_TOTAL;
		bool group = row->flags & DOC_ROW_GROUP;
		/* Word keeps rows together through their paragraphs' keepNext:
		** a short table whole, a long one's first and last three rows */
		bool keep = head || (r + 1 < n && (whole || r < nh + DOC_TABLE_MIN_SPLIT - 1 ||
		                                   r + DOC_TABLE_MIN_SPLIT >= n || group));
		size_t col = 0;
		strbuf_addstr(b, "<w:tr><w:trPr><w:cantSplit/>");
		if(head)
			strbuf_addstr(b, "<w:tblHeader/>");
		strbuf_addstr(b, "</w:trPr>");
		for(size_t i = 0; i < row->ncells && col < nc; i++) {
			const struct doc_cell *c = &row->cells[i];
			int span = c->colspan > 0 ? c->colspan : 1, w = 0;
			struct strbuf txt = STRBUF_INIT;
			bool right = doc_cell_is_numeric(c) || (head && span == 1 && numeric[col]);
			for(int k = 0; k < span && col + (size_t)k < nc; k++)
				w += tw[col + (size_t)k];
			strbuf_addf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", w);
			if(span > 1)
				strbuf_addf(b, "<w:gridSpan w:val=\"%d\"/>", span);
			if(head || group)
				strbuf_addstr(b, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8EEF5\"/>");
			if(total)
				strbuf_addstr(b, "<w:tcBorders><w:top w:val=\"single\" w:sz=\"8\" w:color=\"000000\"/>"
				                 "</w:tcBorders>");
			strbuf_addstr(b, "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>");
			if(keep)
				strbuf_addstr(b, "<w:keepNext/>");
			if(right)
				strbuf_addstr(b, "<w:jc w:val=\"right\"/>");
			strbuf_addstr(b, "</w:pPr>");
			if(c->type == DOC_CELL_VERDICT)
				strbuf_addf(b, "<w:r><w:rPr><w:color w:val=\"%s\"/></w:rPr><w:t xml:space=\"preserve\">"
				               "\xe2\x97\x8f </w:t></w:r>", verdict_colour(c->verdict));
			doc_cell_format(c, &txt);
			/* numbers too: "-34 559" and "6,72 %" keep together */
			cell_runs(b, txt.buf, head || total || group ? "<w:rPr><w:b/></w:rPr>" : "");
			strbuf_addstr(b, "</w:p></w:tc>");
			strbuf_release(&txt);
			col += (size_t)span;
		}
		strbuf_addstr(b, "</w:tr>");
	}
	strbuf_addstr(b, "</w:tbl>");
	if(t->note && *t->note)
		para(b, "Note", NULL, t->note, NULL);
	if(t->source && *t->source) {
		struct strbuf s = STRBUF_INIT;
		strbuf_addf(&s, "Källa: %s", t->source);
		para(b, "Note", NULL, s.buf, NULL);
		strbuf_release(&s);
	}
	if(!(t->note && *t->note) && !(t->source && *t->source))
		para(b, "Note", NULL, "", NULL); /* Word needs a paragraph between tables */
	free(tw);
	free(numeric);
}

/* A chart as a picture drawn by the PDF renderer's chart code. */
static void chart(struct docx *x, const struct doc_chart *c)
{
	struct strbuf png = STRBUF_INIT, alt = STRBUF_INIT;
	struct doc_chart bare = *c;
	double w, h;
	size_t id;

	/* the title is the caption paragraph above the picture */
	bare.title = NULL;
	if(!drawing(x) || !x->pdf->chart_png(&bare, 3.0, &png, &w, &h)) {
		strbuf_release(&png);
		return;
	}
	x->media = xrealloc(x->media, (x->nmedia + 1) * sizeof(*x->media));
	x->media[x->nmedia] = png;
	id = ++x->nmedia;
	strbuf_addf(&x->rels, "<Relationship Id=\"rIdImg%zu\" "
	                      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
	                      "Target=\"media/image%zu.png\"/>", id, id);
	/* the alternative text: every value, as the HTML's description */
	strbuf_addf(&alt, "%s. ", c->title ? c->title : "");
	for(size_t s = 0; s < c->nseries; s++) {
		strbuf_addf(&alt, "%s: ", c->series[s].name ? c->series[s].name : "");
		for(size_t i = 0; i < c->nlabels; i++) {
			strbuf_addf(&alt, "%s%s ", i ? ", " : "", c->labels[i]);
			if(!c->series[s].present || c->series[s].present[i])
				fmt_decimal_sv(&alt, c->series[s].values[i], c->decimals);
			else
				strbuf_addstr(&alt, "saknar värde");
		}
		strbuf_addstr(&alt, ". ");
	}
	if(c->title && *c->title)
		para(&x->body, "Caption", "<w:keepNext/>", c->title, NULL);
	strbuf_addf(&x->body, "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing>"
	                      "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
	                      "<wp:extent cx=\"%ld\" cy=\"%ld\"/><wp:docPr id=\"%zu\" name=\"Diagram %zu\" descr=\"",
	            (long)(w * EMU_PER_PT), (long)(h * EMU_PER_PT), id, id);
	xml_text(&x->body, alt.buf);
	strbuf_addf(&x->body, "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
	                      "</wp:cNvGraphicFramePr><a:graphic><a:graphicData "
	                      "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
	                      "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"%zu\" name=\"image%zu.png\"/>"
	                      "<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImg%zu\"/>"
	                      "<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr>"
	                      "<a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%ld\" cy=\"%ld\"/></a:xfrm>"
	                      "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
	                      "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
	            id, id, id, (long)(w * EMU_PER_PT), (long)(h * EMU_PER_PT));
	strbuf_release(&alt);
}

/* The risk matrix as a table: probability rows (4 at the top), consequence
** columns, each cell shaded in its level's colour with the count. */
static void matrix(struct docx *x, const struct doc_riskmatrix *m)
{
	struct strbuf *b = &x->body;
	int tw = BODY_W_TW / 5;
	if(m->title && *m->title)
		para(b, "Caption", "<w:keepNext/>", m->title, NULL);
	strbuf_addstr(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"StyrTable\"/>"
	                 "<w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
	for(int c = 0; c < 5; c++)
		strbuf_addf(b, "<w:gridCol w:w=\"%d\"/>", tw);
	strbuf_addstr(b, "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
	for(int c = -1; c < 4; c++) {
		struct strbuf t = STRBUF_INIT;
		if(c < 0)
			strbuf_addf(&t, "%s \\ %s", m->prob_axis ? m->prob_axis : "",
			            m->cons_axis ? m->cons_axis : "");
		else
			strbuf_addf(&t, "%d %s", c + 1, m->cons_label[c] ? m->cons_label[c] : "");
		strbuf_addf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>"
		               "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:keepNext/></w:pPr>", tw);
		runs(b, t.buf, "<w:rPr><w:b/></w:rPr>");
		strbuf_addstr(b, "</w:p></w:tc>");
		strbuf_release(&t);
	}
	strbuf_addstr(b, "</w:tr>");
	for(int p = 3; p >= 0; p--) {
		struct strbuf t = STRBUF_INIT;
		strbuf_addstr(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		strbuf_addf(&t, "%d %s", p + 1, m->prob_label[p] ? m->prob_label[p] : "");
		strbuf_addf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>"
		               "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>%s</w:pPr>", tw,
		            p ? "<w:keepNext/>" : "");
		runs(b, t.buf, "<w:rPr><w:b/></w:rPr>");
		strbuf_addstr(b, "</w:p></w:tc>");
		for(int c = 0; c < 4; c++) {
			uint32_t bg = m->colour[p][c] & 0xffffff;
			double lum = 0.299 * ((bg >> 16) & 0xff) + 0.587 * ((bg >> 8) & 0xff) +
			             0.114 * (bg & 0xff);
			strbuf_reset(&t);
			strbuf_addf(&t, "%d", (p + 1) * (c + 1));
			if(m->count[p][c])
				strbuf_addf(&t, "\n%d st", m->count[p][c]);
			if(m->level[p][c] && *m->level[p][c])
				strbuf_addf(&t, "\n%s", m->level[p][c]);
			strbuf_addf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>"
			               "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%06X\"/></w:tcPr>"
			               "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:jc w:val=\"center\"/>%s</w:pPr>",
			            tw, (unsigned)bg, p ? "<w:keepNext/>" : "");
			runs(b, t.buf, lum < 128 ? "<w:rPr><w:color w:val=\"FFFFFF\"/></w:rPr>" : "");
			strbuf_addstr(b, "</w:p></w:tc>");
		}
		strbuf_addstr(b, "</w:tr>");
		strbuf_release(&t);
	}
	strbuf_addstr(b, "</w:tbl>");
	if(m->source && *m->source) {
		struct strbuf s = STRBUF_INIT;
		strbuf_addf(&s, "Källa: %s", m->source);
		para(b, "Note", NULL, s.buf, NULL);
		strbuf_release(&s);
	} else {
		para(b, "Note", NULL, "", NULL);
	}
}

static void list(struct docx *x, const struct doc_list *l)
{
	int num = ++x->nlists + 2; /* 1 and 2 are the plain bullet and number lists */
	strbuf_addf(&x->numbering, "<w:num w:numId=\"%d\"><w:abstractNumId w:val=\"%d\"/>"
	                           "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>"
	                           "</w:lvlOverride></w:num>", num, l->ordered ? 1 : 0);
	for(size_t i = 0; i < l->nitems; i++) {
		char ppr[96];
		snprintf(ppr, sizeof(ppr), "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"%d\"/></w:numPr>", num);
		para(&x->body, l->ordered ? "ListNumber" : "ListBullet", ppr, l->items[i], NULL);
	}
}

static void deflist(struct docx *x, const struct doc_deflist *l)
{
	struct strbuf *b = &x->body;
	int t1 = BODY_W_TW * 32 / 100, t2 = BODY_W_TW - t1;
	strbuf_addf(b, "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
	               "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"%d\"/>"
	               "<w:gridCol w:w=\"%d\"/></w:tblGrid>", t1, t2);
	for(size_t i = 0; i < l->n; i++) {
		strbuf_addf(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"%d\" "
		               "w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>", t1);
		runs(b, l->terms[i], "<w:rPr><w:b/></w:rPr>");
		strbuf_addf(b, "</w:p></w:tc><w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>"
		               "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>", t2);
		runs(b, l->defs[i], "");
		strbuf_addstr(b, "</w:p></w:tc></w:tr>");
	}
	strbuf_addstr(b, "</w:tbl>");
	para(b, "Note", NULL, "", NULL);
}

/* Signature lines as a borderless table, two to a row: room to sign, a
** line (the cell's top border), the name and the role. */
static void signatures(struct docx *x, const struct doc_signatures *g)
{
	struct strbuf *b = &x->body;
	int half = (BODY_W_TW - 480) / 2;
	if(g->intro && *g->intro)
		para(b, NULL, "<w:keepNext/><w:spacing w:before=\"240\"/>", g->intro, "<w:rPr><w:b/></w:rPr>");
	strbuf_addf(b, "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>"
	               "</w:tblPr><w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"480\"/>"
	               "<w:gridCol w:w=\"%d\"/></w:tblGrid>", half, half);
	for(size_t i = 0; i < g->n; i += 2) {
		strbuf_addstr(b, "<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val=\"1100\"/></w:trPr>");
		for(size_t k = i; k < i + 2; k++) {
			if(k > i)
				strbuf_addstr(b, "<w:tc><w:tcPr><w:tcW w:w=\"480\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>");
			strbuf_addf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/><w:vAlign w:val=\"bottom\"/>"
			               "</w:tcPr>", half);
			if(k < g->n) {
				strbuf_addstr(b, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:pBdr><w:top w:val=\"single\" "
				                 "w:sz=\"6\" w:space=\"2\" w:color=\"000000\"/></w:pBdr></w:pPr>");
				runs(b, *g->names[k] ? g->names[k] : " ", "");
				strbuf_addstr(b, "</w:p>");
				para(b, "Note", "<w:spacing w:before=\"0\" w:after=\"0\"/>", g->roles[k], NULL);
			} else {
				strbuf_addstr(b, "<w:p/>");
			}
			strbuf_addstr(b, "</w:tc>");
		}
		strbuf_addstr(b, "</w:tr>");
	}
	strbuf_addstr(b, "</w:tbl>");
	para(b, "Note", NULL, "", NULL);
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A PNG file as it is, in *png, and the size it is shown at (fitted into
** the logo's box, as the PDF fits it); false when path is not a PNG
** (its signature and header) or cannot be read. Word scales the
** picture itself, so a PNG logo needs no drawing code. */
static bool png_as_is(const char *path, struct strbuf *png, double *w, double *h)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	const unsigned char *b;
	uint32_t iw, ih;
	double k;

	if(strbuf_read_file(png, path) < 0 || png->len < 33)
		return false;
	b = (const unsigned char *)png->buf;
	if(memcmp(b, sig, 8) || be32(b + 8) != 13 || memcmp(b + 12, "IHDR", 4))
		return false;
	iw = be32(b + 16);
	ih = be32(b + 20);
	if(!iw || !ih || iw > 100000 || ih > 100000)
		return false;
	k = doc_fit_scale(iw, ih, DOC_LOGO_MAX_W, DOC_LOGO_MAX_H);
	*w = iw * k;
	*h = ih * k;
	return true;
}

/* The publisher's logo (a PNG or SVG file) as a picture; false when
** there is none or it cannot be read. */
static bool logo_picture(struct docx *x, const char *path)
{
	struct strbuf png = STRBUF_INIT;
	size_t id;
	double w, h, k = 1;

	/* a PNG as it is; an SVG (by its name, as pdf_logo.c tells them
	** apart) rasterised at 4 pixels a point */
	if(!png_as_is(path, &png, &w, &h)) {
		size_t n = strlen(path);
		strbuf_reset(&png);
		if(n < 4 || strcasecmp(path + n - 4, ".svg") || !drawing(x) ||
		   !x->pdf->logo_png(path, DOC_LOGO_MAX_W, DOC_LOGO_MAX_H, 4.0, &png, &w, &h)) {
			strbuf_release(&png);
			return false;
		}
	}

	x->media = xrealloc(x->media, (x->nmedia + 1) * sizeof(*x->media));
	x->media[x->nmedia] = png;
	id = ++x->nmedia;
	strbuf_addf(&x->rels, "<Relationship Id=\"rIdImg%zu\" "
	                      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
	                      "Target=\"media/image%zu.png\"/>", id, id);
	strbuf_addf(&x->body, "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
	                      "<wp:extent cx=\"%ld\" cy=\"%ld\"/><wp:docPr id=\"%zu\" name=\"Logotyp\" descr=\"",
	            (long)((double)w * k * EMU_PER_PT), (long)((double)h * k * EMU_PER_PT), id);
	xml_text(&x->body, x->d->org ? x->d->org : "Logotyp");
	strbuf_addf(&x->body, "\"/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
	                      "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"%zu\" name=\"logo.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
	                      "<pic:blipFill><a:blip r:embed=\"rIdImg%zu\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
	                      "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%ld\" cy=\"%ld\"/></a:xfrm>"
	                      "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>"
	                      "</a:graphic></wp:inline></w:drawing></w:r><w:r><w:t xml:space=\"preserve\">  </w:t></w:r>",
	            id, id, (long)((double)w * k * EMU_PER_PT), (long)((double)h * k * EMU_PER_PT));
	return true;
}

static void blocks(struct docx *x)
{
	const struct doc *d = x->d;
	for(size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		switch(b->type) {
		case DOC_HEADING: {
			struct strbuf t = STRBUF_INIT;
			char style[20]; /* "Heading" and an int, as -O0 reckons it */
			int lv = b->u.heading.level < 1 ? 1 : b->u.heading.level > 3 ? 3 : b->u.heading.level;
			snprintf(style, sizeof(style), "Heading%d", lv);
			heading_text(&b->u.heading, &t, true);
			/* a bookmark named by the heading's id, for links */
			strbuf_addf(&x->body, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>"
			                      "<w:bookmarkStart w:id=\"%d\" w:name=\"", style, x->bookmark);
			xml_text(&x->body, b->u.heading.id);
			strbuf_addstr(&x->body, "\"/>");
			runs(&x->body, t.buf, "");
			strbuf_addf(&x->body, "<w:bookmarkEnd w:id=\"%d\"/></w:p>", x->bookmark++);
			strbuf_release(&t);
			break;
		}
		case DOC_PARA:
			para(&x->body, NULL, NULL, b->u.para, NULL);
			break;
		case DOC_LIST:
			list(x, &b->u.list);
			break;
		case DOC_DEFLIST:
			deflist(x, &b->u.deflist);
			break;
		case DOC_TABLE:
			table(x, &b->u.table);
			break;
		case DOC_CHART:
			chart(x, &b->u.chart);
			break;
		case DOC_RISKMATRIX:
			matrix(x, &b->u.matrix);
			break;
		case DOC_PAGEBREAK:
			page_break(&x->body);
			break;
		case DOC_SIGNATURES:
			signatures(x, &b->u.sig);
			break;
		}
	}
	if(d->natt) {
		para(&x->body, "Heading1", NULL, "Bilagor", NULL);
		for(size_t i = 0; i < d->natt; i++) {
			char ppr[96];
			snprintf(ppr, sizeof(ppr), "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>");
			para(&x->body, "ListBullet", ppr, d->att[i].title, NULL);
		}
	}
}

/* ---- the package parts ---------------------------------------------- */

static const char content_types[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
"<Default Extension=\"png\" ContentType=\"image/png\"/>"
"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
"<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
"<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
"<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
"<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
"<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
"</Types>";

static const char package_rels[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
"</Relationships>";

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

/* Styles: the house look of the PDF (DejaVu Sans, the accent colour). */
static void styles_xml(struct strbuf *s, const struct doc *d)
{
	char accent[8];
	snprintf(accent, sizeof(accent), "%06X", (unsigned)doc_accent(d));
	strbuf_addstr(s, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles " W_NS ">"
	                 "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"" FONT "\" w:hAnsi=\"" FONT
	                 "\" w:cs=\"" FONT "\" w:eastAsia=\"" FONT "\"/><w:sz w:val=\"19\"/>"
	                 "<w:szCs w:val=\"19\"/><w:lang w:val=\"sv-SE\"/></w:rPr></w:rPrDefault>"
	                 "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>"
	                 "</w:pPr></w:pPrDefault></w:docDefaults>"
	                 "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
	                 "<w:pPr><w:widowControl/></w:pPr></w:style>");
	strbuf_addf(s, "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
	               "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"3600\" "
	               "w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"%s\"/><w:sz w:val=\"48\"/></w:rPr></w:style>"
	               "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TitleBlock\">"
	               "<w:name w:val=\"Title Block\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
	               "<w:pPr><w:spacing w:after=\"120\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"%s\"/>"
	               "<w:sz w:val=\"30\"/></w:rPr></w:style>"
	               "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Letterhead\">"
	               "<w:name w:val=\"Letterhead\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"240\"/>"
	               "</w:pPr><w:rPr><w:b/><w:color w:val=\"%s\"/></w:rPr></w:style>"
	               "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/>"
	               "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"480\"/></w:pPr>"
	               "<w:rPr><w:sz w:val=\"28\"/></w:rPr></w:style>"
	               "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Committee\">"
	               "<w:name w:val=\"Committee\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\"/>"
	               "</w:pPr><w:rPr><w:color w:val=\"595959\"/></w:rPr></w:style>", accent, accent, accent);
	for(int l = 1; l <= 3; l++) {
		static const int size[] = { 0, 30, 24, 21 }, before[] = { 0, 360, 240, 200 };
		strbuf_addf(s, "<w:style w:type=\"paragraph\" w:styleId=\"Heading%d\"><w:name w:val=\"heading %d\"/>"
		               "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
		               "<w:keepLines/><w:spacing w:before=\"%d\" w:after=\"120\"/><w:outlineLvl w:val=\"%d\"/>"
		               "<w:tabs><w:tab w:val=\"left\" w:pos=\"%d\"/></w:tabs></w:pPr>"
		               "<w:rPr><w:b/><w:color w:val=\"%s\"/><w:sz w:val=\"%d\"/></w:rPr></w:style>",
		            l, l, before[l], l - 1, 720, accent, size[l]);
		strbuf_addf(s, "<w:style w:type=\"paragraph\" w:styleId=\"TOC%d\"><w:name w:val=\"toc %d\"/>"
		               "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:tabs>"
		               "<w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"%d\"/></w:tabs><w:spacing w:after=\"60\"/>"
		               "<w:ind w:left=\"%d\"/></w:pPr>%s</w:style>",
		            l, l, BODY_W_TW, (l - 1) * 280, l == 1 ? "<w:rPr><w:b/></w:rPr>" : "");
	}
	strbuf_addf(s, "<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/>"
	               "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing "
	               "w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"%s\"/><w:sz w:val=\"30\"/></w:rPr></w:style>"
	               "<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/>"
	               "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing "
	               "w:before=\"120\" w:after=\"60\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
	               "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
	               "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
	               "</w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
	               "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Note\"><w:name w:val=\"Note\"/>"
	               "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"40\" w:after=\"160\"/></w:pPr>"
	               "<w:rPr><w:color w:val=\"595959\"/><w:sz w:val=\"15\"/></w:rPr></w:style>"
	               "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/>"
	               "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\"/></w:pPr></w:style>"
	               "<w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:name w:val=\"List Number\"/>"
	               "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\"/></w:pPr></w:style>"
	               "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/>"
	               "<w:basedOn w:val=\"Normal\"/><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"%d\"/></w:tabs>"
	               "<w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:color w:val=\"595959\"/><w:sz w:val=\"15\"/></w:rPr></w:style>"
	               "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
	               "<w:basedOn w:val=\"Header\"/></w:style>"
	               "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"StyrTable\"><w:name w:val=\"Styr Table\"/>"
	               "<w:tblPr><w:tblBorders><w:bottom w:val=\"single\" w:sz=\"4\" w:color=\"C8C8C8\"/>"
	               "<w:insideH w:val=\"single\" w:sz=\"4\" w:color=\"C8C8C8\"/></w:tblBorders>"
	               "<w:tblCellMar><w:top w:w=\"50\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
	               "<w:bottom w:w=\"50\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar>"
	               "</w:tblPr></w:style></w:styles>", accent, BODY_W_TW);
}

static void numbering_xml(struct strbuf *s, const struct strbuf *nums)
{
	strbuf_addstr(s, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering " W_NS ">"
	                 "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>"
	                 "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>"
	                 "<w:lvlText w:val=\"\xe2\x80\xa2\"/><w:lvlJc w:val=\"left\"/><w:pPr>"
	                 "<w:ind w:left=\"360\" w:hanging=\"280\"/></w:pPr></w:lvl></w:abstractNum>"
	                 "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/>"
	                 "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
	                 "<w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/><w:pPr>"
	                 "<w:ind w:left=\"400\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
	                 "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
	                 "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>");
	strbuf_add(s, nums->buf, nums->len);
	strbuf_addstr(s, "</w:numbering>");
}

static const char settings_xml[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings " W_NS ">"
"<w:updateFields w:val=\"true\"/><w:defaultTabStop w:val=\"720\"/>"
"<w:characterSpacingControl w:val=\"doNotCompress\"/>"
"<w:themeFontLang w:val=\"sv-SE\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
"w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";

/* A field (PAGE, NUMPAGES) as runs. */
static void field(struct strbuf *s, const char *instr, const char *shown)
{
	strbuf_addf(s, "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> %s "
	               "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>%s</w:t></w:r>"
	               "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>", instr, shown);
}

static void header_xml(struct strbuf *s, const struct doc *d)
{
	const char *left = d->header ? d->header : d->committee ? d->committee : "";
	strbuf_addstr(s, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr " W_NS ">"
	                 "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" "
	                 "w:space=\"4\" w:color=\"595959\"/></w:pBdr></w:pPr>");
	runs(s, left, "");
	strbuf_addstr(s, "<w:r><w:tab/></w:r>");
	runs(s, d->title, "");
	strbuf_addstr(s, "</w:p></w:hdr>");
}

static void footer_xml(struct strbuf *s, const struct doc *d)
{
	char iso[11];
	strbuf_addstr(s, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr " W_NS ">");
	if(d->nsign_boxes) {
		/* boxes for initials on every page, right-aligned */
		strbuf_addstr(s, "<w:tbl><w:tblPr><w:jc w:val=\"right\"/><w:tblLayout w:type=\"fixed\"/>"
		                 "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:color=\"000000\"/>"
		                 "<w:left w:val=\"single\" w:sz=\"4\" w:color=\"000000\"/>"
		                 "<w:bottom w:val=\"single\" w:sz=\"4\" w:color=\"000000\"/>"
		                 "<w:right w:val=\"single\" w:sz=\"4\" w:color=\"000000\"/>"
		                 "<w:insideV w:val=\"single\" w:sz=\"4\" w:color=\"000000\"/></w:tblBorders></w:tblPr><w:tblGrid>");
		for(size_t i = 0; i < d->nsign_boxes; i++)
			strbuf_addstr(s, "<w:gridCol w:w=\"1920\"/>");
		strbuf_addstr(s, "</w:tblGrid><w:tr><w:trPr><w:trHeight w:val=\"480\"/></w:trPr>");
		for(size_t i = 0; i < d->nsign_boxes; i++) {
			strbuf_addstr(s, "<w:tc><w:tcPr><w:tcW w:w=\"1920\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr>"
			                 "<w:pStyle w:val=\"Footer\"/></w:pPr>");
			runs(s, d->sign_boxes[i], "");
			strbuf_addstr(s, "</w:p></w:tc>");
		}
		strbuf_addstr(s, "</w:tr></w:tbl>");
	}
	strbuf_addstr(s, "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:pBdr><w:top w:val=\"single\" w:sz=\"4\" "
	                 "w:space=\"4\" w:color=\"595959\"/></w:pBdr></w:pPr>");
	runs(s, d->footer ? d->footer : "", "");
	strbuf_addstr(s, "<w:r><w:tab/></w:r>");
	if(d->date.year) {
		date_format_iso(d->date, iso);
		strbuf_addf(s, "<w:r><w:t xml:space=\"preserve\">%s    </w:t></w:r>", iso);
	}
	strbuf_addstr(s, "<w:r><w:t xml:space=\"preserve\">Sida </w:t></w:r>");
	field(s, "PAGE", "1");
	strbuf_addstr(s, "<w:r><w:t xml:space=\"preserve\"> av </w:t></w:r>");
	field(s, "NUMPAGES", "1");
	strbuf_addstr(s, "</w:p></w:ftr>");
}

static void core_xml(struct strbuf *s, const struct doc *d)
{
	char iso[11];
	strbuf_addstr(s, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	                 "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
	                 "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	                 "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
	xml_text(s, d->title);
	strbuf_addstr(s, "</dc:title>");
	if(d->subtitle) {
		strbuf_addstr(s, "<dc:subject>");
		xml_text(s, d->subtitle);
		strbuf_addstr(s, "</dc:subject>");
	}
	if(d->committee) {
		strbuf_addstr(s, "<dc:creator>");
		xml_text(s, d->committee);
		strbuf_addstr(s, "</dc:creator>");
	}
	strbuf_addf(s, "<dc:language>%s</dc:language>", d->language && !strcmp(d->language, "sv") ? "sv-SE" : "sv-SE");
	if(d->date.year) {
		date_format_iso(d->date, iso);
		strbuf_addf(s, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%sT00:00:00Z</dcterms:created>"
		               "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%sT00:00:00Z</dcterms:modified>", iso, iso);
	}
	strbuf_addstr(s, "</cp:coreProperties>");
}

static const char app_xml[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
"<Application>styr</Application></Properties>";

static void document_xml(struct strbuf *s, struct docx *x)
{
	const struct doc *d = x->d;
	strbuf_addstr(s, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " W_NS " "
	                 "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
	                 "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
	                 "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>");
	strbuf_add(s, x->body.buf, x->body.len);
	strbuf_addf(s, "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
	               "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
	               "<w:pgSz w:w=\"%d\" w:h=\"%d\"/><w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" "
	               "w:left=\"%d\" w:header=\"680\" w:footer=\"680\" w:gutter=\"0\"/>%s</w:sectPr>"
	               "</w:body></w:document>",
	            PAGE_W_TW, PAGE_H_TW, MARGIN_TOP_TW, MARGIN_X_TW, MARGIN_BOT_TW, MARGIN_X_TW,
	            d->title_page ? "<w:titlePg/>" : "");
}

static void document_rels(struct strbuf *s, const struct docx *x)
{
	strbuf_addstr(s, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	                 "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	                 "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
	                 "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
	                 "<Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
	                 "<Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
	                 "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>");
	strbuf_add(s, x->rels.buf, x->rels.len);
	strbuf_addstr(s, "</Relationships>");
}

enum styr_rc render_docx(const struct doc *d, struct strbuf *out, struct styr_error *err)
{
	struct docx x;
	struct strbuf part = STRBUF_INIT, zipbuf = STRBUF_INIT;
	struct memfile mf = { &zipbuf, 0 };
	zlib_filefunc64_def io = {
		.zopen64_file = mem_open, .zread_file = mem_read, .zwrite_file = mem_write,
		.ztell64_file = mem_tell, .zseek64_file = mem_seek, .zclose_file = mem_close,
		.zerror_file = mem_error, .opaque = &mf,
	};
	zipFile zf;
	bool ok = true;

	memset(&x, 0, sizeof(x));
	strbuf_init(&x.body);
	strbuf_init(&x.numbering);
	strbuf_init(&x.rels);
	x.d = d;
	x.err = err;
	title_part(&x);
	if(d->toc)
		toc(&x);
	blocks(&x);

	if(x.failed) {
		ok = false;
		goto done;
	}
	zf = zipOpen2_64("styr.docx", APPEND_STATUS_CREATE, NULL, &io);
	if(!zf) {
		ok = false;
		goto done;
	}
#define ENTRY(name, fill) do { strbuf_reset(&part); fill; \
		ok = ok && zip_entry(zf, name, &part, d->date, false); } while(0)
	ENTRY("[Content_Types].xml", strbuf_addstr(&part, content_types));
	ENTRY("_rels/.rels", strbuf_addstr(&part, package_rels));
	ENTRY("docProps/core.xml", core_xml(&part, d));
	ENTRY("docProps/app.xml", strbuf_addstr(&part, app_xml));
	ENTRY("word/document.xml", document_xml(&part, &x));
	ENTRY("word/_rels/document.xml.rels", document_rels(&part, &x));
	ENTRY("word/styles.xml", styles_xml(&part, d));
	ENTRY("word/settings.xml", strbuf_addstr(&part, settings_xml));
	ENTRY("word/numbering.xml", numbering_xml(&part, &x.numbering));
	ENTRY("word/header1.xml", header_xml(&part, d));
	ENTRY("word/footer1.xml", footer_xml(&part, d));
#undef ENTRY
	for(size_t i = 0; i < x.nmedia && ok; i++) {
		char name[48];
		snprintf(name, sizeof(name), "word/media/image%zu.png", i + 1);
		ok = zip_entry(zf, name, &x.media[i], d->date, true);
	}
	if(zipClose(zf, NULL) != ZIP_OK)
		ok = false;
done:
	if(ok)
		strbuf_add(out, zipbuf.buf, zipbuf.len);
	for(size_t i = 0; i < x.nmedia; i++)
		strbuf_release(&x.media[i]);
	free(x.media);
	strbuf_release(&x.body);
	strbuf_release(&x.numbering);
	strbuf_release(&x.rels);
	strbuf_release(&part);
	strbuf_release(&zipbuf);
	if(x.failed)
		return STYR_EIO;
	return ok ? STYR_OK : styr_error_set(err, STYR_EIO, "docx: the zip could not be written");
}
