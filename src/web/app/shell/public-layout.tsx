import { Box, Container, Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../components/ui/language-switch';
import { changeLanguage } from '../../lib/i18n';
import { Brand } from './brand';

/** Setup and sign-in: a single card, with the language switch already in the header. */
export function PublicLayout({ children, width = 560 }: { children: ReactNode; width?: number }) {
  return (
    <Box mih="100dvh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBlockEnd: '1px solid var(--mantine-color-gray-3)' }}>
        <Group h={60} px="md" justify="space-between" wrap="nowrap">
          <Brand linked={false} />
          <LanguageSwitch onChange={(locale) => void changeLanguage(locale)} />
        </Group>
      </Box>
      <Container size={width} py={{ base: 'md', sm: 'xl' }} px={{ base: 'sm', sm: 'md' }} component="main" id="main">
        <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} shadow="xs">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
