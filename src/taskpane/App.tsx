/** The pane as a running app: a host and the engine, wired to the presentational pane. */
import * as React from 'react';
import { FluentProvider } from '@fluentui/react-components';
import type { Lang } from '../core';
import { checkWithProfile, type Check, type SheetHost } from '../host';
import { ScoreCheckPane } from './components/ScoreCheckPane';
import { FLUENT_THEMES, type PaneTheme } from './theme';
import { usePaneController } from './use-pane-controller';

export interface AppProps {
  host: SheetHost;
  lang: Lang;
  check?: Check;
}

export function App({ host, lang, check = checkWithProfile }: AppProps): React.JSX.Element {
  const pane = usePaneController(host, check, lang);
  return <ScoreCheckPane {...pane} />;
}

/** Fluent's theme around any part of the pane (light unless Office says otherwise). */
export function Themed({ children, theme = 'light' }: { children: React.ReactNode; theme?: PaneTheme }): React.JSX.Element {
  return <FluentProvider theme={FLUENT_THEMES[theme]}>{children}</FluentProvider>;
}
