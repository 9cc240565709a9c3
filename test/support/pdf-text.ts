import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
} from 'pdf-lib';

/**
 * The text of each page of a PDF, for specs that check what a printed letter says. Chromium
 * writes text as glyph ids of subset fonts; each font's ToUnicode map turns them back into
 * characters. Text objects (BT … ET) are joined by newlines; Chromium draws a line as one
 * object per font run (Chinese and digits apart), in reading order. Enough for Chromium's
 * output (Type0/Identity-H and Type3 fonts, Tj/TJ), not a general PDF text extractor.
 */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((page) => {
    const resources = page.node.Resources();
    const fonts = new Map<string, FontMap>();
    const fontDict = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [name, ref] of fontDict?.entries() ?? []) {
      const font = doc.context.lookup(ref as PDFRef, PDFDict);
      fonts.set(name.asString().replace(/^\//, ''), fontMap(font));
    }
    return pageContent(doc, page.node.Contents())
      .map((content) => textOf(content, fonts))
      .join('\n');
  });
}

/** All pages' text with every space and line break removed: what a `toContain` reads best. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  return (await pdfPageTexts(pdf)).join('\n').replace(/\s+/g, '');
}

interface FontMap {
  readonly bytes: 1 | 2;
  readonly chars: Map<number, string>;
}

function decoded(stream: unknown): string {
  if (!(stream instanceof PDFRawStream)) return '';
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

function pageContent(doc: PDFDocument, contents: unknown): string[] {
  if (contents instanceof PDFArray) {
    return contents.asArray().map((ref) => decoded(doc.context.lookup(ref)));
  }
  return [decoded(contents)];
}

const hex = (text: string) => parseInt(text, 16);
function utf16(hexText: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hexText.length; i += 4) units.push(hex(hexText.slice(i, i + 4)));
  return String.fromCharCode(...units);
}

function fontMap(font: PDFDict): FontMap {
  const chars = new Map<number, string>();
  const cmap = decoded(font.lookup(PDFName.of('ToUnicode')));
  for (const block of cmap.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
    for (const [, src, dst] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      chars.set(hex(src), utf16(dst));
    }
  }
  for (const block of cmap.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
    const ranges = block.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g,
    );
    for (const [, lo, hi, dst] of ranges) {
      const targets = dst.startsWith('[') ? [...dst.matchAll(/<([0-9A-Fa-f]+)>/g)] : null;
      for (let code = hex(lo); code <= hex(hi); code += 1) {
        const k = code - hex(lo);
        if (targets) {
          if (targets[k]) chars.set(code, utf16(targets[k][1]));
        } else {
          const first = utf16(dst.slice(1, -1));
          chars.set(
            code,
            first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + k),
          );
        }
      }
    }
  }
  // Type0 (Identity-H) fonts map two-byte codes (<0000> <FFFF>), Type3 ones single bytes.
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap)?.[1] ?? '00';
  return { bytes: space.length >= 4 ? 2 : 1, chars };
}

/** The shown strings of a content stream, decoded with the font set by the last Tf. */
function textOf(content: string, fonts: Map<string, FontMap>): string {
  const out: string[] = [];
  let font: FontMap | undefined;
  const token = /\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>|\((?:\\.|[^\\)])*\)|\bET\b/g;
  for (const match of content.matchAll(token)) {
    if (match[1] !== undefined) {
      font = fonts.get(match[1]);
    } else if (match[0] === 'ET') {
      out.push('\n');
    } else if (font) {
      const bytes =
        match[2] !== undefined
          ? Buffer.from(match[2].replace(/\s/g, ''), 'hex')
          : literalBytes(match[0].slice(1, -1));
      for (let i = 0; i + font.bytes <= bytes.length; i += font.bytes) {
        const code = font.bytes === 2 ? bytes.readUInt16BE(i) : bytes[i];
        out.push(font.chars.get(code) ?? '');
      }
    }
  }
  return out.join('');
}

function literalBytes(text: string): Buffer {
  return Buffer.from(PDFString.of(text).asBytes());
}
