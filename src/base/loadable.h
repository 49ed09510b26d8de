/*
** loadable.h — the parts of styr that are shared modules (*.so files
** beside the program), loaded on first use.
**
** A library that only some commands need is kept out of the program, as
** git keeps libcurl out of git: the program then does not pay for
** loading it (and its own libraries) on every start. Today these are the
** drawing stack of the PDF renderer (styr-pdf.so: cairo, pango;
** src/doc/render_pdf.h), its SVG logos (styr-svg.so: librsvg;
** src/doc/pdf_svg.c) and the joining of a protocol with its attachments
** (styr-pdfjoin.so: libqpdf; src/doc/pdf_join.c), the PostgreSQL driver
** (styr-pg.so: libpq; src/db/store_pg.c), the web server and its accounts
** (styr-web.so: libmicrohttpd, libsodium; src/web/accounts.h) and the
** XLSX renderer (styr-xlsx.so: libxlsxwriter, which links libcrypto;
** src/doc/xlsx_module.c).
**
** A module is found in the folder of the running program (the target of
** /proc/self/exe), so an uninstalled build/styr uses build/styr-pdf.so;
** the unit tests' programs have copies beside them (tests/meson.build).
** Nothing else is searched (no LD_LIBRARY_PATH, no system folders). A
** module resolves the styr functions it calls against the program,
** which exports them (meson.build: export_dynamic).
*/
#ifndef STYR_LOADABLE_H
#define STYR_LOADABLE_H

#include "base/error.h"

/* The address of symbol in the module file (a string literal such as
** "styr-pdf.so"), loading the module on first use; later calls return the
** same address. Safe to call from several threads at once. NULL and err
** set (STYR_EIO, naming the module's full path and why) when the file
** cannot be loaded or does not define symbol. */
void *loadable_symbol(const char *file, const char *symbol, struct styr_error *err);

#endif
