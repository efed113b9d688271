/**
 * What the backend spends, measured in-process on a temporary library with the same functions the
 * app's handlers call: one autosave of a one-character change (with its parts), opening (loading)
 * an interview, each export format, and importing ~1 MB of agency text.
 */
import { contract } from '../shared/api/contract';
import { changesBetween } from '../shared/api/document-changes';
import { EXPORT_FORMATS, type ExportFormat } from '../shared/export/formats';
import { importAgencyText } from '../shared/import/agency-text';
import { normalizeInterview } from '../shared/model/normalize';
import type { Interview, Paragraph } from '../shared/model/schema';
import { validateInterview } from '../shared/model/validate';
import type { HandlerContext } from '../electron/backend/context';
import { dispatch } from '../electron/backend/dispatch';
import { createDocumentFrom, loadDocument } from '../electron/backend/documents';
import { exportStoredDocument } from '../electron/backend/exports';
import { foldedSearchText } from '../electron/backend/search-text';
import { median, percentile, timeMs } from './stats';

export interface AutosaveCost {
  /**
   * Backend time of one autosave as the app sends it (document.saveChanges: the changed top-level
   * block as a splice; request JSON parsed, checked, normalised, stored), median.
   */
  ms: number;
  p95: number;
  requestBytes: number;
  /** The same change saved as the whole document (document.save), median: what `ms` was before. */
  wholeMs: number;
  wholeRequestBytes: number;
  /** Parts of the whole-document save, each timed on its own (medians). */
  parts: {
    parseRequest: number;
    validate: number;
    normalize: number;
    stringify: number;
    searchText: number;
    /** Autocommitted statements on the bench library, each with its commit. */
    updateBody: number;
    updateSearchIndex: number;
    insertRevision: number;
  };
}

const firstParagraph = (doc: Interview, k: number) => {
  const turns = doc.body.filter((b) => b.type === 'turn');
  const turn = turns[k % turns.length]!;
  const p = turn.children.find((c) => c.type === 'paragraph')!;
  return p.children[0]!;
};

/** The document with one more character typed into a paragraph (untouched blocks keep their identity, as in Slate). */
function typeInto(doc: Interview, k: number): Interview {
  const turns = doc.body.flatMap((b, i) => (b.type === 'turn' ? [i] : []));
  const at = turns[k % turns.length]!;
  const turn = doc.body[at] as Extract<Interview['body'][number], { type: 'turn' }>;
  const p = turn.children.findIndex((c) => c.type === 'paragraph');
  const paragraph = turn.children[p] as Paragraph;
  const edited: Paragraph = { ...paragraph, children: [{ ...paragraph.children[0]!, text: `${paragraph.children[0]!.text}x` }, ...paragraph.children.slice(1)] };
  const children = [...turn.children];
  children[p] = edited;
  const body = [...doc.body];
  body[at] = { ...turn, children };
  return { ...doc, body };
}

/**
 * Save `id` `saves` times, each after typing one character into a different paragraph: first as
 * the app does (the changes), then as the whole document.
 */
export async function measureAutosave(ctx: HandlerContext, id: string, saves: number, warmup = 3): Promise<AutosaveCost> {
  const loaded = loadDocument(ctx, id);
  let doc = loaded.doc;
  let revision = loaded.revision;
  const run = async (whole: boolean) => {
    const times: number[] = [];
    let requestBytes = 0;
    for (let i = 0; i < warmup + saves; i++) {
      const next = typeInto(doc, i * 7);
      const changes = changesBetween(doc, next)!;
      const request = whole ? JSON.stringify({ id, baseRevision: revision, doc: next }) : JSON.stringify({ id, baseRevision: revision, ...changes });
      requestBytes = Buffer.byteLength(request);
      const start = performance.now();
      const result = await dispatch(whole ? 'document.save' : 'document.saveChanges', JSON.parse(request), ctx);
      const elapsed = performance.now() - start;
      if (!result.ok) throw new Error(`save failed: ${result.error.message}`);
      if (!('revision' in (result.value as object))) throw new Error('save answered stale');
      revision = (result.value as { revision: number }).revision;
      doc = next;
      if (i >= warmup) times.push(elapsed);
    }
    return { times, requestBytes };
  };
  const changed = await run(false);
  const whole = await run(true);
  const times = changed.times;
  const requestBytes = changed.requestBytes;

  const request = JSON.stringify({ id, baseRevision: revision, doc });
  const repeat = (fn: () => void) => median(Array.from({ length: 7 }, () => timeMs(fn)));
  const normalized = normalizeInterview(doc);
  const body = JSON.stringify(normalized);
  const folded = foldedSearchText(normalized);
  let scratchRevision = 1_000_000;
  let edits = 0;
  const parts: AutosaveCost['parts'] = {
    parseRequest: repeat(() => contract['document.save'].input.parse(JSON.parse(request))),
    validate: repeat(() => validateInterview(doc)),
    normalize: repeat(() => normalizeInterview(doc)),
    stringify: repeat(() => JSON.stringify(normalized)),
    // As a save does it: one more character typed since the last save.
    searchText: repeat(() => {
      firstParagraph(normalized, edits++).text += 'y';
      foldedSearchText(normalized);
    }),
    updateBody: repeat(() => ctx.db.prepare('UPDATE document SET body = ? WHERE id = ?').run(body + ' ', id)),
    // Changing search_text fires the FTS triggers: the old text is tokenised out, the new one in.
    updateSearchIndex: repeat(() => ctx.db.prepare('UPDATE document SET search_text = ? WHERE id = ?').run(`${folded} x${scratchRevision++}`, id)),
    insertRevision: repeat(() => ctx.db.prepare('INSERT INTO revision (document_id, revision, saved_at, body) VALUES (?, ?, ?, ?)').run(id, scratchRevision++, new Date().toISOString(), body)),
  };
  ctx.db.prepare('DELETE FROM revision WHERE document_id = ? AND revision >= 1000000').run(id);
  return { ms: median(times), p95: percentile(times, 95), requestBytes, wholeMs: median(whole.times), wholeRequestBytes: whole.requestBytes, parts };
}

/** Loading an interview for the editor (document.load: parse, check, normalise), median of 5. */
export function measureLoad(ctx: HandlerContext, id: string): number {
  loadDocument(ctx, id);
  return median(Array.from({ length: 5 }, () => timeMs(() => loadDocument(ctx, id))));
}

/** Each export format of a stored interview as the app runs it (load, preflight, export), median of 3. */
export function measureExports(ctx: HandlerContext, id: string): Record<ExportFormat, number> {
  const out = {} as Record<ExportFormat, number>;
  for (const format of EXPORT_FORMATS) {
    // Accept whatever warnings preflight raises (the user would click through them); errors are a bench bug.
    const first = exportStoredDocument(ctx, id, format, []);
    if (first.preflight.errors.length > 0) throw new Error(`${format} export blocked: ${first.preflight.errors.map((e) => e.message).join('; ')}`);
    const accepted = first.preflight.warnings.map((w) => w.key);
    const run = () => {
      if (!exportStoredDocument(ctx, id, format, accepted).file) throw new Error(`${format} export produced no file`);
    };
    run();
    out[format] = median(Array.from({ length: 3 }, () => timeMs(run)));
  }
  return out;
}

export interface ImportCost {
  bytes: number;
  /** Agency text → document (shared/import/agency-text.ts). */
  parseMs: number;
  /** Storing it as a new interview (document.createFrom). */
  storeMs: number;
  /** Both, as `interview-desk import` does them. */
  totalMs: number;
}

export function measureImport(ctx: HandlerContext, text: string, runs = 5): ImportCost {
  const parse: number[] = [];
  const store: number[] = [];
  for (let i = 0; i <= runs; i++) {
    let doc: Interview | undefined;
    const p = timeMs(() => (doc = importAgencyText(text).doc));
    const s = timeMs(() => createDocumentFrom(ctx, doc));
    if (i === 0) continue; // the first run warms up
    parse.push(p);
    store.push(s);
  }
  const total = parse.map((p, i) => p + store[i]!);
  return { bytes: Buffer.byteLength(text), parseMs: median(parse), storeMs: median(store), totalMs: median(total) };
}
