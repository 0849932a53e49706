/** The portal's mark (public/logo.svg), the same file printed reports use. Decorative beside the name. */
export function BrandLogo({ className }: { className?: string }) {
  // biome-ignore lint/performance/noImgElement: a 1 kB static SVG needs no image optimisation
  return <img src="/logo.svg" alt="" aria-hidden width={20} height={20} className={className} />;
}
