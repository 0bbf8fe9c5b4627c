/**
 * Root cause across rules (issue 15, docs/domain.md §4): one wrong cell is
 * one error; what follows from it is at most an info naming it, with no Fix.
 */
import { checkSheet } from '../../src/core/engine';
import type { Finding } from '../../src/core/findings/finding';
import { buildSheet, formula, pct, type CellInput } from './checks/rule-tester';
import { applyPatch, BUDGET_D_ROWS, PROJECT_E_ROWS, type Patch } from './checks/sample-tables';

function run(rows: CellInput[][]): Finding[] {
  return checkSheet(buildSheet('表1', rows)).findings.filter((f) => f.severity !== 'warning');
}

/** "cell rule severity [← cause] [fix]" for each error or info. */
const verdicts = (findings: Finding[]) =>
  findings.map(
    (f) =>
      `${f.cell} ${f.rule} ${f.severity}${f.cause ? ` ← ${f.cause}` : ''}${f.fixValue !== undefined ? ` fix ${f.fixValue}` : ''}`,
  );

describe('a wrong child amount (layout D)', () => {
  // （1） budget typed 130 instead of 120: 项目支出 200 and its rate 87.50% agree with 120.
  const findings = run(applyPatch(BUDGET_D_ROWS, { B7: 130 }));

  it('is the one error, with its Fix', () => {
    expect(verdicts(findings).filter((v) => v.includes('error'))).toEqual(['B7 amount-sum error fix 120']);
  });

  it('makes its own rate look wrong: an echo naming it, with no Fix', () => {
    // 100 ÷ 130 = 76.92%, but the printed 83.33% is 100 ÷ 120.
    expect(verdicts(findings)).toContain('D7 rate info ← B7');
    const echo = findings.find((f) => f.cell === 'D7')!;
    expect(echo.message['zh-CN'].startsWith('随 B7 而错：')).toBe(true);
    expect(echo.message['en-US'].startsWith('Follows from B7: ')).toBe(true);
  });
});

describe('a rate that is wrong by itself is not an echo', () => {
  it('a swapped-digit rate beside right amounts is an error', () => {
    expect(verdicts(run(applyPatch(BUDGET_D_ROWS, { D7: pct(0.8833) })))).toEqual(['D7 rate error fix 0.8333']);
  });
});

describe('the funds row of the project form (layout E)', () => {
  const form = (patch: Patch) => run(applyPatch(PROJECT_E_ROWS, patch));

  it('a funds score worked out from a wrong printed 执行率 is an echo of that rate', () => {
    // 90 ÷ 100 = 90%, printed 80% (wrong); the filler scored 10 × 80% = 8 and the 总分 follows.
    const findings = form({ G2: pct(0.8), H2: 8, G12: 97 });
    expect(verdicts(findings).filter((v) => v.includes('error'))).toEqual(['G2 rate error fix 0.9']);
    expect(verdicts(findings)).toContain('H2 score-rule info ← G2');
  });

  it('full marks beside a wrong printed 100% are an error of their own: full marks prove no computation', () => {
    const findings = form({ G2: pct(1), H2: 10 });
    expect(
      verdicts(findings)
        .filter((v) => v.includes('error'))
        .sort(),
    ).toEqual(['G2 rate error fix 0.9', 'H2 score-rule error fix 9'].sort());
  });
});

describe('sum formulas over a wrong cell move with it, as in Excel', () => {
  // 一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 得分: the level-2 weight 资金管理 is =SUM(F3:F4) and leaves out F5.
  const rows: CellInput[][] = [
    ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '得分'],
    ['投入管理', formula(95, 'SUM(D2:D3)'), '预算编制', 20, '预算编制科学性', 20, 20],
    [null, null, '资金管理', formula(75, 'SUM(F3:F4)'), '资金使用合规性', 40, 40],
    [null, null, null, null, '资金拨付及时性', 35, 35],
    [null, null, null, null, '财务管理制度', 5, 5],
    ['总分', formula(95, 'SUM(B2)'), null, null, null, null, 100],
  ];
  const merges = ['A2:A5', 'B2:B5', 'C3:C5', 'D3:D5'];
  const findings = checkSheet(buildSheet('表1', rows, merges)).findings;

  it('the formula that leaves out a row is the one weight error', () => {
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.cell} ${f.rule} ${f.expected}`)).toEqual(['D3 weight-sum 80']);
  });

  it('the 总分 weight against the full mark follows from it', () => {
    expect(findings.find((f) => f.cell === 'B6' && f.rule === 'weight-sum')).toMatchObject({ severity: 'info', cause: 'D3' });
  });
});
