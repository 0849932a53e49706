import Link from 'next/link';
import type * as React from 'react';
import { type FilterSelect, UrlFilters } from '@/components/data/url-filters';
import { TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { cn } from '@/lib/utils';
import { currentSort, type SortDir, SortHeader, type SortState } from './sort-header';

export interface Column<T> {
  /** Unique per table; also the ?sort= value when `sortable`. */
  key: string;
  header: string;
  cell: (row: T) => React.ReactNode;
  sortable?: boolean;
  /** Direction of the first click: 'desc' where worst, largest or newest first is natural. */
  firstDir?: SortDir;
  align?: 'left' | 'right';
  className?: string;
  /**
   * On phones (≤ 640 px) each row becomes a card: the 'title' column heads it, 'field' columns
   * show as "Label  value" lines (the default), 'hidden' ones are left out.
   */
  card?: 'title' | 'field' | 'hidden';
}

export interface Pager {
  page: number;
  pageSize: number;
  total: number;
}

/**
 * The portal's list table. Sorting, filters and the page live in the URL (shareable, survive
 * reload); the server page reads them, queries, and passes the rows. Empty lists show `empty`.
 * On phones the rows turn into cards so nothing scrolls sideways.
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  params,
  defaultSort,
  filters,
  searchPlaceholder,
  empty,
  pager,
  count,
  rowTestId,
  testId,
  caption,
}: {
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** The page's search params (single strings). */
  params: Record<string, string | undefined>;
  /** The order the rows come in when the URL names none (shown by aria-sort). */
  defaultSort?: SortState;
  /** Select filters beside the search box; `false` shows no filter bar. */
  filters?: FilterSelect[] | false;
  searchPlaceholder?: string;
  empty: React.ReactNode;
  pager?: Pager;
  /** "12 services" under the table. */
  count?: string;
  rowTestId?: string;
  testId?: string;
  caption?: string;
}) {
  const sort = defaultSort
    ? currentSort(params, defaultSort)
    : params.sort
      ? currentSort(params, { key: params.sort, dir: 'asc' })
      : undefined;
  return (
    <>
      {filters !== false && filters !== undefined && (
        <UrlFilters selects={filters} placeholder={searchPlaceholder} />
      )}
      {rows.length === 0 ? (
        empty
      ) : (
        <div
          className="w-full rounded-lg border bg-card max-sm:border-0 max-sm:bg-transparent sm:overflow-x-auto"
          data-testid={testId}
        >
          <table className="w-full caption-bottom text-sm max-sm:block">
            {caption && <caption className="sr-only">{caption}</caption>}
            <THead>
              <tr className="max-sm:mb-2 max-sm:flex max-sm:flex-wrap max-sm:gap-x-3 max-sm:gap-y-1 max-sm:rounded-lg max-sm:border max-sm:bg-card max-sm:px-1">
                {columns.map((c) => {
                  const cls = cn(c.align === 'right' && 'text-right', 'max-sm:h-8 max-sm:px-2', c.className);
                  return c.sortable ? (
                    <SortHeader
                      key={c.key}
                      label={c.header}
                      sortKey={c.key}
                      params={params}
                      firstDir={c.firstDir}
                      current={sort}
                      className={cls}
                    />
                  ) : (
                    <Th key={c.key} className={cn(cls, 'max-sm:hidden')}>
                      {c.header}
                    </Th>
                  );
                })}
              </tr>
            </THead>
            <TBody>
              {rows.map((row) => (
                <Tr
                  key={rowKey(row)}
                  data-testid={rowTestId}
                  className="max-sm:mb-2 max-sm:block max-sm:rounded-lg max-sm:border max-sm:bg-card max-sm:p-3"
                >
                  {columns.map((c) => (
                    <Td
                      key={c.key}
                      data-label={c.card === 'title' ? undefined : c.header}
                      className={cn(
                        c.align === 'right' && 'text-right',
                        c.className,
                        'max-sm:px-0 max-sm:py-1',
                        c.card === 'hidden'
                          ? 'max-sm:hidden'
                          : c.card === 'title'
                            ? 'max-sm:block max-sm:text-base'
                            : 'max-sm:flex max-sm:items-baseline max-sm:justify-between max-sm:gap-3 max-sm:text-right max-sm:before:shrink-0 max-sm:before:text-left max-sm:before:text-xs max-sm:before:text-muted-foreground max-sm:before:content-[attr(data-label)]',
                      )}
                    >
                      {c.cell(row)}
                    </Td>
                  ))}
                </Tr>
              ))}
            </TBody>
          </table>
        </div>
      )}
      <TableFooter count={count} pager={pager} params={params} />
    </>
  );
}

function TableFooter({
  count,
  pager,
  params,
}: {
  count?: string;
  pager?: Pager;
  params: Record<string, string | undefined>;
}) {
  const pages = pager ? Math.ceil(pager.total / pager.pageSize) : 0;
  if (!count && pages <= 1) return null;
  const href = (p: number) => {
    const next = new URLSearchParams(
      Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])),
    );
    if (p > 1) next.set('page', String(p));
    else next.delete('page');
    return `?${next.toString()}`;
  };
  return (
    <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-xs text-muted-foreground">
      <span>{count}</span>
      {pager && pages > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-3">
          {pager.page > 1 && (
            <Link href={href(pager.page - 1)} prefetch={false} className="hover:text-foreground">
              ← Previous
            </Link>
          )}
          <span>
            Page {pager.page} of {pages}
          </span>
          {pager.page < pages && (
            <Link href={href(pager.page + 1)} prefetch={false} className="hover:text-foreground">
              Next →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
