import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../../shared/schemas/clients';
import { useIsPhone } from '../../../components/ui/dialog-flow';
import { Loading } from '../../../components/ui/loading';
import { ClientListItem } from './client-list-item';

type Props = {
  items: ClientSummary[];
  total: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
};

/** Start loading the next page this many rows before the end, so scrolling never hits a wall. */
const PREFETCH_ROWS = 15;

/**
 * Only the rows on screen are in the DOM (window scrolling, so the page scrolls naturally on a
 * phone); rows are measured after render because cards and tags vary in height.
 */
export function ClientList({ items, total, hasNextPage, isFetchingNextPage, fetchNextPage }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  // The list's distance from the top of the document changes as the filters above it wrap.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const measure = () => setScrollMargin(el.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    if (el.parentElement) observer.observe(el.parentElement);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => (isPhone ? 140 : 72),
    overscan: 8,
    scrollMargin,
  });

  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= items.length - PREFETCH_ROWS) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, items.length, fetchNextPage]);

  return (
    <>
      <div
        ref={listRef}
        role="list"
        aria-label={t('clients.listLabel')}
        style={{ position: 'relative', blockSize: virtualizer.getTotalSize() }}
      >
        {virtualItems.map((row) => {
          const client = items[row.index];
          if (!client) return null;
          return (
            <div
              key={client.id}
              role="listitem"
              aria-setsize={total}
              aria-posinset={row.index + 1}
              data-index={row.index}
              ref={virtualizer.measureElement}
              style={{
                position: 'absolute',
                insetBlockStart: 0,
                insetInlineStart: 0,
                inlineSize: '100%',
                transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
              }}
            >
              <ClientListItem client={client} />
            </div>
          );
        })}
      </div>
      {isFetchingNextPage && <Loading label={t('common.loadingMore')} py="md" />}
    </>
  );
}
