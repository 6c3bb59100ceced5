// Strict UTF-8 decoding for everything that enters from outside (order files, stdin, HTTP bodies, batch
// rows): a byte that is not UTF-8 (overlong forms, lone surrogates written as CESU-8, stray bytes) refuses
// the input instead of printing "���"; a byte order mark is allowed only at the very start.
// Messages give a line number only, never the text around it.

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const BOM = "\uFEFF";

export function decodeUtf8(bytes: Uint8Array): Decoded {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    return {
      ok: false,
      message: `holds bytes that are not UTF-8 text at line ${lineAt(lenient, lenient.indexOf("\uFFFD"))}; save it as UTF-8`,
    };
  }
  if (text.startsWith(BOM)) text = text.slice(1);
  const bom = text.indexOf(BOM);
  if (bom >= 0) {
    return {
      ok: false,
      message: `holds a byte order mark (U+FEFF) in the middle, at line ${lineAt(text, bom)}; a BOM may only begin a file (two files joined together?)`,
    };
  }
  return { ok: true, text };
}

/** The 1-based line of the character at `index`. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}
