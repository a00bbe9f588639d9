// Zod 4 compiles object parsers with `new Function` unless told not to, and probes for it even when
// the CSP (script-src 'self', no 'unsafe-eval') forbids it, which Chromium reports as a violation.
// The renderer keeps the strict policy, so zod runs jitless here. Object schemas read this setting
// when they are built, so main.tsx imports this module first, before any schema module.
import { z } from 'zod';

z.config({ jitless: true });
