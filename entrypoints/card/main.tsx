import '../../components/theme.css';
import '../../components/card.css';
import { App } from './App';
import { prefetchCard } from './useCardFrame';
import { listenForHost } from '../../platform/cardChannel';
import { renderLocalized } from '../../components/i18n';
import { followLanguage } from '../../platform/i18n';
import { followTheme } from '../../platform/theme';
import { readSettings } from '../../platform/settingsReader';

// Listening before the page has loaded: the content script pairs on the frame's load event; a
// card's lookup starts when its request arrives, not after the first render.
const host = listenForHost(location.hash.slice(1), prefetchCard);
// Drawn first with the language and theme the pairing brings, or the stored ones if read sooner.
const look = Promise.race([host.look, readSettings()]);
followTheme(document.documentElement, look);
followLanguage((t) => renderLocalized(t, <App host={host} />), 'titleCard', document.documentElement, look);
