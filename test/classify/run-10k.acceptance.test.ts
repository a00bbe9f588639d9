// Acceptance tier: the classify kill/resume run at full size, 10,000 conversations (see
// kill-resume-suite.ts; the default tier runs the same assertions on 1,000).
import { describeKillResume } from './kill-resume-suite';

describeKillResume({ conversations: 10_000, killAfter: 15_000, taskRows: 1000, timeoutMs: 1_800_000 });
