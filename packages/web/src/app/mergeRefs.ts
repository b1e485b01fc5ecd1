import { useMemo, type Ref } from 'react';

/**
 * One callback ref that sets every ref given — what Mantine's ScrollArea imports from
 * @floating-ui/react, given to it instead by vite.config.ts (scrollAreaRefs): the first screen
 * has a ScrollArea (the navigation, wide tables) but no popover, and that import alone put
 * floating-ui's ~10 kB compressed in the `shell` chunk every page loads.
 */
export function useMergeRefs<T>(refs: ReadonlyArray<Ref<T> | undefined>): ((value: T | null) => void) | null {
  return useMemo(
    () => {
      if (refs.every((ref) => ref == null)) return null;
      return (value: T | null) => {
        for (const ref of refs) {
          if (typeof ref === 'function') ref(value);
          else if (ref) ref.current = value;
        }
      };
    },
    // The refs themselves are the dependencies, as in the function it stands in for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    refs,
  );
}
