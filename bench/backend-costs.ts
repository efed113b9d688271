/**
 * What the backend spends, measured in-process on a temporary library with the same functions the
 * app's handlers call: one autosave of a one-character change (with its parts), opening (loading)
 * an interview, each export format, and importing ~1 MB of agency text.
 */
import { statSync } from 'node:fs';
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
import { listHistory, loadVersion } from '../electron/backend/history';
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
    /** Autocommitted statements on the bench library, each with its commit. updateBody: one block row (the body is stored as rows of blocks, migration v10). */
    updateBody: number;
    updateSearchIndex: number;
    /** A revision row whose content is a delta of one changed block. */
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
  const changed = await timeAutosaves(ctx, id, saves, warmup, false);
  const whole = await timeAutosaves(ctx, id, saves, warmup, true);
  const times = changed.times;
  const requestBytes = changed.requestBytes;
  const { doc, revision } = loadDocument(ctx, id);
  const request = JSON.stringify({ id, baseRevision: revision, doc });
  const repeat = (fn: () => void) => median(Array.from({ length: 7 }, () => timeMs(fn)));
  const normalized = normalizeInterview(doc);
  const block = JSON.stringify(normalized.body[1]);
  const blockKey = ctx.db.prepare('SELECT position FROM block WHERE document_id = ? ORDER BY position LIMIT 1 OFFSET 1').pluck().get(id) as string;
  const delta = ctx.db.prepare('SELECT snapshot, delta FROM revision WHERE document_id = ? AND revision = ?').get(id, revision) as { snapshot: number; delta: string };
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
    updateBody: repeat(() => ctx.db.prepare('UPDATE block SET json = ? WHERE document_id = ? AND position = ?').run(`${block} `, id, blockKey)),
    // Changing search_text fires the FTS triggers: the old text is tokenised out, the new one in.
    updateSearchIndex: repeat(() => ctx.db.prepare('UPDATE document SET search_text = ? WHERE id = ?').run(`${folded} x${scratchRevision++}`, id)),
    insertRevision: repeat(() =>
      ctx.db.prepare('INSERT INTO revision (document_id, revision, saved_at, snapshot, delta) VALUES (?, ?, ?, ?, ?)').run(id, scratchRevision++, new Date().toISOString(), delta.snapshot, delta.delta),
    ),
  };
  ctx.db.prepare('UPDATE block SET json = ? WHERE document_id = ? AND position = ?').run(block, id, blockKey);
  ctx.db.prepare('DELETE FROM revision WHERE document_id = ? AND revision >= 1000000').run(id);
  return { ms: median(times), p95: percentile(times, 95), requestBytes, wholeMs: median(whole.times), wholeRequestBytes: whole.requestBytes, parts };
}

/**
 * Save `id` `saves` times, each after typing one character into a different paragraph, as the app
 * does (the changes) or as the whole document; backend time of each save after the warm-up ones.
 */
export async function timeAutosaves(ctx: HandlerContext, id: string, saves: number, warmup: number, whole: boolean): Promise<{ times: number[]; requestBytes: number }> {
  const loaded = loadDocument(ctx, id);
  let doc = loaded.doc;
  let revision = loaded.revision;
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
}

export interface AutosaveAtSize {
  paragraphs: number;
  ms: number;
  p95: number;
}

/** The library file's size with its write-ahead log folded in (what a backup or a copy holds). */
function librarySize(ctx: HandlerContext, file: string): number {
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  return statSync(file).size;
}

export interface LibraryGrowth {
  autosaves: number;
  /** Time between two saves on the library's clock: decides how many revisions the history keeps. */
  everyMs: number;
  grownMb: number;
  revisionsKept: number;
  snapshots: number;
  /** Opening (history.load) the oldest kept revision and one in the middle, median of 5. */
  openOldestMs: number;
  openMiddleMs: number;
}

/**
 * `autosaves` one-character autosaves of `id` in a library whose clock moves `everyMs` per save,
 * and how much the library file grew; then opening the oldest and a middle kept revision.
 */
export async function measureLibraryGrowth(ctx: HandlerContext, file: string, id: string, autosaves: number, everyMs: number, advance: (ms: number) => void): Promise<LibraryGrowth> {
  const before = librarySize(ctx, file);
  let { doc, revision } = loadDocument(ctx, id);
  for (let i = 0; i < autosaves; i++) {
    advance(everyMs);
    const next = typeInto(doc, i * 7);
    const result = await dispatch('document.saveChanges', { id, baseRevision: revision, ...changesBetween(doc, next)! }, ctx);
    if (!result.ok || !('revision' in (result.value as object))) throw new Error('save failed');
    revision = (result.value as { revision: number }).revision;
    doc = next;
  }
  const grownMb = (librarySize(ctx, file) - before) / (1024 * 1024);
  const kept = listHistory(ctx, id).versions.map((v) => v.revision).sort((a, b) => a - b);
  const open = (r: number) => median(Array.from({ length: 5 }, () => timeMs(() => loadVersion(ctx, id, r))));
  return {
    autosaves,
    everyMs,
    grownMb,
    revisionsKept: kept.length,
    snapshots: ctx.db.prepare('SELECT count(*) FROM revision_snapshot WHERE document_id = ?').pluck().get(id) as number,
    openOldestMs: open(kept[0]!),
    openMiddleMs: open(kept[Math.floor(kept.length / 2)]!),
  };
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
