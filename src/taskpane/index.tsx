/** Entry point of taskpane.html: waits for Office.js, then shows the pane or says why it cannot. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createOfficeExcelHost } from '../excel';
import { App, Themed } from './App';
import { OutsideOffice } from './components/OutsideOffice';
import { pickLang, UI_STRINGS } from '../host/ui-strings';
import { waitForOffice } from './office-ready';
import { pickTheme } from './theme';

const OFFICE_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  // taskpane.html's ES5 check already showed its message: this bundle would not run there anyway.
  if ((window as unknown as { __scorecheckLegacyBrowser?: boolean }).__scorecheckLegacyBrowser) return;
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const browserLang = pickLang(navigator.language);
  root.render(
    <Themed>
      <p role="status">{UI_STRINGS[browserLang].loading}</p>
    </Themed>,
  );

  const office = typeof Office === 'undefined' ? undefined : Office;
  const ready = await waitForOffice(office, OFFICE_TIMEOUT_MS);
  if (ready.state === 'timeout' || ready.host !== 'Excel') {
    root.render(
      <Themed>
        <OutsideOffice
          strings={UI_STRINGS[browserLang]}
          reason={ready.state === 'timeout' ? 'timeout' : 'not-excel'}
          onRetry={() => window.location.reload()}
        />
      </Themed>,
    );
    return;
  }
  const lang = pickLang(ready.displayLanguage);
  const theme = pickTheme(
    Office.context.officeTheme?.bodyBackgroundColor,
    typeof window.matchMedia === 'function' && window.matchMedia('(forced-colors: active)').matches,
  );
  root.render(
    <Themed theme={theme}>
      <App host={createOfficeExcelHost(lang)} lang={lang} />
    </Themed>,
  );
}

void main();
