/* csv_reader.h - CSV and TSV plans through libcsv.
 *
 * The file is decoded UTF-8 (no BOM). Records are read with libcsv (quoted
 * fields may span lines) and handed as rg_row to rg_rows_parse (rows.h), the
 * same column mapper the HTML reader uses, so the wide form (序号,重点任务,
 * 牵头单位,责任单位,完成时限) and the long form (task,role,unit[,kind,...],
 * respgraph's edges export) are both read. The delimiter is ',' or TAB,
 * chosen by the header. */
#ifndef RG_CSV_READER_H
#define RG_CSV_READER_H

#include <stddef.h>

#include "load.h"
#include "plan.h"

/* Parse len bytes of UTF-8 CSV/TSV into plan (not finalised). The header is
 * the first of the first 10 records that rg_rows_header_ok accepts; a record
 * before it with one non-empty cell becomes the plan's title. Fails with
 * RG_EINPUT and file:line for an unterminated quote (line of the record's
 * start), no recognised header, a row whose field count differs from the
 * header's (a one-field heading row and extra empty fields are fine), bad
 * --columns, or no task below the header. O(len). */
rg_status rg_csv_parse(rg_plan *plan, const char *utf8, size_t len, const rg_load_opts *opts,
                       rg_error *err);

/* 1 if the len bytes of line (one CSV or TSV record, no need for a NUL)
 * form a recognised header (rg_rows_is_header), else 0. For content
 * detection. O(len). */
int rg_csv_is_header(const char *line, size_t len);

/* 1 if one of the first 10 non-blank lines of utf8 is a recognised header
 * (rg_csv_is_header), as a CSV file with title rows above its header has.
 * For content detection. O(bytes of those lines). */
int rg_csv_detect(const char *utf8, size_t len);

/* Records of a CSV buffer, for readers of other CSV files (the roster). */
typedef struct rg_csv_records {
  char *buf; /* fields, each NUL-terminated, back to back */
  size_t len, cap;
  size_t *field; /* offsets of fields in buf */
  int n_fields;
  size_t cap_fields;
  struct rg_csv_record {
    int first, n;  /* fields [first, first+n) */
    long line;     /* 1-based line where the record starts */
    unsigned h[2]; /* a streamed long form's task and unit cells, hashed by the
                    * thread that read them (rg_row.hashes); else unset */
  } * rec;
  int n_rec;
  size_t cap_rec;
} rg_csv_records;

/* Split len bytes into records with delimiter delim (',' or '\t'). On an
 * unterminated quoted field returns RG_EINPUT with the start line in err
 * (file = path). Free with rg_csv_records_destroy in every case. */
rg_status rg_csv_records_read(rg_csv_records *out, const char *data, size_t len, char delim,
                              const char *path, rg_error *err);
void rg_csv_records_destroy(rg_csv_records *r);
/* The i-th field of record k. */
const char *rg_csv_field(const rg_csv_records *r, int k, int i);

#endif
