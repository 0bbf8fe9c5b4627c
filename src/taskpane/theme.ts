/**
 * The pane follows Office's theme: dark when Office's body background is
 * dark (Office.context.officeTheme), high contrast when Windows forces its
 * colours (a contrast theme). Fluent's own themes do the rest.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type PaneTheme = 'light' | 'dark' | 'high-contrast';

export const FLUENT_THEMES: Record<PaneTheme, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  'high-contrast': teamsHighContrastTheme,
};

/** Relative luminance (WCAG) of "#RRGGBB"; undefined for anything else. */
function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function pickTheme(officeBodyBackground: string | undefined, forcedColors: boolean): PaneTheme {
  if (forcedColors) return 'high-contrast';
  const l = officeBodyBackground ? luminance(officeBodyBackground) : undefined;
  // Office's dark grey (#262626) and black themes; its light grey (#E6E6E6) and white stay light.
  return l !== undefined && l < 0.2 ? 'dark' : 'light';
}
