import { describe, expect, it } from 'vitest';
import {
  ApiError,
  asProblem,
  errorNotice,
  fieldPath,
  pickLanguage,
  formErrors,
  knownFields,
  problemNotice,
  splitFieldErrors,
  type Translate,
} from './problem';
import type { Problem } from './types';

const catalogue: Record<string, string> = {
  'errors.invalid_credentials': '用户名或密码错误',
  'errors.validation_failed': '提交的内容有误，请检查后重试',
  'errors.precondition_failed': '该记录已被他人修改，请刷新后重试',
  'errors.network': '无法连接服务器，请检查网络',
  'errors.unknown': '操作失败',
  'errors.http_status': '服务器返回错误（{{status}}）',
  'validation.required': '此项为必填项',
  'fields.community_id': '所属社区',
  'errors.meeting_finalised': '会议纪要已定稿，不能再修改，只能添加更正说明',
  'errors.allowed': '当前可以：{{actions}}',
  'allowedActions.update': '修改',
  'allowedActions.finalise': '定稿',
  'common.listSeparator': '、',
};

const t: Translate = (key, vars) => {
  const text = catalogue[key];
  if (text === undefined) return undefined;
  return text.replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(vars?.[v] ?? ''));
};

function problem(p: Partial<Problem>): Problem {
  return {
    type: 'about:blank',
    title: 'Error',
    status: 400,
    code: 'bad_request',
    ...p,
  } as Problem;
}

describe('asProblem', () => {
  it('accepts a problem+json body', () => {
    const body = { type: 'x', title: 'Unauthorized', status: 401, code: 'invalid_credentials' };
    expect(asProblem(body)).toBe(body);
  });

  it('rejects what is not a problem', () => {
    expect(asProblem(null)).toBeNull();
    expect(asProblem('oops')).toBeNull();
    expect(asProblem({ title: 'x' })).toBeNull();
    expect(asProblem({ code: 'x', status: '400' })).toBeNull();
    expect(asProblem({ code: 'x', status: 400, errors: ['a'] })).toBeNull();
  });
});

describe('fieldPath', () => {
  it('splits dotted and indexed field names into form paths', () => {
    expect(fieldPath('name')).toEqual(['name']);
    expect(fieldPath('location.lat')).toEqual(['location', 'lat']);
    expect(fieldPath('items[2].name')).toEqual(['items', 2, 'name']);
  });
});

describe('problemNotice', () => {
  it('translates the code', () => {
    const p = problem({ status: 401, code: 'invalid_credentials', title: 'Unauthorized', detail: 'bad password' });
    expect(problemNotice(p, t)).toEqual({ message: '用户名或密码错误' });
  });

  it('falls back to the server title and detail for an unknown code', () => {
    const p = problem({ status: 418, code: 'teapot', title: '我是茶壶', detail: '不能煮咖啡' });
    expect(problemNotice(p, t)).toEqual({ message: '我是茶壶', description: '不能煮咖啡' });
  });

  it('does not repeat a detail equal to the title', () => {
    const p = problem({ code: 'teapot', title: 'Same', detail: 'Same' });
    expect(problemNotice(p, t)).toEqual({ message: 'Same' });
  });

  it('says what a 409 still allows, in words', () => {
    const p = problem({ status: 409, code: 'meeting_not_finalised', title: 'x', allowed: ['update', 'finalise'] });
    expect(problemNotice(p, t).description).toBe('当前可以：修改、定稿');
  });

  it('names an action it does not know as the server wrote it', () => {
    const p = problem({ status: 409, code: 'meeting_finalised', allowed: ['amend'] });
    expect(problemNotice(p, t)).toEqual({ message: '会议纪要已定稿，不能再修改，只能添加更正说明', description: '当前可以：amend' });
  });

  it('adds nothing when nothing is allowed', () => {
    const p = problem({ status: 409, code: 'meeting_finalised', allowed: [] });
    expect(problemNotice(p, t)).toEqual({ message: '会议纪要已定稿，不能再修改，只能添加更正说明' });
  });
});

describe('splitFieldErrors', () => {
  const p = problem({
    status: 422,
    code: 'validation_failed',
    errors: {
      name: ['required'],
      'location.lat': ['must be between -90 and 90'],
      community_id: ['required'],
      mystery: ['nope', 'still nope'],
    },
  });

  it('maps known fields to form paths and translates message codes', () => {
    const { fields, other } = splitFieldErrors(p, knownFields(['name', 'location.lat', 'location.lon']), t);
    expect(fields).toEqual([
      { name: ['name'], errors: ['此项为必填项'] },
      { name: ['location', 'lat'], errors: ['must be between -90 and 90'] },
    ]);
    expect(other).toEqual(['所属社区: 此项为必填项', 'mystery: nope', 'mystery: still nope']);
  });

  it('attaches a nested error to its parent field when only the parent is on the form', () => {
    const { fields } = splitFieldErrors(
      problem({ errors: { 'location.lat': ['bad'] } }),
      knownFields(['location']),
      t,
    );
    expect(fields).toEqual([{ name: ['location'], errors: ['bad'] }]);
  });

  it('skips empty message lists', () => {
    const { fields, other } = splitFieldErrors(problem({ errors: { name: [] } }), knownFields(['name']), t);
    expect(fields).toEqual([]);
    expect(other).toEqual([]);
  });
});

describe('formErrors', () => {
  it('puts every field error under its field and raises no notification', () => {
    const err = new ApiError(
      422,
      problem({ status: 422, code: 'validation_failed', errors: { name: ['required'], address: ['too long'] } }),
    );
    const result = formErrors(err, knownFields(['name', 'address']), t);
    expect(result.notice).toBeNull();
    expect(result.fields).toEqual([
      { name: ['name'], errors: ['此项为必填项'] },
      { name: ['address'], errors: ['too long'] },
    ]);
  });

  it('notifies about errors for fields the form does not show', () => {
    const err = new ApiError(
      422,
      problem({ status: 422, code: 'validation_failed', errors: { name: ['required'], community_id: ['required'] } }),
    );
    const result = formErrors(err, knownFields(['name']), t);
    expect(result.fields).toEqual([{ name: ['name'], errors: ['此项为必填项'] }]);
    expect(result.notice).toEqual({ message: '提交的内容有误，请检查后重试', description: '所属社区: 此项为必填项' });
  });

  it('notifies about a problem without field errors', () => {
    const err = new ApiError(412, problem({ status: 412, code: 'precondition_failed', title: 'Precondition Failed' }));
    expect(formErrors(err, knownFields(['name']), t)).toEqual({
      fields: [],
      notice: { message: '该记录已被他人修改，请刷新后重试' },
    });
  });
});

describe('errorNotice', () => {
  it('translates an ApiError carrying a problem', () => {
    const err = new ApiError(401, problem({ status: 401, code: 'invalid_credentials' }));
    expect(errorNotice(err, t)).toEqual({ message: '用户名或密码错误' });
  });

  it('lists field errors when shown outside a form', () => {
    const err = new ApiError(422, problem({ code: 'validation_failed', errors: { community_id: ['required'] } }));
    expect(errorNotice(err, t)).toEqual({
      message: '提交的内容有误，请检查后重试',
      description: '所属社区: 此项为必填项',
    });
  });

  it('names the status when the body is not problem+json', () => {
    expect(errorNotice(new ApiError(502, null), t)).toEqual({ message: '服务器返回错误（502）' });
  });

  it('reports a network failure', () => {
    expect(errorNotice(new TypeError('Failed to fetch'), t)).toEqual({ message: '无法连接服务器，请检查网络' });
  });

  it('has a last resort', () => {
    expect(errorNotice(42, t)).toEqual({ message: '操作失败' });
  });

  it('exposes the code on ApiError', () => {
    expect(new ApiError(404, problem({ code: 'not_found' })).code).toBe('not_found');
    expect(new ApiError(500, null).code).toBeNull();
  });
});

describe('pickLanguage', () => {
  const both = '名称须为 1 到 100 个字符 / name must be 1 to 100 characters';

  it('shows the Chinese half by default and in zh-CN', () => {
    expect(pickLanguage(both, undefined)).toBe('名称须为 1 到 100 个字符');
    expect(pickLanguage(both, 'zh-CN')).toBe('名称须为 1 到 100 个字符');
  });

  it('shows the English half in English', () => {
    expect(pickLanguage(both, 'en')).toBe('name must be 1 to 100 characters');
  });

  it('leaves other texts alone', () => {
    expect(pickLanguage('a / b', 'en')).toBe('a / b');
    expect(pickLanguage('只有中文', 'en')).toBe('只有中文');
    expect(pickLanguage('上 / 下', 'en')).toBe('上 / 下');
  });

  it('applies to server field messages and fallback titles', () => {
    const en = Object.assign(((key: string) => t(key)) as Translate, { language: 'en' });
    const { fields } = splitFieldErrors(
      problem({ errors: { name: [both] } }),
      knownFields(['name']),
      en,
    );
    expect(fields).toEqual([{ name: ['name'], errors: ['name must be 1 to 100 characters'] }]);
    const p = problem({ code: 'teapot', title: '我是茶壶 / I am a teapot', detail: '不能煮咖啡 / cannot brew coffee' });
    expect(problemNotice(p, t)).toEqual({ message: '我是茶壶', description: '不能煮咖啡' });
    expect(problemNotice(p, en)).toEqual({ message: 'I am a teapot', description: 'cannot brew coffee' });
  });
});
