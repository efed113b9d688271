import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpellingSettingsStore } from '../spelling/spelling-settings';
import { wordsToAdd, type AddProblem } from './words-to-add';

/** The personal dictionary: its words in alphabetical order, each removable, and a box to add more. */
export function PersonalDictionary({ words, store }: { words: readonly string[]; store: SpellingSettingsStore }) {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<AddProblem | null>(null);
  const heading = useId();
  const problemId = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // After a removal, focus goes to the word that took its place (or the one before), not to the page.
  // The store applies a removal a moment later, so this waits until the word has left the list.
  const refocus = useRef<{ index: number; word: string } | null>(null);

  const sorted = useMemo(() => {
    const collator = new Intl.Collator(i18n.language, { sensitivity: 'base' });
    return [...words].sort((a, b) => collator.compare(a, b) || a.localeCompare(b));
  }, [words, i18n.language]);

  useEffect(() => {
    const pending = refocus.current;
    if (pending === null || sorted.includes(pending.word)) return;
    refocus.current = null;
    const buttons = list.current?.querySelectorAll('button') ?? [];
    (buttons[Math.min(pending.index, buttons.length - 1)] ?? input.current)?.focus();
  }, [sorted]);

  function add(event: FormEvent) {
    event.preventDefault();
    const outcome = wordsToAdd(typed, words);
    for (const word of outcome.words) store.addWord(word);
    setProblem(outcome.problem);
    if (!outcome.problem) setTyped('');
  }

  return (
    <section className="settings-section" aria-labelledby={heading}>
      <h3 id={heading}>
        {t('settings.dictionary')} <span className="muted">({t('settings.words', { count: words.length })})</span>
      </h3>
      <p className="muted">{t('settings.dictionaryHint')}</p>
      <form className="dictionary-add" onSubmit={add}>
        <input
          ref={input}
          type="text"
          aria-label={t('settings.addWord')}
          placeholder={t('settings.addWord')}
          value={typed}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          onChange={(e) => {
            setTyped(e.target.value);
            setProblem(null);
          }}
        />
        <button type="submit" disabled={typed.trim() === ''}>
          {t('settings.add')}
        </button>
      </form>
      {problem && (
        <p id={problemId} className="field-error" role="status">
          {t(problem.key, problem.params)}
        </p>
      )}
      {sorted.length === 0 ? (
        <p className="empty">{t('settings.empty')}</p>
      ) : (
        <ul ref={list} className="dictionary-words" aria-labelledby={heading}>
          {sorted.map((word, index) => (
            <li key={word}>
              <span className="dictionary-word">{word}</span>
              <button
                type="button"
                aria-label={t('settings.removeWord', { word })}
                onClick={() => {
                  store.removeWord(word);
                  refocus.current = { index, word };
                }}
              >
                {t('settings.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
