/**
 * The editor's spelling controller, wired to React: a worker per open document, the document's
 * language, the house style and personal dictionary from the settings store, and the
 * participants' names as exempt words.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Editor } from 'slate';
import { ReactEditor } from 'slate-react';
import type { Language, Participant } from '../../../shared/model/schema';
import { participantWords, WordExemptions } from '../../../shared/vietnamese/exemptions';
import { SpellingController } from './spelling-controller';
import { useSpellingSettingsStore } from './spelling-settings';
import { startSpellingWorker } from './worker-client';

export function useSpelling(editor: Editor, language: Language, participants: readonly Participant[]): SpellingController {
  const store = useSpellingSettingsStore();
  const settings = useSyncExternalStore(store.subscribe, store.get);
  const [controller] = useState(() => new SpellingController(editor, { isComposing: () => ReactEditor.isComposing(editor as ReactEditor) }));

  useEffect(() => {
    const detach = controller.attach(startSpellingWorker());
    return () => {
      detach();
      controller.dispose();
    };
  }, [controller]);
  useEffect(() => controller.setWordAdder((word) => store.addWord(word)), [controller, store]);
  useEffect(() => controller.configure({ language, style: settings.houseStyle }), [controller, language, settings.houseStyle]);
  useEffect(
    () => controller.setExemptions(new WordExemptions([...participantWords(participants), ...settings.personalDictionary])),
    [controller, participants, settings.personalDictionary],
  );

  return controller;
}
