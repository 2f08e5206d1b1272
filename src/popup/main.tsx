import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './components/App.tsx';
import './popup.css';

document.documentElement.lang = browser.i18n.getUILanguage() || 'en';
document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
const root = document.getElementById('app');
// The static frame in index.html paints first; the app mounts right after that frame.
if (root) requestAnimationFrame(() => setTimeout(() => render(<App />, root), 0));
