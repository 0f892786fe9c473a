import { z } from 'zod';

// Zod probes `Function("")` once to decide whether to compile fast parsers. The admin's Content-Security-Policy
// forbids eval (cms/next.config.mjs), so the browser reports a violation although zod copes. Jitless mode skips the
// probe; every admin client component that parses with zod imports this module first (as site/src/lib/zod-csp.ts
// does for the site's islands).
z.config({ jitless: true });
