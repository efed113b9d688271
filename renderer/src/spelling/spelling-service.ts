/**
 * The spelling worker's work, apart from the worker itself so tests run it in Node: the tone and
 * spelling checks of shared/vietnamese over the texts it is sent, with the dictionaries loaded on
 * first use.
 *
 * A dictionary that fails to load is reported once and the checks go on without it: tone marks
 * are still checked, from the rules alone.
 */
import { checkText } from '../../../shared/vietnamese/check-text';
import type { TextFinding } from '../../../shared/vietnamese/findings';
import type { WordSpeller } from '../../../shared/vietnamese/spelling';
import { SyllableDictionary } from '../../../shared/vietnamese/syllable-dictionary';
import type { HouseStyle } from '../../../shared/vietnamese/tone-placement';
import type { CheckSettings, SpellRequest, SpellResponse } from './protocol';

export interface DictionaryLoaders {
  /** The Vietnamese syllable list (any tone style). */
  vietnamese(): Promise<readonly string[]>;
  english(): Promise<WordSpeller>;
}

export class SpellingService {
  private syllables: Promise<readonly string[] | null> | null = null;
  private readonly byStyle = new Map<HouseStyle, Promise<SyllableDictionary | null>>();
  private english: Promise<WordSpeller | null> | null = null;

  constructor(
    private readonly loaders: DictionaryLoaders,
    private readonly onLoadError: (what: string, error: unknown) => void = () => undefined,
  ) {}

  async handle(request: SpellRequest): Promise<SpellResponse> {
    try {
      if (request.type === 'check') return { type: 'checked', id: request.id, findings: await this.check(request.settings, request.texts) };
      return { type: 'suggestions', id: request.id, suggestions: await this.suggest(request.settings, request.word) };
    } catch (error) {
      return { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
  }

  async check(settings: CheckSettings, texts: readonly string[]): Promise<TextFinding[][]> {
    const { vietnamese, english } = await this.dictionaries(settings);
    return texts.map((text) => checkText(text, { ...settings, vietnamese, english }));
  }

  async suggest(settings: CheckSettings, word: string): Promise<string[]> {
    const { vietnamese, english } = await this.dictionaries(settings);
    if (settings.language === 'en') return english ? english.suggest(word).slice(0, 5) : [];
    return vietnamese ? vietnamese.suggest(word) : [];
  }

  /**
   * Both dictionaries serve both languages: Vietnamese names in English copy are accepted by the
   * Vietnamese list, English loanwords in Vietnamese copy by the English one.
   */
  private async dictionaries(settings: CheckSettings): Promise<{ vietnamese?: SyllableDictionary; english?: WordSpeller }> {
    const [vietnamese, english] = await Promise.all([this.vietnamese(settings.style), this.englishSpeller()]);
    return { vietnamese: vietnamese ?? undefined, english: english ?? undefined };
  }

  private vietnamese(style: HouseStyle): Promise<SyllableDictionary | null> {
    this.syllables ??= this.loaders.vietnamese().catch((error: unknown) => {
      this.onLoadError('Vietnamese dictionary', error);
      return null;
    });
    let dictionary = this.byStyle.get(style);
    if (!dictionary) {
      dictionary = this.syllables.then((words) => (words ? new SyllableDictionary(words, style) : null));
      this.byStyle.set(style, dictionary);
    }
    return dictionary;
  }

  private englishSpeller(): Promise<WordSpeller | null> {
    this.english ??= this.loaders.english().catch((error: unknown) => {
      this.onLoadError('English dictionary', error);
      return null;
    });
    return this.english;
  }
}
