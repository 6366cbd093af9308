import { formatPhone } from '../../../../shared/phone';
import type { BusinessProfile, SaveBusinessProfileInput, DealerType } from '../../../../shared/schemas/accounts';
import { type Channel, type Locale, type WeeklyHours, defaultServiceHours } from '../../../../shared/schemas/common';

/** What the business-profile inputs hold; VAT is edited as a percent, stored as basis points. */
export type BusinessProfileValues = {
  name: string;
  dealerType: DealerType;
  businessNumber: string;
  vatPercent: number | string;
  currency: string;
  timeZone: string;
  locale: Locale;
  serviceHours: WeeklyHours;
  paymentTermsDays: number;
  paymentTermsNote: string;
  preferredChannels: Channel[];
  email: string;
  phone: string;
  address: string;
  signature: string;
  /** Local time of the morning digest e-mail; null turns it off (edited in Settings only). */
  digestTime: string | null;
};

export const DEFAULT_VAT_PERCENT = 18;

export function defaultBusinessValues(locale: Locale): BusinessProfileValues {
  return {
    name: '',
    dealerType: 'licensed',
    businessNumber: '',
    vatPercent: DEFAULT_VAT_PERCENT,
    currency: 'ILS',
    timeZone: 'Asia/Jerusalem',
    locale,
    serviceHours: defaultServiceHours,
    paymentTermsDays: 30,
    paymentTermsNote: '',
    preferredChannels: ['whatsapp', 'phone', 'email'],
    email: '',
    phone: '',
    address: '',
    signature: '',
    digestTime: '07:30',
  };
}

/** Percent → basis points with rounding, so 17.5 becomes exactly 1750 (no float leaks out). */
function toBasisPoints(percent: number | string): number {
  const value = typeof percent === 'number' ? percent : percent.trim() === '' ? Number.NaN : Number(percent);
  return Math.round(value * 100);
}

export function toBusinessInput(values: BusinessProfileValues): SaveBusinessProfileInput {
  const { vatPercent, ...rest } = values;
  return {
    ...rest,
    // An exempt dealer (עוסק פטור) charges no VAT at all.
    vatRateBasisPoints: values.dealerType === 'exempt' ? 0 : toBasisPoints(vatPercent),
  };
}

export function fromBusinessProfile(profile: BusinessProfile): BusinessProfileValues {
  return {
    name: profile.name,
    dealerType: profile.dealerType,
    businessNumber: profile.businessNumber ?? '',
    vatPercent: profile.dealerType === 'exempt' ? DEFAULT_VAT_PERCENT : profile.vatRateBasisPoints / 100,
    currency: profile.currency,
    timeZone: profile.timeZone,
    locale: profile.locale,
    serviceHours: profile.serviceHours,
    paymentTermsDays: profile.paymentTermsDays,
    paymentTermsNote: profile.paymentTermsNote ?? '',
    preferredChannels: profile.preferredChannels,
    email: profile.email ?? '',
    phone: profile.phone ? formatPhone(profile.phone) : '',
    address: profile.address ?? '',
    signature: profile.signature ?? '',
    digestTime: profile.digestTime,
  };
}
