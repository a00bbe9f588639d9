// A deliberately simple redactor for packets that leave the analyst's machine. It is a regex pass, not
// a PII detector: it catches the identifiers that are easy to spot (emails, URLs, phone numbers, long
// digit runs such as account or card numbers) and leaves names and addresses alone.
//
// Rules, applied in this order so an earlier placeholder is never re-matched by a later rule:
//   1. email  local@domain.tld                                 → [email]
//   2. url    http(s)://… or www.… up to whitespace            → [url]
//   3. phone  optional +, digits with space . - ( ) between,
//             9–15 digits in all and at least one separator    → [phone]
//   4. number any remaining run of 6 or more digits            → [number]

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]]+/gi;
const PHONE_CANDIDATE = /(?<![\w+])\+?\(?\d[\d\s().-]{6,}\d(?!\w)/g;
const LONG_DIGITS = /\d{6,}/g;

export function redactText(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(URL_RE, '[url]')
    .replace(PHONE_CANDIDATE, (m) => (isPhone(m) ? '[phone]' : m))
    .replace(LONG_DIGITS, '[number]');
}

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  // A separator is required so a bare digit run (an id) falls through to the [number] rule, and a
  // line break inside the match would join two unrelated numbers.
  return digits >= 9 && digits <= 15 && /[\s().-]/.test(candidate) && !/\n/.test(candidate);
}
