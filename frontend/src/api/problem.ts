// Turns RFC 9457 problem+json bodies into what the UI shows: messages under form
// fields, and a notification (title + description) for everything else.
// Pure: translation comes in as a function, so this is tested without React.
import type { Problem } from './types';

export type { Problem };

/**
 * Looks a key up; returns undefined when the catalogue has no such key.
 * `language` (e.g. `zh-CN`, `en`) picks the half of the server's bilingual texts.
 */
export interface Translate {
  (key: string, vars?: Record<string, unknown>): string | undefined;
  language?: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The server writes its human texts as `中文 / English`. Shows the half for the
 * current language; any other text is returned as it is.
 */
export function pickLanguage(text: string, language: string | undefined): string {
  const at = text.indexOf(' / ');
  if (at < 0) return text;
  const zh = text.slice(0, at).trim();
  const en = text.slice(at + 3).trim();
  if (!CJK.test(zh) || CJK.test(en) || !en) return text;
  return language?.toLowerCase().startsWith('en') ? en : zh;
}

/** A path in an antd Form: `['location', 'lat']`, `['items', 0, 'name']`. */
export type FieldPath = (string | number)[];

export interface FieldError {
  name: FieldPath;
  errors: string[];
}

export interface Notice {
  message: string;
  description?: string;
}

/** An error answer from the API, thrown by `unwrap` so queries and mutations fail. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, fallback?: string) {
    super(problem?.detail || problem?.title || fallback || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string | null {
    return this.problem?.code ?? null;
  }
}

/** Accepts any parsed body and returns it as a Problem when it looks like one. */
export function asProblem(body: unknown): Problem | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (typeof b.code !== 'string' || typeof b.status !== 'number') return null;
  if (b.errors !== undefined && b.errors !== null) {
    if (typeof b.errors !== 'object' || Array.isArray(b.errors)) return null;
  }
  return body as Problem;
}

/** `location.lat` -> ['location', 'lat']; `items[2].name` -> ['items', 2, 'name']. */
export function fieldPath(field: string): FieldPath {
  const path: FieldPath = [];
  for (const part of field.split('.')) {
    const re = /([^[\]]+)|\[(\d+)\]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(part)) !== null) {
      if (m[1] !== undefined) path.push(m[1]);
      else path.push(Number(m[2]));
    }
  }
  return path;
}

function messagesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return [value];
  return [];
}

/**
 * A field message may be a stable code (e.g. `required`, `length`) that the
 * catalogue translates under `validation.<code>`; otherwise it is shown as sent.
 */
export function translateFieldMessage(message: string, translate: Translate): string {
  return translate(`validation.${message}`) ?? pickLanguage(message, translate.language);
}

/**
 * Splits a problem's `errors` into those that belong to a field of the form and
 * the rest (returned as `label: message` lines for a notification).
 * `toFormPath` maps a server field name to the form path, or null when the form
 * has no such field.
 */
export function splitFieldErrors(
  problem: Problem,
  toFormPath: (field: string) => FieldPath | null,
  translate: Translate,
): { fields: FieldError[]; other: string[] } {
  const fields: FieldError[] = [];
  const other: string[] = [];
  const errors = (problem.errors ?? {}) as Record<string, unknown>;
  for (const [field, value] of Object.entries(errors)) {
    const messages = messagesOf(value).map((m) => translateFieldMessage(m, translate));
    if (messages.length === 0) continue;
    const path = toFormPath(field);
    if (path) {
      fields.push({ name: path, errors: messages });
    } else {
      const label = translate(`fields.${field}`) ?? field;
      for (const m of messages) other.push(`${label}: ${m}`);
    }
  }
  return { fields, other };
}

/** Form-path mapper for a form whose field names follow the server's, given its known fields. */
export function knownFields(names: Iterable<string>): (field: string) => FieldPath | null {
  const known = new Set(names);
  return (field) => {
    const path = fieldPath(field);
    if (path.length === 0) return null;
    // `location.lat` belongs to the form if the form has `location.lat` or `location`.
    for (let n = path.length; n > 0; n--) {
      const key = path.slice(0, n).join('.');
      if (known.has(key)) return path.slice(0, n);
    }
    return null;
  };
}

/**
 * For a 409 on a workflow object (e.g. a finalised meeting): what its state still allows,
 * in words (`allowedActions.<action>`), or nothing when the server lists no action.
 */
export function allowedLine(problem: Problem, translate: Translate): string | null {
  const allowed = (problem.allowed ?? []).filter((a): a is string => typeof a === 'string');
  if (allowed.length === 0) return null;
  const names = allowed.map((a) => translate(`allowedActions.${a}`) ?? a);
  const actions = names.join(translate('common.listSeparator') ?? ', ');
  return translate('errors.allowed', { actions }) ?? actions;
}

/** The notification for a problem: its code translated, else the server's words. */
export function problemNotice(problem: Problem, translate: Translate, extra: string[] = []): Notice {
  const translated = translate(`errors.${problem.code}`);
  const allowed = allowedLine(problem, translate);
  const lines = allowed ? [...extra, allowed] : [...extra];
  let message: string;
  if (translated) {
    message = translated;
  } else {
    const title = problem.title ? pickLanguage(problem.title, translate.language) : '';
    const detail = problem.detail ? pickLanguage(problem.detail, translate.language) : '';
    message = title || translate('errors.unknown') || problem.code;
    if (detail && detail !== message) lines.unshift(detail);
  }
  return lines.length ? { message, description: lines.join('\n') } : { message };
}

/** The notification for anything a request can throw. */
export function errorNotice(error: unknown, translate: Translate): Notice {
  if (error instanceof ApiError) {
    if (error.problem) {
      const other = error.problem.errors
        ? splitFieldErrors(error.problem, () => null, translate).other
        : [];
      return problemNotice(error.problem, translate, other);
    }
    return {
      message: translate('errors.http_status', { status: error.status }) ?? `HTTP ${error.status}`,
    };
  }
  if (error instanceof TypeError) {
    return { message: translate('errors.network') ?? error.message };
  }
  const problem = asProblem(error);
  if (problem) return problemNotice(problem, translate);
  return { message: translate('errors.unknown') ?? String(error) };
}

/**
 * For a failed form submission: the field errors to set on the form and, when
 * something is left over (no field errors, or errors for fields the form does not
 * show), the notification to raise.
 */
export function formErrors(
  error: unknown,
  toFormPath: (field: string) => FieldPath | null,
  translate: Translate,
): { fields: FieldError[]; notice: Notice | null } {
  const problem = error instanceof ApiError ? error.problem : asProblem(error);
  if (!problem || !problem.errors || Object.keys(problem.errors).length === 0) {
    return { fields: [], notice: errorNotice(error, translate) };
  }
  const { fields, other } = splitFieldErrors(problem, toFormPath, translate);
  if (other.length === 0 && fields.length > 0) return { fields, notice: null };
  return { fields, notice: problemNotice(problem, translate, other) };
}
