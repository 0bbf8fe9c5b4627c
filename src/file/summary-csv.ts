/**
 * `--report findings.csv`: the findings table as CSV, UTF-8 with a BOM (without
 * it Excel reads the bytes as the local code page and the Chinese comes out
 * garbled), CRLF line ends and RFC 4180 quoting.
 */
import type { Lang } from '../core';
import { findingTable, type SummaryFile, type SummaryValue } from './summary-rows';

function csvField(value: SummaryValue): string {
  const text = value === undefined ? '' : String(value);
  // A leading = + - @ would run as a formula when Excel opens the file (CSV injection): quote it as text.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function summaryCsv(files: readonly SummaryFile[], lang: Lang): string {
  const table = findingTable(files, lang);
  const lines = [table.header, ...table.rows.map((row) => row.map((c) => c.value))].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
