import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { fixtureLexicon } from '../fixtures/lexicon.js';
import { ask, partsOf } from './helpers.js';

describe('/help', () => {
  it('shows every command with its usage and an example', () => {
    const reply = ask(fixtureLexicon(), 'help');
    expect(reply.kind).toBe('help');
    const texts = partsOf(reply).map((part) => ('text' in part ? part.text : ''));
    expect(texts[0]).toBe(
      '/define <term> — The author’s own definition of a term, verbatim, with its translations and footnotes.\nExample: /define empathy',
    );
    expect(texts).toContain(
      '/translate <term> [language] — Every translation of a term the document records (Mandarin, Japanese, Korean), with its source.\nExample: /translate trust',
    );
    for (const command of commands) {
      expect(texts.some((text) => text.startsWith(`/${command.name}`) && text.includes(`Example: ${command.examples[0]}`))).toBe(true);
    }
    expect(texts.filter((text) => text.startsWith('/'))).toHaveLength(commands.length);
  });
});

describe('the command list', () => {
  it('has one module per command, each with a short description and examples that run', () => {
    expect(commands.map((c) => c.name)).toEqual(['define', 'translate', 'cite', 'search', 'compare', 'read', 'entries', 'help']);
    for (const command of commands) {
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.examples.length).toBeGreaterThan(0);
      for (const example of command.examples) {
        const reply = ask(fixtureLexicon(), example);
        expect(reply.kind, example).not.toBe('usage-error');
      }
    }
  });

  it('offers a visibility option on the commands that post answers', () => {
    const withVisibility = commands.filter((c) => 'visibility' in c.options.shape).map((c) => c.name);
    expect(withVisibility).toEqual(['define', 'translate', 'cite', 'search', 'compare', 'read']);
  });
});
