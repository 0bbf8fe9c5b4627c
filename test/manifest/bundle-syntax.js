#!/usr/bin/env node
/**
 * Every script ScoreCheck ships, parsed as the oldest engine the README
 * claims would parse it: the bundles of dist/addin (pane, ribbon command) and
 * dist/web (page, worker) at webpack.config.js's ECMASCRIPT_TARGET, and the
 * pages' inline scripts (the engine guard, the dialog) at ES5, since they must
 * run in Internet Explorer 11 to say why nothing else can. A newer construct
 * anywhere (`?.`, `??=`, a class static block, a lookbehind) is a blank pane
 * there. Run after a build, on what it built: `npm run test:browser` does.
 */
const fs = require('fs');
const path = require('path');
const acorn = require('acorn');
const { ECMASCRIPT_TARGET } = require('../../webpack.config.js');

const ROOT = path.resolve(__dirname, '../..');
const SHIPPED_DIRS = ['dist/addin', 'dist/web'];
const BUNDLE_VERSION = Number(ECMASCRIPT_TARGET.replace(/^ES/i, ''));
const INLINE_VERSION = 5;

/** The first construct newer than `ecmaVersion`, as "line:column message «source»", or undefined. */
function syntaxProblem(source, ecmaVersion) {
  try {
    acorn.parse(source, { ecmaVersion, sourceType: 'script', allowHashBang: true });
    return undefined;
  } catch (e) {
    const at = e.pos ?? 0;
    return `${e.loc ? `${e.loc.line}:${e.loc.column}` : at} ${e.message.replace(/ \(\d+:\d+\)$/, '')} «${source.slice(Math.max(0, at - 40), at + 40)}»`;
  }
}

/** The bodies of an HTML page's inline scripts (those without src). */
function inlineScripts(html) {
  const out = [];
  const re = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
  let m;
  while ((m = re.exec(html)) !== null) if (m[1].trim()) out.push(m[1]);
  return out;
}

/** Problems in every shipped script under `dirs`; throws where a directory holds no bundle (nothing built). */
function shippedSyntaxProblems(dirs = SHIPPED_DIRS) {
  const problems = [];
  const checked = [];
  for (const dir of dirs) {
    const abs = path.join(ROOT, dir);
    const files = fs.existsSync(abs) ? fs.readdirSync(abs) : [];
    if (!files.some((f) => f.endsWith('.js'))) throw new Error(`${dir} holds no bundle: run npm run build first`);
    for (const file of files.filter((f) => /\.(js|html)$/.test(f))) {
      const rel = `${dir}/${file}`;
      const text = fs.readFileSync(path.join(abs, file), 'utf8');
      if (file.endsWith('.js')) {
        checked.push(`${rel} (ES${BUNDLE_VERSION})`);
        const p = syntaxProblem(text, BUNDLE_VERSION);
        if (p) problems.push(`${rel}: not ES${BUNDLE_VERSION}: ${p}`);
      } else if (file.endsWith('.html')) {
        inlineScripts(text).forEach((script, i) => {
          checked.push(`${rel} inline script ${i + 1} (ES${INLINE_VERSION})`);
          const p = syntaxProblem(script, INLINE_VERSION);
          if (p) problems.push(`${rel}: inline script ${i + 1} not ES${INLINE_VERSION}: ${p}`);
        });
      }
    }
  }
  return { problems, checked };
}

module.exports = { syntaxProblem, inlineScripts, shippedSyntaxProblems, BUNDLE_VERSION, INLINE_VERSION };

if (require.main === module) {
  const { problems, checked } = shippedSyntaxProblems();
  for (const c of checked) console.log(`  parsed ${c}`);
  for (const p of problems) console.log(`  ✗ ${p}`);
  console.log(`${checked.length - problems.length} passed, ${problems.length} failed (bundle syntax)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
