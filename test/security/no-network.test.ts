/**
 * No data leaves the machine (docs/domain.md §5, issue 6): no built bundle makes a
 * network request, and the pages say so in their Content-Security-Policy.
 * It scans what `npm run build` just built: `npm run test:browser` runs it
 * right after the build (jest.bundles.config.js), never against stale or
 * missing bundles, and never builds them itself.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

const ROOT = resolve(__dirname, '..', '..');
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Folders of built bundles; Office's own script (copied into office-js/ by the intranet build) is not ours to scan. */
const BUNDLE_DIRS = ['dist/addin', 'dist/web'];
const OFFICE_OWN_DIR = 'office-js';

/**
 * Every built page. `csp: true` pages must carry a Content-Security-Policy
 * that forbids connections; pages Office hosts (task pane, ribbon commands)
 * load Office.js from Microsoft's CDN, so they are held to "no remote script
 * but Office's" instead. Add a page here when webpack gains one.
 */
const PAGES: { file: string; csp: boolean }[] = [
  { file: 'dist/web/index.html', csp: true },
  { file: 'dist/addin/taskpane.html', csp: false },
  { file: 'dist/addin/commands.html', csp: false },
];

/** What a network request needs in browser JavaScript. */
const NETWORK_APIS = /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b/g;

function bundles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== OFFICE_OWN_DIR) walk(join(dir, e.name));
      } else if (e.name.endsWith('.js')) out.push(join(dir, e.name));
    }
  };
  for (const d of BUNDLE_DIRS) if (existsSync(join(ROOT, d))) walk(join(ROOT, d));
  return out;
}

beforeAll(() => {
  const missing = PAGES.filter((p) => !existsSync(join(ROOT, p.file))).map((p) => p.file);
  if (missing.length > 0) throw new Error(`not built: ${missing.join(', ')} (npm run build first)`);
});

describe('built bundles', () => {
  it('exist for the add-in and the browser page', () => {
    const names = bundles().map((f) => f.slice(ROOT.length + 1));
    expect(names.some((n) => n.startsWith('dist/addin/taskpane.'))).toBe(true);
    expect(names.some((n) => n.startsWith('dist/web/web.'))).toBe(true);
  });

  it('never call fetch, XMLHttpRequest, WebSocket, sendBeacon or EventSource', () => {
    const uses: string[] = [];
    for (const file of bundles()) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(NETWORK_APIS)) {
        uses.push(`${file.slice(ROOT.length + 1)}: …${text.slice(Math.max(0, m.index! - 40), m.index! + 40)}…`);
      }
    }
    expect(uses).toEqual([]);
  });
});

function metaCsp(html: string): string | undefined {
  // The built page is minified: attribute quotes may be gone where not needed.
  const m = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(?:"([^"]*)"|'([^']*)')/i.exec(html);
  return m?.[1] ?? m?.[2];
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe.each(PAGES)('page $file', ({ file, csp }) => {
  const html = () => readFileSync(join(ROOT, file), 'utf8');

  it('loads no script from another origin but Office.js from Microsoft', () => {
    const remote = [...html().matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/gi)]
      .map((m) => m[1])
      .filter((src) => /^(https?:)?\/\//i.test(src));
    expect(remote.filter((src) => src !== OFFICE_JS_CDN)).toEqual([]);
    if (csp) expect(remote).toEqual([]);
  });

  if (csp) {
    it('has a Content-Security-Policy that forbids every connection and remote code', () => {
      const policy = metaCsp(html());
      expect(policy).toBeDefined();
      const d = directives(policy!);
      expect(d.get('default-src')).toEqual(["'none'"]);
      expect(d.get('connect-src')).toEqual(["'none'"]);
      expect(d.get('script-src')).toEqual(["'self'"]);
      expect(d.get('form-action')).toEqual(["'none'"]);
      for (const [name, values] of d) {
        // No host, scheme-wide or eval source anywhere (data:/blob: only for images, fonts and downloads).
        expect({
          name,
          bad: values.filter((v) => /^(https?:|wss?:|\*|'unsafe-eval')/.test(v) || /\.[a-z]{2,}$/i.test(v)),
        }).toEqual({ name, bad: [] });
      }
    });
  }
});
