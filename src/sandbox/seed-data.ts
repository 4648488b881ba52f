/**
 * The hand-written rows the seed is built from: users, projects and the DEMO backlog. Kept apart from the
 * builder in seed.ts so the data reads as a table.
 */
import type { UserRecord } from './model.js';

/** Every instant in the seed is an offset from this fixed date, so the data never drifts between runs. */
export const SEED_BASE_DATE = '2026-01-05T10:00:00.000Z';

/** The three demo accounts; the seed copies them so a store never mutates this table. */
export const SEED_USERS: readonly UserRecord[] = [
  {
    name: 'admin',
    key: 'JIRAUSER10000',
    accountId: '5f3c8a1b2d4e6f7a8b9c0d1e',
    displayName: 'Sandbox Administrator',
    email: 'admin@example.com',
    active: true,
    admin: true,
    password: 'admin',
    apiTokens: ['admin-api-token'],
    pats: ['admin-pat'],
    timeZone: 'Etc/UTC',
    groups: ['jira-administrators', 'jira-software-users'],
  },
  {
    name: 'alice',
    key: 'JIRAUSER10001',
    accountId: '5f3c8a1b2d4e6f7a8b9c0d2f',
    displayName: 'Alice Anderson',
    email: 'alice@example.com',
    active: true,
    admin: false,
    password: 'alice',
    apiTokens: ['alice-api-token'],
    pats: ['alice-pat'],
    timeZone: 'Etc/UTC',
    groups: ['jira-software-users'],
  },
  {
    name: 'bob',
    key: 'JIRAUSER10002',
    accountId: '5f3c8a1b2d4e6f7a8b9c0d3a',
    displayName: 'Bob Brown',
    email: 'bob@example.com',
    active: true,
    admin: false,
    password: 'bob',
    apiTokens: ['bob-api-token'],
    pats: ['bob-pat'],
    timeZone: 'Etc/UTC',
    groups: ['jira-software-users'],
  },
];

/**
 * The DEMO backlog, one issue per line (DEMO-1 first). Columns: type | summary | status | assignee | priority |
 * labels | components | parent number | fix version | story points | resolution | due date | comment count.
 * Empty cells mean none; lists are comma-separated.
 */
export const DEMO_ISSUE_TABLE = `
Epic     | Checkout flow overhaul                        | In Progress | admin | High    | checkout             | Frontend         |    |     |   |          |            | 25
Epic     | Reporting dashboards                          | To Do       | alice | Medium  | reporting            |                  |    |     |   |          |            |
Story    | As a shopper I can save my cart for later     | In Progress | alice | High    | checkout,ux          | Frontend         | 1  |     | 5 |          |            | 2
Story    | As a shopper I can pay with a saved card      | To Do       | bob   | High    | checkout,payments    | Backend          | 1  |     | 8 |          | 2026-02-27 |
Bug      | Cart total ignores discount codes             | Closed      | bob   | Highest | checkout,regression  | Backend          |    | 1.0 |   | Done     |            | 3
Task     | Set up staging database backups               | Done        | admin | Medium  | ops                  | Backend          |    | 1.0 |   | Done     |            |
Sub-task | Design the saved-cart drawer                  | Done        | alice | Medium  |                      | Frontend         | 3  |     |   | Done     |            |
Sub-task | API endpoint for saved carts                  | In Progress | bob   | Medium  |                      | Backend          | 3  |     |   |          |            |
Bug      | Login page shows a blank screen on Safari     | In Progress | alice | High    | ui,safari            | Frontend         |    |     |   |          |            | 1
Story    | Weekly sales report by region                 | To Do       |       | Medium  | reporting            |                  | 2  |     | 3 |          |            |
Task     | Write the release notes for 1.1               | To Do       | admin | Low     | docs                 | Docs             |    | 1.1 |   |          | 2026-03-13 |
Bug      | Search results are not sorted by relevance    | Open        | bob   | Medium  | search               | Backend          |    |     |   |          |            |
Story    | Export dashboard widgets as CSV               | To Do       | alice | Low     | reporting,export     | Frontend         | 2  |     | 2 |          |            |
Task     | Upgrade the build to Node 20                  | Done        | bob   | Medium  | build                |                  |    | 1.0 |   | Done     |            |
Bug      | Time zone shown as UTC in order emails        | Resolved    | alice | Low     | email                | Backend          |    |     |   | Won't Do |            | 2
Task     | Review accessibility of the checkout form     | In Progress | admin | Medium  | a11y,checkout        | Frontend         |    | 1.1 |   |          |            |
Story    | Customers receive a shipping notification     | To Do       |       | Medium  | email                | Backend          |    |     | 5 |          |            |
Bug      | Duplicate order created on double click       | Reopened    | bob   | Highest | checkout             | Frontend,Backend |    | 1.1 |   |          |            | 1
Task     | Document the public REST endpoints            | In Progress | alice | Low     | docs                 | Docs             |    |     |   |          |            |
Story    | Filter the order list by status               | Done        | bob   | Medium  | orders               | Frontend         |    | 1.0 | 3 | Done     |            |
Bug      | Pagination skips the last page of orders      | Resolved    | alice | High    | orders,pagination    | Backend          |    | 1.0 |   | Done     |            | 2
Task     | Rotate the payment provider credentials       | To Do       | admin | High    | security,payments    | Backend          |    |     |   |          | 2026-01-30 |
Story    | Dark mode for the storefront                  | To Do       |       | Lowest  | ui                   | Frontend         |    | 2.0 |   |          |            |
Bug      | Avatar upload fails for PNG files over 2 MB   | In Progress | bob   | Medium  | upload               | Backend          |    |     |   |          |            |
Task     | Clean up unused feature flags                 | To Do       | alice | Low     | tech-debt            |                  |    |     |   |          |            |
Story    | Gift messages on orders                       | To Do       |       | Medium  |                      |                  |    | 2.0 |   |          |            |
Bug      | Typo in the password reset email              | Closed      | admin | Lowest  | email,copy           | Docs             |    |     |   | Done     |            |
Task     | Load test the search service                  | To Do       | bob   | Medium  | performance,search   | Backend          |    |     |   |          |            |
Sub-task | Chart component for weekly sales              | To Do       | alice | Medium  |                      | Frontend         | 10 |     |   |          |            |
Bug      | Unicode product names break the invoice PDF   | Open        | alice | High    | invoices,unicode     | Backend          |    |     |   |          |            | 1
`;

/** Markdown descriptions by DEMO issue number; issues not listed have none. */
export const DEMO_DESCRIPTIONS: Readonly<Record<number, string>> = {
  1: 'Rework the checkout so a shopper can pay in **three steps** or fewer.\n\n- saved carts\n- saved cards\n- clearer errors',
  3: 'A shopper who leaves the site keeps the items in the cart for **30 days**.',
  4: 'Store the card token with the payment provider, never the card number.',
  5: 'Steps:\n\n1. Add any item\n2. Apply the code `SAVE10`\n3. The total stays the same',
  9: 'Safari 17 shows a white page after the redirect from the identity provider.',
  12: 'Searching for *red shoes* lists socks first.',
  18: 'Clicking **Place order** twice quickly creates two orders.',
  22: 'The current credentials expire at the end of January.',
  30: 'A product named `Crème brûlée ✓ 日本` prints as question marks.\n\n> Reported by the finance team.',
};

/** Comment texts the seed cycles through (Markdown). */
export const COMMENT_TEXTS: readonly string[] = [
  'I can reproduce this on the staging site.',
  'Looks good to me, **ship it**.',
  'Could we add a test for the empty case?',
  'Moved to the next sprint: blocked on the payment provider.',
  'Fixed in `main`, please verify.',
  'See the notes in the design doc, section 3.',
  'Still happening after the last deploy.',
];
