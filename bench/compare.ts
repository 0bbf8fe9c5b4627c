/**
 * Two builds of the engine timed against each other in one process, batches
 * alternating, so that a shared machine's drift hits both alike (single
 * `npm run bench` figures move by ±20 % here). CPU time per check, min and
 * median of 25 batches each.
 *
 *   node dist/bench/bench/compare.js <baseline dist/bench> <candidate dist/bench> [form|5k|20k]
 *
 * A baseline is any earlier commit built the same way, e.g. in a worktree:
 * `git worktree add /tmp/base REV && cd /tmp/base && npm ci && npx tsc -p tsconfig.bench.json`.
 */
import { resolve } from 'path';
import type { checkSheet } from '../src/core/engine';
import type * as Sheets from './sheets';
import { median } from './stats';

interface Build {
  check: typeof checkSheet;
  sheets: typeof Sheets;
}

function load(dir: string): Build {
  const root = resolve(dir);
  // Two builds side by side: each is loaded from its own folder at run time, which only require can do.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return { check: require(`${root}/src/core/engine`).checkSheet, sheets: require(`${root}/bench/sheets`) };
}

const SIZES = {
  form: { make: (b: Build) => b.sheets.overallForm(300, true), perBatch: 40 },
  '5k': { make: (b: Build) => b.sheets.largeSheet(5000, true), perBatch: 4 },
  '20k': { make: (b: Build) => b.sheets.largeSheet(20000, true), perBatch: 1 },
};

function main(): void {
  const [baseDir, candidateDir, size = 'form'] = process.argv.slice(2);
  const spec = SIZES[size as keyof typeof SIZES];
  if (!baseDir || !candidateDir || !spec) {
    console.error('usage: node dist/bench/bench/compare.js <baseline dist/bench> <candidate dist/bench> [form|5k|20k]');
    process.exit(2);
  }
  const builds = [load(baseDir), load(candidateDir)];
  const sheets = builds.map((b) => spec.make(b));
  const batch = (i: number): number => {
    const t = process.cpuUsage();
    for (let k = 0; k < spec.perBatch; k++) builds[i].check(sheets[i]);
    const d = process.cpuUsage(t);
    return (d.user + d.system) / 1000 / spec.perBatch;
  };
  for (let k = 0; k < 5; k++) [0, 1].forEach(batch);
  const times: number[][] = [[], []];
  for (let k = 0; k < 25; k++) [0, 1].forEach((i) => times[i].push(batch(i)));
  const summary = (xs: number[]) => `min ${Math.min(...xs).toFixed(2)} ms, median ${median(xs).toFixed(2)} ms`;
  console.log(`${size}: baseline ${summary(times[0])}; candidate ${summary(times[1])} (CPU per check)`);
}

main();
