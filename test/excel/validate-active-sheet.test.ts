/**
 * The one validation step the pane and the ribbon share, over the Excel
 * adapter and the double: both check with the profile the document keeps
 * and leave out what the user ignored, and the ribbon says what happened.
 */
import { DEFAULT_PROFILE, type Finding, type Profile, type Sheet, type WorkbookResult } from '../../src/core';
import { ribbonMessage } from '../../src/commands/ribbon-message';
import { OfficeExcelHost, SETTINGS_KEYS } from '../../src/excel/excel-host';
import { ignoreKey, loadDocumentPolicy, validateActiveSheet, type Check } from '../../src/host';
import { FakeExcel } from './fake-excel';

function hostFor(fake: FakeExcel): OfficeExcelHost {
  return new OfficeExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, lang: 'zh-CN' });
}

/** Finds A1 wrong unless the profile's total weight is what A1 holds. */
const totalCheck: Check = (sheet: Sheet, profile: Profile): WorkbookResult => {
  const a1 = Number(sheet.rows[0]?.[0]?.value);
  const findings: Finding[] =
    a1 === profile.totalWeight
      ? []
      : [
          {
            sheet: sheet.name,
            cell: 'A1',
            rule: 'weight-sum',
            severity: 'error',
            found: String(a1),
            expected: String(profile.totalWeight),
            message: { 'zh-CN': `A1 应为 ${profile.totalWeight}`, 'en-US': `A1 should be ${profile.totalWeight}` },
          },
        ];
  return {
    tables: [{ sheet: sheet.name, range: 'A1:A1', kind: 'indicators' }],
    findings,
    sheets: [{ name: sheet.name, tables: 1 }],
  };
};

describe('validateActiveSheet', () => {
  it('checks with the profile the document keeps, as the pane does', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[50]] });
    expect(DEFAULT_PROFILE.totalWeight).toBe(100);
    const host = hostFor(fake);
    await host.saveProfile({ ...DEFAULT_PROFILE, totalWeight: 50 });
    const v = await validateActiveSheet(host, await loadDocumentPolicy(host), { check: totalCheck });
    expect(v.result.findings).toEqual([]);
    // The defaults would have found A1 wrong.
    const withDefaults = await validateActiveSheet(host, { profile: DEFAULT_PROFILE, ignored: new Set() }, { check: totalCheck });
    expect(withDefaults.result.findings.map((f) => f.cell)).toEqual(['A1']);
  });

  it('falls back to the defaults, and says so, where the stored profile is broken', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[50]] });
    fake.settings.set(SETTINGS_KEYS.profile, JSON.stringify({ totalWeight: 'a hundred' }));
    const policy = await loadDocumentPolicy(hostFor(fake));
    expect(policy.profileBroken).toBe(true);
    expect(policy.profile).toEqual(DEFAULT_PROFILE);
  });

  it('leaves out ignored findings, unmarked, until the value they found changes', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[90]] });
    const host = hostFor(fake);
    const first = await validateActiveSheet(host, await loadDocumentPolicy(host), { check: totalCheck });
    await host.saveIgnored([ignoreKey(first.result.findings[0])]);
    const v = await validateActiveSheet(host, await loadDocumentPolicy(host), { check: totalCheck });
    expect(v.result.findings).toEqual([]);
    expect(v.ignored?.map((f) => f.cell)).toEqual(['A1']);
    expect(fake.sheet('Sheet1').notes.size).toBe(0);
    await fake.userEdit('Sheet1', 'A1', 80);
    const changed = await validateActiveSheet(host, await loadDocumentPolicy(host), { check: totalCheck });
    expect(changed.result.findings.map((f) => f.found)).toEqual(['80']);
  });
});

describe('the ribbon’s answer', () => {
  it('says the sheet is clean, that marks were added, that the sheet is protected, or why it failed', async () => {
    const fake = new FakeExcel('1.20');
    fake.addSheet('Sheet1', { rows: [[100]] });
    const host = hostFor(fake);
    const clean = await validateActiveSheet(host, await loadDocumentPolicy(host), { check: totalCheck });
    expect(ribbonMessage({ validation: clean }, 'zh-CN')).toBe('ScoreCheck 校验本表\n“Sheet1”中的 1 张表未发现问题。');

    await fake.userEdit('Sheet1', 'A1', 90);
    const found = await validateActiveSheet(host, await loadDocumentPolicy(host), { check: totalCheck });
    expect(ribbonMessage({ validation: found }, 'en-US')).toBe(
      'ScoreCheck: Validate sheet\nSheet1: 1 error, 0 warnings, 0 notes 1 cell marked.',
    );

    fake.sheet('Sheet1').protected = true;
    const refused = await validateActiveSheet(host, await loadDocumentPolicy(host), { check: totalCheck });
    expect(ribbonMessage({ validation: refused }, 'zh-CN')).toContain('工作表受保护：问题已列在下方，但没有在单元格上做标记。');

    expect(ribbonMessage({ error: 'too-large', sheet: 'Sheet1' }, 'zh-CN')).toContain('Sheet1: 这张工作表太大');
  });
});
