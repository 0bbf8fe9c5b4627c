/**
 * The manifest, read the way Office's tooling reads it (office-addin-manifest)
 * and parsed as XML for the ribbon commands the reader does not expose.
 * `npm run validate` asks Microsoft's online validator, which is unreachable
 * from CI; this is what we can check offline.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { ManifestInfo } from 'office-addin-manifest';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const ORIGIN = 'https://localhost:3000';

type Xml = Record<string, unknown>;

// xml2js comes with office-addin-manifest (its reader parses with it) and ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require('xml2js') as { parseStringPromise(xml: string): Promise<Xml> };

/**
 * office-addin-manifest's own reader, in a child Node: it pulls ESM-only
 * packages (strip-bom, uuid 14) that Node 20 loads but jest's CommonJS
 * runtime cannot.
 */
function readManifestFile(file: string): ManifestInfo {
  const script =
    "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
    '.then((info) => process.stdout.write(JSON.stringify(info)))';
  return JSON.parse(execFileSync(process.execPath, ['-e', script, file], { cwd: ROOT, encoding: 'utf8' }));
}

function all(node: unknown, name: string): Xml[] {
  const out: Xml[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n)) {
        if (k === name) out.push(...(Array.isArray(v) ? v : [v]));
        walk(v);
      }
    }
  };
  walk(node);
  return out;
}

const attr = (n: Xml, a: string) => (n.$ as Record<string, string> | undefined)?.[a];
const text = (n: unknown) => (Array.isArray(n) ? (typeof n[0] === 'string' ? n[0] : (n[0] as Xml)._) : n) as string;

describe('manifest.xml', () => {
  let xml: Xml;
  beforeAll(async () => {
    xml = await parseStringPromise(fs.readFileSync(MANIFEST, 'utf8'));
  });

  it('is an Excel task-pane add-in that asks only to read and write the document', () => {
    const info = readManifestFile(MANIFEST);
    expect(info.id).toBe('3ed6b16d-f7b6-4e17-bff5-9053020f4eb0');
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.displayName).toBe('ScoreCheck');
    expect(info.defaultLocale).toBe('en-US');
    expect(info.defaultSettings?.sourceLocation).toBe(`${ORIGIN}/taskpane.html`);
    expect(info.appDomains).toEqual([ORIGIN]);
    expect(info.iconUrl).toBe(`${ORIGIN}/assets/icon-32.png`);
    expect(info.highResolutionIconUrl).toBe(`${ORIGIN}/assets/icon-64.png`);
  });

  it('demands no requirement set, so Office 2019 and 2021 still load it', () => {
    expect(all(xml, 'Requirements')).toEqual([]);
  });

  it('puts Validate sheet (a function) and ScoreCheck (the pane) in one group on the Home tab', () => {
    const tab = all(xml, 'OfficeTab');
    expect(tab.map((t) => attr(t, 'id'))).toEqual(['TabHome']);
    const controls = all(tab, 'Control');
    expect(controls.map((c) => attr(c, 'id'))).toEqual(['ScoreCheck.ValidateButton', 'ScoreCheck.TaskpaneButton']);
    const actions = controls.map((c) => all(c, 'Action')[0]);
    expect(actions.map((a) => attr(a, 'xsi:type'))).toEqual(['ExecuteFunction', 'ShowTaskpane']);
    expect(text(actions[0].FunctionName)).toBe('validateSheet');
    expect(attr(all(actions[1], 'SourceLocation')[0], 'resid')).toBe('Taskpane.Url');
  });

  it('labels both buttons in English with Chinese overrides', () => {
    const strings = all(xml, 'bt:String');
    const byId = (id: string) => strings.find((s) => attr(s, 'id') === id)!;
    const zh = (id: string) =>
      attr(
        all(byId(id), 'bt:Override').find((o) => attr(o, 'Locale') === 'zh-CN')!,
        'Value',
      );
    expect(attr(byId('ValidateButton.Label'), 'DefaultValue')).toBe('Validate sheet');
    expect(zh('ValidateButton.Label')).toBe('校验本表');
    expect(attr(byId('TaskpaneButton.Label'), 'DefaultValue')).toBe('ScoreCheck');
    expect(zh('Group.Label')).toBe('绩效自评校验');
  });

  it('serves pages and icons from one origin, and every icon exists at its size', () => {
    const urls = all(xml, 'bt:Url').map((u) => attr(u, 'DefaultValue'));
    expect(urls).toEqual([`${ORIGIN}/help.html`, `${ORIGIN}/commands.html`, `${ORIGIN}/taskpane.html`]);
    const images = all(xml, 'bt:Image').filter((i) => attr(i, 'id'));
    expect(images.map((i) => attr(i, 'id'))).toEqual(['Icon.16x16', 'Icon.32x32', 'Icon.80x80']);
    for (const size of [16, 32, 64, 80]) {
      const png = fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      // IHDR width and height, big-endian at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    for (const image of images) {
      const size = Number(/(\d+)x/.exec(attr(image, 'id')!)![1]);
      expect(attr(image, 'DefaultValue')).toBe(`${ORIGIN}/assets/icon-${size}.png`);
    }
  });

  it('mentions no origin but the one the build rewrites', () => {
    const source = fs.readFileSync(MANIFEST, 'utf8');
    const origins = new Set(source.match(/https:\/\/[^/"\s<]+/g));
    expect([...origins]).toEqual([ORIGIN]);
  });
});
