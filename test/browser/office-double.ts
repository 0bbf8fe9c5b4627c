/**
 * Office.js for the production task pane in Chromium (test/browser/pane.js):
 * `Office` and `Excel` globals backed by the same double the unit tests use
 * (test/excel/fake-excel.ts), so the real bundle runs over the limits that
 * double models. pane.js serves this in place of Microsoft's office.js and
 * sets `window.__scenario` first; the test drives and inspects the double
 * through `window.__double`.
 */
import { FakeExcel, type FakeSheetInit } from '../excel/fake-excel';

interface Scenario {
  excelApi: string;
  displayLanguage: string;
  sheets: { name: string; init: FakeSheetInit }[];
  settings?: Record<string, unknown>;
  responseByteLimit?: number;
}

interface DoubleWindow {
  __scenario?: Scenario;
  __double?: FakeExcel;
  /** The ribbon's functions, by name, as Office.actions.associate registered them. */
  __actions?: Record<string, (event: { completed(): void }) => unknown>;
  /** Every dialog the add-in opened: its URL. */
  __dialogs?: string[];
  Office?: unknown;
  Excel?: unknown;
}

const w = window as unknown as DoubleWindow;
const scenario: Scenario = w.__scenario ?? { excelApi: '1.20', displayLanguage: 'zh-CN', sheets: [] };
const fake = new FakeExcel(scenario.excelApi);
for (const s of scenario.sheets) fake.addSheet(s.name, s.init);
for (const [k, v] of Object.entries(scenario.settings ?? {})) fake.settings.set(k, v);
if (scenario.responseByteLimit) fake.responseByteLimit = scenario.responseByteLimit;
w.__double = fake;
w.__actions = {};
w.__dialogs = [];

w.Office = {
  HostType: { Excel: 'Excel' },
  // Office.js takes a callback, returns a promise, or both.
  onReady: (callback?: (info: unknown) => void) => {
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: scenario.displayLanguage,
    requirements: { isSetSupported: (name: string, version: string) => fake.isSetSupported(name, version) },
    ui: {
      displayDialogAsync: (url: string, _options: unknown, callback?: () => void) => {
        w.__dialogs!.push(url);
        callback?.();
      },
    },
  },
  actions: {
    associate: (name: string, fn: (event: { completed(): void }) => unknown) => {
      w.__actions![name] = fn;
    },
  },
};
w.Excel = { run: fake.run };
