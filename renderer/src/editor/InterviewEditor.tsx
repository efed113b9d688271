import { memo, useCallback, useEffect, useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Descendant } from 'slate';
import { Editable, ReactEditor, Slate, type RenderLeafProps } from 'slate-react';
import type { Block, Language, Meta, Participant } from '../../../shared/model/schema';
import { createInterviewEditor } from './create-editor';
import { EditorEnvContext, setEditorEnv, type EditorEnv } from './editor-context';
import { renderElement } from './elements/ElementView';
import { handleEditorKey } from './keymap';
import { Toolbar } from './Toolbar';

interface Props {
  initialBody: Block[];
  participants: readonly Participant[];
  language: Language;
  onChange: (body: Block[]) => void;
  adoptParticipants: EditorEnv['adoptParticipants'];
  adoptMeta: (meta: Partial<Meta>) => void;
}

function renderLeaf({ attributes, children, leaf }: RenderLeafProps) {
  let out = children;
  if (leaf.bold) out = <strong>{out}</strong>;
  if (leaf.italic) out = <em>{out}</em>;
  return <span {...attributes}>{out}</span>;
}

/** The interview body: intro paragraphs, speaker turns and photos, edited with Slate. */
export const InterviewEditor = memo(function InterviewEditor({ initialBody, participants, language, onChange, adoptParticipants, adoptMeta }: Props) {
  const { t } = useTranslation();
  const editor = useMemo(() => createInterviewEditor(), []);
  const env = useMemo<EditorEnv>(() => ({ participants, language, adoptParticipants, adoptMeta }), [participants, language, adoptParticipants, adoptMeta]);
  useEffect(() => setEditorEnv(editor, env), [editor, env]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      // Never act on keys while an input method is composing (Vietnamese Telex/VNI, CJK).
      if (event.nativeEvent.isComposing || ReactEditor.isComposing(editor)) return;
      handleEditorKey(event, editor, { participants });
    },
    [editor, participants],
  );

  const handleChange = useCallback(
    (value: Descendant[]) => {
      // Selection-only changes do not touch the document.
      if (editor.operations.every((op) => op.type === 'set_selection')) return;
      onChange(value as Block[]);
    },
    [editor, onChange],
  );

  return (
    <section className="body-section">
      <EditorEnvContext.Provider value={env}>
        <Slate editor={editor} initialValue={initialBody as Descendant[]} onChange={handleChange}>
          <Toolbar participants={participants} />
          <Editable
            className="interview-body"
            aria-label={t('editor.body')}
            aria-multiline
            lang={language}
            renderElement={renderElement}
            renderLeaf={renderLeaf}
            onKeyDown={onKeyDown}
            placeholder={t('editor.placeholder')}
            spellCheck
          />
        </Slate>
      </EditorEnvContext.Provider>
      <p className="hint">{t('editor.hint')}</p>
    </section>
  );
});
