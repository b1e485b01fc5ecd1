import { lazy, type ComponentType } from 'react';
import type { ScreenLoader } from '../pages';

/**
 * React.lazy, except that a screen whose chunk has already arrived (boot.ts warms the first
 * screen while the app downloads) renders at once: React.lazy would still show its Suspense
 * fallback for a moment, and React holds a revealed fallback for ~300 ms.
 */
export function lazyScreen(load: ScreenLoader): ComponentType {
  const Lazy = lazy(load);
  return function Screen() {
    const Loaded = load.loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  };
}
