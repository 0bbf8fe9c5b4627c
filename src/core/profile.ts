/**
 * The policy a check follows where the rules leave a choice (docs/domain.md §4):
 * capping, grade bands, the total weight, the 反向 scoring formula.
 */

export interface GradeBand {
  /** The label as forms print it: 优, 良, 中, 差. */
  label: string;
  /** Lowest total score (inclusive) that earns this grade. */
  min: number;
  /**
   * Other spellings of the same grade (优秀, 良好, 合格 …). The bands list
   * them in the same order, one naming scheme per position, so a finding
   * can name the grade the way the form does (gradeSpelledLike).
   */
  aliases?: string[];
}

export type CapPolicy = 'infer' | 'capped' | 'uncapped';

/**
 * How a missed 反向 (lower-is-better) target is scored:
 * `target-over-actual`: target / actual × weight (the default);
 * `linear`: weight × (1 − (actual − target) / target), floored at 0.
 */
export type ReverseScoring = 'target-over-actual' | 'linear';

export interface Profile {
  name: string;
  capRates: CapPolicy;
  /** Highest band first. */
  gradeBands: GradeBand[];
  totalWeight: number;
  reverseScoring: ReverseScoring;
  /** Extra absolute slack allowed on score comparisons (0: scores are exact). */
  scoreTolerance: number;
}

export const DEFAULT_PROFILE: Profile = {
  name: 'default',
  capRates: 'infer',
  gradeBands: [
    { label: '优', min: 90, aliases: ['优秀'] },
    { label: '良', min: 80, aliases: ['良好'] },
    { label: '中', min: 60, aliases: ['合格', '中等', '一般'] },
    { label: '差', min: 0, aliases: ['不合格', '较差'] },
  ],
  totalWeight: 100,
  reverseScoring: 'target-over-actual',
  scoreTolerance: 0,
};

/**
 * The expected grade as the form spells its grades (docs/domain.md §2 L): a form
 * that prints 良好 for 良 expects 合格, not 中. `printed` is the printed
 * label, folded; it names `printedBand`.
 */
export function gradeSpelledLike(expected: GradeBand, printedBand: GradeBand, printed: string): string {
  const scheme = (printedBand.aliases ?? []).indexOf(printed);
  if (scheme < 0) return expected.label;
  return expected.aliases?.[scheme] ?? expected.aliases?.[0] ?? expected.label;
}

/** Thrown for a profile file a user wrote wrong; the message says which field. */
export class ProfileError extends Error {}

/** Merges a user's partial profile over the defaults, validating each field. */
export function resolveProfile(partial: unknown = {}): Profile {
  if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) {
    throw new ProfileError('a profile must be a JSON object');
  }
  const p = partial as Record<string, unknown>;
  const out: Profile = { ...DEFAULT_PROFILE };
  if (p.name !== undefined) out.name = String(p.name);
  if (p.capRates !== undefined) {
    if (p.capRates !== 'infer' && p.capRates !== 'capped' && p.capRates !== 'uncapped') {
      throw new ProfileError('capRates must be "infer", "capped" or "uncapped"');
    }
    out.capRates = p.capRates;
  }
  if (p.totalWeight !== undefined) {
    if (typeof p.totalWeight !== 'number' || !(p.totalWeight > 0)) {
      throw new ProfileError('totalWeight must be a positive number');
    }
    out.totalWeight = p.totalWeight;
  }
  if (p.reverseScoring !== undefined) {
    if (p.reverseScoring !== 'target-over-actual' && p.reverseScoring !== 'linear') {
      throw new ProfileError('reverseScoring must be "target-over-actual" or "linear"');
    }
    out.reverseScoring = p.reverseScoring;
  }
  if (p.scoreTolerance !== undefined) {
    if (typeof p.scoreTolerance !== 'number' || !(p.scoreTolerance >= 0)) {
      throw new ProfileError('scoreTolerance must be a number ≥ 0');
    }
    out.scoreTolerance = p.scoreTolerance;
  }
  if (p.gradeBands !== undefined) {
    if (!Array.isArray(p.gradeBands) || p.gradeBands.length === 0) {
      throw new ProfileError('gradeBands must be a non-empty list of {label, min}');
    }
    out.gradeBands = p.gradeBands.map((b, i) => {
      const band = b as Record<string, unknown>;
      if (typeof band?.label !== 'string' || typeof band.min !== 'number') {
        throw new ProfileError(`gradeBands[${i}] needs a string "label" and a number "min"`);
      }
      const aliases = Array.isArray(band.aliases) ? band.aliases.map(String) : undefined;
      return { label: band.label, min: band.min, aliases };
    });
    out.gradeBands.sort((a, b) => b.min - a.min);
  }
  return out;
}
