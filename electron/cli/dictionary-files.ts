/**
 * Where `check` finds its dictionaries: the Vietnamese syllable list of @cspell/dict-vi-vn and
 * dictionary-en's Hunspell files. Both packages are development dependencies (the app bundles
 * them into the renderer), so the built CLI carries its own copies: scripts/build-cli.mjs copies
 * them into dist/cli/dictionaries/, beside the bundle, and an installed package reads them from
 * there. Run from the sources (tsx), there is no such folder and the packages in node_modules are
 * read instead.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DictionaryFiles {
  /** The gzipped TrieXv3 list (shared/vietnamese/trie-x-v3.ts reads it once un-gzipped). */
  vietnameseTrie: string;
  englishAff: string;
  englishDic: string;
}

/** The names the build gives the copies in dist/cli/dictionaries/ (scripts/build-cli.mjs copies to them). */
export const BUNDLED_NAMES = { vietnameseTrie: 'vi.trie.gz', englishAff: 'en.aff', englishDic: 'en.dic' } as const;

/** `moduleUrl`: where the code runs from (this module, or the bundle that holds it). */
export function dictionaryFiles(moduleUrl: string = import.meta.url): DictionaryFiles {
  const bundled = join(dirname(fileURLToPath(moduleUrl)), 'dictionaries');
  if (existsSync(join(bundled, BUNDLED_NAMES.vietnameseTrie))) {
    return {
      vietnameseTrie: join(bundled, BUNDLED_NAMES.vietnameseTrie),
      englishAff: join(bundled, BUNDLED_NAMES.englishAff),
      englishDic: join(bundled, BUNDLED_NAMES.englishDic),
    };
  }
  const require = createRequire(moduleUrl);
  const vietnamese = dirname(require.resolve('@cspell/dict-vi-vn/cspell-ext.json'));
  // dictionary-en exports only its index.js, which reads the two files beside it.
  const english = dirname(require.resolve('dictionary-en'));
  return { vietnameseTrie: join(vietnamese, 'vi.trie.gz'), englishAff: join(english, 'index.aff'), englishDic: join(english, 'index.dic') };
}
