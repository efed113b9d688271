/**
 * Where the tone mark goes, by house style.
 *
 * The rules (the same in both styles except the last):
 *  1. The tone belongs to the nucleus, never to the onset (`qu`, `gi`: `quý`, `giá`) or to a
 *     semivowel coda (`đạo`, `mái`, `người`).
 *  2. A diphthong written with a marked second vowel (iê, yê, uô, ươ; only before a coda) takes
 *     it on that vowel: `tiếng`, `muốn`, `nước`, `yếu`. The same diphthongs without a coda are
 *     written ia, ya, ua, ưa and take it on the first vowel: `mía`, `của`, `mưa` → `mứa`.
 *  3. A medial glide (o, u) does not take it when the syllable is closed: `toán`, `hoàng`,
 *     `khoét`, `huỳnh`, `thuyền`; nor when the main vowel carries a vowel mark: `thuế`, `tuần`,
 *     `thuở`, `hoặc`.
 *  4. The open oa, oe, uy are where the styles differ: the traditional style (the agency's) puts
 *     the tone on the glide, `hòa`, `khỏe`, `thủy`, `ủy`; the modern style on the main vowel,
 *     `hoà`, `khoẻ`, `thuỷ`, `uỷ`.
 */
import { composeWord, type Letter } from './letters';
import { parseSyllable, type Syllable } from './syllable';

/** traditional: `hòa`, `khỏe`, `thủy` (the agency's style); modern: `hoà`, `khoẻ`, `thuỷ`. */
export type HouseStyle = 'traditional' | 'modern';

export const HOUSE_STYLES: readonly HouseStyle[] = ['traditional', 'modern'];

/** The agency's style, and so the default of a new library. */
export const DEFAULT_HOUSE_STYLE: HouseStyle = 'traditional';

export const otherStyle = (style: HouseStyle): HouseStyle => (style === 'traditional' ? 'modern' : 'traditional');

/** The index (in the syllable's letters) of the letter that should carry the tone mark. */
export function toneIndex(syllable: Pick<Syllable, 'onset' | 'medial' | 'nucleus' | 'coda'>, style: HouseStyle): number {
  const { onset, medial, nucleus, coda } = syllable;
  const nucleusAt = onset.length + medial.length;
  if (medial !== '' && coda === '' && (nucleus === 'a' || nucleus === 'e' || nucleus === 'y')) {
    return style === 'traditional' ? onset.length : nucleusAt; // rule 4
  }
  if (nucleus.length === 2) return nucleus === 'ia' || nucleus === 'ya' || nucleus === 'ua' || nucleus === 'ưa' ? nucleusAt : nucleusAt + 1; // rule 2
  return nucleusAt; // rules 1 and 3
}

/** A syllable with its tone mark moved to where `style` puts it (unchanged when already there). */
export function placeTone(syllable: Syllable, style: HouseStyle): string {
  const letters = syllable.letters.map((l): Letter => ({ ...l, tone: 'level' }));
  if (syllable.toneAt !== null) letters[toneIndex(syllable, style)]!.tone = syllable.tone;
  return composeWord(letters);
}

/**
 * A word with its tone mark where `style` puts it: `đaọ` → `đạo`, `hoà` → `hòa` (traditional).
 * Words that are not one Vietnamese syllable come back unchanged, only composed (NFC).
 */
export function normalizeTone(word: string, style: HouseStyle): string {
  const syllable = parseSyllable(word);
  return syllable ? placeTone(syllable, style) : word.normalize('NFC');
}
