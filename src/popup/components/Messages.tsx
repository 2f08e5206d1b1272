import type { Toast } from '../store.ts';
import { t } from '../i18n.ts';

/** The last local action, with its Undo; stays until replaced or dismissed (no time limit). */
export function ToastBar({ toast, onUndo, onDismiss }: { toast: Toast | null; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div class="toast-region" role="status" aria-live="polite" data-testid="toast-region">
      {toast && (
        <div class="toast" data-testid="toast" key={toast.id}>
          <span>{toast.message}</span>
          {toast.undo && (
            <button type="button" data-testid="toast-undo" onClick={onUndo}>
              {t('popup_undo')}
            </button>
          )}
          <button type="button" class="icon-button" aria-label={t('popup_dismiss')} onClick={onDismiss}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}

export function Banner({ kind, text, onDismiss, testId }: { kind: 'error' | 'info'; text: string; onDismiss?: () => void; testId: string }) {
  return (
    <div class={`banner banner-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <p>{text}</p>
      {onDismiss && (
        <button type="button" class="icon-button" aria-label={t('popup_dismiss')} onClick={onDismiss}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}
