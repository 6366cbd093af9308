import { Button, Group, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZSetUpWorkspace } from '../../../../shared/schemas/accounts';
import { isolate } from '../../../../shared/text';
import { isApiError } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useSetup, useSignup } from '../api/session-api';
import { BusinessProfileFields } from './business-profile-fields';
import { type BusinessProfileValues, defaultBusinessValues, toBusinessInput } from './business-profile-values';
import { OwnerFields, type OwnerValues } from './owner-fields';

type SetupValues = { owner: OwnerValues; business: BusinessProfileValues };

const toInput = (values: SetupValues) => ({ owner: values.owner, business: toBusinessInput(values.business) });

function initialValues(): SetupValues {
  return {
    owner: { name: '', email: '', password: '', addressForm: 'neutral' },
    business: defaultBusinessValues(currentLanguage()),
  };
}

type Props = {
  onDone: () => void;
  onAlreadySetUp?: () => void;
  /** `signup` (hosted mode): the same two steps make a new workspace of one's own. */
  mode?: 'setup' | 'signup';
};

/** First run (or a hosted sign-up): the owner's account, then the business profile; one request creates both. */
export function SetupWizard({ onDone, onAlreadySetUp, mode = 'setup' }: Props) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const firstRun = useSetup();
  const signup = useSignup();
  const setup = mode === 'signup' ? signup : firstRun;
  // On a phone the two steps only fit on one line without their descriptions.
  const isPhone = useMediaQuery('(max-width: 48em)');
  const form = useSchemaForm({ schema: ZSetUpWorkspace, toInput, initialValues: initialValues() });
  const language = currentLanguage();
  const localeChosen = useRef(false);
  const { update } = form;

  // The owner starts in the business language; follow the header switch until it is picked here.
  useEffect(() => {
    if (!localeChosen.current) update(null, (v) => ({ ...v, business: { ...v.business, locale: language } }));
  }, [language, update]);

  const next = () => {
    if (form.check('owner')) setActive(1);
    else requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const create = form.submit(async (input) => {
    try {
      const me = await setup.mutateAsync(input);
      notifySuccess(t('setup.welcome', { name: isolate(me.user.name), context: me.user.addressForm }));
      onDone();
    } catch (error) {
      // The owner's fields live on the first step: go back there if the server rejected one.
      if (isApiError(error) && error.fields.some((f) => f.path.startsWith('owner.'))) setActive(0);
      if (isApiError(error) && error.code === 'setup_done') onAlreadySetUp?.();
      throw error;
    }
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        if (active === 0) {
          event.preventDefault();
          next();
        } else create(event);
      }}
    >
      <Title order={1} size="h2" mb={4}>
        {mode === 'signup' ? t('signup.title') : t('setup.title')}
      </Title>
      <Text c="dimmed" mb="lg">
        {mode === 'signup' ? t('signup.intro') : t('setup.intro')}
      </Text>
      <Stepper
        active={active}
        onStepClick={(step) => step < active && setActive(step)}
        allowNextStepsSelect={false}
        size="sm"
      >
        <Stepper.Step label={t('setup.stepOwner')} description={isPhone ? undefined : t('setup.stepOwnerHint')}>
          <OwnerFields
            values={form.values.owner}
            onChange={(patch, path) => form.update(`owner.${path}`, (v) => ({ ...v, owner: { ...v.owner, ...patch } }))}
            error={(path) => form.error(`owner.${path}`)}
          />
        </Stepper.Step>
        <Stepper.Step label={t('setup.stepBusiness')} description={isPhone ? undefined : t('setup.stepBusinessHint')}>
          <BusinessProfileFields
            values={form.values.business}
            onChange={(patch, path) => {
              if (patch.locale) localeChosen.current = true;
              form.update(`business.${path}`, (v) => ({ ...v, business: { ...v.business, ...patch } }));
            }}
            error={(path) => form.error(`business.${path}`)}
          />
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between" mt="xl">
        {active === 1 ? (
          <Button variant="default" onClick={() => setActive(0)}>
            {t('actions.back')}
          </Button>
        ) : (
          <span />
        )}
        {active === 0 ? (
          <Button type="submit">{t('actions.next')}</Button>
        ) : (
          <Button type="submit" loading={form.submitting}>
            {mode === 'signup' ? t('signup.finish') : t('setup.finish')}
          </Button>
        )}
      </Group>
    </form>
  );
}
