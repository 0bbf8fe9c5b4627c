/**
 * The ribbon's "Validate sheet" button: validates the active sheet and marks
 * it without opening the pane. Function commands have no UI of their own, so
 * the marks (and the pane, when opened) are the answer.
 */
import { checkSheet } from '../core';
import { createOfficeExcelHost } from '../excel';
import { pickLang } from '../taskpane/i18n';

async function validateSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const host = createOfficeExcelHost(pickLang(Office.context.displayLanguage));
    await host.validate((sheet) => checkSheet(sheet));
  } catch (error) {
    // Nothing to show it on: a protected sheet or an old Excel simply gets no marks.
    console.error('ScoreCheck: validation failed', error);
  } finally {
    // Office waits for this; without it the button stays busy.
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('validateSheet', validateSheet);
});
