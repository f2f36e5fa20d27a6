import { render } from 'preact';
import '../../components/theme.css';
import '../../components/corpus/corpus.css';
import './style.css';
import { App } from './App';
import { followTheme } from '../../platform/theme';

followTheme();
render(<App />, document.getElementById('app')!);
