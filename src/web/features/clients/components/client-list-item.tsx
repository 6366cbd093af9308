import { Badge } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../../shared/schemas/clients';
import { UserText } from '../../../components/ui/bidi';
import { ArchivedBadge, PersonalityBadge, StatusBadge } from './client-badges';
import { ContactIconActions } from './contact-actions';
import classes from './client-list-item.module.css';

const VISIBLE_TAGS = 3;

/** One client: a dense row on desktop, a card on a phone (same markup, CSS decides). */
export function ClientListItem({ client }: { client: ClientSummary }) {
  const { t } = useTranslation();
  const hiddenTags = client.tags.length - VISIBLE_TAGS;
  return (
    <div className={classes.item}>
      <div className={classes.main}>
        <Link to="/clients/$clientId" params={{ clientId: client.id }} className={classes.name}>
          <UserText>{client.name}</UserText>
        </Link>
        <div className={classes.badges}>
          <StatusBadge status={client.status} />
          {client.personality && <PersonalityBadge personality={client.personality} />}
          {client.archivedAt && <ArchivedBadge />}
        </div>
      </div>
      <div className={classes.tags}>
        {client.tags.slice(0, VISIBLE_TAGS).map((tag) => (
          <Badge key={tag} variant="default" size="sm" radius="sm" tt="none">
            <UserText>{tag}</UserText>
          </Badge>
        ))}
        {hiddenTags > 0 && (
          <Badge variant="default" size="sm" radius="sm" tt="none">
            {t('clients.moreTags', { count: hiddenTags })}
          </Badge>
        )}
      </div>
      <div className={classes.channel}>
        {client.channel ? t('clients.agreedChannel', { channel: t(`channels.${client.channel}`) }) : null}
      </div>
      <div className={classes.actions}>
        <ContactIconActions
          name={client.name}
          phone={client.phone}
          whatsapp={client.whatsapp}
          email={client.email}
          channel={client.channel}
        />
      </div>
    </div>
  );
}
