/**
 * Writes zip files byte by byte, so tests can build the packages a normal
 * zip library refuses to make: sizes that lie, bombs, truncated archives.
 */
import { deflateRawSync } from 'zlib';
import { crc32 } from '../../../src/file/zip-rewrite';

export interface RawEntry {
  name: string;
  data: Uint8Array | string;
  /** 8 deflate (default), 0 stored, or any other number to claim an unsupported method. */
  method?: number;
  /** Size to declare in the central directory instead of the true one. */
  declaredSize?: number;
}

export interface ZipOptions {
  /** Sizes and offsets in Zip64 extra fields (4-byte fields saturated) and a Zip64 end record. */
  zip64?: boolean;
  /** Sizes and CRC after the data (flag bit 3), zeros in the local header, as streaming writers do. */
  dataDescriptor?: boolean;
}

const U32_MAX = 0xffffffff;

export function buildZip(entries: RawEntry[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const flags = 0x0800 | (options.dataDescriptor ? 0x0008 : 0);
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : Buffer.from(e.data);
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(data);
    const size = e.declaredSize ?? data.length;
    const z64 = Boolean(options.zip64);
    const localExtra = z64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (z64) {
      localExtra.writeUInt16LE(0x0001, 0);
      localExtra.writeUInt16LE(16, 2);
      localExtra.writeBigUInt64LE(BigInt(options.dataDescriptor ? 0 : size), 4);
      localExtra.writeBigUInt64LE(BigInt(options.dataDescriptor ? 0 : body.length), 12);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(z64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    if (!options.dataDescriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(z64 ? U32_MAX : body.length, 18);
      local.writeUInt32LE(z64 ? U32_MAX : size, 22);
    } else if (z64) {
      local.writeUInt32LE(U32_MAX, 18);
      local.writeUInt32LE(U32_MAX, 22);
    }
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    let descriptor = Buffer.alloc(0);
    if (options.dataDescriptor) {
      descriptor = Buffer.alloc(z64 ? 24 : 16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      if (z64) {
        descriptor.writeBigUInt64LE(BigInt(body.length), 8);
        descriptor.writeBigUInt64LE(BigInt(size), 16);
      } else {
        descriptor.writeUInt32LE(body.length, 8);
        descriptor.writeUInt32LE(size, 12);
      }
    }
    const centralExtra = z64 ? Buffer.alloc(28) : Buffer.alloc(0);
    if (z64) {
      centralExtra.writeUInt16LE(0x0001, 0);
      centralExtra.writeUInt16LE(24, 2);
      centralExtra.writeBigUInt64LE(BigInt(size), 4);
      centralExtra.writeBigUInt64LE(BigInt(body.length), 12);
      centralExtra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(z64 ? 45 : 20, 4);
    central.writeUInt16LE(z64 ? 45 : 20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(z64 ? U32_MAX : body.length, 20);
    central.writeUInt32LE(z64 ? U32_MAX : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(z64 ? U32_MAX : offset, 42);
    locals.push(local, name, localExtra, body, descriptor);
    centrals.push(central, name, centralExtra);
    offset += local.length + name.length + localExtra.length + body.length + descriptor.length;
  }
  const dir = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (options.zip64) {
    const z64End = Buffer.alloc(56);
    z64End.writeUInt32LE(0x06064b50, 0);
    z64End.writeBigUInt64LE(44n, 4);
    z64End.writeUInt16LE(45, 12);
    z64End.writeUInt16LE(45, 14);
    z64End.writeBigUInt64LE(BigInt(entries.length), 24);
    z64End.writeBigUInt64LE(BigInt(entries.length), 32);
    z64End.writeBigUInt64LE(BigInt(dir.length), 40);
    z64End.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + dir.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(z64End, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(options.zip64 ? U32_MAX : dir.length, 12);
  end.writeUInt32LE(options.zip64 ? U32_MAX : offset, 16);
  return Buffer.concat([...locals, dir, ...tail, end]);
}

/** The smallest package exceljs reads: one sheet whose XML is `sheetXml`. */
export function minimalXlsx(sheetXml: string, extra: RawEntry[] = []): Buffer {
  return buildZip([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '</Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
    ...extra,
  ]);
}

export const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export function sheetXml(sheetData: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SHEET_NS}"><sheetData>${sheetData}</sheetData></worksheet>`;
}
