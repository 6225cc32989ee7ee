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
import { describeSource, provenanceOf } from '../../core/translations.js';
import { createTranslator, type Translator } from '../../i18n/translator.js';
import { languageName } from '../../i18n/words.js';
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
 * entry and the reader's language alone, so a server renders it once per language and only the
 * page's head per request.
 */
export function renderEntryPage(
  lexicon: Lexicon,
  entry: Entry,
  meta: Pick<PageMeta, 'requestUrl' | 'publicUrl' | 'locale' | 'languages'> = {},
  bodies?: Map<string, HtmlEscapedString>,
): string {
  const tr = createTranslator(meta.locale);
  const key = `${tr.locale}\u0000${entry.id}`;
  let body = bodies?.get(key);
  if (!body) {
    body = entryBody(lexicon, entry, tr);
    bodies?.set(key, body);
  }
  const lead = plainText(entry.lead.text);
  return renderPage(
    {
      ...meta,
      title: entry.term,
      description: tr.labelled(authorsText(entry.authors, tr), lead),
      type: 'article',
      author: authorsText(entry.authors, tr),
      script: true,
    },
    body,
  );
}

function entryBody(lexicon: Lexicon, entry: Entry, tr: Translator): HtmlEscapedString {
  const markers: MarkerStyle = { kind: 'linked', occurrences: new Map() };
  const anchors = paragraphAnchors(entry);
  const titled = entry.sections.filter((section) => section.heading);
  const sections = entry.sections.map((section, index) => {
    const heading = section.heading
      ? markup`<h2 id="h-${section.id}"><span lang="en">${plainText(section.heading)}</span> <a class="anchor" href="#${sectionAnchor(section.id)}" aria-label="${tr.t('web.entry.linkSection')}">#</a></h2>`
      : '';
    const paragraphs = section.paragraphs.map((text, p) => {
      const anchor = anchors[index]?.[p] ?? '';
      return markup`<p class="para" id="${anchor}"><span lang="en">${richText(text, { markers, tr })}</span><a class="anchor" href="#${anchor}" aria-label="${tr.t('web.entry.linkParagraph')}">¶</a></p>`;
    });
    const tables = entry.tables.filter((table) => table.section === section.id).map((table) => documentTable(table, markers, tr));
    const labelled = section.heading ? markup` aria-labelledby="h-${section.id}"` : '';
    return markup`<section id="${sectionAnchor(section.id)}"${labelled}>${heading}${paragraphs}${tables}</section>`;
  });
  // Tables whose section is not in the body (none today) still appear, after the text.
  const sectionIds = new Set(entry.sections.map((section) => section.id));
  const orphanTables = entry.tables.filter((table) => !sectionIds.has(table.section)).map((table) => documentTable(table, markers, tr));

  const contents =
    titled.length > 0
      ? markup`<nav class="toc" id="${PAGE_PART_ANCHORS.contents}" aria-label="${tr.t('web.entry.contents')}"><ol lang="en">${titled.map(
          (section) => markup`<li><a href="#${sectionAnchor(section.id)}">${plainText(section.heading ?? '')}</a></li>`,
        )}</ol></nav>`
      : '';

  return markup`<article>
<header lang="en">
<p class="kicker">${entry.number ? `${entry.part}.${entry.number}` : `${entry.part}.`} · ${entry.contribution}</p>
<h1>${entry.term}</h1>
<p class="byline">${authorsText(entry.authors)}</p>
${entry.title !== entry.term ? markup`<p class="meta">${entry.title}</p>` : ''}
</header>
${contents}
${sections}
${orphanTables}
${translationsPart(entry, tr)}
${seeAlsoPart(lexicon, entry, tr)}
${citePart(entry, tr)}
${notesPart(entry, markers, tr)}
</article>`;
}

/** A cell's lines, each on its own line. */
function cellLines(cell: string, markers: MarkerStyle, tr: Translator): HtmlEscapedString {
  const lines = cell.split('\n');
  if (lines.length === 1) return richText(cell, { markers, tr });
  return markup`${lines.map((line) => markup`<span class="line">${richText(line, { markers, tr })}</span>`)}`;
}

function documentTable(table: Table, markers: MarkerStyle, tr: Translator): HtmlEscapedString {
  const captionId = `table-${table.id}`;
  return markup`<div class="table-wrap" id="${captionId}" role="region" aria-labelledby="${captionId}-caption" tabindex="0">
<table>
<caption id="${captionId}-caption" lang="en">${richText(table.caption, { markers, tr })}</caption>
<thead lang="en"><tr>${table.columns.map((column) => markup`<th scope="col">${richText(column, { markers, tr })}</th>`)}</tr></thead>
<tbody lang="en">${table.rows.map((row) => markup`<tr>${row.map((cell, i) => (i === 0 ? markup`<th scope="row">${cellLines(cell, markers, tr)}</th>` : markup`<td>${cellLines(cell, markers, tr)}</td>`))}</tr>`)}</tbody>
</table>
</div>
${table.note ? markup`<p class="table-note" lang="en">${richText(table.note, { markers, tr })}</p>` : ''}`;
}

/** The renderings the document records with this entry, grouped by where it records them. */
function translationsPart(entry: Entry, tr: Translator): HtmlEscapedString | '' {
  if (entry.translations.length === 0) return '';
  const groups = new Map<string, Entry['translations']>();
  for (const translation of entry.translations) {
    const source = describeSource(provenanceOf(translation, entry), tr);
    groups.set(source, [...(groups.get(source) ?? []), translation]);
  }
  const tables = [...groups].map(([source, translations], index) => {
    const hasGlosses = translations.some((t) => t.glosses && t.glosses.length > 0);
    const captionId = `${PAGE_PART_ANCHORS.translations}-${index + 1}`;
    return markup`<div class="table-wrap" role="region" aria-labelledby="${captionId}" tabindex="0">
<table>
<caption id="${captionId}">${richText(source, { markers: { kind: 'plain' }, tr })}</caption>
<thead><tr><th scope="col">${tr.t('web.entry.column.concept')}</th><th scope="col">${tr.t('web.entry.column.language')}</th><th scope="col">${tr.t('web.entry.column.rendering')}</th><th scope="col">${tr.t('web.entry.column.romanization')}</th>${hasGlosses ? markup`<th scope="col">${tr.t('web.entry.column.glosses')}</th>` : ''}</tr></thead>
<tbody>${translations.map(
      (t) => markup`<tr><th scope="row" lang="en">${t.concept}</th><td>${languageName(tr, t.language)}</td><td lang="${t.language}">${t.text ?? '—'}</td><td lang="en">${t.romanization ?? '—'}</td>${
        hasGlosses ? markup`<td>${(t.glosses ?? []).map((g) => markup`<span class="line"><span lang="${t.language}">${g.word}</span>: <span lang="en">${g.meaning}</span></span>`)}</td>` : ''
      }</tr>`,
    )}</tbody>
</table>
</div>`;
  });
  return markup`<section id="${PAGE_PART_ANCHORS.translations}" aria-labelledby="${PAGE_PART_ANCHORS.translations}-h">
<h2 id="${PAGE_PART_ANCHORS.translations}-h">${tr.t('web.entry.translations')}</h2>
<p class="meta">${tr.t('web.entry.translationsNote')}</p>
${tables}
</section>`;
}

function seeAlsoPart(lexicon: Lexicon, entry: Entry, tr: Translator): HtmlEscapedString | '' {
  const references = lexicon.seeAlso(entry.id);
  if (references.length === 0) return '';
  return markup`<section id="${PAGE_PART_ANCHORS.seeAlso}" aria-labelledby="${PAGE_PART_ANCHORS.seeAlso}-h">
<h2 id="${PAGE_PART_ANCHORS.seeAlso}-h">${tr.t('reply.seeAlso')}</h2>
<ul lang="en">${references.map((view) => markup`<li><a href="${entryPath(view.entryId)}${view.sectionId ? `#${sectionAnchor(view.sectionId)}` : ''}">${view.label}</a></li>`)}</ul>
</section>`;
}

function citePart(entry: Entry, tr: Translator): HtmlEscapedString {
  // The script shows the status words the page gives it, in the page's language.
  const copyButton = (id: string, style: string) =>
    markup`<button type="button" data-copy="${id}" data-copied="${tr.t('web.entry.copied', { style })}" data-selected="${tr.t('web.entry.selected', { style })}" aria-label="${tr.t('web.entry.copyCitation', { style })}" hidden>${tr.t('web.entry.copy')}</button>`;
  return markup`<section class="cite" id="${PAGE_PART_ANCHORS.cite}" aria-labelledby="${PAGE_PART_ANCHORS.cite}-h">
<h2 id="${PAGE_PART_ANCHORS.cite}-h">${tr.t('cite.howTo')}</h2>
<p class="meta">${tr.t('web.entry.citeCaveat')}</p>
<dl>
<dt>${tr.t('setting.citation.chicago')} ${copyButton('cite-chicago', tr.t('setting.citation.chicago'))}</dt>
<dd id="cite-chicago" lang="en">${chicagoCitation(entry)}</dd>
<dt>${tr.t('setting.citation.apa')} ${copyButton('cite-apa', tr.t('setting.citation.apa'))}</dt>
<dd id="cite-apa" lang="en">${apaCitation(entry)}</dd>
</dl>
<p class="status" id="copy-status" role="status" aria-live="polite"></p>
</section>`;
}

/** The footnotes, in the document's numbering, each with a link back to every place that cites it. */
function notesPart(entry: Entry, markers: MarkerStyle, tr: Translator): HtmlEscapedString | '' {
  if (entry.footnotes.length === 0) return '';
  const cited = markers.kind === 'linked' ? markers.occurrences : new Map<number, number>();
  // Notes are rendered after the body, so every marker of the body has been counted.
  const notes = entry.footnotes.map((footnote) => note(footnote, cited.get(footnote.number) ?? 0, tr));
  return markup`<section class="footnotes" id="${PAGE_PART_ANCHORS.notes}" aria-labelledby="${PAGE_PART_ANCHORS.notes}-h">
<h2 id="${PAGE_PART_ANCHORS.notes}-h">${tr.t('web.entry.notes')}</h2>
<ol>${notes}</ol>
</section>`;
}

function note(footnote: Footnote, citedTimes: number, tr: Translator): HtmlEscapedString {
  const backs = Array.from({ length: citedTimes }, (_, i) => {
    const number = String(footnote.number);
    const label = citedTimes === 1 ? tr.t('web.entry.backToText', { number }) : tr.t('web.entry.backToCitation', { number, index: i + 1 });
    return markup` <a class="back" href="#${footnoteReferenceAnchor(footnote.number, i + 1)}" aria-label="${label}">↩</a>`;
  });
  return markup`<li id="${footnoteAnchor(footnote.number)}" value="${footnote.number}"><span lang="en">${richText(footnote.text, { markers: { kind: 'plain' }, tr })}</span>${backs}</li>`;
}
