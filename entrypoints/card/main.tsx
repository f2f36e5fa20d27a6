import { render } from 'preact';
import '../../components/theme.css';
import '../../components/card.css';
import { App } from './App';
import { I18n } from '../../components/i18n';
import { followLanguage } from '../../platform/i18n';
import { followTheme } from '../../platform/theme';

followTheme();
followLanguage(
  (t) =>
    render(
      <I18n.Provider value={t}>
        <App token={location.hash.slice(1)} />
      </I18n.Provider>,
      document.getElementById('app')!,
    ),
  'titleCard',
);
