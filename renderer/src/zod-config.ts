import { z } from 'zod';

// zod probes `new Function` (once, when the first object schema is built) to speed up parsing.
// The app's CSP forbids eval, and the probe would be reported as a violation: turn it off.
z.config({ jitless: true });
