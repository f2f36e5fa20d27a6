import { render } from 'preact';
import '../../components/theme.css';
import '../../components/card.css';
import { App } from './App';
import { listenForHost } from '../../platform/cardChannel';
import { followTheme } from '../../platform/theme';

followTheme();
// Listening before the page has loaded: the content script pairs on the frame's load event.
render(<App host={listenForHost(location.hash.slice(1))} />, document.getElementById('app')!);
