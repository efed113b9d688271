/**
 * One in-place text field of a photo (caption, credit, alt text). It lives in the photo's form
 * area, which Slate leaves alone (see PhotoElement), so keys, input methods and paste work as in
 * any text field; every edit goes to the document through `onEdit` (a Slate operation: saved and
 * undoable).
 *
 * The field shows what the user typed (`draft`), which may differ from what is stored: the store
 * gets the cleaned text (NFC, no line breaks, no credit prefix), and rewriting the field's value
 * under an input method would break Vietnamese Telex/VNI composition. A stored value that changes
 * from elsewhere (undo) replaces the draft.
 */
import { useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { PhotoControl } from './add-photo-files';

interface Props {
  control: Extract<PhotoControl, 'caption' | 'credit' | 'alt'>;
  label: string;
  value: string;
  placeholder: string;
  multiline?: boolean;
  /** Visible text before the field (the credit's `Ảnh:`), which is printed but not stored. */
  prefix?: string;
  /** The stored form of typed text. */
  clean: (typed: string) => string;
  /** Store `value`; `merge` is true after the first edit of this visit (one undo step per visit). */
  onEdit: (value: string, merge: boolean) => void;
}

export function PhotoTextField({ control, label, value, placeholder, multiline = false, prefix, clean, onEdit }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [stored, setStored] = useState(value);
  if (value !== stored) {
    setStored(value);
    if (clean(draft) !== value) setDraft(value);
  }
  const editedThisVisit = useRef(false);

  const commit = (typed: string) => {
    const next = clean(typed);
    if (next === value) return;
    onEdit(next, editedThisVisit.current);
    editedThisVisit.current = true;
  };

  const field = {
    id,
    value: draft,
    placeholder,
    spellCheck: false,
    'data-photo-control': control,
    onFocus: () => {
      editedThisVisit.current = false;
    },
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      setDraft(e.target.value);
      // Mid-composition text is provisional; compositionend stores the result.
      if (!(e.nativeEvent as InputEvent).isComposing) commit(e.target.value);
    },
    onCompositionEnd: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => commit(e.currentTarget.value),
    onBlur: () => {
      const tidy = clean(draft).trim();
      commit(tidy);
      setDraft(tidy);
    },
    onKeyDown: (e: KeyboardEvent) => {
      // One-line fields: Enter does nothing (an input method may still use it to commit).
      if (e.key === 'Enter' && !e.nativeEvent.isComposing) e.preventDefault();
    },
  };

  return (
    <div className={`photo-field photo-${control}`}>
      <label htmlFor={id}>{label}</label>
      <div className="photo-field-input">
        {prefix && <span className="credit-prefix">{prefix}</span>}
        {multiline ? <textarea rows={2} {...field} /> : <input type="text" {...field} />}
      </div>
    </div>
  );
}
