/**
 * What the editor needs from the document around it. Element renderers read it through React
 * context; editor plugins (paste, photos), which run inside Slate methods, read it through
 * `getEditorEnv(editor)`.
 */
import { createContext, useContext } from 'react';
import type { Editor } from 'slate';
import type { Language, Meta, Participant } from '../../../shared/model/schema';

export interface EditorEnv {
  /** Turn labels are rendered from these, so a rename re-renders labels without touching the text. */
  participants: readonly Participant[];
  /** The participants as of now (plugins run between renders, when `participants` may lag). */
  participantsNow(): readonly Participant[];
  language: Language;
  /**
   * Make the document's participants include these (pasted or imported text brings its own
   * speakers): a participant whose label matches an existing one is that one, others are added.
   * Returns a map from each incoming id to the document's id for that speaker. With
   * `replaceUnusedDefaults` (a pasted interview's speakers), default participants no turn names
   * give way to the incoming ones (shared/model/participants.ts `adoptIncomingSpeakers`).
   */
  adoptParticipants(incoming: readonly Participant[], options?: { replaceUnusedDefaults?: boolean }): Record<string, string>;
  /** Fill the document's empty metadata fields from imported text; filled fields are kept. */
  adoptMeta(meta: Partial<Meta>): void;
  /** The document's metadata as of now. Absent where no document surrounds the editor. */
  metaNow?(): Meta;
  /**
   * Give the document an accepted import's metadata and participants, `insertBody` putting its
   * body into the editor, as one undo step (a text interview pasted into an empty document, after
   * its preview: paste/insert-pasted.ts). Absent where no document surrounds the editor; a pasted
   * interview then goes in without a preview.
   */
  takeImported?(content: { meta: Meta; participants: Participant[] }, insertBody: () => void): void;
}

const noEnv: EditorEnv = { participants: [], participantsNow: () => [], language: 'en', adoptParticipants: () => ({}), adoptMeta: () => undefined };

export const EditorEnvContext = createContext<EditorEnv>(noEnv);

export const useEditorEnv = (): EditorEnv => useContext(EditorEnvContext);

const envs = new WeakMap<Editor, EditorEnv>();

export function setEditorEnv(editor: Editor, env: EditorEnv): void {
  envs.set(editor, env);
}

export function getEditorEnv(editor: Editor): EditorEnv {
  return envs.get(editor) ?? noEnv;
}
