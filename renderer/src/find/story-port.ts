/**
 * What find and replace needs from the document screen for the parts of the story that live
 * outside Slate: the header fields (headline, subheadline, sapo) and the speakers' labels. Set by
 * DocumentEditor with `setStoryFields`; an editor without one (tests of the body alone, previews)
 * searches its body, photos included.
 */
import type { Editor } from 'slate';
import type { Meta, Participant } from '../../../shared/model/schema';
import type { FoundMetaField } from './find-matches';

/** New values of header fields and speakers' labels (by participant id). */
export interface HeaderChange {
  meta: Partial<Pick<Meta, FoundMetaField>>;
  labels: Readonly<Record<string, string>>;
}

export interface StoryFields {
  /** The metadata and the participants as they are now. */
  header(): { meta: Meta; participants: readonly Participant[] };
  /**
   * Put `change` in place and run `bodyChange` (the body's part of the same replacement, Slate
   * operations) as ONE step of the document's undo history. In Suggesting mode a tracked field's
   * new value is a suggestion, as typing it would be; a label is a plain edit in every mode, as in
   * the participants panel (the participant list is not tracked).
   */
  replace(change: HeaderChange, bodyChange: () => void): void;
  /** Show the participants, where a speaker's label is edited (their panel). */
  showParticipants(): void;
}

const ports = new WeakMap<Editor, StoryFields>();

export function setStoryFields(editor: Editor, port: StoryFields): void {
  ports.set(editor, port);
}

export function storyFieldsOf(editor: Editor): StoryFields | undefined {
  return ports.get(editor);
}
