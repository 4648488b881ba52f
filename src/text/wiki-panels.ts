// Panels in wiki markup ↔ GitHub alerts in Markdown. The panel title names the alert ("Warning"), and
// the background colour is the fallback for panels written by hand.

interface PanelStyle {
  alert: string;
  title: string;
  background: string;
}

const STYLES: readonly PanelStyle[] = [
  { alert: 'NOTE', title: 'Note', background: '#deebff' },
  { alert: 'TIP', title: 'Tip', background: '#e3fcef' },
  { alert: 'IMPORTANT', title: 'Important', background: '#eae6ff' },
  { alert: 'WARNING', title: 'Warning', background: '#fffae6' },
  { alert: 'CAUTION', title: 'Caution', background: '#ffebe6' },
  { alert: 'SUCCESS', title: 'Success', background: '#e3fcef' },
];

const MACRO_ALERTS: Readonly<Record<string, string>> = {
  info: 'NOTE',
  note: 'IMPORTANT',
  tip: 'TIP',
  warning: 'WARNING',
  success: 'SUCCESS',
};

/** The alert for a wiki panel macro, and the title still to show when it does not name the alert. */
export function wikiPanelAlert(macro: string, params: string): { alert: string; title: string } {
  const values = new Map<string, string>();
  for (const part of params.split('|')) {
    const eq = part.indexOf('=');
    if (eq > 0) values.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const title = values.get('title') ?? '';
  const byTitle = STYLES.find((style) => style.title.toLowerCase() === title.toLowerCase());
  if (byTitle) return { alert: byTitle.alert, title: '' };
  if (macro !== 'panel') return { alert: MACRO_ALERTS[macro] ?? 'NOTE', title };
  const background = (values.get('bgcolor') ?? '').toLowerCase();
  const byColor = STYLES.find((style) => style.background === background);
  return { alert: byColor?.alert ?? 'NOTE', title };
}

/** The `{panel:...}` opening tag for an alert keyword. */
export function wikiPanelOpen(alert: string): string {
  const style = STYLES.find((candidate) => candidate.alert === alert) ?? STYLES[0];
  return `{panel:title=${style?.title ?? 'Note'}|bgColor=${style?.background ?? '#deebff'}}`;
}
