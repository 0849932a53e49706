// Revision diffs (SPEC 1.6): a unified patch and side-by-side rows, both from jsdiff.
import { createTwoFilesPatch, diffLines } from 'diff';

export type LineKind = 'same' | 'added' | 'removed' | 'empty';
export interface DiffCell {
  line: number | null;
  text: string;
  kind: LineKind;
}
export interface SideBySideRow {
  left: DiffCell;
  right: DiffCell;
}

const EMPTY: DiffCell = { line: null, text: '', kind: 'empty' };

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** A unified diff (`diff -u`) between two texts, with three lines of context. */
export function unifiedDiff(oldText: string, newText: string, oldLabel: string, newLabel: string): string {
  const patch = createTwoFilesPatch(oldLabel, newLabel, withNewline(oldText), withNewline(newText), '', '', {
    context: 3,
  });
  // Drop the "Index:" / "====" preamble: the file headers say it.
  return patch
    .split('\n')
    .filter((l) => !l.startsWith('Index:') && !/^=+$/.test(l))
    .join('\n')
    .trimEnd();
}

/** Rows for a two-column diff: removed lines pair with the added lines that replace them. */
export function sideBySide(oldText: string, newText: string): SideBySideRow[] {
  const rows: SideBySideRow[] = [];
  let left = 1;
  let right = 1;
  const parts = diffLines(withNewline(oldText), withNewline(newText));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const lines = splitLines(part.value);
    if (!part.added && !part.removed) {
      for (const text of lines)
        rows.push({
          left: { line: left++, text, kind: 'same' },
          right: { line: right++, text, kind: 'same' },
        });
      continue;
    }
    if (part.removed) {
      const next = parts[i + 1];
      const added = next?.added ? splitLines(next.value) : [];
      if (next?.added) i++;
      const n = Math.max(lines.length, added.length);
      for (let k = 0; k < n; k++) {
        rows.push({
          left: k < lines.length ? { line: left++, text: lines[k], kind: 'removed' } : EMPTY,
          right: k < added.length ? { line: right++, text: added[k], kind: 'added' } : EMPTY,
        });
      }
      continue;
    }
    for (const text of lines) rows.push({ left: EMPTY, right: { line: right++, text, kind: 'added' } });
  }
  return rows;
}

/** Lines added and removed, for the revision list. */
export function diffStats(oldText: string, newText: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of diffLines(withNewline(oldText), withNewline(newText))) {
    const n = splitLines(part.value).length;
    if (part.added) added += n;
    else if (part.removed) removed += n;
  }
  return { added, removed };
}

function withNewline(s: string): string {
  return s.endsWith('\n') || s === '' ? s : `${s}\n`;
}
