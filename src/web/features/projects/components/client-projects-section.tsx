import { Button } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../components/ui/dialog-flow';
import { Dialog } from '../../../components/ui/dialog';
import { BriefcaseIcon, PlusIcon } from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import { NewProjectForm } from './project-form';
import { ClientProjectList } from './project-list';

/** The client's projects on their page, and a new one (which then opens). */
export function ClientProjectsSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <SectionCard
        id="client-projects"
        title={t('projects.clientSection.title')}
        icon={<BriefcaseIcon size={20} />}
        actions={
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<PlusIcon size={16} />}
            onClick={() => setAdding(true)}
          >
            {t('projects.new')}
          </Button>
        }
      >
        <ClientProjectList clientId={clientId} />
      </SectionCard>
      <Dialog
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('projects.new')}
        closeLabel={t('actions.close')}
        size="lg"
        fullScreen={isPhone}
      >
        {adding && (
          <NewProjectForm
            clientId={clientId}
            onCancel={() => setAdding(false)}
            onDone={(project) => {
              setAdding(false);
              void navigate({ to: '/projects/$projectId', params: { projectId: project.id } });
            }}
          />
        )}
      </Dialog>
    </>
  );
}
