/**
 * File and sheet names come from other people's disks and workbooks: an
 * escape sequence in one (`\x1b]0;…`, `\x1b[2J`) would retitle or clear the
 * reviewer's terminal, a bidi override would reorder what they read. On a
 * terminal every such character is shown as its escape instead.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function escapeForTerminal(line: string): string {
  return line.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
