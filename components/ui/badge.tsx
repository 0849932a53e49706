import { cva, type VariantProps } from 'class-variance-authority';
import type * as React from 'react';
import { cn } from '@/lib/utils';

const badgeVariants = cva(
  'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap',
  {
    variants: {
      variant: {
        default: 'bg-muted text-foreground',
        outline: 'bg-transparent',
        primary: 'border-transparent bg-primary/15 text-primary',
        // Light mode darkens the status colour so 12 px text keeps 4.5:1 on its tint (WCAG AA).
        healthy:
          'border-transparent bg-healthy/15 text-[color-mix(in_oklch,var(--healthy)_68%,black)] dark:text-healthy',
        warning:
          'border-transparent bg-warning/20 text-[color-mix(in_oklch,var(--warning)_70%,black)] dark:text-warning',
        critical:
          'border-transparent bg-critical/15 text-[color-mix(in_oklch,var(--critical)_68%,black)] dark:text-critical',
        depleted:
          'border-transparent bg-depleted/15 text-[color-mix(in_oklch,var(--depleted)_72%,black)] dark:text-[color-mix(in_oklch,var(--depleted)_75%,white)]',
      },
    },
    defaultVariants: { variant: 'default' },
  },
);

export function Badge({
  className,
  variant,
  ...props
}: React.ComponentProps<'span'> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ variant }), className)} {...props} />;
}
