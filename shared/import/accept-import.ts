/**
 * An accepted import preview made into document content. Both ways a text interview comes in use
 * this one function, so they cannot drift apart:
 *
 * - Import (renderer/src/import/ImportButton.tsx) makes a new interview of it;
 * - a text interview pasted into an empty document (renderer/src/editor/paste/) gives that
 *   document this content, after the same preview.
 *
 * Into a document (`into`), what the writer already set is kept and the rest comes from the text:
 * a metadata field still at the new-interview default takes the text's value, one the writer
 * filled keeps theirs; the language is always the text's (read from the text as a whole, not the
 * screen's). The document's default participants give way to the text's speakers
 * (`importedParticipants`). Into a new interview, this is exactly what Import stores.
 */
import { newInterview } from '../model/factory';
import { isDefaultParticipant, mergeParticipants } from '../model/participants';
import type { Block, Interview, Meta, Participant } from '../model/schema';
import type { ImportResult } from './agency-text';
import { cleanLabel, type ImportDraft } from './preview-edits';

export interface ImportedContent {
  meta: Meta;
  participants: Participant[];
  body: Block[];
}

/** The document an accepted import goes into: its metadata and participants as they are now. */
export interface ImportTarget {
  meta: Meta;
  participants: readonly Participant[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The text's metadata, except what the writer already set in the document. */
export function mergeImportedMeta(current: Meta, imported: Meta): Meta {
  const defaults = newInterview('default', current.language).meta;
  const out: Meta = { ...imported };
  for (const key of Object.keys(imported) as (keyof Meta)[]) {
    if (key === 'language') continue;
    if (!same(current[key], defaults[key])) (out as Record<string, unknown>)[key] = current[key];
  }
  return out;
}

/**
 * The participants of a document whose body the import replaces: the text's speakers first, in
 * their order (Alt+1 is the first), then the document's own participants the text does not name.
 * The default participants go (nothing names them any more); one the writer added or filled in is
 * the speaker of the same label. Two speakers given one label in the preview are one speaker.
 */
function importedParticipants(existing: readonly Participant[], speakers: readonly Participant[]): { participants: Participant[]; idMap: Record<string, string> } {
  const own = existing.filter((p) => !isDefaultParticipant(p));
  const merged = mergeParticipants(own, speakers);
  const byId = new Map(merged.participants.map((p) => [p.id, p]));
  const first = [...new Set(speakers.map((p) => merged.idMap[p.id]!))].map((id) => byId.get(id)!);
  const named = new Set(first.map((p) => p.id));
  return { participants: [...first, ...merged.participants.filter((p) => !named.has(p.id))], idMap: merged.idMap };
}

export function acceptImport(result: ImportResult, draft: ImportDraft, into?: ImportTarget): ImportedContent {
  const speakers = draft.participants.map((p) => ({ ...p, label: cleanLabel(p.label) }));
  // A copy: the preview keeps the import as it was, and may be accepted again.
  const body = JSON.parse(JSON.stringify(result.doc.body)) as Block[];
  let k = 0;
  for (const block of body) if (block.type === 'turn') block.speakerId = draft.turnSpeakers[k++] ?? block.speakerId;
  const adopted = importedParticipants(into?.participants ?? [], speakers);
  for (const block of body) if (block.type === 'turn') block.speakerId = adopted.idMap[block.speakerId] ?? block.speakerId;
  return { meta: into ? mergeImportedMeta(into.meta, result.doc.meta) : { ...result.doc.meta }, participants: adopted.participants, body };
}

/** Import: the accepted preview as a new interview (its id is the library's to give). */
export function importedInterview(result: ImportResult, draft: ImportDraft): Interview {
  return { ...result.doc, ...acceptImport(result, draft) };
}
