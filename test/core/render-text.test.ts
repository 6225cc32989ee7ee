import { describe, expect, it } from 'vitest';
import { rawMarkers, renderText, renderedMarkers, sliceRendered, stripControlCharacters, superscript } from '../../src/core/render-text.js';

describe('renderText', () => {
  it('renders footnote markers as superscript digits and reads them back', () => {
    const { text } = renderText('secure prison.[^57] Then the 21st century.[^133]');
    expect(text).toBe('secure prison.⁵⁷ Then the 21st century.¹³³');
    expect(renderedMarkers(text)).toEqual([57, 133]);
    expect(rawMarkers('a[^3] b[^12] c[^3]')).toEqual([3, 12]);
    expect(superscript(90)).toBe('⁹⁰');
  });

  it('keeps adjacent markers apart so that they do not read as one number', () => {
    const { text } = renderText('two sources.[^3][^4]');
    expect(renderedMarkers(text)).toEqual([3, 4]);
  });

  it('turns emphasis into highlight ranges and unwraps escapes, links and inline math', () => {
    const rendered = renderText('a *power*, or a **capacity**; see [http://x.org/a\\_b](http://x.org/a_b) or <http://y.org>; $2+2=4$ costs $5 and $6');
    expect(rendered.text).toBe('a power, or a capacity; see http://x.org/a_b or http://y.org; 2+2=4 costs $5 and $6');
    expect(rendered.emphasis.map(([s, e]) => rendered.text.slice(s, e))).toEqual(['power', 'capacity']);
  });

  it('cuts a quote by raw offsets as a substring of the rendered text, highlights rebased', () => {
    const raw = 'Before. Empathy is a *capacity*.[^57] After.';
    const rendered = renderText(raw);
    const start = raw.indexOf('Empathy');
    const end = raw.indexOf(' After');
    const slice = sliceRendered(rendered, start, end);
    expect(slice.text).toBe('Empathy is a capacity.⁵⁷');
    expect(rendered.text).toContain(slice.text);
    expect(slice.highlights.map(([s, e]) => slice.text.slice(s, e))).toEqual(['capacity']);
  });
});

describe('footnote text from the real lexicon', () => {
  it('shows URL labels the conversion escaped twice as their clean target (footnote 57)', async () => {
    const { loadLexicon } = await import('../../src/core/load-lexicon.js');
    const { citationOf } = await import('../../src/core/entry-views.js');
    const lexicon = await loadLexicon();
    const citation = citationOf(lexicon.entry('empathy')!, 57)!;
    expect(citation.text).toContain('http://www.newyorker.com/arts/critics/atlarge/2013/05/20/130520crat_atlarge_bloom;');
    expect(citation.text).not.toContain('\\');
    for (const entry of lexicon.entries) {
      for (const footnote of entry.footnotes) expect(citationOf(entry, footnote.number)!.text, `n. ${footnote.number}`).not.toMatch(/\\[_*]/);
    }
  });
});

describe('emphasis in the real lexicon', () => {
  it('leaves no Markdown asterisks in any rendered paragraph or footnote, italics nested in bold included', async () => {
    const { loadLexicon } = await import('../../src/core/load-lexicon.js');
    const lexicon = await loadLexicon();
    const leftovers: string[] = [];
    for (const entry of lexicon.entries) {
      const raws = [...entry.sections.flatMap((section) => section.paragraphs), ...entry.footnotes.map((footnote) => footnote.text)];
      // A literal asterisk the document escapes (\\* in n. 108) is the authors' text and stays.
      const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
      for (const raw of raws) {
        const text = renderText(raw).text;
        if (count(text, /\*/g) !== count(raw, /\\\*/g)) leftovers.push(`${entry.id}: ${text.slice(0, 80)}`);
      }
    }
    expect(leftovers).toEqual([]);
    const nested = renderText('or **efforts to illustrate effective occupation (*effectivités*) are moot**. Although');
    expect(nested.text).toBe('or efforts to illustrate effective occupation (effectivités) are moot. Although');
    expect(nested.emphasis.map(([start, end]) => nested.text.slice(start, end))).toEqual([
      'efforts to illustrate effective occupation (effectivités) are moot',
      'effectivités',
    ]);
  });
});

describe('stripControlCharacters, terminal escapes', () => {
  it('removes a pasted colour code whole, so the term around it still matches', () => {
    expect(stripControlCharacters('tr\u001b[31mus\u001b[0mt')).toBe('trust');
    expect(stripControlCharacters('\u001b]0;title\u0007empathy')).toBe('empathy');
  });
});

describe('stripControlCharacters', () => {
  it('removes control and bidi-override characters and turns line breaks into spaces', () => {
    expect(stripControlCharacters('em\u0000pa\u0007thy\u001b\nnext\u202eevil\u200b')).toBe('empathy nextevil');
    expect(stripControlCharacters('信任 😀 café')).toBe('信任 😀 café');
  });
});
