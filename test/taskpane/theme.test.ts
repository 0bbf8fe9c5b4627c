/** The pane follows Office's theme: Office's own body colours, and Windows' contrast themes. */
import { FLUENT_THEMES, pickTheme } from '../../src/taskpane/theme';

describe('pickTheme', () => {
  it.each([
    ['#FFFFFF', false, 'light'], // Office white
    ['#E6E6E6', false, 'light'], // Office light grey / colourful
    ['#262626', false, 'dark'], // Office dark grey
    ['#000000', false, 'dark'], // Office black
    [undefined, false, 'light'], // Excel on the web gives no theme
    ['#FFFFFF', true, 'high-contrast'], // a Windows contrast theme wins
    ['not a colour', false, 'light'],
  ])('body %s, forced colours %s → %s', (bg, forced, theme) => {
    expect(pickTheme(bg, forced)).toBe(theme);
    expect(FLUENT_THEMES[pickTheme(bg, forced)]).toBeDefined();
  });
});
