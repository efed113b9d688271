import type { RenderElementProps } from 'slate-react';
import type { Turn } from '../../../../shared/model/schema';
import { useEditorEnv } from '../editor-context';

/** A speaker turn: a group named by the speaker's printed label, which is never part of the text. */
export function TurnElement({ attributes, children, element }: RenderElementProps & { element: Turn }) {
  const { participants } = useEditorEnv();
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
