import { z } from 'zod';

/**
 * Imported FIRST by the preload (and the e2e page bridge), before anything that builds a schema: zod decides whether
 * to compile parsers with `new Function` when each object schema is created, and probing for it
 * under the page's CSP (no eval) reports a violation even though zod catches the error.
 */
z.config({ jitless: true });
