/**
 * Questions in Chinese, Japanese and Korean route to the same commands as their slash forms, and
 * the real lexicon answers them.
 */
import { describe, expect, it } from 'vitest';
import { readCjkQuestion } from '../../src/i18n/questions.js';
import { dispatcher } from '../../src/dispatcher.js';
import { loadLexicon } from '../../src/core/load-lexicon.js';

describe('questions in the readers’ languages', () => {
  it('reads the issue’s four examples', () => {
    expect(readCjkQuestion('信任用日语怎么说')).toEqual({ command: 'translate', options: { term: '信任', language: 'ja' } });
    expect(readCjkQuestion('empathy是什么意思')).toEqual({ command: 'define', options: { term: 'empathy' } });
    expect(readCjkQuestion('信頼とは')).toEqual({ command: 'define', options: { term: '信頼' } });
    expect(readCjkQuestion('신뢰는 영어로')).toEqual({ command: 'translate', options: { term: '신뢰' } });
  });

  it('reads Traditional Chinese, polite Japanese and Korean forms, with quotes and question marks', () => {
    expect(readCjkQuestion('同理心用韓語怎麼說？')).toEqual({ command: 'translate', options: { term: '同理心', language: 'ko' } });
    expect(readCjkQuestion('什麼是信任')).toEqual({ command: 'define', options: { term: '信任' } });
    expect(readCjkQuestion('「共感」とは何ですか？')).toEqual({ command: 'define', options: { term: '共感' } });
    expect(readCjkQuestion('confidenceを中国語で')).toEqual({ command: 'translate', options: { term: 'confidence', language: 'zh' } });
    expect(readCjkQuestion('신뢰란 무엇인가요?')).toEqual({ command: 'define', options: { term: '신뢰' } });
    expect(readCjkQuestion('공감은 무슨 뜻')).toEqual({ command: 'define', options: { term: '공감' } });
    expect(readCjkQuestion('confidence를 일본어로')).toEqual({ command: 'translate', options: { term: 'confidence', language: 'ja' } });
    expect(readCjkQuestion('信心的韩语是什么')).toEqual({ command: 'translate', options: { term: '信心', language: 'ko' } });
  });

  it('leaves everything else to the other readers', () => {
    for (const text of ['empathy', 'define trust', '/translate trust', '', '信任', 'とは', '是什么意思']) expect(readCjkQuestion(text), text).toBeUndefined();
  });

  it('the real lexicon answers them: 信任 in Japanese is 5A’s 信賴, empathy is defined, 신뢰 is trust', async () => {
    const lexicon = await loadLexicon();
    const answer = (text: string) => dispatcher.dispatch(lexicon, readCjkQuestion(text)!);
    const japanese = answer('信任用日语怎么说');
    expect(japanese.kind).toBe('translation');
    expect(JSON.stringify(japanese)).toContain('信賴');
    expect(answer('empathy是什么意思').entryId).toBe('empathy');
    const korean = answer('신뢰는 영어로');
    expect(korean.kind).toBe('translation');
    expect(korean.title).toContain('trust');
  });
});
