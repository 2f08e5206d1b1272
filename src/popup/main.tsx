import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './components/App.tsx';
import { usePopup } from './store.ts';
import './popup.css';

document.documentElement.lang = browser.i18n.getUILanguage() || 'en';
document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
const root = document.getElementById('app');
// The first page of records is asked for at once, so the background works on it while the static
// frame in index.html paints; the app mounts right after that frame.
void usePopup.getState().start();
if (root) requestAnimationFrame(() => setTimeout(() => render(<App />, root), 0));
