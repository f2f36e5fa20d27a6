import '../../components/theme.css';
import './style.css';
import { App } from './App';
import { renderLocalized } from '../../components/i18n';
import { followLanguage } from '../../platform/i18n';
import { followTheme } from '../../platform/theme';

followTheme();
followLanguage((t) => renderLocalized(t, <App />), 'titleReader');
