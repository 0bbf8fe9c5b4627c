/**
 * The pane's state and what its buttons do, over any SheetHost. No Office
 * call here either: Excel's host and the browser page's host plug in alike.
 */
import * as React from 'react';
import type { Finding, Lang, WorkbookResult } from '../core';
import type { Sheet } from '../core';
import { DEFAULT_PROFILE, resolveProfile, type Profile } from '../core';
import type { AppliedFix, SheetHost, Unsubscribe, Validation } from './sheet-host';
import { HostError } from './sheet-host';
import type { ScoreCheckPaneProps } from './components/ScoreCheckPane';
import { findingKey } from './group-findings';
import { UI_STRINGS } from './i18n';

export type Check = (sheet: Sheet, profile: Profile) => WorkbookResult;

function toPaneError(error: unknown): ScoreCheckPaneProps['error'] {
  if (error instanceof HostError) return { code: error.code, sheet: error.sheet };
  return { code: 'failed' };
}

/** Everything ScoreCheckPane needs, wired to `host`. */
export function usePaneController(host: SheetHost, check: Check, lang: Lang): ScoreCheckPaneProps {
  const t = UI_STRINGS[lang];
  const [busy, setBusy] = React.useState<ScoreCheckPaneProps['busy']>();
  const [validation, setValidation] = React.useState<Validation>();
  const [liveOn, setLiveOn] = React.useState(false);
  const [error, setError] = React.useState<ScoreCheckPaneProps['error']>();
  const [notice, setNotice] = React.useState<string>();
  const [showUndoWarning, setShowUndoWarning] = React.useState(false);
  const [appliedFixes, setAppliedFixes] = React.useState<ReadonlyMap<string, AppliedFix>>(new Map());
  const [profile, setProfile] = React.useState<Profile>(DEFAULT_PROFILE);
  const profileRef = React.useRef(profile);

  // Live edits can arrive while a validation runs: run once more afterwards, never twice at once.
  const running = React.useRef(false);
  const again = React.useRef(false);
  const undoWarned = React.useRef(false);
  const unsubscribe = React.useRef<Unsubscribe>();
  const mounted = React.useRef(true);

  const validate = React.useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    setBusy('validating');
    setNotice(undefined);
    try {
      do {
        again.current = false;
        try {
          const v = await host.validate((sheet) => check(sheet, profileRef.current));
          if (!mounted.current) return;
          setValidation(v);
          setError(undefined);
          setAppliedFixes(new Map());
        } catch (e) {
          if (mounted.current) setError(toPaneError(e));
        }
      } while (again.current);
    } finally {
      running.current = false;
      if (mounted.current) setBusy(undefined);
    }
  }, [host, check]);

  const startLive = React.useCallback(async () => {
    if (unsubscribe.current) return;
    unsubscribe.current = await host.onSheetChanged(() => void validate());
  }, [host, validate]);

  const stopLive = React.useCallback(async () => {
    const stop = unsubscribe.current;
    unsubscribe.current = undefined;
    if (stop) await stop();
  }, []);

  // The profile is kept with the document; a stored one a user broke by hand falls back to the defaults.
  React.useEffect(() => {
    host
      .loadProfile?.()
      .then((stored) => {
        if (stored === undefined || !mounted.current) return;
        try {
          profileRef.current = resolveProfile(stored);
          setProfile(profileRef.current);
        } catch {
          // keep the defaults
        }
      })
      .catch(() => undefined);
  }, [host]);

  const onProfileChange = React.useCallback(
    async (next: Profile) => {
      profileRef.current = next;
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
          if (!host.features.undoKeptOnWrite && !undoWarned.current) {
            undoWarned.current = true;
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
    [host, startLive, stopLive, validate],
  );

  const onClearMarks = React.useCallback(async () => {
    setBusy('clearing');
    setNotice(undefined);
    try {
      await host.clearMarks();
      setError(undefined);
      setNotice(t.marksCleared);
    } catch (e) {
      setError(toPaneError(e));
    } finally {
      setBusy(undefined);
    }
  }, [host, t]);

  const onSelectFinding = React.useCallback(
    async (f: Finding) => {
      try {
        await host.selectCell(f.sheet, f.cell);
      } catch (e) {
        setError(toPaneError(e));
      }
    },
    [host],
  );

  const onFix = React.useCallback(
    async (f: Finding) => {
      try {
        const fix = await host.applyFix(f);
        setAppliedFixes((m) => new Map(m).set(findingKey(f), fix));
        setNotice(t.fixed(f.cell, f.expected ?? String(f.fixValue)));
        setError(undefined);
      } catch (e) {
        setError(toPaneError(e));
      }
    },
    [host, t],
  );

  const onUndoFix = React.useCallback(
    async (f: Finding) => {
      const fix = appliedFixes.get(findingKey(f));
      if (!fix) return;
      try {
        await host.undoFix(fix);
        setError(undefined);
        setNotice(undefined);
      } catch (e) {
        setError(toPaneError(e));
      }
      // Either way the fix is no longer undoable: undone, or the user's own edit won.
      setAppliedFixes((m) => {
        const next = new Map(m);
        next.delete(findingKey(f));
        return next;
      });
    },
    [host, appliedFixes],
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
    onProfileChange: (p) => void onProfileChange(p),
    onValidate: () => void validate(),
    onLiveChange: (on) => void onLiveChange(on),
    onClearMarks: () => void onClearMarks(),
    onSelectFinding: (f) => void onSelectFinding(f),
    onFix: (f) => void onFix(f),
    onUndoFix: (f) => void onUndoFix(f),
    onDismissUndoWarning: () => setShowUndoWarning(false),
    onDismissError: () => setError(undefined),
  };
}
