import { useTranslation } from 'react-i18next';
import { Transforms } from 'slate';
import { ReactEditor, useSlateSelector, useSlateStatic, type RenderElementProps } from 'slate-react';
import type { Turn } from '../../../../shared/model/schema';
import { useEditorEnv } from '../editor-context';
import { turnsRepeatingSpeaker } from '../same-speaker';

/**
 * A speaker turn: a group named by the speaker's printed label, which is never part of the text.
 * Two turns of the same speaker in a row are shown with a warning (and a merge button), never
 * merged silently: it may be a real interjection or a transcription slip.
 */
export function TurnElement({ attributes, children, element }: RenderElementProps & { element: Turn }) {
  const { t } = useTranslation();
  const editor = useSlateStatic();
  const { participants } = useEditorEnv();
  const speaker = participants.find((p) => p.id === element.speakerId);
  const label = speaker?.label ?? t('participants.unknownSpeaker');
  const sameAsPrevious = useSlateSelector((e) => turnsRepeatingSpeaker(e.children).has(element));

  return (
    <div {...attributes} role="group" aria-label={label} className={`turn turn-${speaker?.role ?? 'unknown'}`}>
      <div className="turn-label" contentEditable={false}>
        {sameAsPrevious && (
          <span className="turn-warning">
            <span>⚠ {t('participants.sameSpeaker')}</span>
            <button
              type="button"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => Transforms.mergeNodes(editor, { at: ReactEditor.findPath(editor, element) })}
            >
              {t('participants.mergeWithPrevious')}
            </button>
          </span>
        )}
        <span aria-hidden="true">{label}</span>
      </div>
      {children}
    </div>
  );
}
