/**
 * What element renderers need beyond their node: the participants (turn labels are rendered from
 * them, so a rename re-renders labels without touching the text) and the document's language.
 */
import { createContext, useContext } from 'react';
import type { Language, Participant } from '../../../shared/model/schema';

export interface EditorEnv {
  participants: readonly Participant[];
  language: Language;
}

export const EditorEnvContext = createContext<EditorEnv>({ participants: [], language: 'en' });

export const useEditorEnv = (): EditorEnv => useContext(EditorEnvContext);
