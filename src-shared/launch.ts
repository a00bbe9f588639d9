// The launch URL of the local HTTP transport carries the per-launch token in its fragment, which a
// browser never sends to a server and no other local program can fetch from index.html. The page
// takes it out of the address bar at start (see src-renderer/transport/client.ts readToken).
// Format: `#token=T` or, opening a step directly, `#/explore&token=T` (the step first, so the
// hash router reads the step whether or not the token has been taken out yet).

const TOKEN_PARAM = /(^#|&)token=([A-Za-z0-9_-]+)/;

/** The fragment for a launch URL: the route (e.g. "/explore", optional) and the token. */
export function launchFragment(token: string, route = ''): string {
  const step = route.replace(/^#/, '');
  return `#${step ? `${step}&` : ''}token=${token}`;
}

/** The token in a location hash, and the hash without it ('' when nothing else was there). */
export function takeLaunchToken(hash: string): { token: string; rest: string } | null {
  const match = TOKEN_PARAM.exec(hash);
  if (!match) return null;
  const rest = hash.replace(TOKEN_PARAM, (_all, lead: string) => (lead === '#' ? '#' : '')).replace(/^#&/, '#');
  return { token: match[2] as string, rest: rest === '#' ? '' : rest };
}
