import '../../components/theme.css';
import '../../components/card.css';
import { App } from './App';
import { renderLocalized } from '../../components/i18n';
import { followLanguage } from '../../platform/i18n';
import { followTheme } from '../../platform/theme';

followTheme();
followLanguage((t) => renderLocalized(t, <App token={location.hash.slice(1)} />), 'titleCard');
