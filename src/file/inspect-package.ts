/**
 * Decides by content, never by file name, whether bytes can be an .xlsx
 * workbook, and refuses everything else before a library touches it: old
 * .xls and password-protected workbooks (both OLE2 compound files), CSV and
 * other text, damaged zips, zip bombs, over-sized files.
 */
import { readZipDirectory, ZipFormatError, type ZipEntryInfo } from './zip-directory';
import { unreadable } from './unreadable';
import { MAX_ENTRY_RATIO, MAX_FILE_BYTES, MAX_UNCOMPRESSED_BYTES, RATIO_CHECK_MIN_BYTES } from './limits';

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function containsAscii(bytes: Uint8Array, text: string, utf16: boolean): boolean {
  const needle = utf16 ? Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]) : Array.from(text).map((ch) => ch.charCodeAt(0));
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * An encrypted .xlsx (Office "Encrypt with Password") is an OLE2 compound file
 * holding streams named EncryptionInfo and EncryptedPackage; directory entry
 * names are UTF-16LE. Any other OLE2 file given to us is an old .xls.
 */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  return containsAscii(bytes, 'EncryptedPackage', true) || containsAscii(bytes, 'EncryptedPackage', false);
}

/** Text (not binary): no NUL bytes in the head, once a UTF-16 BOM is accounted for. */
function decodeTextHead(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 64 * 1024);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head.subarray(2));
  if (head.includes(0)) return undefined;
  // Commas and line breaks are ASCII in UTF-8 and GBK alike, so a lossy decode is enough.
  return new TextDecoder('utf-8').decode(head);
}

/** Comma-, semicolon- or tab-separated lines: an export opened by mistake. */
function looksLikeDelimitedText(text: string): boolean {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
  // The last line of a 64 KB head may be cut off: judge the complete ones.
  const judged = lines.length > 1 ? lines.slice(0, Math.min(lines.length - 1, 20)) : lines;
  if (judged.length === 0) return false;
  return ([',', '\t', ';'] as const).some((sep) => judged.every((l) => l.includes(sep)));
}

/** HTML or SpreadsheetML 2003 saved with an .xls name, as many finance systems export. */
function looksLikeLegacyExcelText(text: string): boolean {
  const t = text.slice(0, 4096).toLowerCase();
  return (
    t.includes('urn:schemas-microsoft-com:office:spreadsheet') ||
    t.includes('urn:schemas-microsoft-com:office:excel') ||
    /^\s*(<!doctype html|<html)/.test(t)
  );
}

const PK_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const PK_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/** The bytes of a file as given by Node (Buffer) or a browser (ArrayBuffer). */
export function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * Throws UnreadableWorkbookError unless `bytes` are a zip package that holds
 * a spreadsheet and is safe to inflate; returns its directory.
 */
export function inspectWorkbookBytes(bytes: Uint8Array, fileName: string): ZipEntryInfo[] {
  if (bytes.length === 0) throw unreadable('empty', fileName);
  if (bytes.length > MAX_FILE_BYTES) {
    throw unreadable('too-large', fileName, { bytes: bytes.length, limit: MAX_FILE_BYTES });
  }
  if (startsWith(bytes, OLE2_SIGNATURE)) {
    throw unreadable(isEncryptedOoxml(bytes) ? 'encrypted' : 'xls', fileName);
  }
  if (!startsWith(bytes, PK_LOCAL) && !startsWith(bytes, PK_EMPTY)) {
    const text = decodeTextHead(bytes);
    if (text !== undefined) {
      if (text.trim() === '') throw unreadable('empty', fileName, { cause: 'only blank text' });
      if (looksLikeLegacyExcelText(text)) throw unreadable('xls', fileName);
      if (looksLikeDelimitedText(text)) throw unreadable('csv', fileName);
      throw unreadable('not-xlsx', fileName, { cause: 'plain text' });
    }
    throw unreadable('corrupt', fileName, { cause: 'not a zip package' });
  }

  let entries: ZipEntryInfo[];
  try {
    entries = readZipDirectory(bytes);
  } catch (e) {
    const cause = e instanceof ZipFormatError ? e.message : String(e);
    throw unreadable('corrupt', fileName, { cause });
  }
  if (entries.length === 0) throw unreadable('empty', fileName, { cause: 'an empty zip' });
  if (entries.some((e) => e.encrypted)) throw unreadable('encrypted', fileName);

  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > RATIO_CHECK_MIN_BYTES && e.uncompressedSize > MAX_ENTRY_RATIO * Math.max(1, e.compressedSize)) {
      const ratio = Math.round(e.uncompressedSize / Math.max(1, e.compressedSize));
      throw unreadable('zip-bomb', fileName, { cause: `${e.name} ${ratio}:1` });
    }
  }
  if (total > MAX_UNCOMPRESSED_BYTES) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    throw unreadable('zip-bomb', fileName, {
      cause: `${mb(total)} > ${mb(MAX_UNCOMPRESSED_BYTES)}`,
    });
  }

  const names = new Set(entries.map((e) => e.name.replace(/^\//, '')));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('xl/workbook.bin')) throw unreadable('not-xlsx', fileName, { cause: '.xlsb' });
    if (names.has('content.xml') || names.has('mimetype')) {
      throw unreadable('not-xlsx', fileName, { cause: 'OpenDocument' });
    }
    if (names.has('word/document.xml')) throw unreadable('not-xlsx', fileName, { cause: 'Word' });
    throw unreadable('not-xlsx', fileName, { cause: 'no xl/workbook.xml' });
  }
  return entries;
}
