/**
 * A file given as a Word document is opened with limits before anything is inflated: what is not a
 * zip, a zip bomb (declared sizes past the cap, or too many entries), a package without
 * word/document.xml, and damaged or hostile XML are refused with the reason, and nothing is read.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocxError } from '../../../../../shared/import/docx/docx-error';
import { readDocx } from '../../../../../shared/import/docx/read-docx';
import { MAX_ENTRIES, MAX_UNZIPPED_BYTES } from '../../../../../shared/import/docx/read-package';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;

function refusal(bytes: Uint8Array): string {
  try {
    readDocx(bytes);
  } catch (e) {
    if (e instanceof DocxError) return e.code;
    throw e;
  }
  return 'read';
}

/** A zip whose central directory says an entry unpacks to `size` bytes (the bomb's lie, or its truth). */
function declaring(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = out.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('opening a .docx', () => {
  it('reads a minimal document', () => {
    const bytes = zipSync({ 'word/document.xml': strToU8(documentXml('<w:p><w:r><w:t>Xin chào</w:t></w:r></w:p>')) });
    expect(readDocx(bytes).paragraphs.map((p) => p.runs.map((r) => r.text).join(''))).toEqual(['Xin chào']);
  });

  it('refuses what is not a zip', () => {
    expect(refusal(strToU8('Phóng viên: Xin chào'))).toBe('not_zip');
    expect(refusal(new Uint8Array(0))).toBe('not_zip');
    // A zip's signature with nothing of a zip after it.
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('not_zip');
  });

  it('refuses a package that declares more than the cap, before inflating it', () => {
    const zip = zipSync({ 'word/document.xml': strToU8(documentXml('')) });
    expect(refusal(declaring(zip, MAX_UNZIPPED_BYTES + 1))).toBe('too_large');
  });

  it('refuses a package of more entries than any document has', () => {
    const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8(documentXml('')) };
    for (let i = 0; i <= MAX_ENTRIES; i++) files[`junk/${i}.txt`] = new Uint8Array(0);
    expect(refusal(zipSync(files))).toBe('too_many_entries');
  });

  it('refuses a zip without word/document.xml', () => {
    expect(refusal(zipSync({ 'content.xml': strToU8('<x/>') }))).toBe('no_document');
    expect(refusal(zipSync({}))).toBe('no_document');
  });

  it('refuses malformed XML and a DTD (entity expansion)', () => {
    expect(refusal(zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="x"><w:body>') }))).toBe('malformed_xml');
    const bomb = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    expect(refusal(zipSync({ 'word/document.xml': strToU8(bomb) }))).toBe('malformed_xml');
    const badComments = zipSync({ 'word/document.xml': strToU8(documentXml('')), 'word/comments.xml': strToU8('<w:comments') });
    expect(refusal(badComments)).toBe('malformed_xml');
  });

  it('refuses a document.xml that is not a Word document', () => {
    expect(refusal(zipSync({ 'word/document.xml': strToU8('<html><body/></html>') }))).toBe('no_document');
  });
});

describe('reading revisions as Word writes them', () => {
  const bytes = zipSync({
    'word/document.xml': strToU8(
      documentXml(
        '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Ông Hải:</w:t></w:r><w:r><w:t xml:space="preserve"> Đảng bộ </w:t></w:r>' +
          '<w:ins w:id="1" w:author="Outside Editor" w:date="2026-12-08T09:00:00Z"><w:r><w:t>tỉnh </w:t></w:r>' +
          '<w:del w:id="2" w:author="Lan" w:date="2026-12-08T09:05:00Z"><w:r><w:delText>nhà </w:delText></w:r></w:del></w:ins>' +
          '<w:moveFrom w:id="3" w:author="Outside Editor"><w:r><w:t>cũ</w:t></w:r></w:moveFrom><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>mới</w:t></w:r></w:p>',
      ),
    ),
  });

  it('keeps each run’s revision, author and date; text deleted inside an insertion is deleted', () => {
    const [p] = readDocx(bytes).paragraphs;
    expect(p!.runs.map((r) => [r.text, r.bold, r.revision?.kind ?? null, r.revision?.author ?? null])).toEqual([
      ['Ông Hải:', true, null, null],
      [' Đảng bộ ', false, null, null],
      ['tỉnh ', false, 'ins', 'Outside Editor'],
      ['nhà ', false, 'del', 'Lan'],
      ['cũ', false, 'del', 'Outside Editor'],
      ['mới', false, null, null],
    ]);
    expect(p!.runs[2]!.revision!.date).toBe('2026-12-08T09:00:00Z');
  });
});
