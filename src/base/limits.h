/*
** limits.h — the limits of every kind of input styr reads, in one place.
**
** Each limit is checked where the input is read, and a file, line,
** record or argument beyond it is refused with a message that names it
** and the limit; nothing is cut short silently. docs/limits.md lists them
** for people, with the reasons; keep the two in step.
*/
#ifndef STYR_LIMITS_H
#define STYR_LIMITS_H

#include <stdint.h>

/* JSON data documents (styr load). */
#define LIMIT_DATA_FILE    ((uint64_t)64 << 20)  /* bytes of one file */
#define LIMIT_DATA_STRING  ((uint64_t)1 << 20)   /* bytes of one string value */
#define LIMIT_DATA_INT     INT32_MAX             /* a whole number: ±2 147 483 647 */

/* Ledger imports: SIE and CSV files. */
#define LIMIT_IMPORT_FILE  ((uint64_t)4 << 30)   /* bytes of one file */
#define LIMIT_SIE_LINE     ((uint64_t)64 << 10)  /* bytes of one SIE line */
#define LIMIT_SIE_LABELS   200                   /* different record labels in one file */
#define LIMIT_SIE_LABEL    23                    /* bytes of one label, '#' included */
#define LIMIT_CSV_RECORD   ((uint64_t)1 << 20)   /* bytes of one CSV record, quoted line breaks included */
#define LIMIT_CSV_FIELDS   10000                 /* fields of one CSV record */

/* The command line. */
#define LIMIT_ARG          ((uint64_t)64 << 10)  /* bytes of one argument */

#endif
