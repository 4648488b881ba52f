/**
 * Jira's wire formats for instants and dates. The sandbox renders every instant in UTC, as Jira does for a
 * user whose time zone is `Etc/UTC` (every seeded user).
 */

/** `2026-01-05T10:00:00.000+0000` from an ISO string or a Date. */
export function jiraTimestamp(value: string | Date): string {
  const iso = typeof value === 'string' ? new Date(value).toISOString() : value.toISOString();
  return `${iso.slice(0, 23)}+0000`;
}

/** `jiraTimestamp`, passing null through. */
export function jiraTimestampOrNull(value: string | null): string | null {
  return value === null ? null : jiraTimestamp(value);
}

/** Cloud's rate-limit reset format: `yyyy-MM-ddTHH:mmZ`. */
export function rateLimitReset(at: Date): string {
  return `${at.toISOString().slice(0, 16)}Z`;
}
