import { useEffect, useRef } from 'preact/hooks';
import { NOTICE_CHANNELS, type NoticeChannel, type Overview } from '../../shared/messages.ts';
import type { MessageKey } from '../i18n.ts';
import { t } from '../i18n.ts';

const WATCH_KEYS: Readonly<Record<NoticeChannel, MessageKey>> = {
  oauth: 'popup_watch_oauth',
  widget: 'popup_watch_widget',
  'text-prompt': 'popup_watch_text_prompt',
};

interface Props {
  readonly overview: Overview;
  readonly actions: {
    setWatch(channel: NoticeChannel, watched: boolean): void;
    unmute(site: string): void;
    exportLedger(format: 'json' | 'csv'): void;
    importLedger(text: string): void;
    openErase(): void;
    scan(): void;
  };
}

export function Settings({ overview, actions }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { settings, scan } = overview;
  return (
    <section class="settings" data-testid="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading" ref={heading} tabIndex={-1}>
        {t('popup_settings')}
      </h2>

      <fieldset>
        <legend>{t('popup_watch')}</legend>
        {NOTICE_CHANNELS.map((channel) => (
          <label key={channel} class="check">
            <input
              type="checkbox"
              data-testid={`watch-${channel}`}
              checked={settings.watch[channel]}
              onChange={(event) => actions.setWatch(channel, event.currentTarget.checked)}
            />
            <span>{t(WATCH_KEYS[channel])}</span>
          </label>
        ))}
      </fieldset>

      <section aria-labelledby="muted-heading">
        <h3 id="muted-heading">{t('popup_muted_sites')}</h3>
        {settings.mutedSites.length === 0 ? (
          <p class="quiet">{t('popup_muted_none')}</p>
        ) : (
          <ul class="muted-sites" data-testid="muted-sites">
            {settings.mutedSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button type="button" aria-label={t('popup_remove_site', site)} onClick={() => actions.unmute(site)}>
                  {t('popup_remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="data-heading">
        <h3 id="data-heading">{t('popup_your_data')}</h3>
        <p class="quiet">{t('popup_your_data_text')}</p>
        <div class="actions">
          <button type="button" data-testid="export-json" onClick={() => actions.exportLedger('json')}>
            {t('popup_export_json')}
          </button>
          <button type="button" data-testid="export-csv" onClick={() => actions.exportLedger('csv')}>
            {t('popup_export_csv')}
          </button>
        </div>
        <label class="file">
          <span>{t('popup_import')}</span>
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            disabled={overview.readOnly}
            onChange={async (event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (file) actions.importLedger(await file.text());
            }}
          />
        </label>
        <div class="actions">
          <button type="button" class="danger" data-testid="erase" onClick={actions.openErase}>
            {t('popup_erase')}
          </button>
        </div>
      </section>

      <section aria-labelledby="scan-heading">
        <h3 id="scan-heading" class="visually-hidden">
          {t('popup_scan')}
        </h3>
        <button type="button" data-testid="scan" disabled={scan?.running === true || overview.readOnly} onClick={actions.scan}>
          {t('popup_scan')}
        </button>
        {scan && (
          <p role="status" data-testid="scan-progress">
            {scan.running
              ? t('popup_scan_progress', scan.current ?? '…', String(scan.done), String(scan.total))
              : t('popup_scan_done', String(scan.total))}
          </p>
        )}
      </section>
    </section>
  );
}
