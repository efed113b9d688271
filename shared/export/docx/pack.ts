/**
 * The Word document's package (.docx: a zip of XML parts), made synchronously and byte for byte the
 * same for the same document. The `docx` library's own Packer is asynchronous, stamps the package
 * with the clock (core properties and zip entry times), while every export of this app is a pure
 * synchronous function of the document and its options (run-export.ts). So the library compiles the
 * parts, our core properties replace its clock-stamped ones, and fflate (the zip library `docx`
 * itself uses) zips them with the version's time.
 */
import { Packer, type File } from 'docx';
import { zipSync } from 'fflate';
import type { ExportOptions } from '../options';
import { wordText } from './text';

interface PartCompiler {
  compile(file: File, prettify?: undefined, overrides?: readonly { path: string; data: string }[]): Map<string, string | Uint8Array>;
}

/**
 * The library's compiler: the half of Packer.pack before zipping. It is a private static of
 * Packer (docx 9); the docx unit tests pin the parts it gives, so an upgrade that moves it fails
 * there rather than in a user's export.
 */
const compiler = (Packer as unknown as { compiler: PartCompiler }).compiler;

const escapeXml = (value: string) => wordText(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Whole seconds in UTC, as W3CDTF wants them. */
const w3cdtf = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** docProps/core.xml with the story's own times instead of the clock's. */
function coreProperties(doc: { title: string; creator: string; subject: string; keywords: string; description: string }, options: ExportOptions): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(doc.title)}</dc:title>`,
    `<dc:subject>${escapeXml(doc.subject)}</dc:subject>`,
    `<dc:creator>${escapeXml(doc.creator)}</dc:creator>`,
    `<cp:keywords>${escapeXml(doc.keywords)}</cp:keywords>`,
    `<dc:description>${escapeXml(doc.description)}</dc:description>`,
    `<cp:revision>${options.version}</cp:revision>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(options.firstCreated)}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(options.versionCreated)}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

const encoder = new TextEncoder();

export function packDocx(file: File, core: Parameters<typeof coreProperties>[0], options: ExportOptions): Uint8Array {
  const parts = compiler.compile(file, undefined, [{ path: 'docProps/core.xml', data: coreProperties(core, options) }]);
  // Zip times are local DOS times; the version's time in UTC keeps them the same on every machine.
  const at = new Date(options.versionCreated);
  const mtime = new Date(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds());
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [path, data] of parts) entries[path] = [typeof data === 'string' ? encoder.encode(data) : data, { mtime }];
  return zipSync(entries, { level: 6 });
}
