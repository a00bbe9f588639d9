// The few XML pieces the .xlsx reader needs, scanned with indexOf/regex rather than a DOM: the
// sheets are large and only the handful of constructs Excel actually writes are understood.

// One compiled pattern per attribute name: attr() runs twice per cell, ~1M times for Skills.xlsx.
const attrPatterns = new Map<string, RegExp>();

/** Value of attribute `name` in an attribute string, entity-decoded; null when absent. */
export function attr(attrs: string, name: string): string | null {
  let re = attrPatterns.get(name);
  if (re === undefined) {
    re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  const m = re.exec(attrs);
  return m === null ? null : decodeXml(m[1] ?? m[2] ?? '');
}

/** Text of an <si> or <is> body: plain <t>, or the concatenated <r><t> runs (minus phonetic hints). */
export function richText(body: string): string {
  if (body.startsWith('<t>') && body.indexOf('<', 3) === body.length - 4) return decodeXml(body.slice(3, -4));
  const visible = body.includes('<rPh') ? body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : body;
  let s = '';
  // xml:space="preserve" only matters to parsers that trim; we never trim, so it needs no handling.
  // [^>/]: a self-closing <t xml:space="preserve"/> must not open a text run.
  for (const m of visible.matchAll(/<t(?:\s[^>/]*)?>([^<]*)<\/t>/g)) s += m[1] ?? '';
  return decodeXml(s);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities, then OOXML's _xHHHH_ escapes (used for control characters such as CR). */
export function decodeXml(s: string): string {
  if (s.includes('&')) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, e: string) => {
      const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : e.startsWith('#') ? parseInt(e.slice(1), 10) : -1;
      if (code < 0) return ENTITIES[e] ?? whole;
      // An out-of-range reference (&#99999999;) would make fromCodePoint throw a RangeError.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  if (s.includes('_x')) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** One element cut out by the ElementScanner: its start tag's attributes and its body. */
export interface Element {
  attrs: string;
  /** null for a self-closing element. */
  body: string | null;
}

export function splitElement(xml: string, tag: string): Element {
  const open = xml.indexOf('>');
  const attrs = xml.slice(1 + tag.length, open);
  if (xml.charCodeAt(open - 1) === 0x2f) return { attrs: attrs.slice(0, -1), body: null };
  return { attrs, body: xml.slice(open + 1, xml.length - tag.length - 3) };
}
