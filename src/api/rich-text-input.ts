/**
 * Rich text on the way in: Markdown becomes ADF for Cloud's v3 API and wiki markup for Data Center; raw
 * values pass through untouched when they suit the deployment. The converters load only when needed.
 */

import type { Deployment } from '../client/types.js';
import { ConfigurationError } from '../errors.js';
import type { AdfDoc } from '../text/index.js';

/** A rich-text value to write: Markdown, or the deployment's own format sent as is. */
export type RichTextInput = string | { adf: AdfDoc } | { wiki: string };

/** The wire value for `input` on `deployment` (ADF on Cloud, wiki markup on Data Center). */
export async function richTextForWire(input: RichTextInput, deployment: Deployment): Promise<unknown> {
  if (typeof input === 'string') {
    const text = await import('../text/index.js');
    return deployment === 'cloud' ? text.markdownToAdf(input) : text.markdownToWiki(input);
  }
  if (typeof input === 'object' && input !== null) {
    if ('adf' in input) {
      if (deployment !== 'cloud')
        throw new ConfigurationError('Raw ADF is for Jira Cloud; Data Center takes { wiki } or Markdown');
      return input.adf;
    }
    if ('wiki' in input) {
      if (deployment !== 'datacenter')
        throw new ConfigurationError(
          'Raw wiki markup is for Jira Data Center; Cloud takes { adf } or Markdown',
        );
      return input.wiki;
    }
  }
  throw new ConfigurationError('A body must be Markdown text, { adf } or { wiki }');
}
