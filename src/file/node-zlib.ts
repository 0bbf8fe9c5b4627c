/**
 * Node's zlib for the package's inflating and the marked copy's deflating
 * (zip-package.ts, deflate-raw.ts): several times faster than the portable
 * ones, and `maxOutputLength` stops an inflate at the limit by itself.
 * Imported by the CLI only; the browser build never sees `zlib`.
 */
import { deflateRawSync, inflateRawSync } from 'zlib';
import type { DeflateRaw } from './deflate-raw';
import { InflateLimitError, type InflateRaw } from './zip-package';

export const nodeDeflateRaw: DeflateRaw = async (data) => deflateRawSync(data, { level: 6 });

export const nodeInflateRaw: InflateRaw = (data, maxBytes) => {
  try {
    // zlib refuses a limit of 0; a part that may hold nothing is given one byte to overflow.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes + 1) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError();
    throw e;
  }
};

/** Both, as readWorkbook and writeMarkedCopy take them. */
export const nodeZlib = { inflateRaw: nodeInflateRaw, deflateRaw: nodeDeflateRaw };
