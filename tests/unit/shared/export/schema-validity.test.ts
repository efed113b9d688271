/**
 * Every export is valid for the newsroom that receives it, whatever the text contains: every export
 * of the seed-like document and of generated hostile documents has the structure receivers read
 * (always checked) and validates against the official IPTC schemas (where they are present: libxml2
 * for NITF and NewsML-G2, ajv for ninjs); the HTML is well-formed and never self-closes an element
 * HTML cannot self-close, and the IPTC 7901 bytes follow the wire layout.
 */
import { describe, expect, it } from 'vitest';
import { itNeeds } from '../../../helpers/it-needs';
import { exportHtml } from '../../../../shared/export/html';
import { exportIptc7901 } from '../../../../shared/export/iptc7901';
import { exportNewsmlG2 } from '../../../../shared/export/newsml-g2';
import { ninjs31, exportNinjs22, exportNinjs31 } from '../../../../shared/export/ninjs';
import { exportNitf, exportNitfNoNamespace } from '../../../../shared/export/nitf';
import { interviewSchema, type Interview } from '../../../../shared/model/schema';
import { hostileDocuments, optionsFor, seedLikeDocument } from '../../../helpers/export-fixtures';
import { readIptc7901 } from '../../../helpers/iptc7901-layout';
import {
  assertNewsmlG2Structure,
  assertNinjsStructure,
  assertNitfStructure,
  assertValidNewsmlG2,
  assertValidNinjs,
  assertValidNitf,
  assertValidNitfNoNamespace,
  assertWellFormed,
} from '../../../helpers/xml-validators';
import { NITF_NS } from '../../../../shared/export/nitf';

interface Checks {
  nitf(xml: string): void;
  nitfNoNamespace(xml: string): void;
  newsmlG2(xml: string): void;
  ninjs(json: string, version: '3.1' | '2.2'): void;
}

/** Structure only: what runs with nothing beside the checkout. */
const STRUCTURE: Checks = {
  nitf: (xml) => assertNitfStructure(xml, NITF_NS),
  nitfNoNamespace: (xml) => assertNitfStructure(xml, ''),
  newsmlG2: assertNewsmlG2Structure,
  ninjs: assertNinjsStructure,
};

/** Structure and the official schemas. */
const SCHEMAS: Checks = { nitf: assertValidNitf, nitfNoNamespace: assertValidNitfNoNamespace, newsmlG2: assertValidNewsmlG2, ninjs: assertValidNinjs };

const VOID_ELEMENTS = new Set(['meta', 'img', 'br', 'hr', 'link', 'input', 'source', 'wbr']);

/** Elements written `<x/>` that an HTML parser would not close: `<p/>` opens a paragraph. */
function selfClosedNonVoid(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\/>/g)].map((m) => m[1]!).filter((name) => !VOID_ELEMENTS.has(name));
}

function validateEverything(doc: Interview, check: Checks): void {
  // The generated documents are ones the model accepts: exporters get nothing stranger.
  expect(interviewSchema.safeParse(doc).success).toBe(true);
  const options = optionsFor(doc);

  check.nitf(exportNitf(doc, options));
  check.nitfNoNamespace(exportNitfNoNamespace(doc, options));
  check.newsmlG2(exportNewsmlG2(doc, options));
  check.ninjs(exportNinjs31(doc, options), '3.1');
  check.ninjs(exportNinjs22(doc, options), '2.2');
  // Without a baseUri the pictures have no href; still valid.
  check.ninjs(exportNinjs31(doc, { ...options, baseUri: undefined }), '3.1');

  // The XHTML body inside ninjs is well-formed too.
  const body = (ninjs31(doc, options).bodies as Array<{ value: string }>)[0]!.value;
  assertWellFormed(`<div>${body}</div>`);

  const html = exportHtml(doc, options);
  assertWellFormed(html);
  expect(selfClosedNonVoid(html)).toEqual([]);

  readIptc7901(exportIptc7901(doc, options), 'ascii');
  readIptc7901(exportIptc7901(doc, options, { charset: 'utf-8' }), 'utf-8');
}

const hostile = hostileDocuments();

describe('every export has the structure its receivers read', () => {
  it('the seed-like document (9 turns, lead photo, photos inside answers)', () => {
    validateEverything(seedLikeDocument(), STRUCTURE);
  });

  it.each(hostile.map((doc) => [doc.id, doc] as const))('hostile document %s', (_id, doc) => {
    validateEverything(doc, STRUCTURE);
  });
});

describe('every export validates against the official IPTC schemas', () => {
  itNeeds('schemas')('the seed-like document (9 turns, lead photo, photos inside answers)', () => {
    validateEverything(seedLikeDocument(), SCHEMAS);
  });

  itNeeds('schemas')('every hostile document', () => {
    for (const doc of hostile) validateEverything(doc, SCHEMAS);
  });
});

describe('the hostile documents', () => {
  it('include 100,000-character paragraphs, hundreds of photos, empty fields', () => {
    const paragraphs = hostile.flatMap((d) => d.body.flatMap((b) => (b.type === 'turn' ? b.children : [b])));
    const longest = Math.max(...paragraphs.map((p) => (p.type === 'paragraph' ? p.children.map((l) => l.text).join('').length : 0)));
    expect(longest).toBe(100_000);
    const photos = paragraphs.filter((p) => p.type === 'photo').length;
    expect(photos).toBeGreaterThan(300);
    expect(hostile.some((d) => d.meta.headline === '' && d.meta.byline === '')).toBe(true);
  });
});

describe('the structure checks refuse what a receiver would refuse, with or without the schemas', () => {
  const doc = seedLikeDocument();
  const options = optionsFor(doc);
  const nitf = exportNitf(doc, options);
  const g2 = exportNewsmlG2(doc, options);
  const ninjs = exportNinjs31(doc, options);

  it('NITF: a stray element, a lost namespace, a body before the head, a media without a reference', () => {
    expect(() => STRUCTURE.nitf(nitf)).not.toThrow();
    expect(() => STRUCTURE.nitf(nitf.replace('<body.content>', '<body.content><bogus/>'))).toThrow(/does not allow/);
    expect(() => STRUCTURE.nitf(nitf.replace(` xmlns="${NITF_NS}"`, ''))).toThrow(/root element/);
    expect(() => STRUCTURE.nitf(nitf.replace(/<head>[\s\S]*<\/head>/, (head) => `<body>${head.slice(6, -7)}</body>`))).toThrow(/children/);
    expect(() => STRUCTURE.nitf(nitf.replace(/<media-reference [^>]*\/>/, ''))).toThrow(/media/);
    expect(() => STRUCTURE.nitf(nitf.replace('</nitf>', ''))).toThrow(/not well-formed/);
  });

  it('NewsML-G2: an item without a guid, another standard version, a text item without its NITF', () => {
    expect(() => STRUCTURE.newsmlG2(g2)).not.toThrow();
    expect(() => STRUCTURE.newsmlG2(g2.replace(/<newsItem guid="[^"]*"/, '<newsItem'))).toThrow(/guid/);
    expect(() => STRUCTURE.newsmlG2(g2.replace('standardversion="2.35"', 'standardversion="2.30"'))).toThrow(/2\.35/);
    expect(() => STRUCTURE.newsmlG2(g2.replace(/<inlineXML[\s\S]*<\/inlineXML>/, ''))).toThrow(/NITF inline/);
  });

  it('ninjs: no uri, a property spelled for the other version, another standard', () => {
    expect(() => STRUCTURE.ninjs(ninjs, '3.1')).not.toThrow();
    const data = JSON.parse(ninjs) as Record<string, unknown>;
    expect(() => STRUCTURE.ninjs(JSON.stringify({ ...data, uri: '' }), '3.1')).toThrow(/no uri/);
    expect(() => STRUCTURE.ninjs(JSON.stringify({ ...data, versioncreated: data.versionCreated }), '3.1')).toThrow(/spelled/);
    expect(() => STRUCTURE.ninjs(ninjs, '2.2')).toThrow(/2\.2/);
  });
});
