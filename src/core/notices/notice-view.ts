// A stored notice as the renderer receives it: parameters as strings, ready for i18n interpolation.
import type { NoticeView } from '../../shared/contract';
import type { Notice } from '../store';

export function noticeView(n: Notice): NoticeView {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(n.params ?? {})) params[k] = String(v);
  return {
    id: n.id,
    createdAt: n.createdAt,
    level: n.level,
    kind: n.kind,
    connectionId: n.connectionId,
    messageKey: n.messageKey,
    params,
    dismissedAt: n.dismissedAt,
  };
}
