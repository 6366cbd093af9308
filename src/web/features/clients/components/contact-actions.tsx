import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone, whatsappLink } from '../../../../shared/phone';
import type { Channel } from '../../../../shared/schemas/common';
import { Ltr } from '../../../components/ui/bidi';
import { MailIcon, PhoneIcon, WhatsAppIcon } from '../../../components/ui/icons';

type Reachable = {
  name: string;
  phone: string | null;
  whatsapp: string | null;
  email: string | null;
  channel: Channel | null;
};

type ActionKind = Extract<Channel, 'phone' | 'whatsapp' | 'email'>;

type Action = { key: ActionKind; href: string; external: boolean; icon: ReactNode; label: string; detail: string };

function useActions(person: Reachable): Action[] {
  const { t } = useTranslation();
  const actions: Action[] = [];
  const whatsappNumber = person.whatsapp ?? person.phone;
  if (person.phone) {
    actions.push({
      key: 'phone',
      href: `tel:${person.phone}`,
      external: false,
      icon: <PhoneIcon size={18} />,
      label: t('contactActions.call', { name: person.name }),
      detail: formatPhone(person.phone),
    });
  }
  if (whatsappNumber) {
    actions.push({
      key: 'whatsapp',
      href: whatsappLink(whatsappNumber),
      external: true,
      icon: <WhatsAppIcon size={18} />,
      label: t('contactActions.whatsapp', { name: person.name }),
      detail: formatPhone(whatsappNumber),
    });
  }
  if (person.email) {
    actions.push({
      key: 'email',
      href: `mailto:${person.email}`,
      external: false,
      icon: <MailIcon size={18} />,
      label: t('contactActions.email', { name: person.name }),
      detail: person.email,
    });
  }
  // The agreed channel comes first: it is the one the client asked to be reached on.
  return actions.sort((a, b) => Number(b.key === person.channel) - Number(a.key === person.channel));
}

/** Compact one-tap icons for list rows. */
export function ContactIconActions(props: Reachable) {
  const actions = useActions(props);
  if (actions.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {actions.map((action) => (
        <Tooltip key={action.key} label={action.label} withinPortal openDelay={400}>
          <ActionIcon
            component="a"
            href={action.href}
            {...(action.external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
            aria-label={action.label}
            variant={action.key === props.channel ? 'filled' : 'light'}
            color="mila"
            size="lg"
            radius="xl"
          >
            {action.icon}
          </ActionIcon>
        </Tooltip>
      ))}
    </Group>
  );
}

/** Labelled buttons for the client page: what it does plus the number or address it uses. */
export function ContactButtonActions(props: Reachable) {
  const actions = useActions(props);
  const { t } = useTranslation();
  if (actions.length === 0) return null;
  return (
    <Group gap="xs">
      {actions.map((action) => (
        <Button
          key={action.key}
          component="a"
          href={action.href}
          {...(action.external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          variant={action.key === props.channel ? 'filled' : 'light'}
          color="mila"
          leftSection={action.icon}
          radius="xl"
        >
          <span>
            {t(`contactActions.short.${action.key}`)} <Ltr>{action.detail}</Ltr>
          </span>
        </Button>
      ))}
    </Group>
  );
}
