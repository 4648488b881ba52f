/** Version dates as Jira takes them: `yyyy-MM-dd`, checked before anything is sent. */

import { InputError } from '../errors.js';

/** `yyyy-MM-dd` for a Date (its local calendar day) or a valid date string; null clears the date. */
export function versionDate(value: string | Date | null, what: string): string | null {
  if (value === null) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InputError(`The ${what} is not a valid date`);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return null;
  const date = new Date(`${text}T00:00:00Z`);
  if (
    !/^\d{4}-\d\d-\d\d$/.test(text) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== text
  ) {
    throw new InputError(`'${text}' is not a valid ${what} (use yyyy-MM-dd)`);
  }
  return text;
}
