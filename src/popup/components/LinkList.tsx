import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RecordSummary } from '../../ledger/index.ts';
import type { ConsentStatus } from '../../ledger/model.ts';
import type { ListState } from '../store.ts';
import { categoryList, formatAgo, formatDate, t } from '../i18n.ts';
import { ROW_PAINT_TIMING } from '../paint-timing.ts';
import { itemTop, listHeight, rowsBetween, type RowHeights } from '../virtual.ts';
import { RiskBadge, StatusChip } from './Badges.tsx';

/** Row heights in rem: they grow with the person's font size, and row text never wraps. */
const ROW_REM = 6.5;
const HEADER_REM = 2.25;
/** Rows rendered beyond the visible window, so fast scrolling shows no gap. */
const OVERSCAN_ROWS = 4;
/** Before the first layout (and in tests without layout): about one popup's worth. */
const FALLBACK_VIEWPORT_PX = 480;

/** Statuses from which a revocation can be asked for (ledger/rules.ts STATUS_TABLE). */
export const REVOCABLE: ReadonlySet<ConsentStatus> = new Set(['prompted', 'granted', 'declined', 'blocked', 'expired']);

function rootFontSize(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

interface Props {
  readonly list: ListState;
  readonly now: number;
  readonly onNeedRange: (first: number, last: number) => void;
  readonly onOpen: (id: string) => void;
  readonly onRevoke: (item: RecordSummary) => void;
}

export function LinkList({ list, now, onNeedRange, onOpen, onRevoke }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  const [fontSize, setFontSize] = useState(16);
  const pendingFocus = useRef<number | null>(null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    const measure = () => {
      setViewport(element.clientHeight);
      setFontSize(rootFontSize());
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const heights: RowHeights = { header: HEADER_REM * fontSize, row: ROW_REM * fontSize };
  const height = viewport || FALLBACK_VIEWPORT_PX;
  const margin = OVERSCAN_ROWS * heights.row;
  const rows = rowsBetween(list.groups, heights, Math.max(0, scrollTop - margin), scrollTop + height + margin);
  const items = rows.filter((row) => row.kind === 'item');
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (items.length > 0) onNeedRange(first, last);
  }, [first, last, list]);

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const button = scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"] .row-main`);
    if (button) {
      pendingFocus.current = null;
      button.focus();
    }
  });

  function moveFocus(event: KeyboardEvent): void {
    const from = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-index]');
    const element = scroller.current;
    if (!from || !element || list.total === 0) return;
    const current = Number(from.dataset.index);
    const perPage = Math.max(1, Math.floor(height / heights.row));
    const targets: Readonly<Record<string, number>> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + perPage,
      PageUp: current - perPage,
      Home: 0,
      End: list.total - 1,
    };
    const wanted = targets[event.key];
    if (wanted === undefined) return;
    event.preventDefault();
    const target = Math.min(list.total - 1, Math.max(0, wanted));
    const top = itemTop(list.groups, target, heights);
    if (top < element.scrollTop + heights.header) element.scrollTop = Math.max(0, top - heights.header);
    else if (top + heights.row > element.scrollTop + height) element.scrollTop = top + heights.row - height;
    setScrollTop(element.scrollTop);
    pendingFocus.current = target;
    // The row may already be rendered; the effect above catches the one that is not yet.
    element.querySelector<HTMLElement>(`[data-index="${target}"] .row-main`)?.focus();
  }

  return (
    <div
      ref={scroller}
      class="scroller"
      role="feed"
      aria-labelledby="list-heading"
      aria-busy={items.some((row) => !list.items.has(row.index))}
      data-testid="link-list"
      tabIndex={-1}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={moveFocus}
      style={{ '--row-height': `${ROW_REM}rem`, '--header-height': `${HEADER_REM}rem` }}
    >
      <div class="spacer" style={{ height: `${listHeight(list.groups, heights)}px` }}>
        {rows.map((row) =>
          row.kind === 'header' ? (
            <div key={`group:${row.group.label}`} class="group" aria-hidden="true" data-testid="group-header" style={{ top: `${row.top}px` }}>
              {t('popup_group', row.group.label, String(row.group.count))}
            </div>
          ) : (
            <Row
              key={`item:${row.index}`}
              index={row.index}
              total={list.total}
              top={row.top}
              item={list.items.get(row.index)}
              now={now}
              onOpen={onOpen}
              onRevoke={onRevoke}
            />
          ),
        )}
      </div>
    </div>
  );
}

interface RowProps {
  readonly index: number;
  readonly total: number;
  readonly top: number;
  readonly item: RecordSummary | undefined;
  readonly now: number;
  readonly onOpen: (id: string) => void;
  readonly onRevoke: (item: RecordSummary) => void;
}

function Row({ index, total, top, item, now, onOpen, onRevoke }: RowProps) {
  const position = { 'aria-posinset': index + 1, 'aria-setsize': total, 'data-index': index, style: { top: `${top}px` } };
  if (!item) {
    return (
      <article class="row row-loading" aria-busy="true" {...position}>
        <span class="quiet">{t('popup_loading')}</span>
      </article>
    );
  }
  const label = t('popup_row_label', item.source, item.recipient);
  const since = item.grantedAt === null ? t('popup_not_granted') : t('popup_since', formatDate(item.grantedAt));
  const when = [item.intermediary === null ? null : t('popup_via', item.intermediary), since, t('popup_last_seen', formatAgo(item.lastSeenAt, now))];
  return (
    <article class={`row${item.stale ? ' row-stale' : ''}`} aria-label={label} data-testid="link-row" data-record-id={item.id} data-status={item.status} {...position}>
      <button type="button" class="row-main" onClick={() => onOpen(item.id)}>
        <span class="row-title" elementtiming={ROW_PAINT_TIMING}>{item.recipient}</span>
        <span class="row-badges">
          <RiskBadge risk={item.risk} /> <StatusChip status={item.status} />
        </span>
        <span class="row-line">{item.categories.length > 0 ? categoryList(item.categories) : t('popup_no_categories')}</span>
        {item.stale ? (
          <span class="row-line stale" data-testid="stale-flag">
            <span aria-hidden="true">⚠ </span>
            {t('popup_stale')}
          </span>
        ) : (
          <span class="row-line quiet">{when.filter((part) => part !== null).join(' · ')}</span>
        )}
      </button>
      {REVOCABLE.has(item.status) && (
        <button type="button" class="row-revoke" data-testid="row-revoke" aria-label={t('popup_revoke_label', item.recipient, item.source)} onClick={() => onRevoke(item)}>
          {t('popup_revoke')}
        </button>
      )}
    </article>
  );
}
