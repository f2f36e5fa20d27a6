import { render } from 'preact';
import '../../components/theme.css';
import './style.css';
import './comparison.css';
import { App } from './App';
import { followTheme } from '../../platform/theme';

followTheme();
render(<App />, document.getElementById('app')!);
