import type { SideBySideRow } from '@/lib/runbooks/diff';
import { cn } from '@/lib/utils';

const TONE = {
  added: 'bg-healthy/15',
  removed: 'bg-critical/15',
  same: '',
  empty: 'bg-muted/50',
} as const;

/** A `diff -u` patch, one coloured line each. */
export function UnifiedDiff({ patch }: { patch: string }) {
  const lines = patch.split('\n');
  return (
    <pre
      className="overflow-x-auto rounded-md border bg-card p-3 font-mono text-xs leading-5"
      data-testid="diff-unified"
    >
      {lines.map((line, i) => {
        const tone =
          line.startsWith('+++') || line.startsWith('---')
            ? 'font-semibold'
            : line.startsWith('@@')
              ? 'text-primary'
              : line.startsWith('+')
                ? TONE.added
                : line.startsWith('-')
                  ? TONE.removed
                  : '';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of one immutable patch
          <div key={i} className={cn('whitespace-pre-wrap', tone)}>
            {line || ' '}
          </div>
        );
      })}
    </pre>
  );
}

/** Old and new side by side, replaced lines paired. */
export function SideBySideDiff({ rows }: { rows: SideBySideRow[] }) {
  return (
    <div className="overflow-x-auto rounded-md border bg-card" data-testid="diff-split">
      <table className="w-full table-fixed font-mono text-xs leading-5">
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of one immutable diff
            <tr key={i}>
              {[r.left, r.right].map((c, side) => (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: two fixed columns
                  key={side}
                  className={cn(
                    'w-1/2 px-2 align-top whitespace-pre-wrap break-words',
                    TONE[c.kind],
                    side === 0 && 'border-r',
                  )}
                  data-kind={c.kind}
                >
                  <span className="mr-2 inline-block w-6 text-right text-muted-foreground select-none">
                    {c.line ?? ''}
                  </span>
                  {c.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
