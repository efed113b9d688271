import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from 'slate';
import { newSpeakerLabel } from '../../../shared/model/document-language';
import type { Participant, ParticipantRole } from '../../../shared/model/schema';
import type { DocumentHistory, DocState } from '../document/document-history';
import { addParticipant, countTurns, deleteTurns, moveParticipant, hasPendingChangeFrom, reassignTurns, updateParticipant } from './participant-edits';
import { RemoveParticipantDialog, type RemoveChoice } from './RemoveParticipantDialog';
import { useSidePanel } from '../common/use-side-panel';

interface Props {
  participants: readonly Participant[];
  editor: Editor;
  history: DocumentHistory;
  state: () => DocState;
  /** Show a state without recording history (while a field is being typed in). */
  preview: (participants: Participant[]) => void;
  onClose: () => void;
}

type TextField = 'label' | 'fullName' | 'title';

/**
 * Who speaks in the interview. Typing in a field updates every turn's label at once; the change
 * becomes one undo step when the field is left. Other actions are one step each.
 *
 * Removing a speaker with turns asks what becomes of them; the turns change through the editor's
 * commands, so in Suggesting mode that is a suggestion on each turn. The participant list itself is
 * not tracked: a participant the text still names (a struck turn, a speaker change that a rejection
 * would undo) stays listed until those suggestions are decided, and the panel says so.
 */
export function ParticipantsPanel({ participants, editor, history, state, preview, onClose }: Props) {
  const { t } = useTranslation();
  const editStart = useRef<DocState | null>(null);
  const [removing, setRemoving] = useState<Participant | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const panelRef = useRef<HTMLElement>(null);

  // Opening the panel takes the keyboard there (and, in a narrow window, scrolls it into view);
  // Escape closes it and the focus goes back (common/use-side-panel.ts).
  useSidePanel(panelRef, onClose);

  // A participant just added is shown whole, its label field ready for the name.
  const addedCard = useRef(false);
  useEffect(() => {
    if (!addedCard.current) return;
    addedCard.current = false;
    const card = panelRef.current?.querySelector<HTMLElement>('.participant:last-child');
    card?.querySelector('input')?.focus({ preventScroll: true });
    card?.scrollIntoView({ block: 'nearest' });
  }, [participants.length]);

  const commit = (next: Participant[], editorChange?: () => void) => {
    const before = state();
    history.record(before, { ...before, participants: next }, { editorChange });
  };

  const onFieldFocus = () => {
    editStart.current = state();
  };
  const onFieldChange = (id: string, field: TextField, value: string) => preview(updateParticipant(state().participants, id, { [field]: value }));
  const onFieldBlur = (id: string, field: TextField) => {
    const before = editStart.current;
    editStart.current = null;
    if (!before) return;
    let after = state().participants;
    const edited = after.find((p) => p.id === id);
    // A speaker always keeps a printed label: an emptied label goes back to what it was.
    if (field === 'label' && edited && edited.label.trim() === '') {
      after = updateParticipant(after, id, { label: before.participants.find((p) => p.id === id)?.label ?? id });
      preview(after);
    }
    if (JSON.stringify(after) !== JSON.stringify(before.participants)) history.record(before, { ...state(), participants: after }, { applied: true });
  };

  const remove = (p: Participant) => {
    setNote(null);
    if (countTurns(editor, p.id) > 0) setRemoving(p);
    else if (hasPendingChangeFrom(editor, p.id)) setNote(t('participants.stillNamed', { label: p.label }));
    else commit(state().participants.filter((q) => q.id !== p.id));
  };

  /** The removal, with what becomes of the turns, as one step; see the note above the component. */
  const confirmRemove = (removed: Participant, choice: RemoveChoice) => {
    const editorChange = () => (choice.kind === 'reassign' ? reassignTurns(editor, removed.id, choice.to) : deleteTurns(editor, removed.id));
    const tracked = editor.tracksChanges();
    const stays = tracked || hasPendingChangeFrom(editor, removed.id);
    commit(stays ? state().participants : state().participants.filter((q) => q.id !== removed.id), editorChange);
    if (stays) setNote(t(tracked ? 'participants.removalSuggested' : 'participants.stillNamed', { label: removed.label }));
  };

  return (
    <aside ref={panelRef} className="side-panel participants-panel" role="region" aria-label={t('participants.title')}>
      <header className="side-panel-header">
        <h2>{t('participants.title')}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t('participants.close')} title={t('participants.close')}>
          ×
        </button>
      </header>
      <ol className="participant-list">
        {participants.map((p, i) => (
          <li key={p.id} className="participant" aria-label={p.label}>
            <div className="participant-number" aria-hidden="true">
              Alt+{i + 1}
            </div>
            <label className="field">
              <span className="field-label">{t('participants.label')}</span>
              <input
                type="text"
                value={p.label}
                required
                onFocus={onFieldFocus}
                onChange={(e) => onFieldChange(p.id, 'label', e.target.value)}
                onBlur={() => onFieldBlur(p.id, 'label')}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('participants.fullName')}</span>
              <input type="text" value={p.fullName} onFocus={onFieldFocus} onChange={(e) => onFieldChange(p.id, 'fullName', e.target.value)} onBlur={() => onFieldBlur(p.id, 'fullName')} />
            </label>
            <label className="field">
              <span className="field-label">{t('participants.titleField')}</span>
              <input type="text" value={p.title} onFocus={onFieldFocus} onChange={(e) => onFieldChange(p.id, 'title', e.target.value)} onBlur={() => onFieldBlur(p.id, 'title')} />
            </label>
            <label className="field">
              <span className="field-label">{t('participants.role')}</span>
              <select value={p.role} onChange={(e) => commit(updateParticipant(state().participants, p.id, { role: e.target.value as ParticipantRole }))}>
                <option value="interviewer">{t('participants.interviewer')}</option>
                <option value="interviewee">{t('participants.interviewee')}</option>
              </select>
            </label>
            <div className="participant-actions">
              <button type="button" disabled={i === 0} onClick={() => commit(moveParticipant(state().participants, i, -1))}>
                {t('participants.moveUp')}
              </button>
              <button type="button" disabled={i === participants.length - 1} onClick={() => commit(moveParticipant(state().participants, i, 1))}>
                {t('participants.moveDown')}
              </button>
              <button type="button" className="danger" disabled={participants.length <= 1} onClick={() => remove(p)}>
                {t('participants.remove')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {/* Announced, but not a status role: the screen's save status is the one "status" there is. */}
      {note && (
        <p className="hint participants-note" aria-live="polite">
          {note}
        </p>
      )}
      <button
        type="button"
        className="primary"
        onClick={() => {
          addedCard.current = true;
          commit(addParticipant(state().participants, newSpeakerLabel(state().meta.language, participants.length + 1), 'interviewee'));
        }}
      >
        {t('participants.add')}
      </button>
      {removing && (
        <RemoveParticipantDialog
          participant={removing}
          turns={countTurns(editor, removing.id)}
          others={participants.filter((q) => q.id !== removing.id)}
          onCancel={() => setRemoving(null)}
          onConfirm={(choice) => {
            confirmRemove(removing, choice);
            setRemoving(null);
          }}
        />
      )}
    </aside>
  );
}
