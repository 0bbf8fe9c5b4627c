/**
 * Reads a zip's central directory by hand, without inflating anything, so
 * that sizes can be judged (zip bombs) before any library decompresses a byte.
 * Handles Zip64 records; spanned archives are not workbooks and are refused.
 */

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflate. */
  method: number;
  /** General-purpose flag bit 0: the entry is encrypted with zip encryption. */
  encrypted: boolean;
  /** Where the entry's local header starts in the file. */
  localHeaderOffset: number;
  /** Where its central directory record starts, and that record's length (the marked copy reuses it). */
  centralOffset: number;
  centralLength: number;
}

export class ZipFormatError extends Error {}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const U32_MAX = 0xffffffff;

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes.
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === SIG_EOCD) return at;
  }
  return -1;
}

function u64(view: DataView, at: number): number {
  return Number(view.getBigUint64(at, true));
}

export function readZipDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22) throw new ZipFormatError('too short to be a zip');
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new ZipFormatError('no zip end-of-directory record');

  let total = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
    throw new ZipFormatError('a multi-part (spanned) zip');
  }
  if (total === 0xffff || dirSize === U32_MAX || dirOffset === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== SIG_ZIP64_LOCATOR) {
      throw new ZipFormatError('Zip64 directory missing');
    }
    const z64 = u64(view, locator + 8);
    if (z64 + 56 > bytes.byteLength || view.getUint32(z64, true) !== SIG_ZIP64_EOCD) {
      throw new ZipFormatError('Zip64 directory damaged');
    }
    total = u64(view, z64 + 32);
    dirSize = u64(view, z64 + 40);
    dirOffset = u64(view, z64 + 48);
  }
  if (dirOffset + dirSize > bytes.byteLength) throw new ZipFormatError('zip directory out of bounds');

  const entries: ZipEntryInfo[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = dirOffset;
  for (let i = 0; i < total; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== SIG_CENTRAL) {
      throw new ZipFormatError('zip directory damaged');
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameStart = at + 46;
    if (nameStart + nameLength + extraLength > bytes.byteLength) {
      throw new ZipFormatError('zip directory damaged');
    }
    const name = decoder.decode(bytes.subarray(nameStart, nameStart + nameLength));
    if (uncompressedSize === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      // Zip64 extended information: the 8-byte fields present are those whose
      // 4-byte fields are saturated, in this order.
      let x = nameStart + nameLength;
      const end = x + extraLength;
      while (x + 4 <= end) {
        const id = view.getUint16(x, true);
        const size = view.getUint16(x + 2, true);
        if (id === 0x0001) {
          let f = x + 4;
          const fieldEnd = f + size;
          if (uncompressedSize === U32_MAX && f + 8 <= fieldEnd) {
            uncompressedSize = u64(view, f);
            f += 8;
          }
          if (compressedSize === U32_MAX && f + 8 <= fieldEnd) {
            compressedSize = u64(view, f);
            f += 8;
          }
          if (localHeaderOffset === U32_MAX && f + 8 <= fieldEnd) localHeaderOffset = u64(view, f);
          break;
        }
        x += 4 + size;
      }
    }
    const centralLength = 46 + nameLength + extraLength + commentLength;
    entries.push({
      name,
      compressedSize,
      uncompressedSize,
      method,
      encrypted: (flags & 1) === 1,
      localHeaderOffset,
      centralOffset: at,
      centralLength,
    });
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}
