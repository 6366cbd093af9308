import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDialogFlow } from '../../../components/ui/dialog-flow';
import { MessageIcon } from '../../../components/ui/icons';
import { notifySuccess } from '../../../lib/notify';
import { composeAgreedChannel } from '../api/messages-api';
import { MessageComposer } from './message-composer';

/** "Tell the client how we'll talk" (seed 000): the agreed channel and service hours, through the composer. */
export function AgreedChannelAction({ client }: { client: { id: string; name: string } }) {
  const { t } = useTranslation();
  const { open, attempt, show, close, render } = useDialogFlow<true>();
  return (
    <>
      <Button variant="light" leftSection={<MessageIcon size={18} />} onClick={() => show(true)}>
        {t('messages.agreedChannel.action')}
      </Button>
      {render(
        t('messages.agreedChannel.title'),
        open && (
          <MessageComposer
            request={{ kind: 'agreed_channel', clientId: client.id }}
            source={{ key: ['agreed-channel', client.id, attempt], load: () => composeAgreedChannel(client.id) }}
            clientName={client.name}
            onDone={() => {
              close();
              notifySuccess(t('messages.agreedChannel.sent'));
            }}
            onCancel={close}
          />
        ),
      )}
    </>
  );
}
