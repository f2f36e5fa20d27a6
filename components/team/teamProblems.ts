/** The sentence for each reason a team server could not be used (the options page's team section and import form). */
import type { MessageKey } from '../../lib/i18n/keys';
import type { TeamProblem } from '../../lib/messages/team';

export const TEAM_PROBLEMS: Record<TeamProblem, MessageKey> = {
  unauthorized: 'teamErrUnauthorized',
  unreachable: 'teamErrUnreachable',
  permission: 'teamErrPermission',
  'invalid-url': 'teamErrInvalidUrl',
  refused: 'teamErrRefused',
  forbidden: 'teamErrForbidden',
};
