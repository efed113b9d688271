/**
 * Slate's node types are the document model's (shared/model/schema.ts), and the editor carries the
 * interview's own commands as methods, as Slate's carry `insertText` or `insertBreak`.
 *
 * Every structural change the user can make (a turn, a speaker, a photo, a pasted interview, a
 * speaker's turns when a participant goes) is one of these methods. `withInterview` and `withPaste`
 * give them their plain behaviour; a plugin that changes what they mean overrides them and falls
 * through to the plain one otherwise, as `withSuggestions` (review/with-suggestions.ts) does to
 * record them as suggestions. The UI only ever calls the methods, so no command can go round a
 * plugin, and a new command is a new method here that each such plugin must answer for.
 */
import type { ReactNode } from 'react';
import type { BaseEditor, Path } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { ImportResult } from '../../../shared/import/agency-text';
import type { Block, Meta, Paragraph, Participant, Photo, TextLeaf, Turn } from '../../../shared/model/schema';

export type InterviewElement = Paragraph | Turn | Photo;

/** What `setPhotoFields` may change: the texts under a photo, and its image. */
export type PhotoFields = Partial<Pick<Photo, 'assetId' | 'caption' | 'credit' | 'alt'>>;

export type Direction = 'up' | 'down';

/** An interview in the agency layout, pasted (paste/insert-pasted.ts). */
export interface PastedInterview {
  /** Top-level blocks; their turns name `speakers` by the speakers' own ids. */
  blocks: Block[];
  /** Adopted as the document's participants (one with the same label as a participant is that participant). */
  speakers: Participant[];
  /** Set when the document is empty: the blocks take its place and this fills its empty metadata fields. */
  meta?: Partial<Meta>;
  /**
   * The whole import, when the paste is a text interview into an empty document: Editing mode shows
   * its preview before anything goes in, as Import does (paste/insert-pasted.ts).
   */
  imported?: ImportResult;
}

export interface InterviewCommands {
  /**
   * Ctrl+Enter: the next speaker's turn at the caret (split there, or started after or before the
   * turn, or made of an intro paragraph; commands.ts `plainInsertNextTurn` says which).
   */
  insertNextTurn(participants: readonly Participant[]): void;
  /** The turn at top-level index `top` is given to `speakerId`. */
  setSpeaker(top: number, speakerId: string): void;
  /**
   * Backspace at the start of the turn at `top`, or its "merge with the turn before" button: an empty
   * turn goes; any other joins the turn before it, or becomes plain paragraphs after a paragraph.
   */
  joinTurn(top: number): void;
  /** Every turn of `fromId` is given to `toId` (a participant is being removed). */
  reassignTurns(fromId: string, toId: string): void;
  /** Every turn of `speakerId` goes, with its paragraphs and photos (a participant is being removed). */
  removeTurnsOf(speakerId: string): void;
  /**
   * Whether what is removed or replaced stays in the document, marked, until someone decides on it
   * (false: it goes at once). The participant list is outside the text: a participant whose turns
   * are only struck still speaks in the document, and stays listed (participants/ParticipantsPanel.tsx).
   */
  tracksChanges(): boolean;
  /** Photos in order at `at` (where a block can stand); the caret stays. Returns where the first one is. */
  insertPhotos(photos: readonly Photo[], at: Path): Path;
  /** The photo at `at` one place up or down; its new path, or null when it cannot move. */
  movePhoto(at: Path, direction: Direction): Path | null;
  /** The photo at `at` goes; returns where the caret can go instead. */
  removePhoto(at: Path): Path;
  /** A photo's caption, credit, alt text or image; `merge` joins the previous undo step (typing a caption). */
  setPhotoFields(at: Path, fields: PhotoFields, options?: { merge?: boolean }): void;
  /** A pasted interview at the caret (or in place of an empty document); false when it cannot go there. */
  insertInterview(pasted: PastedInterview): boolean;
  /**
   * A text leaf's rendered text wrapped in what features show on it (suggestion and comment marks).
   * Bold and italic are the editor's own; the plain method adds nothing.
   */
  renderLeafMarks(leaf: TextLeaf, children: ReactNode): ReactNode;
}

declare module 'slate' {
  interface CustomTypes {
    Editor: BaseEditor & ReactEditor & HistoryEditor & InterviewCommands;
    Element: InterviewElement;
    Text: TextLeaf;
  }
}
