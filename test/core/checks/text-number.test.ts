import { ruleTester } from './rule-tester';
import { projectE, summaryC } from './sample-tables';

ruleTester('text-number', {
  valid: [
    summaryC('every weight and score stored as a number'),
    projectE('targets and actuals with units (≥100人次, 95%) are text by nature, not numbers stored as text'),
  ],
  invalid: [
    summaryC("score stored as text '2. 0'", { I3: 2, J3: '2. 0', I2: 28, J2: 28 }, { findings: [{ cell: 'J3' }] }),
    summaryC("得分率 stored as text '90％' (full-width percent sign)", { G4: '90％' }, { findings: [{ cell: 'G4' }] }),
    summaryC("weight stored as text '１６' (full-width digits)", { I4: '１６' }, { findings: [{ cell: 'I4' }] }),
  ],
});
