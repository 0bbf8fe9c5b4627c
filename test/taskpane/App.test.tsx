/**
 * The pane wired to the real Excel adapter over the Office.js double: what a
 * user does in Excel, end to end, minus Excel.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Finding, WorkbookResult } from '../../src/core';
import type { Sheet } from '../../src/core';
import { OfficeExcelHost } from '../../src/excel/excel-host';
import { App, Themed } from '../../src/taskpane/App';
import { FakeExcel } from '../excel/fake-excel';

/** Stands in for the engine: B3 must equal B4 + B5; the finding says so. */
function sumCheck(sheet: Sheet): WorkbookResult {
  const v = (r: number) => Number(sheet.rows[r]?.[1]?.value ?? 0);
  const findings: Finding[] = [];
  if (v(2) !== v(3) + v(4)) {
    findings.push({
      sheet: sheet.name,
      cell: 'B3',
      rule: 'weight-sum',
      severity: 'error',
      table: 0,
      found: String(v(2)),
      expected: String(v(3) + v(4)),
      fixValue: v(3) + v(4),
      message: {
        'zh-CN': `B3 = ${v(2)}，但 B4:B5 合计为 ${v(3) + v(4)}`,
        'en-US': `B3 = ${v(2)}, but B4:B5 sum to ${v(3) + v(4)}`,
      },
    });
  }
  return {
    tables: [{ sheet: sheet.name, range: 'A2:B5', kind: 'indicators' }],
    findings,
    sheets: [{ name: sheet.name, tables: 1 }],
  };
}

function setup(api = '1.20') {
  const fake = new FakeExcel(api);
  fake.addSheet('自评表', {
    rows: [
      ['指标', '分值'],
      ['产出指标', null],
      ['合计', 17],
      ['数量', 10],
      ['质量', 6],
    ],
    notes: { A1: '用户批注' },
  });
  const host = new OfficeExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, lang: 'zh-CN' });
  render(
    <Themed>
      <App host={host} lang="zh-CN" check={sumCheck} />
    </Themed>,
  );
  return fake;
}

// Each case renders Fluent UI in jsdom and waits on several round trips: seconds on a loaded machine, not a timing claim.
jest.setTimeout(30_000);

describe('App over the Excel adapter', () => {
  it('validates, marks, selects, fixes (re-checking), undoes and clears, the pane and the sheet agreeing at each step', async () => {
    const fake = setup();
    const before = fake.picture('自评表');
    const marked = () => fake.sheet('自评表').conditionalFormats.filter((cf) => cf.formula?.includes('ScoreCheck')).length;
    fireEvent.click(screen.getByRole('button', { name: '校验本表' }));
    await screen.findByText('B3 = 17，但 B4:B5 合计为 16');
    expect(fake.sheet('自评表').notes.get('B3')).toBe('[ScoreCheck]\n[错误] B3 = 17，但 B4:B5 合计为 16');
    // Focus moves to the summary, where a screen reader reads the outcome.
    await waitFor(() => expect(screen.getByTestId('summary')).toHaveFocus());

    fireEvent.click(screen.getByRole('button', { name: '定位到 B3' }));
    await waitFor(() => expect(fake.selection).toEqual({ sheet: '自评表', cell: 'B3' }));

    fireEvent.click(screen.getByRole('button', { name: '修正 B3' }));
    await screen.findByRole('button', { name: '撤销修正 B3' });
    expect(fake.sheet('自评表').cell('B3')?.value).toBe(16);
    // Fix re-validated: the finding, its fill and its note are gone.
    await waitFor(() => expect(screen.queryByText('B3 = 17，但 B4:B5 合计为 16')).toBeNull());
    expect(marked()).toBe(0);
    expect(fake.sheet('自评表').notes.has('B3')).toBe(false);
    expect(screen.getByRole('status')).toHaveTextContent('已将 B3 改为 16。');

    fireEvent.click(screen.getByRole('button', { name: '撤销修正 B3' }));
    await screen.findByRole('button', { name: '修正 B3' });
    expect(fake.sheet('自评表').cell('B3')?.value).toBe(17);
    expect(marked()).toBe(1);

    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    await screen.findByText(/已清除 ScoreCheck 添加的全部标记。/);
    // Cleared in the sheet and in the pane alike.
    expect(screen.queryByText('B3 = 17，但 B4:B5 合计为 16')).toBeNull();
    expect(fake.picture('自评表')).toEqual(before);
  });

  it('asks before Fix overwrites a formula, and Undo fix brings the formula back', async () => {
    const fake = setup();
    fake.sheet('自评表').setCell('B3', { value: 17, formula: 'B4+B5+1' });
    fireEvent.click(screen.getByRole('button', { name: '校验本表' }));
    fireEvent.click(await screen.findByRole('button', { name: '修正 B3' }));
    const ask = await screen.findByRole('alertdialog');
    expect(ask).toHaveTextContent('B3 含有公式 =B4+B5+1。修正会用数值 16 覆盖这个公式');
    expect(fake.sheet('自评表').cell('B3')?.formula).toBe('B4+B5+1');
    fireEvent.click(screen.getByRole('button', { name: '覆盖公式' }));
    await screen.findByRole('button', { name: '撤销修正 B3' });
    expect(fake.sheet('自评表').cell('B3')).toMatchObject({ value: 16 });
    fireEvent.click(screen.getByRole('button', { name: '撤销修正 B3' }));
    await waitFor(() => expect(fake.sheet('自评表').cell('B3')?.formula).toBe('B4+B5+1'));
  });

  it('ignores a finding for this document, unmarks it, and shows it again on request', async () => {
    const fake = setup();
    fireEvent.click(screen.getByRole('button', { name: '校验本表' }));
    fireEvent.click(await screen.findByRole('button', { name: '忽略 B3' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: '定位到 B3' })).toBeNull());
    expect(JSON.parse(fake.settings.get('scorecheck.ignored') as string)).toEqual(['自评表!B3:weight-sum=17']);
    expect(fake.sheet('自评表').notes.has('B3')).toBe(false);
    fireEvent.click(screen.getByRole('switch', { name: '显示已忽略的问题（1）' }));
    fireEvent.click(await screen.findByRole('button', { name: '取消忽略 B3' }));
    await waitFor(() => expect(fake.sheet('自评表').notes.has('B3')).toBe(true));
    expect(JSON.parse(fake.settings.get('scorecheck.ignored') as string)).toEqual([]);
  });

  it('before ExcelApi 1.20, asks once before the first write clears the undo history', async () => {
    const fake = setup('1.17');
    fireEvent.click(screen.getByRole('button', { name: '校验本表' }));
    expect(await screen.findByRole('alertdialog')).toHaveTextContent('写入标记会清空 Excel 的“撤销”记录');
    expect(fake.sheet('自评表').comments.size).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: '继续' }));
    await screen.findByText('B3 = 17，但 B4:B5 合计为 16');
    expect(fake.sheet('自评表').comments.size).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: '修正 B3' }));
    // Accepted once: Fix does not ask again.
    await screen.findByRole('button', { name: '撤销修正 B3' });
  });

  it('turns live checking on, warns once about undo before ExcelApi 1.20, and re-checks after an edit', async () => {
    const fake = setup('1.17');
    fireEvent.click(screen.getByRole('switch', { name: '实时校验' }));
    // Live mode is a write on every edit: its own warning stands for the question.
    await screen.findByText(/清空“撤销”记录/);
    await screen.findByText('B3 = 17，但 B4:B5 合计为 16');
    expect(fake.settings.get('scorecheck.live')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: '知道了' }));
    await act(async () => {
      await fake.userEdit('自评表', 'B3', 16);
    });
    // The debounce (400 ms) passes, the sheet is clean, its mark goes.
    await waitFor(() => expect(screen.queryByText('B3 = 17，但 B4:B5 合计为 16')).toBeNull(), { timeout: 2000 });
    expect(screen.getByRole('status')).toHaveTextContent('“自评表”中的 1 张表未发现问题。');
    expect(fake.sheet('自评表').comments.size).toBe(0);

    fireEvent.click(screen.getByRole('switch', { name: '实时校验' }));
    await waitFor(() => expect(fake.settings.get('scorecheck.live')).toBe(false));
    fireEvent.click(screen.getByRole('switch', { name: '实时校验' }));
    // Said once per pane: not again.
    await waitFor(() => expect(fake.settings.get('scorecheck.live')).toBe(true));
    expect(screen.queryByText(/清空“撤销”记录/)).toBeNull();
  });

  it('restores live mode remembered in the document and validates at once', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('自评表', {
      rows: [
        ['指标', '分值'],
        ['产出指标', null],
        ['合计', 17],
        ['数量', 10],
        ['质量', 6],
      ],
    });
    fake.settings.set('scorecheck.live', true);
    const host = new OfficeExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, lang: 'zh-CN' });
    render(
      <Themed>
        <App host={host} lang="zh-CN" check={sumCheck} />
      </Themed>,
    );
    await screen.findByText('B3 = 17，但 B4:B5 合计为 16');
    expect(screen.getByRole('switch', { name: '实时校验' })).toBeChecked();
  });

  it('lists findings on a protected sheet and says why nothing was marked; Fix is refused with a message', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('自评表', {
      rows: [
        ['指标', '分值'],
        ['产出指标', null],
        ['合计', 17],
        ['数量', 10],
        ['质量', 6],
      ],
      protected: true,
    });
    const before = fake.picture('自评表');
    const host = new OfficeExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, lang: 'zh-CN' });
    render(
      <Themed>
        <App host={host} lang="zh-CN" check={sumCheck} />
      </Themed>,
    );
    fireEvent.click(screen.getByRole('button', { name: '校验本表' }));
    await screen.findByText('工作表受保护：问题已列在下方，但没有在单元格上做标记。');
    fireEvent.click(screen.getByRole('button', { name: '修正 B3' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('工作表受保护，ScoreCheck 没有写入任何内容。');
    expect(fake.picture('自评表')).toEqual(before);
  });
});
