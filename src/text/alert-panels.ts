import type { Blockquote } from 'mdast';

// GitHub-style alerts (`> [!NOTE]`) are the Markdown spelling of ADF panels. Colours decide the pairing:
// GitHub's blue NOTE is Jira's blue info panel, purple IMPORTANT is Jira's purple note panel.

/** ADF panel types. */
export type PanelType = 'info' | 'note' | 'tip' | 'warning' | 'error' | 'success' | 'custom';

const ALERT_TO_PANEL: Readonly<Record<string, PanelType>> = {
  NOTE: 'info',
  INFO: 'info',
  TIP: 'tip',
  IMPORTANT: 'note',
  WARNING: 'warning',
  CAUTION: 'error',
  ERROR: 'error',
  DANGER: 'error',
  SUCCESS: 'success',
};

const PANEL_TO_ALERT: Readonly<Record<PanelType, string>> = {
  info: 'NOTE',
  note: 'IMPORTANT',
  tip: 'TIP',
  warning: 'WARNING',
  error: 'CAUTION',
  success: 'SUCCESS',
  custom: 'NOTE',
};

/** `[!NOTE]` at the very start of a quote's first line, followed by the end of that line. */
export const ALERT_MARKER = /^\[!([A-Za-z]+)\][ \t]*(?:\r?\n|\r|$)/;

/** The panel type for an alert keyword (case-insensitive), or undefined when it is not one. */
export function panelTypeForAlert(keyword: string): PanelType | undefined {
  const upper = keyword.toUpperCase();
  return Object.hasOwn(ALERT_TO_PANEL, upper) ? ALERT_TO_PANEL[upper] : undefined;
}

/** The alert keyword to write for an ADF panel type (unknown types read as NOTE). */
export function alertForPanelType(panelType: unknown): string {
  return typeof panelType === 'string' && Object.hasOwn(PANEL_TO_ALERT, panelType)
    ? PANEL_TO_ALERT[panelType as PanelType]
    : 'NOTE';
}

/**
 * If a quote opens with a literal alert marker, remove it and return the panel type. `> \[!NOTE]` parses
 * to the same text as `> [!NOTE]`, so the source character decides whether the bracket was escaped.
 */
export function takeAlertMarker(node: Blockquote, source: string): PanelType | undefined {
  const first = node.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const text = first.children[0];
  if (text?.type !== 'text') return undefined;
  const offset = text.position?.start.offset;
  if (offset === undefined || source.charCodeAt(offset) !== 91) return undefined;
  const match = ALERT_MARKER.exec(text.value);
  const panelType = match ? panelTypeForAlert(match[1] ?? '') : undefined;
  if (!match || !panelType) return undefined;
  text.value = text.value.slice(match[0].length);
  if (!text.value) first.children.shift();
  if (first.children.length === 0) node.children.shift();
  return panelType;
}
