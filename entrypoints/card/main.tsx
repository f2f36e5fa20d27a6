import '../../components/theme.css';
import '../../components/card.css';
import { App } from './App';
import { listenForHost } from '../../platform/cardChannel';
import { renderLocalized } from '../../components/i18n';
import { followLanguage } from '../../platform/i18n';
import { followTheme } from '../../platform/theme';

followTheme();
// Listening before the page has loaded: the content script pairs on the frame's load event.
const host = listenForHost(location.hash.slice(1));
followLanguage((t) => renderLocalized(t, <App host={host} />), 'titleCard');
