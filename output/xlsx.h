/* xlsx.h - report.xlsx through libxlsxwriter.
 *
 * Sheets (Chinese names; English with --lang en): 任务 (number, chapter,
 * text, leads, supports, deadline, open list, line), 单位负荷 (the load table
 * with one column per chapter), 中心性, 协作关系 (ties with their tasks), 聚类
 * (one row per cluster member), 诊断, then one sheet per report extra.
 * Every sheet: header row frozen, autofilter over the data, column widths
 * set, numbers written with worksheet_write_number, text with
 * worksheet_write_string (never a formula, whatever the text begins with).
 * Deterministic: the document properties carry rg_stamp_epoch() (stamp.h:
 * SOURCE_DATE_EPOCH, else 2000-01-01) as creation time instead of "now", and libxlsxwriter 1.1.4
 * stamps every zip member with the fixed DOS date 1980-01-01, so equal input gives equal bytes. */
#ifndef RG_XLSX_H
#define RG_XLSX_H

#include "error.h"
#include "report_data.h"

/* Write the workbook to path. RG_ESYS with the library's message on failure.
 * O(cells). */
rg_status rg_xlsx_write(const char *path, const rg_report_data *d, rg_error *err);

#endif
