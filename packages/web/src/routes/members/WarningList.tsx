import { List, Text } from '@mantine/core';
import type { Warning } from './membersApi';

/** The server's warnings (already in the user's language); each keeps its code for tests and support. */
export function WarningList({ warnings }: { warnings: readonly Warning[] }) {
  if (warnings.length === 0) return null;
  return (
    <List size="sm" mt={4} spacing={2}>
      {warnings.map((w) => (
        <List.Item key={w.code} data-code={w.code}>
          <Text size="sm" span>
            {w.message}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
