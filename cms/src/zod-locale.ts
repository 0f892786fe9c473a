import { z } from 'zod';

/**
 * zod's own messages in Russian for this process: the CMS answers visitors and staff, and a constraint a schema
 * gives no message of its own (a body that is not an object, an unknown option) must still read in Russian. The
 * project's messages, written into the schemas, take precedence over the locale. payload.config.ts imports this
 * module first, so the locale is set before anything validates.
 */
z.config(z.locales.ru());
