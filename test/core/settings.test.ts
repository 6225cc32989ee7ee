import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettingAssignment, resolveSettings, visibilityFor } from '../../src/core/settings.js';

describe('resolveSettings', () => {
  it('uses the defaults when nothing is set: private, Chicago, public posting allowed, no language first', () => {
    expect(resolveSettings({})).toEqual(DEFAULT_SETTINGS);
  });

  it('lets the channel override the server, and the user override both for their own answers', () => {
    expect(resolveSettings({ workspace: { language: 'zh', citation: 'apa' }, channel: { language: 'ja' } })).toMatchObject({ language: 'ja', citation: 'apa' });
    expect(resolveSettings({ workspace: { language: 'zh' }, channel: { language: 'ja' }, user: { language: 'ko' } }).language).toBe('ko');
  });

  it('answers privately where public posting is not allowed, whatever the visibility settings say', () => {
    expect(resolveSettings({ workspace: { allowPublic: false }, channel: { visibility: 'public' } })).toMatchObject({ visibility: 'private', allowPublic: false });
    expect(resolveSettings({ workspace: { allowPublic: false }, channel: { allowPublic: true, visibility: 'public' } })).toMatchObject({ visibility: 'public', allowPublic: true });
  });
});

describe('visibilityFor', () => {
  it('lets an explicit option win over the settings', () => {
    expect(visibilityFor('private', { ...DEFAULT_SETTINGS, visibility: 'public' })).toEqual({ visibility: 'private', refused: false });
    expect(visibilityFor(undefined, { ...DEFAULT_SETTINGS, visibility: 'public' })).toEqual({ visibility: 'public', refused: false });
  });

  it('refuses an explicit public answer where public posting is off', () => {
    expect(visibilityFor('public', { ...DEFAULT_SETTINGS, allowPublic: false })).toEqual({ visibility: 'private', refused: true });
  });
});

describe('parseSettingAssignment', () => {
  it('reads what people type', () => {
    expect(parseSettingAssignment('language', 'Japanese')).toEqual({ values: { language: 'ja' } });
    expect(parseSettingAssignment('ui-language', 'zh-tw')).toEqual({ values: { uiLanguage: 'zh-TW' } });
    expect(parseSettingAssignment('uiLanguage', 'Korean')).toEqual({ values: { uiLanguage: 'ko' } });
    expect(parseSettingAssignment('citation', 'APA')).toEqual({ values: { citation: 'apa' } });
    expect(parseSettingAssignment('allow-public', 'off')).toEqual({ values: { allowPublic: false } });
    expect(parseSettingAssignment('visibility', 'public')).toEqual({ values: { visibility: 'public' } });
  });

  it('names the fix for a bad value or an unknown setting', () => {
    expect(parseSettingAssignment('language', 'fr')).toEqual({ error: 'language is zh (Mandarin), ja (Japanese) or ko (Korean).' });
    expect(parseSettingAssignment('colour', 'red')).toMatchObject({ error: expect.stringContaining('The settings are: language, visibility, citation, allowPublic') });
  });
});
