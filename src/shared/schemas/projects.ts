import { z } from 'zod';
import { ZId, ZIsoDateTime } from './common.js';

export const projectStatuses = ['planned', 'active', 'waiting_for_client', 'delivered', 'closed'] as const;

export const ZProject = z
  .object({
    id: ZId,
    clientId: ZId,
    title: z.string(),
    status: z.enum(projectStatuses),
    targetDate: z.string().nullable(),
    deliverables: z.array(z.object({ id: ZId, title: z.string(), targetDate: z.string().nullable(), status: z.string() })),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof ZProject>;
