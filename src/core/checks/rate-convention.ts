/**
 * rate-convention (SPEC §4, warning): a table either caps completion rates
 * at 100% or does not. When its own rows do both, the minority rows are
 * marked (a tie marks the capped ones: capping hides over-achievement).
 */
import { completionRows } from './shared/completion';
import type { Finding } from '../findings/finding';
import { formatFound, formatPercent } from '../findings/format';
import { midpoint } from '../arithmetic/interval';
import { message } from '../findings/messages';
import type { Check } from './check';

export const rateConvention: Check = {
  id: 'rate-convention',
  severity: 'warning',
  run(table, ctx) {
    if (table.type !== 'indicators' || ctx.profile.capRates !== 'infer') return [];
    const capped: Finding[] = [];
    const uncapped: Finding[] = [];
    for (const { rate, result, fits } of completionRows(table)) {
      if (result.kind !== 'computed') continue;
      if (!fits.every((f) => f === fits[0])) continue;
      const ratio = formatPercent(midpoint(result.candidates[0].ratio), 0);
      const found = formatFound(rate);
      const base = { sheet: ctx.view.name, cell: rate.address, rule: 'rate-convention' as const, severity: 'warning' as const, found };
      if (fits[0] === 'capped') capped.push({ ...base, message: message('convention.capped', { cell: rate.address, ratio }) });
      if (fits[0] === 'uncapped') uncapped.push({ ...base, message: message('convention.uncapped', { cell: rate.address, found }) });
    }
    if (capped.length === 0 || uncapped.length === 0) return [];
    return capped.length <= uncapped.length ? capped : uncapped;
  },
};
