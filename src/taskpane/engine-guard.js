/*
 * Runs before the bundles, in whatever engine Office gives the add-in, so it
 * is ES5 on purpose: Internet Explorer 11 (Office 2016/2019 volume), EdgeHTML
 * (Office 2019 retail without WebView2) and Safari before 14.1 either cannot
 * parse the bundles or lack built-ins they call, and would show a blank pane
 * or a ribbon button that never finishes. webpack.config.js inlines this file
 * into taskpane.html and commands.html; test/taskpane/engine-guard.test.ts
 * runs it against such engines' globals.
 */
(function (root) {
  /** Built-ins the ribbon command's bundle calls (the engine and the Excel adapter). */
  var COMMAND_NEEDS = {
    Promise: function (w) {
      return typeof w.Promise === 'function';
    },
    Symbol: function (w) {
      return typeof w.Symbol === 'function' && typeof w.Symbol.iterator === 'symbol';
    },
    Map: function (w) {
      return typeof w.Map === 'function' && typeof w.Set === 'function' && typeof w.WeakMap === 'function';
    },
    'Object.entries': function (w) {
      return typeof w.Object.entries === 'function';
    },
    'Object.fromEntries': function (w) {
      return typeof w.Object.fromEntries === 'function';
    },
    'String.prototype.matchAll': function (w) {
      return typeof w.String.prototype.matchAll === 'function';
    },
    'Array.prototype.includes': function (w) {
      return typeof w.Array.prototype.includes === 'function';
    },
  };
  /** And what React 18 and Fluent UI 9 (tabster, keyborg) call besides. */
  var PANE_NEEDS = {
    WeakRef: function (w) {
      return typeof w.WeakRef === 'function';
    },
    ResizeObserver: function (w) {
      return typeof w.ResizeObserver === 'function';
    },
    MutationObserver: function (w) {
      return typeof w.MutationObserver === 'function';
    },
    'CSS variables': function (w) {
      return !!(w.CSS && w.CSS.supports && w.CSS.supports('--scorecheck', '0'));
    },
  };

  /** The names of what `w` lacks for `page` ('pane' or 'commands'); empty where the bundle will run. */
  function missingFeatures(w, page) {
    var missing = [];
    if (w.document && w.document.documentMode) missing.push('Internet Explorer');
    var lists = page === 'pane' ? [COMMAND_NEEDS, PANE_NEEDS] : [COMMAND_NEEDS];
    for (var i = 0; i < lists.length; i++) {
      for (var name in lists[i]) {
        var ok = false;
        try {
          ok = lists[i][name](w);
        } catch (_e) {
          ok = false;
        }
        if (!ok) missing.push(name);
      }
    }
    return missing;
  }

  var api = { missingFeatures: missingFeatures };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.scorecheckEngineGuard = api;
})(this);
