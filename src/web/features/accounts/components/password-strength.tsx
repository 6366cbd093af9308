import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Checker = (password: string, personal: string[]) => number;
let checker: Promise<Checker> | null = null;

/** zxcvbn-ts and its dictionaries, loaded the first time a password is typed (a chunk of its own). */
function loadChecker(): Promise<Checker> {
  checker ??= (async () => {
    const [core, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const zxcvbn = new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
    });
    return (password, personal) => zxcvbn.check(password.slice(0, 100), personal).score;
  })();
  return checker;
}

/** The same check the server makes, as a hint while typing: 0–4, and 3 or more is accepted. */
export function PasswordStrength({ password, personal }: { password: string; personal: string[] }) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number | null>(null);
  const personalKey = personal.join('\n');
  useEffect(() => {
    let live = true;
    if (password.length < 12) {
      setScore(null);
      return;
    }
    void loadChecker().then((check) => {
      if (live) setScore(check(password, personalKey.split('\n').filter(Boolean)));
    });
    return () => {
      live = false;
    };
  }, [password, personalKey]);
  if (score === null) return null;
  const strong = score >= 3;
  return (
    <Stack gap={4} aria-live="polite">
      <Progress
        value={(score + 1) * 20}
        color={strong ? 'teal' : 'orange'}
        size="sm"
        aria-label={t('security.strengthLabel')}
      />
      <Text size="sm" c={strong ? 'teal.9' : 'orange.9'}>
        {t(strong ? 'security.strengthGood' : 'security.strengthWeak')}
      </Text>
    </Stack>
  );
}
