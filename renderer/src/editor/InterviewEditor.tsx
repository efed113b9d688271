import { createContext, memo, useCallback, useContext, useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createEditor, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, ReactEditor, Slate, withReact, type RenderElementProps, type RenderLeafProps } from 'slate-react';
import type { Block, Participant } from '../../../shared/model/schema';
import { setTurnSpeaker, startNextTurn } from './commands';
import './slate-types';
import { withInterview } from './with-interview';

interface Props {
  initialBody: Block[];
  participants: Participant[];
  onChange: (body: Block[]) => void;
}

const isMod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;

/** Turns render their speaker's label from here, so a rename re-renders labels, not the text. */
const ParticipantsContext = createContext<readonly Participant[]>([]);

/** The interview body: intro paragraphs, speaker turns and photos, edited with Slate. */
export const InterviewEditor = memo(function InterviewEditor({ initialBody, participants, onChange }: Props) {
  const { t } = useTranslation();
  const editor = useMemo(() => withInterview(withHistory(withReact(createEditor()))), []);
  const renderElement = useCallback((props: RenderElementProps) => <ElementView {...props} />, []);
  const renderLeaf = useCallback(({ attributes, children, leaf }: RenderLeafProps) => {
    let out = children;
    if (leaf.bold) out = <strong>{out}</strong>;
    if (leaf.italic) out = <em>{out}</em>;
    return <span {...attributes}>{out}</span>;
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      // Never act on keys while an input method is composing (Vietnamese Telex/VNI, CJK).
      if (event.nativeEvent.isComposing || ReactEditor.isComposing(editor)) return;
      if (event.key === 'Enter' && isMod(event) && !event.shiftKey && !event.altKey) {
        event.preventDefault();
        startNextTurn(editor, participants);
        return;
      }
      if (event.altKey && !isMod(event) && /^Digit[1-9]$/.test(event.code)) {
        if (setTurnSpeaker(editor, participants, Number(event.code.slice(5)))) event.preventDefault();
      }
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
      <ParticipantsContext.Provider value={participants}>
      <Slate editor={editor} initialValue={initialBody as Descendant[]} onChange={handleChange}>
        <Editable
          className="interview-body"
          aria-label={t('editor.body')}
          aria-multiline
          renderElement={renderElement}
          renderLeaf={renderLeaf}
          onKeyDown={onKeyDown}
          placeholder={t('editor.placeholder')}
          spellCheck
        />
      </Slate>
      </ParticipantsContext.Provider>
      <p className="hint">{t('editor.hint')}</p>
    </section>
  );
});

function ElementView({ attributes, children, element }: RenderElementProps) {
  const participants = useContext(ParticipantsContext);
  switch (element.type) {
    case 'turn': {
      const speaker = participants.find((p) => p.id === element.speakerId);
      const label = speaker?.label ?? '?';
      return (
        <div {...attributes} role="group" aria-label={label} className={`turn turn-${speaker?.role ?? 'unknown'}`}>
          <div className="turn-label" contentEditable={false} aria-hidden="true">
            {label}
          </div>
          {children}
        </div>
      );
    }
    case 'photo':
      return (
        <figure {...attributes} className="photo" contentEditable={false}>
          <figcaption>
            {element.caption} {element.credit && <span className="credit">{element.credit}</span>}
          </figcaption>
          {children}
        </figure>
      );
    case 'paragraph':
      return <p {...attributes}>{children}</p>;
  }
}
