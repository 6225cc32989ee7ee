/**
 * `/read <entry> [section] from <paragraph>`: the piece read from a paragraph (its number in the
 * section, or its stable anchor), verbatim, paged through the one button path, and replayed by the
 * anchor so that Share and the paging buttons land on the same words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/core/load-lexicon.js';
import type { Lexicon } from '../../src/core/lexicon.js';
import { answerButton, withoutShare } from '../../src/core/buttons.js';
import { encodeActionState } from '../../src/core/action-state.js';
import { paragraphAnchors } from '../../src/core/anchors.js';
import { renderText } from '../../src/core/render-text.js';
import type { Reply, ReplyAction } from '../../src/core/reply.js';
import { dispatcher } from '../../src/dispatcher.js';
import { ask, partsOf, textOf } from './helpers.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

function click(action: ReplyAction | undefined): ReturnType<typeof answerButton> {
  return answerButton(dispatcher, lexicon, { state: encodeActionState(action!), clickerId: 'U1', message: { visibility: 'private' } });
}

function quotes(reply: Reply): string[] {
  return partsOf(reply).flatMap((part) => (part.kind === 'quote' ? [part.text] : []));
}

describe('/read from a paragraph', () => {
  it('starts at the numbered paragraph of the section, verbatim, and is addressed by that paragraph’s anchor', () => {
    const empathy = lexicon.entry('empathy')!;
    const confidence = empathy.sections.find((s) => s.id === 'confidence')!;
    const reply = ask(lexicon, 'read empathy Confidence p3');
    expect(reply.kind).toBe('definition');
    expect(quotes(reply)[0]).toBe(renderText(confidence.paragraphs[2]!).text);
    expect(quotes(reply)).not.toContain(renderText(confidence.paragraphs[1]!).text);
    const anchor = paragraphAnchors(empathy)[empathy.sections.indexOf(confidence)]![2]!;
    expect(reply.request).toEqual({ command: 'read', options: { entry: 'empathy', from: anchor } });
    expect(textOf(reply)).toContain(`from paragraph 3 of ${confidence.paragraphs.length}`);
  });

  it('starts at the paragraph an anchor names, in whatever section it is', () => {
    const entry = lexicon.entry('new-model-of-major-power-relations')!;
    const anchor = paragraphAnchors(entry)[0]![4]!;
    const reply = dispatcher.dispatch(lexicon, { command: 'read', options: { entry: entry.id, from: anchor } });
    expect(quotes(reply)[0]).toBe(renderText(entry.sections[0]!.paragraphs[4]!).text);
    expect(reply.request.options).toEqual({ entry: entry.id, from: anchor });
  });

  it('pages on from there with Next through the one button path, and Share posts the page on screen', () => {
    const first = ask(lexicon, 'read consociational-security-order intro p2');
    expect(first.page.count).toBeGreaterThan(1);
    const next = click(first.actions.find((action) => action.kind === 'next'));
    expect(next.action).toBe('replace');
    if (next.action !== 'replace') return;
    expect(next.reply.page.index).toBe(2);
    expect(quotes(next.reply)[0]).not.toBe(quotes(first)[0]);
    const shared = click(next.reply.actions.find((action) => action.kind === 'share'));
    expect(shared.action).toBe('post');
    if (shared.action !== 'post') return;
    expect(shared.reply.blocks).toEqual(next.reply.blocks);
    expect(shared.reply.actions).toEqual(withoutShare(next.reply).actions);
  });

  it('fits its paging buttons in Discord’s custom_id', () => {
    for (const line of ['read consociational-security-order prospects-for-a-cso-in-asia p3', 'read maritime-cooperation-roadmap phase-1-clarify-the-legal-principles p2']) {
      const reply = ask(lexicon, line);
      expect(reply.kind, line).toBe('definition');
      for (const action of reply.actions) expect(() => encodeActionState(action), `${line}: ${action.kind}`).not.toThrow();
    }
  });

  it('says how many paragraphs the section has when there is no such paragraph, and a bare number stays a section', () => {
    const missing = ask(lexicon, 'read empathy Confidence p99');
    expect(missing.kind).toBe('no-match');
    expect(textOf(missing)).toContain('has 10 paragraphs');
    expect(ask(lexicon, 'read empathy 3').request.options).toEqual({ entry: 'empathy', section: 'trust' });
    const bad = dispatcher.dispatch(lexicon, { command: 'read', options: { entry: 'empathy', from: 'not a paragraph' } });
    expect(bad.kind).toBe('usage-error');
  });
});
