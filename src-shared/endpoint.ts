// The Claude endpoint (settings.baseURL) receives the API key with every request. Anything but
// https, or a loopback address (a local gateway or the test server), would send the key in clear
// text or to another machine: the engine refuses such a change unless the user confirmed it, and
// the Settings form asks for that confirmation with this reason.

/** 127.0.0.0/8, localhost and ::1, as URL normalises them (hostname of http://[::1] is "[::1]"). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Why sending the API key to this endpoint needs a confirmation, or null when it does not. */
export function insecureEndpointReason(url: string): string | null {
  if (url.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null; // not a URL at all: the settings schema refuses it with its own message
  }
  if (parsed.protocol === 'https:' || isLoopbackHost(parsed.hostname)) return null;
  const scheme = parsed.protocol.replace(/:$/, '');
  return `${parsed.host || url} is reached over ${scheme}, not https, and is not this computer: your Claude API key is sent with every request, and could be read or kept there.`;
}
