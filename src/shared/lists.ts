/**
 * The closed lists the resource schemas are built from, in a module without zod: the web app's URL
 * validators and its first screen read them without loading the schemas (zod and the phone metadata
 * arrive with the first API answer instead). The schema modules re-export them; define a list here
 * only when code outside the schemas needs it that early.
 */
export const locales = ['he', 'en'] as const;
export const clientStatuses = ['lead', 'active', 'paused', 'ended', 'let_go'] as const;
export const personalities = ['lovely', 'businesslike', 'demanding', 'blunt', 'unsatisfied'] as const;
export const clientSorts = ['name', 'recent', 'created'] as const;
export const projectStatuses = ['planned', 'active', 'waiting_for_client', 'delivered', 'closed'] as const;
export const projectSorts = ['newest', 'target', 'title', 'client'] as const;
export const quoteStatuses = ['draft', 'sent', 'viewed', 'accepted', 'declined', 'expired', 'superseded'] as const;
export const quoteSorts = ['newest', 'number', 'total', 'client'] as const;
export const incidentCauses = ['communication', 'estimate', 'quality', 'deadline', 'technical', 'other'] as const;
export const incidentStatuses = ['open', 'fixed', 'closed'] as const;
export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
