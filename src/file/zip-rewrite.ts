/**
 * Writes a package back with some parts replaced or added, copying every
 * other entry's bytes as they were: local header, compressed data, data
 * descriptor, and its central directory record (only its offset moves).
 * Nothing is re-compressed but the parts given, and no entry — directory or
 * file — is added that the caller did not ask for.
 */
import type { ZipEntryInfo } from './zip-directory';
import { partKey, type ZipPackage } from './zip-package';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const U32_MAX = 0xffffffff;
/** General-purpose flag bit 11: the name is UTF-8. */
const FLAG_UTF8 = 0x0800;

/** A part to write: its text's bytes, deflated, with the CRC and size of the uncompressed bytes. */
export interface NewPart {
  name: string;
  deflated: Uint8Array;
  crc: number;
  size: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

class Output {
  private readonly chunks: Uint8Array[] = [];
  length = 0;

  push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  join(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** DOS date and time of `d` (local time, as zip tools write it). */
function dosDateTime(d: Date): [number, number] {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return [time, date];
}

function headers(name: Uint8Array, part: NewPart, offset: number, dos: [number, number]): [Uint8Array, Uint8Array] {
  const local = new Uint8Array(30 + name.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, SIG_LOCAL, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(6, FLAG_UTF8, true);
  lv.setUint16(8, 8, true);
  lv.setUint16(10, dos[0], true);
  lv.setUint16(12, dos[1], true);
  lv.setUint32(14, part.crc, true);
  lv.setUint32(18, part.deflated.length, true);
  lv.setUint32(22, part.size, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  const central = new Uint8Array(46 + name.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, SIG_CENTRAL, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(8, FLAG_UTF8, true);
  cv.setUint16(10, 8, true);
  cv.setUint16(12, dos[0], true);
  cv.setUint16(14, dos[1], true);
  cv.setUint32(16, part.crc, true);
  cv.setUint32(20, part.deflated.length, true);
  cv.setUint32(24, part.size, true);
  cv.setUint16(28, name.length, true);
  cv.setUint32(42, offset, true);
  central.set(name, 46);
  return [local, central];
}

/** An original central record with its local header offset moved to `offset`. */
function movedCentral(bytes: Uint8Array, e: ZipEntryInfo, offset: number): Uint8Array {
  // A copy (a Node Buffer's slice() would be a view into the original).
  const rec = new Uint8Array(bytes.subarray(e.centralOffset, e.centralOffset + e.centralLength));
  const v = new DataView(rec.buffer);
  if (v.getUint32(42, true) !== U32_MAX) {
    v.setUint32(42, offset, true);
    return rec;
  }
  // The offset lives in the Zip64 extra field, after the saturated sizes.
  const nameLength = v.getUint16(28, true);
  const extraLength = v.getUint16(30, true);
  for (let x = 46 + nameLength; x + 4 <= 46 + nameLength + extraLength;) {
    const id = v.getUint16(x, true);
    const size = v.getUint16(x + 2, true);
    if (id === 0x0001) {
      let f = x + 4;
      if (v.getUint32(24, true) === U32_MAX) f += 8;
      if (v.getUint32(20, true) === U32_MAX) f += 8;
      v.setBigUint64(f, BigInt(offset), true);
      break;
    }
    x += 4 + size;
  }
  return rec;
}

/** An entry's name as its central record spells it (kept exactly, whatever its encoding). */
function nameBytes(bytes: Uint8Array, e: ZipEntryInfo): Uint8Array {
  const length = bytes[e.centralOffset + 28] | (bytes[e.centralOffset + 29] << 8);
  return bytes.slice(e.centralOffset + 46, e.centralOffset + 46 + length);
}

/**
 * The package with `replaced` parts (by part name) rewritten and `added`
 * parts appended; every other entry byte for byte as in `pkg`.
 */
export function rewritePackage(pkg: ZipPackage, replaced: readonly NewPart[], added: readonly NewPart[]): Uint8Array {
  const bytes = pkg.bytes;
  const byKey = new Map(replaced.map((p) => [partKey(p.name), p]));
  const dos = dosDateTime(new Date());
  const encoder = new TextEncoder();

  // Entries in file order; each stored span runs to the next entry's header (or the directory).
  const directoryStart = Math.min(...pkg.entries.map((e) => e.centralOffset));
  const starts = [...new Set(pkg.entries.map((e) => e.localHeaderOffset))].sort((a, b) => a - b);
  const spanEnd = new Map(starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1] : directoryStart]));

  const out = new Output();
  const moved = new Map<number, number>();
  const centrals: Uint8Array[] = [];
  for (const e of pkg.entries) {
    const part = pkg.entry(e.name) === e ? byKey.get(partKey(e.name)) : undefined;
    if (part) {
      const [local, central] = headers(nameBytes(bytes, e), part, out.length, dos);
      centrals.push(central);
      out.push(local);
      out.push(part.deflated);
      continue;
    }
    let at = moved.get(e.localHeaderOffset);
    if (at === undefined) {
      at = out.length;
      moved.set(e.localHeaderOffset, at);
      out.push(bytes.subarray(e.localHeaderOffset, spanEnd.get(e.localHeaderOffset)));
    }
    centrals.push(movedCentral(bytes, e, at));
  }
  for (const part of added) {
    const [local, central] = headers(encoder.encode(part.name), part, out.length, dos);
    centrals.push(central);
    out.push(local);
    out.push(part.deflated);
  }

  const dirOffset = out.length;
  let dirSize = 0;
  for (const c of centrals) {
    out.push(c);
    dirSize += c.length;
  }
  const eocd = new Uint8Array(22);
  const v = new DataView(eocd.buffer);
  v.setUint32(0, SIG_EOCD, true);
  v.setUint16(8, centrals.length, true);
  v.setUint16(10, centrals.length, true);
  v.setUint32(12, dirSize, true);
  v.setUint32(16, dirOffset, true);
  out.push(eocd);
  return out.join();
}
