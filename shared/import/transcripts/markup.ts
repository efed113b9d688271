/**
 * The little markup transcript files carry — WebVTT's `<v Name>…</v>`, SRT's `<i>`/`<font>`,
 * oTranscribe's HTML — read as tokens, never rendered: a tag is only ever recognised or skipped,
 * and text is text. Entities are decoded here once, for all of them.
 */

export type MarkupToken =
  | { kind: 'text'; text: string }
  /** A tag: its name in lower case (`v`, `span`, `/v`, `br`), and the raw text inside `<…>`. */
  | { kind: 'tag'; name: string; raw: string };

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', lrm: '\u200E', rlm: '\u200F',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
};

/** `&amp;`, `&#7843;`, `&#x1EA3;` decoded; an unknown or malformed entity is kept as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Not a character (a surrogate half, beyond Unicode, NUL): kept as written rather than guessed.
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/**
 * Text and tags in order. A `<` that opens no tag (`a < b`, `<3`) is text; a tag left open at the
 * end is text too, so nothing typed is lost to a stray bracket.
 */
export function tokenizeMarkup(markup: string): MarkupToken[] {
  const out: MarkupToken[] = [];
  const TAG = /<(\/?[A-Za-z][A-Za-z0-9]*|\d{1,4}:[\d:.]+)([^<>]*)>/g;
  let at = 0;
  for (let m = TAG.exec(markup); m !== null; m = TAG.exec(markup)) {
    if (m.index > at) out.push({ kind: 'text', text: decodeEntities(markup.slice(at, m.index)) });
    out.push({ kind: 'tag', name: m[1]!.toLowerCase(), raw: m[1]! + m[2]! });
    at = m.index + m[0].length;
  }
  if (at < markup.length) out.push({ kind: 'text', text: decodeEntities(markup.slice(at)) });
  return out;
}

/** The value of one attribute in a tag's raw text (`data-timestamp="12.5"` → `12.5`), entities decoded. */
export function attribute(raw: string, name: string): string | null {
  const m = new RegExp(String.raw`(?:^|\s)${name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`, 'i').exec(raw);
  if (!m) return null;
  return decodeEntities(m[1] ?? m[2] ?? m[3] ?? '');
}

/** Text with every tag left out (SRT's `<i>`, `<font color>`; ASS overrides `{\an8}`), entities decoded. */
export function stripTags(markup: string): string {
  return tokenizeMarkup(markup.replace(/\{\\[^{}]*\}/g, ''))
    .flatMap((t) => (t.kind === 'text' ? [t.text] : []))
    .join('');
}
