/**
 * The sign-in and consent steps both OAuth servers share. A pending request lives server-side under a random id
 * that the pages carry in a hidden field, so no client secret ever passes through the browser.
 */
import type { UserRecord } from '../model.js';
import type { Store } from '../store.js';
import { consentPage, errorPage, htmlResponse, signInPage } from './pages.js';
import { randomToken } from './secrets.js';

/** What a protocol asks the user to approve, and how it answers once they decided. */
export interface LoginRequest {
  appName: string;
  scopes: readonly string[];
  /** The reply after the decision, usually a redirect back to the client. */
  finish(user: UserRecord, accepted: boolean): Response;
}

/** Where the pages post their forms (paths, context path included). */
export interface LoginActions {
  signIn: string;
  consent: string;
}

/** A form body as hono parses it. */
export type FormFields = Record<string, unknown>;

interface PendingLogin {
  request: LoginRequest;
  createdAt: number;
  /** Set once the user signed in; consent is only accepted after that. */
  userName: string | null;
}

/** How long a user may take from the sign-in page to the decision. */
const FLOW_TTL_MS = 10 * 60_000;
/** Pending requests kept at most; the oldest go first (abandoned browser tabs). */
const MAX_PENDING = 1_000;

export const WRONG_CREDENTIALS = 'Wrong user name or password';

/** Pending sign-ins of one protocol. */
export class LoginFlows {
  private readonly pending = new Map<string, PendingLogin>();

  constructor(
    private readonly store: Store,
    private readonly actions: LoginActions,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Opens a pending request and shows its sign-in page. */
  start(request: LoginRequest): Response {
    if (this.pending.size >= MAX_PENDING) {
      const oldest = this.pending.keys().next();
      if (!oldest.done) this.pending.delete(oldest.value);
    }
    const flowId = randomToken(24);
    this.pending.set(flowId, { request, createdAt: this.clock(), userName: null });
    return htmlResponse(200, signInPage({ action: this.actions.signIn, flowId, appName: request.appName }));
  }

  /** The sign-in form posted: the consent page, or the form again after wrong credentials. */
  signIn(form: FormFields): Response {
    const flowId = field(form, 'flow');
    const flow = this.lookup(flowId);
    if (!flow) return expired();
    const username = field(form, 'username').trim();
    const user = this.store.userByName(username) ?? this.store.userByEmail(username);
    if (!user?.active || user.password !== field(form, 'password')) {
      const page = signInPage({
        action: this.actions.signIn,
        flowId,
        appName: flow.request.appName,
        error: WRONG_CREDENTIALS,
        username,
      });
      return htmlResponse(200, page);
    }
    flow.userName = user.name;
    return htmlResponse(
      200,
      consentPage({
        action: this.actions.consent,
        flowId,
        appName: flow.request.appName,
        userDisplayName: user.displayName,
        scopes: flow.request.scopes,
      }),
    );
  }

  /** The consent form posted: the protocol's answer to Accept or Deny. The request is used up either way. */
  consent(form: FormFields): Response {
    const flowId = field(form, 'flow');
    const flow = this.lookup(flowId);
    const user = flow?.userName ? this.store.userByName(flow.userName) : undefined;
    if (!flow || !user?.active) return expired();
    this.pending.delete(flowId);
    return flow.request.finish(user, field(form, 'decision') === 'accept');
  }

  private lookup(flowId: string): PendingLogin | undefined {
    const flow = this.pending.get(flowId);
    if (!flow) return undefined;
    if (this.clock() - flow.createdAt > FLOW_TTL_MS) {
      this.pending.delete(flowId);
      return undefined;
    }
    return flow;
  }
}

function field(form: FormFields, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

function expired(): Response {
  return htmlResponse(
    400,
    errorPage(
      'Request expired',
      'This sign-in request is unknown or has expired. Start again from the application.',
    ),
  );
}
