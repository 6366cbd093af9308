import { Alert, Button, CopyButton, Group, Stack, TextInput } from '@mantine/core';
import { AlertIcon, CheckIcon, CopyIcon } from './icons';

/** A secret the server returns once (an API token, a webhook's signing secret): the warning, the value, copy. */
export function ShownOnceSecret({
  value,
  label,
  warning,
  copyLabel,
  copiedLabel,
}: {
  value: string;
  label: string;
  warning: string;
  copyLabel: string;
  copiedLabel: string;
}) {
  return (
    <Stack gap="xs">
      <Alert color="yellow" icon={<AlertIcon />} c="dark.7">
        {warning}
      </Alert>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={label}
          value={value}
          readOnly
          dir="ltr"
          style={{ flex: 1 }}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'filled'}
              leftSection={copied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
              onClick={copy}
            >
              {copied ? copiedLabel : copyLabel}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
