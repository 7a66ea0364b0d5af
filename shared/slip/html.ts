import type { Slip, SlipLine } from './lines';

/**
 * A slip as one self-contained HTML document for Electron's printing (webContents.print /
 * printToPDF) on an 80 mm receipt printer: 72 mm printable width, page height as long as the
 * content. Nothing external (no fonts, images or stylesheets to fetch, so it prints offline),
 * no script, and a CSP that forbids both, so the window that prints it needs no privileges
 * (Electron security checklist: content from us is still treated as untrusted markup).
 * Every text is escaped: store names and KICC's messages are data, not markup.
 * Korean words break only between words (`word-break: keep-all`); a run longer than the paper
 * (a transaction number) may break anywhere rather than run off it (issue 12 finding 4).
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const STYLE = `
@page { size: 80mm auto; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body {
  width: 72mm; margin: 0 auto; padding: 3mm 0;
  font-family: "D2Coding", "NanumGothicCoding", "Malgun Gothic", "Apple SD Gothic Neo", monospace;
  font-size: 11pt; line-height: 1.35;
  word-break: keep-all; overflow-wrap: anywhere;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
h1 { font-size: 14pt; text-align: center; margin: 0 0 2mm; }
p { margin: 0; overflow-wrap: anywhere; }
.center { text-align: center; }
.field { display: flex; justify-content: space-between; gap: 2mm; }
.field .label { flex: none; }
.field .value { text-align: right; overflow-wrap: anywhere; }
.strong { font-weight: bold; font-size: 13pt; }
.warning { border: 0.6mm solid #000; padding: 1.5mm; margin: 1.5mm 0; text-align: center; font-weight: bold; font-size: 12pt; }
.rule { border: 0; border-top: 0.3mm dashed #000; margin: 1.5mm 0; }
.blank { height: 1em; }
`;

function lineHtml(line: SlipLine): string {
  switch (line.kind) {
    case 'title':
      return `<h1>${escapeHtml(line.text)}</h1>`;
    case 'text':
      return `<p${line.align === 'center' ? ' class="center"' : ''}>${escapeHtml(line.text)}</p>`;
    case 'field':
      return (
        `<div class="field${line.strong ? ' strong' : ''}">` +
        `<span class="label">${escapeHtml(line.label)}</span>` +
        `<span class="value">${escapeHtml(line.value)}</span></div>`
      );
    case 'warning':
      return `<div class="warning" role="alert">${escapeHtml(line.text)}</div>`;
    case 'rule':
      return '<hr class="rule">';
    case 'blank':
      return '<div class="blank"></div>';
  }
}

export function slipHtml(slip: Slip): string {
  return [
    '<!doctype html>',
    `<html lang="${slip.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(slip.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...slip.lines.map(lineHtml),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
