/** What the stance labels mean, as a disclosure the keyboard can open (it was a tooltip). */
import { STANCE_DESCRIPTION, STANCE_ORDER } from '../lib/views/stanceLabel';
import { StanceBadge } from './StanceBadge';

export function StanceKey() {
  return (
    <details class="stance-key">
      <summary>What the stance labels mean</summary>
      <dl class="stance-key-list">
        {STANCE_ORDER.map((s) => (
          <div key={s} class="stance-key-item">
            <dt>
              <StanceBadge stance={s} small />
            </dt>
            <dd>{STANCE_DESCRIPTION[s]}</dd>
          </div>
        ))}
      </dl>
      <p class="stance-key-note muted">Stances are read from cue words in the text, about the course of the war against ISIS, not about who is right.</p>
    </details>
  );
}
