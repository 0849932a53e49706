// Upload and download of runbook folders: several .md files or one .zip of them.
import { strToU8, unzipSync, zipSync } from 'fflate';

export const MAX_FILES = 500;
export const MAX_TOTAL_BYTES = 20 * 1024 * 1024;

export interface UploadedText {
  name: string;
  text: string | null;
  /** Why the file could not be read (text is null then). */
  error?: string;
}

const isMarkdown = (name: string) => /\.(md|markdown)$/i.test(name);
const decoder = () => new TextDecoder('utf-8', { fatal: true });

function decode(name: string, bytes: Uint8Array): UploadedText {
  try {
    return { name, text: decoder().decode(bytes) };
  } catch {
    return { name, text: null, error: 'not valid UTF-8 text' };
  }
}

/**
 * The markdown files in an upload: a zip is opened (folders flattened, other files skipped,
 * its declared sizes checked before anything is inflated so a zip bomb is refused).
 */
export function markdownFilesOf(uploads: { name: string; bytes: Uint8Array }[]): UploadedText[] {
  const out: UploadedText[] = [];
  let total = 0;
  for (const u of uploads) {
    if (/\.zip$/i.test(u.name)) {
      let entries: Record<string, Uint8Array>;
      try {
        entries = unzipSync(u.bytes, {
          filter: (f) => {
            if (!isMarkdown(f.name) || f.name.includes('__MACOSX/')) return false;
            total += f.originalSize;
            if (total > MAX_TOTAL_BYTES) throw new Error('too large');
            return true;
          },
        });
      } catch (err) {
        const tooLarge = err instanceof Error && err.message === 'too large';
        out.push({
          name: u.name,
          text: null,
          error: tooLarge ? 'unpacks to more than 20 MB' : 'not a readable zip file',
        });
        continue;
      }
      for (const [name, bytes] of Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)))
        out.push(decode(`${u.name}/${name}`, bytes));
    } else if (isMarkdown(u.name)) {
      total += u.bytes.length;
      out.push(
        total > MAX_TOTAL_BYTES
          ? { name: u.name, text: null, error: 'upload larger than 20 MB' }
          : decode(u.name, u.bytes),
      );
    } else {
      out.push({ name: u.name, text: null, error: 'only .md, .markdown and .zip files are read' });
    }
    if (out.length > MAX_FILES) return [{ name: u.name, text: null, error: `more than ${MAX_FILES} files` }];
  }
  return out;
}

/** A zip of `slug.md` files. */
export function zipMarkdown(files: { name: string; text: string }[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.name] = strToU8(f.text);
  return zipSync(entries, { level: 6 });
}
