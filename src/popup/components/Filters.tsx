import { useEffect, useState } from 'preact/hooks';
import { RISKS, type Risk } from '../../shared/categories.ts';
import { CONSENT_STATUSES, type ConsentStatus } from '../../ledger/model.ts';
import type { LedgerSort } from '../../ledger/index.ts';
import type { Overview } from '../../shared/messages.ts';
import { NO_FILTERS, type Filters as FilterValues } from '../store.ts';
import { RISK_KEYS, STATUS_KEYS, t } from '../i18n.ts';

const SEARCH_DELAY_MS = 150;

interface Props {
  readonly filters: FilterValues;
  readonly providers: Overview['providers'];
  readonly onChange: (change: Partial<FilterValues>) => void;
}

const isRisk = (value: string): value is Risk => (RISKS as readonly string[]).includes(value);
const isStatus = (value: string): value is ConsentStatus => (CONSENT_STATUSES as readonly string[]).includes(value);
const isSort = (value: string): value is LedgerSort => value === 'risk' || value === 'recent';

export function Filters({ filters, providers, onChange }: Props) {
  const [text, setText] = useState(filters.text);
  useEffect(() => setText(filters.text), [filters.text]);
  useEffect(() => {
    if (text === filters.text) return undefined;
    const timer = setTimeout(() => onChange({ text }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const filtered = filters.text !== '' || filters.providerId !== '' || filters.risk !== '' || filters.status !== '' || filters.staleOnly;

  return (
    <div class="filters" role="search">
      <label class="search">
        <span class="visually-hidden">{t('popup_search')}</span>
        <input
          type="search"
          data-testid="search"
          placeholder={t('popup_search')}
          value={text}
          maxLength={200}
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </label>
      <fieldset class="filter-grid">
        <legend class="visually-hidden">{t('popup_filters')}</legend>
        <label>
          <span>{t('popup_filter_provider')}</span>
          <select data-testid="filter-provider" value={filters.providerId} onChange={(event) => onChange({ providerId: event.currentTarget.value })}>
            <option value="">{t('popup_filter_any')}</option>
            {providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('popup_filter_risk')}</span>
          <select
            data-testid="filter-risk"
            value={filters.risk}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onChange({ risk: isRisk(value) ? value : '' });
            }}
          >
            <option value="">{t('popup_filter_any')}</option>
            {[...RISKS].reverse().map((risk) => (
              <option key={risk} value={risk}>
                {t(RISK_KEYS[risk])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('popup_filter_status')}</span>
          <select
            data-testid="filter-status"
            value={filters.status}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onChange({ status: isStatus(value) ? value : '' });
            }}
          >
            <option value="">{t('popup_filter_any')}</option>
            {CONSENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(STATUS_KEYS[status])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('popup_sort')}</span>
          <select
            data-testid="sort"
            value={filters.sort}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isSort(value)) onChange({ sort: value });
            }}
          >
            <option value="risk">{t('popup_sort_risk')}</option>
            <option value="recent">{t('popup_sort_recent')}</option>
          </select>
        </label>
        <label class="check">
          <input type="checkbox" data-testid="filter-stale" checked={filters.staleOnly} onChange={(event) => onChange({ staleOnly: event.currentTarget.checked })} />
          <span>{t('popup_filter_stale')}</span>
        </label>
        {filtered && (
          <button type="button" class="link-button" data-testid="clear-filters" onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })}>
            {t('popup_clear_filters')}
          </button>
        )}
      </fieldset>
    </div>
  );
}
