/** What other pages tell the sign-in page through navigation state. */
export interface SignInState {
  from?: string;
  expired?: boolean;
  signedOut?: boolean;
}

/** Reads navigation state defensively: it survives reloads and may be anything. */
export function readSignInState(state: unknown): SignInState {
  if (typeof state !== 'object' || state === null) return {};
  const result: SignInState = {};
  if ('from' in state && typeof state.from === 'string' && state.from.startsWith('/'))
    result.from = state.from;
  if ('expired' in state && state.expired === true) result.expired = true;
  if ('signedOut' in state && state.signedOut === true) result.signedOut = true;
  return result;
}
