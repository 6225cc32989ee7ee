/**
 * Plain questions in the readers' languages, read as the commands they ask for:
 * "信任用日语怎么说" → translate 信任 ja, "empathy是什么意思" → define empathy, "信頼とは" → define 信頼,
 * "신뢰는 영어로" → translate 신뢰. Only whole questions of these shapes are read; anything else is
 * left to the other readers (undefined).
 */
import type { TranslationLanguage } from '../core/entry.js';

/** What a question asks for: a command and its options, as the dispatcher takes them. */
export interface QuestionRequest {
  command: 'define' | 'translate';
  options: { term: string; language?: TranslationLanguage };
}

/** Names of languages in Chinese, Japanese and Korean; English (no translation language) maps to undefined. */
const LANGUAGE_WORDS: [RegExp, TranslationLanguage | 'en'][] = [
  [/^(日语|日語|日文|日本语|日本語|일본어|일어)$/u, 'ja'],
  [/^(中文|汉语|漢語|华语|華語|普通话|普通話|中国语|中國語|中国語|중국어)$/u, 'zh'],
  [/^(韩语|韓語|韩文|韓文|韩国语|韓國語|韓国語|朝鲜语|朝鮮語|한국어)$/u, 'ko'],
  [/^(英语|英語|英文|영어)$/u, 'en'],
];

const LANGUAGE = '(日语|日語|日文|日本语|日本語|中文|汉语|漢語|华语|華語|普通话|普通話|中国语|中國語|中国語|韩语|韓語|韩文|韓文|韩国语|韓國語|韓国語|朝鲜语|朝鮮語|英语|英語|英文|일본어|일어|중국어|한국어|영어)';
const END = '[\\s?？!！。.]*$';

/** Question shapes, tried in order; group "term" is the term, group "lang" the language if any. */
const TRANSLATE_SHAPES: RegExp[] = [
  // 信任用日语怎么说 / 信任用日語怎麼說 / 信任日语怎么说 / 信任的日语是什么
  new RegExp(`^(?<term>.+?)(?:用|的)?${LANGUAGE.replace('(', '(?<lang>')}(?:怎么说|怎麼說|怎么讲|怎麼講|是什么|是什麼|叫什么|叫什麼)${END}`, 'u'),
  // 信任怎么翻译 / 信任怎麼翻譯 / 信任的译法
  new RegExp(`^(?<term>.+?)(?:怎么翻译|怎麼翻譯|如何翻译|如何翻譯|的译法|的譯法|的翻译|的翻譯)${END}`, 'u'),
  // 信頼は英語で何と言いますか / 信頼を日本語で / 信頼の中国語訳
  new RegExp(`^(?<term>.+?)(?:は|を)${LANGUAGE.replace('(', '(?<lang>')}で(?:何と言いますか|なんと言いますか|何と言う|なんて言う|何ですか)?${END}`, 'u'),
  new RegExp(`^(?<term>.+?)の${LANGUAGE.replace('(', '(?<lang>')}訳?${END}`, 'u'),
  new RegExp(`^(?<term>.+?)の訳語${END}`, 'u'),
  // 신뢰는 영어로 / 신뢰를 일본어로 뭐라고 해요 / 신뢰 영어로
  new RegExp(`^(?<term>.+?)(?:은|는|을|를|이|가)?\\s*${LANGUAGE.replace('(', '(?<lang>')}로(?:\\s*(?:뭐예요|뭐야|뭐라고\\s*해요|뭐라고\\s*하나요|무엇인가요|어떻게\\s*말해요))?${END}`, 'u'),
  // 신뢰의 번역 / 신뢰 번역어
  new RegExp(`^(?<term>.+?)(?:의)?\\s*(?:번역어|번역)${END}`, 'u'),
];

const DEFINE_SHAPES: RegExp[] = [
  // empathy是什么意思 / 同理心是什麼意思 / 什么是同理心 / 同理心的定义
  new RegExp(`^(?<term>.+?)(?:是什么意思|是什麼意思|什么意思|什麼意思|是什么|是什麼|的意思|的定义|的定義)${END}`, 'u'),
  new RegExp(`^(?:什么是|什麼是)(?<term>.+?)${END}`, 'u'),
  // 信頼とは / 信頼とは何ですか / 信頼の意味 / 信頼ってなに
  new RegExp(`^(?<term>.+?)(?:とは(?:何ですか|なんですか|何か|何)?|の意味(?:は)?|の定義|って(?:何|なに|なん)(?:ですか)?)${END}`, 'u'),
  // 신뢰란 / 신뢰란 무엇인가요 / 신뢰는 무슨 뜻 / 신뢰의 뜻 / 신뢰 뜻 / 신뢰가 뭐야
  new RegExp(`^(?<term>.+?)(?:이란|란)(?:\\s*(?:무엇인가요|무엇입니까|뭐예요|뭐야))?${END}`, 'u'),
  new RegExp(`^(?<term>.+?)(?:은|는|의)?\\s*(?:무슨\\s*뜻(?:이에요|인가요|이야)?|뜻(?:이\\s*뭐예요|이\\s*뭐야)?)${END}`, 'u'),
  new RegExp(`^(?<term>.+?)(?:이|가|은|는)\\s*(?:뭐예요|뭐야|무엇인가요|무엇입니까)${END}`, 'u'),
];

function languageOf(word: string | undefined): TranslationLanguage | 'en' | undefined {
  if (word === undefined) return undefined;
  return LANGUAGE_WORDS.find(([pattern]) => pattern.test(word))?.[1];
}

/** The command a CJK question asks for, or undefined when the text is not one of these questions. */
export function readCjkQuestion(text: string): QuestionRequest | undefined {
  const question = text.trim().normalize('NFKC').replace(/^[「“"『]|[」”"』]$/gu, '');
  if (question === '' || question.length > 200) return undefined;
  for (const shape of TRANSLATE_SHAPES) {
    const match = shape.exec(question);
    const term = cleanTerm(match?.groups?.term);
    if (!match || !term) continue;
    const language = languageOf(match.groups?.lang);
    // "in English" asks what the concept is called in the document's language: every rendering.
    return { command: 'translate', options: language && language !== 'en' ? { term, language } : { term } };
  }
  for (const shape of DEFINE_SHAPES) {
    const term = cleanTerm(shape.exec(question)?.groups?.term);
    if (term) return { command: 'define', options: { term } };
  }
  return undefined;
}

/** The term without quotation marks or spaces around it; undefined when nothing is left. */
function cleanTerm(term: string | undefined): string | undefined {
  // A leftover copula ("是" of 是什么意思) is part of the question, not of the term.
  const cleaned = term?.trim().replace(/是$/u, '').replace(/^[「“"『‘']+|[」”"』’']+$/gu, '').trim();
  return cleaned ? cleaned : undefined;
}
