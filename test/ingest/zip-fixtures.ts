// Hand-built .xlsx archives for the limit tests: a zip bomb (a sheet of a GiB or more that deflates
// to about a MB) and small workbooks whose central directory may lie about the sizes. The bomb is
// written without ever holding its inflated content: one MiB of XML is deflated once with a full
// flush (self-contained, byte-aligned deflate blocks with no back-reference into earlier data), and
// those bytes are repeated, which is a valid deflate stream inflating to the MiB repeated.
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, deflateRawSync } from 'node:zlib';

export const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface Part {
  name: string;
  /** Deflated bytes, in pieces (written one after another). */
  pieces: Uint8Array[];
  /** The uncompressed size the zip headers declare (the truth, or a lie). */
  declared: number;
}

/** A part deflated whole, declaring its true size unless `declared` says otherwise. */
export function part(name: string, xml: string, declared?: number): Part {
  const raw = Buffer.from(xml);
  return { name, pieces: [deflateRawSync(raw)], declared: declared ?? raw.length };
}

/** `block` repeated `times`, deflated in constant memory; declares `declared` (default the truth). */
export function repeatedPart(name: string, head: string, block: string, times: number, tail: string, declared?: number): Part {
  const full = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const body = deflateRawSync(Buffer.from(block), full);
  const pieces = [deflateRawSync(Buffer.from(head), full), ...Array<Buffer>(times).fill(body), deflateRawSync(Buffer.from(tail))];
  const size = Buffer.byteLength(head) + times * Buffer.byteLength(block) + Buffer.byteLength(tail);
  return { name, pieces, declared: declared ?? Math.min(size, 0xffffffff) };
}

/** workbook.xml and its relationships for one sheet (plus shared strings when given). */
export function workbookParts(): Part[] {
  return [
    part('xl/workbook.xml', `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
  ];
}

/** A sheet part from rows of XML. */
export function sheetPart(rowsXml: string, declared?: number): Part {
  return part('xl/worksheets/sheet1.xml', `<worksheet ${NS}><sheetData>${rowsXml}</sheetData></worksheet>`, declared);
}

/** Writes a zip of `parts` (deflate, CRC left 0: the reader does not check it) to `path`. */
export function writeZip(path: string, parts: Part[]): void {
  const fd = openSync(path, 'w');
  let offset = 0;
  const write = (b: Uint8Array): void => {
    writeSync(fd, b);
    offset += b.length;
  };
  const central: Buffer[] = [];
  try {
    for (const p of parts) {
      const name = Buffer.from(p.name);
      const compressed = p.pieces.reduce((n, b) => n + b.length, 0);
      const local = localHeader(name, compressed, p.declared);
      central.push(centralHeader(name, compressed, p.declared, offset));
      write(local);
      for (const b of p.pieces) write(b);
    }
    const dir = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(parts.length, 8);
    end.writeUInt16LE(parts.length, 10);
    end.writeUInt32LE(dir.length, 12);
    end.writeUInt32LE(offset, 16);
    write(dir);
    write(end);
  } finally {
    closeSync(fd);
  }
}

function localHeader(name: Buffer, compressed: number, declared: number): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(8, 8);
  h.writeUInt32LE(compressed, 18);
  h.writeUInt32LE(declared, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function centralHeader(name: Buffer, compressed: number, declared: number, offset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(8, 10);
  h.writeUInt32LE(compressed, 20);
  h.writeUInt32LE(declared, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}
