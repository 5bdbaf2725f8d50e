import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventKindsIn } from '../../src/answer/question.ts';
import { parseGlossary } from '../../src/understand/glossary.ts';
import { ROOT } from '../helpers.ts';

const { glossary } = parseGlossary(
  readFileSync(path.join(ROOT, 'data/synonyms.yaml'), 'utf8'),
  'data/synonyms.yaml',
);
const kinds = (text: string) => [...eventKindsIn(text, glossary)].sort();

describe('kinds of event a text names', () => {
  it('reads "call on" a person as a courtesy call, not a telephone call', () => {
    expect(
      kinds(
        'Former Japanese Prime Minister Yoshiro Mori called on Prime Minister Lee Hsien Loong at the Istana.',
      ),
    ).toEqual(['meeting']);
    expect(
      kinds('Call On Prime Minister Lee Hsien Loong By Former Japanese Prime Minister'),
    ).toEqual(['meeting']);
    expect(kinds('Song Tao called on and was hosted to lunch by the Minister.')).toEqual([
      'meal',
      'meeting',
    ]);
  });

  it('reads "welcomed X to <a place>" as a visit, and not "welcomed the decision to extend"', () => {
    expect(
      kinds(
        'Secretary General Jens Stoltenberg welcomed Lithuanian Prime Minister Saulius Skvernelis to NATO Headquarters on Monday.',
      ),
    ).toEqual(['visit']);
    expect(kinds('The Minister welcomed the decision to extend the mandate.')).toEqual([]);
  });

  it('keeps a call on a day, and an appeal, as what they are', () => {
    expect(
      kinds('Readout of call on Saturday between President Obama and Prime Minister Singh'),
    ).toEqual(['call']);
    expect(kinds('Japan called on North Korea to refrain from further launches.')).not.toContain(
      'meeting',
    );
  });

  it('a brief chat or 立ち話 is a meeting in person', () => {
    expect(kinds('The two leaders had a brief chat at the sidelines of the Summit.')).toEqual([
      'meeting',
    ]);
    expect(kinds('岸田総理は、マルコス大統領と立ち話を行いました。')).toEqual(['meeting']);
  });

  it('a signing and a message are kinds of event', () => {
    expect(kinds('The three ministers signed the protocol at the signing ceremony.')).toEqual([
      'signing',
    ]);
    expect(kinds('安倍総理大臣はモディ首相宛てにお見舞いのメッセージを発出しました。')).toEqual([
      'statement',
    ]);
  });

  it('a summit by telephone or video is a call, not a summit held in person', () => {
    expect(kinds('Japan-UK Summit Telephone Talk')).toEqual(['call']);
    expect(kinds('Japan-U.S. Summit Meeting')).toEqual(['meeting']);
  });
});
