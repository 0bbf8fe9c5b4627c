/** The build's choices that matter to users: where Office.js comes from, where the manifest points. */
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.resolve(__dirname, '../../webpack.config.js'));

type Plugin = { constructor: { name: string }; userOptions?: { filename: string; templateParameters: { officeJsUrl: string } } };

function officeJsUrls(options: { intranet: boolean }): Record<string, string> {
  const built = config.createConfig({
    production: true,
    serving: false,
    baseUrl: 'https://oa.example.gov.cn/scorecheck',
    ...options,
  });
  const pages = (built.plugins as Plugin[]).filter((p) => p.constructor.name === 'HtmlWebpackPlugin');
  return Object.fromEntries(pages.map((p) => [p.userOptions!.filename, p.userOptions!.templateParameters.officeJsUrl]));
}

describe('webpack.config.js', () => {
  it('loads Office.js from the CDN by default and from our own origin in the intranet build', () => {
    expect(officeJsUrls({ intranet: false })).toEqual({
      'taskpane.html': 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
      'commands.html': 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
    });
    expect(officeJsUrls({ intranet: true })).toEqual({
      'taskpane.html': 'office-js/office.js',
      'commands.html': 'office-js/office.js',
    });
  });

  it('points every manifest URL and the AppDomain at SCORECHECK_BASE_URL', () => {
    const xml =
      '<AppDomain>https://localhost:3000</AppDomain><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>';
    expect(config.rewriteManifest(xml, 'https://oa.example.gov.cn/scorecheck/')).toBe(
      '<AppDomain>https://oa.example.gov.cn</AppDomain><SourceLocation DefaultValue="https://oa.example.gov.cn/scorecheck/taskpane.html"/>',
    );
  });

  it('has one entry per page, so the browser page can add its own', () => {
    expect(config.PAGES.map((p: { name: string }) => p.name)).toEqual(['taskpane', 'commands']);
    const built = config.createConfig({ production: true, intranet: false, serving: false });
    expect(Object.keys(built.entry)).toEqual(['taskpane', 'commands']);
    expect(built.output.path).toBe(path.resolve(__dirname, '../../dist/addin'));
  });

  it('transpiles node_modules too, and tells webpack and its minifier the same ES2017 target, for the pane, command and page', () => {
    expect(config.ECMASCRIPT_TARGET).toBe('ES2017');
    const built = [
      config.createConfig({ production: true, intranet: false, serving: false }),
      config.createWebConfig({ production: true }),
    ];
    for (const c of built) {
      expect(c.target).toEqual(['web', 'es2017']);
      const vendor = c.module.rules.find((r: { include?: RegExp }) => r.include?.test('/x/node_modules/tabster/dist/index.js'));
      expect(vendor.test.test('tabster.esm.js')).toBe(true);
      expect(vendor.use.options.compilerOptions).toMatchObject({ allowJs: true, target: 'ES2017' });
    }
  });

  it('inlines the ES5 engine guard into both add-in pages', () => {
    const built = config.createConfig({ production: true, intranet: false, serving: false });
    const pages = (built.plugins as Plugin[]).filter((p) => p.constructor.name === 'HtmlWebpackPlugin');
    for (const p of pages) {
      expect((p.userOptions!.templateParameters as unknown as { engineGuard: string }).engineGuard).toContain(
        'function missingFeatures',
      );
    }
  });
});
