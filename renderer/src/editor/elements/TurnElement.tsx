import { ReactEditor, useSlateStatic, type RenderElementProps } from 'slate-react';
import type { Turn } from '../../../../shared/model/schema';
import { useEditorEnv } from '../editor-context';
import { useRepeatsSpeaker } from '../same-speaker';
import { useTurnTexts } from './turn-texts';

/**
 * A speaker turn: a group named by the speaker's printed label, which is never part of the text.
 * Two turns of the same speaker in a row are shown with a warning (and a merge button), never
 * merged silently: it may be a real interjection or a transcription slip.
 */
export function TurnElement({ attributes, children, element }: RenderElementProps & { element: Turn }) {
  const texts = useTurnTexts();
  const editor = useSlateStatic();
  const { participants } = useEditorEnv();
  const speaker = participants.find((p) => p.id === element.speakerId);
  const label = speaker?.label ?? texts.unknownSpeaker;
  const sameAsPrevious = useRepeatsSpeaker(editor, element);
  // Review markup: a suggested or removed turn, and a pending speaker change with the old speaker.
  const oldSpeakerId = element.changes?.[0]?.from;
  const oldLabel = oldSpeakerId === undefined ? undefined : (participants.find((p) => p.id === oldSpeakerId)?.label ?? texts.unknownSpeaker);
  const markup = element.ins !== undefined ? ' block-ins' : element.del !== undefined ? ' block-del' : '';

  return (
    <div {...attributes} role="group" aria-label={label} className={`turn turn-${speaker?.role ?? 'unknown'}${markup}`}>
      <div className="turn-label" contentEditable={false}>
        {sameAsPrevious && (
          <span className="turn-warning">
            <span>⚠ {texts.sameSpeaker}</span>
            <button
              type="button"
              onMouseDown={(e) => e.preventDefault()}
              // The same join as Backspace at the turn's start (commands.ts `plainJoinTurn`).
              onClick={() => editor.joinTurn(ReactEditor.findPath(editor, element)[0]!)}
            >
              {texts.mergeWithPrevious}
            </button>
          </span>
        )}
        {oldLabel !== undefined && (
          <del className="speaker-was" aria-hidden="true">
            {oldLabel}
          </del>
        )}
        <span aria-hidden="true">{label}</span>
      </div>
      {children}
    </div>
  );
}
