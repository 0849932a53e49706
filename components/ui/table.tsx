import type * as React from 'react';
import { cn } from '@/lib/utils';

export function Table({ className, ...props }: React.ComponentProps<'table'>) {
  return (
    <div className="w-full overflow-x-auto rounded-lg border bg-card">
      <table className={cn('w-full caption-bottom text-sm', className)} {...props} />
    </div>
  );
}

export function THead(props: React.ComponentProps<'thead'>) {
  return (
    <thead
      className="bg-muted/60 text-left text-xs uppercase tracking-wide text-muted-foreground"
      {...props}
    />
  );
}

export function TBody(props: React.ComponentProps<'tbody'>) {
  return <tbody className="divide-y" {...props} />;
}

export function Th({ className, ...props }: React.ComponentProps<'th'>) {
  return <th className={cn('h-10 px-3 font-medium whitespace-nowrap', className)} {...props} />;
}

export function Td({ className, ...props }: React.ComponentProps<'td'>) {
  return <td className={cn('px-3 py-2.5 align-middle', className)} {...props} />;
}

export function Tr({ className, ...props }: React.ComponentProps<'tr'>) {
  return <tr className={cn('hover:bg-muted/40 transition-colors', className)} {...props} />;
}
