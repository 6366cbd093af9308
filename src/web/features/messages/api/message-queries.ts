import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../../../shared/schemas/common';
import type {
  ComposeMessageInput,
  MessageKind,
  MessageTemplate,
  SendMessageInput,
} from '../../../../shared/schemas/messages';
import type { ComposeSource } from '../../../lib/composer-slot';
import { queryRoots, refreshWordData } from '../../../lib/query-keys';
import { composeMessage, fetchOutbox, fetchTemplates, resetTemplate, saveTemplate, sendMessage } from './messages-api';

export const messageKeys = {
  compose: (input: ComposeMessageInput) => [...queryRoots.messages, 'compose', input] as const,
  composeFrom: (key: readonly unknown[]) => [...queryRoots.messages, 'compose', ...key] as const,
  templates: [...queryRoots.messages, 'templates'] as const,
  outbox: [...queryRoots.messages, 'outbox'] as const,
};

/** A fresh draft every time the composer opens; another feature may fill it from its own endpoint. */
export function useComposed(input: ComposeMessageInput, source?: ComposeSource) {
  return useQuery({
    queryKey: source ? messageKeys.composeFrom(source.key) : messageKeys.compose(input),
    queryFn: () => (source ? source.load() : composeMessage(input)),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}

export function useSendMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendMessageInput) => sendMessage(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: messageKeys.outbox });
      void refreshWordData(queryClient);
    },
  });
}

export function useTemplates() {
  return useQuery({ queryKey: messageKeys.templates, queryFn: fetchTemplates });
}

function useStoreTemplate() {
  const queryClient = useQueryClient();
  return (saved: MessageTemplate) =>
    queryClient.setQueryData<MessageTemplate[]>(messageKeys.templates, (items) =>
      items?.map((item) => (item.kind === saved.kind && item.locale === saved.locale ? saved : item)),
    );
}

export function useSaveTemplate() {
  const store = useStoreTemplate();
  return useMutation({
    mutationFn: ({
      kind,
      locale,
      subject,
      body,
    }: {
      kind: MessageKind;
      locale: Locale;
      subject: string;
      body: string;
    }) => saveTemplate(kind, locale, { subject, body }),
    onSuccess: store,
  });
}

export function useResetTemplate() {
  const store = useStoreTemplate();
  return useMutation({
    mutationFn: ({ kind, locale }: { kind: MessageKind; locale: Locale }) => resetTemplate(kind, locale),
    onSuccess: store,
  });
}

export function useOutbox() {
  return useQuery({ queryKey: messageKeys.outbox, queryFn: fetchOutbox, refetchInterval: 30_000 });
}
