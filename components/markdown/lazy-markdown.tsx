'use client';

// Markdown for client components (live previews): the parser (react-markdown, remark, rehype)
// is a chunk of its own, fetched the first time a preview is drawn, so an editor's page does
// not download it up front. Until it arrives the text shows as typed. Server components keep
// using ./markdown, which ships no JavaScript.
import { lazy, Suspense } from 'react';
import { cn } from '@/lib/utils';

const Markdown = lazy(() => import('./markdown').then((m) => ({ default: m.Markdown })));

export function LazyMarkdown({ children, className }: { children: string; className?: string }) {
  return (
    <Suspense fallback={<div className={cn('whitespace-pre-wrap text-sm', className)}>{children}</div>}>
      <Markdown className={className}>{children}</Markdown>
    </Suspense>
  );
}
