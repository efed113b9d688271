/**
 * Autosave of what changed (`document.saveChanges`), so that a save stays cheap however long the
 * interview is and never holds up typing: the renderer sends the top-level
 * blocks that changed since the revision it last stored, as splices of that revision's body,
 * and any other top-level field that changed, whole. A one-character change of a 2,000-paragraph
 * interview is then one block on the wire instead of ~1 MB, and the backend checks and
 * normalises that block instead of the whole document.
 *
 * The result is exactly what `document.save` of the whole document would store:
 * - The backend holds the last state it stored or loaded for the document being edited (one per
 *   library, checked against the row's revision and time), normalised, with each block's JSON.
 *   On a miss it loads the stored document (as document.load gives it to the renderer).
 * - The new blocks are checked and normalised by the same functions as a whole document, on a
 *   document holding only them (plus a paragraph after them, so the "never end with a photo" rule
 *   applies only at the real end). Normalisation works block by block, given the comment threads,
 *   and a normalised block normalises to itself, so the unchanged blocks need no work.
 * - When a field other than the body changed (metadata, participants, review records, comments),
 *   the whole document is checked and normalised, as by document.save; the body is still spliced
 *   here, so it does not cross the boundary.
 * - `baseLength` must equal the held body's length (normalisation can add a block), and the
 *   splices must fit it: otherwise the answer is `stale`, nothing is stored, and the renderer
 *   sends the whole document.
 *
 * The conflict check, the transaction and the revision row are commitRevision's, and so is the
 * save id: a save sent again with the id of one already stored is answered with that revision
 * (documents.ts, storedSave). The search text and its index are left to catch up before the next
 * search (search-index.ts, migration v5).
 */
import type { Database } from 'better-sqlite3';
import type { InputOf, LoadedDocument, OutputOf } from '../../shared/api/contract';
import { spliceBody, splicesFit, type Splice } from '../../shared/api/document-changes';
import { emptyParagraph } from '../../shared/model/factory';
import { admitInterview } from '../../shared/model/admit';
import { LIMITS, type Block, type Interview } from '../../shared/model/schema';
import type { ValidationProblem } from '../../shared/model/validate';
import type { HandlerContext } from './context';
import { commitRevision, loadDocument, storedSave } from './documents';
import type { JsonSplice } from './document-store';
import { AppError } from './errors';

interface Held {
  id: string;
  revision: number;
  updatedAt: string;
  doc: Interview;
  /** JSON.stringify of each body block. */
  blocks: string[];
  /** What loading it dropped as damaged (document.load's `repaired`). */
  repaired?: string[];
}

/** The document last stored or loaded through this module, per library (the one being edited). */
const held = new WeakMap<Database, Held>();

const NOT_SAVED = 'The interview was not saved: it does not match the document format.';

export function saveDocumentChanges(ctx: HandlerContext, input: InputOf<'document.saveChanges'>): OutputOf<'document.saveChanges'> {
  const { id, baseRevision, baseLength, splices, fields, saveId } = input;
  // Sent again after its answer was lost: already stored (documents.ts, "Saves are idempotent").
  const again = saveId ? storedSave(ctx, id, saveId) : null;
  if (again) return again;
  const row = ctx.db.prepare('SELECT revision, updated_at FROM document WHERE id = ?').get(id) as { revision: number; updated_at: string } | undefined;
  if (!row) throw new AppError('not_found', `No interview with id ${id}.`);
  if (row.revision !== baseRevision) {
    throw new AppError('conflict', `This interview was changed elsewhere (revision ${row.revision}; this copy is based on ${baseRevision}).`, {
      currentRevision: row.revision,
    });
  }
  const base = heldState(ctx, id, row.revision, row.updated_at);
  if (base.doc.body.length !== baseLength || !splicesFit(splices, baseLength)) return { stale: true };

  let doc: Interview;
  let blockJson: string[];
  let rowSplices: JsonSplice[] | undefined;
  if (Object.keys(fields).length === 0) {
    const added = checkedBlocks(base.doc, splices);
    const body = spliceBody(base.doc.body, added);
    blockJson = spliceBody(base.blocks, added.map((s) => ({ ...s, blocks: s.json })));
    rowSplices = added;
    if (body.length === 0 || body.length > LIMITS.bodyBlocks) throw new AppError('invalid_document', NOT_SAVED, { problems: [{ path: 'body', message: `must hold 1 to ${LIMITS.bodyBlocks} blocks` }] });
    // The document-wide rule of normalizeInterview: somewhere to type after a final photo.
    if (body[body.length - 1]!.type === 'photo') {
      const paragraph = emptyParagraph();
      body.push(paragraph);
      blockJson.push(JSON.stringify(paragraph));
      rowSplices = [...added, { start: base.blocks.length, deleteCount: 0, json: [blockJson[blockJson.length - 1]!] }];
    }
    doc = { ...base.doc, body };
  } else {
    const whole: Record<string, unknown> = { ...base.doc, body: spliceBody<unknown>(base.doc.body, splices) };
    for (const [key, value] of Object.entries(fields)) {
      if (value === null) delete whole[key];
      else whole[key] = value;
    }
    const checked = admitInterview(whole);
    if (!checked.ok) throw new AppError('invalid_document', NOT_SAVED, { problems: checked.problems });
    doc = checked.doc;
    blockJson = doc.body.map((b) => JSON.stringify(b));
  }

  // Only the blocks the splices name are written (document-store.ts); the search index catches up
  // before the next search (search-index.ts).
  const saved = commitRevision(ctx, doc, baseRevision, 'auto', '', { blocks: blockJson, splices: rowSplices }, true, { saveId });
  held.set(ctx.db, { id, revision: saved.revision, updatedAt: saved.savedAt, doc, blocks: blockJson });
  return saved;
}

/**
 * The stored document as document.load gives it, from the held state when it is current (an
 * export right after editing, or several exports in a row, skip parsing, checking and normalising
 * it again: ~15 ms at 2,000 paragraphs). The caller must not change it.
 */
export function currentDocument(ctx: HandlerContext, id: string): LoadedDocument {
  const row = ctx.db.prepare('SELECT revision, updated_at FROM document WHERE id = ?').get(id) as { revision: number; updated_at: string } | undefined;
  if (!row) throw new AppError('not_found', `No interview with id ${id}.`);
  const h = heldState(ctx, id, row.revision, row.updated_at);
  return { doc: h.doc, revision: h.revision, updatedAt: h.updatedAt, ...(h.repaired ? { repaired: h.repaired } : {}) };
}

/** The held state of `id` at this revision, or the stored one loaded afresh. */
function heldState(ctx: HandlerContext, id: string, revision: number, updatedAt: string): Held {
  const h = held.get(ctx.db);
  if (h && h.id === id && h.revision === revision && h.updatedAt === updatedAt) return h;
  const loaded = loadDocument(ctx, id);
  const fresh: Held = { id, revision: loaded.revision, updatedAt: loaded.updatedAt, doc: loaded.doc, blocks: loaded.doc.body.map((b) => JSON.stringify(b)), repaired: loaded.repaired };
  held.set(ctx.db, fresh);
  return fresh;
}

/**
 * The splices' new blocks, checked against the document schema in the held document's context
 * (participants for speakers, comment threads for anchors) and normalised, with their JSON.
 */
function checkedBlocks(base: Interview, splices: readonly Splice[]): { start: number; deleteCount: number; blocks: Block[]; json: string[] }[] {
  const raw = splices.flatMap((s) => s.blocks);
  let normalized: Block[] = [];
  if (raw.length > 0) {
    const probe = { ...base, body: [...raw, emptyParagraph()] };
    const checked = admitInterview(probe);
    if (!checked.ok) throw new AppError('invalid_document', NOT_SAVED, { problems: checked.problems.map((p) => atBodyIndex(p, splices)) });
    normalized = checked.doc.body.slice(0, raw.length);
  }
  let next = 0;
  return splices.map((s) => {
    const blocks = normalized.slice(next, (next += s.blocks.length));
    return { start: s.start, deleteCount: s.deleteCount, blocks, json: blocks.map((b) => JSON.stringify(b)) };
  });
}

/** A problem's path in the probe (`body.k…`, k counting the new blocks) as a path in the new document. */
function atBodyIndex(problem: ValidationProblem, splices: readonly Splice[]): ValidationProblem {
  const m = /^body\.(\d+)(.*)$/.exec(problem.path);
  if (!m) return problem;
  let k = Number(m[1]);
  let shift = 0; // blocks added minus removed before the current splice
  for (const s of splices) {
    if (k < s.blocks.length) return { ...problem, path: `body.${s.start + shift + k}${m[2]}` };
    k -= s.blocks.length;
    shift += s.blocks.length - s.deleteCount;
  }
  return problem;
}
