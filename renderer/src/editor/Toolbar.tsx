import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlateStatic } from 'slate-react';
import { ReactEditor } from 'slate-react';
import type { Participant } from '../../../shared/model/schema';
import { startNextTurn } from './commands';
import { AddPhotoButton } from './photos/AddPhotoButton';
import { ShortcutsButton } from '../shortcuts/ShortcutsButton';
import { useStickyBar } from '../common/sticky-bars';

/**
 * Buttons for what the keyboard also does, for discoverability and pointer users. Sticky: New
 * turn and Add photo stay at hand at the end of a long interview (a bar the caret is kept clear of).
 */
export function Toolbar({ participants }: { participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const editor = useSlateStatic();
  const bar = useRef<HTMLDivElement>(null);
  useStickyBar(bar, 'top');
  return (
    <div className="editor-toolbar" ref={bar} role="toolbar" aria-label={t('editor.toolbar')}>
      <button
        type="button"
        title={t('editor.newTurnHint')}
        onMouseDown={(e) => e.preventDefault() /* keep the caret where it is */}
        onClick={() => {
          ReactEditor.focus(editor);
          startNextTurn(editor, participants);
        }}
      >
        {t('editor.newTurn')}
      </button>
      <AddPhotoButton />
      <ShortcutsButton />
    </div>
  );
}
