import { memo, useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Descendant, Editor } from 'slate';
import { Editable, ReactEditor, Slate, type RenderChunkProps, type RenderLeafProps, type RenderTextProps } from 'slate-react';
import type { Block, Language, Meta, Participant } from '../../../shared/model/schema';
import { scrollSelectionClear } from '../common/caret-clearance';
import { useStickyBar } from '../common/sticky-bars';
import { CountsLine } from '../counts/CountsLine';
import { FindBar } from '../find/FindBar';
import { useFind } from '../find/use-find';
import { useSpellingMenuEvents } from '../spelling/menu-events';
import { SpellingMenu } from '../spelling/SpellingMenu';
import { useSpelling } from '../spelling/use-spelling';
import { composeDecorators, decorationClassName } from './decorations';
import { EditorEnvContext, setEditorEnv, type EditorEnv } from './editor-context';
import { renderElement } from './elements/ElementView';
import { TurnTextsContext, turnTextsOf } from './elements/turn-texts';
import { handleEditorKey } from './keymap';
import { reactSelectionOptOut } from './react-selection-opt-out';
import { PasteAlert } from './paste/PasteAlert';
import { PastedImportPreview } from './paste/PastedImportPreview';
import { PhotoAlerts } from './photos/PhotoAlerts';
import { Toolbar } from './Toolbar';

interface Props {
  editor: Editor;
  initialBody: Block[];
  participants: readonly Participant[];
  language: Language;
  onChange: (body: Block[]) => void;
  adoptParticipants: EditorEnv['adoptParticipants'];
  adoptMeta: (meta: Partial<Meta>) => void;
  participantsNow: () => readonly Participant[];
  metaNow?: EditorEnv['metaNow'];
  takeImported?: EditorEnv['takeImported'];
  /** Viewing mode (review): the text can be read and selected, not changed. */
  readOnly?: boolean;
  /** Shown first in the dock under the text (the recording's player), kept clear of the caret with it. */
  dock?: ReactNode;
}

/**
 * A leaf: its bold and italic, then whatever features mark on it (the editor's `renderLeafMarks`:
 * review adds suggestion and comment marks, review/with-review.ts), in its decorations' span.
 */
function leafRenderer(editor: Editor) {
  return function renderLeaf({ attributes, children, leaf }: RenderLeafProps) {
    let out = children;
    if (leaf.bold) out = <strong>{out}</strong>;
    if (leaf.italic) out = <em>{out}</em>;
    out = editor.renderLeafMarks(leaf, out);
    return (
      <span {...attributes} className={decorationClassName(leaf)}>
        {out}
      </span>
    );
  };
}

/**
 * A text node's span, as Slate's default draws it, but rendered in place: Slate's default wraps
 * it in a component of its own, one more fiber per text node: measurable heap in a long interview.
 */
function renderText({ attributes, children }: RenderTextProps) {
  return <span {...attributes}>{children}</span>;
}

/** The lowest chunks skip layout and paint while off screen. */
function renderChunk({ attributes, children, lowest }: RenderChunkProps) {
  return (
    <div {...attributes} className={lowest ? 'chunk chunk-lowest' : 'chunk'}>
      {children}
    </div>
  );
}

/** The interview body: intro paragraphs, speaker turns and photos, edited with Slate. */
export const InterviewEditor = memo(function InterviewEditor({ editor, initialBody, participants, language, onChange, adoptParticipants, adoptMeta, participantsNow, metaNow, takeImported, readOnly = false, dock: dockContent }: Props) {
  const { t } = useTranslation();
  const env = useMemo<EditorEnv>(
    () => ({ participants, participantsNow, language, adoptParticipants, adoptMeta, ...(metaNow && takeImported ? { metaNow, takeImported } : {}) }),
    [participants, participantsNow, language, adoptParticipants, adoptMeta, metaNow, takeImported],
  );
  useEffect(() => setEditorEnv(editor, env), [editor, env]);
  const turnTexts = useMemo(() => turnTextsOf(t), [t]);
  const renderLeaf = useMemo(() => leafRenderer(editor), [editor]);

  // Highlights (decorations.ts): find matches, spelling and tone marks; later features add theirs here.
  const find = useFind(editor);
  const findDecorator = useSyncExternalStore(find.subscribe, find.getDecorator);
  const spelling = useSpelling(editor, language, participants);
  const spellingDecorator = useSyncExternalStore(spelling.subscribe, spelling.getDecorator);
  const spellingEvents = useSpellingMenuEvents(spelling, editor);
  const decorate = useMemo(() => composeDecorators([findDecorator, spellingDecorator]), [findDecorator, spellingDecorator]);
  // The dock stays at the window's bottom: the caret is kept clear of it (common/caret-clearance.ts).
  const dock = useRef<HTMLDivElement>(null);
  useStickyBar(dock, 'bottom');

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      // Never act on keys while an input method is composing (Vietnamese Telex/VNI, CJK).
      if (event.nativeEvent.isComposing || ReactEditor.isComposing(editor)) return;
      if (spellingEvents.onKeyDown(event)) return;
      handleEditorKey(event, editor, { participants });
    },
    [editor, participants, spellingEvents],
  );

  const handleChange = useCallback(
    (value: Descendant[]) => {
      // Selection-only changes do not touch the document.
      if (editor.operations.every((op) => op.type === 'set_selection')) return;
      onChange(value as Block[]);
      find.documentChanged();
      spelling.documentChanged();
    },
    [editor, onChange, find, spelling],
  );

  return (
    <section className="body-section">
      <EditorEnvContext.Provider value={env}>
       <TurnTextsContext.Provider value={turnTexts}>
        <Slate editor={editor} initialValue={initialBody as Descendant[]} onChange={handleChange}>
          <Toolbar participants={participants} />
          <PhotoAlerts />
          <PasteAlert />
          <PastedImportPreview />
          <Editable
            // react-dom would otherwise walk the whole body on every commit (react-selection-opt-out.ts).
            ref={reactSelectionOptOut}
            className="interview-body"
            aria-label={t('editor.body')}
            aria-multiline
            readOnly={readOnly}
            lang={language}
            renderElement={renderElement}
            renderLeaf={renderLeaf}
            renderText={renderText}
            decorate={decorate}
            renderChunk={renderChunk}
            onKeyDown={onKeyDown}
            scrollSelectionIntoView={scrollSelectionClear}
            onContextMenu={spellingEvents.onContextMenu}
            onCompositionEnd={spellingEvents.onCompositionEnd}
            placeholder={t('editor.placeholder')}
            // Chromium's checker is online-only and knows no house style: ours runs instead.
            spellCheck={false}
          />
          <SpellingMenu controller={spelling} />
          <div className="editor-dock" ref={dock}>
            {dockContent}
            <FindBar controller={find} />
            <CountsLine />
          </div>
        </Slate>
       </TurnTextsContext.Provider>
      </EditorEnvContext.Provider>
      <p className="hint">{t('editor.hint')}</p>
    </section>
  );
});
