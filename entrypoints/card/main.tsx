import { render } from 'preact';
import '../../components/theme.css';
import '../../components/card.css';
import { App } from './App';
import { followTheme } from '../../platform/theme';

followTheme();
render(<App token={location.hash.slice(1)} />, document.getElementById('app')!);
