import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../shared/schemas/commitments';
import { weekdays } from '../../../shared/schemas/common';
import { isolate } from '../../../shared/text';
import { UserText } from '../../components/ui/bidi';
import { FlowDialog } from '../../components/ui/dialog-flow';
import { useMe } from '../../features/accounts/api/session-api';
import { ClientPicker } from '../../features/clients/components/client-picker';
import { useRenegotiateCommitment } from '../../features/commitments/api/commitment-queries';
import type { ClientFieldProps } from '../../lib/client-field';
import { CommitmentForm } from '../../features/commitments/components/commitment-form';
import { type NewDue, RenegotiateForm } from '../../features/commitments/components/renegotiate-form';
import type { InteractionCreated } from '../../features/interactions/api/interactions-api';
import { LogContactForm } from '../../features/interactions/components/log-contact-form';
import { useKindLabels } from '../../features/messages/components/kind-labels';
import { MessageComposer } from '../../features/messages/components/message-composer';
import { notifySuccess, notifyWithAction } from '../../lib/notify';
import type { WordActionFlow } from './word-actions';

/** The dialogs behind useWordActions(): loaded with the first one opened (see WordActionsProvider). */
export function WordActionDialogs({ open, attempt, show, close, composeMeetingSummary }: WordActionFlow) {
  const { t } = useTranslation();
  const kindLabels = useKindLabels();
  const me = useMe();
  const renegotiateCommitment = useRenegotiateCommitment();
  const timeZone = me.workspace.timeZone;
  const workDays = useMemo(
    () => weekdays.flatMap((day, index) => (me.workspace.serviceHours[day].length > 0 ? [index] : [])),
    [me.workspace.serviceHours],
  );

  const renderClientField = (props: ClientFieldProps) => (
    <ClientPicker
      label={t('interactions.form.client')}
      value={props.value}
      valueLabel={props.valueLabel}
      onChange={props.onChange}
      error={props.error}
      clearLabel={t('interactions.form.clearClient')}
      required
    />
  );

  const onLogged = (created: InteractionCreated) => {
    close();
    const { interaction } = created;
    const message =
      created.commitments.length > 0
        ? t('interactions.form.savedWithPromises', {
            count: created.commitments.length,
            name: isolate(interaction.clientName),
          })
        : t('interactions.form.saved', { name: isolate(interaction.clientName) });
    if (interaction.channel === 'meeting' && (interaction.agreed || interaction.nextSteps)) {
      notifyWithAction(
        message,
        { label: t('interactions.item.sendSummary'), onClick: () => composeMeetingSummary(interaction) },
        { id: `logged-${interaction.id}`, autoClose: 12_000 },
      );
    } else notifySuccess(message);
  };

  const writeMessage = (commitment: Commitment, due: NewDue) =>
    show({
      kind: 'compose',
      request: {
        kind: 'not_forgotten',
        clientId: commitment.clientId,
        commitmentId: commitment.id,
        newDueDate: due.dueDate,
        newDueTime: due.dueTime,
        ...(due.reason.trim() ? { reason: due.reason.trim() } : {}),
      },
      clientName: commitment.clientName,
      send: async (draft) =>
        (
          await renegotiateCommitment.mutateAsync({
            id: commitment.id,
            body: { dueDate: due.dueDate, dueTime: due.dueTime, reason: due.reason.trim() || null, message: draft },
          })
        ).sent,
      onBack: () => show({ kind: 'renegotiate', commitment, initial: due }),
      doneMessage: t('commitments.renegotiate.movedWithMessage'),
    });

  const emailHelp = (
    <Anchor
      renderRoot={(props) => <Link to="/settings" search={{ tab: 'email' }} {...props} />}
      size="xs"
      underline="always"
      onClick={close}
    >
      {t('messages.composer.emailHelpLink')}
    </Anchor>
  );

  let title: ReactNode = null;
  let body: ReactNode = null;
  let size = 'lg';
  if (open?.kind === 'log') {
    title = t('interactions.form.title');
    body = (
      <LogContactForm
        {...open.options}
        timeZone={timeZone}
        workDays={workDays}
        renderClientField={renderClientField}
        onSaved={onLogged}
        onCancel={close}
      />
    );
  } else if (open?.kind === 'promise') {
    title = t('commitments.form.title');
    size = 'md';
    body = (
      <CommitmentForm
        client={open.client}
        direction={open.direction}
        timeZone={timeZone}
        workDays={workDays}
        renderClientField={renderClientField}
        onSaved={close}
        onCancel={close}
      />
    );
  } else if (open?.kind === 'renegotiate') {
    const { commitment } = open;
    title =
      commitment.direction === 'mine' ? t('commitments.renegotiate.title') : t('commitments.renegotiate.titleTheirs');
    size = 'md';
    body = (
      <RenegotiateForm
        commitment={commitment}
        timeZone={timeZone}
        workDays={workDays}
        initial={open.initial}
        onWriteMessage={(due) => writeMessage(commitment, due)}
        onDone={close}
        onCancel={close}
      />
    );
  } else if (open?.kind === 'compose') {
    const compose = open;
    title = (
      <>
        {kindLabels.composerTitle(compose.request.kind)}{' '}
        <Text span c="dimmed" fw={500}>
          <UserText>{compose.clientName}</UserText>
        </Text>
      </>
    );
    body = (
      <MessageComposer
        request={compose.request}
        clientName={compose.clientName}
        {...(compose.send ? { send: compose.send } : {})}
        {...(compose.onBack ? { onBack: compose.onBack, backLabel: t('commitments.renegotiate.backToDate') } : {})}
        onDone={() => {
          close();
          notifySuccess(compose.doneMessage);
        }}
        onCancel={close}
        emailHelp={emailHelp}
      />
    );
  }

  return (
    <FlowDialog opened={open !== null} attempt={attempt} onClose={close} title={title} size={size}>
      {body}
    </FlowDialog>
  );
}
