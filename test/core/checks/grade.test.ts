import { ruleTester } from './rule-tester';
import { summaryC } from './sample-tables';

ruleTester('grade', {
  valid: [
    summaryC('grade 优 for 95'),
    summaryC('grade 优秀 (an alias) for 95', { B8: '优秀' }),
    summaryC('grade 优 for exactly 90 (bands are inclusive at the bottom)', { C7: 90 }),
    summaryC('grade 良 for 89.5', { C7: 89.5, B8: '良' }),
    summaryC('grade 差 for 59', { C7: 59, B8: '差' }),
  ],
  invalid: [
    summaryC('grade 良 for 97', { C7: 97, B8: '良' }, { findings: [{ cell: 'B8', expected: '优' }] }),
    summaryC('grade 优 for 89.9', { C7: 89.9, B8: '优' }, { findings: [{ cell: 'B8', expected: '良' }] }),
    summaryC('grade 中 for 59.5', { C7: 59.5, B8: '中' }, { findings: [{ cell: 'B8', expected: '差' }] }),
  ],
});
