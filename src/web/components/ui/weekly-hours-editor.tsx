import { ActionIcon, Button, Fieldset, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type WeeklyHours, type Weekday, weekdays } from '../../../shared/schemas/common';
import { weekdayName } from '../../lib/format';
import { currentIntlLocale } from '../../lib/i18n';
import { PlusIcon, TrashIcon } from './icons';
import { TimeSelect } from './time-select';
import classes from './weekly-hours-editor.module.css';

const MAX_RANGES = 4;
const NEW_RANGE = { from: '09:00', to: '18:00' };

type Props = {
  legend: string;
  value: WeeklyHours;
  /** `path` is the dotted path of what changed, relative to `pathPrefix`. */
  onChange: (next: WeeklyHours, path: string) => void;
  error: (path: string) => string | undefined;
  pathPrefix: string;
};

/** Service hours per weekday, Sunday first (the Israeli week); an empty day is a day off. */
export function WeeklyHoursEditor({ legend, value, onChange, error, pathPrefix }: Props) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();

  const setDay = (day: Weekday, ranges: WeeklyHours[Weekday], path: string) =>
    onChange({ ...value, [day]: ranges }, `${pathPrefix}.${path}`);

  return (
    <Fieldset legend={legend} variant="unstyled" classNames={{ legend: classes.legend }}>
      {weekdays.map((day) => {
        const ranges = value[day];
        const name = weekdayName(day, intlLocale);
        const open = ranges.length > 0;
        return (
          <div key={day} className={classes.day}>
            <div className={classes.dayToggle}>
              <Switch
                label={name}
                checked={open}
                onChange={(event) => setDay(day, event.currentTarget.checked ? [NEW_RANGE] : [], day)}
                description={open ? undefined : t('hours.dayOff')}
              />
            </div>
            {open && (
              <div className={classes.ranges}>
                {ranges.map((range, index) => {
                  const rangePath = `${day}.${index}`;
                  const replace = (patch: Partial<typeof range>) =>
                    setDay(
                      day,
                      ranges.map((r, i) => (i === index ? { ...r, ...patch } : r)),
                      rangePath,
                    );
                  return (
                    <div key={index} className={classes.range}>
                      <TimeSelect
                        className={classes.time}
                        label={t('hours.fromLabel', { day: name })}
                        value={range.from}
                        onChange={(from) => replace({ from })}
                        error={error(`${pathPrefix}.${rangePath}.from`)}
                      />
                      <Text span aria-hidden="true">
                        –
                      </Text>
                      <TimeSelect
                        className={classes.time}
                        label={t('hours.toLabel', { day: name })}
                        value={range.to}
                        onChange={(to) => replace({ to })}
                        error={error(`${pathPrefix}.${rangePath}.to`)}
                      />
                      {ranges.length > 1 && (
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('hours.removeRange', { day: name })}
                          onClick={() =>
                            setDay(
                              day,
                              ranges.filter((_, i) => i !== index),
                              day,
                            )
                          }
                        >
                          <TrashIcon size={18} />
                        </ActionIcon>
                      )}
                    </div>
                  );
                })}
                {ranges.length < MAX_RANGES && (
                  <div>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      leftSection={<PlusIcon size={16} />}
                      aria-label={t('hours.addRangeOn', { day: name })}
                      onClick={() => {
                        const last = ranges[ranges.length - 1];
                        // A second range usually follows a break: start it where the first one ends.
                        const next = last ? { from: last.to, to: last.to < '20:00' ? '20:00' : '23:59' } : NEW_RANGE;
                        setDay(day, [...ranges, next], `${day}.${ranges.length}`);
                      }}
                    >
                      {t('hours.addRange')}
                    </Button>
                  </div>
                )}
              </div>
            )}
          </div>
        );
      })}
    </Fieldset>
  );
}
