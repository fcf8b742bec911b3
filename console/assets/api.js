// The public JSON API, as any third-party client would call it: bearer token, JSON bodies,
// RFC 9457 problems turned into errors a person can read.
import { accessToken, sessionExpired } from '/assets/auth.js';

/** An answer the API refused, worded for people. */
export class ApiError extends Error {
  constructor(status, message, fieldErrors = [], retryAfter = null) {
    super(message);
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.retryAfter = retryAfter;
  }
}

const STATUS_WORDS = {
  400: 'The request was not understood.',
  401: 'You are not signed in.',
  403: 'You are not allowed to do that.',
  404: 'That no longer exists.',
  409: 'That conflicts with the current state.',
  413: 'That is too large to send.',
  422: 'Please correct the highlighted fields.',
  429: 'Too many attempts.',
  503: 'The service is unavailable at the moment.',
};

/** `Retry-After` (seconds or an HTTP date) in words, or null. */
export function retryWords(header) {
  if (!header) return null;
  let seconds = Number(header);
  if (!Number.isFinite(seconds)) {
    const at = Date.parse(header);
    if (Number.isNaN(at)) return null;
    seconds = Math.max(0, Math.round((at - Date.now()) / 1000));
  }
  const at = new Date(Date.now() + seconds * 1000);
  const clock = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const span = seconds < 90 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
  return `Please try again in ${span} (at ${clock}).`;
}

/**
 * FastAPI-style validation errors ({loc, msg}) as {field, message}: `field` is the path
 * after "body"/"query", joined by dots (`address.country`).
 */
export function fieldErrorsOf(detail) {
  if (!Array.isArray(detail)) return [];
  return detail.map((error) => {
    const loc = Array.isArray(error.loc) ? error.loc : [];
    const path = ['body', 'query', 'path', 'header'].includes(loc[0]) ? loc.slice(1) : loc;
    const message = String(error.msg ?? 'Invalid value').replace(/^Value error, /, '');
    return { field: path.join('.'), message };
  });
}

async function errorFrom(response) {
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    // Not JSON (a proxy's page): the status words below are all there is.
  }
  const fieldErrors = fieldErrorsOf(problem?.detail);
  let message = typeof problem?.detail === 'string' && problem.detail ? problem.detail : null;
  if (!message) message = STATUS_WORDS[response.status] ?? `The service answered with an error (${response.status}).`;
  const retry = response.status === 429 || response.status === 503
    ? retryWords(response.headers.get('Retry-After')) : null;
  if (retry) message = `${message} ${retry}`;
  return new ApiError(response.status, message, fieldErrors, response.headers.get('Retry-After'));
}

/**
 * Calls the API. `options.json` is sent as JSON; `options.anonymous` sends no token (sign-in).
 * Resolves to the parsed answer; rejects with an ApiError. A refused token (401) ends the
 * session: the console goes back to sign-in with the API's reason.
 */
export async function request(path, options = {}) {
  const headers = new Headers(options.headers ?? {});
  headers.set('Accept', 'application/json');
  if (!options.anonymous) {
    const token = await accessToken();
    if (!token) throw new ApiError(401, 'Your session has expired. Please sign in again.');
    headers.set('Authorization', `Bearer ${token}`);
  }
  let body = options.body;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  }
  let response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'The service cannot be reached. Check the connection and try again.');
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && !options.anonymous) {
      const reason = error.message === 'Token has expired'
        ? 'Your session has expired.' : `You were signed out (${error.message}).`;
      sessionExpired(`${reason} Please sign in again; what you were typing is kept.`);
    }
    throw error;
  }
  if (response.status === 204) return null;
  return response.json();
}

/** A fresh key for one submission: a double click or a retry of the same form makes one booking. */
export function idempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
