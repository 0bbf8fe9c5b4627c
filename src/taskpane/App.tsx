/** The pane as a running app: a host and the engine, wired to the presentational pane. */
import * as React from 'react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../core';
import { checkSheet } from '../core';
import type { SheetHost } from './sheet-host';
import { ScoreCheckPane } from './components/ScoreCheckPane';
import { usePaneController, type Check } from './use-pane-controller';

const checkWithProfile: Check = (sheet, profile) => checkSheet(sheet, { profile });

export interface AppProps {
  host: SheetHost;
  lang: Lang;
  check?: Check;
}

export function App({ host, lang, check = checkWithProfile }: AppProps): React.JSX.Element {
  const pane = usePaneController(host, check, lang);
  return <ScoreCheckPane {...pane} />;
}

/** Fluent's theme around any part of the pane. */
export function Themed({ children }: { children: React.ReactNode }): React.JSX.Element {
  return <FluentProvider theme={webLightTheme}>{children}</FluentProvider>;
}
