/**
 * The corrections made in the import preview before a text becomes an interview, as data: a
 * speaker's label or role, the speaker of one turn, two speakers merged into one. The preview
 * holds an `ImportDraft` and changes it only through `applyPreviewEdit`; accepting it
 * (accept-import.ts) turns text and draft into the document, the same way for Import and paste.
 *
 * The rules that keep the draft trustworthy: every turn names a speaker of the draft; choosing a
 * speaker changes that turn alone; merging moves all of one speaker's turns to the other and
 * removes the merged speaker, and never removes a turn. An edit that names an unknown speaker or
 * turn changes nothing.
 */
import type { Participant, ParticipantRole } from '../model/schema';
import type { ImportResult } from './agency-text';

export interface ImportDraft {
  /** The speakers, in order (the first is Alt+1 in the editor). */
  participants: Participant[];
  /** The speaker of each turn of the imported body, in the body's order. */
  turnSpeakers: string[];
}

export type PreviewEdit =
  | { type: 'label'; speakerId: string; label: string }
  | { type: 'role'; speakerId: string; role: ParticipantRole }
  | { type: 'turnSpeaker'; turn: number; speakerId: string }
  | { type: 'merge'; from: string; into: string };

/** The draft as the importer left it: its speakers, and each turn's speaker as it read it. */
export function initialDraft(result: ImportResult): ImportDraft {
  return {
    participants: result.doc.participants.map((p) => ({ ...p })),
    turnSpeakers: result.doc.body.flatMap((b) => (b.type === 'turn' ? [b.speakerId] : [])),
  };
}

export function applyPreviewEdit(draft: ImportDraft, edit: PreviewEdit): ImportDraft {
  const known = (id: string) => draft.participants.some((p) => p.id === id);
  switch (edit.type) {
    case 'label':
    case 'role': {
      if (!known(edit.speakerId)) return draft;
      const patch = edit.type === 'label' ? { label: edit.label } : { role: edit.role };
      return { ...draft, participants: draft.participants.map((p) => (p.id === edit.speakerId ? { ...p, ...patch } : p)) };
    }
    case 'turnSpeaker': {
      if (!known(edit.speakerId) || !Number.isInteger(edit.turn) || edit.turn < 0 || edit.turn >= draft.turnSpeakers.length) return draft;
      return { ...draft, turnSpeakers: draft.turnSpeakers.map((s, k) => (k === edit.turn ? edit.speakerId : s)) };
    }
    case 'merge': {
      if (edit.from === edit.into || !known(edit.from) || !known(edit.into)) return draft;
      return {
        participants: draft.participants.filter((p) => p.id !== edit.from),
        turnSpeakers: draft.turnSpeakers.map((s) => (s === edit.from ? edit.into : s)),
      };
    }
  }
}

/** The printed label as it will be stored: NFC, no spaces around it. */
export const cleanLabel = (label: string): string => label.normalize('NFC').trim();

/** Every speaker has a label to print: the draft can be accepted. */
export const draftIsComplete = (draft: ImportDraft): boolean => draft.participants.every((p) => cleanLabel(p.label) !== '');

/** How many turns each speaker has in the draft. */
export function turnCounts(draft: ImportDraft): Map<string, number> {
  const counts = new Map(draft.participants.map((p) => [p.id, 0]));
  for (const s of draft.turnSpeakers) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}
