/**
 * One entry, whole and verbatim: its sections and paragraphs (each with a stable anchor), its
 * tables and the translations the document records as real tables, its footnotes linked both ways,
 * see-also links and a citation box.
 */
import type { Entry, Footnote, Table } from '../../core/entry.js';
import type { Lexicon } from '../../core/lexicon.js';
import { apaCitation, chicagoCitation } from '../../core/citation-styles.js';
import { authorsText } from '../../core/entry-views.js';
import { plainText } from '../../core/render-text.js';
import { describeSource, LANGUAGE_NAMES } from '../../core/translations.js';
import { footnoteAnchor, footnoteReferenceAnchor, paragraphAnchors, sectionAnchor } from '../../core/anchors.js';
import { renderPage, type PageMeta } from '../layout.js';
import { markup, type HtmlEscapedString } from '../markup.js';
import { entryPath } from '../paths.js';
import { richText, type MarkerStyle } from '../rich-text.js';

/** Anchors of the page's own parts; no section of the document is named like these. */
export const PAGE_PART_ANCHORS = {
  contents: 'contents',
  translations: 'recorded-translations',
  notes: 'notes',
  seeAlso: 'see-also',
  cite: 'cite',
} as const;

/**
 * The entry page's HTML. `bodies` (optional) keeps each entry's rendered body: it depends on the
 * entry alone, so a server renders it once and only the page's head per request.
 */
export function renderEntryPage(
  lexicon: Lexicon,
  entry: Entry,
  meta: Pick<PageMeta, 'requestUrl' | 'publicUrl' | 'locale' | 'languages'> = {},
  bodies?: Map<string, HtmlEscapedString>,
): string {
  let body = bodies?.get(entry.id);
  if (!body) {
    body = entryBody(lexicon, entry);
    bodies?.set(entry.id, body);
  }
  const lead = plainText(entry.lead.text);
  return renderPage(
    {
      ...meta,
      title: entry.term,
      description: `${authorsText(entry.authors)}: ${lead}`,
      type: 'article',
      author: authorsText(entry.authors),
      script: true,
    },
    body,
  );
}

function entryBody(lexicon: Lexicon, entry: Entry): HtmlEscapedString {
  const markers: MarkerStyle = { kind: 'linked', occurrences: new Map() };
  const anchors = paragraphAnchors(entry);
  const titled = entry.sections.filter((section) => section.heading);
  const sections = entry.sections.map((section, index) => {
    const heading = section.heading
      ? markup`<h2 id="h-${section.id}">${plainText(section.heading)} <a class="anchor" href="#${sectionAnchor(section.id)}" aria-label="Link to this section">#</a></h2>`
      : '';
    const paragraphs = section.paragraphs.map((text, p) => {
      const anchor = anchors[index]?.[p] ?? '';
      return markup`<p class="para" id="${anchor}">${richText(text, { markers })}<a class="anchor" href="#${anchor}" aria-label="Link to this paragraph">¶</a></p>`;
    });
    const tables = entry.tables.filter((table) => table.section === section.id).map((table) => documentTable(table, markers));
    const labelled = section.heading ? markup` aria-labelledby="h-${section.id}"` : '';
    return markup`<section id="${sectionAnchor(section.id)}"${labelled}>${heading}${paragraphs}${tables}</section>`;
  });
  // Tables whose section is not in the body (none today) still appear, after the text.
  const sectionIds = new Set(entry.sections.map((section) => section.id));
  const orphanTables = entry.tables.filter((table) => !sectionIds.has(table.section)).map((table) => documentTable(table, markers));

  const contents =
    titled.length > 0
      ? markup`<nav class="toc" id="${PAGE_PART_ANCHORS.contents}" aria-label="Sections of this entry"><ol>${titled.map(
          (section) => markup`<li><a href="#${sectionAnchor(section.id)}">${plainText(section.heading ?? '')}</a></li>`,
        )}</ol></nav>`
      : '';

  return markup`<article>
<header>
<p class="kicker">${entry.number ? `${entry.part}.${entry.number}` : `${entry.part}.`} · ${entry.contribution}</p>
<h1>${entry.term}</h1>
<p class="byline">${authorsText(entry.authors)}</p>
${entry.title !== entry.term ? markup`<p class="meta">${entry.title}</p>` : ''}
</header>
${contents}
${sections}
${orphanTables}
${translationsPart(entry)}
${seeAlsoPart(lexicon, entry)}
${citePart(entry)}
${notesPart(entry, markers)}
</article>`;
}

/** A cell's lines, each on its own line. */
function cellLines(cell: string, markers: MarkerStyle): HtmlEscapedString {
  const lines = cell.split('\n');
  if (lines.length === 1) return richText(cell, { markers });
  return markup`${lines.map((line) => markup`<span class="line">${richText(line, { markers })}</span>`)}`;
}

function documentTable(table: Table, markers: MarkerStyle): HtmlEscapedString {
  const captionId = `table-${table.id}`;
  return markup`<div class="table-wrap" id="${captionId}" role="region" aria-labelledby="${captionId}-caption" tabindex="0">
<table>
<caption id="${captionId}-caption">${richText(table.caption, { markers })}</caption>
<thead><tr>${table.columns.map((column) => markup`<th scope="col">${richText(column, { markers })}</th>`)}</tr></thead>
<tbody>${table.rows.map((row) => markup`<tr>${row.map((cell, i) => (i === 0 ? markup`<th scope="row">${cellLines(cell, markers)}</th>` : markup`<td>${cellLines(cell, markers)}</td>`))}</tr>`)}</tbody>
</table>
</div>
${table.note ? markup`<p class="table-note">${richText(table.note, { markers })}</p>` : ''}`;
}

/** The renderings the document records with this entry, grouped by where it records them. */
function translationsPart(entry: Entry): HtmlEscapedString | '' {
  if (entry.translations.length === 0) return '';
  const groups = new Map<string, Entry['translations']>();
  for (const translation of entry.translations) {
    const source = describeSource(translation.source);
    groups.set(source, [...(groups.get(source) ?? []), translation]);
  }
  const tables = [...groups].map(([source, translations], index) => {
    const hasGlosses = translations.some((t) => t.glosses && t.glosses.length > 0);
    const captionId = `${PAGE_PART_ANCHORS.translations}-${index + 1}`;
    return markup`<div class="table-wrap" role="region" aria-labelledby="${captionId}" tabindex="0">
<table>
<caption id="${captionId}">${richText(source, { markers: { kind: 'plain' } })}</caption>
<thead><tr><th scope="col">Concept</th><th scope="col">Language</th><th scope="col">Rendering</th><th scope="col">Romanization</th>${hasGlosses ? markup`<th scope="col">Word by word</th>` : ''}</tr></thead>
<tbody>${translations.map(
      (t) => markup`<tr><th scope="row">${t.concept}</th><td>${LANGUAGE_NAMES[t.language]}</td><td lang="${t.language}">${t.text ?? '—'}</td><td>${t.romanization ?? '—'}</td>${
        hasGlosses ? markup`<td>${(t.glosses ?? []).map((g) => markup`<span class="line"><span lang="${t.language}">${g.word}</span>: ${g.meaning}</span>`)}</td>` : ''
      }</tr>`,
    )}</tbody>
</table>
</div>`;
  });
  return markup`<section id="${PAGE_PART_ANCHORS.translations}" aria-labelledby="${PAGE_PART_ANCHORS.translations}-h">
<h2 id="${PAGE_PART_ANCHORS.translations}-h">Recorded translations</h2>
<p class="meta">Only the renderings the document itself records, each under where it records them.</p>
${tables}
</section>`;
}

function seeAlsoPart(lexicon: Lexicon, entry: Entry): HtmlEscapedString | '' {
  const references = lexicon.seeAlso(entry.id);
  if (references.length === 0) return '';
  return markup`<section id="${PAGE_PART_ANCHORS.seeAlso}" aria-labelledby="${PAGE_PART_ANCHORS.seeAlso}-h">
<h2 id="${PAGE_PART_ANCHORS.seeAlso}-h">See also</h2>
<ul>${references.map((view) => markup`<li><a href="${entryPath(view.entryId)}${view.sectionId ? `#${sectionAnchor(view.sectionId)}` : ''}">${view.label}</a></li>`)}</ul>
</section>`;
}

function citePart(entry: Entry): HtmlEscapedString {
  return markup`<section class="cite" id="${PAGE_PART_ANCHORS.cite}" aria-labelledby="${PAGE_PART_ANCHORS.cite}-h">
<h2 id="${PAGE_PART_ANCHORS.cite}-h">How to cite this piece</h2>
<p class="meta">The document asks not to be cited or circulated widely; if you must cite it, say so.</p>
<dl>
<dt>Chicago <button type="button" data-copy="cite-chicago" data-label="Chicago" hidden>Copy<span class="visually-hidden"> the Chicago citation</span></button></dt>
<dd id="cite-chicago">${chicagoCitation(entry)}</dd>
<dt>APA <button type="button" data-copy="cite-apa" data-label="APA" hidden>Copy<span class="visually-hidden"> the APA citation</span></button></dt>
<dd id="cite-apa">${apaCitation(entry)}</dd>
</dl>
<p class="status" id="copy-status" role="status" aria-live="polite"></p>
</section>`;
}

/** The footnotes, in the document's numbering, each with a link back to every place that cites it. */
function notesPart(entry: Entry, markers: MarkerStyle): HtmlEscapedString | '' {
  if (entry.footnotes.length === 0) return '';
  const cited = markers.kind === 'linked' ? markers.occurrences : new Map<number, number>();
  // Notes are rendered after the body, so every marker of the body has been counted.
  const notes = entry.footnotes.map((footnote) => note(footnote, cited.get(footnote.number) ?? 0));
  return markup`<section class="footnotes" id="${PAGE_PART_ANCHORS.notes}" aria-labelledby="${PAGE_PART_ANCHORS.notes}-h">
<h2 id="${PAGE_PART_ANCHORS.notes}-h">Notes</h2>
<ol>${notes}</ol>
</section>`;
}

function note(footnote: Footnote, citedTimes: number): HtmlEscapedString {
  const backs = Array.from({ length: citedTimes }, (_, i) => {
    const label = citedTimes === 1 ? `Back to the text of note ${footnote.number}` : `Back to citation ${i + 1} of note ${footnote.number}`;
    return markup` <a class="back" href="#${footnoteReferenceAnchor(footnote.number, i + 1)}" aria-label="${label}">↩</a>`;
  });
  return markup`<li id="${footnoteAnchor(footnote.number)}" value="${footnote.number}">${richText(footnote.text, { markers: { kind: 'plain' } })}${backs}</li>`;
}
