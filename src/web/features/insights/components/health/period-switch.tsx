import { useTranslation } from 'react-i18next';
import { type HealthPeriod, healthPeriods } from '../../../../../shared/schemas/insights';
import { LabelledSegments } from '../../../../components/ui/labelled-segments';

type Props = { value: HealthPeriod; onChange: (period: HealthPeriod) => void; hideLabel?: boolean };

/** The last 30 days, 90 days or year: every health number is for this window. */
export function PeriodSwitch({ value, onChange, hideLabel = false }: Props) {
  const { t } = useTranslation();
  return (
    <LabelledSegments
      label={t('health.period.label')}
      hideLabel={hideLabel}
      size="xs"
      value={value}
      onChange={onChange}
      options={healthPeriods.map((p) => ({ value: p, label: t(`health.period.${p}`) }))}
    />
  );
}
