/** The presentational pane, driven by props only, as Excel and the browser page use it. */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Finding, WorkbookResult } from '../../src/core';
import { ScoreCheckPane, type ScoreCheckPaneProps } from '../../src/taskpane/components/ScoreCheckPane';
import type { HostFeatures, Validation } from '../../src/host';

const FULL: HostFeatures = { marks: 'fill+note', live: true, undoKeptOnWrite: true, mergedAreas: true };

function f(cell: string, severity: Finding['severity'], table: number | undefined, extra: Partial<Finding> = {}): Finding {
  return {
    sheet: '自评表',
    cell,
    rule: 'score-sum',
    severity,
    table,
    found: '17',
    expected: '16',
    fixValue: 16,
    message: { 'zh-CN': `${cell} 为 17，但 D14:D20 合计为 16`, 'en-US': `${cell} = 17, but D14:D20 sum to 16` },
    ...extra,
  };
}

const RESULT: WorkbookResult = {
  tables: [
    { sheet: '自评表', range: 'A3:K40', kind: 'overall-2021' },
    { sheet: '自评表', range: 'A45:F60', kind: 'budget-execution' },
  ],
  findings: [
    f('D20', 'error', 0),
    f('D13', 'error', 0),
    f('H15', 'warning', 0, { rule: 'text-number', fixValue: undefined, expected: undefined, found: "'2. 0" }),
    f('E50', 'error', 1),
    f('B70', 'info', undefined, { rule: 'not-checked', fixValue: undefined, expected: undefined, found: undefined }),
  ],
  sheets: [{ name: '自评表', tables: 2 }],
};

function validation(result: WorkbookResult = RESULT, extra: Partial<Validation> = {}): Validation {
  return { sheet: '自评表', result, marked: result.findings.length, ...extra };
}

function renderPane(overrides: Partial<ScoreCheckPaneProps> = {}) {
  const props: ScoreCheckPaneProps = {
    lang: 'zh-CN',
    features: FULL,
    liveOn: false,
    showUndoWarning: false,
    appliedFixes: new Map(),
    onValidate: jest.fn(),
    onLiveChange: jest.fn(),
    onClearMarks: jest.fn(),
    onSelectFinding: jest.fn(),
    onFix: jest.fn(),
    onUndoFix: jest.fn(),
    onDismissUndoWarning: jest.fn(),
    onDismissError: jest.fn(),
    ...overrides,
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <ScoreCheckPane {...props} />
    </FluentProvider>,
  );
  return props;
}

describe('ScoreCheckPane', () => {
  it('groups findings by table, then severity, with counts, cells in sheet order', () => {
    renderPane({ validation: validation() });
    const sections = screen.getAllByRole('region');
    expect(sections.map((s) => within(s).getAllByRole('heading', { level: 2 })[0].textContent)).toEqual([
      '部门整体支出绩效自评表（自评表!A3:K40）3',
      '预算执行表（自评表!A45:F60）1',
      '其他问题1',
    ]);
    const first = sections[0];
    expect(
      within(first)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['错误2', '警告1']);
    const errors = within(first).getAllByRole('list')[0];
    expect(
      within(errors)
        .getAllByRole('listitem')
        .map((li) => within(li).getAllByRole('button')[0].textContent),
    ).toEqual(['D13', 'D20']);
    expect(screen.getByRole('status')).toHaveTextContent('“自评表”：3 个错误，1 个警告，1 个提示 已在 5 个单元格上做了标记。');
  });

  it('shows each reason and found → expected', () => {
    renderPane({ validation: validation() });
    const item = screen.getByRole('button', { name: '定位到 D13' }).closest('li')!;
    expect(item).toHaveTextContent('D13 为 17，但 D14:D20 合计为 16');
    expect(item).toHaveTextContent('现值 17 → 应为 16');
  });

  it('selects the cell, fixes, and offers Undo fix once fixed', () => {
    const fix = { sheet: '自评表', cell: 'D13', previous: { kind: 'number' as const, number: 17 }, written: 16 };
    const props = renderPane({ validation: validation(), appliedFixes: new Map([['自评表!D13:score-sum', fix]]) });
    fireEvent.click(screen.getByRole('button', { name: '定位到 D20' }));
    expect(props.onSelectFinding).toHaveBeenCalledWith(expect.objectContaining({ cell: 'D20' }));
    fireEvent.click(screen.getByRole('button', { name: '修正 D20' }));
    expect(props.onFix).toHaveBeenCalledWith(expect.objectContaining({ cell: 'D20' }));
    fireEvent.click(screen.getByRole('button', { name: '撤销修正 D13' }));
    expect(props.onUndoFix).toHaveBeenCalledWith(fix);
    // No value to write, no Fix button.
    expect(screen.queryByRole('button', { name: '修正 H15' })).toBeNull();
  });

  it('has labelled controls that call back: Validate, live switch, Clear marks', () => {
    const props = renderPane();
    fireEvent.click(screen.getByRole('button', { name: '校验本表' }));
    expect(props.onValidate).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('switch', { name: '实时校验' }));
    expect(props.onLiveChange).toHaveBeenCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    expect(props.onClearMarks).toHaveBeenCalled();
  });

  it('is reachable from the keyboard: every control is a focusable native button or switch', () => {
    renderPane({ validation: validation() });
    const controls = [
      screen.getByRole('button', { name: '校验本表' }),
      screen.getByRole('switch', { name: '实时校验' }),
      screen.getByRole('button', { name: '清除标记' }),
      screen.getByRole('button', { name: '定位到 E50' }),
      screen.getByRole('button', { name: '修正 E50' }),
    ];
    for (const control of controls) {
      expect(['BUTTON', 'INPUT']).toContain(control.tagName);
      expect(control).not.toHaveAttribute('tabindex', '-1');
      control.focus();
      expect(control).toHaveFocus();
    }
  });

  it('explains what it looks for when the sheet holds no table', () => {
    renderPane({ validation: validation({ tables: [], findings: [], sheets: [{ name: '自评表', tables: 0 }] }, { marked: 0 }) });
    expect(screen.getByRole('heading', { name: '“自评表”中没有找到可检查的表格' })).toBeInTheDocument();
    for (const words of [
      '一级指标 / 二级指标 / 三级指标',
      '分值、得分',
      '年度指标值、实际完成值、完成率',
      '全年预算数 / 全年执行数 / 执行率',
      '总分、绩效等级',
    ]) {
      expect(screen.getByText(words)).toBeInTheDocument();
    }
  });

  it('says so when the tables are clean', () => {
    renderPane({
      validation: validation({ tables: RESULT.tables, findings: [], sheets: [{ name: '自评表', tables: 2 }] }, { marked: 0 }),
    });
    expect(screen.getByRole('status')).toHaveTextContent('“自评表”中的 2 张表未发现问题。');
  });

  it('explains a protected sheet, and that findings are still listed when marks were refused', () => {
    const props = renderPane({
      validation: validation(RESULT, { marked: 0, marksRefused: 'protected' }),
      error: { code: 'protected', sheet: '自评表' },
    });
    expect(screen.getByRole('alert')).toHaveTextContent('自评表: 工作表受保护，ScoreCheck 没有写入任何内容。');
    expect(screen.getByText('工作表受保护：问题已列在下方，但没有在单元格上做标记。')).toBeInTheDocument();
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: '知道了' }));
    expect(props.onDismissError).toHaveBeenCalled();
  });

  it('explains an Excel too old to mark cells or check live', () => {
    renderPane({ features: { marks: 'none', live: false, undoKeptOnWrite: false, mergedAreas: false } });
    expect(screen.getByRole('switch', { name: '实时校验' })).toBeDisabled();
    expect(screen.getByText('此版本的 Excel 不支持实时校验（需要 ExcelApi 1.7），请点击“校验本表”。')).toBeInTheDocument();
    expect(
      screen.getByText('此版本的 Excel 无法在单元格上做标记（需要 ExcelApi 1.6），问题只列在本窗格中。'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '清除标记' })).toBeNull();
  });

  it('warns about the undo history and lets it be dismissed', () => {
    const props = renderPane({ showUndoWarning: true });
    expect(screen.getByText(/清空“撤销”记录/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '知道了' }));
    expect(props.onDismissUndoWarning).toHaveBeenCalled();
  });

  it('speaks English when asked', () => {
    renderPane({ lang: 'en-US', validation: validation() });
    expect(screen.getByRole('button', { name: 'Validate sheet' })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Live checking' })).toBeInTheDocument();
    const item = screen.getByRole('button', { name: 'Go to D13' }).closest('li')!;
    expect(item).toHaveTextContent('D13 = 17, but D14:D20 sum to 16 score-sumFound 17 → Expected 16');
    // The rule's name opens its page, built beside the pane from docs/rules/score-sum.md.
    const rule = within(item).getByRole('link', { name: 'score-sum' });
    expect(rule).toHaveAttribute('href', 'rules/score-sum.html');
    expect(rule).toHaveAttribute('title', 'A subtotal or total score is the sum of the scores under it');
    expect(screen.getByRole('status')).toHaveTextContent('自评表: 3 errors, 1 warning, 1 note 5 cells marked.');
  });

  it('hides Fix where the host cannot write', () => {
    renderPane({ validation: validation(), canFix: false });
    expect(screen.queryByRole('button', { name: /^修正/ })).toBeNull();
  });

  it('shows a host’s own controls in place of Excel’s (the browser page’s file controls)', () => {
    renderPane({
      validation: validation(),
      features: { ...FULL, live: false },
      toolbar: <button type="button">打开文件…</button>,
    });
    expect(screen.getByRole('button', { name: '打开文件…' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '校验本表' })).toBeNull();
    expect(screen.queryByText(/实时校验/)).toBeNull();
    expect(screen.getByRole('button', { name: '定位到 D13' })).toBeInTheDocument();
  });

  it('reaches Ignore, next / previous and a confirmation from the keyboard too', () => {
    renderPane({
      validation: validation(),
      onIgnore: jest.fn(),
      onNextFinding: jest.fn(),
      onPreviousFinding: jest.fn(),
      confirm: { kind: 'formula', message: 'D13 含有公式 =SUM(D14:D20)。', onConfirm: jest.fn() },
      onConfirm: jest.fn(),
      onCancelConfirm: jest.fn(),
    });
    for (const name of ['忽略 D13', '下一个问题', '上一个问题', '覆盖公式', '取消']) {
      const control = screen.getByRole('button', { name });
      expect(control.tagName).toBe('BUTTON');
      control.focus();
      expect(control).toHaveFocus();
    }
  });

  it('marks the selected finding with more than colour: aria-current and a bar', () => {
    renderPane({ validation: validation(), selectedKey: '自评表!D13:score-sum' });
    const item = screen.getByRole('button', { name: '定位到 D13' }).closest('li')!;
    expect(item).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('button', { name: '定位到 D20' }).closest('li')).not.toHaveAttribute('aria-current');
  });

  it('lists ignored findings on request, with Stop ignoring and no Fix', () => {
    const ignored = [f('D30', 'error', 0)];
    const props = renderPane({
      validation: validation(RESULT, { ignored }),
      showIgnored: true,
      onShowIgnoredChange: jest.fn(),
      onIgnore: jest.fn(),
      onUnignore: jest.fn(),
    });
    expect(screen.getByRole('switch', { name: '显示已忽略的问题（1）' })).toBeChecked();
    const list = screen.getByRole('region', { name: '已忽略的问题' });
    expect(within(list).queryByRole('button', { name: '修正 D30' })).toBeNull();
    fireEvent.click(within(list).getByRole('button', { name: '取消忽略 D30' }));
    expect(props.onUnignore).toHaveBeenCalledWith(ignored[0]);
  });

  it('says why no fill was added where Excel could not read the sheet’s rules', () => {
    renderPane({ validation: validation(RESULT, { marked: 0, marksRefused: 'formats-unreadable' }) });
    expect(screen.getByText(/Excel 无法读取这张工作表的条件格式/)).toBeInTheDocument();
  });
});
