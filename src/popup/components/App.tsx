import { useEffect, useRef } from 'preact/hooks';
import type { RecordSummary } from '../../ledger/index.ts';
import { NO_FILTERS, usePopup } from '../store.ts';
import { t } from '../i18n.ts';
import { Detail } from './Detail.tsx';
import { EraseDialog } from './Dialog.tsx';
import { Filters } from './Filters.tsx';
import { LinkList } from './LinkList.tsx';
import { Banner, ToastBar } from './Messages.tsx';
import { Settings } from './Settings.tsx';
import { ThisPage } from './ThisPage.tsx';

const SCAN_POLL_MS = 1000;

export function App() {
  const state = usePopup();
  const { overview, list, filters, view } = state;
  const returnFocusTo = useRef<string | null>(null);

  useEffect(() => void usePopup.getState().start(), []);

  const scanning = overview?.scan?.running === true;
  useEffect(() => {
    if (!scanning) return undefined;
    const timer = setInterval(() => void usePopup.getState().refresh(), SCAN_POLL_MS);
    return () => clearInterval(timer);
  }, [scanning]);

  useEffect(() => {
    if (view.kind !== 'list' || returnFocusTo.current === null) return;
    document.querySelector<HTMLElement>(returnFocusTo.current)?.focus();
    returnFocusTo.current = null;
  }, [view]);

  const openDetail = (id: string) => {
    // Record ids are [A-Za-z0-9._:-] (checked in messages.ts): safe inside a quoted attribute value.
    returnFocusTo.current = `[data-record-id="${id}"] .row-main`;
    void state.openDetail(id);
  };
  const openSettings = () => {
    returnFocusTo.current = '[data-testid=settings-button]';
    state.openSettings();
  };
  const revokeRow = (item: RecordSummary) => void state.revoke(item.id, item.recipient);

  const now = Date.now();
  const noFilters = filters.text === '' && filters.providerId === '' && filters.risk === '' && filters.status === '' && !filters.staleOnly;
  const ledgerEmpty = overview ? overview.ledgerSize === 0 : list !== null && list.total === 0 && noFilters;
  const detail = state.detail;

  return (
    <div class="popup">
      <header class="top">
        {view.kind === 'list' ? (
          <div>
            <h1>{t('popup_title')}</h1>
            {overview && <p class="quiet" data-testid="ledger-size">{t('popup_summary', String(overview.ledgerSize))}</p>}
          </div>
        ) : (
          <button type="button" class="back" data-testid="back" onClick={state.showList}>
            <span aria-hidden="true">← </span>
            {t('popup_back')}
          </button>
        )}
        {view.kind === 'list' && (
          <button type="button" class="icon-button" data-testid="settings-button" aria-label={t('popup_settings_open')} title={t('popup_settings_open')} onClick={openSettings}>
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M2 4h12M2 8h12M2 12h12" />
              <circle cx="5" cy="4" r="1.6" />
              <circle cx="11" cy="8" r="1.6" />
              <circle cx="7" cy="12" r="1.6" />
            </svg>
          </button>
        )}
      </header>

      {state.error !== null && <Banner kind="error" testId="error" text={state.error} onDismiss={state.dismissError} />}
      {overview?.problems.map((problem) => <Banner key={`${problem.at}:${problem.kind}`} kind="error" testId="storage-problem" text={problem.message} />)}
      {overview?.readOnly && <Banner kind="info" testId="read-only" text={t('popup_readonly')} />}
      {state.notice !== null && <Banner kind="info" testId="notice" text={state.notice} onDismiss={state.dismissNotice} />}

      <main>
        <div hidden={view.kind !== 'list'}>
          {overview?.firstRun && (
            <section class="intro" data-testid="first-run" aria-labelledby="intro-heading">
              <h2 id="intro-heading">{t('popup_intro_title')}</h2>
              <p>{t('popup_intro_text')}</p>
              <button type="button" data-testid="intro-ok" onClick={state.dismissIntro}>
                {t('popup_intro_ok')}
              </button>
            </section>
          )}
          {overview && <ThisPage findings={overview.tab} onOpen={openDetail} />}
          <section class="links" aria-labelledby="list-heading">
            <h2 id="list-heading">{t('popup_linked_accounts')}</h2>
            {ledgerEmpty ? (
              <div class="empty" data-testid="empty-state">
                <svg class="empty-art" viewBox="0 0 48 24" aria-hidden="true" focusable="false">
                  <rect x="2" y="6" width="16" height="12" rx="6" />
                  <rect x="30" y="6" width="16" height="12" rx="6" />
                  <path d="M18 12h4M26 12h4" />
                </svg>
                <h3>{t('popup_empty_title')}</h3>
                <p>{t('popup_empty_text')}</p>
              </div>
            ) : (
              <>
                <Filters filters={filters} providers={overview?.providers ?? []} onChange={(change) => void state.setFilters(change)} />
                {list && (
                  <p class="quiet results" aria-live="polite" data-testid="list-total">
                    {t('popup_results', String(list.total), String(overview?.ledgerSize ?? list.total))}
                  </p>
                )}
                {list && list.total === 0 && (
                  <div class="empty" data-testid="no-matches">
                    <p>{t('popup_no_matches')}</p>
                    <button type="button" onClick={() => void state.setFilters({ ...NO_FILTERS, sort: filters.sort })}>
                      {t('popup_clear_filters')}
                    </button>
                  </div>
                )}
                {list && list.total > 0 && (
                  <LinkList list={list} now={now} onNeedRange={(first, last) => void state.ensureRange(first, last)} onOpen={openDetail} onRevoke={revokeRow} />
                )}
              </>
            )}
          </section>
        </div>

        {view.kind === 'detail' &&
          (detail && detail.record.id === view.id ? (
            <Detail
              detail={detail}
              now={now}
              revoked={state.revoked?.id === view.id ? state.revoked.reply : null}
              receiptHtml={state.receiptHtml}
              readOnly={overview?.readOnly ?? false}
              actions={{
                revoke: () => void state.revoke(view.id, detail.record.recipient.name ?? detail.record.recipient.site),
                undoRevoke: () => void state.undoRevoke(view.id, detail.record.recipient.name ?? detail.record.recipient.site),
                block: () => void state.block(view.id, detail.record.recipient.site),
                unblock: () => void state.unblock(view.id, detail.record.recipient.site),
                setMuted: (muted) => void state.setMuted(detail.record.recipient.site, muted),
                toggleReceipt: () => void state.toggleReceipt(view.id),
                saveReceipt: () => void state.saveReceipt(view.id),
                exportRecord: () => void state.exportLedger('json', [view.id]),
              }}
            />
          ) : (
            <p class="quiet">{t('popup_loading')}</p>
          ))}

        {view.kind === 'settings' && overview && (
          <Settings
            overview={overview}
            actions={{
              setWatch: (channel, watched) => void state.setWatch(channel, watched),
              unmute: (site) => void state.setMuted(site, false),
              exportLedger: (format) => void state.exportLedger(format),
              importLedger: (text) => void state.importLedger(text),
              openErase: () => state.setEraseOpen(true),
              scan: () => void state.scanAccounts(),
            }}
          />
        )}
      </main>

      <ToastBar
        toast={state.toast}
        onUndo={() => {
          const undo = state.toast?.undo;
          state.dismissToast();
          if (undo) void undo();
        }}
        onDismiss={state.dismissToast}
      />
      {state.eraseOpen && <EraseDialog count={overview?.ledgerSize ?? 0} onConfirm={() => void state.erase()} onCancel={() => state.setEraseOpen(false)} />}
    </div>
  );
}
