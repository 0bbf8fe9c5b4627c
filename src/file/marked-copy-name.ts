/**
 * The name of a marked copy: "自评表.xlsx" → "自评表.checked.xlsx", and
 * "自评表.checked-2.xlsx" for the n-th alternative when that name is taken.
 * A macro-enabled workbook keeps .xlsm: Excel refuses macros under .xlsx.
 */
export function markedCopyName(fileName: string, n = 0): string {
  const base = fileName.replace(/\.(xlsx|xlsm|xls)$/i, '');
  const ext = /\.xlsm$/i.test(fileName) ? '.xlsm' : '.xlsx';
  return `${base}.checked${n === 0 ? '' : `-${n}`}${ext}`;
}
