/**
 * Labels that are one speaker printed in several ways, and the evidence for reading them so:
 *
 * - abbreviation: the long form defines it in parentheses (`Giáo viên (GV)` … `GV:`), which is
 *   as good as saying so; these merges are not reported;
 * - initials: an all-capital short form is the initials of exactly one long form (`CS` for
 *   `CYNTHIA SMITH`, `PV` for `Phóng viên`);
 * - name: one label's name is the end of exactly one other name (`Doe` and `JANE DOE`, `Mai Lan` and
 *   `Journalist Mai Lan`, `Ông Hùng` and `Đại sứ Nguyễn Văn Hùng`), titles and honorifics aside.
 *
 * A short form that fits two different people (`Ông Hùng` when both a Nguyễn Văn Hùng and a Trần
 * Văn Hùng speak) is left alone, and so is a pair whose honorifics disagree (`Ông Lan`, `Bà Lan`)
 * or where only one is a reporter's label and the other carries a title: giving a quote to the
 * wrong person is the worst mistake an importer can make.
 */
import { describeSpeaker, parseLabelName, type LabelName } from './names';
import { isInterviewerLabel } from './roles';
import { looksLikeLabel, shortForm } from './shape';

export interface AliasEntry {
  key: string;
  label: string;
  /** Reading order of its first occurrence. */
  first: number;
  /** Proven on its own (a known label, repetition). */
  strong: boolean;
  /** Printed at least once with a colon (only those can be long forms). */
  colon: boolean;
}

export type AliasKind = 'abbreviation' | 'initials' | 'name';

export interface AliasLink {
  from: string;
  into: string;
  kind: AliasKind;
}

/** How full a label is: names with more words, then labels with more words (titles), win. */
function fullness(name: LabelName, label: string): number {
  return name.words.length * 100 + Math.min(label.split(' ').length, 99);
}

export interface AliasResult {
  links: AliasLink[];
  /** Short forms that fit more than one person, by key, with the labels they fit. */
  ambiguous: Map<string, string[]>;
}

const MAX_SHARING_A_NAME = 50;

export function findAliases(entries: readonly AliasEntry[], source = ''): AliasResult {
  const links: AliasLink[] = [];
  const ambiguous = new Map<string, string[]>();
  const names = new Map<string, LabelName>();
  const nameOf = (e: AliasEntry) => {
    let n = names.get(e.key);
    if (!n) names.set(e.key, (n = parseLabelName(e.label)));
    return n;
  };
  const interviewer = new Map<string, boolean>();
  const isReporter = (e: AliasEntry) => {
    let r = interviewer.get(e.key);
    if (r === undefined) interviewer.set(e.key, (r = isInterviewerLabel(e.label, source)));
    return r;
  };

  // Abbreviations and initials: each short form that stands for exactly one long form.
  const longFormsOf = new Map<string, AliasEntry[]>();
  for (const l of entries) {
    if (!l.colon || shortForm(l.label) !== null) continue;
    const defines = nameOf(l).abbreviation !== null;
    if (!(l.strong || defines || looksLikeLabel(l.label))) continue;
    for (const short of new Set(describeSpeaker(l.label, isReporter(l)).shortForms)) {
      longFormsOf.set(short, [...(longFormsOf.get(short) ?? []), l]);
    }
  }
  const linked = new Set<string>();
  for (const s of entries) {
    const short = shortForm(s.label);
    if (!short) continue;
    // `PV` is the reporter, not Mr Phạm Vinh.
    const longForms = (longFormsOf.get(short) ?? []).filter((l) => !isReporter(s) || isReporter(l));
    if (longForms.length !== 1) continue;
    const long = longForms[0]!;
    // An abbreviation is used after it is introduced; before it, it is evidence of nothing.
    if (!s.strong && !long.strong && long.first > s.first) continue;
    links.push({ from: s.key, into: long.key, kind: nameOf(long).abbreviation === short ? 'abbreviation' : 'initials' });
    linked.add(s.key);
  }

  // Names: a label whose name is the end of one other label's name. Indexed by the name's last word.
  const byLastWord = new Map<string, AliasEntry[]>();
  const byFirstWord = new Map<string, AliasEntry[]>();
  const index = (map: Map<string, AliasEntry[]>, word: string, l: AliasEntry) => {
    const bucket = map.get(word);
    if (bucket) bucket.push(l);
    else map.set(word, [l]);
  };
  for (const l of entries) {
    const n = nameOf(l);
    if (n.words.length === 0 || !(l.strong || looksLikeLabel(l.label))) continue;
    index(byLastWord, n.words[n.words.length - 1]!, l);
    if (n.words.length >= 2) index(byFirstWord, n.words[0]!, l);
  }
  const labelOf = new Map(entries.map((e) => [e.key, e.label]));
  // Fullest first, so that a middle form (`Ms. Park`) is linked before the shortest (`Park`) asks
  // whether the forms it fits are one person.
  const target = new Map<string, string>();
  const resolve = (key: string): string => {
    let k = key;
    for (let hops = 0; target.has(k) && hops < 10; hops++) k = target.get(k)!;
    return k;
  };
  const byFullness = [...entries].sort((a, b) => fullness(nameOf(b), b.label) - fullness(nameOf(a), a.label) || a.first - b.first);
  for (const s of byFullness) {
    if (linked.has(s.key)) continue;
    const sn = nameOf(s);
    if (sn.words.length === 0 || !sn.capitalised) continue;
    // The end of a name (`Doe` of JANE DOE, `Ông Hùng` of Nguyễn Văn Hùng); or, after an honorific or a
    // title, the first word of one (`Mr. Tran` of Tran Van Long: a Vietnamese family name comes first).
    const titled = sn.gender !== null || sn.title !== '';
    const byFamilyName = titled && sn.words.length === 1 ? (byFirstWord.get(sn.words[0]!) ?? []) : [];
    const byEnd = byLastWord.get(sn.words[sn.words.length - 1]!) ?? [];
    // More labels sharing this name than any interview has speakers: not names (a list, noise).
    if (byEnd.length + byFamilyName.length > MAX_SHARING_A_NAME) continue;
    const bucket = [...byEnd, ...byFamilyName];
    const candidates = [...new Set(bucket)].filter((l) => {
      if (l.key === s.key) return false;
      const ln = nameOf(l);
      if (ln.words.length < sn.words.length) return false;
      const endsWith = sn.words.every((w, i) => ln.words[ln.words.length - sn.words.length + i] === w);
      const familyName = byFamilyName.includes(l) && ln.words[0] === sn.words[0];
      if (!endsWith && !familyName) return false;
      if (sn.gender !== null && ln.gender !== null && sn.gender !== ln.gender) return false;
      // A reporter's label and a titled guest are different people however their names end.
      if (isReporter(s) !== isReporter(l)) {
        const guest = isReporter(s) ? { n: ln, label: l.label } : { n: sn, label: s.label };
        if (guest.n.title !== '' || guest.n.gender !== null || guest.n.words.length !== guest.label.split(' ').length) return false;
      }
      // Only towards the fuller label; equal ones link the later to the earlier.
      const fs = fullness(sn, s.label);
      const fl = fullness(ln, l.label);
      return fl > fs || (fl === fs && l.first < s.first);
    });
    if (candidates.length === 0) continue;
    // Two different people whose names end alike: leave the short form alone.
    const people = new Set(candidates.map((l) => resolve(l.key)));
    if (people.size !== 1) {
      ambiguous.set(s.key, [...people].map((k) => labelOf.get(k)!));
      continue;
    }
    const into = [...people][0]!;
    links.push({ from: s.key, into, kind: 'name' });
    target.set(s.key, into);
  }
  return { links, ambiguous };
}

export interface AliasGroups {
  /** The representative key of each linked key's group (the fullest label). */
  repOf: Map<string, string>;
  /** How each non-representative key joined its group. */
  kindOf: Map<string, AliasKind>;
  /** The keys of each group, by representative. */
  members: Map<string, string[]>;
}

/** Links → groups (union-find), each represented by a key no link leads out of: the long form. */
export function groupAliases(links: readonly AliasLink[], fuller: (a: string, b: string) => string): AliasGroups {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  for (const l of links) {
    if (!parent.has(l.from)) parent.set(l.from, l.from);
    if (!parent.has(l.into)) parent.set(l.into, l.into);
    const a = find(l.from);
    const b = find(l.into);
    if (a !== b) parent.set(a, b);
  }
  const outgoing = new Set(links.map((l) => l.from));
  const members = new Map<string, string[]>();
  for (const k of parent.keys()) {
    const root = find(k);
    members.set(root, [...(members.get(root) ?? []), k]);
  }
  const repOf = new Map<string, string>();
  const grouped = new Map<string, string[]>();
  for (const keys of members.values()) {
    const sinks = keys.filter((k) => !outgoing.has(k));
    const rep = (sinks.length > 0 ? sinks : keys).reduce((a, b) => fuller(a, b));
    for (const k of keys) repOf.set(k, rep);
    grouped.set(rep, keys);
  }
  const kindOf = new Map<string, AliasKind>();
  for (const l of links) if (!kindOf.has(l.from)) kindOf.set(l.from, l.kind);
  return { repOf, kindOf, members: grouped };
}

/** Fullness of two labels, for choosing a group's printed label: the fuller one, or the earlier. */
export function fullerLabel(a: { label: string; first: number }, b: { label: string; first: number }): boolean {
  const fa = fullness(parseLabelName(a.label), a.label);
  const fb = fullness(parseLabelName(b.label), b.label);
  return fa !== fb ? fa > fb : a.first <= b.first;
}
