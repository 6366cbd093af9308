import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateInteractionInput } from '../../../../shared/schemas/interactions';
import { refreshWordData } from '../../../lib/query-keys';
import { createInteraction, deleteInteraction, markInteractionHandled } from './interactions-api';

function useRefresh() {
  const queryClient = useQueryClient();
  // Not awaited: the row that triggered it must still be mounted to show its confirmation (and
  // its undo) before the refreshed list removes it.
  return () => {
    void refreshWordData(queryClient);
  };
}

export function useLogInteraction() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: CreateInteractionInput) => createInteraction(input), onSuccess: refresh });
}

export function useMarkHandled() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => markInteractionHandled(id), onSuccess: refresh });
}

export function useDeleteInteraction() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => deleteInteraction(id), onSuccess: refresh });
}
