/** Entry point of the browser page (index.html). */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Themed } from '../taskpane/App';
import { pickLang } from '../host/ui-strings';
import { WebApp } from './WebApp';

/** `?budget=5000` sets each file's time budget in ms (slow machines, tests); the default otherwise. */
function budgetFromUrl(): number | undefined {
  const ms = Number(new URLSearchParams(location.search).get('budget'));
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <Themed>
      <WebApp initialLang={pickLang(navigator.language)} budgetMs={budgetFromUrl()} />
    </Themed>,
  );
}
