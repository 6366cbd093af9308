import type { Incident, IncidentCause, IncidentStatus } from '../../../../shared/schemas/care';
import { agorotToInput, parseAgorot } from '../../../lib/money-input';

export type MistakeValues = {
  title: string;
  outline: string;
  cause: IncidentCause;
  causeDetails: string;
  prevention: string;
  fix: string;
  compensation: string;
  compensationAmount: string;
  status: IncidentStatus;
  clientReaction: string;
  fixBy: string;
};

export function mistakeValues(incident: Incident | null): MistakeValues {
  return {
    title: incident?.title ?? '',
    outline: incident?.outline ?? '',
    cause: incident?.cause ?? 'other',
    causeDetails: incident?.causeDetails ?? '',
    prevention: incident?.prevention ?? '',
    fix: incident?.fix ?? '',
    compensation: incident?.compensation ?? '',
    compensationAmount: incident && incident.compensationAmount > 0 ? agorotToInput(incident.compensationAmount) : '',
    status: incident?.status ?? 'open',
    clientReaction: incident?.clientReaction ?? '',
    fixBy: incident?.fixBy ?? '',
  };
}

/** Shekels as typed become agorot; text that is not an amount stays text, so the schema names the field. */
export function mistakeToInput(clientId: string, projectId: string | null) {
  return (values: MistakeValues): unknown => {
    const amount = values.compensationAmount.trim();
    return {
      ...values,
      clientId,
      projectId,
      compensationAmount: amount === '' ? 0 : (parseAgorot(amount) ?? amount),
      fixBy: values.fixBy || null,
    };
  };
}
