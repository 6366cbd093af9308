import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { currentLanguage } from '../lib/i18n';
import { queryClient, router } from './router';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  return (
    <DirectionProvider initialDirection={currentLanguage() === 'he' ? 'rtl' : 'ltr'} detectDirection>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <Notifications position="top-center" zIndex={1000} />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
