/**
 * Bytes → text: BOM-aware UTF-8 / UTF-16, a chardet guess for invalid UTF-8, and a refusal of binary files.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded =
  | { ok: true; text: string; encoding: string; guessed: boolean }
  | { ok: false; reason: string };

/** How much of a file is sniffed for binary content and encoding guesses. */
const SNIFF_BYTES = 8192;

const MAGIC_NUMBERS: Array<{ name: string; bytes: number[] }> = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'ZIP archive (or docx/xlsx/epub)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'bzip2 archive', bytes: [0x42, 0x5a, 0x68] },
  { name: '7z archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'OLE document (doc/xls)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'WebP/RIFF media', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65] },
];

export type Bom = 'utf8' | 'utf16le' | 'utf16be' | undefined;

export function detectBom(buf: Uint8Array): Bom {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf8';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf16be';
  return undefined;
}

/** Names the binary format of a buffer, or undefined when it looks like text. UTF-16 with a BOM is text. */
export function binaryKind(buf: Uint8Array): string | undefined {
  for (const magic of MAGIC_NUMBERS) {
    if (buf.length >= magic.bytes.length && magic.bytes.every((b, i) => buf[i] === b)) return magic.name;
  }
  const bom = detectBom(buf);
  if (bom === 'utf16le' || bom === 'utf16be') return undefined;
  const end = Math.min(buf.length, SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (buf[i] === 0) return 'binary data (NUL bytes)';
  return undefined;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes a whole file's bytes; never throws. */
export function decodeBytes(buf: Uint8Array): Decoded {
  const binary = binaryKind(buf);
  if (binary) return { ok: false, reason: `binary file (${binary})` };
  const bom = detectBom(buf);
  if (bom === 'utf16le' || bom === 'utf16be') {
    return { ok: true, text: iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), bom), encoding: bom, guessed: false };
  }
  try {
    // TextDecoder drops a UTF-8 BOM by itself.
    return { ok: true, text: utf8Fatal.decode(buf), encoding: 'utf-8', guessed: false };
  } catch {
    if (mostlyUtf8(buf)) {
      // UTF-8 with a few corrupt bytes: dropping them beats turning every accent into mojibake.
      return { ok: true, text: new TextDecoder('utf-8').decode(buf).replace(/\uFFFD/g, ''), encoding: 'utf-8', guessed: true };
    }
    const encoding = guessLegacyEncoding(buf);
    return { ok: true, text: iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), encoding), encoding, guessed: true };
  }
}

/** Counts well-formed multi-byte UTF-8 sequences against stray high bytes. */
export function mostlyUtf8(buf: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  const end = Math.min(buf.length, 1 << 20);
  for (let i = 0; i < end; i++) {
    const b = buf[i]!;
    if (b < 0x80) continue;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= end;
    for (let k = 1; ok && k < len; k++) ok = (buf[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += len - 1;
    } else invalid++;
  }
  return valid > 0 && invalid * 4 <= valid;
}

/** The warning for a decoding guess. */
export function guessWarning(encoding: string): string {
  return encoding === 'utf-8' ? 'invalid UTF-8 bytes found and dropped' : `not valid UTF-8; decoded as ${encoding}`;
}

/** Guesses the 8-bit encoding of text that is not UTF-8; Latin-1 guesses become windows-1252 (its superset in practice). */
export function guessLegacyEncoding(buf: Uint8Array): string {
  const sample = buf.subarray(0, 65536);
  let guess = (chardet.detect(sample) ?? 'windows-1252').toLowerCase();
  if (guess === 'iso-8859-1' || guess === 'ascii' || guess === 'utf-8' || guess.startsWith('utf-') || !iconv.encodingExists(guess)) {
    guess = 'windows-1252';
  }
  return guess;
}
