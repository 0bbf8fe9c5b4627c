/**
 * Orders findings the way the pane lists them: by table (in the engine's
 * order), then severity, then position on the sheet. No judgement here: the
 * engine decided what is wrong.
 */
import type { Finding, Severity, TableInfo, WorkbookResult } from '../core';
import { SEVERITY_ORDER } from '../core';
import { compareCells } from '../core';

export interface SeverityGroup {
  severity: Severity;
  findings: Finding[];
}

export interface FindingGroup {
  key: string;
  /** Undefined for findings the engine tied to no table. */
  table?: TableInfo;
  count: number;
  severities: SeverityGroup[];
}

/** Severities, most severe first. */
const SEVERITIES = (Object.keys(SEVERITY_ORDER) as Severity[]).sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b]);

export function groupFindings(result: WorkbookResult): FindingGroup[] {
  const buckets = new Map<number | 'none', Finding[]>();
  for (const f of result.findings) {
    const key = f.table !== undefined && result.tables[f.table] ? f.table : 'none';
    const list = buckets.get(key);
    if (list) list.push(f);
    else buckets.set(key, [f]);
  }
  const keys = [...buckets.keys()].sort((a, b) => (a === 'none' ? 1 : b === 'none' ? -1 : a - b));
  return keys.map((key) => {
    const findings = buckets.get(key)!;
    const severities = SEVERITIES.map((severity) => ({
      severity,
      findings: findings.filter((f) => f.severity === severity).sort((a, b) => compareCells(a.cell, b.cell)),
    })).filter((g) => g.findings.length > 0);
    return {
      key: key === 'none' ? 'other' : `table-${key}`,
      table: key === 'none' ? undefined : result.tables[key],
      count: findings.length,
      severities,
    };
  });
}

/** Every finding in the order the pane lists them: what next / previous step through. */
export function orderedFindings(result: WorkbookResult): Finding[] {
  return groupFindings(result).flatMap((g) => g.severities.flatMap((s) => s.findings));
}
