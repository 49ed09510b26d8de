/*
** xlsx_module.c — the program's side of the XLSX module styr-xlsx.so
** (base/loadable.h): libxlsxwriter and the libcrypto it links took about
** a millisecond of every command's start, and only a command that writes
** a workbook needs them.
*/
#include "doc/doc.h"

#include "base/loadable.h"

enum styr_rc doc_render_xlsx(const struct doc *d, struct strbuf *out, struct styr_error *err)
{
	const doc_renderer *render = loadable_symbol("styr-xlsx.so", "styr_xlsx_render", err);
	return render ? (*render)(d, out, err) : STYR_EIO;
}
