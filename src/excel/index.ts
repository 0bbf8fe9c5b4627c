/** The Excel adapter as the pane and the ribbon command use it. */
import type { Lang } from '../core';
import { OfficeExcelHost } from './excel-host';
import { officeIsSetSupported } from './features';

/** The host for the Excel this code runs in; call after Office.onReady. */
export function createOfficeExcelHost(lang: Lang): OfficeExcelHost {
  return new OfficeExcelHost({
    run: (options, batch) => Excel.run(options, batch),
    isSetSupported: officeIsSetSupported,
    lang,
  });
}
