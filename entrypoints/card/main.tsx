import '../../components/theme.css';
import '../../components/card.css';
import { App } from './App';
import { prefetchCard } from './useCardFrame';
import { listenForHost } from '../../platform/cardChannel';
import { renderLocalized } from '../../components/i18n';
import { followLanguage } from '../../platform/i18n';
import { followTheme } from '../../platform/theme';

followTheme();
// Listening before the page has loaded: the content script pairs on the frame's load event; a
// card's lookup starts when its request arrives, not after the first render.
const host = listenForHost(location.hash.slice(1), prefetchCard);
followLanguage((t) => renderLocalized(t, <App host={host} />), 'titleCard');
