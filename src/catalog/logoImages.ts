// The brands' logo images, read once when the catalog loads (regular files only, at most 2 MB) and handed
// to react-pdf as bytes, so that no render ever reads a file: a logo on a stalled share or a FIFO cannot
// hang a render, and a worker thread is never blocked in a read it cannot be stopped from.
import { FileReadProblem, LogoNotLoadedError } from "../core/errors.ts";
import { readLimitedFile } from "../input/readLimitedFile.ts";

export const LOGO_LIMIT_BYTES = 2 * 1024 * 1024;

/** As react-pdf's Image takes bytes: one object per logo, so react-pdf caches the decoded image and each
 * document embeds it once (a Buffer on its own would be embedded again on every page). */
export interface LogoImage {
  data: Buffer;
  format: "png" | "jpg";
}

const logos = new Map<string, LogoImage>();

/** Reads the logo at `path` (once per process); a problem comes back as text for the brand's report. */
export function loadLogo(path: string): string | undefined {
  if (logos.has(path)) return undefined;
  let bytes: Buffer;
  try {
    bytes = readLimitedFile(path, LOGO_LIMIT_BYTES);
  } catch (error) {
    if (error instanceof FileReadProblem) return error.reason;
    throw error;
  }
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if (!png && !jpeg) return "it is not a PNG or JPEG image";
  logos.set(path, { data: bytes, format: png ? "png" : "jpg" });
  return undefined;
}

/** The bytes of a logo loaded with the catalog . */
export function logoImage(path: string): LogoImage {
  const logo = logos.get(path);
  if (!logo) throw new LogoNotLoadedError(path);
  return logo;
}
