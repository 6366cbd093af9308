import { Badge, Drawer, Popover, ScrollArea, Skeleton, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { personalities } from '../../../../shared/schemas/clients';
import { useIsPhone } from '../../../components/ui/dialog-flow';
import { BookIcon } from '../../../components/ui/icons';
import { currentLanguage } from '../../../lib/i18n';
import { usePlaybook, usePlaybooks } from '../api/care-queries';
import { PlaybookView } from './playbook-view';

type Props = {
  /** A built-in personality or an added type's id. */
  type: string;
  size?: 'xs' | 'sm' | 'md';
};

/**
 * The client's type as a badge that opens its playbook in one tap: a popover beside it on a
 * desktop, a sheet from the bottom on a phone. Knowing the type ahead is most of the solution.
 */
export function PlaybookBadge({ type, size = 'sm' }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const list = usePlaybooks(language);
  const playbook = usePlaybook(type, language);
  const isPhone = useIsPhone();
  const [opened, { toggle, close, open }] = useDisclosure(false);
  const titleId = useId();
  const builtIn = personalities.find((p) => p === type);
  const name = playbook?.name ?? (builtIn ? t(`personalities.${builtIn}`) : '');

  const badge = (
    <Badge
      component="button"
      type="button"
      color="grape"
      c="grape.9"
      variant="light"
      size={size}
      radius="sm"
      leftSection={<BookIcon size={12} />}
      style={{ cursor: 'pointer', textTransform: 'none' }}
      aria-expanded={opened}
      onClick={isPhone ? open : toggle}
      data-testid="playbook-badge"
    >
      <bdi>{name}</bdi>
      <span className="visually-hidden"> {t('care.playbook.open')}</span>
    </Badge>
  );

  const body = playbook ? (
    <PlaybookView playbook={playbook} headingLevel={3} />
  ) : list.isError ? (
    <Text size="sm" c="red.9">
      {list.error.message}
    </Text>
  ) : (
    <Skeleton height={120} />
  );

  const title = (
    <Title order={2} size="h5" id={titleId}>
      {t('care.playbook.title', { name })}
    </Title>
  );

  if (isPhone)
    return (
      <>
        {badge}
        <Drawer.Root opened={opened} onClose={close} position="bottom" size="auto">
          <Drawer.Overlay />
          <Drawer.Content aria-labelledby={titleId} style={{ maxBlockSize: '85dvh' }}>
            <Drawer.Header component="div">
              <Drawer.Title component="div">{title}</Drawer.Title>
              <Drawer.CloseButton aria-label={t('actions.close')} />
            </Drawer.Header>
            <Drawer.Body>{body}</Drawer.Body>
          </Drawer.Content>
        </Drawer.Root>
      </>
    );

  return (
    <Popover
      opened={opened}
      onChange={(next) => (next ? open() : close())}
      width={360}
      position="bottom-start"
      withArrow
      shadow="md"
      trapFocus
    >
      <Popover.Target>{badge}</Popover.Target>
      <Popover.Dropdown aria-labelledby={titleId}>
        <ScrollArea.Autosize mah={420} type="auto">
          {title}
          <div style={{ marginBlockStart: 'var(--mantine-spacing-xs)' }}>{body}</div>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
