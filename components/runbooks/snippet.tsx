import { snippetParts } from '@/lib/runbooks/search';

/** A search snippet with its matches marked: plain text pieces, never HTML. */
export function Snippet({ text }: { text: string }) {
  if (!text) return null;
  return (
    <p className="line-clamp-2 text-sm text-muted-foreground" data-testid="snippet">
      {snippetParts(text).map((p, i) =>
        p.mark ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one immutable string
          <mark key={i} className="rounded-sm bg-warning/30 px-0.5 text-foreground">
            {p.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one immutable string
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}
