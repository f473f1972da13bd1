// How the audit log names things: pure, so the rules are tested without React.
import type { Translate } from '../../api/problem';

/** Actions the audit log records today, in the order the filter offers them. */
export const KNOWN_ACTIONS = [
  'compound.created',
  'compound.updated',
  'area.created',
  'area.updated',
  'user.created',
  'user.updated',
  'user.grant_added',
  'user.grant_removed',
  'user.password_changed',
  'api_key.created',
  'api_key.revoked',
  'personal_data.unmasked',
  'session.refresh_token_reused',
  'organisation.created',
  'organisation.updated',
  'person.created',
  'person.updated',
  'post.created',
  'post.updated',
  'contract.created',
  'contract.updated',
  'meeting.created',
  'meeting.updated',
  'meeting.finalised',
  'meeting.amended',
  'action_item.updated',
  'centre.created',
  'centre.updated',
] as const;

/** Object types entries are about. */
export const KNOWN_OBJECT_TYPES = [
  'user',
  'compound',
  'area',
  'api_key',
  'organisation',
  'person',
  'post',
  'contract',
  'meeting',
  'action_item',
  'centre',
] as const;

const CODE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

/**
 * `compound.created` -> 新建小区. An action this build does not know (a newer server)
 * is shown as the server wrote it.
 */
export function actionLabel(action: string, translate: Translate): string {
  if (!CODE.test(action)) return action;
  return translate(`auditActions.${action}`) ?? action;
}

/** `user` -> 用户; unknown types as they are. */
export function objectTypeLabel(type: string, translate: Translate): string {
  if (!/^[a-z][a-z0-9_]*$/.test(type)) return type;
  return translate(`auditObjects.${type}`) ?? type;
}

/** `user`, `api_key`, `system` -> words; unknown kinds as they are. */
export function actorKindLabel(kind: string, translate: Translate): string {
  if (!/^[a-z][a-z0-9_]*$/.test(kind)) return kind;
  return translate(`actorKinds.${kind}`) ?? kind;
}

type Json = unknown;

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Top-level fields that differ between the before and after images, in a stable
 * order (the before's keys first, then those only after has). A created object (no
 * before) or a removed one (no after) changes every field it has.
 */
export function changedFields(before: Json, after: Json): string[] {
  const obj = (v: Json): Record<string, Json> =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : {};
  const b = obj(before);
  const a = obj(after);
  const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
  return keys.filter((k) => !(k in a) || !(k in b) || !same(b[k], a[k]));
}
