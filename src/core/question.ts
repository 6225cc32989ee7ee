/**
 * Questions in plain words, read the same way on every text surface (console, CLI, Slack text
 * commands, mentions): "what is X", "what does X stand for", "meaning of X", "X in Japanese",
 * "how do you say X in Korean", "difference between X and Y", "who wrote X", "where does the
 * document discuss X", in any case, with or without "?" and "please". Each becomes the command a
 * user could have typed, so the reply can show it; a sentence matching none is searched.
 */
import { parseLanguage } from './translations.js';

/** A question read as a command. */
export interface ReadQuestion {
  command: string;
  options: Record<string, string>;
}

/** Politeness and punctuation around a question, removed before reading it. */
function bare(text: string): string {
  let line = text.trim().replace(/[?？!.。]+$/u, '').trim();
  for (let i = 0; i < 3; i++) {
    line = line
      .replace(/^(?:please|pls|hey|hi|ok|okay|so|and|lexicon)[,:]?\s+/i, '')
      .replace(/^(?:can|could|would) you (?:please )?(?:tell me |show me |explain )?/i, '')
      .replace(/^(?:tell me|show me|i want to know|do you know)\s+/i, '')
      .replace(/[,\s]+(?:please|pls|thanks|thank you)$/i, '')
      .replace(/[?？!.。]+$/u, '')
      .trim();
  }
  return line;
}

/** A term as asked: quotes and a leading article dropped ("the CSO" → "CSO", “trust” → trust). */
function term(text: string): string {
  return text
    .trim()
    .replace(/^["“'‘](.*)["”'’]$/u, '$1')
    .replace(/^(?:the|a|an)\s+(?=\S)/i, '')
    .replace(/^(?:term|word|concept|phrase|acronym|abbreviation)\s+/i, '')
    .replace(/\s+(?:mean|means)$/i, '')
    .trim();
}

/** "the piece on X", "the essay about X" → X. */
function topicOfPiece(text: string): string {
  return term(text.replace(/^(?:the\s+)?(?:piece|entry|essay|article|chapter|section|paper|contribution|one)\s+(?:on|about|of|for)\s+/i, '').replace(/\s+(?:piece|entry|essay|article|paper)$/i, ''));
}

const LANGUAGE_WORD = String.raw`(mandarin|chinese|japanese|korean|[a-z]+)`;

/** Patterns in the order they are tried; the first that matches reads the question. */
const PATTERNS: { pattern: RegExp; read: (m: RegExpExecArray) => ReadQuestion | undefined }[] = [
  // Translation: "how do you say X in Korean", "X in Japanese", "what is X in Chinese", "whats the mandarin for X"
  {
    pattern: new RegExp(String.raw`^(?:how (?:do|would|can) (?:you|i|we) (?:say|write|translate)|how is|translate|translation of|what(?:'s| is)|whats)\s+(.+?)\s+(?:in|into)\s+${LANGUAGE_WORD}$`, 'i'),
    read: (m) => translate(m[1]!, m[2]!),
  },
  {
    pattern: new RegExp(String.raw`^(?:what(?:'s| is)|whats)\s+(?:the\s+)?${LANGUAGE_WORD}\s+(?:word |term )?for\s+(.+)$`, 'i'),
    read: (m) => translate(m[2]!, m[1]!),
  },
  { pattern: new RegExp(String.raw`^(.+?)\s+in\s+${LANGUAGE_WORD}$`, 'i'), read: (m) => (parseLanguage(m[2]!) ? translate(m[1]!, m[2]!) : undefined) },
  // Comparison: "difference between X and Y", "X vs Y", "compare X and Y", "how does X differ from Y"
  {
    pattern: /^(?:what(?:'s| is)\s+)?(?:the\s+)?differences?\s+between\s+(.+?)\s+and\s+(.+)$/i,
    read: (m) => compare(m[1]!, m[2]!),
  },
  { pattern: /^how (?:does|do|is|are)\s+(.+?)\s+differ(?:ent)? from\s+(.+)$/i, read: (m) => compare(m[1]!, m[2]!) },
  { pattern: /^(?:compare\s+)?(.+?)\s+(?:vs\.?|versus|v\.)\s+(.+?)(?:\s+difference)?$/i, read: (m) => compare(m[1]!, m[2]!) },
  // Who wrote: "who wrote the piece on X", "who is the author of X", "author of X"
  {
    pattern: /^(?:who\s+(?:wrote|writes|prepared|authored|is the author of|was the author of)|(?:the\s+)?author\s+of)\s+(.+)$/i,
    read: (m) => ({ command: 'define', options: { term: topicOfPiece(m[1]!) } }),
  },
  // Where: "where does the document discuss X", "which pieces mention X", "who cites X"
  {
    pattern: /^(?:where\s+(?:does|do|is|are)\s+(?:the\s+)?(?:document|text|lexicon|pieces?|authors?|it|they)\s+(?:discuss|mention|talk about|cover|treat|use|cite)|where\s+(?:is|are)\s+(.+?)\s+(?:discussed|mentioned|defined|covered)|which\s+(?:pieces?|entries|essays?|authors?)\s+(?:discuss|mention|talk about|cite|cover|use)|who\s+(?:cites|mentions|discusses|quotes))\s*(.*)$/i,
    read: (m) => ({ command: 'search', options: { query: term(m[1] ?? m[2] ?? '') } }),
  },
  // Definition: "what does X stand for", "what does X mean", "what is X", "meaning of X", "define X"
  { pattern: /^what\s+(?:does|do|did)\s+(.+?)\s+(?:stand for|mean|refer to|signify)$/i, read: (m) => define(m[1]!) },
  { pattern: /^(?:what(?:'s| is| are| was| were)|whats|what)\s+(.+)$/i, read: (m) => define(m[1]!) },
  { pattern: /^(?:(?:the\s+)?(?:meaning|definition)\s+of|define|explain|describe|meaning)\s+(.+)$/i, read: (m) => define(m[1]!) },
  { pattern: /^(.+?)\s+(?:meaning|definition|stands for)$/i, read: (m) => define(m[1]!) },
  // People: "who is X", "which pieces did X write"
  { pattern: /^who\s+(?:is|was|are)\s+(.+)$/i, read: (m) => ({ command: 'search', options: { query: term(m[1]!) } }) },
  { pattern: /^(?:which|what)\s+(?:pieces?|entries|essays?)\s+did\s+(.+?)\s+write$/i, read: (m) => ({ command: 'search', options: { query: term(m[1]!) } }) },
];

function define(text: string): ReadQuestion | undefined {
  const value = term(text);
  return value ? { command: 'define', options: { term: value } } : undefined;
}

function translate(text: string, language: string): ReadQuestion | undefined {
  const value = term(text);
  // An unrecorded language is passed on as typed: translate answers which languages the document records.
  return value ? { command: 'translate', options: { term: value, language: parseLanguage(language) ?? language } } : undefined;
}

function compare(first: string, second: string): ReadQuestion | undefined {
  const a = term(first);
  const b = term(second);
  return a && b ? { command: 'compare', options: { first: a, second: b } } : undefined;
}

/** Most words a bare term has; a longer line without a question pattern is a search. */
const MAX_TERM_WORDS = 6;

/**
 * Reads a line that does not start with a command name: a question pattern, else a bare term
 * (looked up), else a sentence (searched). Never fails: every line reads as some command.
 */
export function readQuestion(text: string): ReadQuestion {
  const line = bare(text);
  for (const { pattern, read } of PATTERNS) {
    const match = pattern.exec(line);
    if (!match) continue;
    const read_ = read(match);
    if (read_) return read_;
  }
  const words = line.split(/\s+/).filter(Boolean);
  return words.length <= MAX_TERM_WORDS ? { command: 'define', options: { term: term(line) || line } } : { command: 'search', options: { query: line } };
}

/** How a read question is written as a command, e.g. `/translate trust ja`, shown with the answer. */
export function commandText(read: ReadQuestion): string {
  const quote = (value: string) => (/\s/.test(value) ? `"${value}"` : value);
  const values = Object.values(read.options);
  if (read.command === 'compare') return `/compare ${values.map(quote).join(' ')}`;
  if (read.command === 'translate') return `/translate ${quote(values[0] ?? '')} ${values[1] ?? ''}`.trimEnd();
  return `/${read.command} ${values.join(' ')}`;
}
