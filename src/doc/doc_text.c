/*
** doc_text.c — narrative text in styr's light form turned into blocks,
** and the table of output formats.
*/
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "doc/render_pdf.h"

doc_renderer doc_renderer_find(const char *format)
{
	if(!strcmp(format, "html"))
		return render_html;
	if(!strcmp(format, "text"))
		return render_text;
	if(!strcmp(format, "xlsx"))
		return doc_render_xlsx;
	if(!strcmp(format, "pdf"))
		return doc_render_pdf;
	if(!strcmp(format, "docx"))
		return render_docx;
	return NULL;
}

static bool all_lines_start(const char *p, size_t len, bool numbered)
{
	const char *end = p + len;
	while(p < end) {
		if(numbered) {
			const char *q = p;
			while(q < end && *q >= '0' && *q <= '9')
				q++;
			if(q == p || q + 1 >= end || q[0] != '.' || q[1] != ' ')
				return false;
		} else if(end - p < 2 || p[0] != '-' || p[1] != ' ') {
			return false;
		}
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	return true;
}

static void add_list(struct doc *d, const char *p, size_t len, bool numbered)
{
	const char *end = p + len;
	doc_list_begin(d, numbered);
	while(p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		const char *t = numbered ? strchr(p, '.') + 2 : p + 2;
		char *item = strndup(t, (size_t)(e - t));
		doc_list_item(d, item);
		free(item);
		p = nl ? nl + 1 : end;
	}
}

void doc_add_text(struct doc *d, const char *text, int heading_level)
{
	const char *p = text;

	while(*p) {
		while(*p == '\n')
			p++;
		if(!*p)
			break;
		const char *e = strstr(p, "\n\n");
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *para = strndup(p, len);
		if(!strncmp(para, "### ", 4))
			doc_heading_plain(d, heading_level, para + 4);
		else if(all_lines_start(para, len, false))
			add_list(d, para, len, false);
		else if(all_lines_start(para, len, true))
			add_list(d, para, len, true);
		else
			doc_para(d, para);
		free(para);
		p += len;
	}
}

