// The classify kill/resume run on 500 conversations: the same assertions as the 10,000-conversation
// acceptance run (run-10k.acceptance.test.ts), killed at the same point (1.5 answered calls per
// conversation, a quarter of the run's ~6), small enough for every `npm test`.
import { describeKillResume } from './kill-resume-suite';

describeKillResume({ conversations: 500, killAfter: 750, taskRows: 300, timeoutMs: 600_000 });
