import { ActionIcon, Button, Collapse, Group, Menu, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../../shared/schemas/commitments';
import { isolate } from '../../../../shared/text';
import { UserText } from '../../../components/ui/bidi';
import {
  AlertIcon,
  CheckIcon,
  DotsIcon,
  HistoryIcon,
  MessageIcon,
  PhoneIcon,
  SendIcon,
  XIcon,
} from '../../../components/ui/icons';
import { When } from '../../../components/ui/when';
import { notifyError, notifySuccess, notifyWithAction } from '../../../lib/notify';
import { useWhen } from '../../../lib/use-when';
import { useCancelCommitment, useCompleteCommitment, useUndoCommitment } from '../api/commitment-queries';
import { CommitmentHistory } from './commitment-history';
import { CommitmentStatusBadge } from './commitment-status';
import classes from './commitment-item.module.css';

export type CommitmentActions = {
  /** "I haven't forgotten": a new time and a message (mine), or a new date (theirs). */
  onRenegotiate: (commitment: Commitment) => void;
  /** Remind the client of what they promised. */
  onRemind: (commitment: Commitment) => void;
  onLogContact: (commitment: Commitment) => void;
};

type Props = CommitmentActions & {
  commitment: Commitment;
  timeZone: string;
  now: Date;
  /** Off on the client's own page, where the name would repeat on every row. */
  showClient?: boolean;
};

/** One promise with its one-tap actions: done, "I haven't forgotten", remind, log a contact. */
export function CommitmentItem({
  commitment,
  timeZone,
  now,
  showClient = true,
  onRenegotiate,
  onRemind,
  onLogContact,
}: Props) {
  const { t } = useTranslation();
  const { due } = useWhen(timeZone);
  const complete = useCompleteCommitment();
  const reopen = useUndoCommitment();
  const cancel = useCancelCommitment();
  const [historyOpen, history] = useDisclosure(false);
  const historyId = useId();
  const when = due(commitment, now);
  const mine = commitment.direction === 'mine';
  const title = isolate(commitment.title);

  const undo = () => reopen(commitment.id).then(() => notifySuccess(t('commitments.notify.reopened')), notifyError);

  const undoable = (message: string) =>
    notifyWithAction(
      message,
      { label: t('actions.undo'), onClick: undo },
      { id: `commitment-${commitment.id}-${Date.now()}` },
    );

  const markDone = () =>
    complete.mutate(commitment.id, {
      onSuccess: (saved) =>
        undoable(
          saved.status === 'kept_late'
            ? t('commitments.notify.keptLate', { title })
            : t('commitments.notify.kept', { title }),
        ),
      onError: notifyError,
    });

  const markCancelled = () =>
    cancel.mutate(commitment.id, {
      onSuccess: () => undoable(t('commitments.notify.cancelled', { title })),
      onError: notifyError,
    });

  return (
    <div className={when.late ? `${classes.item} ${classes.late}` : classes.item}>
      <div className={classes.main}>
        <Text className={classes.title} size="sm">
          <UserText>{commitment.title}</UserText>
        </Text>
        <div className={classes.meta}>
          {showClient && (
            <Link to="/clients/$clientId" params={{ clientId: commitment.clientId }} className={classes.client}>
              <UserText>{commitment.clientName}</UserText>
            </Link>
          )}
          {when.late ? (
            <Group gap={4} wrap="nowrap" c="red.9">
              <AlertIcon size={16} />
              <When text={when.text} exact={when.exact} iso={commitment.dueAt} fw={700} />
            </Group>
          ) : (
            <Group gap={4} wrap="nowrap" c="dimmed">
              <Text span size="sm" c="dimmed">
                {t('commitments.due')}
              </Text>
              <When text={when.text} exact={when.exact} iso={commitment.dueAt} fw={500} c="var(--mantine-color-text)" />
            </Group>
          )}
          {commitment.status === 'renegotiated' && <CommitmentStatusBadge commitment={commitment} size="xs" />}
          {commitment.changes.length > 0 && (
            <Button
              variant="subtle"
              size="compact-xs"
              leftSection={<HistoryIcon size={14} />}
              onClick={history.toggle}
              aria-expanded={historyOpen}
              aria-controls={historyId}
            >
              {t('commitments.history.toggle', { count: commitment.changes.length })}
            </Button>
          )}
        </div>
        <Collapse expanded={historyOpen} id={historyId}>
          <div style={{ paddingBlockStart: 8 }}>
            <CommitmentHistory commitment={commitment} timeZone={timeZone} />
          </div>
        </Collapse>
      </div>
      <div className={classes.actions}>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<CheckIcon size={16} />}
          onClick={markDone}
          loading={complete.isPending}
        >
          {t('commitments.actions.done')}
        </Button>
        {mine ? (
          <>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<SendIcon size={16} />}
              onClick={() => onRenegotiate(commitment)}
            >
              {t('commitments.actions.notForgotten')}
            </Button>
            <Tooltip label={t('commitments.actions.logContact')} withinPortal openDelay={300}>
              <ActionIcon
                variant="default"
                size="md"
                aria-label={t('commitments.actions.logContact')}
                onClick={() => onLogContact(commitment)}
              >
                <PhoneIcon size={16} />
              </ActionIcon>
            </Tooltip>
          </>
        ) : (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<MessageIcon size={16} />}
            onClick={() => onRemind(commitment)}
          >
            {t('commitments.actions.remind')}
          </Button>
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" size="md" aria-label={t('commitments.actions.more', { title })}>
              <DotsIcon size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {!mine && (
              <Menu.Item leftSection={<HistoryIcon size={16} />} onClick={() => onRenegotiate(commitment)}>
                {t('commitments.actions.changeDate')}
              </Menu.Item>
            )}
            {!mine && (
              <Menu.Item leftSection={<PhoneIcon size={16} />} onClick={() => onLogContact(commitment)}>
                {t('commitments.actions.logContact')}
              </Menu.Item>
            )}
            <Menu.Item leftSection={<XIcon size={16} />} onClick={markCancelled}>
              {t('commitments.actions.cancel')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </div>
    </div>
  );
}
