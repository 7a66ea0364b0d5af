import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * .xlsx files written byte by byte, as an attacker (or a careless generator) would: a sheet's
 * XML exactly as given, a dimension that lies or is missing, an entry whose directory size is
 * not what it inflates to. A ZIP is written here (PKWARE APPNOTE: local headers, data, central
 * directory, end record) so that nothing a library would "fix" gets in the way.
 */
export interface ZipPart {
  name: string;
  /** the entry's deflated bytes and its real size, or its plain content (deflated here) */
  data: Uint8Array | string | { deflated: Uint8Array; size: number; crc: number };
  /** what the central directory claims the entry inflates to (default: the truth) */
  declaredSize?: number;
}

export function writeZip(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    let deflated: Uint8Array;
    let size: number;
    let crc: number;
    if (typeof part.data === 'string' || part.data instanceof Uint8Array) {
      const plain = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
      deflated = deflateRawSync(plain);
      size = plain.length;
      crc = crc32(plain);
    } else {
      ({ deflated, size, crc } = part.data);
    }
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(declared >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(declared >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(deflated));
    directory.push(central, name);
    offset += local.length + name.length + deflated.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Uint8Array.from(Buffer.concat([...chunks, directoryBytes, end]));
}

/**
 * `prefix`, then `count` bytes of `byte`, deflated without ever holding them all (a "zip bomb"
 * entry).
 */
export async function deflatedRun(
  byte: number,
  count: number,
  prefix = '',
): Promise<{ deflated: Uint8Array; size: number; crc: number }> {
  const block = Buffer.alloc(1024 * 1024, byte);
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  const head = Buffer.from(prefix, 'utf8');
  let crc = crc32(head);
  deflater.write(head);
  for (let left = count; left > 0; left -= block.length) {
    const piece = left >= block.length ? block : block.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflater.write(piece)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await done;
  return { deflated: Uint8Array.from(Buffer.concat(out)), size: head.length + count, crc };
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook with one sheet whose XML (inside <worksheet>) is given as is. */
export function craftedXlsx(
  sheetBody: string | ZipPart['data'],
  options: {
    sharedStrings?: string[];
    /** the shared strings part as is, instead of one made of `sharedStrings` */
    sharedStringsPart?: ZipPart['data'];
    sheetDeclaredSize?: number;
    stringsDeclaredSize?: number;
  } = {},
): Uint8Array {
  const strings = options.sharedStrings ?? [];
  const escape = (text: string): string =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="승인내역" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    {
      name: 'xl/sharedStrings.xml',
      data:
        options.sharedStringsPart ??
        `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${strings.length}">${strings.map((s) => `<si><t>${escape(s)}</t></si>`).join('')}</sst>`,
      ...(options.stringsDeclaredSize === undefined
        ? {}
        : { declaredSize: options.stringsDeclaredSize }),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data:
        typeof sheetBody === 'string'
          ? `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}">${sheetBody}</worksheet>`
          : sheetBody,
      ...(options.sheetDeclaredSize === undefined
        ? {}
        : { declaredSize: options.sheetDeclaredSize }),
    },
  ];
  return writeZip(parts);
}
