/**
 * Shared checks for command tests: answer a typed line through the bot's real dispatcher, read a
 * reply's blocks, and assert that quotes are verbatim.
 */
import { expect } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import type { Lexicon } from '../../src/core/lexicon.js';
import { blocksOf, citationsOf, translationsOf, type Block, type Reply, type SuggestionView } from '../../src/core/reply.js';
import { proseText } from '../../src/core/reply-text.js';
import { renderText } from '../../src/core/render-text.js';
import { dispatcher } from '../../src/dispatcher.js';

export { citationsOf, translationsOf };

/** Answer a line as a text surface would. */
export function ask(lexicon: Lexicon, line: string, page?: number): Reply {
  const parsed = dispatcher.parse(line);
  if ('error' in parsed) throw new Error(parsed.error);
  return dispatcher.dispatch(lexicon, page === undefined ? parsed : { ...parsed, page });
}

/** Every page of an answer. */
export function allPages(lexicon: Lexicon, line: string): Reply[] {
  const first = ask(lexicon, line);
  const pages = [first];
  for (let index = 2; index <= first.page.count; index++) pages.push(ask(lexicon, line, index));
  return pages;
}

/** A body block as tests compare it: text blocks as their plain text (commands written "/define …"). */
export type Part = Exclude<Block, { kind: 'text' }> | { kind: 'text'; text: string };

/** The reading blocks of a reply (quotes, text, headings, tables, results), text blocks as plain text. */
export function partsOf(reply: { blocks: readonly Block[] }): Part[] {
  return reply.blocks
    .filter((block) => ['quote', 'text', 'heading', 'table', 'results'].includes(block.kind))
    .map((block) => (block.kind === 'text' ? { kind: 'text', text: proseText(block.text) } : block));
}

/** The plain text of a reply's text blocks, one string. */
export function textOf(reply: { blocks: readonly Block[] }): string {
  return partsOf(reply)
    .map((part) => (part.kind === 'text' ? part.text : ''))
    .join('\n');
}

/** The suggestions of a reply ("did you mean" and candidates). */
export function suggestionsOf(reply: { blocks: readonly Block[] }): SuggestionView[] {
  return blocksOf(reply, 'suggestions').flatMap((block) => block.suggestions);
}

/** The related entries of a reply ("see also"). */
export function seeAlsoOf(reply: { blocks: readonly Block[] }): SuggestionView[] {
  return blocksOf(reply, 'see-also').flatMap((block) => block.entries);
}

/** The search results of a reply. */
export function resultsOf(reply: { blocks: readonly Block[] }) {
  return blocksOf(reply, 'results').flatMap((block) => block.results);
}

/** The rendered text of every section of an entry (paragraphs joined by blank lines). */
export function renderedSections(entry: Entry): string[] {
  return entry.sections.map((section) => renderText(section.paragraphs.join('\n\n')).text);
}

/** Every quote block of the replies is a verbatim span of the rendered text of one section of the entry. */
export function expectQuotesVerbatim(replies: Reply[], entries: Entry[]): void {
  const texts = entries.flatMap(renderedSections);
  for (const reply of replies) {
    for (const block of reply.blocks) {
      if (block.kind !== 'quote') continue;
      expect(block.text.length).toBeGreaterThan(0);
      const found = texts.some((text) => text.includes(block.text));
      if (!found) throw new Error(`Not verbatim in ${entries.map((e) => e.id).join(', ')}: ${block.text.slice(0, 120)}`);
    }
  }
}
