/** Entry point of the browser page (index.html). */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Themed } from '../taskpane/App';
import { pickLang } from '../taskpane/i18n';
import { WebApp } from './WebApp';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <Themed>
      <WebApp initialLang={pickLang(navigator.language)} />
    </Themed>,
  );
}
