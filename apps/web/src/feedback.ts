/**
 * Toasts from anywhere (event handlers, helpers) through antd's `message.useMessage`, so they follow
 * the theme and locale. `Shell` (in main.tsx) hands the instance over once mounted.
 */
import type { FormInstance, message } from 'antd';
import { ApiError } from './api/client.ts';

type MessageInstance = ReturnType<typeof message.useMessage>[0];

let messageApi: MessageInstance | null = null;

export function setMessageApi(api: MessageInstance | null): void {
  messageApi = api;
}

export function toastSuccess(text: string): void {
  void messageApi?.success(text);
}

/** Server detail messages read "中文 / English": show people the Chinese half. */
export function zhPart(text: string): string {
  const i = text.indexOf(' / ');
  return i > 0 ? text.slice(0, i) : text;
}

/** Chinese text of any error, with the server's details appended unless already said. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const details = error.details
      .map((d) => zhPart(d.message))
      .filter((m) => m && !error.messageZh.includes(m));
    return details.length > 0 ? `${error.messageZh}：${details.join('；')}` : error.messageZh;
  }
  return error instanceof Error ? `操作失败：${error.message}` : '操作失败';
}

/** Toast an error. Redirecting codes (401 …) are handled by the session and not toasted twice. */
export function toastError(error: unknown): void {
  if (error instanceof ApiError && error.code === 'unauthenticated') return;
  void messageApi?.error(describeError(error));
}

/** The last segment of a detail path: `body.newPassword`, `/newPassword`, `newPassword` → `newPassword`. */
function fieldOf(path: string): string {
  const parts = path.split(/[./]/).filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

/**
 * An API error's details by the form field they name (`fields`: the form's field names; `aliases`
 * maps a server path to a field where they differ, as the password policy's `password`); the
 * error and the details no field shows are toasted. Null, after a toast, when no detail names a field.
 */
export function fieldErrors(
  error: unknown,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): Map<string, string[]> | null {
  if (!(error instanceof ApiError) || error.details.length === 0) {
    toastError(error);
    return null;
  }
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const detail of error.details) {
    const path = fieldOf(detail.path);
    const name = aliases[path] ?? path;
    const text = zhPart(detail.message);
    if (fields.includes(name)) byField.set(name, [...(byField.get(name) ?? []), text]);
    else if (!error.messageZh.includes(text)) rest.push(text);
  }
  void messageApi?.error(rest.length > 0 ? `${error.messageZh}：${rest.join('；')}` : error.messageZh);
  return byField;
}

/** Put an API error's details on the antd form fields they name; toast the rest (fieldErrors). */
export function showFormError(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): void {
  const byField = fieldErrors(error, fields, aliases);
  if (byField) form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
}
