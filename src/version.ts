/** The package version, sent in the default `User-Agent` (kept in step with package.json by the release). */
export const VERSION = '0.1.0';
