/**
 * The production dependency tree is small and known (issue 6): every
 * package `npm ls --omit=dev --all` finds must be named in SECURITY.md,
 * and the overrides that pin vulnerable transitive packages must hold.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join, resolve } from 'path';

const ROOT = resolve(__dirname, '..', '..');

interface NpmTree {
  version?: string;
  dependencies?: Record<string, NpmTree>;
}

function installedProductionTree(): Map<string, Set<string>> {
  // npm ls exits 1 on an extraneous or invalid package but still prints the tree.
  let out: string;
  try {
    out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 << 20,
    });
  } catch (e) {
    out = (e as { stdout: string }).stdout;
  }
  const found = new Map<string, Set<string>>();
  const walk = (node: NpmTree) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (!found.has(name)) found.set(name, new Set());
      if (child.version) found.get(name)!.add(child.version);
      walk(child);
    }
  };
  walk(JSON.parse(out) as NpmTree);
  return found;
}

/** Package names from SECURITY.md's tables: the first cell of each row, in backticks. */
function listedPackages(): Map<string, string> {
  const text = readFileSync(join(ROOT, 'SECURITY.md'), 'utf8');
  const listed = new Map<string, string>();
  for (const m of text.matchAll(/^\|\s*`([^`]+)`\s*\|\s*([^|]*)\|/gm)) listed.set(m[1], m[2].trim());
  return listed;
}

describe('production dependencies', () => {
  const installed = installedProductionTree();
  const listed = listedPackages();

  it('every installed production package is named in SECURITY.md', () => {
    expect([...installed.keys()].filter((name) => !listed.has(name)).sort()).toEqual([]);
  });

  it('SECURITY.md states the installed version of each', () => {
    const wrong = [...installed]
      .filter(([name, versions]) =>
        [...versions].some(
          (v) =>
            !listed
              .get(name)!
              .split(/[,\s]+/)
              .includes(v),
        ),
      )
      .map(([name, versions]) => `${name}: installed ${[...versions].join(', ')}, listed ${listed.get(name)}`);
    expect(wrong).toEqual([]);
  });

  it('the overrides pin what they promise: no uuid before 11.1.1 (GHSA-w5hq-g745-h8pq)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { overrides?: Record<string, unknown> };
    expect(pkg.overrides).toMatchObject({ exceljs: { uuid: '11.1.1' } });
    // exceljs is a devDependency since issue 11: uuid may be gone from the production tree, never older.
    expect([...(installed.get('uuid') ?? [])].filter((v) => v !== '11.1.1')).toEqual([]);
  });
});
