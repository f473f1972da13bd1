import { describe, expect, it } from 'vitest';
import type { Translate } from '../../api/problem';
import en from '../../i18n/en';
import zhCN from '../../i18n/zh-CN';
import { actionLabel, actorKindLabel, changedFields, KNOWN_ACTIONS, KNOWN_OBJECT_TYPES, objectTypeLabel } from './labels';

/** A Translate over one catalogue, like i18next's (dots walk into nested objects). */
function catalogue(messages: object): Translate {
  return (key) => {
    let node: unknown = messages;
    for (const part of key.split('.')) {
      if (!node || typeof node !== 'object' || !(part in node)) return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === 'string' ? node : undefined;
  };
}

const zh = catalogue(zhCN);
const english = catalogue(en);

describe('actionLabel', () => {
  it('names the common actions in Chinese', () => {
    expect(actionLabel('compound.created', zh)).toBe('新建小区');
    expect(actionLabel('compound.updated', zh)).toBe('修改小区');
    expect(actionLabel('personal_data.unmasked', zh)).toBe('查看个人信息');
    expect(actionLabel('session.refresh_token_reused', zh)).toBe('刷新令牌被重复使用');
  });

  it('translates every known action in both languages', () => {
    for (const action of KNOWN_ACTIONS) {
      expect(actionLabel(action, zh)).not.toBe(action);
      expect(actionLabel(action, english)).not.toBe(action);
    }
  });

  it('shows unknown actions as the server wrote them', () => {
    expect(actionLabel('complaint.escalated', zh)).toBe('complaint.escalated');
    expect(actionLabel('something odd', zh)).toBe('something odd');
  });

  it('never mistakes a group of actions for an action', () => {
    expect(actionLabel('user', zh)).toBe('user');
    expect(actionLabel('user.', zh)).toBe('user.');
    expect(actionLabel('user.created.extra', zh)).toBe('user.created.extra');
  });
});

describe('objectTypeLabel and actorKindLabel', () => {
  it('translates known types and kinds, else shows them raw', () => {
    for (const type of KNOWN_OBJECT_TYPES) expect(objectTypeLabel(type, zh)).not.toBe(type);
    expect(objectTypeLabel('user', zh)).toBe('用户');
    expect(objectTypeLabel('payment_cycle', zh)).toBe('payment_cycle');
    expect(actorKindLabel('api_key', zh)).toBe('API 密钥');
    expect(actorKindLabel('robot', zh)).toBe('robot');
  });
});

describe('changedFields', () => {
  it('lists fields whose values differ', () => {
    expect(
      changedFields(
        { name: '卫技新村', building_count: 12, location: { lat: 28.1, lon: 113 } },
        { name: '卫技新村', building_count: 14, location: { lat: 28.1, lon: 113 } },
      ),
    ).toEqual(['building_count']);
  });

  it('compares nested values by content', () => {
    expect(changedFields({ grants: [{ role: 'resident' }] }, { grants: [{ role: 'resident' }, { role: 'volunteer' }] })).toEqual([
      'grants',
    ]);
  });

  it('counts every field of a created or removed object', () => {
    expect(changedFields(null, { a: 1, b: 2 })).toEqual(['a', 'b']);
    expect(changedFields({ a: 1 }, null)).toEqual(['a']);
    expect(changedFields(null, null)).toEqual([]);
  });

  it('includes fields only one side has', () => {
    expect(changedFields({ a: 1, gone: true }, { a: 1, added: 2 })).toEqual(['gone', 'added']);
  });
});
