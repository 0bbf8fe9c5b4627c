/**
 * The ribbon's "Validate sheet" button: validates the active sheet with the
 * profile and ignored findings the document keeps (validateActiveSheet, the
 * pane's own step), marks it, and says what it found in a small dialog:
 * function commands have no UI of their own, and a silent button leaves a
 * user unsure whether a clean sheet was checked at all.
 */
import { createOfficeExcelHost } from '../excel';
import { HostError, loadDocumentPolicy, validateActiveSheet } from '../host';
import { pickLang } from '../host/ui-strings';
import { ribbonMessage, type RibbonOutcome } from './ribbon-message';

/** Longer than any validation of a sheet ScoreCheck accepts; past it the button is released all the same. */
const COMMAND_TIMEOUT_MS = 120_000;
const DIALOG_TIMEOUT_MS = 10_000;

async function outcomeOfValidation(lang: ReturnType<typeof pickLang>): Promise<RibbonOutcome> {
  try {
    const host = createOfficeExcelHost(lang);
    const validation = await validateActiveSheet(host, await loadDocumentPolicy(host));
    return { validation };
  } catch (error) {
    console.error('ScoreCheck: validation failed', error);
    return error instanceof HostError ? { error: error.code, sheet: error.sheet } : { error: 'failed' };
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    work.then((v) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}

/** Opens result.html as a dialog with `text`; resolves once Office has answered, shown or not. */
function showResult(text: string): Promise<void> {
  return new Promise((resolve) => {
    const url = `${window.location.href.replace(/commands\.html.*$/, 'result.html')}#${encodeURIComponent(text)}`;
    try {
      Office.context.ui.displayDialogAsync(url, { height: 30, width: 40, displayInIframe: true }, () => resolve());
    } catch (error) {
      console.error('ScoreCheck: could not show the result', error);
      resolve();
    }
  });
}

async function validateSheet(event: Office.AddinCommands.Event): Promise<void> {
  const lang = pickLang(Office.context.displayLanguage);
  try {
    const outcome = await withTimeout(outcomeOfValidation(lang), COMMAND_TIMEOUT_MS, { error: 'failed' } as RibbonOutcome);
    // Office answers displayDialogAsync's callback even when it shows nothing; this is for when it does not.
    await withTimeout(showResult(ribbonMessage(outcome, lang)), DIALOG_TIMEOUT_MS, undefined);
  } finally {
    // Office waits for this; without it the button stays busy.
    event.completed();
  }
}

// commands.html's guard already answers the button where this bundle cannot run.
if (!(window as unknown as { __scorecheckLegacyBrowser?: boolean }).__scorecheckLegacyBrowser) {
  Office.onReady(() => {
    Office.actions.associate('validateSheet', validateSheet);
  });
}
