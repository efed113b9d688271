/**
 * The top of a JSON transcript file (shared/import/transcripts/json-object.ts): an object comes
 * back as written, past a byte-order mark; anything else is null, never an exception, however
 * large or broken the file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonObject, parseJsonObject } from '../../../../../shared/import/transcripts/json-object';
import { parseOtr } from '../../../../../shared/import/transcripts/otr';
import { parseWhisperJson } from '../../../../../shared/import/transcripts/whisper-json';

describe('parseJsonObject', () => {
  it('reads an object, with or without a byte-order mark', () => {
    expect(parseJsonObject('{"text":"Xin chào","media":"phỏng vấn.mp3"}')).toEqual({ text: 'Xin chào', media: 'phỏng vấn.mp3' });
    expect(parseJsonObject('\uFEFF{"segments":[]}')).toEqual({ segments: [] });
    expect(parseJsonObject(' \n{}\n')).toEqual({});
  });

  it('gives null for malformed JSON', () => {
    expect(parseJsonObject('')).toBeNull();
    expect(parseJsonObject('{"text": "Xin chào"')).toBeNull();
    expect(parseJsonObject("{'text': 'single quotes'}")).toBeNull();
    expect(parseJsonObject('{"a":1,}')).toBeNull();
    expect(parseJsonObject('WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào')).toBeNull();
    // Only one mark is a byte-order mark; a second is text before the JSON.
    expect(parseJsonObject('\uFEFF\uFEFF{}')).toBeNull();
  });

  it('gives null for JSON whose top is not an object', () => {
    expect(parseJsonObject('null')).toBeNull();
    expect(parseJsonObject('[]')).toBeNull();
    expect(parseJsonObject('[{"text":"Xin chào"}]')).toBeNull();
    expect(parseJsonObject('"{}"')).toBeNull();
    expect(parseJsonObject('42')).toBeNull();
    expect(parseJsonObject('true')).toBeNull();
  });

  it('reads a huge string whole, and refuses a huge non-JSON one without throwing', () => {
    const words = 'nước '.repeat(2_000_000); // 10,000,000 characters
    const read = parseJsonObject(`{"text":"${words}"}`);
    expect(typeof read?.text).toBe('string');
    expect((read?.text as string).length).toBe(10_000_000);
    expect(parseJsonObject(`{"text":"${words}`)).toBeNull();
    expect(parseJsonObject(words)).toBeNull();
  });

  it('gives back any object it is given as JSON, and never throws on any text', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.boolean(), (value, bom) => {
        const text = (bom ? '\uFEFF' : '') + JSON.stringify(value);
        expect(parseJsonObject(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const read = parseJsonObject(text);
        expect(read === null || isJsonObject(read)).toBe(true);
      }),
    );
  });
});

describe('the JSON transcript readers on what is not their JSON', () => {
  it('read neither an array nor a broken file as a transcript', () => {
    for (const text of ['[{"text":"<p>Xin chào</p>"}]', '{"text": "<p>Xin', 'null', '"text"']) {
      expect(parseOtr(text)).toBeNull();
      expect(parseWhisperJson(text)).toBeNull();
    }
  });
});
