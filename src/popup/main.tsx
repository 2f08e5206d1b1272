import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { usePopup } from './store.ts';

function Popup() {
  const { overview, error, refresh } = usePopup();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  if (error) return <p role="alert">{error}</p>;
  if (!overview) return null;
  return (
    <main>
      <h1>Linkwatch</h1>
      <section aria-labelledby="this-page">
        <h2 id="this-page">This page</h2>
        <ul data-testid="tab-detections">
          {overview.tab.map((view) => (
            <li key={view.detectionId}>
              {view.recipient} · {view.intermediary ?? view.source}
            </li>
          ))}
        </ul>
      </section>
      <p data-testid="ledger-size">{overview.ledgerSize}</p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);
