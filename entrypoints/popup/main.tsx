import { render } from 'preact';
import '../../components/theme.css';
import './style.css';
import './search.css';
import { App } from './App';
import { I18n } from '../../components/i18n';
import { followLanguage } from '../../platform/i18n';
import { followTheme } from '../../platform/theme';

followTheme();
followLanguage(
  (t) =>
    render(
      <I18n.Provider value={t}>
        <App />
      </I18n.Provider>,
      document.getElementById('app')!,
    ),
  'titlePopup',
);
