/**
 * The pane's state and what its buttons do, over any SheetHost. No Office
 * call here either; every validation goes through the host's one
 * validateActiveSheet step, as the ribbon's does.
 */
import * as React from 'react';
import type { Finding, Lang, Profile } from '../core';
import { DEFAULT_PROFILE } from '../core';
import type { AppliedFix, DocumentPolicy, SheetChange, SheetHost, Unsubscribe, Validation } from '../host';
import { checkWithProfile, findingKey, HostError, ignoreKey, loadDocumentPolicy, validateActiveSheet, type Check } from '../host';
import type { PaneConfirm, ScoreCheckPaneProps } from './components/ScoreCheckPane';
import { orderedFindings } from './group-findings';
import { UI_STRINGS } from '../host/ui-strings';

function toPaneError(error: unknown): ScoreCheckPaneProps['error'] {
  if (error instanceof HostError) return { code: error.code, sheet: error.sheet };
  return { code: 'failed' };
}

/** Everything ScoreCheckPane needs, wired to `host`. */
export function usePaneController(host: SheetHost, check: Check = checkWithProfile, lang: Lang): ScoreCheckPaneProps {
  const t = UI_STRINGS[lang];
  const [busy, setBusy] = React.useState<ScoreCheckPaneProps['busy']>();
  const [validation, setValidation] = React.useState<Validation>();
  const [liveOn, setLiveOn] = React.useState(false);
  const [error, setError] = React.useState<ScoreCheckPaneProps['error']>();
  const [notice, setNotice] = React.useState<string>();
  const [showUndoWarning, setShowUndoWarning] = React.useState(false);
  const [appliedFixes, setAppliedFixes] = React.useState<ReadonlyMap<string, AppliedFix>>(new Map());
  const [profile, setProfile] = React.useState<Profile>(DEFAULT_PROFILE);
  const [showIgnored, setShowIgnored] = React.useState(false);
  const [confirm, setConfirm] = React.useState<PaneConfirm>();
  const [selectedKey, setSelectedKey] = React.useState<string>();
  const [summaryFocus, setSummaryFocus] = React.useState(0);
  const policy = React.useRef<DocumentPolicy>({ profile: DEFAULT_PROFILE, ignored: new Set() });
  const policyLoaded = React.useRef<Promise<void>>();

  // Live edits can arrive while a validation runs: run once more afterwards, never twice at once.
  const running = React.useRef(false);
  const again = React.useRef<{ changes?: SheetChange[] }>();
  /** Set once the user accepted (or was told) that writing clears Excel's undo history. */
  const undoAccepted = React.useRef(false);
  const unsubscribe = React.useRef<Unsubscribe>();
  const mounted = React.useRef(true);
  const writesClearUndo = !host.features.undoKeptOnWrite && host.features.marks !== 'none';

  /** Runs `action` now, or after the user accepts that it clears Excel's undo history. */
  const afterUndoConsent = React.useCallback(
    (action: 'validate' | 'fix', run: () => void) => {
      if (!writesClearUndo || undoAccepted.current) return run();
      setConfirm({
        kind: 'undo',
        action,
        message: t.undoConfirm(action),
        onConfirm: () => ((undoAccepted.current = true), run()),
      });
    },
    [writesClearUndo, t],
  );

  const validate = React.useCallback(
    async (options: { changes?: SheetChange[]; focusSummary?: boolean } = {}) => {
      if (running.current) {
        // One more run afterwards: a full one if any caller asked for it, else over every edit waiting.
        const waiting = again.current;
        if (!options.changes) again.current = {};
        else if (!waiting) again.current = { changes: options.changes };
        else if (waiting.changes) again.current = { changes: [...waiting.changes, ...options.changes] };
        return;
      }
      running.current = true;
      setBusy('validating');
      let next: { changes?: SheetChange[] } | undefined = { changes: options.changes };
      try {
        await policyLoaded.current;
        while (next) {
          const { changes } = next;
          again.current = undefined;
          try {
            const v = await validateActiveSheet(host, policy.current, { changes, check });
            if (!mounted.current) return;
            setValidation(v);
            setError(undefined);
          } catch (e) {
            if (mounted.current) setError(toPaneError(e));
          }
          next = again.current;
        }
        if (options.focusSummary && mounted.current) setSummaryFocus((n) => n + 1);
      } finally {
        running.current = false;
        if (mounted.current) setBusy(undefined);
      }
    },
    [host, check],
  );

  const startLive = React.useCallback(async () => {
    if (unsubscribe.current) return;
    unsubscribe.current = await host.onSheetChanged((changes) => void validate({ changes }));
  }, [host, validate]);

  const stopLive = React.useCallback(async () => {
    const stop = unsubscribe.current;
    unsubscribe.current = undefined;
    if (stop) await stop();
  }, []);

  // The profile and the ignored findings are kept with the document, read once: the same step the ribbon uses.
  React.useEffect(() => {
    policyLoaded.current = loadDocumentPolicy(host)
      .then((p) => {
        policy.current = p;
        if (mounted.current) setProfile(p.profile);
      })
      .catch(() => undefined);
  }, [host]);

  const onProfileChange = React.useCallback(
    async (next: Profile) => {
      policy.current = { ...policy.current, profile: next };
      setProfile(next);
      try {
        await host.saveProfile?.(next);
        if (validation) await validate();
      } catch (e) {
        setError(toPaneError(e));
      }
    },
    [host, validation, validate],
  );

  // Live mode is remembered per document: restore it when the pane opens.
  React.useEffect(() => {
    mounted.current = true;
    if (host.features.live) {
      host
        .loadLiveMode()
        .then(async (on) => {
          if (!on || !mounted.current) return;
          setLiveOn(true);
          // Turned on earlier in this document: the user was told then.
          undoAccepted.current = true;
          await startLive();
          await validate();
        })
        .catch((e) => mounted.current && setError(toPaneError(e)));
    }
    return () => {
      mounted.current = false;
      void stopLive();
    };
  }, [host, startLive, stopLive, validate]);

  const onLiveChange = React.useCallback(
    async (on: boolean) => {
      setLiveOn(on);
      try {
        await host.saveLiveMode(on);
        if (on) {
          if (writesClearUndo && !undoAccepted.current) {
            undoAccepted.current = true;
            setShowUndoWarning(true);
          }
          await startLive();
          await validate();
        } else {
          await stopLive();
        }
      } catch (e) {
        setError(toPaneError(e));
      }
    },
    [host, startLive, stopLive, validate, writesClearUndo],
  );

  const onClearMarks = React.useCallback(async () => {
    setBusy('clearing');
    setNotice(undefined);
    try {
      const report = await host.clearMarks();
      // The sheet has no marks now: neither has the pane (its findings were what the marks said).
      setValidation(undefined);
      setAppliedFixes(new Map());
      setSelectedKey(undefined);
      setError(undefined);
      const parts = [t.marksCleared];
      if (report.kept.length > 0) parts.push(t.keptNotes(report.kept));
      if (report.formatsUnreadable.length > 0) parts.push(t.formatsLeft(report.formatsUnreadable));
      parts.push(t.clearedHint);
      setNotice(parts.join(' '));
    } catch (e) {
      setError(toPaneError(e));
    } finally {
      setBusy(undefined);
    }
  }, [host, t]);

  const select = React.useCallback(
    async (f: Finding) => {
      setSelectedKey(findingKey(f));
      try {
        await host.selectCell(f.sheet, f.cell);
      } catch (e) {
        setError(toPaneError(e));
      }
    },
    [host],
  );

  const listed = React.useMemo(() => (validation ? orderedFindings(validation.result) : []), [validation]);

  const step = React.useCallback(
    (by: 1 | -1) => {
      if (listed.length === 0) return;
      const at = listed.findIndex((f) => findingKey(f) === selectedKey);
      const next = at < 0 ? (by === 1 ? 0 : listed.length - 1) : (at + by + listed.length) % listed.length;
      void select(listed[next]);
    },
    [listed, selectedKey, select],
  );

  /** After a write to one cell: re-check, reading only that cell where the host can. */
  const recheckCell = React.useCallback((f: { cell: string }) => validate({ changes: [{ address: f.cell }] }), [validate]);

  const fix = React.useCallback(
    async (f: Finding, overwriteFormula: boolean) => {
      try {
        const applied = await host.applyFix(f, { overwriteFormula });
        setAppliedFixes((m) => new Map(m).set(findingKey(f), applied));
        setNotice(t.fixed(f.cell, f.expected ?? String(f.fixValue)));
        setError(undefined);
        await recheckCell(f);
      } catch (e) {
        if (e instanceof HostError && e.code === 'has-formula') {
          setConfirm({
            kind: 'formula',
            message: t.confirmOverwriteFormula(f.cell, e.detail, f.expected ?? String(f.fixValue)),
            onConfirm: () => void fix(f, true),
          });
          return;
        }
        setError(toPaneError(e));
      }
    },
    [host, t, recheckCell],
  );

  const onUndoFix = React.useCallback(
    async (applied: AppliedFix) => {
      try {
        await host.undoFix(applied);
        setError(undefined);
        setNotice(undefined);
      } catch (e) {
        setError(toPaneError(e));
      }
      // Either way the fix is no longer undoable: undone, or the user's own edit won.
      setAppliedFixes((m) => new Map([...m].filter(([, a]) => a !== applied)));
      await recheckCell(applied);
    },
    [host, recheckCell],
  );

  const setIgnored = React.useCallback(
    async (f: Finding, ignore: boolean) => {
      const keys = new Set(policy.current.ignored);
      if (ignore) keys.add(ignoreKey(f));
      else keys.delete(ignoreKey(f));
      policy.current = { ...policy.current, ignored: keys };
      try {
        await host.saveIgnored?.([...keys]);
        await recheckCell(f);
      } catch (e) {
        setError(toPaneError(e));
      }
    },
    [host, recheckCell],
  );

  return {
    lang,
    features: host.features,
    busy,
    validation,
    liveOn,
    error,
    notice,
    showUndoWarning,
    appliedFixes,
    profile,
    showIgnored,
    confirm,
    selectedKey,
    summaryFocus,
    onProfileChange: (p) => void onProfileChange(p),
    onValidate: () => afterUndoConsent('validate', () => void validate({ focusSummary: true })),
    onLiveChange: (on) => void onLiveChange(on),
    onClearMarks: () => void onClearMarks(),
    onSelectFinding: (f) => void select(f),
    onNextFinding: () => step(1),
    onPreviousFinding: () => step(-1),
    onFix: (f) => afterUndoConsent('fix', () => void fix(f, false)),
    onUndoFix: (a) => void onUndoFix(a),
    onIgnore: (f) => void setIgnored(f, true),
    onUnignore: (f) => void setIgnored(f, false),
    onShowIgnoredChange: setShowIgnored,
    onConfirm: () => {
      const c = confirm;
      setConfirm(undefined);
      c?.onConfirm();
    },
    onCancelConfirm: () => setConfirm(undefined),
    onDismissUndoWarning: () => setShowUndoWarning(false),
    onDismissError: () => setError(undefined),
  };
}
