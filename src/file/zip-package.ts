/**
 * The parts of an .xlsx package, inflated one at a time on demand with every
 * byte counted: the sizes the zip directory declares are only a first look
 * (inspect-package.ts), what decides is what inflating really produces.
 * A part that inflates past its declared size, or all parts together past
 * MAX_UNCOMPRESSED_BYTES, stops the inflater at once.
 */
import { Inflate } from 'fflate';
import { MAX_ENTRY_RATIO, MAX_UNCOMPRESSED_BYTES, RATIO_CHECK_MIN_BYTES } from './limits';
import { unreadable } from './unreadable';
import type { ZipEntryInfo } from './zip-directory';

const SIG_LOCAL = 0x04034b50;
/** Compressed bytes handed to the inflater at a time: at most ~64 MB can come out of one push. */
const PUSH_BYTES = 64 * 1024;

/** A part name as the package index keys it: no leading slash, case folded (OPC names compare case-insensitively). */
export function partKey(name: string): string {
  return name.replace(/^\//, '').toLowerCase();
}

/**
 * A raw-DEFLATE inflater that stops once its output would pass `maxBytes`
 * (returning what it has, longer than `maxBytes`, or throwing
 * InflateLimitError). fflate's is the default; Node's zlib (node-zlib.ts)
 * is several times faster where it exists.
 */
export type InflateRaw = (data: Uint8Array, maxBytes: number) => Uint8Array;

/** Thrown by an InflateRaw that stopped at its limit. */
export class InflateLimitError extends Error {}

/** fflate's streaming inflater, fed 64 KB at a time and stopped at the limit. */
export const fflateInflateRaw: InflateRaw = (data, maxBytes) => {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > maxBytes) throw new InflateLimitError();
    chunks.push(chunk);
  });
  for (let at = 0; at < data.length; at += PUSH_BYTES) {
    const end = Math.min(data.length, at + PUSH_BYTES);
    inflater.push(data.subarray(at, end), end === data.length);
  }
  if (data.length === 0) inflater.push(data, true);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

export class ZipPackage {
  private readonly byKey = new Map<string, ZipEntryInfo>();
  private inflated = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntryInfo[],
    private readonly fileName: string,
    private readonly inflateRaw: InflateRaw = fflateInflateRaw,
  ) {
    // A name given twice: the later entry wins, as zip tools that extract in order leave it.
    for (const e of entries) if (!e.name.endsWith('/')) this.byKey.set(partKey(e.name), e);
  }

  has(path: string): boolean {
    return this.byKey.has(partKey(path));
  }

  entry(path: string): ZipEntryInfo | undefined {
    return this.byKey.get(partKey(path));
  }

  /** Every part name, as written in the zip (the later of two same-named entries). */
  names(): string[] {
    return [...this.byKey.values()].map((e) => e.name.replace(/^\//, ''));
  }

  /** The entry's stored (compressed) bytes, as they sit in the file. */
  rawData(e: ZipEntryInfo): Uint8Array {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = e.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== SIG_LOCAL) {
      throw unreadable('corrupt', this.fileName, { cause: `${e.name}: local header missing` });
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + e.compressedSize > this.bytes.length) {
      throw unreadable('corrupt', this.fileName, { cause: `${e.name}: data cut off` });
    }
    return this.bytes.subarray(start, start + e.compressedSize);
  }

  /** The part's inflated bytes; undefined when the package has no such part. */
  read(path: string): Uint8Array | undefined {
    const e = this.entry(path);
    return e ? this.inflate(e) : undefined;
  }

  /** The part as text (UTF-8, or UTF-16 by its byte-order mark). */
  text(path: string): string | undefined {
    const bytes = this.read(path);
    return bytes ? decodePart(bytes) : undefined;
  }

  private inflate(e: ZipEntryInfo): Uint8Array {
    const data = this.rawData(e);
    if (e.method === 0) {
      this.count(e, data.length);
      return data;
    }
    if (e.method !== 8) {
      throw unreadable('corrupt', this.fileName, { cause: `${e.name}: compression method ${e.method} unsupported` });
    }
    // The most this part may produce: its declared size, the ratio bound, what the package has left.
    const ratioBound = Math.max(RATIO_CHECK_MIN_BYTES, MAX_ENTRY_RATIO * Math.max(1, e.compressedSize));
    const limit = Math.min(e.uncompressedSize, ratioBound, MAX_UNCOMPRESSED_BYTES - this.inflated);
    let out: Uint8Array;
    try {
      out = this.inflateRaw(data, limit);
    } catch (err) {
      // Stopped one byte past the limit: count that much, which names the bound it broke.
      if (err instanceof InflateLimitError) this.count(e, limit + 1);
      throw unreadable('corrupt', this.fileName, { cause: `${e.name}: ${err instanceof Error ? err.message : String(err)}` });
    }
    this.count(e, out.length);
    return out;
  }

  /** Adds a part's inflated bytes to the package's count; throws at a limit. */
  private count(e: ZipEntryInfo, size: number): void {
    this.inflated += size;
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    if (size > e.uncompressedSize) {
      throw unreadable('zip-bomb', this.fileName, {
        cause: `${e.name} declares ${e.uncompressedSize} bytes and inflates past it`,
      });
    }
    if (size > RATIO_CHECK_MIN_BYTES && size > MAX_ENTRY_RATIO * Math.max(1, e.compressedSize)) {
      throw unreadable('zip-bomb', this.fileName, { cause: `${e.name} over ${MAX_ENTRY_RATIO}:1` });
    }
    if (this.inflated > MAX_UNCOMPRESSED_BYTES) {
      throw unreadable('zip-bomb', this.fileName, { cause: `${mb(this.inflated)} > ${mb(MAX_UNCOMPRESSED_BYTES)}` });
    }
  }
}

/** XML bytes as text: a UTF-16 part is known by its byte-order mark or by `<` followed by a zero byte. */
export function decodePart(bytes: Uint8Array): string {
  const [a, b] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00)) return new TextDecoder('utf-16le').decode(bytes);
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) return new TextDecoder('utf-16be').decode(bytes);
  // TextDecoder drops a UTF-8 byte-order mark by itself.
  return new TextDecoder('utf-8').decode(bytes);
}
