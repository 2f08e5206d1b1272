import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n.ts';

/** The erase confirmation: modal, focus starts on Cancel and stays inside, Escape cancels. */
export function EraseDialog({ count, onConfirm, onCancel }: { count: number; onConfirm: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    cancel.current?.focus();
    return () => opener?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const buttons = [...(dialog.current?.querySelectorAll<HTMLElement>('button') ?? [])];
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  return (
    <div class="backdrop">
      <div
        ref={dialog}
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="erase-title"
        aria-describedby="erase-text"
        data-testid="erase-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id="erase-title">{t('popup_erase_title')}</h2>
        <p id="erase-text">{t('popup_erase_text', String(count))}</p>
        <div class="actions">
          <button type="button" ref={cancel} onClick={onCancel} data-testid="erase-cancel">
            {t('popup_cancel')}
          </button>
          <button type="button" class="danger" onClick={onConfirm} data-testid="erase-confirm">
            {t('popup_erase_confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
