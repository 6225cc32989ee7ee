/**
 * The reading room's one stylesheet: a single readable column with system fonts that carry Chinese,
 * Japanese and Korean text, tables that scroll sideways on a phone, dark mode from the reader's
 * system setting, and a print layout (an entry and its notes on paper for a meeting). Colours meet
 * WCAG 2.2 AA contrast in both schemes. Kept in a module (not a file) so any build carries it.
 */
export const STYLESHEET = `
/* CJK faces only for CJK characters (unicode-range): Latin text and its quotation marks keep the
   Latin face instead of a CJK font's full-width punctuation. */
@font-face { font-family: "Lexicon CJK Serif"; src: local("Noto Serif CJK SC"), local("NotoSerifCJKsc-Regular"), local("Source Han Serif SC"), local("Songti SC"), local("SimSun"); unicode-range: U+2E80-2FDF, U+3000-303F, U+3040-30FF, U+3100-312F, U+3190-31FF, U+3400-4DBF, U+4E00-9FFF, U+AC00-D7AF, U+1100-11FF, U+3130-318F, U+F900-FAFF, U+FF00-FFEF; }
@font-face { font-family: "Lexicon CJK Serif"; font-weight: bold; src: local("Noto Serif CJK SC Bold"), local("NotoSerifCJKsc-Bold"), local("Source Han Serif SC Bold"); unicode-range: U+2E80-2FDF, U+3000-303F, U+3040-30FF, U+3100-312F, U+3190-31FF, U+3400-4DBF, U+4E00-9FFF, U+AC00-D7AF, U+1100-11FF, U+3130-318F, U+F900-FAFF, U+FF00-FFEF; }
@font-face { font-family: "Lexicon CJK Sans"; src: local("Noto Sans CJK SC"), local("NotoSansCJKsc-Regular"), local("Source Han Sans SC"), local("PingFang SC"), local("Microsoft YaHei"); unicode-range: U+2E80-2FDF, U+3000-303F, U+3040-30FF, U+3100-312F, U+3190-31FF, U+3400-4DBF, U+4E00-9FFF, U+AC00-D7AF, U+1100-11FF, U+3130-318F, U+F900-FAFF, U+FF00-FFEF; }
:root {
  color-scheme: light dark;
  --bg: #fdfcf9; --fg: #1d1d1b; --muted: #555450; --rule: #d9d6cf; --link: #174a85; --visited: #5a2f86;
  --mark-bg: #ffe27a; --mark-fg: #1d1d1b; --note-bg: #f4f1ea; --focus: #b3470b; --target: #fff2c4;
  --serif: "Lexicon CJK Serif", "Iowan Old Style", "Charter", "Source Serif 4", "Source Serif Pro", "Noto Serif", Georgia, "DejaVu Serif", "Noto Serif CJK SC", serif;
  --sans: "Lexicon CJK Sans", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "DejaVu Sans", "Noto Sans CJK SC", sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #17181a; --fg: #e8e6e1; --muted: #b2b0aa; --rule: #3a3b3e; --link: #9cc3ff; --visited: #d1b3ff;
    --mark-bg: #7a5d00; --mark-fg: #ffffff; --note-bg: #222326; --focus: #ffb27a; --target: #3b3520;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font-family: var(--serif); font-size: 1.125rem; line-height: 1.65;
  font-kerning: normal; font-variant-numeric: oldstyle-nums proportional-nums;
  overflow-wrap: break-word;
}
:lang(zh), :lang(ja), :lang(ko) { font-variant-numeric: normal; line-height: 1.8; }
:lang(ja) { font-family: "Hiragino Mincho ProN", "Yu Mincho", "Noto Serif CJK JP", "Source Han Serif JP", var(--serif); }
:lang(ko) { font-family: "Noto Serif CJK KR", "Source Han Serif KR", "AppleMyungjo", "Batang", var(--serif); word-break: keep-all; }
td:lang(zh), td:lang(ja), td:lang(ko) { font-size: 1.05rem; }
a { color: var(--link); text-underline-offset: 0.15em; text-decoration-thickness: 0.06em; }
a:visited { color: var(--visited); }
a:focus-visible, button:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: 0.5rem 1rem; }
.skip:focus { left: 0.5rem; z-index: 10; }
.site, main, .foot { max-width: 42rem; margin: 0 auto; padding: 0 1.25rem; }
.site { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.25rem; padding-top: 1rem; padding-bottom: 0.75rem; border-bottom: 1px solid var(--rule); font-family: var(--sans); font-size: 0.95rem; }
.site .name { font-weight: 600; color: var(--fg); text-decoration: none; margin-right: auto; }
.site form { display: flex; gap: 0.4rem; flex: 1 1 14rem; max-width: 22rem; }
.languages ul { display: flex; flex-wrap: wrap; gap: 0.2rem 0.6rem; list-style: none; margin: 0; padding: 0; }
.languages a, .languages span { display: inline-block; min-height: 24px; min-width: 24px; padding: 0.15rem 0.2rem; }
.languages [aria-current] { font-weight: 600; }
input[type=search] { flex: 1; min-width: 0; min-height: 2.5rem; font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: 6px; padding: 0.35rem 0.6rem; }
button { min-height: 2.5rem; min-width: 2.75rem; font: inherit; font-family: var(--sans); font-size: 0.95rem; color: var(--bg); background: var(--link); border: 0; border-radius: 6px; padding: 0.35rem 0.8rem; cursor: pointer; }
.home-search { margin: 1rem 0 1.5rem; font-family: var(--sans); }
.home-search label { display: block; font-weight: 600; margin-bottom: 0.3rem; }
.home-search div { display: flex; gap: 0.4rem; max-width: 30rem; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
.caveat { font-family: var(--sans); font-size: 0.9rem; color: var(--fg); background: var(--note-bg); border-left: 4px solid var(--focus); padding: 0.6rem 0.9rem; margin: 1.25rem 0; }
h1, h2, h3 { font-family: var(--sans); line-height: 1.25; font-weight: 650; letter-spacing: -0.005em; }
h1 { font-size: 2rem; margin: 0.25rem 0 0.5rem; }
h2 { font-size: 1.3rem; margin: 2.25rem 0 0.75rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
.kicker, .byline, .meta { font-family: var(--sans); color: var(--muted); font-size: 0.95rem; margin: 0; }
.byline { color: var(--fg); font-size: 1.05rem; }
p { margin: 0 0 1em; hanging-punctuation: first; }
.para { position: relative; }
.anchor { font-family: var(--sans); font-size: 0.8em; color: var(--muted); text-decoration: none; margin-left: 0.3em; opacity: 0; }
.para:hover .anchor, h2:hover .anchor, .anchor:focus { opacity: 1; }
[id] { scroll-margin-top: 1rem; }
p:target, li:target, sup:target { background: var(--target); box-shadow: 0 0 0 0.25rem var(--target); border-radius: 2px; }
sup.fnref { line-height: 0; font-family: var(--sans); font-size: 0.72em; font-variant-numeric: normal; }
sup.fnref a { text-decoration: none; padding: 0 0.1em; }
mark { background: var(--mark-bg); color: var(--mark-fg); padding: 0 0.1em; border-radius: 2px; }
blockquote { margin: 0.5rem 0 1rem; padding-left: 1rem; border-left: 3px solid var(--rule); }
nav.toc ol, .entries ol, .results { padding-left: 0; list-style: none; }
nav.toc { font-family: var(--sans); font-size: 0.95rem; margin: 1.25rem 0; }
nav.toc li { margin: 0.2rem 0; }
.entries li { display: grid; grid-template-columns: 3.5rem 1fr; gap: 0 0.5rem; margin: 0 0 0.8rem; }
.entries .num { font-family: var(--sans); color: var(--muted); font-variant-numeric: tabular-nums; }
.entries a { font-weight: 600; }
.entries .meta { grid-column: 2; }
.results li { margin: 0 0 1.5rem; }
.glossary dt { font-family: var(--sans); font-weight: 650; margin-top: 1.5rem; }
.glossary dfn { font-style: normal; }
.glossary dd { margin: 0.25rem 0 0; }
.results h2 { font-size: 1.1rem; margin: 0 0 0.2rem; }
.table-wrap { overflow-x: auto; margin: 1.25rem 0; border: 1px solid var(--rule); border-radius: 4px; }
table { border-collapse: collapse; width: 100%; font-family: var(--sans); font-size: 0.9rem; line-height: 1.45; }
caption { text-align: left; font-weight: 600; padding: 0.6rem 0.75rem; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.75rem; border-top: 1px solid var(--rule); }
thead th { background: var(--note-bg); }
td .line { display: block; }
.table-note { font-family: var(--sans); font-size: 0.9rem; color: var(--muted); }
.footnotes { font-size: 0.95rem; line-height: 1.55; border-top: 1px solid var(--rule); margin-top: 2.5rem; }
.footnotes ol { padding-left: 2.5rem; }
.footnotes li { margin: 0 0 0.6rem; padding: 0.1rem 0.25rem; overflow-wrap: anywhere; }
.footnotes li::marker { font-family: var(--sans); color: var(--muted); font-variant-numeric: tabular-nums; }
.back { display: inline-block; min-width: 24px; min-height: 24px; text-align: center; text-decoration: none; font-family: var(--sans); }
.cite { background: var(--note-bg); border-radius: 6px; padding: 0.25rem 1rem 0.75rem; margin-top: 2.5rem; }
.cite h2 { margin-top: 1rem; }
.cite dl { margin: 0; }
.cite dt { font-family: var(--sans); font-weight: 600; margin-top: 0.75rem; display: flex; align-items: center; gap: 0.75rem; }
.cite dd { margin: 0.25rem 0 0; }
.cite button { min-height: 2rem; padding: 0.15rem 0.7rem; font-size: 0.85rem; }
.status { font-family: var(--sans); font-size: 0.9rem; min-height: 1.4em; margin: 0.5rem 0 0; }
.foot { font-family: var(--sans); font-size: 0.85rem; color: var(--muted); border-top: 1px solid var(--rule); margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
@media (max-width: 30rem) {
  body { font-size: 1.0625rem; }
  h1 { font-size: 1.6rem; }
  .site, main, .foot { padding: 0 1rem; }
  .site { padding-top: 0.75rem; padding-bottom: 0.75rem; }
  .site form { max-width: none; }
}
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #333; --link: #000; --visited: #000; --rule: #999; --note-bg: #fff; --target: #fff; }
  @page { margin: 18mm 16mm; }
  body { font-size: 11pt; line-height: 1.45; }
  .site form, .skip, .anchor, .cite button, .status, nav.toc, .back { display: none !important; }
  .site, main, .foot { max-width: none; padding: 0; }
  .caveat { border: 1px solid #000; }
  a { text-decoration: none; }
  a.ext::after { content: ""; }
  h2, h3 { break-after: avoid; }
  table, .table-wrap, blockquote, .footnotes li { break-inside: avoid; }
  .table-wrap { overflow: visible; border: 0; }
  th, td { border: 1px solid #999; }
  .footnotes { font-size: 9.5pt; }
}
`;
