import { importTrie, iteratorTrieWords } from 'cspell-trie-lib';
import { describe, expect, it } from 'vitest';
import { readTrieXv3, TrieFormatError } from '../../../../shared/vietnamese/trie-x-v3';
import { vietnameseTrieText } from '../../../helpers/vietnamese-dictionaries';

const trie = (data: string, base = 10) => `#!/usr/bin/env cspell-trie reader\nTrieXv3\nbase=${base}\n# a comment\n__DATA__\n${data}\n`;

describe('readTrieXv3', () => {
  it('reads words going down by letters and back up by $ and <', () => {
    // a, ab, b: "ab$" ends ab and goes up to a, "$" ends a and goes up to the root.
    expect(readTrieXv3(trie('ab$$b$'))).toEqual(['a', 'ab', 'b']);
    expect(readTrieXv3(trie('ab$c$'))).toEqual(['ab', 'ac']);
    expect(readTrieXv3(trie('ab$<c$'))).toEqual(['ab', 'c']);
  });

  it('goes back several letters at once with a digit after $ or <', () => {
    expect(readTrieXv3(trie('abc$3d$'))).toEqual(['abc', 'd']); // $3 = $<<
    expect(readTrieXv3(trie('abc$d$<e$'))).toEqual(['abc', 'abd', 'ae']);
    // Nine at most per digit: eleven letters back is $9 then <2.
    expect(readTrieXv3(trie('abcdefghijk$9<2z$'))).toEqual(['abcdefghijk', 'z']);
  });

  it('shares a subtree already read: #n; is node n (numbered as created, root 0, leaves not counted)', () => {
    // x → node 1 (a…), a → node 2, b is a leaf; y's child is node 1 again.
    expect(readTrieXv3(trie('xab$3y#1;<'))).toEqual(['xab', 'yab']);
    expect(readTrieXv3(trie('xab$3y#2;<'))).toEqual(['xab', 'yb']);
    // Node numbers are in the file's base: in base 32, #a; is node 10 (here j, whose child is k).
    expect(readTrieXv3(trie('abcdefghijk$9<2z#a;<', 32))).toEqual(['abcdefghijk', 'zk']);
  });

  it('reads an escaped character as itself, and ignores line breaks in the data', () => {
    expect(readTrieXv3(trie('a\\$$<b\\\\$'))).toEqual(['a$', 'b\\']);
    expect(readTrieXv3(trie('ab$\nc$'))).toEqual(['ab', 'ac']);
  });

  it('refuses what is not TrieXv3', () => {
    expect(() => readTrieXv3('hello')).toThrow(TrieFormatError);
    expect(() => readTrieXv3('TrieXv2\nbase=10\n__DATA__\na$')).toThrow(/header/);
    expect(() => readTrieXv3(trie('a$<'))).toThrow(/above the root/);
    expect(() => readTrieXv3(trie('ab#9;'))).toThrow(/no node/);
  });

  it('reads @cspell/dict-vi-vn exactly as cspell-trie-lib does', () => {
    const text = vietnameseTrieText();
    const ours = readTrieXv3(text);
    const theirs = [...iteratorTrieWords(importTrie(text.split('\n').map((l) => `${l}\n`)))];
    expect(ours).toEqual(theirs);
    expect(ours).toHaveLength(8217);
  });
});
