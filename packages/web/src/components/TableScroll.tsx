import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on phones. The scrolling box is a labelled, focusable region
 * so keyboard users can scroll it too.
 */
export function TableScroll(props: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer
      type="native"
      minWidth={props.minWidth}
      tabIndex={0}
      role="region"
      aria-label={props.label}
      className="scroll-region"
    >
      {props.children}
    </Table.ScrollContainer>
  );
}
