/** The Cloud sites an OAuth 2.0 grant reaches: the sandbox's own site and any extra ones a test asks for. */

/** The fixed cloudId of the sandbox's own site. */
export const SANDBOX_CLOUD_ID = '11111111-2222-4333-8444-555555555555';
export const SANDBOX_SITE_NAME = 'JiraTS Sandbox';
const AVATAR_URL = 'https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/site.png';

export interface ExtraSite {
  id: string;
  name: string;
  /** Default `https://<name as a slug>.atlassian.net`. */
  url?: string;
}

/** One entry of `accessible-resources`. */
export interface AccessibleResource {
  id: string;
  name: string;
  url: string;
  scopes: readonly string[];
  avatarUrl: string;
}

export class Sites {
  constructor(private readonly extra: readonly ExtraSite[]) {}

  /** Whether the gateway serves `cloudId` (every site serves the sandbox's data). */
  has(cloudId: string): boolean {
    return cloudId === SANDBOX_CLOUD_ID || this.extra.some((s) => s.id === cloudId);
  }

  /** The sites as `accessible-resources` lists them; `base` is the sandbox's own URL. */
  resources(base: string, scopes: readonly string[]): AccessibleResource[] {
    const own = { id: SANDBOX_CLOUD_ID, name: SANDBOX_SITE_NAME, url: base };
    const all = [own, ...this.extra.map((s) => ({ id: s.id, name: s.name, url: s.url ?? slugUrl(s.name) }))];
    return all.map((s) => ({ ...s, scopes: [...scopes], avatarUrl: AVATAR_URL }));
  }
}

function slugUrl(name: string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'site';
  return `https://${slug}.atlassian.net`;
}
