import type { Risk } from '../../shared/categories.ts';
import type { ConsentStatus } from '../../ledger/model.ts';
import { RISK_KEYS, STATUS_KEYS, t } from '../i18n.ts';

/** Risk is told by a word and a shape (triangle, diamond, circle) as well as by colour. */
const SHAPES: Readonly<Record<Risk, string>> = {
  high: 'M8 1.5 15 14.5H1Z',
  medium: 'M8 1 15 8 8 15 1 8Z',
  low: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2Z',
};

export function RiskBadge({ risk }: { risk: Risk }) {
  return (
    <span class={`risk risk-${risk}`} data-risk={risk}>
      <svg class="risk-shape" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d={SHAPES[risk]} />
      </svg>
      {t(RISK_KEYS[risk])}
    </span>
  );
}

export function StatusChip({ status }: { status: ConsentStatus }) {
  return (
    <span class={`status status-${status}`} data-status={status}>
      {t(STATUS_KEYS[status])}
    </span>
  );
}
