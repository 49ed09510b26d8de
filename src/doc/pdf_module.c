/*
** pdf_module.c — the program's side of the PDF module styr-pdf.so (see
** render_pdf.h): found and loaded on first use by base/loadable.c.
*/
#include "doc/render_pdf.h"

#include "base/loadable.h"

const struct pdf_module *pdf_module(struct styr_error *err)
{
	return loadable_symbol("styr-pdf.so", "styr_pdf_module", err);
}

enum styr_rc doc_render_pdf(const struct doc *d, struct strbuf *out, struct styr_error *err)
{
	const struct pdf_module *m = pdf_module(err);
	return m ? m->render(d, out, err) : STYR_EIO;
}
