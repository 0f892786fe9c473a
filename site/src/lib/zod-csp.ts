import { z } from 'zod';

// Zod probes `new Function` once to decide whether to compile fast parsers. The site's Content-Security-Policy
// forbids eval, so the probe is blocked and the browser reports a violation (Lighthouse counts it against best
// practices) although zod copes. Jitless mode skips the probe. Schemas read this setting when they are
// created, so every island that uses zod imports this module first.
z.config({ jitless: true });
