import type { Element, ElementContent } from 'hast';
import { Link2 } from 'lucide-react';
import type { ComponentProps, ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { safeHref } from '@/lib/runbooks/links';
import { cn } from '@/lib/utils';
import { CopyButton } from './copy-button';

// User markdown (runbooks, postmortems, incident notes), rendered so stored text can never run script: raw HTML is
// never parsed (no rehype-raw), the tree is sanitised (GitHub's allow-list), and links and
// images keep only http(s) and relative URLs. Headings get ids after sanitising, for anchors.

function textOf(node: Element | ElementContent | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c as ElementContent)).join('');
  return '';
}

function heading(Tag: 'h1' | 'h2' | 'h3' | 'h4') {
  return function Heading({ id, children }: { id?: string; children?: ReactNode }) {
    return (
      <Tag id={id} className="group scroll-mt-20">
        {children}
        {id && (
          <a
            href={`#${id}`}
            aria-label="Link to this section"
            className="ml-2 inline-flex align-middle text-muted-foreground opacity-0 group-hover:opacity-100 focus:opacity-100"
          >
            <Link2 className="size-4" aria-hidden />
          </a>
        )}
      </Tag>
    );
  };
}

const components: Components = {
  h1: heading('h1'),
  h2: heading('h2'),
  h3: heading('h3'),
  h4: heading('h4'),
  a: ({ href, children }) => {
    const safe = safeHref(href);
    if (!safe) return <span>{children}</span>;
    const external = /^https?:/i.test(safe);
    return (
      <a href={safe} {...(external ? { target: '_blank', rel: 'noopener noreferrer nofollow' } : {})}>
        {children}
      </a>
    );
  },
  img: ({ src, alt }) => {
    const safe = typeof src === 'string' ? safeHref(src) : null;
    // biome-ignore lint/performance/noImgElement: user content of unknown size, not an app asset
    return safe ? <img src={safe} alt={alt ?? ''} loading="lazy" referrerPolicy="no-referrer" /> : null;
  },
  pre: ({ node, children }) => (
    <div className="relative">
      <pre>{children}</pre>
      <CopyButton text={textOf(node).replace(/\n$/, '')} className="absolute top-2 right-2" />
    </div>
  ),
  table: ({ children }) => (
    <div className="overflow-x-auto">
      <table>{children}</table>
    </div>
  ),
};

// Typography without a plugin: the few elements runbooks use, readable in light and dark mode.
const prose = [
  'text-sm leading-relaxed break-words [&>*:first-child]:mt-0',
  '[&_h1]:mt-6 [&_h1]:mb-3 [&_h1]:text-xl [&_h1]:font-semibold',
  '[&_h2]:mt-6 [&_h2]:mb-2 [&_h2]:border-b [&_h2]:pb-1 [&_h2]:text-lg [&_h2]:font-semibold',
  '[&_h3]:mt-4 [&_h3]:mb-2 [&_h3]:font-semibold [&_h4]:mt-3 [&_h4]:font-medium',
  '[&_p]:my-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-0.5',
  '[&_a]:text-primary [&_a]:underline [&_a]:underline-offset-2',
  '[&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground',
  '[&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[0.85em]',
  '[&_pre]:my-3 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:border [&_pre]:bg-muted [&_pre]:p-3 [&_pre]:pr-12',
  '[&_pre_code]:bg-transparent [&_pre_code]:p-0',
  '[&_table]:my-3 [&_table]:w-full [&_table]:text-left [&_th]:border-b [&_th]:px-2 [&_th]:py-1 [&_td]:border-b [&_td]:px-2 [&_td]:py-1',
  '[&_hr]:my-4 [&_img]:max-w-full [&_input]:mr-1',
].join(' ');

export function Markdown({
  children,
  className,
}: { children: string; className?: string } & Omit<ComponentProps<'div'>, 'children'>) {
  return (
    <div className={cn(prose, className)}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSanitize, rehypeSlug]}
        urlTransform={(url) => safeHref(url) ?? ''}
        skipHtml
        components={components}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
