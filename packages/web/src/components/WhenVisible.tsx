import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders `children` only once this spot comes near the screen; until then an empty box of
 * `height` keeps the layout still. For heavy, decorative parts below the figures (charts:
 * recharts is ~110 kB gzip), so a page is usable before their code has even been asked for.
 */
export function WhenVisible({ height, children }: { height: number; children: ReactNode }) {
  const spot = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = spot.current;
    if (near || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true);
    }, { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return near ? children : <div ref={spot} style={{ height }} />;
}
