/*
** pdf_module.c — the program's side of the PDF modules styr-pdf.so and
** styr-pdfjoin.so (see render_pdf.h): found and loaded on first use by
** base/loadable.c.
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

enum styr_rc pdf_append(struct strbuf *out, size_t start,
                        const struct pdf_attachment *att, size_t n,
                        const char *lang, struct styr_error *err)
{
	pdf_join_fn *const *join = loadable_symbol("styr-pdfjoin.so", "styr_pdf_join", err);
	const struct pdf_module *m = join ? pdf_module(err) : NULL;
	enum styr_rc rc = m ? (*join)(out, start, att, n, err) : STYR_EIO;
	return rc ? rc : m->finish(out, start, lang, err);
}
