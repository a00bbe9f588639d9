// zod builds a JIT fast path for object schemas and probes `new Function` when the schemas in
// src-shared/api.ts are constructed (the renderer imports that module for API_CALL_NAMES). The
// probe is caught, but under our CSP (no 'unsafe-eval') Chromium still reports it as a
// securitypolicyviolation. `jitless` skips the probe; the renderer never validates with these
// schemas anyway (the main process does). main.tsx imports this module first so it runs before
// any schema is built.
import { config } from 'zod';

config({ jitless: true });
