import type { TabFinding } from '../../shared/messages.ts';
import { categoryList, t } from '../i18n.ts';
import { RiskBadge, StatusChip } from './Badges.tsx';

/** The in-page notice's own sentence, so the popup and the notice say the same thing. */
function sentence(finding: TabFinding): string {
  switch (finding.channel) {
    case 'oauth':
      return t('notice_oauth', finding.recipient, finding.source);
    case 'widget':
      return t('notice_widget', finding.recipient, finding.intermediary ?? finding.source);
    case 'text-prompt':
      return t('notice_prompt', finding.recipient, finding.source);
  }
}

export function ThisPage({ findings, onOpen }: { findings: readonly TabFinding[]; onOpen: (recordId: string) => void }) {
  return (
    <section class="this-page" aria-labelledby="this-page-heading">
      <h2 id="this-page-heading">{t('popup_this_page')}</h2>
      {findings.length === 0 ? (
        <p class="quiet" data-testid="tab-nothing">
          {t('popup_this_page_none')}
        </p>
      ) : (
        <ul data-testid="tab-detections" class="findings">
          {findings.map((finding) => (
            <li key={finding.detectionId} class="finding">
              <p class="finding-text">{sentence(finding)}</p>
              <p class="finding-meta">
                <RiskBadge risk={finding.risk} /> <StatusChip status={finding.status} />
              </p>
              {finding.categories.length > 0 && <p class="finding-categories">{categoryList(finding.categories)}</p>}
              <button type="button" class="link-button" onClick={() => onOpen(finding.recordId)} aria-label={`${t('popup_open_details')}: ${sentence(finding)}`}>
                {t('popup_open_details')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
