// Who is signed in. The access token lives in sessionStorage (this tab only, gone when it
// closes) with an in-memory copy for browsers that refuse storage; never in localStorage or
// a readable cookie. Signing in also starts a session whose refresh token the service keeps in
// an HttpOnly cookie (script never sees it): when the 30-minute access token runs out,
// `accessToken()` trades that cookie for a new one (`grant_type=refresh_token`), so a person
// stays signed in through a working day; only when the session has ended is sign-in shown.

const TOKEN_KEY = 'booking.token';
let memoryToken = null;
const expiredListeners = [];

function stored() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return memoryToken;
  }
}

function store(token) {
  memoryToken = token;
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage is off (private mode, policy): the in-memory copy is all there is.
  }
}

/** The claims of a JWT, read without verifying: the server verifies; this only reads `exp`. */
export function claims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '=')));
  } catch {
    return {};
  }
}

/** Whether a token's `exp` has passed (a few seconds early, for clock skew and the trip). */
export function isExpired(token) {
  const { exp } = claims(token);
  return typeof exp === 'number' && exp * 1000 <= Date.now() + 5000;
}

/** The token for the next request, or null when the user must sign in (again). */
export async function accessToken() {
  const token = stored();
  if (!token) return null;
  if (isExpired(token)) {
    const renewed = await refreshed();
    if (renewed) return renewed;
    sessionExpired('Your session has expired. Please sign in again; what you were typing is kept.');
    return null;
  }
  return token;
}

let pendingRefresh = null;

/**
 * The refresh grant with the session cookie: a new access token, or null when the session has
 * ended (signed out elsewhere, idle for too long, password changed). Requests that find the
 * token expired at the same moment share one refresh: a refresh token is good for one use.
 */
function refreshed() {
  if (!pendingRefresh) {
    pendingRefresh = fetch('/token', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'refresh_token' }),
    })
      .then(async (response) => {
        if (!response.ok) return null;
        const answer = await response.json();
        store(answer.access_token);
        return answer.access_token;
      })
      .catch(() => null)
      .finally(() => {
        pendingRefresh = null;
      });
  }
  return pendingRefresh;
}

export function hasSession() {
  return Boolean(stored());
}

/** POST /token with the form's credentials. Resolves to the token, or throws the API's error. */
export async function signIn(username, password, request) {
  const body = new URLSearchParams({ username, password });
  const answer = await request('/token', { method: 'POST', body, anonymous: true });
  store(answer.access_token);
  return answer.access_token;
}

/** Ends the session on the service too (RFC 7009 revocation of the cookie's refresh token). */
export function signOut() {
  store(null);
  fetch('/token/revoke', { method: 'POST', credentials: 'same-origin', body: new URLSearchParams() })
    .catch(() => {});
}

/** Called when the API refuses the token (401) or it runs out: back to sign-in, with `message`. */
export function sessionExpired(message) {
  store(null);
  for (const listener of expiredListeners) listener(message);
}

export function onSessionExpired(listener) {
  expiredListeners.push(listener);
}
