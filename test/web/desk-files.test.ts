import type { Finding, WorkbookResult } from '../../src/core';
import { deskRows, markedCopyNames, summaryFiles, type FileState, type OpenFile } from '../../src/web/desk-files';

const finding = (severity: Finding['severity']): Finding => ({
  sheet: '表',
  cell: 'D11',
  rule: 'weight-sum',
  severity,
  message: { 'zh-CN': 'D11 不对', 'en-US': 'D11 is wrong' },
});

const TABLE = { sheet: '表', range: 'A1:D20', kind: 'score-summary' } as const;

function checked(key: number, name: string, result: Partial<WorkbookResult>): OpenFile {
  const state: FileState = {
    status: 'checked',
    workbook: { sheets: [] },
    result: { tables: [TABLE], findings: [], sheets: [], ...result },
    facts: { name: '某局', scorePrinted: '97', scoreRecomputed: '96', fingerprint: `f${key}`, indicators: new Map() },
  };
  return { key, name, state };
}

const reason = { 'zh-CN': 'x：已取消检查', 'en-US': 'x: checking was cancelled' };
const files: OpenFile[] = [
  checked(1, '自评表.xlsx', { findings: [finding('error')] }),
  { key: 2, name: 'slow.xlsx', state: { status: 'checking' } },
  checked(3, '自评表.xlsx', { findings: [finding('info')] }),
  checked(4, 'clean.xlsx', {}),
  checked(5, 'cover.xlsx', { tables: [] }),
  { key: 6, name: 'x.xlsx', state: { status: 'stopped', reason } },
];

describe('the page files as the summary sees them', () => {
  test('two files of one name get two copy names in the zip; files without findings none', () => {
    expect([...markedCopyNames(files)]).toEqual([
      [1, '自评表.checked.xlsx'],
      [3, '自评表.checked-1.xlsx'],
    ]);
  });

  test('the summary holds the finished files only, a stopped one with its reason, links to the copies beside it', () => {
    const out = summaryFiles(files);
    expect(out.map((f) => f.file)).toEqual(['自评表.xlsx', '自评表.xlsx', 'clean.xlsx', 'cover.xlsx', 'x.xlsx']);
    expect(out.map((f) => f.markedCopy)).toEqual([
      '自评表.checked.xlsx',
      '自评表.checked-1.xlsx',
      undefined,
      undefined,
      undefined,
    ]);
    expect(out[4].reason).toBe(reason);
  });

  test('one row per file: the summary writer’s cells for the finished, pending for the rest', () => {
    const rows = deskRows(files, 'zh-CN');
    expect(rows.map((r) => [r.key, r.status])).toEqual([
      [1, 'errors'],
      [2, 'pending'],
      [3, 'notes'],
      [4, 'clean'],
      [5, 'no-table'],
      [6, 'unreadable'],
    ]);
    expect(rows[0].cells!.map((c) => c.value).slice(0, 8)).toEqual(['自评表.xlsx', '某局', '有错误', 1, 0, 0, 97, 96]);
    expect(rows[1].cells).toBeUndefined();
    expect(rows[4].cells![11].value).toBe('未识别到绩效自评表，未检查');
    expect(rows[5].cells![11].value).toBe(reason['zh-CN']);
  });
});
