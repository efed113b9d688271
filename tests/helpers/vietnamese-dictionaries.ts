/**
 * The dictionaries, loaded in Node for the tests as the worker loads them in the app: the
 * Vietnamese list from @cspell/dict-vi-vn's vi.trie.gz through our TrieXv3 reader, English with
 * nspell and dictionary-en. Loaded once per test file.
 */
import dictionaryEn from 'dictionary-en';
import nspell from 'nspell';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { WordSpeller } from '../../shared/vietnamese/spelling';
import { SyllableDictionary } from '../../shared/vietnamese/syllable-dictionary';
import type { HouseStyle } from '../../shared/vietnamese/tone-placement';
import { readTrieXv3 } from '../../shared/vietnamese/trie-x-v3';

/** The package exports only its cspell settings; the trie sits beside them. */
export const vietnameseTriePath = (): string => join(dirname(createRequire(import.meta.url).resolve('@cspell/dict-vi-vn/cspell-ext.json')), 'vi.trie.gz');

export const vietnameseTrieText = (): string => gunzipSync(readFileSync(vietnameseTriePath())).toString('utf8');

let words: string[] | null = null;
export function vietnameseWords(): string[] {
  words ??= readTrieXv3(vietnameseTrieText());
  return words;
}

const dictionaries = new Map<HouseStyle, SyllableDictionary>();
export function vietnameseDictionary(style: HouseStyle): SyllableDictionary {
  let d = dictionaries.get(style);
  if (!d) dictionaries.set(style, (d = new SyllableDictionary(vietnameseWords(), style)));
  return d;
}

let english: WordSpeller | null = null;
export function englishSpeller(): WordSpeller {
  // dictionary-en gives Uint8Arrays; nspell's types want strings or Buffers (it reads both).
  english ??= nspell(Buffer.from(dictionaryEn.aff), Buffer.from(dictionaryEn.dic));
  return english;
}
