/**
 * The feature test that runs before the bundles: engines Office really uses
 * for add-ins, described by what they have, and what the guard says of each.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { missingFeatures } = require('../../src/taskpane/engine-guard.js');

type Globals = Record<string, unknown>;

/** What a current Chromium (WebView2, Excel on the web) offers the pane. */
function modern(): Globals {
  return {
    Promise,
    Symbol,
    Map,
    Set,
    WeakMap,
    WeakRef: function WeakRef() {},
    Object,
    String,
    Array,
    ResizeObserver: function ResizeObserver() {},
    MutationObserver: function MutationObserver() {},
    CSS: { supports: (prop: string) => prop.startsWith('--') },
    document: {},
  };
}

/** A copy of `w` whose String/Object/Array lack the named prototype or static methods. */
function without(w: Globals, ...names: string[]): Globals {
  const next = { ...w };
  for (const name of names) {
    if (name === 'Object.fromEntries') next.Object = { ...Object, entries: Object.entries, fromEntries: undefined };
    else if (name === 'String.prototype.matchAll') next.String = { prototype: { ...String.prototype, matchAll: undefined } };
    else delete next[name];
  }
  return next;
}

describe('engine guard', () => {
  it('lets a current webview run the pane and the ribbon command', () => {
    expect(missingFeatures(modern(), 'pane')).toEqual([]);
    expect(missingFeatures(modern(), 'commands')).toEqual([]);
  });

  it('names Internet Explorer 11 (Office 2016/2019 volume) for both pages', () => {
    const ie = { ...without(modern(), 'WeakRef', 'ResizeObserver', 'Promise'), document: { documentMode: 11 } };
    expect(missingFeatures(ie, 'pane')).toEqual(expect.arrayContaining(['Internet Explorer', 'Promise', 'WeakRef']));
    expect(missingFeatures(ie, 'commands')).toEqual(expect.arrayContaining(['Internet Explorer', 'Promise']));
  });

  it('stops the pane on EdgeHTML 18 (Office 2019 retail without WebView2): no WeakRef, ResizeObserver, fromEntries, matchAll', () => {
    const edge = without(modern(), 'WeakRef', 'ResizeObserver', 'Object.fromEntries', 'String.prototype.matchAll');
    expect(missingFeatures(edge, 'pane')).toEqual([
      'Object.fromEntries',
      'String.prototype.matchAll',
      'WeakRef',
      'ResizeObserver',
    ]);
  });

  it('stops the pane on Safari 14.0 (no WeakRef) but lets its ribbon command run', () => {
    const safari14 = without(modern(), 'WeakRef');
    expect(missingFeatures(safari14, 'pane')).toEqual(['WeakRef']);
    expect(missingFeatures(safari14, 'commands')).toEqual([]);
  });

  it('counts a feature test that throws as missing', () => {
    const broken = {
      ...modern(),
      CSS: {
        supports: () => {
          throw new Error('no');
        },
      },
    };
    expect(missingFeatures(broken, 'pane')).toEqual(['CSS variables']);
  });
});
