/**
 * A Word user's edits, made on the XML of an exported .docx as Word writes them: a tracked deletion
 * (`w:del` around a run whose text is `w:delText`), a tracked replacement (that deletion followed by
 * a `w:ins`), and a new comment (range markers around the words, a reference run after them, the
 * comment in word/comments.xml). The tests that import a returned file and the end-to-end round
 * trip use them, so the file they read is shaped like one that came back from Word.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface WordAuthor {
  author: string;
  /** Word writes UTC to the second: `2026-12-08T09:00:00Z`. */
  date: string;
}

/** The parts of a .docx as text, edited, and zipped again (every other part kept byte for byte). */
export function editDocx(bytes: Uint8Array, edit: (parts: Map<string, string>) => void): Uint8Array {
  const files = unzipSync(bytes);
  const parts = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) if (name.endsWith('.xml') || name.endsWith('.rels')) parts.set(name, strFromU8(data));
  edit(parts);
  // Parts the edit removed stay removed; the others (images, fonts) are kept as they were.
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) if (!name.endsWith('.xml') && !name.endsWith('.rels')) out[name] = data;
  for (const [name, text] of parts) out[name] = strToU8(text);
  return zipSync(out);
}

const RUN = /<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g;

/** Replace the words `target` inside the one plain run holding them with what `make` gives (the run's properties passed on). */
function splitRun(xml: string, target: string, make: (rPr: string, words: string) => string): string {
  const escaped = escapeXml(target);
  let done = false;
  const out = xml.replace(RUN, (whole, rPr: string | undefined, text: string) => {
    const at = text.indexOf(escaped);
    if (done || at < 0) return whole;
    done = true;
    const props = rPr ?? '';
    const plain = (t: string) => (t === '' ? '' : `<w:r>${props}<w:t xml:space="preserve">${t}</w:t></w:r>`);
    return `${plain(text.slice(0, at))}${make(props, escaped)}${plain(text.slice(at + escaped.length))}`;
  });
  if (!done) throw new Error(`no run holds “${target}”`);
  return out;
}

let revisionId = 900;

const deletion = (rPr: string, words: string, by: WordAuthor) => `<w:del w:id="${revisionId++}" w:author="${escapeXml(by.author)}" w:date="${by.date}"><w:r>${rPr}<w:delText xml:space="preserve">${words}</w:delText></w:r></w:del>`;
const insertion = (rPr: string, words: string, by: WordAuthor) => `<w:ins w:id="${revisionId++}" w:author="${escapeXml(by.author)}" w:date="${by.date}"><w:r>${rPr}<w:t xml:space="preserve">${escapeXml(words)}</w:t></w:r></w:ins>`;

/** A tracked deletion of `words` in document.xml. */
export function deleteTracked(parts: Map<string, string>, words: string, by: WordAuthor): void {
  parts.set('word/document.xml', splitRun(parts.get('word/document.xml')!, words, (rPr, w) => deletion(rPr, w, by)));
}

/** A tracked replacement of `words` by `replacement`, as Word writes one: the deletion, then the insertion. */
export function replaceTracked(parts: Map<string, string>, words: string, replacement: string, by: WordAuthor): void {
  parts.set('word/document.xml', splitRun(parts.get('word/document.xml')!, words, (rPr, w) => deletion(rPr, w, by) + insertion(rPr, replacement, by)));
}

const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

/** A new comment on `words`, with the next free comment id. */
export function addComment(parts: Map<string, string>, words: string, text: string, by: WordAuthor): void {
  let comments = parts.get('word/comments.xml');
  if (comments === undefined) {
    comments = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:comments>';
    parts.set('word/_rels/document.xml.rels', parts.get('word/_rels/document.xml.rels')!.replace('</Relationships>', `<Relationship Id="rIdComments" Type="${COMMENTS_REL}" Target="comments.xml"/></Relationships>`));
    parts.set('[Content_Types].xml', parts.get('[Content_Types].xml')!.replace('</Types>', `<Override ContentType="${COMMENTS_TYPE}" PartName="/word/comments.xml"/></Types>`));
  }
  const ids = [...comments.matchAll(/<w:comment [^>]*w:id="(\d+)"/g)].map((m) => Number(m[1]));
  const id = ids.length === 0 ? 0 : Math.max(...ids) + 1;
  const initials = by.author
    .split(/\s+/)
    .map((w) => w[0])
    .join('');
  const comment = `<w:comment w:id="${id}" w:author="${escapeXml(by.author)}" w:date="${by.date}" w:initials="${escapeXml(initials)}"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p></w:comment>`;
  parts.set('word/comments.xml', comments.replace('</w:comments>', `${comment}</w:comments>`));
  parts.set(
    'word/document.xml',
    splitRun(parts.get('word/document.xml')!, words, (rPr, w) => `<w:commentRangeStart w:id="${id}"/><w:r>${rPr}<w:t xml:space="preserve">${w}</w:t></w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`),
  );
}
