/**
 * A Word document imported as a new interview, through the same preview as every import
 * (`ImportResult`). A document in our styles (an export of this app, or one restyled with a desk's
 * template) is read by its styles and Speaker runs (docx-interview.ts); any other is read as its
 * paragraphs of text by the agency-text importer, whose label conventions then apply paragraph by
 * paragraph (a bold `Name:` opening a paragraph reads as a label there too), its pictures placed
 * among them as photos (foreign-pictures.ts). Tracked changes come in accepted, as Word shows them
 * with all accepted, and a finding says how many there were (deciding them needs the interview they
 * were made on: that is the round trip, returned-docx.ts). Comments come in as threads, anchored as
 * the round trip anchors them. Embedded images come with their bytes, named by their sha-256, for
 * the caller to store before the interview that names them.
 */
import { sha256OfBytes } from '../../export/docx/sha256';
import { newInterview } from '../../model/factory';
import type { Interview } from '../../model/schema';
import { importAgencyText, type ImportOptions, type ImportResult } from '../agency-text';
import type { ImportFinding } from '../findings';
import { normalizeInterview } from '../../model/normalize';
import { foreignText, placePictures } from './foreign-pictures';
import { withDocxComments } from './returned-docx';
import { docxInterview, usesOurStyles } from './docx-interview';
import { docxView, revisionAuthors } from './docx-views';
import { readDocx, type DocxReading } from './read-docx';

export const DOCX_EXTENSION = '.docx';

export interface ImportedDocx {
  result: ImportResult;
  /** The embedded images the interview names, by asset id (sha-256 of the bytes). */
  images: ReadonlyMap<string, Uint8Array>;
}

/** The images a reading embeds, by part, and their asset ids. */
export function docxImages(reading: DocxReading): { assetOf: (part: string | null) => string | null; images: Map<string, Uint8Array> } {
  const ids = new Map<string, string>();
  const images = new Map<string, Uint8Array>();
  for (const [part, bytes] of reading.media) {
    const id = sha256OfBytes(bytes);
    ids.set(part, id);
    images.set(id, bytes);
  }
  return { assetOf: (part) => (part === null ? null : (ids.get(part) ?? null)), images };
}

/** Throws DocxError when the bytes are not a readable Word document. */
export function importDocx(bytes: Uint8Array, options: ImportOptions = {}): ImportedDocx {
  const reading = readDocx(bytes);
  const view = docxView(reading.paragraphs, () => true);
  // A comment's time where Word wrote none: when the file was last saved, else the epoch (the importer has no clock).
  const saved = Date.parse(reading.core.get('modified') ?? reading.core.get('created') ?? '');
  const at = new Date(Number.isNaN(saved) ? 0 : saved).toISOString();
  const findings: ImportFinding[] = [];
  const revisions = revisionAuthors(reading.paragraphs).length;
  if (revisions > 0) findings.push({ kind: 'docx-revisions', line: 1, text: '', detail: String(revisions) });

  if (!usesOurStyles(view)) {
    // The agency importer reads the text as a whole: its language, its speakers, its turns.
    const foreign = foreignText(view, reading.media);
    const asText = importAgencyText(foreign.text, options);
    const doc = normalizeInterview(withDocxComments(placePictures(asText.doc, foreign.photos), reading, at));
    const report = { ...asText.report, photos: asText.report.photos + foreign.photos.length, findings: [...findings, ...foreign.findings, ...asText.report.findings] };
    return { result: { ...asText, doc, report }, images: foreign.images };
  }
  const text = view.map((p) => p.runs.map((r) => r.text).join('')).join('\n\n');
  const asText = importAgencyText(text, options);
  const { assetOf, images } = docxImages(reading);
  const language = options.language ?? asText.report.language;
  const template: Interview = { ...newInterview(options.id ?? 'import', language), participants: [] };
  const doc = normalizeInterview(withDocxComments(docxInterview(view, { template, assetOf }), reading, at));
  const named = new Set(doc.body.flatMap((b) => (b.type === 'turn' ? [b.speakerId] : [])));
  doc.participants = doc.participants.filter((p) => named.has(p.id));
  const turns = doc.body.filter((b) => b.type === 'turn');
  const photos = doc.body.flatMap((b) => (b.type === 'photo' ? [b] : b.type === 'turn' ? b.children.filter((c) => c.type === 'photo') : []));
  const used = new Map([...images].filter(([id]) => photos.some((p) => p.assetId === id)));
  const result: ImportResult = {
    doc,
    meta: { headline: doc.meta.headline, sapo: doc.meta.sapo, byline: doc.meta.byline },
    report: {
      speakers: doc.participants.map((p) => ({ id: p.id, label: p.label, role: p.role, evidence: 'known', turns: turns.filter((t) => t.speakerId === p.id).length })),
      turns: turns.map((t, i) => ({ line: i + 1, matched: '', label: doc.participants.find((p) => p.id === t.speakerId)?.label ?? '', speakerId: t.speakerId })),
      photos: photos.length,
      unplaced: [],
      webChromeFromLine: null,
      omittedFromLine: null,
      findings,
      language,
    },
  };
  return { result, images: used };
}
