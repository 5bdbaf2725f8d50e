import { expect, test } from 'vitest';
import {
  decidingLocaleLang,
  interactionLang,
  langFromLocale,
  langOfText,
} from '../../src/discord/locale.ts';

test('Discord locale: only ja gives Japanese', () => {
  expect(langFromLocale('ja')).toBe('ja');
  for (const locale of ['en-US', 'en-GB', 'ko', 'zh-TW', 'fr', undefined, null])
    expect(langFromLocale(locale)).toBe('en');
});

test('the lang option wins over the locale', () => {
  expect(interactionLang('en', 'ja')).toBe('en');
  expect(interactionLang('ja', 'en-US')).toBe('ja');
  expect(interactionLang(null, 'ja')).toBe('ja');
  expect(interactionLang('de', 'ja')).toBe('ja');
});

test('order of precedence: lang option, then a Japanese or English locale, then the server default, then English', () => {
  expect(decidingLocaleLang('en-GB')).toBe('en');
  expect(decidingLocaleLang('ja')).toBe('ja');
  for (const locale of ['ko', 'zh-TW', 'fr', undefined, null])
    expect(decidingLocaleLang(locale)).toBeUndefined();
  expect(interactionLang('en', 'ko', 'ja')).toBe('en');
  expect(interactionLang(null, 'en-US', 'ja')).toBe('en');
  expect(interactionLang(null, 'ja', 'en')).toBe('ja');
  expect(interactionLang(null, 'ko', 'ja')).toBe('ja');
  expect(interactionLang(undefined, 'fr', undefined)).toBe('en');
});

test('a question is Japanese when written with kana, kanji or full-width forms', () => {
  expect(langOfText('首脳会談はいつ？')).toBe('ja');
  expect(langOfText('ミサイル')).toBe('ja');
  expect(langOfText('ＩＣＢＭ')).toBe('ja');
  expect(langOfText('When did the leaders meet?')).toBe('en');
  expect(langOfText('ICBM launch')).toBe('en');
});
