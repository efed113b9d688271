/**
 * Issue 4, "done when": every export of the seed-like document and of generated hostile documents
 * validates against ../shared/schemas (xmllint for NITF and NewsML-G2, ajv for ninjs), the HTML is
 * well-formed and never self-closes an element HTML cannot self-close, and the IPTC 7901 bytes
 * follow the wire layout.
 */
import { describe, expect, it } from 'vitest';
import { exportHtml } from '../../../shared/export/html';
import { exportIptc7901 } from '../../../shared/export/iptc7901';
import { exportNewsmlG2 } from '../../../shared/export/newsml-g2';
import { ninjs31, exportNinjs22, exportNinjs31 } from '../../../shared/export/ninjs';
import { exportNitf, exportNitfNoNamespace } from '../../../shared/export/nitf';
import { interviewSchema, type Interview } from '../../../shared/model/schema';
import { hostileDocuments, optionsFor, seedLikeDocument } from './fixtures';
import { readIptc7901 } from './iptc7901-layout';
import { assertValidNewsmlG2, assertValidNinjs, assertValidNitf, assertValidNitfNoNamespace, assertWellFormed } from './validators';

const VOID_ELEMENTS = new Set(['meta', 'img', 'br', 'hr', 'link', 'input', 'source', 'wbr']);

/** Elements written `<x/>` that an HTML parser would not close: `<p/>` opens a paragraph. */
function selfClosedNonVoid(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\/>/g)].map((m) => m[1]!).filter((name) => !VOID_ELEMENTS.has(name));
}

function validateEverything(doc: Interview): void {
  // The generated documents are ones the model accepts: exporters get nothing stranger.
  expect(interviewSchema.safeParse(doc).success).toBe(true);
  const options = optionsFor(doc);

  assertValidNitf(exportNitf(doc, options));
  assertValidNitfNoNamespace(exportNitfNoNamespace(doc, options));
  assertValidNewsmlG2(exportNewsmlG2(doc, options));
  assertValidNinjs(exportNinjs31(doc, options), '3.1');
  assertValidNinjs(exportNinjs22(doc, options), '2.2');
  // Without a baseUri the pictures have no href; still valid.
  assertValidNinjs(exportNinjs31(doc, { ...options, baseUri: undefined }), '3.1');

  // The XHTML body inside ninjs is well-formed too.
  const body = (ninjs31(doc, options).bodies as Array<{ value: string }>)[0]!.value;
  assertWellFormed(`<div>${body}</div>`);

  const html = exportHtml(doc, options);
  assertWellFormed(html);
  expect(selfClosedNonVoid(html)).toEqual([]);

  readIptc7901(exportIptc7901(doc, options), 'ascii');
  readIptc7901(exportIptc7901(doc, options, { charset: 'utf-8' }), 'utf-8');
}

describe('every export validates against the schemas', () => {
  it('the seed-like document (9 turns, lead photo, photos inside answers)', () => {
    validateEverything(seedLikeDocument());
  });

  const hostile = hostileDocuments();
  it.each(hostile.map((doc) => [doc.id, doc] as const))('hostile document %s', (_id, doc) => {
    validateEverything(doc);
  });

  it('covers what the issue asks for: 100,000-character paragraphs, hundreds of photos, empty fields', () => {
    const paragraphs = hostile.flatMap((d) => d.body.flatMap((b) => (b.type === 'turn' ? b.children : [b])));
    const longest = Math.max(...paragraphs.map((p) => (p.type === 'paragraph' ? p.children.map((l) => l.text).join('').length : 0)));
    expect(longest).toBe(100_000);
    const photos = paragraphs.filter((p) => p.type === 'photo').length;
    expect(photos).toBeGreaterThan(300);
    expect(hostile.some((d) => d.meta.headline === '' && d.meta.byline === '')).toBe(true);
  });
});
