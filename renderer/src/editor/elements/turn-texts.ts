/**
 * The words every turn shows (the unknown speaker's label, the same-speaker warning and its
 * button), translated once by the editor and handed down through context. A `useTranslation` in
 * each turn kept its own translation state and language subscription per turn: ~1,000 of them
 * at 2,000 paragraphs, a heap cost for three strings that are the same in every turn.
 */
import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';

export interface TurnTexts {
  unknownSpeaker: string;
  sameSpeaker: string;
  mergeWithPrevious: string;
}

export const turnTextsOf = (t: TFunction): TurnTexts => ({
  unknownSpeaker: t('participants.unknownSpeaker'),
  sameSpeaker: t('participants.sameSpeaker'),
  mergeWithPrevious: t('participants.mergeWithPrevious'),
});

/** Without a provider, the keys themselves (as i18next shows a missing translation). */
export const TurnTextsContext = createContext<TurnTexts>({
  unknownSpeaker: 'participants.unknownSpeaker',
  sameSpeaker: 'participants.sameSpeaker',
  mergeWithPrevious: 'participants.mergeWithPrevious',
});

export const useTurnTexts = (): TurnTexts => useContext(TurnTextsContext);
