import { THEME } from "./theme.js";

/**
 * @internal The report's style sheet: system fonts only (no web fonts, no requests), charts
 * scaled to the page width, and A4 print rules (page breaks before each measure, tables that do
 * not split a row).
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: ${THEME.text}; font-family: ${THEME.font}; font-size: 15px; line-height: 1.5; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.7em; line-height: 1.2; margin: 0 0 .3em; }
h2 { font-size: 1.3em; margin: 1.6em 0 .5em; padding-bottom: .2em; border-bottom: 2px solid #e6e6e6; }
h3 { font-size: 1.08em; margin: 1.3em 0 .4em; }
p { margin: .4em 0; }
.muted { color: ${THEME.muted}; }
.illustrative { display: inline-block; padding: .2em .6em; border: 1px solid ${THEME.target}; background: #fdf0d2; border-radius: 4px; font-size: .9em; }
.aim-statement { font-size: 1.12em; padding: .7em 1em; border-left: 4px solid ${THEME.improvement}; background: #f2f7fb; }
ul.checks { list-style: none; padding: 0; margin: .5em 0; }
ul.checks li { margin: .15em 0; }
.ok::before { content: "✓ "; color: #007a5a; font-weight: 700; }
.not-ok::before { content: "✗ "; color: ${THEME.deterioration}; font-weight: 700; }
.unknown::before { content: "– "; color: ${THEME.muted}; font-weight: 700; }
figure { margin: .8em 0; }
figure svg { display: block; max-width: 100%; height: auto; }
.verdict { padding: .5em .8em; border-radius: 4px; background: #f4f4f4; border-left: 4px solid ${THEME.muted}; }
.verdict.improvement { background: #e3eff8; border-left-color: ${THEME.improvement}; }
.verdict.deterioration { background: #fbe9de; border-left-color: ${THEME.deterioration}; }
.verdict.signal { background: #f7e8f1; border-left-color: ${THEME.neutral}; }
dl.definition { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: .5em 0; font-size: .93em; }
dl.definition dt { color: ${THEME.muted}; }
dl.definition dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: .9em; margin: .5em 0 1em; }
th, td { border: 1px solid #d9d9d9; padding: .35em .5em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.dates { white-space: nowrap; }
td ul { margin: 0; padding-left: 1.1em; }
.badge { display: inline-block; padding: 0 .55em; border-radius: 999px; border: 1px solid #8c8c8c; font-size: .85em; background: #f2f2f2; }
.badge.testing { border-color: #E69F00; background: #fdf0d2; }
.badge.adopted { border-color: #009E73; background: #d6efe6; }
.badge.adapted { border-color: #0072B2; background: #dcebf7; }
.badge.abandoned { border-color: #D55E00; background: #f9e0d0; }
.issues li.error { color: #a33c00; }
footer { margin-top: 3em; font-size: .85em; color: ${THEME.muted}; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  section.measure { break-before: page; }
  section.pdsa { break-before: page; }
  figure, tr, .verdict, dl.definition { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
}
`;
