/**
 * Words the checks never flag: the names of the interview's participants (their printed labels
 * and full names) and the user's personal dictionary.
 *
 * An entry in lower case matches the word in any case (`ttxvn` → `TTXVN`, `Ttxvn`); an entry with
 * capitals matches only as written (the name `Thuỷ` leaves the common word `thuỷ` to the checks).
 */
import { wordsOf } from './words';

export class WordExemptions {
  private readonly exact = new Set<string>();
  private readonly anyCase = new Set<string>();

  constructor(words: Iterable<string> = []) {
    for (const word of words) this.add(word);
  }

  add(word: string): void {
    const nfc = word.normalize('NFC').trim();
    if (nfc === '') return;
    if (nfc === nfc.toLowerCase()) this.anyCase.add(nfc);
    else this.exact.add(nfc);
  }

  has(word: string): boolean {
    const nfc = word.normalize('NFC');
    return this.exact.has(nfc) || this.anyCase.has(nfc.toLowerCase());
  }
}

/** The words of the participants' labels and full names (`Ông Nguyễn Thanh Hải` → 4 words). */
export function participantWords(participants: Iterable<{ label: string; fullName: string }>): string[] {
  const out: string[] = [];
  for (const p of participants) for (const w of [...wordsOf(p.label), ...wordsOf(p.fullName)]) out.push(w.text);
  return out;
}
