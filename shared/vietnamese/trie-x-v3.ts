/**
 * Reads the words of a cspell dictionary stored in cspell's text trie format, TrieXv3 (the
 * format of `@cspell/dict-vi-vn`'s `vi.trie`, once un-gzipped).
 *
 * Why our own reader: cspell-trie-lib reads it too, but it is 280 KB of code for what is here a
 * 6,600-word list, and it declares Node ≥ 22 while we support Node 20 (it happens to work today).
 * The format is small:
 *
 *   #!/usr/bin/env cspell-trie reader      header lines up to `__DATA__`: the `TrieXv3` line,
 *   TrieXv3                                `base=N` (the radix of node numbers), `#` comments
 *   base=32
 *   __DATA__
 *   c$2 …                                  then one stream of characters (line breaks ignored):
 *
 *   letter   go down to the child for that letter (creating it)
 *   $        the word so far ends here; go back up one letter
 *   <        go back up one letter
 *   2–9      right after `$` or `<`: go back up that many letters in all (`$3` = `$<<`)
 *   #n;      the child just created is instead node n (base N), a subtree already read: shared
 *            endings are written once. Nodes are numbered in the order they are created,
 *            counting only nodes that get children; the root is 0.
 *   \c       the character c itself (for the characters above, and `\n`, `\r`, `\\`)
 *
 * Entries starting with `~` (case- and accent-folded copies) or `!` (forbidden words) are
 * returned as they are; the caller decides what they mean.
 */

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

const ESCAPED: Readonly<Record<string, string>> = { n: '\n', r: '\r' };

export class TrieFormatError extends Error {
  override name = 'TrieFormatError';
}

export function readTrieXv3(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const dataAt = lines.findIndex((l) => l.trim() === '__DATA__');
  if (dataAt < 0) throw new TrieFormatError('not a TrieXv3 file: no __DATA__ line');
  const header = lines.slice(0, dataAt).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const base = /^base=(\d+)$/.exec(header[1] ?? '');
  if (header[0] !== 'TrieXv3' || !base) throw new TrieFormatError('not a TrieXv3 file: the header must be "TrieXv3" and "base=N"');
  const radix = Number(base[1]);

  const root: TrieNode = { children: new Map(), end: false };
  const numbered: TrieNode[] = [root];
  // path[k] is the node k letters down; the current node is path[path.length - 1].
  const path: { node: TrieNode; letter: string }[] = [{ node: root, letter: '' }];
  const current = () => path[path.length - 1]!.node;
  const up = (n: number) => {
    if (n >= path.length) throw new TrieFormatError('the data goes back above the root');
    path.length -= n;
  };

  const data = lines.slice(dataAt + 1).join('');
  let i = 0;
  let afterBack = false; // the last instruction was `$` or `<`, so a digit counts letters to go back
  while (i < data.length) {
    const c = data[i++]!;
    if (afterBack && c >= '2' && c <= '9') {
      up(Number(c) - 1);
      afterBack = false;
      continue;
    }
    afterBack = false;
    if (c === '$') {
      const node = current();
      node.end = true;
      if (node.children.size === 0 && numbered[numbered.length - 1] === node) numbered.pop(); // a leaf gets no number
      up(1);
      afterBack = true;
    } else if (c === '<') {
      up(1);
      afterBack = true;
    } else if (c === '#') {
      const close = data.indexOf(';', i);
      if (close < 0) throw new TrieFormatError('a node reference (#n;) has no ";"');
      const target = numbered[Number.parseInt(data.slice(i, close), radix)];
      i = close + 1;
      const { letter } = path[path.length - 1]!;
      const parent = path[path.length - 2];
      if (!target || !parent) throw new TrieFormatError('a node reference points to no node');
      numbered.pop(); // the node just created is replaced, so it keeps no number
      parent.node.children.set(letter, target);
      path[path.length - 1] = { node: target, letter };
    } else {
      let letter = c;
      if (c === '\\') {
        const next = data[i++] ?? '';
        letter = ESCAPED[next] ?? next;
      }
      const parent = current();
      const child: TrieNode = { children: new Map(), end: false };
      parent.children.set(letter, child);
      numbered.push(child);
      path.push({ node: child, letter });
    }
  }
  return wordsBelow(root);
}

/** Every word of the trie, in the order of the file. */
function wordsBelow(root: TrieNode): string[] {
  const words: string[] = [];
  const walk = (node: TrieNode, prefix: string) => {
    if (node.end) words.push(prefix);
    for (const [letter, child] of node.children) walk(child, prefix + letter);
  };
  walk(root, '');
  return words;
}
