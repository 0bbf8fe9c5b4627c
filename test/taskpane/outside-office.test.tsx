/** Outside Excel, or when Office.js never arrives: say how to sideload, never hang. */
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { OutsideOffice } from '../../src/taskpane/components/OutsideOffice';
import { pickLang, UI_STRINGS } from '../../src/host/ui-strings';
import { waitForOffice } from '../../src/taskpane/office-ready';

describe('waitForOffice', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('gives up after the timeout when onReady never settles', async () => {
    const pending = waitForOffice({ onReady: () => new Promise(() => undefined) }, 10_000);
    jest.advanceTimersByTime(9_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    jest.advanceTimersByTime(1);
    await expect(pending).resolves.toEqual({ state: 'timeout' });
  });

  it('does not wait at all when office.js failed to load', async () => {
    await expect(waitForOffice(undefined, 10_000)).resolves.toEqual({ state: 'timeout' });
  });

  it('reports the host and Office display language when ready', async () => {
    const office = { onReady: async () => ({ host: 'Excel' }), context: { displayLanguage: 'zh-CN' } };
    await expect(waitForOffice(office, 10_000)).resolves.toEqual({ state: 'ready', host: 'Excel', displayLanguage: 'zh-CN' });
    const browser = { onReady: async () => ({ host: null }) };
    await expect(waitForOffice(browser, 10_000)).resolves.toEqual({ state: 'ready', host: null, displayLanguage: undefined });
  });
});

describe('pickLang', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US', 'en-US'],
    ['en-GB', 'en-US'],
    ['fr-FR', 'en-US'],
    [undefined, 'zh-CN'],
  ])('%s → %s', (display, lang) => expect(pickLang(display)).toBe(lang));
});

describe('OutsideOffice', () => {
  it('explains how to sideload in Excel on the web and on Windows/Mac', () => {
    const retry = jest.fn();
    render(<OutsideOffice strings={UI_STRINGS['zh-CN']} reason="timeout" onRetry={retry} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('ScoreCheck 需要在 Excel 中运行');
    expect(screen.getByRole('status')).toHaveTextContent('Office.js 未能加载');
    expect(screen.getByText(/上传我的加载项/)).toBeInTheDocument();
    expect(screen.getByText(/受信任的加载项目录/)).toBeInTheDocument();
    expect(screen.getByText(/wef/)).toBeInTheDocument();
    screen.getByRole('button', { name: '重试' }).click();
    expect(retry).toHaveBeenCalled();
  });

  it('says Excel only when opened in another Office app', () => {
    render(<OutsideOffice strings={UI_STRINGS['en-US']} reason="not-excel" />);
    expect(screen.getByRole('status')).toHaveTextContent('ScoreCheck works in Excel only.');
    expect(screen.getByText(/Upload My Add-in/)).toBeInTheDocument();
  });
});
