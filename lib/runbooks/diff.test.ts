import { describe, expect, it } from 'vitest';
import { diffStats, sideBySide, unifiedDiff } from './diff';

const v1 = 'line a\nline b\nline c\nline d\n';
const v2 = 'line a\nline B\nline c\nline d\nline e\n';

describe('unifiedDiff', () => {
  it('writes a diff -u patch with file headers and hunks', () => {
    expect(unifiedDiff(v1, v2, 'version 1', 'version 2')).toBe(
      [
        '--- version 1',
        '+++ version 2',
        '@@ -1,4 +1,5 @@',
        ' line a',
        '-line b',
        '+line B',
        ' line c',
        ' line d',
        '+line e',
      ].join('\n'),
    );
  });

  it('treats a missing final newline as the same text', () => {
    expect(unifiedDiff('x\ny', 'x\ny\n', 'a', 'b')).toBe('--- a\n+++ b');
  });
});

describe('sideBySide', () => {
  it('pairs a replaced line and numbers both sides', () => {
    expect(sideBySide(v1, v2)).toEqual([
      { left: { line: 1, text: 'line a', kind: 'same' }, right: { line: 1, text: 'line a', kind: 'same' } },
      {
        left: { line: 2, text: 'line b', kind: 'removed' },
        right: { line: 2, text: 'line B', kind: 'added' },
      },
      { left: { line: 3, text: 'line c', kind: 'same' }, right: { line: 3, text: 'line c', kind: 'same' } },
      { left: { line: 4, text: 'line d', kind: 'same' }, right: { line: 4, text: 'line d', kind: 'same' } },
      { left: { line: null, text: '', kind: 'empty' }, right: { line: 5, text: 'line e', kind: 'added' } },
    ]);
  });

  it('leaves the right side empty for a removal longer than its replacement', () => {
    const rows = sideBySide('a\nb\nc\n', 'a\nx\n');
    expect(rows.map((r) => [r.left.kind, r.right.kind])).toEqual([
      ['same', 'same'],
      ['removed', 'added'],
      ['removed', 'empty'],
    ]);
  });

  it('counts added and removed lines', () => {
    expect(diffStats(v1, v2)).toEqual({ added: 2, removed: 1 });
    expect(diffStats(v1, v1)).toEqual({ added: 0, removed: 0 });
  });
});
