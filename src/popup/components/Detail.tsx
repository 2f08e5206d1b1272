import { useEffect, useRef } from 'preact/hooks';
import { compareRisk, highestRisk } from '../../shared/categories.ts';
import type { RecordDetail, RevokeReply } from '../../shared/messages.ts';
import { CHANNEL_KEYS, EVENT_KEYS, categoryKey, formatDate, formatDateTime, t } from '../i18n.ts';
import { RiskBadge, StatusChip } from './Badges.tsx';
import { REVOCABLE } from './LinkList.tsx';
import { isStale } from '../../ledger/rules.ts';

interface Props {
  readonly detail: RecordDetail;
  readonly now: number;
  readonly revoked: RevokeReply | null;
  readonly receiptHtml: string | null;
  readonly readOnly: boolean;
  readonly actions: {
    revoke(): void;
    undoRevoke(): void;
    block(): void;
    unblock(): void;
    setMuted(muted: boolean): void;
    toggleReceipt(): void;
    saveReceipt(): void;
    exportRecord(): void;
  };
}

export function Detail({ detail, now, revoked, receiptHtml, readOnly, actions }: Props) {
  const { record } = detail;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [record.id]);
  const recipient = record.recipient.name ?? record.recipient.site;
  const risk = highestRisk(record.scopes.map((scope) => scope.risk));
  const scopes = [...record.scopes].sort((a, b) => compareRisk(b.risk, a.risk) || (a.scope < b.scope ? -1 : 1));
  const history = [...record.history].reverse();
  const stale = isStale(record, now);
  const dates: readonly (readonly [string, string])[] = [
    [t('popup_detail_source'), record.source.label],
    [t('popup_detail_recipient'), record.recipient.name ? `${record.recipient.name} (${record.recipient.site})` : record.recipient.site],
    ...(record.recipient.clientId === null ? [] : [[t('popup_detail_client'), record.recipient.clientId] as const]),
    [t('popup_detail_intermediary'), record.intermediary?.name ?? t('popup_detail_none')],
    [t('popup_detail_channel'), t(CHANNEL_KEYS[record.channel])],
    [t('popup_detail_granted'), record.grantedAt === null ? t('popup_not_granted') : formatDate(record.grantedAt)],
    [t('popup_detail_last_seen'), formatDate(record.lastSeenAt)],
    [t('popup_detail_expires'), record.expiresAt === null ? t('popup_detail_never') : formatDate(record.expiresAt)],
  ];

  return (
    <article class="detail" data-testid="detail" data-record-id={record.id} aria-labelledby="detail-heading">
      <h2 id="detail-heading" ref={heading} tabIndex={-1}>
        {t('popup_row_label', record.source.label, recipient)}
      </h2>
      <p class="row-badges">
        <RiskBadge risk={risk} /> <StatusChip status={record.status} />
        {detail.blockedHere && record.status !== 'blocked' && <span class="status status-blocked">{t('popup_detail_blocked_here')}</span>}
      </p>
      {stale && (
        <p class="stale" data-testid="stale-flag">
          <span aria-hidden="true">⚠ </span>
          {t('popup_stale')}
        </p>
      )}
      <dl class="facts">
        {dates.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <div class="actions">
        {REVOCABLE.has(record.status) && (
          <button type="button" class="danger" data-testid="revoke" disabled={readOnly} onClick={actions.revoke}>
            {t('popup_revoke')}
          </button>
        )}
        {record.status === 'revocation-pending' && (
          <button type="button" data-testid="undo-revoke" disabled={readOnly} onClick={actions.undoRevoke}>
            {t('popup_undo_revoke')}
          </button>
        )}
        {detail.canBlock && !detail.blockedHere && record.status !== 'revocation-pending' && (
          <button type="button" data-testid="block" disabled={readOnly} onClick={actions.block}>
            {t('popup_block')}
          </button>
        )}
        {detail.blockedHere && record.status === 'blocked' && (
          <button type="button" data-testid="unblock" disabled={readOnly} onClick={actions.unblock}>
            {t('popup_unblock')}
          </button>
        )}
        <button type="button" data-testid="mute" onClick={() => actions.setMuted(!detail.muted)}>
          {t(detail.muted ? 'popup_unmute' : 'popup_mute', record.recipient.site)}
        </button>
      </div>

      {record.status === 'revocation-pending' && (
        <section class="revoke-outcome" aria-labelledby="how-to-revoke" data-testid="revoke-outcome">
          <h3 id="how-to-revoke">{t('popup_how_to_revoke')}</h3>
          <p>{t(revoked?.automated ? 'popup_revoke_automated' : 'popup_revoke_manual', recipient, detail.providerName)}</p>
          <RevocationSteps detail={detail} url={revoked?.managementUrl ?? detail.revocation?.url ?? null} />
        </section>
      )}
      {record.status !== 'revocation-pending' && detail.revocation && (
        <details class="how-to">
          <summary>{t('popup_how_to_revoke')}</summary>
          <RevocationSteps detail={detail} url={detail.revocation.url} />
        </details>
      )}

      <section aria-labelledby="scopes-heading">
        <h3 id="scopes-heading">{t('popup_scopes')}</h3>
        {scopes.length === 0 ? (
          <p class="quiet">{t('popup_no_scopes')}</p>
        ) : (
          <table class="scopes">
            <thead>
              <tr>
                <th scope="col">{t('popup_scope_raw')}</th>
                <th scope="col">{t('popup_scope_means')}</th>
                <th scope="col">{t('popup_scope_outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {scopes.map((scope) => (
                <tr key={scope.scope} data-testid="scope-row">
                  <td>
                    <code>{scope.scope}</code>
                  </td>
                  <td>
                    {scope.means}
                    <br />
                    <span class="quiet">{t(categoryKey(scope.category))}</span> <RiskBadge risk={scope.risk} />
                  </td>
                  <td>{t(scope.granted === null ? 'popup_scope_unknown' : scope.granted ? 'popup_scope_yes' : 'popup_scope_no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h3 id="history-heading">{t('popup_history')}</h3>
        <ol class="history" reversed>
          {history.map((event, index) => (
            <li key={`${event.at}:${index}`} data-testid="history-item" data-kind={event.kind}>
              <strong>{t(EVENT_KEYS[event.kind])}</strong> <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at)}</time>
              <br />
              <span>{event.evidence.seen}</span>
              {event.evidence.pageUrl !== null && <span class="url">{event.evidence.pageUrl}</span>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="receipt-heading">
        <h3 id="receipt-heading">{t('popup_receipt')}</h3>
        <div class="actions">
          <button type="button" data-testid="receipt-toggle" aria-expanded={receiptHtml !== null} onClick={actions.toggleReceipt}>
            {t(receiptHtml === null ? 'popup_receipt_show' : 'popup_receipt_hide')}
          </button>
          <button type="button" data-testid="receipt-save" onClick={actions.saveReceipt}>
            {t('popup_receipt_save')}
          </button>
          <button type="button" data-testid="export-record" onClick={actions.exportRecord}>
            {t('popup_export_record')}
          </button>
        </div>
        {receiptHtml !== null && (
          // sandbox="" : no scripts, no forms, an opaque origin; the receipt is never part of this page.
          <iframe class="receipt" data-testid="receipt-frame" title={t('popup_receipt')} sandbox="" srcDoc={receiptHtml} />
        )}
      </section>
    </article>
  );
}

function RevocationSteps({ detail, url }: { detail: RecordDetail; url: string | null }) {
  return (
    <>
      {detail.revocation && detail.revocation.steps.length > 0 && (
        <ol class="steps">
          {detail.revocation.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      )}
      {url !== null && (
        <a href={url} target="_blank" rel="noreferrer" data-testid="provider-page">
          {t('popup_open_provider_page', detail.providerName)}
        </a>
      )}
    </>
  );
}
