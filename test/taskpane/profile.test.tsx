/**
 * The profile in the pane (docs/domain.md §4): the user edits it, it is kept with the
 * document, and the next validation follows it — with the real engine over
 * the Office.js double, on a sheet whose verdict depends on the full mark.
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DEFAULT_PROFILE, type Profile } from '../../src/core';
import { OfficeExcelHost, SETTINGS_KEYS } from '../../src/excel/excel-host';
import { App, Themed } from '../../src/taskpane/App';
import { ProfileEditor } from '../../src/taskpane/components/ProfileEditor';
import { FakeExcel } from '../excel/fake-excel';

/** A two-indicator form whose full mark is 110: wrong under the default profile (100). */
const FORM = [
  ['一级指标', '分值', '三级指标', '分值', '得分'],
  ['产出', 60, '甲', 60, 60],
  ['效益', 50, '乙', 50, 48],
  ['总分', 110, null, null, 108],
];

function setup(stored?: Partial<Profile>) {
  const fake = new FakeExcel('1.20');
  fake.addSheet('自评表', { rows: FORM });
  const host = new OfficeExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, lang: 'zh-CN' });
  if (stored) void host.saveProfile({ ...DEFAULT_PROFILE, ...stored });
  render(
    <Themed>
      <App host={host} lang="zh-CN" />
    </Themed>,
  );
  return { fake, host };
}

describe('profile in the pane', () => {
  it('follows the default full mark of 100: the 总分 weight 110 is an error', async () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: '校验本表' }));
    await screen.findByText(/总分（B4）的分值为 110，但满分应为 100/);
  });

  it('follows a profile kept with the document: 110 is right under a full mark of 110', async () => {
    setup({ totalWeight: 110 });
    fireEvent.click(screen.getByRole('button', { name: '检查规则' }));
    // The editor shows the stored profile once it has loaded.
    await waitFor(() => expect(screen.getByLabelText('总分满分')).toHaveValue(110));
    fireEvent.click(screen.getByRole('button', { name: '校验本表' }));
    await screen.findByText(/未发现问题|no problems/i);
  });

  it('keeps the edited profile in the document settings', async () => {
    const { host } = setup();
    fireEvent.click(screen.getByRole('button', { name: '检查规则' }));
    fireEvent.change(screen.getByLabelText('总分满分'), { target: { value: '110' } });
    await waitFor(async () => expect(await host.loadProfile()).toMatchObject({ totalWeight: 110 }));
    expect(SETTINGS_KEYS.profile).toBe('scorecheck.profile');
  });
});

describe('ProfileEditor', () => {
  function renderEditor(profile: Profile = DEFAULT_PROFILE) {
    const onChange = jest.fn();
    render(
      <Themed>
        <ProfileEditor lang="en-US" profile={profile} onChange={onChange} />
      </Themed>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check rules' }));
    return onChange;
  }

  it('changes the capping policy', () => {
    const onChange = renderEditor();
    fireEvent.change(screen.getByLabelText('Capping of completion rates'), { target: { value: 'capped' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_PROFILE, capRates: 'capped' });
  });

  it('ignores a full mark that is not a positive number yet', () => {
    const onChange = renderEditor();
    fireEvent.change(screen.getByLabelText('Full mark of the total'), { target: { value: '0' } });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('moves a grade band and keeps the bands highest first', () => {
    const onChange = renderEditor();
    fireEvent.change(screen.getByLabelText('Lowest score for “良”'), { target: { value: '85' } });
    const next = onChange.mock.calls.at(-1)![0] as Profile;
    expect(next.gradeBands.map((b) => [b.label, b.min])).toEqual([
      ['优', 90],
      ['良', 85],
      ['中', 60],
      ['差', 0],
    ]);
  });

  it('resets to the defaults', () => {
    const onChange = renderEditor({ ...DEFAULT_PROFILE, capRates: 'uncapped', totalWeight: 120 });
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(onChange).toHaveBeenLastCalledWith(DEFAULT_PROFILE);
  });
});
