/**
 * `--profile FILE.json`: read as a person writes it (Notepad saves a BOM),
 * and refused in one line when it is wrong — a misspelt key silently
 * ignored would check with a policy the user did not ask for.
 */
import { promises as fs } from 'fs';
import { DEFAULT_PROFILE, ProfileError, resolveProfile, type LocalizedText, type Profile } from '../core';

/** The reason a profile file was refused, naming the file. */
export class ProfileFileError extends Error {
  constructor(readonly reason: LocalizedText) {
    super(reason['en-US']);
    this.name = 'ProfileFileError';
  }
}

const KNOWN_KEYS = Object.keys(DEFAULT_PROFILE);

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

function closestKey(key: string): string | undefined {
  const [best] = KNOWN_KEYS.map((k) => ({ k, d: editDistance(key, k) })).sort((x, y) => x.d - y.d);
  return best && best.d <= 3 ? best.k : undefined;
}

/** Types resolveProfile does not look at closely; wrong ones would be coerced or crash later. */
function checkShapes(p: Record<string, unknown>): string | undefined {
  if (p.name !== undefined && typeof p.name !== 'string') return 'name must be a string';
  if (Array.isArray(p.gradeBands)) {
    for (const [i, band] of p.gradeBands.entries()) {
      if (typeof band !== 'object' || band === null || Array.isArray(band))
        return `gradeBands[${i}] must be an object {label, min}`;
      const aliases = (band as Record<string, unknown>).aliases;
      if (aliases !== undefined && !(Array.isArray(aliases) && aliases.every((a) => typeof a === 'string'))) {
        return `gradeBands[${i}].aliases must be a list of strings`;
      }
    }
  }
  return undefined;
}

function refuse(file: string, zh: string, en: string): ProfileFileError {
  return new ProfileFileError({ 'zh-CN': `配置文件 ${file}：${zh}`, 'en-US': `profile ${file}: ${en}` });
}

export function parseProfileText(text: string, file: string): Profile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const why = (e as Error).message;
    throw refuse(file, `不是有效的 JSON（${why}）`, `not valid JSON (${why})`);
  }
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const record = json as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (KNOWN_KEYS.includes(key)) continue;
      const near = closestKey(key);
      throw refuse(
        file,
        `未知的设置“${key}”${near ? `（是否想写“${near}”？）` : ''}；可用的设置：${KNOWN_KEYS.join('、')}`,
        `unknown setting "${key}"${near ? ` (did you mean "${near}"?)` : ''}; known settings: ${KNOWN_KEYS.join(', ')}`,
      );
    }
    const shape = checkShapes(record);
    if (shape) throw refuse(file, shape, shape);
  }
  try {
    return resolveProfile(json);
  } catch (e) {
    // The core's reasons are in English only; a TypeError from a shape we did not foresee is one line too.
    const why = e instanceof ProfileError ? e.message : `${(e as Error).name}: ${(e as Error).message}`;
    throw refuse(file, why, why);
  }
}

export async function loadProfile(file: string): Promise<Profile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw refuse(file, `无法读取（${code}）`, `cannot be read (${code})`);
  }
  return parseProfileText(text, file);
}
