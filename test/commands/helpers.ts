/**
 * Shared checks for command tests: answer a typed line through the real dispatcher, and assert that
 * quotes are verbatim.
 */
import { expect } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import type { Lexicon } from '../../src/core/lexicon.js';
import type { Reply } from '../../src/core/reply.js';
import { dispatch, parseCommandLine } from '../../src/core/dispatch.js';
import { renderText } from '../../src/core/render-text.js';

/** Answer a line as a text surface would. */
export function ask(lexicon: Lexicon, line: string, page?: number): Reply {
  const parsed = parseCommandLine(line);
  if ('error' in parsed) throw new Error(parsed.error);
  return dispatch(lexicon, page === undefined ? parsed : { ...parsed, page });
}

/** Every page of an answer. */
export function allPages(lexicon: Lexicon, line: string): Reply[] {
  const first = ask(lexicon, line);
  const pages = [first];
  for (let index = 2; index <= first.page.count; index++) pages.push(ask(lexicon, line, index));
  return pages;
}

/** The rendered text of every section of an entry (paragraphs joined by blank lines). */
export function renderedSections(entry: Entry): string[] {
  return entry.sections.map((section) => renderText(section.paragraphs.join('\n\n')).text);
}

/** Every quote part of the replies is a verbatim span of the rendered text of one section of the entry. */
export function expectQuotesVerbatim(replies: Reply[], entries: Entry[]): void {
  const texts = entries.flatMap(renderedSections);
  for (const reply of replies) {
    for (const part of reply.parts) {
      if (part.kind !== 'quote') continue;
      expect(part.text.length).toBeGreaterThan(0);
      const found = texts.some((text) => text.includes(part.text));
      if (!found) throw new Error(`Not verbatim in ${entries.map((e) => e.id).join(', ')}: ${part.text.slice(0, 120)}`);
    }
  }
}
